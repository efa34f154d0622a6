// What is known about a pair of municipalities, as numbers a model can weigh (DESIGN.md, Discovery): where
// they are, how alike the register says they are, what they work on, the programmes, groups, solutions and
// events they share, and how near they are in the network of known links. Pure: the table comes from the
// per-version read (discovery.candidates.ts), and the evaluation builds the same table with facts held out.
import { Delaunay } from 'd3-delaunay';
import { pacer, turn } from '../../db/turn.js';
import { explainedProfileOf, inverseDocumentFrequency, norm, type Contribution, type Profile } from './discovery.scoring.js';

/** The features of a pair, in the order of a model's weights. Every one is 0 when nothing is known. */
export const FEATURES = [
  'logDistance',
  'sameKreis',
  'kreisAndMember',
  'neighbouringKreis',
  'sameLand',
  'logPopulationRatio',
  'candidateLogPopulation',
  'sameSizeClass',
  'sameUrbanisation',
  'sameKind',
  'candidateLandkreis',
  'candidateKreisfreieStadt',
  'candidateVerband',
  'topicSimilarity',
  'sharedProgrammes',
  'sharedGroups',
  'sharedSolutions',
  'adoptedFromOther',
  'coAttendance',
  'commonNeighbours',
  'adamicAdar',
  'withinThreeSteps',
  'candidateActivity',
  'candidateDegree',
] as const;
export type Feature = (typeof FEATURES)[number];
export const FEATURE_COUNT = FEATURES.length;
const F = Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<Feature, number>;

/** A distance not known (a unit without a position) counts as this many km. */
export const UNKNOWN_DISTANCE_KM = 150;
/** Two Kreise neighbour when the triangulation of their Gemeinden's centres joins them by an edge shorter than this. */
export const NEIGHBOUR_EDGE_KM = 25;

/** A municipality as the register describes it. */
export interface Unit {
  ags: string;
  kind: string;
  population: number | null;
  sizeClass: string | null;
  urbanisation: string | null;
  state: string | null;
  lat: number | null;
  lon: number | null;
}

/** A known partnership, the kind of fact a ranking learns from: the pairs it links and what it is made of. */
export interface LinkFact {
  /** Stable id: `exchange:a|b|KIND`, `project:slug`, `adoption:solution|adopter`. */
  id: string;
  kind: 'EXCHANGE' | 'JOINT_PROJECT' | 'ADOPTION';
  /** The municipalities it links, each pair once (a < b). */
  pairs: [string, string][];
  /** The year it began, where the source dates it. */
  year: number | null;
  /** For a joint project: its slug (held out, its runners lose its topics); for an adoption: the solution and the adopter. */
  project?: string;
  adoption?: { solution: string; adopter: string };
  /** For an exchange link of kind TRANSFER: who gave (its solution went) to whom. */
  transfer?: { from: string; to: string };
}

