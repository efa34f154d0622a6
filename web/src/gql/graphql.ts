/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Whether an analysis of the reach graph is ready. */
export type AnalysisStatus =
  /** Being computed for the first time; no result yet. Ask again shortly. */
  | 'COMPUTING'
  /** Computed from the current data. */
  | 'READY'
  /** Computed from an earlier state of the data; a recomputation is under way. Ask again shortly. */
  | 'STALE';

/** How certain a published mailbox or phone number is. */
export type ChannelBasis =
  /** The organisation's general mailbox or switchboard, not the project team's. */
  | 'GENERAL'
  /** Seen on an official page of the runner or the project. */
  | 'OFFICIAL_PAGE'
  /** Seen on an official page, but printed altered (spam protection, a missing domain) and completed by the editors: verify before use. */
  | 'RECONSTRUCTED'
  /** Seen only on a third-party page relaying the runner's announcement (on the runner's own domain): verify before use. */
  | 'THIRD_PARTY_PAGE';

/** How precisely a source dates something. */
export type DatePrecision =
  /** The day is given, e.g. `2023-10-23`. */
  | 'DAY'
  /** The year and month are given, e.g. `2023-10`. */
  | 'MONTH'
  /** Only the year is given, e.g. `2023`. */
  | 'YEAR';

/** Where an event takes place. */
export type EventFormat =
  /** In person and online. */
  | 'HYBRID'
  /** In person only. */
  | 'ONSITE'
  /** Online only. */
  | 'VIRTUAL';

/** What kind of event. */
export type EventKind =
  /** A congress. */
  | 'CONGRESS'
  /** An expert forum. */
  | 'EXPERT_FORUM'
  /** Anything else. */
  | 'OTHER'
  /** A peer-learning round (e.g. the transfer office's Start Smart format): a model project and newcomers learning from each other. */
  | 'PEER_LEARNING'
  /** A regional conference of the programme, carrying knowledge into a region. */
  | 'REGIONAL_CONFERENCE'
  /** A webinar. */
  | 'WEBINAR'
  /** A working group of the programme (e.g. an Arbeits- und Entwicklungsgruppe), usually a standing format without one date. */
  | 'WORKING_GROUP'
  /** A workshop. */
  | 'WORKSHOP';

/** The four kinds of link between municipalities that the transfer office's network dashboard records. */
export type ExchangeKind =
  /** The two develop a solution together. */
  | 'JOINT_DEVELOPMENT'
  /** The two exchange knowledge and experience. */
  | 'KNOWLEDGE_EXCHANGE'
  /** One municipality serves the other as a role model. */
  | 'ROLE_MODEL'
  /** A solution is transferred from one to the other. */
  | 'TRANSFER';

/** What a result's score rests on. */
export type ExplanationBasis =
  /** The learned model's feature contributions (`rankBy: MODEL`). */
  | 'MODEL'
  /** Structure only, among those sharing a topic (`rankBy: STRUCTURE`). */
  | 'STRUCTURE'
  /** Structure only, because there are no topics to compare (none, or none anybody else has): for peers the municipalities that run a project, most alike first; for learning partners every solution, by status and structure. */
  | 'STRUCTURE_ONLY'
  /** Shared topics only (`rankBy: TOPICS`, and similar projects). */
  | 'TOPICS'
  /** Shared topics and structure (`rankBy: BOTH`). */
  | 'TOPICS_AND_STRUCTURE';

/** How a project's funding figure is meant, as its sources word it. */
export type FundingBound =
  /** The amount the sources state, exactly or as a round figure (`rund 9 Mio`). */
  | 'AMOUNT'
  /** A lower bound: the sources say `mehr als` or `über`; the grant may be higher. */
  | 'AT_LEAST'
  /** A ceiling: the sources say `bis zu`, `maximal` or `Förderhöchstgrenze`; the grant may be lower. */
  | 'AT_MOST';

/** A position given by a caller, in WGS-84 degrees. */
export type GeoPointInput = {
  /** Latitude in degrees, -90 to 90. */
  lat: number;
  /** Longitude in degrees, -180 to 180. */
  lon: number;
};

/** What the learned learning-partner ranking knows of a solution for an asker. */
export type LearningFeature =
  /** 1 for a whole project, 0 for one of its measures. */
  | 'IS_PROJECT'
  /** ln(1 + km) between the asker and the runner (150 km when a position is unknown). */
  | 'RUNNER_DISTANCE'
  /** The runner's score as the asker's peer under the peer model (`peers`). */
  | 'RUNNER_PEER_SCORE'
  /** How alike the runner is to the asker by the register, 0 to 1 (`structure.score`). */
  | 'RUNNER_STRUCTURE'
  /** ln(1 + the municipalities that took something up from the runner). */
  | 'RUNNER_TAKEN_UP_BY'
  /** How far it has got: implemented 1, in progress 0.6, planned or unknown 0.3. */
  | 'STATUS'
  /** ln(1 + the asker's 50 best peers that took something up from the runner): see `peersLikeYou`. */
  | 'TAKEN_UP_BY_PEERS_LIKE_YOU';

/** Which measures to list. All conditions must hold. */
export type MeasureFilter = {
  /** Only measures of projects of this cohort year. */
  cohort?: number | null | undefined;
  /** Only measures of this project (slug). */
  project?: string | null | undefined;
  /** Only measures of projects run by a municipality of this size class (for Kreise and Verbände: the size class is not set, so they never match). */
  sizeClass?: SizeClass | null | undefined;
  /** Only measures of projects run (lead or partner) by a municipality in this Land. */
  state?: State | null | undefined;
  /** Only measures with one of these statuses. */
  status?: Array<MeasureStatus> | null | undefined;
  /** Words to find in the name or description (full-text, typo-tolerant), 2 to 200 characters. */
  text?: string | null | undefined;
  /** Only measures addressing this topic or one of its sub-topics (topic slug). */
  topic?: string | null | undefined;
};

/** How far a measure has got, derived from the words of its source (kept in `Measure.statusWording`). */
export type MeasureStatus =
  /** In operation, installed, opened or finished. */
  | 'IMPLEMENTED'
  /** Being built, tested or rolled out. */
  | 'IN_PROGRESS'
  /** Decided, announced or planned; not yet started. */
  | 'PLANNED'
  /** The source does not say, or says something that fits none of the above. */
  | 'UNKNOWN';

