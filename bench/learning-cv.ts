// What training and evaluating the learning-partner ranking share: the questions made of the real take-ups
// (an adoption of a solution from its origin, an exchange link of kind TRANSFER) whose source runs something
// to learn from, the candidates (every measure and project not of the asker), training questions whose
// features leave their own fact out, and the rank of the first solution of the real source.
import seedrandom from 'seedrandom';
import type { Network } from '../src/features/discovery/discovery.features.js';
import { LEARNING_FEATURE_COUNT, LEARNING_FEATURES, learningFeatures, takeUpOf, type LearningFeatures } from '../src/features/discovery/discovery.learning.js';
import { fit, scores, standardisation, type Model, type Question } from '../src/features/discovery/discovery.model.js';
import type { Solution } from '../src/features/discovery/discovery.profiles.js';
import { coverage, learningScore, STATUS_SCORE } from '../src/features/discovery/discovery.scoring.js';
import { distanceKm } from '../src/features/discovery/discovery.features.js';
import { structuralSimilarity } from '../src/features/discovery/discovery.scoring.js';
import { foldsOf, metrics, withoutOne, type Ask, type Outcome } from './discovery-cv.js';

/** "What should `asker` learn from?", answered by the solutions of `partner`, from whom it took something up (`fact`). */
export type TakeUpAsk = Ask;

/** One question per take-up whose source lead-runs a solution, in the fact's peer fold group (so folds align with the peers'). */
export function takeUpAsksOf(network: Network, solutions: readonly Solution[], groupOf: ReadonlyMap<string, number>): TakeUpAsk[] {
  const leads = new Set(solutions.map((s) => s.runners[0]!));
  const out: TakeUpAsk[] = [];
  for (const fact of network.facts) {
    const t = takeUpOf(fact);
    if (!t || !leads.has(t.from) || !network.units.has(t.by) || !groupOf.has(fact.id)) continue;
    out.push({ asker: t.by, partner: t.from, fact, weight: 1, group: groupOf.get(fact.id)! });
  }
  return out;
}

/** Every solution the asker may be offered: those of projects it does not run itself. */
export const candidatesFor = (solutions: readonly Solution[], asker: string) => solutions.filter((s) => !s.runners.includes(asker));

/** Every take-up source of each asker (the real sources a ranking should not be blamed for). */
export function sourcesOf(asks: readonly TakeUpAsk[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of asks) (out.get(a.asker) ?? out.set(a.asker, new Set()).get(a.asker)!).add(a.partner);
  return out;
}

/** The features of an ask in `world` (where its fact is already held out), with its candidates. */
export function featuresOf(world: Network, peerModel: Model, ask: TakeUpAsk, solutions: readonly Solution[]): { lf: LearningFeatures; list: Solution[] } {
  const list = candidatesFor(solutions, ask.asker);
  return { lf: learningFeatures(world, peerModel, ask.asker, list, world.profileOf(ask.asker).profile), list };
}

/**
 * Training questions: each take-up's features in `world` without its own fact, every solution of its source a
 * positive (weight 1/k for k of them) against every solution of a runner that is none of the asker's sources.
 */
export function learningQuestions(world: Network, peerModel: Model, asks: readonly TakeUpAsk[], solutions: readonly Solution[], known: Map<string, Set<string>>): Question[] {
  const out: Question[] = [];
  const d = LEARNING_FEATURE_COUNT;
  for (const a of asks) {
    const { lf, list } = featuresOf(world.without([a.fact.id]), peerModel, a, solutions);
    const mine = known.get(a.asker)!;
    const positives = list.flatMap((s, i) => (s.runners[0] === a.partner ? [i] : []));
    const negatives = list.flatMap((s, i) => (mine.has(s.runners[0]!) ? [] : [i]));
    for (const p of positives) {
      const rows = [p, ...negatives];
      const x = new Float64Array(rows.length * d);
      rows.forEach((r, j) => x.set(lf.x.subarray(r * d, r * d + d), j * d));
      out.push({ asker: a.asker, x, rows: rows.length, weight: a.weight / positives.length });
    }
  }
  return out;
}

/** A learning model from training questions. */
export function learningModelOf(questions: readonly Question[], lambda: number, meta: Pick<Model, 'version' | 'report' | 'trainedOn'>): Model {
  const std = standardisation(questions, LEARNING_FEATURE_COUNT);
  const weights = fit(questions, std, { lambda });
  return { ...meta, features: [...LEARNING_FEATURES], mean: std.mean, scale: std.scale, weights, lambda, unknownPartnerWeight: 1 };
}

