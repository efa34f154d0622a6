// Cypher for discovery: one statement per ranking. Each returns what the
// scoring needs (every profile, for the rarity of topics; the candidates
// that share a topic and pass the filters), and discovery.service.ts
// scores it, so the rule lives in one tested place.
import type { Access } from '../../auth/viewer.js';
import { DATA_VERSION_MATCH, READ_DATA_VERSION, type PerVersion } from '../../db/data-version.js';
import { cypher } from '../../db/cypher.js';
import { pacer } from '../../db/turn.js';
import type { Database, Row } from '../../db/database.js';
import type { MeasureStatus, MunicipalityKind, SizeClass, State } from '../../generated/graphql.js';
import { toMunicipality, type MunicipalityRecord } from '../../records/municipality.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { CONTACT_FIELDS, CONTACT_SHOWN, toContact, type ContactRecord } from '../../records/contact.js';
import { toEvent, type EventRecord } from '../../records/event.js';
import { toOrganization, type OrganizationRecord } from '../../records/organization.js';
import { toTopic, type TopicRecord } from '../../records/topic.js';
import { toMeasure, type MeasureRecord } from '../../records/measure.js';
import { toProgramme, type ProgrammeRecord } from '../../records/programme.js';
import { solutionProjection, toReusableSolution, type ReusableSolutionRecord } from '../../records/solution.js';
import {
  explainedProfileOf,
  INHERITED_FROM_ABOVE,
  INHERITED_FROM_BELOW,
  inverseDocumentFrequency,
  norm,
  profileOf as scoringProfileOf,
  type Contribution,
  type ExplainedProfile,
  type Profile,
  type Structure,
  type TopicBasis,
  type Via,
} from './discovery.scoring.js';

export interface DiscoveryFilterParams {
  state: State | null;
  kinds: MunicipalityKind[] | null;
  sizeClasses: SizeClass[] | null;
  /** Centre of the radius; null: the asker's own position. */
  center: { lat: number; lon: number } | null;
  radiusM: number | null;
  /** Programme name when only its members count, else null. */
  programme: string | null;
  /** Leave out the asker's own Kreis (the first five AGS digits; a Land's whole territory). */
  excludeOwnKreis: boolean;
}

// Conditions on a municipality `m`, with `centre` bound to a point (or null).
const MUNICIPALITY_FILTER = `($state IS NULL OR m.state = $state)
  AND ($kinds IS NULL OR m.kind IN $kinds)
  AND ($sizeClasses IS NULL OR m.sizeClass IN $sizeClasses)
  AND ($radiusM IS NULL OR (centre IS NOT NULL AND m.location IS NOT NULL AND point.distance(m.location, centre) <= $radiusM))
  AND ($programme IS NULL OR EXISTS { (m)-[:RUNS]->(:Project {programme: $programme}) })
  AND (NOT $excludeOwnKreis OR NOT m.ags STARTS WITH ownKreis)`;

const CENTRE = (own: string) =>
  `CASE WHEN $center IS NULL THEN ${own} ELSE point({latitude: $center.lat, longitude: $center.lon}) END`;

// Every sub-topic with its field of action (a few dozen pairs).
const SUBTOPIC_PAIRS = 'MATCH (s:Topic)-[:SUBTOPIC_OF]->(f:Topic)';
const PARENTS = `CALL () { ${SUBTOPIC_PAIRS} RETURN collect([s.slug, f.slug]) AS parents }`;
// The same, and the data version, as parts of a statement that streams rows (PROFILES, SOLUTIONS). The
// version comes first: a write committed while the rows stream then leaves newer rows under an older
// version, which the next request's version check replaces, never older rows under a newer one.
const PARENT_ROWS = `${SUBTOPIC_PAIRS} RETURN 'parents' AS part, [s.slug, f.slug] AS row`;
const VERSION_ROW = `${DATA_VERSION_MATCH} RETURN 'version' AS part, [dataVersion.n] AS row`;

