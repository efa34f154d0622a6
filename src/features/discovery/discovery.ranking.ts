// The rankings: peers by the learned model (the default) or by the formulas of before, solutions to adopt,
// similar projects — each scores every candidate cheaply and leaves the explanation to the page's rows.
import type { SizeClass } from '../../generated/graphql.js';
import type { MunicipalityRecord } from '../../records/municipality.js';
import type { PageRequest } from '../../kernel/connection.js';
import modelFile from './model/peers.model.json' with { type: 'json' };
import learningModelFile from './model/learning.model.json' with { type: 'json' };
import { LIST_CAPS } from '../../kernel/list-caps.js';
import { LEARNING_FEATURE_COUNT, LEARNING_FEATURES, learningFeatures, type LearningFeature } from './discovery.learning.js';
import type { Candidates, LearningCandidates, ModelCandidates, PeerCandidates } from './discovery.candidates.js';
import { BASIS, byScore, explainedPage, explainedTop, FEATURE_ENUM, LEARNING_FEATURE_ENUM, noBases, sharedTopics, type LearningPartnerEdgeRecord, type RankedRow, type TopicInheritanceRecord } from './discovery.explanation.js';
import { distanceKm, FEATURE_COUNT } from './discovery.features.js';
import { checkedModel, contributions, linearOf, scores } from './discovery.model.js';
import {
  combinedScore,
  coverage,
  inverseDocumentFrequency,
  learningScore,
  norm,
  profileOf,
  rank,
  similarity,
  structuralSimilarity,
  topicScore,
  type RankBy,
  type Structure,
} from './discovery.scoring.js';

/** The learned peer ranking's model, checked once when the service loads (bench/results/discovery-model.md). */
export const PEER_MODEL = checkedModel(modelFile);
/** The learned learning-partner ranking's model (bench/results/learning-model.md). */
export const LEARNING_MODEL = checkedModel(learningModelFile, LEARNING_FEATURES);

const structureOf = (u: { structure: Structure }) => u.structure;

/** What the register says of the asker, as its record holds it. */
const structureOfRecord = (m: MunicipalityRecord): Structure => ({ population: m.population ?? null, sizeClass: m.sizeClass ?? null, urbanisation: m.urbanisation ?? null, kind: m.kind, state: m.state ?? null });

/** The peer model as one linear function of the raw features (scores without keeping the features). */
const PEER_LINEAR = linearOf(PEER_MODEL);

/**
 * Peers by the learned model, one page: every candidate scored (cheaply, from the pair features, one row at a
 * time), the page picked without sorting them all; only its rows are explained — each feature's contribution
 * (they add up to the score, largest in size first), the shared topics with what gives each side the topic, the
 * register's comparison, and what the two share by name.
 */
export function peersPageByModel(found: ModelCandidates, request: PageRequest) {
  const own = found.ownProfile;
  const { candidates, scores: s } = found.network.scoresOf(found.own.ags, found.candidates, own.profile, PEER_LINEAR);
  const asker = found.unitOf.get(found.own.ags)!;
  const rowsAt = (indices: number[]): RankedRow<{ ags: string }>[] => {
    // The page's features in one go (the asker's side is worked out once).
    const page = found.network.features(found.own.ags, indices.map((i) => candidates[i]!), own.profile);
    return indices.map((i, row) => rowAt(i, page.x, row * FEATURE_COUNT));
  };
  const rowAt = (i: number, x: Float64Array, offset: number): RankedRow<{ ags: string }> => {
    const key = candidates[i]!;
    return {
      sort: s[i]!,
      key,
      node: { ags: key },
      explain: () => {
        const u = found.unitOf.get(key)!;
        const km = distanceKm(asker, u);
        const parts = contributions(PEER_MODEL, x, offset)
          .map((c) => ({ feature: FEATURE_ENUM[c.feature], value: c.value, contribution: c.contribution }))
          .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature));
        const topics = similarity(own.profile, found.network.profileOf(key).profile, found.network.idf);
        return {
          basis: 'MODEL',
          model: PEER_MODEL.version,
          contributions: parts,
          shared: found.network.shared(found.own.ags, key),
          sharedTopics: sharedTopics(topics.shared, () => [], own.bases, found.basesOf.get(key) ?? noBases),
          topicScore: topics.score,
          structure: structuralSimilarity(structureOf(asker), structureOf(u), km),
          distanceKm: km,
          sizeClass: u.structure.sizeClass as SizeClass | null,
        };
      },
    };
  };
  return explainedTop(request, candidates.length, (i) => s[i]!, (i) => candidates[i]!, rowsAt, found.own.sizeClass);
}