/** A ranking of the solutions for one asker: a score per solution (higher is better). */
export type LearningRanker = (lf: LearningFeatures, list: readonly Solution[], world: Network) => Float64Array;

/**
 * The rank of the source's best-placed solution, as the asker would meet it in the list: 1 + the solutions of
 * other runners scored higher + half of those scored the same, leaving out those of the asker's other sources.
 */
export function firstRankOf(list: readonly Solution[], s: Float64Array, source: string, otherSources: ReadonlySet<string>): number {
  let best = -Infinity;
  list.forEach((x, i) => {
    if (x.runners[0] === source && s[i]! > best) best = s[i]!;
  });
  if (best === -Infinity) return Infinity;
  let higher = 0;
  let equal = 0;
  list.forEach((x, i) => {
    const r = x.runners[0]!;
    if (r === source || otherSources.has(r)) return;
    if (s[i]! > best) higher++;
    else if (s[i] === best) equal++;
  });
  return 1 + higher + equal / 2;
}

/** The learned model's scores as a ranker. */
export const learningModelRanker = (model: Model): LearningRanker => (lf) => scores(model, lf);

/** The baselines on the same candidates: the formula of before, topics only, distance, the runner's take-ups, random. */
export function learningBaselines(seed: string): Record<string, LearningRanker> {
  const rng = seedrandom(`${seed}:random`);
  const col = (name: (typeof LEARNING_FEATURES)[number], sign = 1): LearningRanker => {
    const f = LEARNING_FEATURES.indexOf(name);
    return (lf) => Float64Array.from({ length: lf.candidates.length }, (_, i) => sign * lf.x[i * LEARNING_FEATURE_COUNT + f]!);
  };
  return {
    'the formula before (0.6 topics + 0.2 status + 0.2 structure, only what matches a topic)': (lf, list, world) => {
      const own = world.units.get(lf.asker)!;
      const profile = world.profileOf(lf.asker).profile;
      const structureOnly = profile.size === 0 || !list.some((s) => [...s.profile.keys()].some((t) => profile.has(t)));
      return Float64Array.from(list, (s) => {
        const u = world.units.get(s.runners[0]!);
        const structure = u ? structuralSimilarity(own, u, distanceKm(own, u)).score : 0;
        const match = structureOnly ? 0 : coverage(profile, s.profile, world.idf).score;
        if (!structureOnly && match === 0) return -1;
        return learningScore(match, (s.status in STATUS_SCORE ? s.status : 'UNKNOWN'), structure, structureOnly);
      });
    },
    'topics only': (lf, list, world) => {
      const profile = world.profileOf(lf.asker).profile;
      return Float64Array.from(list, (s) => (profile.size === 0 ? 0 : coverage(profile, s.profile, world.idf).score));
    },
    'distance to the runner': col('logRunnerDistance', -1),
    "the runner's take-ups (popularity)": col('runnerTakenUpBy'),
    random: (lf) => Float64Array.from(lf.candidates, () => rng()),
  };
}

/** The L2 penalty with the best MRR over an inner cross-validation of the training take-ups (grouped as the peers' folds). */
export function chooseLearningPenalty(
  world: Network,
  peerModel: Model,
  asks: readonly TakeUpAsk[],
  solutions: readonly Solution[],
  sources: Map<string, Set<string>>,
  options: { penalties: readonly number[]; folds: number; seed: string },
) {
  const folds = foldsOf(asks, options.folds, `${options.seed}:inner`);
  const outcomes: Outcome[][] = options.penalties.map(() => []);
  for (let k = 0; k < options.folds; k++) {
    const test = asks.filter((a) => folds.get(a.group) === k);
    const train = asks.filter((a) => folds.get(a.group) !== k);
    if (test.length === 0 || train.length === 0) continue;
    const inner = world.without(test.map((a) => a.fact.id));
    const questions = learningQuestions(inner, peerModel, train, solutions, sources);
    const models = options.penalties.map((lambda) => learningModelOf(questions, lambda, { version: 'inner', report: '', trainedOn: { facts: 0, questions: 0, negativesPerQuestion: 0, seed: '' } }));
    for (const a of test) {
      const { lf, list } = featuresOf(inner, peerModel, a, solutions);
      const others = withoutOne(sources.get(a.asker)!, a.partner);
      models.forEach((m, i) => outcomes[i]!.push({ ask: a, ranks: { model: firstRankOf(list, scores(m, lf), a.partner, others) }, distanceKm: null }));
    }
  }
  const scored = options.penalties.map((lambda, i) => ({ lambda, mrr: metrics(outcomes[i]!, 'model').mrr }));
  return { best: scored.reduce((a, b) => (b.mrr > a.mrr ? b : a)).lambda, scored };
}