// What every municipality's topic profile is made of (discovery.scoring.ts builds them) and what the
// register says about every municipality (filters, structure and distance are measured in memory from it,
// so a ranking's statement carries no list of candidates): the projects each
// runs with their topics, the declared interests, the programmes it takes part in and the solutions it
// uses with their topics, who has any sourced activity at all, and who inherits from whom — the Gemeinden of every
// Kreis or Verband that runs a project, and the Kreis of every Gemeinde that runs one. Read once per data
// version (the injected PerVersion cache), not per request. Every write that may change a profile declares
// `derives: ['profiles']` and so moves the version (src/db/data-version.ts).
//
// Many small rows, each a part's name and its values (UNION ALL), not one record of collected lists: the
// driver decodes rows as they arrive, between other requests' work, where one record holding everything was
// decoded in one go (at 16× the benchmark's data that took the event loop for half a second).
export const PROFILES = cypher(
  'discovery.profiles',
  `${VERSION_ROW}
   UNION ALL
   MATCH (m:Municipality)-[:RUNS]->(p:Project)
   RETURN 'runs' AS part, [m.ags, p.id, COLLECT { MATCH (p)-[:ADDRESSES]->(t:Topic) RETURN t.slug }, p.programme] AS row
   UNION ALL
   MATCH (m:Municipality)
   RETURN 'units' AS part, [m.ags, m.kind, m.population, m.sizeClass, m.urbanisation, m.state, m.location.latitude, m.location.longitude] AS row
   UNION ALL
   MATCH (m:Municipality)-[:INTERESTED_IN]->(t:Topic) RETURN 'interests' AS part, [m.ags, t.slug] AS row
   UNION ALL
   MATCH (m:Municipality)-[x:TAKES_PART_IN]->(g:Programme) WHERE size(coalesce(x.topics, [])) > 0
   RETURN 'programmes' AS part, [m.ags, g.id, x.topics, coalesce(x.topicsOfProgramme, false)] AS row
   UNION ALL
   MATCH (m:Municipality)-[x:USES]->(s:Solution) WHERE size(coalesce(x.topics, [])) > 0
   RETURN 'uses' AS part, [m.ags, s.id, x.topics] AS row
   UNION ALL
   // Every municipality with any sourced activity: the candidates when there are no topics to compare by.
   MATCH (m:Municipality)
   WHERE EXISTS { (m)-[:RUNS|TAKES_PART_IN|USES|INTERESTED_IN]->() } OR EXISTS { (m)-[x:EXCHANGES_WITH]-(:Municipality) WHERE x.generated IS NULL }
   RETURN 'active' AS part, [m.ags] AS row
   UNION ALL
   MATCH (up:Municipality)-[:RUNS]->(:Project) WHERE up.kind IN ['LANDKREIS', 'VERBAND']
   WITH DISTINCT up
   MATCH (g:Municipality)-[link:PART_OF|MEMBER_OF]->(up)
   WHERE g.kind IN ['STADT', 'GEMEINDE'] AND ((type(link) = 'PART_OF' AND up.kind = 'LANDKREIS') OR (type(link) = 'MEMBER_OF' AND up.kind = 'VERBAND'))
   RETURN 'below' AS part, [g.ags, up.ags] AS row
   UNION ALL
   MATCH (g:Municipality)-[:RUNS]->(:Project) WHERE g.kind IN ['STADT', 'GEMEINDE']
   WITH DISTINCT g
   MATCH (g)-[:PART_OF]->(k:Municipality {kind: 'LANDKREIS'})
   RETURN 'above' AS part, [k.ags, g.ags] AS row
   UNION ALL
   MATCH (t:Topic) WHERE t.slug IS NOT NULL RETURN 'topics' AS part, [t.slug] AS row
   UNION ALL
   ${PARENT_ROWS}`,
);

/** A row of a statement that streams several parts (PROFILES, SOLUTIONS): the part's name and its values. */
export interface PartRow {
  part: string;
  row: unknown[];
}

/** What PROFILES read, gathered by part. */
export function profilesRowOf(rows: readonly PartRow[]): ProfilesRow {
  const out: ProfilesRow = { runs: [], units: [], interests: [], programmes: [], uses: [], active: [], below: [], above: [], topics: [], parents: [], version: null };
  for (const { part, row } of rows) {
    if (part === 'version') out.version = row[0] as number | null;
    else if (part === 'topics') out.topics.push(row[0] as string);
    else if (part === 'active') out.active.push(row[0] as string);
    else (out[part as 'runs' | 'units' | 'interests' | 'programmes' | 'uses' | 'below' | 'above' | 'parents'] as unknown[]).push(row);
  }
  return out;
}

// The asker, and the data version: the one statement of a ranking. Candidates, filters, structure and
// distances come from the per-version tables; a newer version here refreshes them and asks again.
export const ASKER = cypher(
  'discovery.asker',
  `MATCH (a:Municipality {ags: $ags})
   ${DATA_VERSION_MATCH}
   RETURN a {.*} AS own, dataVersion.n AS version`,
);

/** The scoring inputs of one data version: every profile (own, inherited and fields), and the rarity of each topic over them. */
export interface Profiles {
  version: number;
  profileOf: Map<string, Profile>;
  /** Σ weight·idf of each profile (discovery.scoring.ts, topicScore). */
  normOf: Map<string, number>;
  /** Per municipality, per topic held only by inheritance: where it comes from. */
  viaOf: Map<string, ReadonlyMap<string, readonly Via[]>>;
  /** What each profile is made of, to add a request's interests to. */
  contributionsOf: Map<string, Contribution[]>;
  /** Topic slug → the municipalities whose profile holds it: the candidates sharing a topic, without a walk over every profile. */
  holdersOf: Map<string, string[]>;
  /** The municipalities with any sourced activity (a project, programme, solution, exchange link or declared interest). */
  active: string[];
  /** Per municipality, per topic it holds itself: what gives it the topic. */
  basesOf: Map<string, ReadonlyMap<string, readonly TopicBasis[]>>;
  /** Every topic slug, to check interests against. */
  topics: ReadonlySet<string>;
  /** What the register says about every municipality, and the programmes of the projects each runs. */
  unitOf: Map<string, RegisterUnit>;
  parentOf: Map<string, string>;
  idf: (slug: string) => number;
}

