// What a ranked result says about itself: the records of an explanation (shared topics with where each side
// has them, inherited topics, the learned model's contributions and what two share by name) and one page of
// a ranking with its explanations built for the page's rows only.
import type { ExplanationBasis, InheritanceSide, LearningFeature as LearningFeatureEnum, MeasureStatus, PeerFeature, SizeClass } from '../../generated/graphql.js';
import { pageInMemory, toConnection, topInMemory, type PageRequest } from '../../kernel/connection.js';
import type { Feature, SharedFacts } from './discovery.features.js';
import type { LearningFeature } from './discovery.learning.js';
import type { RankBy, SharedTopic, StructureMatch, TopicBasis } from './discovery.scoring.js';

/** Where an inherited shared topic comes from; `from` and `project` resolve through the loaders. */
export interface TopicInheritanceRecord {
  side: InheritanceSide;
  from: string;
  project: string;
}

/** A topic held only by inheritance; `topic` resolves from `slug`. */
export interface InheritedTopicRecord {
  slug: string;
  weight: number;
  via: TopicInheritanceRecord[];
}

/** A shared topic as the API returns it; `topic` resolves from `slug`. */
export interface SharedTopicRecord {
  slug: string;
  weight: number;
  rarity: number;
  via: TopicInheritanceRecord[];
  /** What gives each side the topic itself; empty for a side that only inherits it (and for a solution). */
  askerBases: readonly TopicBasis[];
  resultBases: readonly TopicBasis[];
}

export const FEATURE_ENUM: Record<Feature, PeerFeature> = {
  logDistance: 'DISTANCE',
  sameKreis: 'SAME_KREIS',
  kreisAndMember: 'KREIS_AND_MEMBER',
  neighbouringKreis: 'NEIGHBOURING_KREIS',
  sameLand: 'SAME_LAND',
  logPopulationRatio: 'POPULATION_RATIO',
  candidateLogPopulation: 'PEER_POPULATION',
  sameSizeClass: 'SAME_SIZE_CLASS',
  sameUrbanisation: 'SAME_URBANISATION',
  sameKind: 'SAME_KIND',
  candidateLandkreis: 'PEER_IS_LANDKREIS',
  candidateKreisfreieStadt: 'PEER_IS_KREISFREIE_STADT',
  candidateVerband: 'PEER_IS_VERBAND',
  topicSimilarity: 'TOPIC_SIMILARITY',
  sharedProgrammes: 'SHARED_PROGRAMMES',
  sharedGroups: 'SHARED_GROUPS',
  sharedSolutions: 'SHARED_SOLUTIONS',
  adoptedFromOther: 'ADOPTED_FROM_OTHER',
  coAttendance: 'CO_ATTENDANCE',
  commonNeighbours: 'COMMON_PARTNERS',
  adamicAdar: 'ADAMIC_ADAR',
  withinThreeSteps: 'WITHIN_THREE_STEPS',
  candidateActivity: 'PEER_ACTIVITY',
  candidateDegree: 'PEER_DEGREE',
};

export interface FeatureContributionRecord {
  feature: PeerFeature;
  value: number;
  contribution: number;
}

/** What a pair shares by name; programmes, solutions, events and partners resolve through the loaders. */
export type SharedActivityRecord = SharedFacts;

export type SharedProgrammeGroupRecord = SharedFacts['groups'][number];

/** [solution, the municipality that uses it]. */
export type SharedAdoptionRecord = SharedFacts['adoptedFrom'][number];

export interface ExplanationRecord {
  basis: ExplanationBasis;
  /** The learned model's version and each feature's part (rankBy MODEL); null and empty otherwise. */
  model?: string | null;
  contributions?: FeatureContributionRecord[];
  shared?: SharedActivityRecord | null;
  sharedTopics: SharedTopicRecord[];
  topicScore: number;
  structure: StructureMatch | null;
  distanceKm: number | null;
  sizeClass: SizeClass | null;
  ownSizeClass: SizeClass | null;
}

export interface Explained<T> {
  cursor: string;
  node: T;
  score: number;
  explanation: ExplanationRecord;
}

