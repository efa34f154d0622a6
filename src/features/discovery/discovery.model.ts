// The peer ranking's model: a conditional logistic regression (a linear score per pair, learned so that the
// real partner of a municipality scores above the others it could have chosen), L2-regularised, over the
// features of discovery.features.ts. Its weights live in a versioned file (model/peers.model.json) written by
// `npm run train:discovery` with the report that chose them; a pair's score is the sum of each feature's
// contribution, weight × (value − the average candidate's value) / scale, so the contributions are the
// explanation and add up to the score.
import { z } from 'zod';
import numeric from 'numeric';
import { FEATURE_COUNT, FEATURES, type Feature, type PairFeatures } from './discovery.features.js';

export const modelSchema = z.object({
  version: z.string().min(1),
  features: z.array(z.string()).min(1),
  /** The average candidate's value of each feature, over the training pairs. */
  mean: z.array(z.number()),
  /** Each feature's standard deviation over the training pairs (1 where it does not vary). */
  scale: z.array(z.number().positive()),
  /** The weight of each standardised feature. */
  weights: z.array(z.number()),
  /** The L2 penalty chosen by cross-validation on the training links. */
  lambda: z.number().nonnegative(),
  /**
   * How much more a training question counts whose partner the data knows nothing else of (no project,
   * programme, solution, event or other link): chosen with the penalty for the best MRR with such questions
   * weighted as they are among real cooperation (bench/discovery-settings.ts, unknownShare).
   */
  unknownPartnerWeight: z.number().positive(),
  /** The report that chose it (bench/results/…). */
  report: z.string(),
  trainedOn: z.object({ facts: z.number().int(), questions: z.number().int(), negativesPerQuestion: z.number().int(), seed: z.string() }),
}).refine((m) => [m.mean, m.scale, m.weights].every((a) => a.length === m.features.length), { message: 'mean, scale and weights need one value per feature' });
export type Model = z.infer<typeof modelSchema>;

/** Where `npm run train:discovery` writes the model, from the project's root. */
export const MODEL_PATH = 'src/features/discovery/model/peers.model.json';

/** A model file's contents, checked against its schema and against the features this code computes (the peer features unless told). */
export function checkedModel(json: unknown, features: readonly string[] = FEATURES): Model {
  const model = modelSchema.parse(json);
  if (model.features.length !== features.length || model.features.some((f, i) => f !== features[i])) throw new Error(`The model ${model.version} was trained on other features than this code computes; run npm run train:discovery.`);
  return model;
}

/** The model as one linear function of the raw features: score = Σ w[f] · value f − offset. */
export function linearOf(model: Model): { w: number[]; offset: number } {
  const w = model.weights.map((wi, f) => wi / model.scale[f]!);
  let offset = 0;
  for (let f = 0; f < w.length; f++) offset += w[f]! * model.mean[f]!;
  return { w, offset };
}

/** Each candidate's score: Σ over features of weight × (value − mean) / scale. */
export function scores(model: Model, pf: Pick<PairFeatures, 'x' | 'candidates'>): Float64Array {
  const n = pf.candidates.length;
  const d = model.features.length;
  const out = new Float64Array(n);
  const { w, offset } = linearOf(model);
  for (let i = 0; i < n; i++) {
    let s = -offset;
    const o = i * d;
    for (let f = 0; f < d; f++) s += w[f]! * pf.x[o + f]!;
    out[i] = s;
  }
  return out;
}

export interface Contribution<F extends string = Feature> {
  feature: F;
  value: number;
  contribution: number;
}

/** One pair's contributions, every feature in model order: they add up to its score. */
export function contributions<F extends string = Feature>(model: Model, x: ArrayLike<number>, offset = 0): Contribution<F>[] {
  return (model.features as F[]).map((feature, f) => ({ feature, value: x[offset + f]!, contribution: (model.weights[f]! * (x[offset + f]! - model.mean[f]!)) / model.scale[f]! }));
}

// ---------------------------------------------------------------------------
// Training.

