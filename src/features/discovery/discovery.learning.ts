// What is known about a solution for an asker, as numbers the learning-partner model weighs (DESIGN.md,
// Discovery): how far it has got, how alike and how near its runner
// is, how good a partner the peer model finds the runner — and whether municipalities like the asker have
// already taken something up from that runner ("Kommunen wie Ihre nutzen …"). Learned from the real
// take-ups (adoptions of a solution from its origin, exchange links of kind TRANSFER): bench/train-discovery.ts.
import { topInMemory } from '../../kernel/connection.js';
import { linearOf, type Model } from './discovery.model.js';
import { distanceKm, UNKNOWN_DISTANCE_KM, type LinkFact, type Network, type Unit } from './discovery.features.js';
import type { Solution } from './discovery.profiles.js';
import { STATUS_SCORE, structuralSimilarity, type Profile, type Structure } from './discovery.scoring.js';

/** The features of an (asker, solution) pair, in the order of the learning model's weights. */
// The topic match is not among them: the real take-ups gave it no weight (the takers' recorded topics rarely
// name what they took up), so the ranking orders by it in tiers instead (discovery.ranking.ts) and explains it by
// the matched topics.
export const LEARNING_FEATURES = [
  'status',
  'runnerStructure',
  'logRunnerDistance',
  'runnerPeerScore',
  'runnerTakenUpBy',
  'takenUpByPeersLikeYou',
  'isProject',
] as const;
export type LearningFeature = (typeof LEARNING_FEATURES)[number];
export const LEARNING_FEATURE_COUNT = LEARNING_FEATURES.length;
const L = Object.fromEntries(LEARNING_FEATURES.map((f, i) => [f, i])) as Record<LearningFeature, number>;

/** Where `npm run train:discovery` writes the learning-partner model, from the project's root. */
export const LEARNING_MODEL_PATH = 'src/features/discovery/model/learning.model.json';

/** How many of the asker's best peers (by the peer model) count as "municipalities like yours". */
export const PEERS_LIKE_YOU = 50;

/** Who took up something from whom: an adoption of a solution from its origin, or an exchange link of kind TRANSFER. */
export interface TakeUp {
  /** The one who took it up (the asker of the question it answers). */
  by: string;
  /** The one it came from (whose solutions should rank high). */
  from: string;
}

/** The take-up a link fact records, if it records one. */
export function takeUpOf(fact: LinkFact): TakeUp | null {
  if (fact.adoption) {
    const [a, b] = fact.pairs[0]!;
    return { by: fact.adoption.adopter, from: a === fact.adoption.adopter ? b : a };
  }
  if (fact.transfer) return { by: fact.transfer.to, from: fact.transfer.from };
  return null;
}

const takeUpCache = new WeakMap<Network, Map<string, Set<string>>>();

/** Per municipality, who took something up from it, among the facts the network knows (held-out facts are not there). */
export function takenUpFrom(network: Network): Map<string, Set<string>> {
  let out = takeUpCache.get(network);
  if (!out) {
    out = new Map();
    for (const f of network.facts) {
      const t = takeUpOf(f);
      if (t) (out.get(t.from) ?? out.set(t.from, new Set()).get(t.from)!).add(t.by);
    }
    takeUpCache.set(network, out);
  }
  return out;
}

const structureOf = (u: Unit): Structure => ({ population: u.population, sizeClass: u.sizeClass, urbanisation: u.urbanisation, kind: u.kind, state: u.state });

/** The features of the asker against each solution, and what the explanation names besides the numbers. */
export interface LearningFeatures {
  asker: string;
  /** The solutions' keys (`Type:key`), in the rows' order. */
  candidates: string[];
  /** `candidates.length × LEARNING_FEATURE_COUNT`, row-major. */
  x: Float64Array;
  /** The asker's best peers that took something up from a runner, best peer first. */
  peersLikeYouOf: (runner: string) => string[];
}

/**
 * Every feature of the asker against each solution (its lead runner is the one asked). `askerProfile`: the
 * asker's profile for this request. The peer model scores every municipality once, for the runners' peer score
 * and for the asker's PEERS_LIKE_YOU best peers.
 */
export function learningFeatures(network: Network, peerModel: Model, asker: string, solutions: readonly Solution[], askerProfile: Profile): LearningFeatures {
  const own = network.units.get(asker);
  const n = solutions.length;
  const x = new Float64Array(n * LEARNING_FEATURE_COUNT);
  const keys = solutions.map((s) => `${s.type}:${s.key}`);
  if (!own) return { asker, candidates: keys, x, peersLikeYouOf: () => [] };

  const peers = network.scoresOf(asker, network.candidates, askerProfile, linearOf(peerModel));
  // A runner's place among the scored: its place among all candidates, one less past the asker (left out).
  const askerAt = network.indexOf(asker) ?? -1;
  const scoreOf = (ags: string) => {
    const i = network.indexOf(ags);
    return i === undefined || i === askerAt ? 0 : peers.scores[askerAt >= 0 && i > askerAt ? i - 1 : i]!;
  };
  const top = topInMemory({ order: '', first: PEERS_LIKE_YOU, limit: PEERS_LIKE_YOU, after: null }, peers.candidates.length, (i) => peers.scores[i]!, (i) => peers.candidates[i]!);
  const best = top.indices.map((i) => peers.candidates[i]!);
  const takenUp = takenUpFrom(network);
  const likeYou = new Map<string, string[]>();
  const peersLikeYouOf = (runner: string) => {
    let list = likeYou.get(runner);
    if (!list) {
      const by = takenUp.get(runner);
      list = by ? best.filter((p) => by.has(p)) : [];
      likeYou.set(runner, list);
    }
    return list;
  };

  const ownStructure = structureOf(own);
  const perRunner = new Map<string, { structure: number; logDistance: number; peer: number; takenUpBy: number; likeYou: number }>();
  for (let i = 0; i < n; i++) {
    const s = solutions[i]!;
    const runner = s.runners[0]!;
    let r = perRunner.get(runner);
    if (!r) {
      const u = network.units.get(runner);
      const km = u ? distanceKm(own, u) : null;
      r = {
        structure: u ? structuralSimilarity(ownStructure, structureOf(u), km).score : 0,
        logDistance: Math.log1p(km ?? UNKNOWN_DISTANCE_KM),
        peer: scoreOf(runner),
        takenUpBy: Math.log1p(takenUp.get(runner)?.size ?? 0),
        likeYou: Math.log1p(peersLikeYouOf(runner).length),
      };
      perRunner.set(runner, r);
    }
    const o = i * LEARNING_FEATURE_COUNT;
    x[o + L.status] = STATUS_SCORE[s.status] ?? STATUS_SCORE.UNKNOWN;
    x[o + L.runnerStructure] = r.structure;
    x[o + L.logRunnerDistance] = r.logDistance;
    x[o + L.runnerPeerScore] = r.peer;
    x[o + L.runnerTakenUpBy] = r.takenUpBy;
    x[o + L.takenUpByPeersLikeYou] = r.likeYou;
    x[o + L.isProject] = s.type === 'Project' ? 1 : 0;
  }
  return { asker, candidates: keys, x, peersLikeYouOf };
}