/** Peers ranked by topics, structure or both; with no topics to compare, by structure alone (STRUCTURE_ONLY). */
export function rankPeers(found: PeerCandidates, rankBy: RankBy, structureShare?: number): RankedRow<{ ags: string }>[] {
  const own = found.ownProfile;
  const structureOnly = found.structureOnly;
  const ownNorm = norm(own.profile, found.idf);
  const ownStructure = structureOfRecord(found.own);
  const rows: RankedRow<{ ags: string }>[] = [];
  // Every candidate is scored (cheaply); only the page's rows are explained.
  for (const c of found.candidates) {
    const topics = structureOnly ? 0 : topicScore(own.profile, ownNorm, c.profile, c.norm, found.idf);
    if (!structureOnly && topics === 0) continue;
    const structure = structuralSimilarity(ownStructure, c.structure, c.distanceKm);
    rows.push({
      sort: structureOnly ? structure.score : combinedScore(topics, structure.score, rankBy, structureShare),
      key: c.key,
      node: { ags: c.key },
      explain: () => {
        const explained = structureOnly ? { score: 0, shared: [] } : similarity(own.profile, c.profile, found.idf);
        const via = (slug: string): TopicInheritanceRecord[] => [
          ...(own.via.get(slug) ?? []).map((v) => ({ side: 'ASKER' as const, ...v })),
          ...(c.via.get(slug) ?? []).map((v) => ({ side: 'RESULT' as const, ...v })),
        ];
        return {
          basis: structureOnly ? 'STRUCTURE_ONLY' : BASIS[rankBy],
          sharedTopics: sharedTopics(explained.shared, via, own.bases, c.bases),
          topicScore: topics,
          structure,
          distanceKm: c.distanceKm,
          sizeClass: c.sizeClass,
        };
      },
    });
  }
  return byScore(rows);
}

/** A ranked solution; its explanation is built for the page's rows only. */
export type SolutionRow = Omit<LearningPartnerEdgeRecord, 'cursor' | 'explanation'> & { sort: number; key: string; explain: () => LearningPartnerEdgeRecord['explanation'] };

/** Orders solution rows by sort (desc), then key (asc): a total order for paging. */
const bySort = (rows: SolutionRow[]) => rows.sort((a, b) => b.sort - a.sort || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));

/** Added to the sort of a solution for each tier it is in, so the tiers come in order (scores stay far below it). */
const TIER = 1e6;
/**
 * A runner's further solutions in a tier are ordered as if they scored this much less for each of its own
 * placed before them, so one popular runner does not fill the page (its best solution keeps its place).
 */
export const RUNNER_REPEAT_PENALTY = 1;

/**
 * The order the learned ranking serves, as one number per solution: tier × TIER + score, a runner's j-th
 * solution (0-based) in its tier lowered by j × RUNNER_REPEAT_PENALTY. Ties broken by key, as in paging.
 */
