// How "shares interests" is scored (DESIGN.md, Discovery). Pure functions:
// the same code ranks peers and similar projects, and the unit tests check it
// against hand-computed values.

/** Topic slug → weight in a profile. */
export type Profile = ReadonlyMap<string, number>;

/** A direct topic counts fully; the field of action above a direct sub-topic counts at this weight. */
export const FIELD_WEIGHT = 0.5;

/**
 * A profile from its direct topics and the fields of action above them
 * (`parentOf`: sub-topic slug → field slug). A field that is also direct keeps weight 1.
 */
export function profileOf(direct: readonly string[], parentOf: ReadonlyMap<string, string>): Profile {
  const profile = new Map<string, number>();
  for (const slug of direct) profile.set(slug, 1);
  for (const slug of direct) {
    const field = parentOf.get(slug);
    if (field !== undefined && !profile.has(field)) profile.set(field, FIELD_WEIGHT);
  }
  return profile;
}

/**
 * Inverse document frequency of every topic over a set of profiles:
 * idf(t) = ln((1 + N) / (1 + df(t))) + 1, so a topic that few have weighs
 * more than one that everybody has, and no weight is zero.
 */
export function inverseDocumentFrequency(profiles: Iterable<Profile>): { idf: (slug: string) => number; n: number } {
  const df = new Map<string, number>();
  let n = 0;
  for (const profile of profiles) {
    n++;
    for (const slug of profile.keys()) df.set(slug, (df.get(slug) ?? 0) + 1);
  }
  return { n, idf: (slug) => Math.log((1 + n) / (1 + (df.get(slug) ?? 0))) + 1 };
}

export interface SharedTopic {
  slug: string;
  /** This topic's part of the score; the parts add up to the score. */
  weight: number;
  idf: number;
}

export interface Similarity {
  score: number;
  shared: SharedTopic[];
}

/**
 * Weighted Jaccard similarity with IDF: Σ min(wa, wb)·idf over shared topics
 * divided by Σ max(wa, wb)·idf over all topics of either. Symmetric, in
 * [0, 1], 1 only for equal profiles, so scores compare across requests.
 * Shared topics come heaviest first, ties by slug.
 */
export function similarity(a: Profile, b: Profile, idf: (slug: string) => number): Similarity {
  let union = 0;
  const shared: SharedTopic[] = [];
  for (const slug of new Set([...a.keys(), ...b.keys()])) {
    const wa = a.get(slug) ?? 0;
    const wb = b.get(slug) ?? 0;
    const w = idf(slug);
    union += Math.max(wa, wb) * w;
    if (wa > 0 && wb > 0) shared.push({ slug, weight: Math.min(wa, wb) * w, idf: w });
  }
  if (union === 0 || shared.length === 0) return { score: 0, shared: [] };
  for (const s of shared) s.weight /= union;
  shared.sort((x, y) => y.weight - x.weight || x.slug.localeCompare(y.slug));
  return { score: shared.reduce((sum, s) => sum + s.weight, 0), shared };
}

/** Σ weight·idf over a profile: the denominator's share of one side. */
export function norm(profile: Profile, idf: (slug: string) => number): number {
  let n = 0;
  for (const [slug, w] of profile) n += w * idf(slug);
  return n;
}

/**
 * The score of `similarity` without its explanation, from the two profiles' norms: with S = Σ over shared
 * topics of min(wa, wb)·idf, Σ max = |a| + |b| − S, so the score is S / (|a| + |b| − S). It walks only the
 * asker's topics: cheap enough to score every candidate, leaving the explanation to the page's few.
 */
export function topicScore(own: Profile, ownNorm: number, other: Profile, otherNorm: number, idf: (slug: string) => number): number {
  let shared = 0;
  for (const [slug, wa] of own) {
    const wb = other.get(slug);
    if (wb !== undefined && wb > 0) shared += Math.min(wa, wb) * idf(slug);
  }
  return shared === 0 ? 0 : shared / (ownNorm + otherNorm - shared);
}

export interface Ranked<T> {
  item: T;
  key: string;
  similarity: Similarity;
}