/** One question "who should `asker` work with?": its real partner's features first, then sampled others'. */
export interface Question {
  asker: string;
  /** `rows × d` (d features: FEATURE_COUNT for peers); row 0 is the real partner. */
  x: Float64Array;
  rows: number;
  /** The question's part of the loss (a joint project's pairs share one per runner). */
  weight: number;
  /** Whether the partner has no recorded activity in the world the question is asked in. */
  partnerUnknown?: boolean;
}

export interface FitOptions {
  lambda: number;
  maxIterations?: number;
}

/** Mean and standard deviation of each feature over every row of the questions. */
export function standardisation(questions: readonly Question[], d: number = FEATURE_COUNT): { mean: number[]; scale: number[] } {
  const sum = new Float64Array(d);
  const sq = new Float64Array(d);
  let n = 0;
  for (const q of questions)
    for (let r = 0; r < q.rows; r++) {
      n++;
      for (let f = 0; f < d; f++) {
        const v = q.x[r * d + f]!;
        sum[f]! += v;
        sq[f]! += v * v;
      }
    }
  const mean = [...sum].map((s) => (n === 0 ? 0 : s / n));
  const scale = [...sq].map((s, f) => {
    const sd = n === 0 ? 0 : Math.sqrt(Math.max(0, s / n - mean[f]! ** 2));
    return sd > 1e-9 ? sd : 1;
  });
  return { mean, scale };
}

/**
 * The weights that minimise the questions' weighted mean negative log-likelihood, −log(e^{s_partner} / Σ e^{s_row}),
 * plus λ/2 · |w|², by quasi-Newton (BFGS, numeric.uncmin). Deterministic: the same questions give the same weights.
 */
export function fit(questions: readonly Question[], std: { mean: number[]; scale: number[] }, options: FitOptions): number[] {
  const d = std.mean.length;
  const z = questions.map((q) => {
    const out = new Float64Array(q.rows * d);
    for (let i = 0; i < out.length; i++) out[i] = (q.x[i]! - std.mean[i % d]!) / std.scale[i % d]!;
    return out;
  });
  const total = questions.reduce((s, q) => s + q.weight, 0);
  // The value and the gradient in one pass, kept for the last point asked (uncmin asks for both at each point).
  let last: { w: number[]; value: number; grad: number[] } | null = null;
  const evaluate = (w: number[]) => {
    if (last && last.w.every((v, i) => v === w[i])) return last;
    const grad = new Array<number>(d).fill(0);
    let value = 0;
    const g = new Float64Array(d);
    for (let k = 0; k < questions.length; k++) {
      const q = questions[k]!;
      const x = z[k]!;
      const s = new Float64Array(q.rows);
      let max = -Infinity;
      for (let r = 0; r < q.rows; r++) {
        let v = 0;
        for (let f = 0; f < d; f++) v += w[f]! * x[r * d + f]!;
        s[r] = v;
        if (v > max) max = v;
      }
      let sum = 0;
      for (let r = 0; r < q.rows; r++) sum += Math.exp(s[r]! - max);
      const c = q.weight / total;
      value += c * (max + Math.log(sum) - s[0]!);
      g.fill(0);
      for (let r = 0; r < q.rows; r++) {
        const p = Math.exp(s[r]! - max) / sum;
        for (let f = 0; f < d; f++) g[f]! += p * x[r * d + f]!;
      }
      for (let f = 0; f < d; f++) grad[f]! += c * (g[f]! - x[f]!);
    }
    for (let f = 0; f < d; f++) {
      value += (options.lambda / 2) * w[f]! ** 2;
      grad[f]! += options.lambda * w[f]!;
    }
    last = { w: [...w], value, grad };
    return last;
  };
  const result = numeric.uncmin(
    (w: number[]) => evaluate(w).value,
    new Array<number>(d).fill(0),
    1e-9,
    (w: number[]) => evaluate(w).grad,
    options.maxIterations ?? 500,
  );
  return result.solution;
}