/** Everything the features are computed from: the register, what each municipality does, and the known links. */
export interface NetworkInput {
  units: Unit[];
  /** Municipality, project, the project's topics. */
  runs: [string, string, string[]][];
  /** Municipality, topic it declared an interest in. */
  interests: [string, string][];
  /** Municipality, programme, its group in it (or null), the topics given for it, whether those are the programme's own fields. */
  participations: [string, string, string | null, string[], boolean][];
  /** Municipality, solution in use, the topics given for it. */
  uses: [string, string, string[]][];
  /** Solution, the municipality it originated in. */
  origins: [string, string][];
  /** Municipality, event it attended. */
  attended: [string, string][];
  facts: LinkFact[];
  /** Sub-topic → its field of action. */
  parents: [string, string][];
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const kreisOf = (ags: string) => ags.slice(0, 5);
const GEMEINDE_KINDS = new Set(['GEMEINDE', 'STADT', 'KREISFREIE_STADT']);
const kindGroup = (kind: string) => (kind === 'STADT' || kind === 'GEMEINDE' ? 'GEMEINDE' : kind);

/** Kreis (first five AGS digits) → the Kreise next to it: those joined by a short edge of the Delaunay triangulation of Gemeinde centres. */
export function kreisNeighbours(units: readonly Unit[]): Map<string, Set<string>> {
  const placed = units.filter((u) => GEMEINDE_KINDS.has(u.kind) && u.lat !== null && u.lon !== null);
  const out = new Map<string, Set<string>>();
  if (placed.length < 3) return out;
  // An equirectangular projection at Germany's middle latitude: good to a few per cent over its area.
  const cos = Math.cos((51 * Math.PI) / 180);
  const delaunay = Delaunay.from(placed, (u) => u.lon! * cos, (u) => u.lat!);
  const { triangles } = delaunay;
  const add = (i: number, j: number) => {
    const a = placed[i]!;
    const b = placed[j]!;
    const ka = kreisOf(a.ags);
    const kb = kreisOf(b.ags);
    if (ka === kb || distanceKm(a, b)! > NEIGHBOUR_EDGE_KM) return;
    (out.get(ka) ?? out.set(ka, new Set()).get(ka)!).add(kb);
    (out.get(kb) ?? out.set(kb, new Set()).get(kb)!).add(ka);
  };
  for (let t = 0; t < triangles.length; t += 3) {
    add(triangles[t]!, triangles[t + 1]!);
    add(triangles[t + 1]!, triangles[t + 2]!);
    add(triangles[t + 2]!, triangles[t]!);
  }
  return out;
}

/** Distance in km as Neo4j measures WGS-84 points (haversine, Earth radius 6,378,140 m); null without both positions. */
export function distanceKm(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return (2 * 6_378_140 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h))) / 1000;
}

/** What one municipality does that gives it a topic, with the fact it comes from (so a held-out fact takes its topics along). */
interface TopicSource {
  /** `project:slug`, `solution:slug`, `programme:id`, `interest`. */
  from: string;
  contributions: Contribution[];
}

/** The features of one asker against every candidate: `x[i * FEATURE_COUNT + f]`, candidates in `candidates` order. */
export interface PairFeatures {
  asker: string;
  candidates: readonly string[];
  x: Float64Array;
}

/** What a pair shares, by name: the explanation's evidence (programmes, groups, solutions, events, common partners, topics). */
export interface SharedFacts {
  programmes: string[];
  groups: { programme: string; group: string }[];
  solutions: string[];
  /** Solutions in use by one that originated in the other: [solution, the municipality that uses it]. */
  adoptedFrom: [string, string][];
  events: string[];
  commonPartners: string[];
}

/**
 * The network of one data version, or of it with some link facts held out (`without`): every feature of a
 * pair comes from here. Held out, a joint project's runners lose its topics, an adopter loses the solution
 * (its topics, the shared solution, the adoption), and the fact's pairs leave the network of known links.
 */
export class Network {
  readonly units: ReadonlyMap<string, Unit>;
  /** Every unit a peer may be (every municipality but the Länder), by AGS. */
  readonly candidates: readonly string[];
  readonly facts: readonly LinkFact[];
  private readonly input: NetworkInput;
  private readonly neighbours: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly parentOf: ReadonlyMap<string, string>;
  private readonly hidden: ReadonlySet<string>;
  private readonly hiddenRuns: ReadonlySet<string>;
  private readonly hiddenUses: ReadonlySet<string>;
  private readonly sourcesOf: ReadonlyMap<string, readonly TopicSource[]>;
  private readonly profiles = new Map<string, { profile: Profile; norm: number }>();
  private holders: ReadonlyMap<string, readonly string[]> = new Map();
  idf: (slug: string) => number = () => 1;
  private readonly links: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly programmesOf: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly groupsOf: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly membersOfGroup: ReadonlyMap<string, readonly string[]>;
  private readonly membersOfProgramme: ReadonlyMap<string, readonly string[]>;
  private readonly solutionsOf: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly usersOf: ReadonlyMap<string, readonly string[]>;
  private readonly originOf: ReadonlyMap<string, string>;
  private readonly eventsOf: ReadonlyMap<string, ReadonlySet<string>>;
  private readonly attendeesOf: ReadonlyMap<string, readonly string[]>;
  private readonly activity: ReadonlyMap<string, number>;
  private readonly doing: ReadonlyMap<string, number>;
  private readonly pre: Map<string, Precomputed>;