/** Scores every candidate against `own`, drops those sharing nothing, orders by score (desc) then key (asc). */
export function rank<T>(
  own: Profile,
  candidates: readonly { item: T; key: string; profile: Profile }[],
  idf: (slug: string) => number,
): Ranked<T>[] {
  return candidates
    .map((c) => ({ item: c.item, key: c.key, similarity: similarity(own, c.profile, idf) }))
    .filter((r) => r.similarity.score > 0)
    .sort((x, y) => y.similarity.score - x.similarity.score || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
}

// ---------------------------------------------------------------------------
// Inherited profiles: what a municipality works on through the units it belongs to.

/** A Gemeinde carries the topics of its Kreis's and its Verband's projects at this weight (its own count 1). */
export const INHERITED_FROM_ABOVE = 0.5;
/** A Kreis carries the topics of the projects its Gemeinden run at this weight. */
export const INHERITED_FROM_BELOW = 0.3;

/** Where an inherited topic comes from: the unit that runs the project, and the project. */
export interface Via {
  from: string;
  project: string;
}

/** What a municipality does that gives it a topic itself: a project it runs, an interest it declared, a programme, a solution in use. */
export type TopicBasis = 'PROJECT' | 'INTEREST' | 'PROGRAMME' | 'SOLUTION';

/** One reason a municipality works on a topic: its own project, interest, programme or solution (no `via`), or an inherited one. */
export interface Contribution {
  slug: string;
  weight: number;
  via?: Via;
  /** For its own contributions: what gives it the topic (a project when not said). */
  basis?: TopicBasis;
}

/** A profile with, per topic whose weight is inherited, where it came from. */
export interface ExplainedProfile {
  profile: Profile;
  /** Topic slug → the units and projects it is inherited from; only for topics not held at full weight directly. */
  via: ReadonlyMap<string, readonly Via[]>;
  /** Topic slug → what gives the municipality the topic itself (its field of action included), in a fixed order; absent for topics only inherited. */
  bases: ReadonlyMap<string, readonly TopicBasis[]>;
}

const BASIS_ORDER: readonly TopicBasis[] = ['PROJECT', 'PROGRAMME', 'SOLUTION', 'INTEREST'];

/**
 * A profile from weighted contributions: each topic takes the highest weight
 * any contribution gives it, and the field of action above a sub-topic takes
 * FIELD_WEIGHT of that (unless it has more itself). `via` keeps, for a topic
 * whose weight is an inherited one, every contribution of that weight.
 */
export function explainedProfileOf(contributions: readonly Contribution[], parentOf: ReadonlyMap<string, string>): ExplainedProfile {
  // Every contribution, and the one it makes to the field of action above a sub-topic.
  const all: Contribution[] = [...contributions];
  for (const c of contributions) {
    const field = parentOf.get(c.slug);
    if (field !== undefined) all.push({ slug: field, weight: c.weight * FIELD_WEIGHT, via: c.via, basis: c.basis });
  }
  const profile = new Map<string, number>();
  for (const c of all) profile.set(c.slug, Math.max(profile.get(c.slug) ?? 0, c.weight));
  const via = new Map<string, Via[]>();
  for (const [slug, weight] of profile) {
    const top = all.filter((c) => c.slug === slug && c.weight === weight);
    if (top.some((c) => c.via === undefined)) continue;
    const list = top.map((c) => c.via!).filter((v, i, xs) => xs.findIndex((x) => x.from === v.from && x.project === v.project) === i);
    via.set(slug, list.sort((a, b) => a.from.localeCompare(b.from) || a.project.localeCompare(b.project)));
  }
  const held = new Map<string, Set<TopicBasis>>();
  for (const c of all) if (c.via === undefined) (held.get(c.slug) ?? held.set(c.slug, new Set()).get(c.slug)!).add(c.basis ?? 'PROJECT');
  const bases = new Map([...held].map(([slug, set]) => [slug, BASIS_ORDER.filter((b) => set.has(b))]));
  return { profile, via, bases };
}

// ---------------------------------------------------------------------------
// Similar starting point: how alike two municipalities are by what the register says.

/** What the register says about a municipality, as far as structure goes. */
export interface Structure {
  population: number | null;
  sizeClass: string | null;
  urbanisation: string | null;
  kind: string;
  state: string | null;
}

/** The parts of the structural similarity and their weights (they add up to 1). */
export const STRUCTURE_WEIGHTS = { population: 0.35, sizeClass: 0.15, urbanisation: 0.15, kind: 0.15, state: 0.1, distance: 0.1 } as const;
/** A population ratio of this much (or more) scores 0 on population; equal populations score 1, linearly on a log scale between. */
export const POPULATION_RATIO_SPAN = 100;
/** At this distance the distance part is 1/2: 1 / (1 + d / DISTANCE_HALF_KM). */
export const DISTANCE_HALF_KM = 100;

/** Kinds that compare: a Landkreis with a Landkreis, a Gemeinde or Stadt in a Kreis with one, a kreisfreie Stadt with one. */
const kindGroup = (kind: string) => (kind === 'STADT' || kind === 'GEMEINDE' ? 'GEMEINDE' : kind);

export interface StructureMatch {
  /** 0 to 1: the weighted sum of the parts below. */
  score: number;
  /** Larger population over the smaller; null when one is unknown. */
  populationRatio: number | null;
  sameSizeClass: boolean;
  sameUrbanisation: boolean;
  sameKind: boolean;
  sameState: boolean;
  distanceKm: number | null;
}

/**
 * Structural similarity: Σ weight·part over population (1 − log(ratio) / log(POPULATION_RATIO_SPAN), at
 * least 0), the same size class, degree of urbanisation, kind and Land (1 or 0 each) and distance
 * (1 / (1 + d / DISTANCE_HALF_KM)). An unknown value scores 0 for its part.
 */
export function structuralSimilarity(a: Structure, b: Structure, distanceKm: number | null): StructureMatch {
  const ratio = a.population && b.population ? Math.max(a.population, b.population) / Math.min(a.population, b.population) : null;
  const population = ratio === null ? 0 : Math.max(0, 1 - Math.log(ratio) / Math.log(POPULATION_RATIO_SPAN));
  const same = (x: string | null, y: string | null) => x !== null && x === y;
  const match = {
    populationRatio: ratio,
    sameSizeClass: same(a.sizeClass, b.sizeClass),
    sameUrbanisation: same(a.urbanisation, b.urbanisation),
    sameKind: kindGroup(a.kind) === kindGroup(b.kind),
    sameState: same(a.state, b.state),
    distanceKm,
  };
  const w = STRUCTURE_WEIGHTS;
  const score =
    w.population * population +
    w.sizeClass * Number(match.sameSizeClass) +
    w.urbanisation * Number(match.sameUrbanisation) +
    w.kind * Number(match.sameKind) +
    w.state * Number(match.sameState) +
    w.distance * (distanceKm === null ? 0 : 1 / (1 + distanceKm / DISTANCE_HALF_KM));
  return { score, ...match };
}

export type RankBy = 'TOPICS' | 'STRUCTURE' | 'BOTH';
/**
 * With `BOTH`, the structure's share of the score: score = (1 − s)·topics + s·structure. Chosen by
 * `npm run eval:discovery` (bench/results/discovery-eval.md): over the real exchange links, 0.8 gave the
 * best mean reciprocal rank with the default (own) profiles (0.1511, hit@10 30 %, against 0.0993 and 15 %
 * for the topic score alone). Tuned and scored on the same 160 pairs: neighbouring shares within a few
 * hundredths of MRR are not really different.
 */
export const STRUCTURE_SHARE = 0.8;

/** The score a ranking orders by. */
export function combinedScore(topics: number, structure: number, rankBy: RankBy, share: number = STRUCTURE_SHARE): number {
  if (rankBy === 'TOPICS') return topics;
  if (rankBy === 'STRUCTURE') return structure;
  return (1 - share) * topics + share * structure;
}

// ---------------------------------------------------------------------------
// Solutions to adopt: measures and projects of others, ranked for one asker.

/** How far a solution has got, as a part of its score. */
export const STATUS_SCORE = { IMPLEMENTED: 1, IN_PROGRESS: 0.6, PLANNED: 0.3, UNKNOWN: 0.3 } as const;
/** score = 0.6 × topic match + 0.2 × status + 0.2 × the runner's structural similarity (which includes distance). */
export const LEARNING_WEIGHTS = { topics: 0.6, status: 0.2, structure: 0.2 } as const;
/** With no topics to match: 0.5 × status + 0.5 × structure. */
export const LEARNING_STRUCTURE_ONLY = { status: 0.5, structure: 0.5 } as const;

/**
 * How much of what the asker works on a solution covers: Σ over the asker's topics the solution also
 * addresses of min(asker weight, solution weight)·idf, over Σ asker weight·idf. A solution's topics count 1,
 * the field above a sub-topic FIELD_WEIGHT (profileOf). In [0, 1]; the parts add up to it.
 */
export function coverage(asker: Profile, solution: Profile, idf: (slug: string) => number): Similarity {
  let total = 0;
  const shared: SharedTopic[] = [];
  for (const [slug, wa] of asker) {
    const w = idf(slug);
    total += wa * w;
    const ws = solution.get(slug) ?? 0;
    if (ws > 0) shared.push({ slug, weight: Math.min(wa, ws) * w, idf: w });
  }
  if (total === 0 || shared.length === 0) return { score: 0, shared: [] };
  for (const s of shared) s.weight /= total;
  shared.sort((x, y) => y.weight - x.weight || x.slug.localeCompare(y.slug));
  return { score: shared.reduce((sum, s) => sum + s.weight, 0), shared };
}

/** A learning partner's score from its parts. */
export function learningScore(topicMatch: number, status: keyof typeof STATUS_SCORE, structure: number, structureOnly: boolean): number {
  if (structureOnly) return LEARNING_STRUCTURE_ONLY.status * STATUS_SCORE[status] + LEARNING_STRUCTURE_ONLY.structure * structure;
  return LEARNING_WEIGHTS.topics * topicMatch + LEARNING_WEIGHTS.status * STATUS_SCORE[status] + LEARNING_WEIGHTS.structure * structure;
}