/** Why a measure is linked to a topic. */
export type MeasureTopicBasis =
  /** Set through the API. */
  | 'API'
  /** The source labels the measure with a field of action (Handlungsfeld) that maps to this topic. */
  | 'HANDLUNGSFELD'
  /** A term of the measure's name or description maps to this topic (data/topic-mapping.csv, keyword rows). */
  | 'NAME_AND_DESCRIPTION'
  /** Nothing about the measure itself maps to a topic: it carries the topics of its project. */
  | 'PROJECT';

/** What a territorial unit is in the official register. */
export type MunicipalityKind =
  /** A Gemeinde within a Kreis; AGS of 8 digits. */
  | 'GEMEINDE'
  /** A city that belongs to no Kreis (kreisfreie Stadt, Stadtkreis). */
  | 'KREISFREIE_STADT'
  /** A Land (federal state); AGS of 2 digits. */
  | 'LAND'
  /** A Landkreis, Kreis or Regionalverband; AGS of 5 digits. */
  | 'LANDKREIS'
  /** A town (Stadt) within a Kreis; AGS of 8 digits. */
  | 'STADT'
  /** A Gemeindeverband (Amt, Verbandsgemeinde, Samtgemeinde, …): several Gemeinden that share an administration; 9-digit key. */
  | 'VERBAND';

/** A municipality's role in a programme, normalised from the source's wording (the wording is in `Participation.evidence`). */
export type ParticipationRole =
  /** Reached the programme's final round. */
  | 'FINALIST'
  /** Leads a group or received the grant for it (Leitkommune, "unter Leitung von"); for a model project: its lead runner. */
  | 'LEAD'
  /** Member of a winning group, or user of a shared app of the programme. */
  | 'MEMBER'
  /** A model municipality or model region (Modellkommune, Modellregion). */
  | 'MODEL_REGION'
  /** A named partner of a lead; for a model project: a further runner. */
  | 'PARTNER'
  /** A pilot or living lab (Reallabor) of the programme. */
  | 'PILOT'
  /** Won a prize or a competition of the programme (Preisträger, Siegerkommune). */
  | 'WINNER';

/** What the learned peer ranking knows of a pair. */
export type PeerFeature =
  /** Adamic-Adar index over that network: each common partner counts 1 / ln(its number of partners). */
  | 'ADAMIC_ADAR'
  /** 1 when one uses a solution that originated in the other. */
  | 'ADOPTED_FROM_OTHER'
  /** ln(1 + the number of partners both have in the network of known links: exchange links, joint projects, adoptions). */
  | 'COMMON_PARTNERS'
  /** ln(1 + the number of events both attended). */
  | 'CO_ATTENDANCE'
  /** ln(1 + distance in km); a position not known counts as 150 km. */
  | 'DISTANCE'
  /** 1 when one is the Landkreis the other lies in. */
  | 'KREIS_AND_MEMBER'
  /** 1 when their Kreise border each other (Gemeinde centres of both joined by a short edge, under 25 km, of the Delaunay triangulation). */
  | 'NEIGHBOURING_KREIS'
  /** ln(1 + how many things the data knows the peer does: projects, declared interests, programmes, solutions in use, events attended; its links count in PEER_DEGREE). */
  | 'PEER_ACTIVITY'
  /** ln(1 + the peer's number of partners in that network). */
  | 'PEER_DEGREE'
  /** 1 when the peer is a kreisfreie Stadt. */
  | 'PEER_IS_KREISFREIE_STADT'
  /** 1 when the peer is a Landkreis. */
  | 'PEER_IS_LANDKREIS'
  /** 1 when the peer is a Gemeindeverband. */
  | 'PEER_IS_VERBAND'
  /** ln(1 + the peer's population). */
  | 'PEER_POPULATION'
  /** |ln(population of one / population of the other)|; 0 when one is not known. */
  | 'POPULATION_RATIO'
  /** 1 when both are of the same kind (a Gemeinde or Stadt in a Kreis counts as one kind). */
  | 'SAME_KIND'
  /** 1 when both lie in the same Kreis (a kreisfreie Stadt is its own). */
  | 'SAME_KREIS'
  /** 1 when both lie in the same Land. */
  | 'SAME_LAND'
  /** 1 when both are of the same size class. */
  | 'SAME_SIZE_CLASS'
  /** 1 when both are of the same degree of urbanisation. */
  | 'SAME_URBANISATION'
  /** The number of programme groups both belong to. */
  | 'SHARED_GROUPS'
  /** ln(1 + the number of programmes both take part in). */
  | 'SHARED_PROGRAMMES'
  /** ln(1 + the number of solutions both use). */
  | 'SHARED_SOLUTIONS'
  /** The topic score (weighted Jaccard with rarity, 0 to 1) of the two profiles. */
  | 'TOPIC_SIMILARITY'
  /** 1 when a path of two or three steps joins them in that network. */
  | 'WITHIN_THREE_STEPS';

/** Conditions on the municipalities a discovery result may contain (for similar projects: on at least one of a project's runners). All must hold. */
export type PeerFilter = {
  /** Leave out the asking municipality's own Kreis and everything in it (for a Gemeinde: its Kreis and the other Gemeinden there). */
  excludeOwnKreis?: boolean | null | undefined;
  /** Only of these kinds. */
  kinds?: Array<MunicipalityKind> | null | undefined;
  /** The centre for `radiusKm`. */
  near?: GeoPointInput | null | undefined;
  /** Only municipalities that run a project of the federal programme Modellprojekte Smart Cities. */
  programmeMembersOnly?: boolean | null | undefined;
  /** Only within this many kilometres (more than 0, at most 1,000) of `near`, or of the asking municipality (for projects: its lead runner) when `near` is left out. */
  radiusKm?: number | null | undefined;
  /** Only of these size classes. */
  sizeClasses?: Array<SizeClass> | null | undefined;
  /** Only in this Land. */
  state?: State | null | undefined;
};

/** Who funds a programme: the Bund, or a Land (see `Programme.states`). */
export type ProgrammeLevel =
  /** A federal programme. */
  | 'BUND'
  /** A programme of one Land (or, for a joint body such as the Medienanstalt Berlin-Brandenburg, of several). */
  | 'LAND';

/** The phases of a model project: first a strategy, then its implementation. */
export type ProjectPhaseKind =
  /** Implementing the strategy (Phase B). */
  | 'IMPLEMENTATION'
  /** Developing its smart-city strategy (Phase A). */
  | 'STRATEGY';

/** Where a project stands. */
export type ProjectStatus =
  /** Running. */
  | 'ACTIVE'
  /** Stopped before its planned end. */
  | 'CANCELLED'
  /** Finished. */
  | 'COMPLETED'
  /** Decided or applied for, not started. */
  | 'PLANNED';