/** A municipality as the rankings measure it. */
export interface RegisterUnit {
  ags: string;
  structure: Structure;
  lat: number | null;
  lon: number | null;
  programmes: ReadonlySet<string>;
}

export interface ProfilesRow {
  runs: [string, string, string[], string | null][];
  units: [string, string, number | null, SizeClass | null, string | null, string | null, number | null, number | null][];
  interests: [string, string][];
  /** A participation with topics: municipality, programme, topics, whether they are the programme's own fields. */
  programmes: [string, string, string[], boolean][];
  /** A solution in use with topics: municipality, solution, topics. */
  uses: [string, string, string[]][];
  active: string[];
  below: [string, string][];
  above: [string, string][];
  topics: string[];
  parents: [string, string][];
  version: number | null;
}

/** The weights of inherited topics: from a Gemeinde's Kreis and Verband (`above`), from a Kreis's Gemeinden (`below`). */
export interface Inheritance {
  above: number;
  below: number;
}
export const INHERITANCE: Inheritance = { above: INHERITED_FROM_ABOVE, below: INHERITED_FROM_BELOW };

/**
 * Every municipality's contributions: own projects, interests, programmes and solutions at 1, inherited ones
 * at their lower weights with `via` (a weight of 0 inherits nothing). A programme's own fields of action,
 * where the source gives only those, count as a Gemeinde counts its Kreis's project: at INHERITED_FROM_ABOVE,
 * as the setting it works in rather than its own choice.
 */
export function contributionsOf(row: Pick<ProfilesRow, 'runs' | 'interests' | 'programmes' | 'uses' | 'below' | 'above'>, weights: Inheritance = INHERITANCE): Map<string, Contribution[]> {
  const out = new Map<string, Contribution[]>();
  const add = (ags: string, c: Contribution) => (out.get(ags) ?? out.set(ags, []).get(ags)!).push(c);
  const projectsOf = new Map<string, { project: string; topics: string[] }[]>();
  for (const [ags, project, topics] of row.runs) {
    (projectsOf.get(ags) ?? projectsOf.set(ags, []).get(ags)!).push({ project, topics });
    for (const slug of topics) add(ags, { slug, weight: 1 });
  }
  for (const [ags, slug] of row.interests) add(ags, { slug, weight: 1, basis: 'INTEREST' });
  for (const [ags, , topics, ofProgramme] of row.programmes) for (const slug of topics) add(ags, { slug, weight: ofProgramme ? INHERITED_FROM_ABOVE : 1, basis: 'PROGRAMME' });
  for (const [ags, , topics] of row.uses) for (const slug of topics) add(ags, { slug, weight: 1, basis: 'SOLUTION' });
  const inherit = (heir: string, from: string, weight: number) => {
    if (weight === 0) return;
    for (const { project, topics } of projectsOf.get(from) ?? []) for (const slug of topics) add(heir, { slug, weight, via: { from, project } });
  };
  for (const [gemeinde, unit] of row.below) inherit(gemeinde, unit, weights.above);
  for (const [kreis, gemeinde] of row.above) inherit(kreis, gemeinde, weights.below);
  return out;
}

/**
 * Every profile of one data version from what PROFILES read. Other inheritance weights than the API's
 * (`{ above: 0, below: 0 }`: none, the ranking as it was before) are for the evaluation, which compares them.
 * At 16× the benchmark's data a build takes a few hundred ms: it gives other requests a turn every 20 ms.
 */
export async function buildProfiles(row: ProfilesRow, inheritance: Inheritance = INHERITANCE, register?: Pick<Profiles, 'unitOf'>): Promise<Profiles> {
  const pace = pacer();
  const parentOf = new Map(row.parents);
  const contributions = contributionsOf(row, inheritance);
  const profileOf = new Map<string, Profile>();
  const viaOf = new Map<string, ReadonlyMap<string, readonly Via[]>>();
  const basesOf = new Map<string, ReadonlyMap<string, readonly TopicBasis[]>>();
  for (const [ags, list] of contributions) {
    await pace();
    const explained = explainedProfileOf(list, parentOf);
    profileOf.set(ags, explained.profile);
    if (explained.via.size > 0) viaOf.set(ags, explained.via);
    basesOf.set(ags, explained.bases);
  }
  await pace();
  const { idf } = inverseDocumentFrequency(profileOf.values());
  await pace();
  const holdersOf = new Map<string, string[]>();
  for (const [ags, profile] of profileOf) for (const slug of profile.keys()) (holdersOf.get(slug) ?? holdersOf.set(slug, []).get(slug)!).push(ags);
  const programmesOf = new Map<string, Set<string>>();
  for (const [ags, , , programme] of row.runs) if (programme) (programmesOf.get(ags) ?? programmesOf.set(ags, new Set()).get(ags)!).add(programme);
  const none: ReadonlySet<string> = new Set();
  await pace();
  const unitOf = register?.unitOf ?? new Map(
    (row.units ?? []).map(([ags, kind, population, sizeClass, urbanisation, state, lat, lon]): [string, RegisterUnit] => [
      ags,
      { ags, structure: { population, sizeClass, urbanisation, kind, state }, lat, lon, programmes: programmesOf.get(ags) ?? none },
    ]),
  );
  return {
    unitOf,
    version: row.version ?? -1,
    profileOf,
    normOf: new Map([...profileOf].map(([ags, profile]) => [ags, norm(profile, idf)])),
    viaOf,
    contributionsOf: contributions,
    holdersOf,
    active: [...new Set([...row.runs.map(([ags]) => ags), ...row.active])].sort(),
    basesOf,
    topics: new Set(row.topics),
    parentOf,
    idf,
  };
}