  constructor(input: NetworkInput, without: ReadonlySet<string> = new Set(), shared: Shared = {}) {
    this.input = input;
    this.units = shared.units ?? new Map(input.units.map((u) => [u.ags, u]));
    this.pre = shared.pre ?? new Map<string, Precomputed>();
    this.candidates = input.units.filter((u) => u.kind !== 'LAND').map((u) => u.ags);
    this.hidden = without;
    this.facts = input.facts.filter((f) => !without.has(f.id));
    const heldOut = input.facts.filter((f) => without.has(f.id));
    this.hiddenRuns = new Set(heldOut.flatMap((f) => (f.project ? [f.project] : [])));
    this.hiddenUses = new Set(heldOut.flatMap((f) => (f.adoption ? [`${f.adoption.adopter}|${f.adoption.solution}`] : [])));
    this.neighbours = shared.neighbours ?? kreisNeighbours(input.units);
    this.parentOf = new Map(input.parents);

    const group = <K, V>(rows: Iterable<[K, V]>) => {
      const out = new Map<K, V[]>();
      for (const [k, v] of rows) (out.get(k) ?? out.set(k, []).get(k)!).push(v);
      return out;
    };
    const runs = input.runs.filter(([, project]) => !this.hiddenRuns.has(project));
    const uses = input.uses.filter(([ags, solution]) => !this.hiddenUses.has(`${ags}|${solution}`));
    this.sourcesOf = group<string, TopicSource>([
      ...runs.map(([ags, project, topics]): [string, TopicSource] => [ags, { from: `project:${project}`, contributions: topics.map((slug) => ({ slug, weight: 1 })) }]),
      ...input.interests.map(([ags, slug]): [string, TopicSource] => [ags, { from: 'interest', contributions: [{ slug, weight: 1, basis: 'INTEREST' }] }]),
      ...input.participations.map(([ags, programme, , topics, ofProgramme]): [string, TopicSource] => [
        ags,
        { from: `programme:${programme}`, contributions: topics.map((slug) => ({ slug, weight: ofProgramme ? 0.5 : 1, basis: 'PROGRAMME' as const })) },
      ]),
      ...uses.map(([ags, solution, topics]): [string, TopicSource] => [ags, { from: `solution:${solution}`, contributions: topics.map((slug) => ({ slug, weight: 1, basis: 'SOLUTION' as const })) }]),
    ]);
    if (shared.idf && shared.holders) {
      this.idf = shared.idf;
      this.holders = shared.holders;
    } else if (!shared.rarityLater) {
      ({ idf: this.idf, holders: this.holders } = rarityOf(this.sourcesOf, this.parentOf));
    }

    const links = new Map<string, Set<string>>();
    for (const f of this.facts)
      for (const [a, b] of f.pairs) {
        (links.get(a) ?? links.set(a, new Set()).get(a)!).add(b);
        (links.get(b) ?? links.set(b, new Set()).get(b)!).add(a);
      }
    this.links = links;
    const sets = <V>(rows: Iterable<[string, V]>) => new Map([...group(rows)].map(([k, v]) => [k, new Set(v)]));
    this.programmesOf = sets(input.participations.map(([ags, programme]): [string, string] => [ags, programme]));
    const grouped = input.participations.filter(([, , g]) => g !== null).map(([ags, programme, g]): [string, string] => [ags, `${programme}\u0000${g}`]);
    this.groupsOf = sets(grouped);
    this.membersOfGroup = group(grouped.map(([ags, g]): [string, string] => [g, ags]));
    this.membersOfProgramme = group(input.participations.map(([ags, programme]): [string, string] => [programme, ags]));
    this.solutionsOf = sets(uses.map(([ags, solution]): [string, string] => [ags, solution]));
    this.usersOf = group(uses.map(([ags, solution]): [string, string] => [solution, ags]));
    this.originOf = new Map(input.origins);
    this.eventsOf = sets(input.attended);
    this.attendeesOf = group(input.attended.map(([ags, e]): [string, string] => [e, ags]));
    // What the data knows a municipality does (topic sources, events attended), and that plus its known links.
    const doing = new Map<string, number>();
    const count = (map: Map<string, number>, ags: string, n = 1) => map.set(ags, (map.get(ags) ?? 0) + n);
    for (const [ags, sources] of this.sourcesOf) count(doing, ags, sources.length);
    for (const [ags] of input.attended) count(doing, ags);
    const activity = new Map(doing);
    for (const [ags, partners] of links) count(activity, ags, partners.size);
    this.doing = doing;
    this.activity = activity;
  }