/** Where reach starts: exactly one of the fields. */
export type ReachSource = {
  /** An event (slug): its attendees and hosts. */
  event?: string | null | undefined;
  /** A municipality (AGS). */
  municipality?: string | null | undefined;
  /** The whole federal programme: every runner of a Modellprojekt Smart Cities. Only `true` is allowed. */
  programme?: boolean | null | undefined;
  /** A project (slug): its runners. */
  project?: string | null | undefined;
};

/** What a caller may do. API keys are READER or ANALYST; people are MEMBER, ANALYST, ADMIN or NONE. */
export type Role =
  /** Everything, including API keys and the shared reference data. */
  | 'ADMIN'
  /** Also reads the network analytics (`reach`, `reachGrowth`, `reachNetwork`). */
  | 'ANALYST'
  /** Edits the projects, contacts, interests and attendance of one municipality; sees that municipality's contacts in full. */
  | 'MEMBER'
  /** A person signed in through the identity provider who holds no right yet: reads what signed-in people read, changes nothing. */
  | 'NONE'
  /** Reads the public data (API keys only). */
  | 'READER';

/** How a municipality takes part in a project. */
export type RunnerRole =
  /** Leads the project (applicant, coordinator). */
  | 'LEAD'
  /** Takes part as a partner. */
  | 'PARTNER';

/** Size class by population, as the federal statistics use it. */
export type SizeClass =
  /** 100,000 inhabitants or more. */
  | 'GROSSSTADT'
  /** 5,000 to 19,999 inhabitants. */
  | 'KLEINSTADT'
  /** Fewer than 5,000 inhabitants. */
  | 'LANDGEMEINDE'
  /** 20,000 to 99,999 inhabitants. */
  | 'MITTELSTADT';

/** How far a municipality has got with a solution, as the source words it. */
export type SolutionUseStatus =
  /** Used once, no longer. */
  | 'ENDED'
  /** In use ("in Betrieb", "gestartet"). */
  | 'LIVE'
  /** Being tried out ("erprobt", "Alpha", "prototypisch"). */
  | 'PILOT'
  /** Decided or intended, not yet in use ("plant", "soll", a council decision without go-live). */
  | 'PLANNED';

/** A German Land (federal state). The two-digit code in each description is the Länderschlüssel that begins every AGS of the Land. */
export type State =
  /** 08 Baden-Württemberg */
  | 'BADEN_WUERTTEMBERG'
  /** 09 Bayern */
  | 'BAYERN'
  /** 11 Berlin */
  | 'BERLIN'
  /** 12 Brandenburg */
  | 'BRANDENBURG'
  /** 04 Bremen */
  | 'BREMEN'
  /** 02 Hamburg */
  | 'HAMBURG'
  /** 06 Hessen */
  | 'HESSEN'
  /** 13 Mecklenburg-Vorpommern */
  | 'MECKLENBURG_VORPOMMERN'
  /** 03 Niedersachsen */
  | 'NIEDERSACHSEN'
  /** 05 Nordrhein-Westfalen */
  | 'NORDRHEIN_WESTFALEN'
  /** 07 Rheinland-Pfalz */
  | 'RHEINLAND_PFALZ'
  /** 10 Saarland */
  | 'SAARLAND'
  /** 14 Sachsen */
  | 'SACHSEN'
  /** 15 Sachsen-Anhalt */
  | 'SACHSEN_ANHALT'
  /** 01 Schleswig-Holstein */
  | 'SCHLESWIG_HOLSTEIN'
  /** 16 Thüringen */
  | 'THUERINGEN';

/** Degree of urbanisation (EU DEGURBA) as the register records it for a Gemeinde. */
export type Urbanisation =
  /** Densely populated (cities). */
  | 'DENSE'
  /** Intermediate density (towns and suburbs). */
  | 'INTERMEDIATE'
  /** Thinly populated (rural areas). */
  | 'THIN';

/** How the caller identified itself. */
export type ViewerKind =
  /** No credentials. */
  | 'ANONYMOUS'
  /** A third-party app with an API key (`X-API-Key` header). */
  | 'API_KEY'
  /** A person: signed in through the identity provider (session cookie), or with a signed bearer token (`Authorization: Bearer …`). */
  | 'PERSON';

export type GemeindePositionsQueryVariables = Exact<{ [key: string]: never; }>;


export type GemeindePositionsQuery = { gemeindePositions: { count: number, ags: Array<string>, lat: Array<number>, lon: Array<number> } };

export type NetworkGraphQueryVariables = Exact<{
  first: number;
}>;


export type NetworkGraphQuery = { reachNetwork: { graph: { truncated: boolean, ags: Array<string>, name: Array<string>, community: Array<number>, betweenness: Array<number>, degree: Array<number>, linkSource: Array<number>, linkTarget: Array<number> } } };

export type DashboardNetworkExportQueryVariables = Exact<{ [key: string]: never; }>;


export type DashboardNetworkExportQuery = { reachNetwork: { brokers: Array<{ betweenness: number, degree: number, municipality: { ags: string, name: string } }>, communities: Array<{ id: number, size: number, dominantTopics: Array<{ name: string }> }> } };

export type DashboardEventsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type DashboardEventsQuery = { events: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { slug: string, title: string, startsOn: string | null } }> } };

export type DashboardQueryVariables = Exact<{
  from: ReachSource;
  hops: number;
}>;


export type DashboardQuery = { viewer: { role: Role | null }, reach: { reachedCount: number, municipalities: { reached: number, total: number, share: number, populationShare: number }, byState: Array<{ key: string, share: { reached: number, total: number, share: number, populationReached: number, populationTotal: number, populationShare: number } }>, whiteSpots: Array<{ population: number, gemeinden: number, kreis: { ags: string, name: string } }> }, reachGrowth: Array<{ date: string, before: number, added: number, after: number, populationAdded: number, event: { slug: string, title: string } }>, reachNetwork: { status: AnalysisStatus, brokers: Array<{ betweenness: number, degree: number, municipality: { ags: string, name: string } }>, communities: Array<{ id: number, size: number, dominantTopics: Array<{ name: string }> }> } };

export type ReachedQueryVariables = Exact<{
  from: ReachSource;
  hops: number;
  after?: string | null | undefined;
}>;


export type ReachedQuery = { reach: { reached: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { ags: string } }> } } };

export type EventPageQueryVariables = Exact<{
  slug: string;
  after?: string | null | undefined;
}>;


