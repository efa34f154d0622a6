// What `npm run train:discovery` and `npm run eval:discovery` share: the questions made of the known link
// facts, folds grouped by fact, training questions whose features leave their own fact out, the model fit
// with its penalty chosen inside the training folds, and the rank of the real partner among every candidate.
import seedrandom from 'seedrandom';
import { FEATURE_COUNT, FEATURES, type LinkFact, type Network, type PairFeatures } from '../src/features/discovery/discovery.features.js';
import { fit, scores, standardisation, type Model, type Question } from '../src/features/discovery/discovery.model.js';

/** "Who should `asker` work with?", answered by `partner` through the link fact `fact`. */
export interface Ask {
  asker: string;
  partner: string;
  fact: LinkFact;
  /** Its part of the training loss and of the means reported: a joint project of n runners gives each of its runners 1 in all, 1/(n−1) per partner. */
  weight: number;
  /** The fold group: facts that share a pair are held out together. */
  group: number;
}

/** Both directions of every pair of every fact between two municipalities of the register. */
export function asksOf(network: Network, facts: readonly LinkFact[]): Ask[] {
  // Facts sharing a pair go into one group (union-find), so no pair is on both sides of a split.
  const parent = facts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const firstWithPair = new Map<string, number>();
  facts.forEach((f, i) => {
    for (const [a, b] of f.pairs) {
      const key = `${a}|${b}`;
      const j = firstWithPair.get(key);
      if (j === undefined) firstWithPair.set(key, i);
      else parent[find(i)] = find(j);
    }
  });
  const asks: Ask[] = [];
  facts.forEach((fact, i) => {
    const runners = new Set(fact.pairs.flat()).size;
    const weight = fact.kind === 'JOINT_PROJECT' ? 1 / (runners - 1) : 1;
    for (const [a, b] of fact.pairs) {
      if (!network.units.has(a) || !network.units.has(b)) continue;
      asks.push({ asker: a, partner: b, fact, weight, group: find(i) }, { asker: b, partner: a, fact, weight, group: find(i) });
    }
  });
  return asks;
}

/** Fold of each group, k folds, groups shuffled with the seed and dealt to the fold with the least weight so far. */
export function foldsOf(asks: readonly Ask[], k: number, seed: string): Map<number, number> {
  const weightOf = new Map<number, number>();
  for (const a of asks) weightOf.set(a.group, (weightOf.get(a.group) ?? 0) + a.weight);
  const rng = seedrandom(seed);
  const groups = [...weightOf.keys()].sort((x, y) => x - y).map((g) => ({ g, r: rng() }));
  groups.sort((x, y) => weightOf.get(y.g)! - weightOf.get(x.g)! || x.r - y.r);
  const load = new Array<number>(k).fill(0);
  const out = new Map<number, number>();
  for (const { g } of groups) {
    const f = load.indexOf(Math.min(...load));
    out.set(g, f);
    load[f]! += weightOf.get(g)!;
  }
  return out;
}

/** Every municipality a question's asker is linked with by any fact (the real partners a ranking should not be blamed for). */
export function partnersOf(asks: readonly Ask[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const a of asks) (out.get(a.asker) ?? out.set(a.asker, new Set()).get(a.asker)!).add(a.partner);
  return out;
}

/**
 * Training questions from asks: each one's features computed in `network` without the ask's own fact group
 * (its pairs, its project's topics, its adoption), against its partner and `negatives` candidates drawn with
 * the seed among those that are none of the asker's partners.
 */
export function trainingQuestions(network: Network, asks: readonly Ask[], known: Map<string, Set<string>>, negatives: number, seed: string): Question[] {
  const rng = seedrandom(seed);
  const byGroup = new Map<number, Ask[]>();
  for (const a of asks) (byGroup.get(a.group) ?? byGroup.set(a.group, []).get(a.group)!).push(a);
  const factsOfGroup = (list: Ask[]) => [...new Set(list.map((a) => a.fact.id))];
  const candidates = network.candidates;
  const out: Question[] = [];
  for (const [, list] of [...byGroup].sort((x, y) => x[0] - y[0])) {
    const world = network.without(factsOfGroup(list));
    for (const a of list) {
      const others: string[] = [a.partner];
      const mine = known.get(a.asker)!;
      while (others.length <= negatives) {
        const c = candidates[Math.floor(rng() * candidates.length)]!;
        if (c !== a.asker && !mine.has(c)) others.push(c);
      }
      const pf = world.features(a.asker, others);
      out.push({ asker: a.asker, x: pf.x, rows: pf.candidates.length, weight: a.weight, partnerUnknown: world.activityOf(a.partner) === 0 });
    }
  }
  return out;
}