  /**
   * The network of one data version, built off the request path as the other per-version tables are: the
   * register's table and the neighbouring Kreise (the triangulation, the largest single step) each in a turn of
   * their own, so other requests are served in between.
   */
  static async build(input: NetworkInput): Promise<Network> {
    await turn();
    const units = new Map(input.units.map((u) => [u.ags, u]));
    await turn();
    const neighbours = kreisNeighbours(input.units);
    await turn();
    const network = new Network(input, new Set(), { units, neighbours, rarityLater: true });
    // Every profile is made once for the topics' rarity: paced, as buildProfiles is.
    const pace = pacer();
    const profiles: [string, Profile][] = [];
    for (const [ags, sources] of network.sourcesOf) {
      await pace();
      profiles.push([ags, explainedProfileOf(sources.flatMap((x) => x.contributions), network.parentOf).profile]);
    }
    await pace();
    ({ idf: network.idf, holders: network.holders } = rarityFrom(profiles));
    return network;
  }

  /** A candidate's place in `candidates` (undefined for a Land or an unknown key), indexed on first use. */
  indexOf(ags: string): number | undefined {
    this.candidateIndex ??= new Map(this.candidates.map((c, i) => [c, i]));
    return this.candidateIndex.get(ags);
  }

  private candidateIndex: Map<string, number> | undefined;

  /** The same network with these link facts held out as well (sharing the register's tables and the topics' rarity). */
  without(ids: Iterable<string>): Network {
    return new Network(this.input, new Set([...this.hidden, ...ids]), { neighbours: this.neighbours, idf: this.idf, holders: this.holders, units: this.units, pre: this.pre });
  }

  /** A municipality's topic profile (own projects, interests, programmes, solutions; no inheritance) and its norm. */
  profileOf(ags: string): { profile: Profile; norm: number } {
    let p = this.profiles.get(ags);
    if (!p) {
      const profile = explainedProfileOf((this.sourcesOf.get(ags) ?? []).flatMap((s) => s.contributions), this.parentOf).profile;
      p = { profile, norm: norm(profile, this.idf) };
      this.profiles.set(ags, p);
    }
    return p;
  }

  /** What the pair features need of a unit, computed once per unit. */
  private precomputed(ags: string): Precomputed | undefined {
    let p = this.pre.get(ags);
    if (!p) {
      const unit = this.units.get(ags);
      if (!unit) return undefined;
      const rad = Math.PI / 180;
      const placed = unit.lat !== null && unit.lon !== null;
      p = {
        unit,
        kreis: kreisOf(ags),
        isKreis: unit.kind === 'LANDKREIS',
        kindGroup: kindGroup(unit.kind),
        logPop: unit.population ? Math.log(unit.population) : null,
        log1pPop: unit.population ? Math.log1p(unit.population) : 0,
        placed,
        latRad: placed ? unit.lat! * rad : 0,
        lonRad: placed ? unit.lon! * rad : 0,
        cosLat: placed ? Math.cos(unit.lat! * rad) : 0,
      };
      this.pre.set(ags, p);
    }
    return p;
  }

