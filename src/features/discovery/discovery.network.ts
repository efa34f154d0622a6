// What the peer ranking reads from the graph, once per data version: the register, what every municipality
// does (projects, interests, programmes and groups, solutions, events) and the known links between them,
// streamed as many small rows (see PROFILES), and the link facts a ranking learns from made of them.
import { DATA_VERSION_MATCH } from '../../db/data-version.js';
import { cypher } from '../../db/cypher.js';
import { pacer } from '../../db/turn.js';
import type { LinkFact, NetworkInput, Unit } from './discovery.features.js';

export const NETWORK = cypher(
  'discovery.network',
  `${DATA_VERSION_MATCH} RETURN 'version' AS part, [dataVersion.n] AS row
   UNION ALL
   MATCH (m:Municipality)
   RETURN 'units' AS part, [m.ags, m.kind, m.population, m.sizeClass, m.urbanisation, m.state, m.location.latitude, m.location.longitude] AS row
   UNION ALL
   MATCH (m:Municipality)-[:RUNS]->(p:Project)
   RETURN 'runs' AS part, [m.ags, p.id, COLLECT { MATCH (p)-[:ADDRESSES]->(t:Topic) RETURN t.slug }, p.cohort] AS row
   UNION ALL
   MATCH (m:Municipality)-[:INTERESTED_IN]->(t:Topic) RETURN 'interests' AS part, [m.ags, t.slug] AS row
   UNION ALL
   MATCH (m:Municipality)-[x:TAKES_PART_IN]->(g:Programme)
   RETURN 'participations' AS part, [m.ags, g.id, x.group, coalesce(x.topics, []), coalesce(x.topicsOfProgramme, false)] AS row
   UNION ALL
   MATCH (m:Municipality)-[x:USES]->(s:Solution)
   RETURN 'uses' AS part, [m.ags, s.id, coalesce(x.topics, []), x.date, coalesce(x.isOrigin, false)] AS row
   UNION ALL
   MATCH (s:Solution)-[:ORIGINATED_IN]->(o:Municipality) RETURN 'origins' AS part, [s.id, o.ags] AS row
   UNION ALL
   // Attendance and links people recorded or the import sourced; never the generated demonstration layer.
   MATCH (m:Municipality)-[a:ATTENDED]->(e:Event) WHERE a.generated IS NULL RETURN 'attended' AS part, [m.ags, e.id] AS row
   UNION ALL
   MATCH (a:Municipality)-[x:EXCHANGES_WITH]->(b:Municipality) WHERE x.generated IS NULL AND a <> b
   RETURN 'links' AS part, [a.ags, b.ags, x.kind, x.since] AS row
   UNION ALL
   MATCH (s:Topic)-[:SUBTOPIC_OF]->(f:Topic) RETURN 'parents' AS part, [s.slug, f.slug] AS row`,
);

/** One streamed row: the part's name and its values. */
export interface NetworkPartRow {
  part: string;
  row: unknown[];
}

/** The year a date-like value starts with ('2023', '2019-08', 2020), or null. */
export function yearOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  const m = typeof value === 'string' ? /^(\d{4})/.exec(value) : null;
  return m ? Number(m[1]) : null;
}

/**
 * The network's input from NETWORK's rows, with its link facts: every exchange link (a pair, once per kind),
 * every project run by two or more municipalities (all its runners' pairs: one fact), every adoption of a
 * solution by another municipality than its origin. Gives other requests a turn every 20 ms.
 */
export async function networkInputOf(rows: readonly NetworkPartRow[]): Promise<NetworkInput & { version: number | null }> {
  const pace = pacer();
  const out: NetworkInput & { version: number | null } = { units: [], runs: [], interests: [], participations: [], uses: [], origins: [], attended: [], facts: [], parents: [], version: null };
  const cohortOf = new Map<string, number | null>();
  const usesRows: [string, string, string[], unknown, boolean][] = [];
  const links: [string, string, string, unknown][] = [];
  for (const { part, row } of rows) {
    await pace();
    if (part === 'version') out.version = row[0] as number | null;
    else if (part === 'units') {
      const [ags, kind, population, sizeClass, urbanisation, state, lat, lon] = row as [string, string, number | null, string | null, string | null, string | null, number | null, number | null];
      out.units.push({ ags, kind, population, sizeClass, urbanisation, state, lat, lon } satisfies Unit);
    } else if (part === 'runs') {
      const [ags, project, topics, cohort] = row as [string, string, string[], unknown];
      out.runs.push([ags, project, topics]);
      cohortOf.set(project, yearOf(cohort));
    } else if (part === 'interests') out.interests.push(row as [string, string]);
    else if (part === 'participations') out.participations.push(row as [string, string, string | null, string[], boolean]);
    else if (part === 'uses') usesRows.push(row as [string, string, string[], unknown, boolean]);
    else if (part === 'origins') out.origins.push(row as [string, string]);
    else if (part === 'attended') out.attended.push(row as [string, string]);
    else if (part === 'links') links.push(row as [string, string, string, unknown]);
    else if (part === 'parents') out.parents.push(row as [string, string]);
  }
  out.units.sort((a, b) => (a.ags < b.ags ? -1 : a.ags > b.ags ? 1 : 0));
  out.uses = usesRows.map(([ags, solution, topics]) => [ags, solution, topics]);

  const facts = new Map<string, LinkFact>();
  const pair = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);
  for (const [a, b, kind, since] of links) {
    const [x, y] = pair(a, b);
    const id = `exchange:${x}|${y}|${kind}`;
    const year = yearOf(since);
    const known = facts.get(id);
    if (!known) facts.set(id, { id, kind: 'EXCHANGE', pairs: [[x, y]], year, ...(kind === 'TRANSFER' ? { transfer: { from: a, to: b } } : {}) });
    else if (year !== null && (known.year === null || year < known.year)) known.year = year;
  }
  const runnersOf = new Map<string, string[]>();
  for (const [ags, project] of out.runs) (runnersOf.get(project) ?? runnersOf.set(project, []).get(project)!).push(ags);
  for (const [project, runners] of runnersOf) {
    if (runners.length < 2) continue;
    const sorted = [...new Set(runners)].sort();
    const pairs: [string, string][] = [];
    for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) pairs.push([sorted[i]!, sorted[j]!]);
    facts.set(`project:${project}`, { id: `project:${project}`, kind: 'JOINT_PROJECT', pairs, year: cohortOf.get(project) ?? null, project });
  }
  const originOf = new Map(out.origins);
  for (const [adopter, solution, , date, isOrigin] of usesRows) {
    const origin = originOf.get(solution);
    if (!origin || origin === adopter || isOrigin) continue;
    const id = `adoption:${solution}|${adopter}`;
    facts.set(id, { id, kind: 'ADOPTION', pairs: [pair(adopter, origin)], year: yearOf(date), adoption: { solution, adopter } });
  }
  out.facts = [...facts.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  return out;
}