/** The settings a model is trained with, chosen by cross-validation. */
export interface Settings {
  lambda: number;
  unknownPartnerWeight: number;
}

/** A model from training questions and its settings. */
export function modelOf(questions: readonly Question[], settings: Settings, meta: Pick<Model, 'version' | 'report' | 'trainedOn'>): Model {
  const std = standardisation(questions);
  const weighted = questions.map((q) => (q.partnerUnknown ? { ...q, weight: q.weight * settings.unknownPartnerWeight } : q));
  const weights = fit(weighted, std, { lambda: settings.lambda });
  return { ...meta, features: [...FEATURES], mean: std.mean, scale: std.scale, weights, lambda: settings.lambda, unknownPartnerWeight: settings.unknownPartnerWeight };
}

/**
 * The MRR as the questions a clerk asks would give it: the MRR over questions whose partner the data knows
 * nothing else of, weighted by `unknownShare`, plus that over the others by the rest (EVAL_SETTINGS says why).
 */
export function targetMrr(outcomes: readonly Outcome[], name: string, unknownShare: number): number {
  const unknown = outcomes.filter((o) => o.partnerUnknown);
  const knownOnes = outcomes.filter((o) => !o.partnerUnknown);
  if (unknown.length === 0 || knownOnes.length === 0) return metrics(outcomes, name).mrr;
  return unknownShare * metrics(unknown, name).mrr + (1 - unknownShare) * metrics(knownOnes, name).mrr;
}

/** A ranking of every candidate for one asker: a score per candidate (higher is better). */
export type Ranker = (pf: PairFeatures) => Float64Array;

/**
 * The rank of `partner` among the candidates, leaving out the asker's other real partners (the filtered
 * setting): 1 + those scored higher + half of those scored the same (the expected rank when ties are broken at random).
 */
export function rankOf(pf: PairFeatures, s: Float64Array, partner: string, otherPartners: ReadonlySet<string>): number {
  const i = pf.candidates.indexOf(partner);
  if (i < 0) return Infinity;
  const mine = s[i]!;
  let higher = 0;
  let equal = 0;
  for (let j = 0; j < s.length; j++) {
    if (j === i || otherPartners.has(pf.candidates[j]!)) continue;
    if (s[j]! > mine) higher++;
    else if (s[j] === mine) equal++;
  }
  return 1 + higher + equal / 2;
}

export interface Outcome {
  ask: Ask;
  /** Ranking name → the partner's rank. */
  ranks: Record<string, number>;
  distanceKm: number | null;
  /** Whether the partner has no recorded activity at all in the world it was ranked in. */
  partnerUnknown?: boolean;
}

/** Mean reciprocal rank, hit@10 and hit@50 over outcomes, each weighted by its ask's weight. */
export function metrics(outcomes: readonly Outcome[], name: string): { mrr: number; hit10: number; hit50: number; n: number } {
  let w = 0, rr = 0, h10 = 0, h50 = 0;
  for (const o of outcomes) {
    const r = o.ranks[name]!;
    w += o.ask.weight;
    rr += o.ask.weight / r;
    if (r <= 10) h10 += o.ask.weight;
    if (r <= 50) h50 += o.ask.weight;
  }
  return w === 0 ? { mrr: 0, hit10: 0, hit50: 0, n: 0 } : { mrr: rr / w, hit10: h10 / w, hit50: h50 / w, n: outcomes.length };
}

/** Each ranking's MRR, hit@10 and hit@50 over the outcomes, with the bootstrap 95 % interval of its MRR. */
export function scoredRankings(outcomes: readonly Outcome[], names: readonly string[], seed: string) {
  return names.map((name) => {
    const m = metrics(outcomes, name);
    const [lo, hi] = bootstrap(outcomes, (s) => metrics(s, name).mrr, `${seed}:${name}`);
    return { name, ...m, lo, hi };
  });
}