  /** How many facts the data holds of a municipality: topic sources, events attended, known links (0: the data knows nothing of it). */
  activityOf(ags: string): number {
    return this.activity.get(ags) ?? 0;
  }

  /** The municipalities this one is linked with by a known fact. */
  partnersOf(ags: string): ReadonlySet<string> {
    return this.links.get(ags) ?? EMPTY;
  }

  /** Whether the two are linked by a known fact. */
  linked(a: string, b: string): boolean {
    return this.links.get(a)?.has(b) ?? false;
  }

  /**
   * Every feature of the asker against each candidate (all candidates when not given; never the asker itself).
   * `askerProfile`: the asker's profile for this request (its stored one with interests it brings), when not the stored one.
   */
  features(asker: string, candidates: readonly string[] = this.candidates, askerProfile?: Profile): PairFeatures {
    const list = candidates.filter((c) => c !== asker);
    const x = new Float64Array(list.length * FEATURE_COUNT);
    const fill = this.rows(asker, askerProfile);
    if (fill) for (let i = 0; i < list.length; i++) fill(list[i]!, x, i * FEATURE_COUNT);
    return { asker, candidates: list, x };
  }

  /**
   * A linear score of every candidate (never the asker): Σ w[f] · feature f − offset, summed in the order of the
   * features as `scores` in discovery.model.ts sums it, so the two agree to the last bit — without keeping the
   * features of thousands of candidates (one row at a time, reused).
   */
  scoresOf(asker: string, candidates: readonly string[], askerProfile: Profile | undefined, linear: { w: ArrayLike<number>; offset: number }): { candidates: string[]; scores: Float64Array } {
    const list = candidates.filter((c) => c !== asker);
    const scores = new Float64Array(list.length);
    const fill = this.rows(asker, askerProfile);
    if (!fill) return { candidates: list, scores };
    const row = new Float64Array(FEATURE_COUNT);
    for (let i = 0; i < list.length; i++) {
      row.fill(0);
      fill(list[i]!, row, 0);
      let v = -linear.offset;
      for (let f = 0; f < FEATURE_COUNT; f++) v += linear.w[f]! * row[f]!;
      scores[i] = v;
    }
    return { candidates: list, scores };
  }

  /** What writes one candidate's features against the asker into `x` at `o` (zeros where nothing is known); null for an unknown asker. */
  private rows(asker: string, askerProfile?: Profile): ((key: string, x: Float64Array, o: number) => void) | null {
    const own = this.units.get(asker);
    if (!own) return null;
    const sparse = this.sparse(asker, askerProfile);
    const a = this.precomputed(asker)!;
    const ownNeighbours = this.neighbours.get(a.kreis) ?? EMPTY;
    const ownIsKreis = own.kind === 'LANDKREIS';
    return (key, x, o) => {
      const c = this.precomputed(key)!;
      x[o + F.logDistance] = Math.log1p(a.placed && c.placed ? haversineKm(a, c) : UNKNOWN_DISTANCE_KM);
      const sameKreis = c.kreis === a.kreis && own.kind !== 'LAND';
      x[o + F.sameKreis] = sameKreis ? 1 : 0;
      x[o + F.kreisAndMember] = sameKreis && c.isKreis !== ownIsKreis ? 1 : 0;
      x[o + F.neighbouringKreis] = ownNeighbours.has(c.kreis) ? 1 : 0;
      x[o + F.sameLand] = a.unit.state !== null && a.unit.state === c.unit.state ? 1 : 0;
      x[o + F.logPopulationRatio] = a.logPop !== null && c.logPop !== null ? Math.abs(a.logPop - c.logPop) : 0;
      x[o + F.candidateLogPopulation] = c.log1pPop;
      x[o + F.sameSizeClass] = a.unit.sizeClass !== null && a.unit.sizeClass === c.unit.sizeClass ? 1 : 0;
      x[o + F.sameUrbanisation] = a.unit.urbanisation !== null && a.unit.urbanisation === c.unit.urbanisation ? 1 : 0;
      x[o + F.sameKind] = a.kindGroup === c.kindGroup ? 1 : 0;
      x[o + F.candidateLandkreis] = c.isKreis ? 1 : 0;
      x[o + F.candidateKreisfreieStadt] = c.unit.kind === 'KREISFREIE_STADT' ? 1 : 0;
      x[o + F.candidateVerband] = c.unit.kind === 'VERBAND' ? 1 : 0;
      x[o + F.candidateActivity] = Math.log1p(this.doing.get(key) ?? 0);
      x[o + F.candidateDegree] = Math.log1p(this.links.get(key)?.size ?? 0);
      const s = sparse.get(key);
      if (s) for (let f = 0; f < s.length; f++) if (s[f] !== 0) x[o + SPARSE[f]!] = s[f]!;
    };
  }