export type EventPageQuery = { event: { slug: string, title: string, kind: EventKind, startsOn: string | null, endsOn: string | null, standing: boolean, format: EventFormat | null, participantCount: number | null, url: string | null, notes: string | null, hosts: Array<
      | { __typename: 'Municipality', ags: string, name: string }
      | { __typename: 'Organization', slug: string, name: string }
    >, topics: Array<{ slug: string, name: string }>, sources: Array<{ url: string }>, attendance: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { note: string | null, attendee:
            | { __typename: 'Municipality', ags: string, name: string }
            | { __typename: 'Organization', slug: string, name: string }
          , sources: Array<{ url: string }> } }> } } | null };

export type MeasurePageQueryVariables = Exact<{
  slug: string;
}>;


export type MeasurePageQuery = { measure: { slug: string, name: string, description: string | null, status: MeasureStatus, statusWording: string | null, statusAsOf: string | null, knownOnlyByName: boolean, project: { slug: string, name: string, runners: Array<{ role: RunnerRole, municipality: { ags: string, name: string } }> } | null, topicLinks: Array<{ basis: MeasureTopicBasis, topic: { slug: string, name: string, parent: { slug: string } | null } }>, sources: Array<{ url: string }> } | null };

export type MeasuresOfTopicQueryVariables = Exact<{
  topic: string;
}>;


export type MeasuresOfTopicQuery = { measures: { totalCount: number, edges: Array<{ node: { slug: string, name: string, status: MeasureStatus, statusAsOf: string | null, project: { slug: string, runners: Array<{ municipality: { ags: string, name: string } }> } | null } }> } };

export type MeasureTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type MeasureTopicsQuery = { topics: { edges: Array<{ node: { slug: string, name: string, subtopics: Array<{ slug: string, name: string }> } }> } };

export type MeasuresPageQueryVariables = Exact<{
  filter?: MeasureFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type MeasuresPageQuery = { measures: { totalCount: number, byStatus: Array<{ status: MeasureStatus, count: number }>, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { slug: string, name: string, status: MeasureStatus, statusAsOf: string | null, project: { slug: string, name: string, runners: Array<{ municipality: { ags: string, name: string } }> } | null, sources: Array<{ url: string }> } }> } };

export type MeasuresExportQueryVariables = Exact<{
  filter?: MeasureFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type MeasuresExportQuery = { measures: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { slug: string, name: string, status: MeasureStatus, statusAsOf: string | null, project: { name: string, runners: Array<{ municipality: { ags: string, name: string } }> } | null, sources: Array<{ url: string }> } }> } };

export type MunicipalityPageQueryVariables = Exact<{
  ags: string;
}>;


export type MunicipalityPageQuery = { municipality: { ags: string, name: string, kind: MunicipalityKind, population: number | null, sizeClass: SizeClass | null, urbanisation: Urbanisation | null, kreis: { ags: string, name: string } | null, land: { name: string } | null, topics: Array<{ slug: string, name: string }>, inheritedTopics: Array<{ topic: { slug: string, name: string }, via: Array<{ from: { ags: string, name: string }, project: { slug: string, name: string } }> }>, projects: { totalCount: number, edges: Array<{ role: RunnerRole, node: { slug: string, name: string, sources: Array<string>, measures: Array<{ slug: string, name: string, status: MeasureStatus, statusAsOf: string | null, sources: Array<{ url: string }> }> } }> }, eventsAttended: Array<{ slug: string, title: string, startsOn: string | null }>, eventsHosted: Array<{ slug: string, title: string, startsOn: string | null }>, exchanges: Array<{ kind: ExchangeKind, topicWording: string | null, partner: { ags: string, name: string }, sinceDate: { value: string, precision: DatePrecision } | null, sources: Array<{ url: string }> }>, contacts: Array<{ uuid: string, name: string, role: string | null, email: string | null, phone: string | null }> } | null };

export type MunicipalityActivityQueryVariables = Exact<{
  ags: string;
}>;


export type MunicipalityActivityQuery = { municipality: { ags: string, programmes: Array<{ role: ParticipationRole, group: string | null, cohort: string | null, yearFrom: number | null, yearTo: number | null, projectTitle: string | null, topicsWording: Array<string>, topicsAreProgrammeFields: boolean, programme: { slug: string, name: string, isModelProjectProgramme: boolean }, project: { slug: string, name: string } | null, sources: Array<{ url: string }> }>, solutionsUsed: Array<{ status: SolutionUseStatus | null, isOrigin: boolean, topicsWording: Array<string>, date: { value: string, precision: DatePrecision } | null, solution: { slug: string, name: string }, sources: Array<{ url: string }> }>, smartCityIndex: Array<{ year: number, rank: number, score: number | null, sources: Array<{ url: string }> }>, contactPoints: Array<{ unit: string | null, municipalityWording: string, email: string | null, emailBasis: ChannelBasis | null, phone: string | null, phoneBasis: ChannelBasis | null, web: string | null, contactPage: string | null, asOf: { value: string, precision: DatePrecision } | null, project: { slug: string, name: string }, sources: Array<{ url: string }> }> } | null };

export type ProgrammeGroupQueryVariables = Exact<{
  slug: string;
}>;


export type ProgrammeGroupQuery = { programme: { participants: { totalCount: number, edges: Array<{ node: { group: string | null, municipality: { ags: string, name: string } } }> } } | null };

export type ProjectRunnersQueryVariables = Exact<{
  slug: string;
}>;


export type ProjectRunnersQuery = { project: { runners: Array<{ municipality: { ags: string, name: string } }> } | null };

export type PeersExportQueryVariables = Exact<{
  ags: string;
  interests?: Array<string> | string | null | undefined;
  filter?: PeerFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type PeersExportQuery = { peers: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ score: number, node: { ags: string, name: string, kind: MunicipalityKind, state: State, population: number | null }, explanation: { basis: ExplanationBasis, distanceKm: number | null } }> } };

export type SolutionsExportQueryVariables = Exact<{
  ags: string;
  interests?: Array<string> | string | null | undefined;
  filter?: PeerFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type SolutionsExportQuery = { learningPartners: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ score: number, node:
        | { __typename: 'Measure', name: string }
        | { __typename: 'Project', name: string }
      , project: { name: string }, runner: { ags: string, name: string }, explanation: { basis: ExplanationBasis, status: MeasureStatus, distanceKm: number | null } }> } };

export type PeerTopicsQueryVariables = Exact<{ [key: string]: never; }>;


