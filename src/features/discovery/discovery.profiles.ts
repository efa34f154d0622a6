// What every municipality works on, read once per data version: the PROFILES statement (streamed rows) and
// the profiles built from it — own projects, interests, programmes and solutions, with inherited topics in a
// second set — and the SOLUTIONS statement with every measure and project one may adopt.
import { DATA_VERSION_MATCH } from '../../db/data-version.js';
import { cypher } from '../../db/cypher.js';
import { pacer } from '../../db/turn.js';
import type { MeasureStatus, SizeClass } from '../../generated/graphql.js';
import {
  explainedProfileOf,
  INHERITED_FROM_ABOVE,
  INHERITED_FROM_BELOW,
  inverseDocumentFrequency,
  norm,
  profileOf as scoringProfileOf,
  type Contribution,
  type Profile,
  type Structure,
  type TopicBasis,
  type Via,
} from './discovery.scoring.js';

// Every sub-topic with its field of action (a few dozen pairs).
const SUBTOPIC_PAIRS = 'MATCH (s:Topic)-[:SUBTOPIC_OF]->(f:Topic)';

export const PARENTS = `CALL () { ${SUBTOPIC_PAIRS} RETURN collect([s.slug, f.slug]) AS parents }`;

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

// Everything that can be learnt from, once per data version: every measure of a project and every project,
// with its topics, how far it has got, and the project's runners (lead first). Measures carry their own
// status; a project's status stands for its own (COMPLETED → IMPLEMENTED, ACTIVE → IN_PROGRESS, PLANNED → PLANNED).
// A cancelled project and its measures are nothing to adopt and are left out.
// Streamed as rows by part, as PROFILES is. Runners carry their rank (lead first), sorted in solutionsRowOf.
/** SOLUTIONS' own parts (the measures, the projects, their runners), for a statement that reads them with others. */
export const SOLUTION_PARTS = `MATCH (x:Measure)-[:PART_OF]->(p:Project) WHERE coalesce(p.status, '') <> 'CANCELLED'
   RETURN 'measures' AS part, [x.id, 'Measure', p.id, coalesce(x.status, 'UNKNOWN'), x.statusAsOf, COLLECT { MATCH (x)-[:ADDRESSES]->(t:Topic) RETURN DISTINCT t.slug }] AS row
   UNION ALL
   MATCH (p:Project) WHERE coalesce(p.status, '') <> 'CANCELLED'
   RETURN 'projects' AS part, [p.id, 'Project', p.id,
     CASE p.status WHEN 'COMPLETED' THEN 'IMPLEMENTED' WHEN 'ACTIVE' THEN 'IN_PROGRESS' WHEN 'PLANNED' THEN 'PLANNED' ELSE 'UNKNOWN' END,
     null, COLLECT { MATCH (p)-[:ADDRESSES]->(t:Topic) RETURN t.slug }] AS row
   UNION ALL
   MATCH (m:Municipality)-[r:RUNS]->(p:Project)
   RETURN 'runners' AS part, [p.id, m.ags, CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END] AS row`;

export const SOLUTIONS = cypher(
  'discovery.solutions',
  `${VERSION_ROW}
   UNION ALL
   ${SOLUTION_PARTS}
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