  /**
   * The features that only a few candidates have non-zero, found from the asker outward: topic similarity
   * (over the holders of the asker's topics), shared programmes, groups, solutions and events, adoption from
   * the other's origin, and the network of known links (common partners, Adamic-Adar, a path of 2–3 steps).
   */
  private sparse(asker: string, profile?: Profile): Map<string, number[]> {
    const out = new Map<string, number[]>();
    const at = (ags: string) => out.get(ags) ?? out.set(ags, SPARSE.map(() => 0)).get(ags)!;
    const own = profile ? { profile, norm: norm(profile, this.idf) } : this.profileOf(asker);
    if (own.norm > 0) {
      const shared = new Map<string, number>();
      for (const [slug, wa] of own.profile)
        for (const h of this.holders.get(slug) ?? []) {
          if (h === asker) continue;
          const wb = this.profileOf(h).profile.get(slug);
          if (wb) shared.set(h, (shared.get(h) ?? 0) + Math.min(wa, wb) * this.idf(slug));
        }
      for (const [h, s] of shared) at(h)[S.topicSimilarity] = s / (own.norm + this.profileOf(h).norm - s);
    }
    for (const p of this.programmesOf.get(asker) ?? []) for (const m of this.membersOfProgramme.get(p) ?? []) if (m !== asker) at(m)[S.sharedProgrammes]! += 1;
    for (const g of this.groupsOf.get(asker) ?? []) for (const m of this.membersOfGroup.get(g) ?? []) if (m !== asker) at(m)[S.sharedGroups]! += 1;
    const mine = this.solutionsOf.get(asker) ?? EMPTY;
    for (const s of mine) {
      for (const m of this.usersOf.get(s) ?? []) if (m !== asker) at(m)[S.sharedSolutions]! += 1;
      const origin = this.originOf.get(s);
      if (origin && origin !== asker) at(origin)[S.adoptedFromOther] = 1;
    }
    // And the other way round: candidates using a solution that originated here.
    for (const [s, origin] of this.originOf) if (origin === asker) for (const m of this.usersOf.get(s) ?? []) if (m !== asker) at(m)[S.adoptedFromOther] = 1;
    for (const e of this.eventsOf.get(asker) ?? []) for (const m of this.attendeesOf.get(e) ?? []) if (m !== asker) at(m)[S.coAttendance]! += 1;
    const first = this.links.get(asker) ?? EMPTY;
    const second = new Set<string>();
    for (const n of first) {
      const degree = this.links.get(n)!.size;
      for (const c of this.links.get(n)!) {
        if (c === asker) continue;
        const v = at(c);
        v[S.commonNeighbours]! += 1;
        v[S.adamicAdar]! += 1 / Math.log(Math.max(degree, 2));
        if (!first.has(c)) second.add(c);
      }
    }
    for (const n of second) for (const c of this.links.get(n) ?? []) if (c !== asker && !first.has(c)) at(c)[S.withinThreeSteps] = 1;
    for (const n of second) at(n)[S.withinThreeSteps] = 1;
    for (const v of out.values()) {
      v[S.sharedProgrammes] = Math.log1p(v[S.sharedProgrammes]!);
      v[S.sharedSolutions] = Math.log1p(v[S.sharedSolutions]!);
      v[S.coAttendance] = Math.log1p(v[S.coAttendance]!);
      v[S.commonNeighbours] = Math.log1p(v[S.commonNeighbours]!);
    }
    return out;
  }