export type PeerTopicsQuery = { topics: { edges: Array<{ node: { slug: string, name: string, subtopics: Array<{ slug: string, name: string }> } }> } };

export type PeerSearchQueryVariables = Exact<{
  text: string;
}>;


export type PeerSearchQuery = { search: Array<{ node:
      | { __typename: 'Contact' }
      | { __typename: 'Event' }
      | { __typename: 'Measure' }
      | { __typename: 'Municipality', ags: string, name: string, kind: MunicipalityKind, kreis: { name: string } | null }
      | { __typename: 'Organization' }
      | { __typename: 'Programme' }
      | { __typename: 'Project' }
      | { __typename: 'ReusableSolution' }
      | { __typename: 'Topic' }
     }> };

export type PeerFinderQueryVariables = Exact<{
  ags: string;
  interests?: Array<string> | string | null | undefined;
  filter?: PeerFilter | null | undefined;
}>;


export type PeerFinderQuery = { municipality: { ags: string, name: string, location: { lat: number, lon: number } | null } | null, peers: { totalCount: number, edges: Array<{ score: number, node: { ags: string, name: string, kind: MunicipalityKind, population: number | null, location: { lat: number, lon: number } | null }, explanation: { basis: ExplanationBasis, model: string | null, topicScore: number, distanceKm: number | null, sharedTopics: Array<{ weight: number, topic: { slug: string, name: string } }>, structure: { score: number, populationRatio: number | null, sameSizeClass: boolean, sameUrbanisation: boolean, sameKind: boolean, sameState: boolean } | null, contributions: Array<{ feature: PeerFeature, value: number, contribution: number }>, shared: { programmes: Array<{ slug: string, name: string }>, groups: Array<{ group: string, programme: { name: string } }>, solutions: Array<{ slug: string, name: string }>, adoptions: Array<{ solution: { name: string }, user: { name: string } }>, events: Array<{ slug: string, title: string }>, partners: Array<{ ags: string, name: string }> } | null } }> }, learningPartners: { totalCount: number, edges: Array<{ score: number, node:
        | { __typename: 'Measure', slug: string, name: string }
        | { __typename: 'Project', slug: string, name: string }
      , project: { slug: string, name: string }, runner: { ags: string, name: string }, contacts: Array<{ uuid: string, name: string, role: string | null, email: string | null }>, contactPoints: Array<{ unit: string | null, municipalityWording: string, email: string | null, emailBasis: ChannelBasis | null, web: string | null }>, sources: Array<{ url: string }>, explanation: { basis: ExplanationBasis, model: string | null, status: MeasureStatus, statusAsOf: string | null, distanceKm: number | null, matchesTopic: boolean, matchedTopics: Array<{ weight: number, topic: { slug: string, name: string } }>, contributions: Array<{ feature: LearningFeature, value: number, contribution: number }>, peersLikeYou: Array<{ ags: string, name: string }> } }> } };

export type ProgrammePageQueryVariables = Exact<{
  slug: string;
  state?: State | null | undefined;
  role?: ParticipationRole | null | undefined;
  after?: string | null | undefined;
}>;


export type ProgrammePageQuery = { programme: { slug: string, name: string, funder: string, level: ProgrammeLevel, states: Array<State>, yearFrom: number | null, yearTo: number | null, isModelProjectProgramme: boolean, sources: Array<{ url: string }>, participants: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { role: ParticipationRole, group: string | null, cohort: string | null, projectTitle: string | null, project: { slug: string, name: string } | null, municipality: { ags: string, name: string, location: { lat: number, lon: number } | null }, sources: Array<{ url: string }> } }> } } | null };

export type ProgrammeParticipantsExportQueryVariables = Exact<{
  slug: string;
  state?: State | null | undefined;
  role?: ParticipationRole | null | undefined;
  after?: string | null | undefined;
}>;


export type ProgrammeParticipantsExportQuery = { programme: { participants: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { role: ParticipationRole, group: string | null, cohort: string | null, projectTitle: string | null, project: { name: string } | null, municipality: { ags: string, name: string }, sources: Array<{ url: string }> } }> } } | null };

export type ProjectPageQueryVariables = Exact<{
  slug: string;
}>;


export type ProjectPageQuery = { project: { slug: string, name: string, title: string | null, summary: string | null, status: ProjectStatus | null, programme: string | null, cohort: number | null, category: string | null, url: string | null, startDate: string | null, endDate: string | null, sources: Array<string>, fundingEur: number | null, fundingBound: FundingBound | null, fundingNote: string | null, topicsWording: Array<string>, phase: { current: ProjectPhaseKind | null, implementationSince: number | null, wording: string } | null, runners: Array<{ role: RunnerRole, municipality: { ags: string, name: string } }>, measures: Array<{ slug: string, name: string, status: MeasureStatus, statusAsOf: string | null }>, topics: Array<{ slug: string, name: string }>, contactPoints: Array<{ unit: string | null, municipalityWording: string, email: string | null, emailBasis: ChannelBasis | null, phone: string | null, phoneBasis: ChannelBasis | null, web: string | null, contactPage: string | null, asOf: { value: string, precision: DatePrecision } | null, sources: Array<{ url: string }> }>, contacts: Array<{ uuid: string, name: string, role: string | null, email: string | null, phone: string | null }> } | null };

export type SearchQueryVariables = Exact<{
  text: string;
}>;


export type SearchQuery = { search: Array<{ score: number, node:
      | { __typename: 'Contact' }
      | { __typename: 'Event', slug: string, title: string }
      | { __typename: 'Measure', slug: string, name: string, status: MeasureStatus }
      | { __typename: 'Municipality', ags: string, name: string, kind: MunicipalityKind, kreis: { name: string } | null, land: { name: string } | null }
      | { __typename: 'Organization' }
      | { __typename: 'Programme', slug: string, name: string }
      | { __typename: 'Project', slug: string, name: string }
      | { __typename: 'ReusableSolution', slug: string, name: string }
      | { __typename: 'Topic', slug: string, name: string }
     }> };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { kind: ViewerKind, role: Role | null, municipality: { ags: string, name: string, interests: Array<{ since: string | null, topic: { slug: string, name: string } }> } | null, apiKey: { name: string } | null }, topics: { edges: Array<{ node: { slug: string, name: string, parent: { slug: string } | null } }> } };

export type AddInterestMutationVariables = Exact<{
  ags: string;
  topic: string;
}>;


export type AddInterestMutation = { addInterest: { ags: string } };