/** One ranked result before paging: its order (`sort`, `key`) and everything its edge shows. */
export interface RankedRow<N> {
  sort: number;
  key: string;
  node: N;
  /** Built for the page's rows only. */
  explain: () => Omit<ExplanationRecord, 'ownSizeClass'>;
}

/** A peer: the page's municipalities load through the municipality loader, in one batch. */
export type PeerEdgeRecord = Explained<{ ags: string }>;

/** A learning partner: node, project and runner load through the loaders, a page in one batch each. */
export interface LearningPartnerEdgeRecord {
  cursor: string;
  node: { type: 'Measure' | 'Project'; key: string };
  score: number;
  project: string;
  runner: string;
  explanation: LearningExplanationRecord;
}

/** Why a solution is suggested; `peersLikeYou` as AGS (the resolver loads them). */
export interface LearningExplanationRecord {
  basis: ExplanationBasis;
  model: string | null;
  contributions: { feature: LearningFeatureEnum; value: number; contribution: number }[];
  matchesTopic: boolean;
  matchesInterest: boolean;
  peersLikeYou: string[];
  matchedTopics: SharedTopicRecord[];
  topicScore: number;
  status: MeasureStatus;
  statusAsOf: string | null;
  structure: StructureMatch;
  distanceKm: number | null;
}

/** The API's name of each learning-partner feature. */
export const LEARNING_FEATURE_ENUM: Record<LearningFeature, LearningFeatureEnum> = {
  status: 'STATUS',
  runnerStructure: 'RUNNER_STRUCTURE',
  logRunnerDistance: 'RUNNER_DISTANCE',
  runnerPeerScore: 'RUNNER_PEER_SCORE',
  runnerTakenUpBy: 'RUNNER_TAKEN_UP_BY',
  takenUpByPeersLikeYou: 'TAKEN_UP_BY_PEERS_LIKE_YOU',
  isProject: 'IS_PROJECT',
};

/** Orders ranked rows by score (desc), then key (asc): a total order for paging. */
export const byScore = <N>(rows: RankedRow<N>[]) => rows.sort((x, y) => y.sort - x.sort || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));

/** One page of a ranking (after the cursor), each edge with its score and explanation. */
export function explainedPage<N>(request: PageRequest, ranked: RankedRow<N>[], ownSizeClass: SizeClass | null) {
  return explainedConnection(request, pageInMemory(request, ranked, 'DESC'), ownSizeClass);
}

/**
 * The same for a ranking that scored `n` candidates into numbers: the page is picked without sorting them all
 * (topInMemory), and only its rows are made (`rowsAt`, all at once) and explained.
 */
export function explainedTop<N>(
  request: PageRequest,
  n: number,
  sortOf: (i: number) => number,
  keyOf: (i: number) => string,
  rowsAt: (indices: number[]) => RankedRow<N>[],
  ownSizeClass: SizeClass | null,
) {
  const { indices, total } = topInMemory(request, n, sortOf, keyOf);
  return explainedConnection(request, { rows: rowsAt(indices), total }, ownSizeClass);
}

function explainedConnection<N>(request: PageRequest, page: { rows: RankedRow<N>[]; total: number }, ownSizeClass: SizeClass | null) {
  return toConnection(request, page, (row, cursor): Explained<N> => ({ cursor, node: row.node, score: row.sort, explanation: { ...row.explain(), ownSizeClass } }));
}

export type Bases = ReadonlyMap<string, readonly TopicBasis[]>;

export const noBases: Bases = new Map();

export const sharedTopics = (shared: readonly SharedTopic[], via: (slug: string) => TopicInheritanceRecord[] = () => [], asker: Bases = noBases, result: Bases = noBases): SharedTopicRecord[] =>
  shared.map((s) => ({ slug: s.slug, weight: s.weight, rarity: s.idf, via: via(s.slug), askerBases: asker.get(s.slug) ?? [], resultBases: result.get(s.slug) ?? [] }));

export const BASIS: Record<RankBy, ExplanationBasis> = { TOPICS: 'TOPICS', STRUCTURE: 'STRUCTURE', BOTH: 'TOPICS_AND_STRUCTURE' };
