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