export type RemoveInterestMutationVariables = Exact<{
  ags: string;
  topic: string;
}>;


export type RemoveInterestMutation = { removeInterest: { ags: string } };

export type SolutionPageQueryVariables = Exact<{
  slug: string;
  nearestTo?: string | null | undefined;
  asker: string;
  after?: string | null | undefined;
  withAsker: boolean;
}>;


export type SolutionPageQuery = { solution: { slug: string, name: string, originWording: string | null, openSource: boolean | null, repositoryUrl: string | null, origin: { ags: string, name: string } | null, topics: Array<{ slug: string, name: string }>, sources: Array<{ url: string }>, users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ distanceKm: number | null, node: { status: SolutionUseStatus | null, isOrigin: boolean, topicsWording: Array<string>, date: { value: string, precision: DatePrecision } | null, municipality: { ags: string, name: string, location: { lat: number, lon: number } | null }, sources: Array<{ url: string }> } }> } } | null, asker?: { ags: string, name: string, location: { lat: number, lon: number } | null } | null };

export type TopicPageQueryVariables = Exact<{
  slug: string;
}>;


export type TopicPageQuery = { topic: { slug: string, name: string, description: string | null, parent: { slug: string, name: string } | null, subtopics: Array<{ slug: string, name: string }>, events: Array<{ slug: string, title: string, startsOn: string | null }>, interestedMunicipalities: { edges: Array<{ node: { ags: string, name: string, location: { lat: number, lon: number } | null } }> } } | null };

export type TopicProjectsQueryVariables = Exact<{
  slug: string;
  after?: string | null | undefined;
}>;


export type TopicProjectsQuery = { topic: { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { slug: string, name: string, runners: Array<{ role: RunnerRole, municipality: { ags: string, name: string, location: { lat: number, lon: number } | null } }> } }> } } | null };

export type TopicMeasuresQueryVariables = Exact<{
  slug: string;
  after?: string | null | undefined;
}>;


export type TopicMeasuresQuery = { topic: { measures: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { slug: string, name: string, status: MeasureStatus, statusAsOf: string | null, project: { slug: string, name: string } | null } }> } } | null };