  /** What the two share by name, for the explanation of a pair shown. */
  shared(a: string, b: string): SharedFacts {
    const inBoth = <T>(x: ReadonlySet<T> | undefined, y: ReadonlySet<T> | undefined) => [...(x ?? [])].filter((v) => y?.has(v) ?? false);
    const adoptedFrom: [string, string][] = [];
    for (const [user, other] of [[a, b], [b, a]] as const) for (const s of this.solutionsOf.get(user) ?? []) if (this.originOf.get(s) === other) adoptedFrom.push([s, user]);
    return {
      programmes: inBoth(this.programmesOf.get(a), this.programmesOf.get(b)).sort(),
      groups: inBoth(this.groupsOf.get(a), this.groupsOf.get(b))
        .sort()
        .map((g) => {
          const [programme, group] = g.split('\u0000') as [string, string];
          return { programme, group };
        }),
      solutions: inBoth(this.solutionsOf.get(a), this.solutionsOf.get(b)).sort(),
      adoptedFrom: adoptedFrom.sort((x, y) => x[0].localeCompare(y[0]) || x[1].localeCompare(y[1])),
      events: inBoth(this.eventsOf.get(a), this.eventsOf.get(b)).sort(),
      commonPartners: inBoth(this.links.get(a), this.links.get(b)).sort(),
    };
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** The rarity of each topic over every municipality's profile, and who holds each topic. */
function rarityOf(sourcesOf: ReadonlyMap<string, readonly TopicSource[]>, parentOf: ReadonlyMap<string, string>) {
  return rarityFrom([...sourcesOf].map(([ags, sources]): [string, Profile] => [ags, explainedProfileOf(sources.flatMap((s) => s.contributions), parentOf).profile]));
}

function rarityFrom(profiles: readonly [string, Profile][]) {
  const holders = new Map<string, string[]>();
  for (const [ags, profile] of profiles) for (const slug of profile.keys()) (holders.get(slug) ?? holders.set(slug, []).get(slug)!).push(ags);
  return { idf: inverseDocumentFrequency(profiles.map(([, p]) => p)).idf, holders };
}

/** What a network shares with the one it was made from (`without`), or is given ready (`build`). */
interface Shared {
  /** Leave the topics' rarity to `build`, which makes it paced. */
  rarityLater?: boolean;
  neighbours?: ReadonlyMap<string, ReadonlySet<string>>;
  idf?: (slug: string) => number;
  holders?: ReadonlyMap<string, readonly string[]>;
  units?: ReadonlyMap<string, Unit>;
  pre?: Map<string, Precomputed>;
}

/** A unit with what the pair features need of it computed once. */
interface Precomputed {
  unit: Unit;
  kreis: string;
  isKreis: boolean;
  kindGroup: string;
  logPop: number | null;
  log1pPop: number;
  placed: boolean;
  latRad: number;
  lonRad: number;
  cosLat: number;
}

/** distanceKm's haversine on precomputed radians. */
function haversineKm(a: Precomputed, b: Precomputed): number {
  const h = Math.sin((b.latRad - a.latRad) / 2) ** 2 + a.cosLat * b.cosLat * Math.sin((b.lonRad - a.lonRad) / 2) ** 2;
  return (2 * 6_378_140 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h))) / 1000;
}
/** The sparse features, in the order `sparse` fills them. */
const SPARSE_FEATURES = ['topicSimilarity', 'sharedProgrammes', 'sharedGroups', 'sharedSolutions', 'adoptedFromOther', 'coAttendance', 'commonNeighbours', 'adamicAdar', 'withinThreeSteps'] as const;
const SPARSE = SPARSE_FEATURES.map((f) => F[f]);
const S = Object.fromEntries(SPARSE_FEATURES.map((f, i) => [f, i])) as Record<(typeof SPARSE_FEATURES)[number], number>;

export { pairKey };