/** No inherited topics: the profiles the rankings use by default. */
export const NO_INHERITANCE: Inheritance = { above: 0, below: 0 };

/**
 * Both sets of profiles of one data version, on one register table: `own` — projects and interests only,
 * what the rankings use by default — and `inherited`, with what each inherits (`profile:
 * INHERITED_AND_INTERESTS`). Inheritance is not the default because over the real exchange links it did not
 * improve the ranking (bench/results/discovery-eval.md).
 */
export interface ProfileSets {
  version: number;
  own: Profiles;
  inherited: Profiles;
  /** The Gemeinden's positions for maps, made from the register table on first request. */
  positions?: GemeindePositions;
}

/** The positions of the Gemeinden in a register table, as `Query.gemeindePositions` answers them. */
export function gemeindePositionsOf(unitOf: ReadonlyMap<string, RegisterUnit>): GemeindePositions {
  const units = [...unitOf.values()]
    .filter((u) => GEMEINDE_KINDS.has(u.structure.kind) && u.lat !== null && u.lon !== null)
    .sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0));
  return { count: units.length, ags: units.map((u) => u.ags), lat: units.map((u) => u.lat!), lon: units.map((u) => u.lon!) };
}

const GEMEINDE_KINDS: ReadonlySet<string> = new Set(['GEMEINDE', 'STADT', 'KREISFREIE_STADT']);

export interface GemeindePositions {
  count: number;
  ags: string[];
  lat: number[];
  lon: number[];
}

/** Both profile sets from what PROFILES read. */
export async function buildProfileSets(row: ProfilesRow): Promise<ProfileSets> {
  const inherited = await buildProfiles(row);
  return { version: inherited.version, inherited, own: await buildProfiles(row, NO_INHERITANCE, inherited) };
}

/** Reads the profiles of the data as it is now. */
async function readProfiles(db: Database): Promise<ProfileSets> {
  return buildProfileSets(profilesRowOf(await db.read('discovery.profiles', (tx) => tx.run<PartRow>(PROFILES))));
}

/**
 * The value of a per-version cache for `version`, loaded once for all concurrent callers. Without a version
 * node (a graph no write has versioned yet) nothing tells when the data changes: read afresh, not kept.
 */
async function at<T extends { version: number }>(cache: PerVersion<T>, version: number | null, load: () => Promise<T>): Promise<T> {
  return version === null ? load() : cache.get(version, load);
}

/** What the asker brings to one request: topics it cares about now, with or instead of its stored profile. */
export interface Asked {
  interests: readonly string[];
  interestsOnly: boolean;
  /** Rank over the profiles with inherited topics (on both sides) instead of the own ones. */
  inherited?: boolean;
}

const profilesFor = (sets: ProfileSets, asked: Asked | undefined): Profiles => (asked?.inherited ? sets.inherited : sets.own);

/** Distance in km as Neo4j measures WGS-84 points (haversine, Earth radius 6,378,140 m); null without both positions. */
export function distanceKm(a: { lat: number | null; lon: number | null }, b: { lat: number | null; lon: number | null }): number | null {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return null;
  const rad = Math.PI / 180;
  const h = Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return (2 * 6_378_140 * Math.atan2(Math.sqrt(h), Math.sqrt(1 - h))) / 1000;
}

/** Whether a municipality passes a discovery filter, seen from the asker `own`. */
export function passes(u: RegisterUnit, own: RegisterUnit, f: DiscoveryFilterParams): boolean {
  if (f.state !== null && u.structure.state !== f.state) return false;
  if (f.kinds !== null && !f.kinds.includes(u.structure.kind as MunicipalityKind)) return false;
  if (f.sizeClasses !== null && (u.structure.sizeClass === null || !f.sizeClasses.includes(u.structure.sizeClass as SizeClass))) return false;
  if (f.radiusM !== null) {
    const d = distanceKm(u, f.center ?? own);
    if (d === null || d * 1000 > f.radiusM) return false;
  }
  if (f.programme !== null && !u.programmes.has(f.programme)) return false;
  if (f.excludeOwnKreis && u.ags.startsWith(own.ags.slice(0, 5))) return false;
  return true;
}