export function servedSortKeys(scores: ArrayLike<number>, tiers: readonly number[], runners: readonly string[], keys: readonly string[]): Float64Array {
  const out = Float64Array.from({ length: scores.length }, (_, i) => tiers[i]! * TIER + scores[i]!);
  const order = [...out.keys()].sort((a, b) => out[b]! - out[a]! || (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const seen = new Map<string, number>();
  for (const i of order) {
    const key = `${tiers[i]}|${runners[i]}`;
    const j = seen.get(key) ?? 0;
    seen.set(key, j + 1);
    out[i]! -= j * RUNNER_REPEAT_PENALTY;
  }
  return out;
}

/**
 * Solutions ranked by the learned model (LEARNING_MODEL), in tiers: first what addresses one of the request's
 * interests (what the asker looks for now), then what addresses another of its topics, then the rest — each
 * tier by the model's score, a runner's further solutions moved down (RUNNER_REPEAT_PENALTY); every solution of
 * a project the asker does not run, whose lead runner passes the filter. Each row says why: the features'
 * contributions (they add up to the score), the asker's best peers that took something up from the runner, the
 * topics matched, the register's comparison.
 */
export function rankSolutionsByModel(found: LearningCandidates): SolutionRow[] {
  const own = found.ownProfile;
  const list = found.others.filter((x) => found.runners.has(x.runners[0]!));
  const lf = learningFeatures(found.network, PEER_MODEL, found.own.ags, list, own.profile);
  const s = scores(LEARNING_MODEL, lf);
  const matching = found.structureOnly ? null : new Set(found.solutions);
  const interests = new Set(found.interests);
  const via = (slug: string): TopicInheritanceRecord[] => (own.via.get(slug) ?? []).map((v) => ({ side: 'ASKER' as const, ...v }));
  const ownStructure = structureOfRecord(found.own);
  const tiers = list.map((x) => (interests.size > 0 && [...x.profile.keys()].some((t) => interests.has(t)) ? 2 : matching?.has(x) ? 1 : 0));
  const sortKeys = servedSortKeys(s, tiers, list.map((x) => x.runners[0]!), list.map((x) => `${x.type}:${x.key}`));
  return bySort(
    list.map((x, i): SolutionRow => {
      const runner = found.runners.get(x.runners[0]!)!;
      const matches = matching?.has(x) ?? false;
      const matchesInterest = tiers[i] === 2;
      return {
        sort: sortKeys[i]!,
        key: `${x.type}:${x.key}`,
        node: { type: x.type, key: x.key },
        score: s[i]!,
        project: x.project,
        runner: x.runners[0]!,
        explain: () => {
          const match = matches ? coverage(own.profile, x.profile, found.idf) : { score: 0, shared: [] };
          return {
            basis: 'MODEL',
            model: LEARNING_MODEL.version,
            contributions: contributions<LearningFeature>(LEARNING_MODEL, lf.x, i * LEARNING_FEATURE_COUNT)
              .map((c) => ({ feature: LEARNING_FEATURE_ENUM[c.feature], value: c.value, contribution: c.contribution }))
              .sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || a.feature.localeCompare(b.feature)),
            matchesTopic: matches,
            matchesInterest,
            peersLikeYou: lf.peersLikeYouOf(x.runners[0]!).slice(0, LIST_CAPS['LearningExplanation.peersLikeYou']),
            matchedTopics: sharedTopics(match.shared, via, own.bases),
            topicScore: match.score,
            status: x.status,
            statusAsOf: x.statusAsOf,
            structure: structuralSimilarity(ownStructure, runner.structure, runner.distanceKm),
            distanceKm: runner.distanceKm,
          };
        },
      };
    }),
  );
}

/** Solutions ranked for the asker by the formula of before: topic match, status and the runner's structure; by the last two alone when there is nothing to match. */
export function rankSolutions(found: LearningCandidates): SolutionRow[] {
  const own = found.ownProfile;
  const structureOnly = found.structureOnly;
  const ownStructure = structureOfRecord(found.own);
  const rows: SolutionRow[] = [];
  for (const x of found.solutions) {
    const runner = found.runners.get(x.runners[0]!);
    if (!runner) continue; // its runner does not pass the filter
    const match = structureOnly ? { score: 0, shared: [] } : coverage(own.profile, x.profile, found.idf);
    if (!structureOnly && match.score === 0) continue;
    const structure = structuralSimilarity(ownStructure, runner.structure, runner.distanceKm);
    const via = (slug: string): TopicInheritanceRecord[] => (own.via.get(slug) ?? []).map((v) => ({ side: 'ASKER' as const, ...v }));
    const key = `${x.type}:${x.key}`;
    const score = learningScore(match.score, x.status, structure.score, structureOnly);
    rows.push({
      sort: score,
      key,
      node: { type: x.type, key: x.key },
      score,
      project: x.project,
      runner: x.runners[0]!,
      explain: () => ({
        basis: structureOnly ? 'STRUCTURE_ONLY' : 'TOPICS_AND_STRUCTURE',
        model: null,
        contributions: [],
        matchesTopic: !structureOnly,
        matchesInterest: !structureOnly && found.interests.some((t) => x.profile.has(t)),
        peersLikeYou: [],
        matchedTopics: sharedTopics(match.shared, via, own.bases),
        topicScore: match.score,
        status: x.status,
        statusAsOf: x.statusAsOf,
        structure,
        distanceKm: runner.distanceKm,
      }),
    });
  }
  return bySort(rows);
}

/** Scores the candidates (profiles gathered by one statement), orders them, and returns one page of the ranking. */
export function rankPage<T>(found: Candidates<T>, request: PageRequest, keyOf: (t: T) => string) {
  const parentOf = new Map(found.parents);
  const { idf } = inverseDocumentFrequency(found.profiles.map((p) => profileOf(p.direct, parentOf)));
  const ranked = rank(
    profileOf(found.ownDirect, parentOf),
    found.candidates.map((c) => ({ item: c, key: keyOf(c.record), profile: profileOf(c.direct, parentOf) })),
    idf,
  );
  const rows = ranked.map((r): RankedRow<T> => ({
    sort: r.similarity.score,
    key: r.key,
    node: r.item.record,
    explain: () => ({ basis: 'TOPICS', sharedTopics: sharedTopics(r.similarity.shared), topicScore: r.similarity.score, structure: null, distanceKm: r.item.distanceKm, sizeClass: r.item.sizeClass }),
  }));
  return explainedPage(request, rows, found.ownSizeClass);
}