/** A report's numbers: four decimals, and a share as a percentage. */
export const f4 = (x: number) => x.toFixed(4);
export const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Percentile bootstrap 95 % interval of a statistic over outcomes resampled by fact group (seeded). */
export function bootstrap(outcomes: readonly Outcome[], stat: (sample: Outcome[]) => number, seed: string, rounds = 1000): [number, number] {
  const byGroup = new Map<number, Outcome[]>();
  for (const o of outcomes) (byGroup.get(o.ask.group) ?? byGroup.set(o.ask.group, []).get(o.ask.group)!).push(o);
  const groups = [...byGroup.values()];
  const rng = seedrandom(seed);
  const values: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const sample: Outcome[] = [];
    for (let i = 0; i < groups.length; i++) sample.push(...groups[Math.floor(rng() * groups.length)]!);
    values.push(stat(sample));
  }
  values.sort((a, b) => a - b);
  return [values[Math.floor(0.025 * rounds)]!, values[Math.ceil(0.975 * rounds) - 1]!];
}

/** The model's scores as a ranker. */
export const modelRanker = (model: Model): Ranker => (pf) => scores(model, pf);

/** Index of a feature in a pair's row. */
export const at = (name: (typeof FEATURES)[number]) => FEATURES.indexOf(name);

/** A ranker from one column of the features (higher first, or lower first with `ascending`). */
export const columnRanker = (name: (typeof FEATURES)[number], ascending = false): Ranker => {
  const f = at(name);
  return (pf) => {
    const out = new Float64Array(pf.candidates.length);
    for (let i = 0; i < out.length; i++) out[i] = (ascending ? -1 : 1) * pf.x[i * FEATURE_COUNT + f]!;
    return out;
  };
};

/**
 * The settings (penalty, weight of questions whose partner is unknown) with the best target MRR over an inner
 * grouped cross-validation of the training asks: each setting's model ranks each held-out partner among a seeded
 * sample of candidates (all of them when not limited), a fair comparison at a fraction of the cost.
 */
export function chooseSettings(
  network: Network,
  asks: readonly Ask[],
  known: Map<string, Set<string>>,
  grid: { penalties: readonly number[]; unknownPartnerWeights: readonly number[] },
  options: { folds: number; negatives: number; seed: string; validationCandidates?: number; unknownShare: number },
) {
  const folds = foldsOf(asks, options.folds, `${options.seed}:inner`);
  const settings = grid.penalties.flatMap((lambda) => grid.unknownPartnerWeights.map((unknownPartnerWeight): Settings => ({ lambda, unknownPartnerWeight })));
  const outcomes: Outcome[][] = settings.map(() => []);
  for (let k = 0; k < options.folds; k++) {
    const test = asks.filter((a) => folds.get(a.group) === k);
    const train = asks.filter((a) => folds.get(a.group) !== k);
    const world = network.without(new Set(test.map((a) => a.fact.id)));
    const questions = trainingQuestions(world, train, known, options.negatives, `${options.seed}:inner:${k}`);
    const models = settings.map((s) => modelOf(questions, s, { version: 'inner', report: '', trainedOn: { facts: 0, questions: 0, negativesPerQuestion: 0, seed: '' } }));
    const rng = seedrandom(`${options.seed}:validation:${k}`);
    for (const a of test) {
      const pool = options.validationCandidates ? sampleCandidates(world.candidates, options.validationCandidates, rng, a.partner) : world.candidates;
      const pf = world.features(a.asker, pool);
      const others = withoutOne(known.get(a.asker)!, a.partner);
      const partnerUnknown = world.activityOf(a.partner) === 0;
      models.forEach((m, i) => outcomes[i]!.push({ ask: a, ranks: { model: rankOf(pf, scores(m, pf), a.partner, others) }, distanceKm: null, partnerUnknown }));
    }
  }
  const scored = settings.map((s, i) => ({ ...s, target: targetMrr(outcomes[i]!, 'model', options.unknownShare), mrr: metrics(outcomes[i]!, 'model').mrr }));
  const best = scored.reduce((a, b) => (b.target > a.target ? b : a));
  return { best: { lambda: best.lambda, unknownPartnerWeight: best.unknownPartnerWeight }, scored };
}

function sampleCandidates(all: readonly string[], n: number, rng: () => number, include: string): string[] {
  const out = new Set<string>([include]);
  while (out.size < Math.min(n, all.length)) out.add(all[Math.floor(rng() * all.length)]!);
  return [...out];
}

export const withoutOne = (set: ReadonlySet<string>, one: string): Set<string> => {
  const out = new Set(set);
  out.delete(one);
  return out;
};