/** Peers' candidates from the per-version tables alone: the asker's profile, and those sharing a topic that pass the filter. */
export function peerCandidatesIn(cache: Profiles, ags: string, filter: DiscoveryFilterParams, asked?: Asked): Omit<PeerCandidates, 'own'> {
  const unknownInterests = (asked?.interests ?? []).filter((slug) => !cache.topics.has(slug));
  const { own, candidates, structureOnly } = sharing(cache, ags, unknownInterests.length > 0 ? undefined : asked);
  const asker = cache.unitOf.get(ags);
  const none = new Map<string, readonly Via[]>();
  const noBases = new Map<string, readonly TopicBasis[]>();
  const found: PeerCandidates['candidates'] = [];
  for (const key of candidates) {
    const u = cache.unitOf.get(key);
    if (!u || !asker || !passes(u, asker, filter)) continue;
    found.push({
      key,
      profile: cache.profileOf.get(key) ?? new Map<string, number>(),
      norm: cache.normOf.get(key) ?? 0,
      via: cache.viaOf.get(key) ?? none,
      bases: cache.basesOf.get(key) ?? noBases,
      distanceKm: distanceKm(asker, u),
      sizeClass: u.structure.sizeClass as SizeClass | null,
      structure: u.structure,
    });
  }
  return { ownProfile: own, idf: cache.idf, unknownInterests, structureOnly, candidates: found };
}

/** Learning partners' candidates from the per-version tables alone: the solutions for the asker, and their lead runners that pass the filter. */
export function learningCandidatesIn(profiles: Profiles, solutions: Solutions, ags: string, filter: DiscoveryFilterParams, asked: Asked): Omit<LearningCandidates, 'own'> {
  const unknownInterests = asked.interests.filter((slug) => !profiles.topics.has(slug));
  const own = ownProfile(profiles, ags, unknownInterests.length > 0 ? { interests: [], interestsOnly: false } : asked);
  const { candidates, structureOnly } = solutionsFor(solutions, ags, own);
  const asker = profiles.unitOf.get(ags);
  const runners = new Map<string, { distanceKm: number | null; sizeClass: SizeClass | null; structure: Structure }>();
  for (const key of new Set(candidates.map((x) => x.runners[0]!))) {
    const u = profiles.unitOf.get(key);
    if (u && asker && passes(u, asker, filter)) runners.set(key, { distanceKm: distanceKm(asker, u), sizeClass: u.structure.sizeClass as SizeClass | null, structure: u.structure });
  }
  return { ownProfile: own, idf: profiles.idf, parentOf: profiles.parentOf, unknownInterests, structureOnly, solutions: candidates, runners };
}

/** The asker's profile for this request: the stored one (unless INTERESTS_ONLY) with the interests at weight 1. */
export function ownProfile(cache: Profiles, ags: string, asked: Asked): ExplainedProfile {
  const stored = asked.interestsOnly ? [] : (cache.contributionsOf.get(ags) ?? []);
  return explainedProfileOf([...stored, ...asked.interests.map((slug) => ({ slug, weight: 1, basis: 'INTEREST' as const }))], cache.parentOf);
}

/**
 * The asker's profile for this request and the candidates: every municipality whose profile shares a topic
 * (or its field) with it — or, when the asker has no topics at all, every municipality with any sourced
 * activity (a project, programme, solution in use, exchange link or declared interest).
 */
export function sharing(cache: Profiles, ags: string, asked: Asked = { interests: [], interestsOnly: false }): { own: ExplainedProfile; candidates: string[]; structureOnly: boolean } {
  const own = ownProfile(cache, ags, asked);
  const active = () => cache.active.filter((key) => key !== ags);
  if (own.profile.size === 0) return { own, candidates: active(), structureOnly: true };
  const found = new Set<string>();
  for (const slug of own.profile.keys()) for (const key of cache.holdersOf.get(slug) ?? []) if (key !== ags) found.add(key);
  const candidates = [...found];
  // Topics nobody else works on: answered by structure, as for no topics at all, rather than with nothing.
  return candidates.length > 0 ? { own, candidates, structureOnly: false } : { own, candidates: active(), structureOnly: true };
}

// Everything that can be learnt from, once per data version: every measure of a project and every project,
// with its topics, how far it has got, and the project's runners (lead first). Measures carry their own
// status; a project's status stands for its own (COMPLETED → IMPLEMENTED, ACTIVE → IN_PROGRESS, PLANNED → PLANNED).
// A cancelled project and its measures are nothing to adopt and are left out.
// Streamed as rows by part, as PROFILES is. Runners carry their rank (lead first), sorted in solutionsRowOf.
export const SOLUTIONS = cypher(
  'discovery.solutions',
  `${VERSION_ROW}
   UNION ALL
   MATCH (x:Measure)-[:PART_OF]->(p:Project) WHERE coalesce(p.status, '') <> 'CANCELLED'
   RETURN 'measures' AS part, [x.id, 'Measure', p.id, coalesce(x.status, 'UNKNOWN'), x.statusAsOf, COLLECT { MATCH (x)-[:ADDRESSES]->(t:Topic) RETURN DISTINCT t.slug }] AS row
   UNION ALL
   MATCH (p:Project) WHERE coalesce(p.status, '') <> 'CANCELLED'
   RETURN 'projects' AS part, [p.id, 'Project', p.id,
     CASE p.status WHEN 'COMPLETED' THEN 'IMPLEMENTED' WHEN 'ACTIVE' THEN 'IN_PROGRESS' WHEN 'PLANNED' THEN 'PLANNED' ELSE 'UNKNOWN' END,
     null, COLLECT { MATCH (p)-[:ADDRESSES]->(t:Topic) RETURN t.slug }] AS row
   UNION ALL
   MATCH (m:Municipality)-[r:RUNS]->(p:Project)
   RETURN 'runners' AS part, [p.id, m.ags, CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END] AS row
   UNION ALL
   ${PARENT_ROWS}`,
);

