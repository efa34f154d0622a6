/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query GemeindePositions { gemeindePositions { count ags lat lon } }\n": typeof types.GemeindePositionsDocument,
    "\n  query NetworkGraph($first: Int!) {\n    reachNetwork { graph(first: $first) { truncated ags name community betweenness degree linkSource linkTarget } }\n  }\n": typeof types.NetworkGraphDocument,
    "\n  query Dashboard($from: ReachSource!, $hops: Int!) {\n    viewer { role }\n    reach(from: $from, maxHops: $hops) {\n      reachedCount\n      municipalities { reached total share populationShare }\n      byState { key share { reached total share } }\n      whiteSpots(first: 15) { kreis { ags name } population gemeinden }\n    }\n    reachGrowth(maxHops: $hops) { event { slug title } date added after }\n    reachNetwork { status brokers(first: 10) { municipality { ags name } betweenness degree } communities(first: 8) { id size dominantTopics { name } } }\n  }\n": typeof types.DashboardDocument,
    "\n  query Reached($from: ReachSource!, $hops: Int!, $after: String) {\n    reach(from: $from, maxHops: $hops) { reached(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ags } } } }\n  }\n": typeof types.ReachedDocument,
    "\n  query MeasureTopics {\n    topics(filter: { fieldsOfAction: true }, first: 100) { edges { node { slug name subtopics { slug name } } } }\n  }\n": typeof types.MeasureTopicsDocument,
    "\n  query MeasuresPage($filter: MeasureFilter, $after: String) {\n    measures(filter: $filter, first: 20, after: $after) {\n      totalCount\n      byStatus { status count }\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          slug name status statusAsOf\n          project { name runners { municipality { ags name } } }\n          sources { url }\n        }\n      }\n    }\n  }\n": typeof types.MeasuresPageDocument,
    "\n  query MunicipalityPage($ags: String!) {\n    municipality(ags: $ags) {\n      ags name kind population sizeClass urbanisation\n      kreis { ags name }\n      land { name }\n      topics { slug name }\n      inheritedTopics { topic { slug name } via { from { ags name } project { name } } }\n      projects(first: 10) {\n        totalCount\n        edges {\n          role\n          node {\n            slug name sources\n            measures { slug name status statusAsOf sources { url } }\n          }\n        }\n      }\n      eventsAttended { slug title startsOn }\n      eventsHosted { slug title startsOn }\n      exchanges { kind partner { ags name } sinceDate { value precision } topicWording sources { url } }\n      contacts { uuid name role email phone }\n    }\n  }\n": typeof types.MunicipalityPageDocument,
    "\n  query MunicipalityActivity($ags: String!) {\n    municipality(ags: $ags) {\n      ags\n      programmes {\n        role group cohort yearFrom yearTo projectTitle topicsWording topicsAreProgrammeFields\n        programme { slug name isModelProjectProgramme }\n        project { slug name }\n        sources { url }\n      }\n      solutionsUsed {\n        status isOrigin topicsWording\n        date { value precision }\n        solution { slug name }\n        sources { url }\n      }\n      smartCityIndex { year rank score sources { url } }\n      contactPoints {\n        unit municipalityWording email emailBasis phone phoneBasis web contactPage\n        asOf { value precision }\n        project { name }\n        sources { url }\n      }\n    }\n  }\n": typeof types.MunicipalityActivityDocument,
    "\n  query ProgrammeGroup($slug: String!) {\n    programme(slug: $slug) {\n      participants(first: 100) { totalCount edges { node { group municipality { ags name } } } }\n    }\n  }\n": typeof types.ProgrammeGroupDocument,
    "\n  query ProjectRunners($slug: String!) {\n    project(slug: $slug) { runners { municipality { ags name } } }\n  }\n": typeof types.ProjectRunnersDocument,
    "\n  query PeerTopics {\n    topics(filter: { fieldsOfAction: true }, first: 100) {\n      edges { node { slug name subtopics { slug name } } }\n    }\n  }\n": typeof types.PeerTopicsDocument,
    "\n  query PeerSearch($text: String!) {\n    search(text: $text, types: [MUNICIPALITY], first: 8) {\n      node { __typename ... on Municipality { ags name kind kreis { name } } }\n    }\n  }\n": typeof types.PeerSearchDocument,
    "\n  query PeerFinder($ags: String!, $interests: [String!], $filter: PeerFilter) {\n    municipality(ags: $ags) { ags name location { lat lon } }\n    peers(ags: $ags, interests: $interests, filter: $filter, first: 20) {\n      totalCount\n      edges {\n        score\n        node { ags name kind population location { lat lon } }\n        explanation {\n          basis topicScore distanceKm\n          sharedTopics { topic { slug name } weight }\n          structure { score populationRatio sameSizeClass sameUrbanisation sameKind sameState }\n        }\n      }\n    }\n    learningPartners(ags: $ags, interests: $interests, filter: $filter, first: 20) {\n      totalCount\n      edges {\n        score\n        node { __typename ... on Measure { slug name } ... on Project { slug name } }\n        project { name }\n        runner { ags name }\n        contacts { uuid name role email }\n        contactPoints { unit municipalityWording email emailBasis web }\n        sources { url }\n        explanation { basis status statusAsOf distanceKm matchedTopics { topic { slug name } weight } }\n      }\n    }\n  }\n": typeof types.PeerFinderDocument,
    "\n  query ProgrammePage($slug: String!, $state: State, $role: ParticipationRole, $after: String) {\n    programme(slug: $slug) {\n      slug name funder level states yearFrom yearTo isModelProjectProgramme\n      sources { url }\n      participants(state: $state, role: $role, first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            role group cohort projectTitle\n            project { slug name }\n            municipality { ags name location { lat lon } }\n            sources { url }\n          }\n        }\n      }\n    }\n  }\n": typeof types.ProgrammePageDocument,
    "\n  query Search($text: String!) {\n    search(text: $text, types: [MUNICIPALITY, PROGRAMME, SOLUTION, PROJECT, MEASURE, TOPIC, EVENT], first: 30) {\n      score\n      node {\n        __typename\n        ... on Municipality { ags name kind kreis { name } land { name } }\n        ... on Project { slug name }\n        ... on Measure { slug name status }\n        ... on Topic { slug name }\n        ... on Event { slug title }\n        ... on Programme { slug name }\n        ... on ReusableSolution { slug name }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query Viewer {\n    viewer { kind role municipality { ags name interests { topic { slug name } since } } apiKey { name } }\n    topics(first: 100) { edges { node { slug name parent { slug } } } }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation AddInterest($ags: String!, $topic: String!) { addInterest(ags: $ags, topic: $topic) { ags } }\n": typeof types.AddInterestDocument,
    "\n  mutation RemoveInterest($ags: String!, $topic: String!) { removeInterest(ags: $ags, topic: $topic) { ags } }\n": typeof types.RemoveInterestDocument,
    "\n  query SolutionPage($slug: String!, $nearestTo: String, $asker: String!, $after: String, $withAsker: Boolean!) {\n    solution(slug: $slug) {\n      slug name originWording openSource repositoryUrl\n      origin { ags name }\n      topics { slug name }\n      sources { url }\n      users(nearestTo: $nearestTo, first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          distanceKm\n          node {\n            status isOrigin topicsWording\n            date { value precision }\n            municipality { ags name location { lat lon } }\n            sources { url }\n          }\n        }\n      }\n    }\n    asker: municipality(ags: $asker) @include(if: $withAsker) { ags name location { lat lon } }\n  }\n": typeof types.SolutionPageDocument,
};
const documents: Documents = {
    "\n  query GemeindePositions { gemeindePositions { count ags lat lon } }\n": types.GemeindePositionsDocument,
    "\n  query NetworkGraph($first: Int!) {\n    reachNetwork { graph(first: $first) { truncated ags name community betweenness degree linkSource linkTarget } }\n  }\n": types.NetworkGraphDocument,
    "\n  query Dashboard($from: ReachSource!, $hops: Int!) {\n    viewer { role }\n    reach(from: $from, maxHops: $hops) {\n      reachedCount\n      municipalities { reached total share populationShare }\n      byState { key share { reached total share } }\n      whiteSpots(first: 15) { kreis { ags name } population gemeinden }\n    }\n    reachGrowth(maxHops: $hops) { event { slug title } date added after }\n    reachNetwork { status brokers(first: 10) { municipality { ags name } betweenness degree } communities(first: 8) { id size dominantTopics { name } } }\n  }\n": types.DashboardDocument,
    "\n  query Reached($from: ReachSource!, $hops: Int!, $after: String) {\n    reach(from: $from, maxHops: $hops) { reached(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ags } } } }\n  }\n": types.ReachedDocument,
    "\n  query MeasureTopics {\n    topics(filter: { fieldsOfAction: true }, first: 100) { edges { node { slug name subtopics { slug name } } } }\n  }\n": types.MeasureTopicsDocument,
    "\n  query MeasuresPage($filter: MeasureFilter, $after: String) {\n    measures(filter: $filter, first: 20, after: $after) {\n      totalCount\n      byStatus { status count }\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          slug name status statusAsOf\n          project { name runners { municipality { ags name } } }\n          sources { url }\n        }\n      }\n    }\n  }\n": types.MeasuresPageDocument,
    "\n  query MunicipalityPage($ags: String!) {\n    municipality(ags: $ags) {\n      ags name kind population sizeClass urbanisation\n      kreis { ags name }\n      land { name }\n      topics { slug name }\n      inheritedTopics { topic { slug name } via { from { ags name } project { name } } }\n      projects(first: 10) {\n        totalCount\n        edges {\n          role\n          node {\n            slug name sources\n            measures { slug name status statusAsOf sources { url } }\n          }\n        }\n      }\n      eventsAttended { slug title startsOn }\n      eventsHosted { slug title startsOn }\n      exchanges { kind partner { ags name } sinceDate { value precision } topicWording sources { url } }\n      contacts { uuid name role email phone }\n    }\n  }\n": types.MunicipalityPageDocument,
    "\n  query MunicipalityActivity($ags: String!) {\n    municipality(ags: $ags) {\n      ags\n      programmes {\n        role group cohort yearFrom yearTo projectTitle topicsWording topicsAreProgrammeFields\n        programme { slug name isModelProjectProgramme }\n        project { slug name }\n        sources { url }\n      }\n      solutionsUsed {\n        status isOrigin topicsWording\n        date { value precision }\n        solution { slug name }\n        sources { url }\n      }\n      smartCityIndex { year rank score sources { url } }\n      contactPoints {\n        unit municipalityWording email emailBasis phone phoneBasis web contactPage\n        asOf { value precision }\n        project { name }\n        sources { url }\n      }\n    }\n  }\n": types.MunicipalityActivityDocument,
    "\n  query ProgrammeGroup($slug: String!) {\n    programme(slug: $slug) {\n      participants(first: 100) { totalCount edges { node { group municipality { ags name } } } }\n    }\n  }\n": types.ProgrammeGroupDocument,
    "\n  query ProjectRunners($slug: String!) {\n    project(slug: $slug) { runners { municipality { ags name } } }\n  }\n": types.ProjectRunnersDocument,
    "\n  query PeerTopics {\n    topics(filter: { fieldsOfAction: true }, first: 100) {\n      edges { node { slug name subtopics { slug name } } }\n    }\n  }\n": types.PeerTopicsDocument,
    "\n  query PeerSearch($text: String!) {\n    search(text: $text, types: [MUNICIPALITY], first: 8) {\n      node { __typename ... on Municipality { ags name kind kreis { name } } }\n    }\n  }\n": types.PeerSearchDocument,
    "\n  query PeerFinder($ags: String!, $interests: [String!], $filter: PeerFilter) {\n    municipality(ags: $ags) { ags name location { lat lon } }\n    peers(ags: $ags, interests: $interests, filter: $filter, first: 20) {\n      totalCount\n      edges {\n        score\n        node { ags name kind population location { lat lon } }\n        explanation {\n          basis topicScore distanceKm\n          sharedTopics { topic { slug name } weight }\n          structure { score populationRatio sameSizeClass sameUrbanisation sameKind sameState }\n        }\n      }\n    }\n    learningPartners(ags: $ags, interests: $interests, filter: $filter, first: 20) {\n      totalCount\n      edges {\n        score\n        node { __typename ... on Measure { slug name } ... on Project { slug name } }\n        project { name }\n        runner { ags name }\n        contacts { uuid name role email }\n        contactPoints { unit municipalityWording email emailBasis web }\n        sources { url }\n        explanation { basis status statusAsOf distanceKm matchedTopics { topic { slug name } weight } }\n      }\n    }\n  }\n": types.PeerFinderDocument,
    "\n  query ProgrammePage($slug: String!, $state: State, $role: ParticipationRole, $after: String) {\n    programme(slug: $slug) {\n      slug name funder level states yearFrom yearTo isModelProjectProgramme\n      sources { url }\n      participants(state: $state, role: $role, first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            role group cohort projectTitle\n            project { slug name }\n            municipality { ags name location { lat lon } }\n            sources { url }\n          }\n        }\n      }\n    }\n  }\n": types.ProgrammePageDocument,
    "\n  query Search($text: String!) {\n    search(text: $text, types: [MUNICIPALITY, PROGRAMME, SOLUTION, PROJECT, MEASURE, TOPIC, EVENT], first: 30) {\n      score\n      node {\n        __typename\n        ... on Municipality { ags name kind kreis { name } land { name } }\n        ... on Project { slug name }\n        ... on Measure { slug name status }\n        ... on Topic { slug name }\n        ... on Event { slug title }\n        ... on Programme { slug name }\n        ... on ReusableSolution { slug name }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query Viewer {\n    viewer { kind role municipality { ags name interests { topic { slug name } since } } apiKey { name } }\n    topics(first: 100) { edges { node { slug name parent { slug } } } }\n  }\n": types.ViewerDocument,
    "\n  mutation AddInterest($ags: String!, $topic: String!) { addInterest(ags: $ags, topic: $topic) { ags } }\n": types.AddInterestDocument,
    "\n  mutation RemoveInterest($ags: String!, $topic: String!) { removeInterest(ags: $ags, topic: $topic) { ags } }\n": types.RemoveInterestDocument,
    "\n  query SolutionPage($slug: String!, $nearestTo: String, $asker: String!, $after: String, $withAsker: Boolean!) {\n    solution(slug: $slug) {\n      slug name originWording openSource repositoryUrl\n      origin { ags name }\n      topics { slug name }\n      sources { url }\n      users(nearestTo: $nearestTo, first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          distanceKm\n          node {\n            status isOrigin topicsWording\n            date { value precision }\n            municipality { ags name location { lat lon } }\n            sources { url }\n          }\n        }\n      }\n    }\n    asker: municipality(ags: $asker) @include(if: $withAsker) { ags name location { lat lon } }\n  }\n": types.SolutionPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GemeindePositions { gemeindePositions { count ags lat lon } }\n"): typeof import('./graphql').GemeindePositionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NetworkGraph($first: Int!) {\n    reachNetwork { graph(first: $first) { truncated ags name community betweenness degree linkSource linkTarget } }\n  }\n"): typeof import('./graphql').NetworkGraphDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Dashboard($from: ReachSource!, $hops: Int!) {\n    viewer { role }\n    reach(from: $from, maxHops: $hops) {\n      reachedCount\n      municipalities { reached total share populationShare }\n      byState { key share { reached total share } }\n      whiteSpots(first: 15) { kreis { ags name } population gemeinden }\n    }\n    reachGrowth(maxHops: $hops) { event { slug title } date added after }\n    reachNetwork { status brokers(first: 10) { municipality { ags name } betweenness degree } communities(first: 8) { id size dominantTopics { name } } }\n  }\n"): typeof import('./graphql').DashboardDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reached($from: ReachSource!, $hops: Int!, $after: String) {\n    reach(from: $from, maxHops: $hops) { reached(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { ags } } } }\n  }\n"): typeof import('./graphql').ReachedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeasureTopics {\n    topics(filter: { fieldsOfAction: true }, first: 100) { edges { node { slug name subtopics { slug name } } } }\n  }\n"): typeof import('./graphql').MeasureTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MeasuresPage($filter: MeasureFilter, $after: String) {\n    measures(filter: $filter, first: 20, after: $after) {\n      totalCount\n      byStatus { status count }\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          slug name status statusAsOf\n          project { name runners { municipality { ags name } } }\n          sources { url }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').MeasuresPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MunicipalityPage($ags: String!) {\n    municipality(ags: $ags) {\n      ags name kind population sizeClass urbanisation\n      kreis { ags name }\n      land { name }\n      topics { slug name }\n      inheritedTopics { topic { slug name } via { from { ags name } project { name } } }\n      projects(first: 10) {\n        totalCount\n        edges {\n          role\n          node {\n            slug name sources\n            measures { slug name status statusAsOf sources { url } }\n          }\n        }\n      }\n      eventsAttended { slug title startsOn }\n      eventsHosted { slug title startsOn }\n      exchanges { kind partner { ags name } sinceDate { value precision } topicWording sources { url } }\n      contacts { uuid name role email phone }\n    }\n  }\n"): typeof import('./graphql').MunicipalityPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MunicipalityActivity($ags: String!) {\n    municipality(ags: $ags) {\n      ags\n      programmes {\n        role group cohort yearFrom yearTo projectTitle topicsWording topicsAreProgrammeFields\n        programme { slug name isModelProjectProgramme }\n        project { slug name }\n        sources { url }\n      }\n      solutionsUsed {\n        status isOrigin topicsWording\n        date { value precision }\n        solution { slug name }\n        sources { url }\n      }\n      smartCityIndex { year rank score sources { url } }\n      contactPoints {\n        unit municipalityWording email emailBasis phone phoneBasis web contactPage\n        asOf { value precision }\n        project { name }\n        sources { url }\n      }\n    }\n  }\n"): typeof import('./graphql').MunicipalityActivityDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammeGroup($slug: String!) {\n    programme(slug: $slug) {\n      participants(first: 100) { totalCount edges { node { group municipality { ags name } } } }\n    }\n  }\n"): typeof import('./graphql').ProgrammeGroupDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProjectRunners($slug: String!) {\n    project(slug: $slug) { runners { municipality { ags name } } }\n  }\n"): typeof import('./graphql').ProjectRunnersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeerTopics {\n    topics(filter: { fieldsOfAction: true }, first: 100) {\n      edges { node { slug name subtopics { slug name } } }\n    }\n  }\n"): typeof import('./graphql').PeerTopicsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeerSearch($text: String!) {\n    search(text: $text, types: [MUNICIPALITY], first: 8) {\n      node { __typename ... on Municipality { ags name kind kreis { name } } }\n    }\n  }\n"): typeof import('./graphql').PeerSearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PeerFinder($ags: String!, $interests: [String!], $filter: PeerFilter) {\n    municipality(ags: $ags) { ags name location { lat lon } }\n    peers(ags: $ags, interests: $interests, filter: $filter, first: 20) {\n      totalCount\n      edges {\n        score\n        node { ags name kind population location { lat lon } }\n        explanation {\n          basis topicScore distanceKm\n          sharedTopics { topic { slug name } weight }\n          structure { score populationRatio sameSizeClass sameUrbanisation sameKind sameState }\n        }\n      }\n    }\n    learningPartners(ags: $ags, interests: $interests, filter: $filter, first: 20) {\n      totalCount\n      edges {\n        score\n        node { __typename ... on Measure { slug name } ... on Project { slug name } }\n        project { name }\n        runner { ags name }\n        contacts { uuid name role email }\n        contactPoints { unit municipalityWording email emailBasis web }\n        sources { url }\n        explanation { basis status statusAsOf distanceKm matchedTopics { topic { slug name } weight } }\n      }\n    }\n  }\n"): typeof import('./graphql').PeerFinderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProgrammePage($slug: String!, $state: State, $role: ParticipationRole, $after: String) {\n    programme(slug: $slug) {\n      slug name funder level states yearFrom yearTo isModelProjectProgramme\n      sources { url }\n      participants(state: $state, role: $role, first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node {\n            role group cohort projectTitle\n            project { slug name }\n            municipality { ags name location { lat lon } }\n            sources { url }\n          }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql').ProgrammePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!) {\n    search(text: $text, types: [MUNICIPALITY, PROGRAMME, SOLUTION, PROJECT, MEASURE, TOPIC, EVENT], first: 30) {\n      score\n      node {\n        __typename\n        ... on Municipality { ags name kind kreis { name } land { name } }\n        ... on Project { slug name }\n        ... on Measure { slug name status }\n        ... on Topic { slug name }\n        ... on Event { slug title }\n        ... on Programme { slug name }\n        ... on ReusableSolution { slug name }\n      }\n    }\n  }\n"): typeof import('./graphql').SearchDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer { kind role municipality { ags name interests { topic { slug name } since } } apiKey { name } }\n    topics(first: 100) { edges { node { slug name parent { slug } } } }\n  }\n"): typeof import('./graphql').ViewerDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddInterest($ags: String!, $topic: String!) { addInterest(ags: $ags, topic: $topic) { ags } }\n"): typeof import('./graphql').AddInterestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveInterest($ags: String!, $topic: String!) { removeInterest(ags: $ags, topic: $topic) { ags } }\n"): typeof import('./graphql').RemoveInterestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SolutionPage($slug: String!, $nearestTo: String, $asker: String!, $after: String, $withAsker: Boolean!) {\n    solution(slug: $slug) {\n      slug name originWording openSource repositoryUrl\n      origin { ags name }\n      topics { slug name }\n      sources { url }\n      users(nearestTo: $nearestTo, first: 20, after: $after) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          distanceKm\n          node {\n            status isOrigin topicsWording\n            date { value precision }\n            municipality { ags name location { lat lon } }\n            sources { url }\n          }\n        }\n      }\n    }\n    asker: municipality(ags: $asker) @include(if: $withAsker) { ags name location { lat lon } }\n  }\n"): typeof import('./graphql').SolutionPageDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
