// The rankings: peers by the learned model (the default) or by the formulas of before, solutions to adopt,
// similar projects — each scores every candidate cheaply and leaves the explanation to the page's rows.
import type { SizeClass } from '../../generated/graphql.js';
import type { PageRequest } from '../../kernel/connection.js';
import modelFile from './model/peers.model.json' with { type: 'json' };
import type { Candidates, LearningCandidates, ModelCandidates, PeerCandidates } from './discovery.candidates.js';
import { BASIS, byScore, explainedPage, FEATURE_ENUM, noBases, sharedTopics, type LearningPartnerEdgeRecord, type RankedRow, type TopicInheritanceRecord } from './discovery.explanation.js';
import { distanceKm, FEATURE_COUNT } from './discovery.features.js';
import { checkedModel, contributions, scores } from './discovery.model.js';
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

const structureOf = (u: { structure: Structure }) => u.structure;

/**
 * Peers by the learned model: every candidate scored (cheaply, from the pair features); only the page's rows
 * are explained — each feature's contribution (they add up to the score, largest in size first), the shared
 * topics with what gives each side the topic, the register's comparison, and what the two share by name.
 */
export function rankPeersByModel(found: ModelCandidates): RankedRow<{ ags: string }>[] {
  const own = found.ownProfile;
  const pf = found.network.features(found.own.ags, found.candidates, own.profile);
  const s = scores(PEER_MODEL, pf);
  const asker = found.unitOf.get(found.own.ags)!;
  return byScore(
    pf.candidates.map((key, i): RankedRow<{ ags: string }> => ({
      sort: s[i]!,
      key,
      node: { ags: key },
      explain: () => {
        const u = found.unitOf.get(key)!;
        const km = distanceKm(asker, u);
        const parts = contributions(PEER_MODEL, pf.x, i * FEATURE_COUNT)
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
    })),
  );
}

/** Peers ranked by topics, structure or both; with no topics to compare, by structure alone (STRUCTURE_ONLY). */
export function rankPeers(found: PeerCandidates, rankBy: RankBy, structureShare?: number): RankedRow<{ ags: string }>[] {
  const own = found.ownProfile;
  const structureOnly = found.structureOnly;
  const ownNorm = norm(own.profile, found.idf);
  const ownStructure: Structure = { population: found.own.population ?? null, sizeClass: found.own.sizeClass ?? null, urbanisation: found.own.urbanisation ?? null, kind: found.own.kind, state: found.own.state ?? null };
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

/** Solutions ranked for the asker: topic match, status and the runner's structure; by the last two alone when there is nothing to match. */
export function rankSolutions(found: LearningCandidates): (Omit<LearningPartnerEdgeRecord, 'cursor'> & { sort: number; key: string })[] {
  const own = found.ownProfile;
  const structureOnly = found.structureOnly;
  const ownStructure: Structure = { population: found.own.population ?? null, sizeClass: found.own.sizeClass ?? null, urbanisation: found.own.urbanisation ?? null, kind: found.own.kind, state: found.own.state ?? null };
  const rows: (Omit<LearningPartnerEdgeRecord, 'cursor'> & { sort: number; key: string })[] = [];
  for (const x of found.solutions) {
    const runner = found.runners.get(x.runners[0]!);
    if (!runner) continue; // its runner does not pass the filter
    const match = structureOnly ? { score: 0, shared: [] } : coverage(own.profile, x.profile, found.idf);
    if (!structureOnly && match.score === 0) continue;
    const structure = structuralSimilarity(ownStructure, runner.structure, runner.distanceKm);
    const via = (slug: string): TopicInheritanceRecord[] => (own.via.get(slug) ?? []).map((v) => ({ side: 'ASKER' as const, ...v }));
    const key = `${x.type}:${x.key}`;
    rows.push({
      sort: learningScore(match.score, x.status, structure.score, structureOnly),
      key,
      node: { type: x.type, key: x.key },
      score: 0,
      project: x.project,
      runner: x.runners[0]!,
      explanation: {
        basis: structureOnly ? 'STRUCTURE_ONLY' : 'TOPICS_AND_STRUCTURE',
        matchedTopics: sharedTopics(match.shared, via, own.bases),
        topicScore: match.score,
        status: x.status,
        statusAsOf: x.statusAsOf,
        structure,
        distanceKm: runner.distanceKm,
      },
    });
  }
  return rows.sort((a, b) => b.sort - a.sort || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
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