/** What SOLUTIONS read, gathered by part: measures before projects, each project's runners lead first, then by key. */
export function solutionsRowOf(rows: readonly PartRow[]): SolutionsRow {
  const measures: SolutionsRow['solutions'] = [];
  const projects: SolutionsRow['solutions'] = [];
  const runners: [string, string, number][] = [];
  const out: SolutionsRow = { solutions: [], runners: [], parents: [], version: null };
  for (const { part, row } of rows) {
    if (part === 'measures') measures.push(row as SolutionsRow['solutions'][number]);
    else if (part === 'projects') projects.push(row as SolutionsRow['solutions'][number]);
    else if (part === 'runners') runners.push(row as [string, string, number]);
    else if (part === 'parents') out.parents.push(row as [string, string]);
    else if (part === 'version') out.version = row[0] as number | null;
  }
  runners.sort((a, b) => a[2] - b[2] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return { ...out, solutions: [...measures, ...projects], runners: runners.map(([project, ags]) => [project, ags]) };
}

/** A measure or a project to learn from, as the ranking needs it. */
export interface Solution {
  key: string;
  type: 'Measure' | 'Project';
  project: string;
  status: MeasureStatus;
  statusAsOf: string | null;
  topics: string[];
  /** Its topics as a profile (fields of action at half weight). */
  profile: Profile;
  /** The project's runners, lead first: the first is the one asked about it. */
  runners: string[];
}

export interface Solutions {
  version: number;
  all: Solution[];
}

export interface SolutionsRow {
  solutions: [string, 'Measure' | 'Project', string, MeasureStatus, string | null, string[]][];
  runners: [string, string][];
  parents: [string, string][];
  version: number | null;
}

/** Every solution with a runner, from what SOLUTIONS read (giving other requests a turn every 20 ms, as buildProfiles). */
export async function buildSolutions(row: SolutionsRow): Promise<Solutions> {
  const pace = pacer();
  const parentOf = new Map(row.parents);
  const runnersOf = new Map<string, string[]>();
  for (const [project, ags] of row.runners) (runnersOf.get(project) ?? runnersOf.set(project, []).get(project)!).push(ags);
  const all: Solution[] = [];
  for (const [key, type, project, status, statusAsOf, topics] of row.solutions) {
    await pace();
    const runners = runnersOf.get(project) ?? [];
    if (runners.length > 0) all.push({ key, type, project, status, statusAsOf, topics, profile: scoringProfileOf(topics, parentOf), runners });
  }
  return { version: row.version ?? -1, all };
}

/** Reads the solutions of the data as it is now. */
async function readSolutions(db: Database): Promise<Solutions> {
  return buildSolutions(solutionsRowOf(await db.read('discovery.solutions', (tx) => tx.run<PartRow>(SOLUTIONS))));
}

/**
 * The solutions an asker may adopt: those of others that address one of its topics — or, when none does (or
 * it has no topics), all of them, to be ranked by status and structure alone.
 */
export function solutionsFor(solutions: Solutions, ags: string, own: ExplainedProfile): { candidates: Solution[]; structureOnly: boolean } {
  const others = solutions.all.filter((x) => !x.runners.includes(ags));
  const wanted = own.profile;
  const matching = wanted.size === 0 ? [] : others.filter((x) => [...x.profile.keys()].some((t) => wanted.has(t)));
  return matching.length === 0 ? { candidates: others, structureOnly: true } : { candidates: matching, structureOnly: false };
}

/** What ranking learning partners needs: the asker, its profile for this request, and the solutions with their runners' structure. */
export interface LearningCandidates {
  own: MunicipalityRecord;
  ownProfile: ExplainedProfile;
  idf: (slug: string) => number;
  parentOf: ReadonlyMap<string, string>;
  unknownInterests: string[];
  /** Nothing to match topics by: rank by status and structure. */
  structureOnly: boolean;
  solutions: Solution[];
  /** The runners that pass the filter, with their structure and distance to the asker. */
  runners: Map<string, { distanceKm: number | null; sizeClass: SizeClass | null; structure: Structure }>;
}

/**
 * Similar projects: the same over project topics. A project passes the
 * filter when one of its runners does; distances are between lead runners.
 */
export const SIMILAR_PROJECTS = cypher(
  'discovery.similarProjects',
  `MATCH (a:Project {id: $slug})
   CALL () {
     MATCH (t:Topic)<-[:ADDRESSES]-(p:Project)
     WITH p, collect(t.slug) AS direct
     RETURN collect({key: p.id, direct: direct}) AS profiles
   }
   ${PARENTS}
   CALL (a) {
     OPTIONAL MATCH (m:Municipality)-[r:RUNS]->(a)
     WITH m ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.ags LIMIT 1
     RETURN m AS ownLead
   }
   WITH a, profiles, parents, ownLead, coalesce([p IN profiles WHERE p.key = a.id | p.direct][0], []) AS ownDirect
   WITH a, profiles, parents, ownLead, ownDirect, ownDirect + [x IN parents WHERE x[0] IN ownDirect | x[1]] AS ownTopics
   CALL (a, profiles, parents, ownTopics, ownLead) {
     UNWIND profiles AS p
     WITH p WHERE p.key <> a.id AND any(s IN p.direct + [x IN parents WHERE x[0] IN p.direct | x[1]] WHERE s IN ownTopics)
     MATCH (x:Project {id: p.key})
     WITH x, p, ownLead, ${CENTRE('ownLead.location')} AS centre, coalesce(left(ownLead.ags, 5), '-') AS ownKreis
     WHERE EXISTS { MATCH (m:Municipality)-[:RUNS]->(x) WHERE ${MUNICIPALITY_FILTER} }
     CALL (x) {
       OPTIONAL MATCH (m:Municipality)-[r:RUNS]->(x)
       WITH m ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.ags LIMIT 1
       RETURN m AS lead
     }
     RETURN collect({
       node: x {.*},
       direct: p.direct,
       sizeClass: lead.sizeClass,
       distanceKm: CASE WHEN ownLead.location IS NULL OR lead.location IS NULL THEN null
                        ELSE point.distance(ownLead.location, lead.location) / 1000.0 END
     }) AS candidates
   }
   RETURN a {.*} AS own, ownLead.sizeClass AS ownSizeClass, ownDirect, profiles, parents, candidates`,
);

// The full-text index 'search' (German analyzer). The query string is built
// by the service from letters and digits only, so no input can inject syntax.
// Ties are broken by key, so equal scores come in a stable order.
export const SEARCH = cypher(
  'discovery.search',
  `CALL db.index.fulltext.queryNodes('search', $query) YIELD node, score
   WITH node, score WHERE any(l IN labels(node) WHERE l IN $labels) AND (NOT node:Contact OR ${CONTACT_SHOWN('node')})
   WITH node, score ORDER BY score DESC, coalesce(node.ags, node.id, node.slug) LIMIT $first
   RETURN score, [l IN labels(node) WHERE l IN $labels][0] AS type,
          CASE WHEN node:Contact THEN ${CONTACT_FIELDS('node')} WHEN node:Solution THEN ${solutionProjection('node')} ELSE node {.*} END AS node`,
);

// Contacts for topics (and their sub-topics), from the topics outward; the
// employer's position gives the distance.
export const EXPERTS = cypher(
  'discovery.experts',
  `MATCH (t:Topic) WHERE t.slug IN $topics
   MATCH (x:Topic) WHERE x = t OR (x)-[:SUBTOPIC_OF]->(t)
   CALL (x) {
     MATCH (x)<-[:EXPERT_IN]-(c:Contact) RETURN c, 'EXPERTISE' AS kind
     UNION
     MATCH (x)<-[:ADDRESSES]-(:Project)<-[:CONTACT_FOR]-(c:Contact) RETURN c, 'PROJECT' AS kind
     UNION
     MATCH (x)<-[:ADDRESSES]-(:Project)<-[:RUNS]-(:Municipality)<-[:WORKS_FOR]-(c:Contact) RETURN c, 'EMPLOYER' AS kind
     UNION
     MATCH (x)<-[:INTERESTED_IN]-(:Municipality)<-[:WORKS_FOR]-(c:Contact) RETURN c, 'EMPLOYER' AS kind
   }
   WITH c, kind, x WHERE ${CONTACT_SHOWN('c')}
   WITH c, collect(DISTINCT {kind: kind, topic: x.slug}) AS reasons
   OPTIONAL MATCH (c)-[:WORKS_FOR]->(e)
   WITH c, reasons, CASE WHEN $center IS NULL OR e.location IS NULL THEN null
                         ELSE point.distance(e.location, point({latitude: $center.lat, longitude: $center.lon})) / 1000.0 END AS distanceKm
   WHERE $radiusKm IS NULL OR (distanceKm IS NOT NULL AND distanceKm <= $radiusKm)
   RETURN ${CONTACT_FIELDS('c')} AS contact, c.nameKey AS nameKey, reasons, distanceKm`,
);

export interface ProfileRow {
  key: string;
  direct: string[];
}

/** What ranking peers needs: the asker's profile and structure, the topics' rarity, and the candidates passing the filter. */
export interface PeerCandidates {
  own: MunicipalityRecord;
  ownProfile: ExplainedProfile;
  idf: (slug: string) => number;
  /** Requested interests that are no topic. */
  unknownInterests: string[];
  /** Nothing to compare topics by (no topics, or none anybody else has): rank by structure. */
  structureOnly: boolean;
  candidates: { key: string; profile: Profile; norm: number; via: ReadonlyMap<string, readonly Via[]>; bases: ReadonlyMap<string, readonly TopicBasis[]>; distanceKm: number | null; sizeClass: SizeClass | null; structure: Structure }[];
}

export interface Candidates<T> {
  ownDirect: string[];
  ownSizeClass: SizeClass | null;
  profiles: ProfileRow[];
  parents: [string, string][];
  candidates: { record: T; direct: string[]; distanceKm: number | null; sizeClass: SizeClass | null }[];
}

export function discoveryRepository(db: Database, access: Access, profileCache: PerVersion<ProfileSets>, solutionCache: PerVersion<Solutions>) {
  const askerAt = async (ags: string) => {
    const [row] = await db.read('discovery.asker', (tx) => tx.run<{ own: Row; version: number | null }>(ASKER, { ags }));
    return row ? { own: toMunicipality(row.own), version: row.version } : null;
  };
  return {
    ...searchRepository(db, access),
    /**
     * Null when there is no municipality with this AGS. One statement reads the asker and the data
     * version; the profiles come from the per-version cache, read once per version (concurrent requests
     * share that one read).
     */
    peerCandidates: async (ags: string, filter: DiscoveryFilterParams, asked?: Asked): Promise<PeerCandidates | null> => {
      const asker = await askerAt(ags);
      if (!asker) return null;
      const profiles = await at(profileCache, asker.version, () => readProfiles(db));
      return { own: asker.own, ...peerCandidatesIn(profilesFor(profiles, asked), ags, filter, asked) };
    },

    /** Null when there is no municipality with this AGS. As peers, with the solutions from their per-version cache too. */
    learningCandidates: async (ags: string, filter: DiscoveryFilterParams, asked: Asked): Promise<LearningCandidates | null> => {
      const asker = await askerAt(ags);
      if (!asker) return null;
      const [profiles, solutions] = await Promise.all([at(profileCache, asker.version, () => readProfiles(db)), at(solutionCache, asker.version, () => readSolutions(db))]);
      return { own: asker.own, ...learningCandidatesIn(profilesFor(profiles, asked), solutions, ags, filter, asked) };
    },

    /** The data version now (one per key asked; the `dataVersion` loader asks once per request). Null before any versioned write. */
    dataVersions: async (keys: readonly 'now'[]): Promise<(number | null)[]> => {
      const [row] = await db.read('discovery.version', (tx) => tx.run<{ version: number }>(READ_DATA_VERSION));
      // Version 0: no version node yet, nothing to keep the tables by (as for the asker's null).
      return keys.map(() => (row?.version ? row.version : null));
    },

    /** The profile sets of data version `version` (see `dataVersions`), from the per-version cache. */
    profilesAt: (version: number | null) => at(profileCache, version, () => readProfiles(db)),

    /** Null when there is no project with this slug. */
    similarProjectCandidates: (slug: string, filter: DiscoveryFilterParams) =>
      db.read('discovery.similarProjects', async (tx): Promise<(Candidates<ProjectRecord> & { own: ProjectRecord }) | null> => {
        const [row] = await tx.run(SIMILAR_PROJECTS, { slug, ...filter });
        if (!row) return null;
        return {
          own: toProject(row.own as Row),
          ownDirect: row.ownDirect as string[],
          ownSizeClass: (row.ownSizeClass as SizeClass | null) ?? null,
          profiles: row.profiles as ProfileRow[],
          parents: row.parents as [string, string][],
          candidates: (row.candidates as Row[]).map((c) => ({
            record: toProject(c.node as Row),
            direct: c.direct as string[],
            distanceKm: c.distanceKm as number | null,
            sizeClass: (c.sizeClass as SizeClass | null) ?? null,
          })),
        };
      }),
  };
}

export type SearchLabel = 'Municipality' | 'Project' | 'Topic' | 'Contact' | 'Organization' | 'Event' | 'Measure' | 'Programme' | 'Solution';
export type SearchRecord = MunicipalityRecord | ProjectRecord | TopicRecord | ContactRecord | OrganizationRecord | EventRecord | MeasureRecord | ProgrammeRecord | ReusableSolutionRecord;
const TO_RECORD: Record<SearchLabel, (row: Row) => SearchRecord> = {
  Municipality: toMunicipality,
  Project: toProject,
  Topic: toTopic,
  Contact: toContact,
  Organization: toOrganization,
  Event: toEvent,
  Measure: toMeasure,
  Programme: toProgramme,
  Solution: toReusableSolution,
};

export function searchRepository(db: Database, { viewer }: Access) {
  return {
    search: (query: string, labels: SearchLabel[], first: number) =>
      db.read('discovery.search', async (tx) =>
        (await tx.run<{ score: number; type: SearchLabel; node: Row }>(SEARCH, { query, labels, first, viewer })).map((r) => ({
          score: r.score,
          props: r.node,
          record: TO_RECORD[r.type](r.node),
        })),
      ),

    experts: (topics: string[], center: { lat: number; lon: number } | null, radiusKm: number | null) =>
      db.read('discovery.experts', async (tx) =>
        (await tx.run<{ contact: Row; nameKey: string; reasons: { kind: string; topic: string }[]; distanceKm: number | null }>(EXPERTS, { topics, center, radiusKm, viewer })).map(
          (r): { contact: ContactRecord; nameKey: string; reasons: { kind: string; topic: string }[]; distanceKm: number | null } => ({
            contact: toContact(r.contact),
            nameKey: r.nameKey,
            reasons: r.reasons,
            distanceKm: r.distanceKm,
          }),
        ),
      ),
  };
}

export type DiscoveryRepository = ReturnType<typeof discoveryRepository>;