export type HeaderViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type HeaderViewerQuery = { viewer: { kind: ViewerKind } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const GemeindePositionsDocument = new TypedDocumentString(`
    query GemeindePositions {
  gemeindePositions {
    count
    ags
    lat
    lon
  }
}
    `) as unknown as TypedDocumentString<GemeindePositionsQuery, GemeindePositionsQueryVariables>;
export const NetworkGraphDocument = new TypedDocumentString(`
    query NetworkGraph($first: Int!) {
  reachNetwork {
    graph(first: $first) {
      truncated
      ags
      name
      community
      betweenness
      degree
      linkSource
      linkTarget
    }
  }
}
    `) as unknown as TypedDocumentString<NetworkGraphQuery, NetworkGraphQueryVariables>;
export const DashboardNetworkExportDocument = new TypedDocumentString(`
    query DashboardNetworkExport {
  reachNetwork {
    brokers(first: 100) {
      municipality {
        ags
        name
      }
      betweenness
      degree
    }
    communities(first: 100) {
      id
      size
      dominantTopics {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardNetworkExportQuery, DashboardNetworkExportQueryVariables>;
export const DashboardEventsDocument = new TypedDocumentString(`
    query DashboardEvents($after: String) {
  events(orderBy: STARTS_AT_DESC, first: 100, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        slug
        title
        startsOn
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardEventsQuery, DashboardEventsQueryVariables>;
export const DashboardDocument = new TypedDocumentString(`
    query Dashboard($from: ReachSource!, $hops: Int!) {
  viewer {
    role
  }
  reach(from: $from, maxHops: $hops) {
    reachedCount
    municipalities {
      reached
      total
      share
      populationShare
    }
    byState {
      key
      share {
        reached
        total
        share
        populationReached
        populationTotal
        populationShare
      }
    }
    whiteSpots(first: 500) {
      kreis {
        ags
        name
      }
      population
      gemeinden
    }
  }
  reachGrowth(maxHops: $hops) {
    event {
      slug
      title
    }
    date
    before
    added
    after
    populationAdded
  }
  reachNetwork {
    status
    brokers(first: 10) {
      municipality {
        ags
        name
      }
      betweenness
      degree
    }
    communities(first: 8) {
      id
      size
      dominantTopics {
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DashboardQuery, DashboardQueryVariables>;
export const ReachedDocument = new TypedDocumentString(`
    query Reached($from: ReachSource!, $hops: Int!, $after: String) {
  reach(from: $from, maxHops: $hops) {
    reached(first: 100, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ags
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReachedQuery, ReachedQueryVariables>;
export const EventPageDocument = new TypedDocumentString(`
    query EventPage($slug: String!, $after: String) {
  event(slug: $slug) {
    slug
    title
    kind
    startsOn
    endsOn
    standing
    format
    participantCount
    url
    notes
    hosts {
      __typename
      ... on Municipality {
        ags
        name
      }
      ... on Organization {
        slug
        name
      }
    }
    topics {
      slug
      name
    }
    sources {
      url
    }
    attendance(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          note
          attendee {
            __typename
            ... on Municipality {
              ags
              name
            }
            ... on Organization {
              slug
              name
            }
          }
          sources {
            url
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EventPageQuery, EventPageQueryVariables>;
export const MeasurePageDocument = new TypedDocumentString(`
    query MeasurePage($slug: String!) {
  measure(slug: $slug) {
    slug
    name
    description
    status
    statusWording
    statusAsOf
    knownOnlyByName
    project {
      slug
      name
      runners {
        role
        municipality {
          ags
          name
        }
      }
    }
    topicLinks {
      basis
      topic {
        slug
        name
        parent {
          slug
        }
      }
    }
    sources {
      url
    }
  }
}
    `) as unknown as TypedDocumentString<MeasurePageQuery, MeasurePageQueryVariables>;
export const MeasuresOfTopicDocument = new TypedDocumentString(`
    query MeasuresOfTopic($topic: String!) {
  measures(filter: {topic: $topic}, first: 20) {
    totalCount
    edges {
      node {
        slug
        name
        status
        statusAsOf
        project {
          slug
          runners {
            municipality {
              ags
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeasuresOfTopicQuery, MeasuresOfTopicQueryVariables>;
export const MeasureTopicsDocument = new TypedDocumentString(`
    query MeasureTopics {
  topics(filter: {fieldsOfAction: true}, first: 100) {
    edges {
      node {
        slug
        name
        subtopics {
          slug
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeasureTopicsQuery, MeasureTopicsQueryVariables>;
export const MeasuresPageDocument = new TypedDocumentString(`
    query MeasuresPage($filter: MeasureFilter, $after: String) {
  measures(filter: $filter, first: 20, after: $after) {
    totalCount
    byStatus {
      status
      count
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        slug
        name
        status
        statusAsOf
        project {
          slug
          name
          runners {
            municipality {
              ags
              name
            }
          }
        }
        sources {
          url
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeasuresPageQuery, MeasuresPageQueryVariables>;
export const MeasuresExportDocument = new TypedDocumentString(`
    query MeasuresExport($filter: MeasureFilter, $after: String) {
  measures(filter: $filter, first: 80, after: $after) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        slug
        name
        status
        statusAsOf
        project {
          name
          runners {
            municipality {
              ags
              name
            }
          }
        }
        sources {
          url
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MeasuresExportQuery, MeasuresExportQueryVariables>;
export const MunicipalityPageDocument = new TypedDocumentString(`
    query MunicipalityPage($ags: String!) {
  municipality(ags: $ags) {
    ags
    name
    kind
    population
    sizeClass
    urbanisation
    kreis {
      ags
      name
    }
    land {
      name
    }
    topics {
      slug
      name
    }
    inheritedTopics {
      topic {
        slug
        name
      }
      via {
        from {
          ags
          name
        }
        project {
          slug
          name
        }
      }
    }
    projects(first: 10) {
      totalCount
      edges {
        role
        node {
          slug
          name
          sources
          measures {
            slug
            name
            status
            statusAsOf
            sources {
              url
            }
          }
        }
      }
    }
    eventsAttended {
      slug
      title
      startsOn
    }
    eventsHosted {
      slug
      title
      startsOn
    }
    exchanges {
      kind
      partner {
        ags
        name
      }
      sinceDate {
        value
        precision
      }
      topicWording
      sources {
        url
      }
    }
    contacts {
      uuid
      name
      role
      email
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<MunicipalityPageQuery, MunicipalityPageQueryVariables>;
export const MunicipalityActivityDocument = new TypedDocumentString(`
    query MunicipalityActivity($ags: String!) {
  municipality(ags: $ags) {
    ags
    programmes {
      role
      group
      cohort
      yearFrom
      yearTo
      projectTitle
      topicsWording
      topicsAreProgrammeFields
      programme {
        slug
        name
        isModelProjectProgramme
      }
      project {
        slug
        name
      }
      sources {
        url
      }
    }
    solutionsUsed {
      status
      isOrigin
      topicsWording
      date {
        value
        precision
      }
      solution {
        slug
        name
      }
      sources {
        url
      }
    }
    smartCityIndex {
      year
      rank
      score
      sources {
        url
      }
    }
    contactPoints {
      unit
      municipalityWording
      email
      emailBasis
      phone
      phoneBasis
      web
      contactPage
      asOf {
        value
        precision
      }
      project {
        slug
        name
      }
      sources {
        url
      }
    }
  }
}
    `) as unknown as TypedDocumentString<MunicipalityActivityQuery, MunicipalityActivityQueryVariables>;
export const ProgrammeGroupDocument = new TypedDocumentString(`
    query ProgrammeGroup($slug: String!) {
  programme(slug: $slug) {
    participants(first: 100) {
      totalCount
      edges {
        node {
          group
          municipality {
            ags
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProgrammeGroupQuery, ProgrammeGroupQueryVariables>;
export const ProjectRunnersDocument = new TypedDocumentString(`
    query ProjectRunners($slug: String!) {
  project(slug: $slug) {
    runners {
      municipality {
        ags
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectRunnersQuery, ProjectRunnersQueryVariables>;
export const PeersExportDocument = new TypedDocumentString(`
    query PeersExport($ags: String!, $interests: [String!], $filter: PeerFilter, $after: String) {
  peers(
    ags: $ags
    interests: $interests
    filter: $filter
    first: 1000
    after: $after
  ) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      score
      node {
        ags
        name
        kind
        state
        population
      }
      explanation {
        basis
        distanceKm
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PeersExportQuery, PeersExportQueryVariables>;
export const SolutionsExportDocument = new TypedDocumentString(`
    query SolutionsExport($ags: String!, $interests: [String!], $filter: PeerFilter, $after: String) {
  learningPartners(
    ags: $ags
    interests: $interests
    filter: $filter
    first: 500
    after: $after
  ) {
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      score
      node {
        __typename
        ... on Measure {
          name
        }
        ... on Project {
          name
        }
      }
      project {
        name
      }
      runner {
        ags
        name
      }
      explanation {
        basis
        status
        distanceKm
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SolutionsExportQuery, SolutionsExportQueryVariables>;
export const PeerTopicsDocument = new TypedDocumentString(`
    query PeerTopics {
  topics(filter: {fieldsOfAction: true}, first: 100) {
    edges {
      node {
        slug
        name
        subtopics {
          slug
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PeerTopicsQuery, PeerTopicsQueryVariables>;
export const PeerSearchDocument = new TypedDocumentString(`
    query PeerSearch($text: String!) {
  search(text: $text, types: [MUNICIPALITY], first: 8) {
    node {
      __typename
      ... on Municipality {
        ags
        name
        kind
        kreis {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PeerSearchQuery, PeerSearchQueryVariables>;
export const PeerFinderDocument = new TypedDocumentString(`
    query PeerFinder($ags: String!, $interests: [String!], $filter: PeerFilter) {
  municipality(ags: $ags) {
    ags
    name
    location {
      lat
      lon
    }
  }
  peers(ags: $ags, interests: $interests, filter: $filter, first: 20) {
    totalCount
    edges {
      score
      node {
        ags
        name
        kind
        population
        location {
          lat
          lon
        }
      }
      explanation {
        basis
        model
        topicScore
        distanceKm
        sharedTopics {
          topic {
            slug
            name
          }
          weight
        }
        structure {
          score
          populationRatio
          sameSizeClass
          sameUrbanisation
          sameKind
          sameState
        }
        contributions {
          feature
          value
          contribution
        }
        shared {
          programmes {
            slug
            name
          }
          groups {
            group
            programme {
              name
            }
          }
          solutions {
            slug
            name
          }
          adoptions {
            solution {
              name
            }
            user {
              name
            }
          }
          events {
            slug
            title
          }
          partners {
            ags
            name
          }
        }
      }
    }
  }
  learningPartners(ags: $ags, interests: $interests, filter: $filter, first: 20) {
    totalCount
    edges {
      score
      node {
        __typename
        ... on Measure {
          slug
          name
        }
        ... on Project {
          slug
          name
        }
      }
      project {
        slug
        name
      }
      runner {
        ags
        name
      }
      contacts {
        uuid
        name
        role
        email
      }
      contactPoints {
        unit
        municipalityWording
        email
        emailBasis
        web
      }
      sources {
        url
      }
      explanation {
        basis
        model
        status
        statusAsOf
        distanceKm
        matchesTopic
        matchedTopics {
          topic {
            slug
            name
          }
          weight
        }
        contributions {
          feature
          value
          contribution
        }
        peersLikeYou {
          ags
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PeerFinderQuery, PeerFinderQueryVariables>;
export const ProgrammePageDocument = new TypedDocumentString(`
    query ProgrammePage($slug: String!, $state: State, $role: ParticipationRole, $after: String) {
  programme(slug: $slug) {
    slug
    name
    funder
    level
    states
    yearFrom
    yearTo
    isModelProjectProgramme
    sources {
      url
    }
    participants(state: $state, role: $role, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          role
          group
          cohort
          projectTitle
          project {
            slug
            name
          }
          municipality {
            ags
            name
            location {
              lat
              lon
            }
          }
          sources {
            url
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProgrammePageQuery, ProgrammePageQueryVariables>;
export const ProgrammeParticipantsExportDocument = new TypedDocumentString(`
    query ProgrammeParticipantsExport($slug: String!, $state: State, $role: ParticipationRole, $after: String) {
  programme(slug: $slug) {
    participants(state: $state, role: $role, first: 400, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          role
          group
          cohort
          projectTitle
          project {
            name
          }
          municipality {
            ags
            name
          }
          sources {
            url
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProgrammeParticipantsExportQuery, ProgrammeParticipantsExportQueryVariables>;
export const ProjectPageDocument = new TypedDocumentString(`
    query ProjectPage($slug: String!) {
  project(slug: $slug) {
    slug
    name
    title
    summary
    status
    programme
    cohort
    category
    url
    startDate
    endDate
    sources
    fundingEur
    fundingBound
    fundingNote
    topicsWording
    phase {
      current
      implementationSince
      wording
    }
    runners {
      role
      municipality {
        ags
        name
      }
    }
    measures {
      slug
      name
      status
      statusAsOf
    }
    topics {
      slug
      name
    }
    contactPoints {
      unit
      municipalityWording
      email
      emailBasis
      phone
      phoneBasis
      web
      contactPage
      asOf {
        value
        precision
      }
      sources {
        url
      }
    }
    contacts {
      uuid
      name
      role
      email
      phone
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectPageQuery, ProjectPageQueryVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($text: String!) {
  search(
    text: $text
    types: [MUNICIPALITY, PROGRAMME, SOLUTION, PROJECT, MEASURE, TOPIC, EVENT]
    first: 30
  ) {
    score
    node {
      __typename
      ... on Municipality {
        ags
        name
        kind
        kreis {
          name
        }
        land {
          name
        }
      }
      ... on Project {
        slug
        name
      }
      ... on Measure {
        slug
        name
        status
      }
      ... on Topic {
        slug
        name
      }
      ... on Event {
        slug
        title
      }
      ... on Programme {
        slug
        name
      }
      ... on ReusableSolution {
        slug
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    kind
    role
    municipality {
      ags
      name
      interests {
        topic {
          slug
          name
        }
        since
      }
    }
    apiKey {
      name
    }
  }
  topics(first: 100) {
    edges {
      node {
        slug
        name
        parent {
          slug
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const AddInterestDocument = new TypedDocumentString(`
    mutation AddInterest($ags: String!, $topic: String!) {
  addInterest(ags: $ags, topic: $topic) {
    ags
  }
}
    `) as unknown as TypedDocumentString<AddInterestMutation, AddInterestMutationVariables>;
export const RemoveInterestDocument = new TypedDocumentString(`
    mutation RemoveInterest($ags: String!, $topic: String!) {
  removeInterest(ags: $ags, topic: $topic) {
    ags
  }
}
    `) as unknown as TypedDocumentString<RemoveInterestMutation, RemoveInterestMutationVariables>;
export const SolutionPageDocument = new TypedDocumentString(`
    query SolutionPage($slug: String!, $nearestTo: String, $asker: String!, $after: String, $withAsker: Boolean!) {
  solution(slug: $slug) {
    slug
    name
    originWording
    openSource
    repositoryUrl
    origin {
      ags
      name
    }
    topics {
      slug
      name
    }
    sources {
      url
    }
    users(nearestTo: $nearestTo, first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        distanceKm
        node {
          status
          isOrigin
          topicsWording
          date {
            value
            precision
          }
          municipality {
            ags
            name
            location {
              lat
              lon
            }
          }
          sources {
            url
          }
        }
      }
    }
  }
  asker: municipality(ags: $asker) @include(if: $withAsker) {
    ags
    name
    location {
      lat
      lon
    }
  }
}
    `) as unknown as TypedDocumentString<SolutionPageQuery, SolutionPageQueryVariables>;
export const TopicPageDocument = new TypedDocumentString(`
    query TopicPage($slug: String!) {
  topic(slug: $slug) {
    slug
    name
    description
    parent {
      slug
      name
    }
    subtopics {
      slug
      name
    }
    events {
      slug
      title
      startsOn
    }
    interestedMunicipalities(first: 100) {
      edges {
        node {
          ags
          name
          location {
            lat
            lon
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopicPageQuery, TopicPageQueryVariables>;
export const TopicProjectsDocument = new TypedDocumentString(`
    query TopicProjects($slug: String!, $after: String) {
  topic(slug: $slug) {
    projects(first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          slug
          name
          runners {
            role
            municipality {
              ags
              name
              location {
                lat
                lon
              }
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopicProjectsQuery, TopicProjectsQueryVariables>;
export const TopicMeasuresDocument = new TypedDocumentString(`
    query TopicMeasures($slug: String!, $after: String) {
  topic(slug: $slug) {
    measures(first: 20, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          slug
          name
          status
          statusAsOf
          project {
            slug
            name
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<TopicMeasuresQuery, TopicMeasuresQueryVariables>;
export const HeaderViewerDocument = new TypedDocumentString(`
    query HeaderViewer {
  viewer {
    kind
  }
}
    `) as unknown as TypedDocumentString<HeaderViewerQuery, HeaderViewerQueryVariables>;