// The most items each list without paging returns (issue 17, F2). A list with a
// `first` argument is a page and bounded by it; every other list of objects is
// here, with the most it ever answers. The same number is enforced in the
// statement that reads the list (`collect(…)[..N]`, `LIMIT N`) where there is
// one, always by the resolver (schema.ts), and charged by the cost
// estimate (limits/cost.ts): so the deepest nesting the cost allows is also
// the largest answer there can be. A unit test fails when a list of the
// schema is missing here; the schema's descriptions state each number.
//
// The numbers are several times what the real data holds (its largest lists:
// 71 members of a Gemeindeverband, 22 exchange links of one municipality, 16
// topics of a project, 60 topics in all), so no real list is cut.
export const LIST_CAPS = {
  // The topic vocabulary (60 topics today). An explanation lists the heaviest 20 of the topics two share.
  'Municipality.topics': 100,
  'Municipality.interests': 100,
  'Municipality.inheritedTopics': 100,
  'Explanation.sharedTopics': 20,
  // The learned peer ranking: one contribution per feature of the model (24 today), and what a pair shares by name.
  'Explanation.contributions': 24,
  'SharedActivity.programmes': 5,
  'SharedActivity.groups': 5,
  'SharedActivity.solutions': 10,
  'SharedActivity.adoptions': 5,
  'SharedActivity.events': 10,
  'SharedActivity.partners': 10,
  'LearningExplanation.matchedTopics': 20,
  'LearningExplanation.contributions': 8,
  'LearningExplanation.peersLikeYou': 10,
  'Topic.subtopics': 30,
  'Project.topics': 20,
  'Measure.topics': 20,
  'Measure.topicLinks': 20,
  'Event.topics': 20,
  'Exchange.topics': 20,
  'ExchangeAbroad.topics': 20,
  'Contact.expertise': 20,
  'Community.dominantTopics': 3,
  'SharedTopic.via': 5,
  'InheritedTopic.via': 5,
  'ExpertEdge.reasons': 10,
  // Sources of one fact.
  'Event.sources': 5,
  'Attendance.sources': 5,
  'Measure.sources': 5,
  'Exchange.sources': 5,
  'ExchangeAbroad.sources': 5,
  'Project.provenance': 5,
  'LearningPartnerEdge.sources': 5,
  // People.
  'Municipality.contacts': 30,
  'Organization.contacts': 50,
  'Project.contacts': 10,
  'LearningPartnerEdge.contacts': 10,
  'Topic.experts': 50,
  // Municipalities, events, links.
  'Municipality.members': 100,
  'Municipality.eventsAttended': 50,
  'Municipality.eventsHosted': 50,
  'Organization.eventsAttended': 50,
  'Organization.eventsHosted': 50,
  'Topic.events': 100,
  'Event.hosts': 10,
  'Municipality.exchanges': 50,
  'Municipality.exchangesAbroad': 20,
  'Organization.exchanges': 100,
  // Projects and measures.
  'Contact.projects': 50,
  'Organization.fundedProjects': 200,
  'Organization.supportedProjects': 200,
  'Project.runners': 20,
  'Project.funders': 10,
  'Project.supporters': 10,
  'Project.measures': 30,
  // Analytics: the 16 Länder, the size classes, one path of at most the hops asked for.
  'Reach.byState': 16,
  'Reach.bySizeClass': 10,
  'Reach.whiteSpotStates': 16,
  'Reach.partnersAbroad': 100,
  'ReachedEdge.path': 10,
  'Query.reachGrowth': 500,
  // Programmes, re-usable solutions, contact points, index ranks (the real data's largest: 3 programmes besides
  // the model projects for one municipality, 15 fellow members in one group, 3 contact points of one project).
  'Municipality.programmes': 20,
  'Participation.fellowMembers': 50,
  'Participation.topics': 20,
  'Participation.sources': 5,
  'Programme.sources': 20,
  'Municipality.solutionsUsed': 50,
  'SolutionUse.topics': 20,
  'SolutionUse.sources': 5,
  'ReusableSolution.topics': 20,
  'ReusableSolution.sources': 20,
  'Project.contactPoints': 10,
  'Municipality.contactPoints': 20,
  'LearningPartnerEdge.contactPoints': 10,
  'ContactPoint.municipalities': 10,
  'ContactPoint.sources': 10,
  'Municipality.smartCityIndex': 20,
  'IndexRank.sources': 5,
  // Administration.
  'Query.apiKeys': 200,
  'ContactExport.links': 200,
} as const satisfies Record<string, number>;

export type CappedList = keyof typeof LIST_CAPS;

/** `[..N]`: a Cypher list slice to the cap of `field`, for a statement's `collect(…)`. */
export const capSlice = (field: CappedList): string => `[..${LIST_CAPS[field]}]`;

/** `LIMIT N` to the cap of `field`, for an ordered `COLLECT { … }` subquery. */
export const capLimit = (field: CappedList): string => `LIMIT ${LIST_CAPS[field]}`;
