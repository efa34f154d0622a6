// Cypher for the reach graph: the snapshot the analytics run on, and the
// version counter that writes bump so a cached snapshot knows it is stale.
import { worksOn } from '../../records/topic.js';
import { cypher } from '../../db/cypher.js';
import type { Database } from '../../db/database.js';
import { READ_DATA_VERSION } from '../../db/data-version.js';
import type { MunicipalityKind, SizeClass, State } from '../../generated/graphql.js';
import { latestDay } from '../../kernel/partial-date.js';
import type { AbroadLink, ExchangeLink, Group, MunicipalityMeta, Snapshot } from './reach.compute.js';

// The data version (src/db/data-version.ts): writes that change runners, attendance, hosts, exchange links,
// dates or topics declare `derives: ['network']`, which moves it.
const VERSION = READ_DATA_VERSION;

// Every municipality with what the breakdowns need (one pass over the label: once per snapshot, not per request).
const MUNICIPALITIES = cypher(
  'reach.snapshot.municipalities',
  `MATCH (m:Municipality)
   OPTIONAL MATCH (m)-[:PART_OF]->(k:Municipality {kind: 'LANDKREIS'})
   RETURN m.ags AS ags, m.name AS name, m.kind AS kind, m.state AS state, coalesce(m.population, 0) AS population,
          m.sizeClass AS sizeClass,
          CASE WHEN m.kind IN ['LANDKREIS', 'KREISFREIE_STADT'] THEN m.ags ELSE k.ags END AS kreis`,
);

// Projects date from their start, else from their cohort year (a year: counted from its end); events from their day.
// Hosts take part in their events.
const GROUPS = cypher(
  'reach.snapshot.groups',
  `CALL () {
     MATCH (p:Project)<-[:RUNS]-(m:Municipality)
     RETURN 'PROJECT' AS kind, p.id AS id,
            coalesce(toString(p.startDate), toString(p.cohort)) AS date,
            collect(DISTINCT m.ags) AS members, p.programme AS programme, [] AS generated
     UNION
     MATCH (e:Event)
     OPTIONAL MATCH (e)<-[r:ATTENDED]-(a:Municipality)
     WITH e, collect(DISTINCT CASE WHEN r.generated IS NULL THEN a.ags END) AS attendees,
          collect(DISTINCT CASE WHEN r.generated THEN a.ags END) AS generated
     OPTIONAL MATCH (e)-[:HOSTED_BY]->(h:Municipality)
     WITH e, attendees, generated, collect(DISTINCT h.ags) AS hosts
     WITH e, attendees + hosts AS members, generated
     RETURN 'EVENT' AS kind, e.id AS id, toString(coalesce(e.startsOn, date(e.startsAt))) AS date, members, null AS programme, generated
   }
   RETURN kind, id, date, members, programme, coalesce(generated, []) AS generatedMembers ORDER BY kind, id`,
);

const EXCHANGES = cypher(
  'reach.snapshot.exchanges',
  `MATCH (a:Municipality)-[x:EXCHANGES_WITH]->(b:Municipality)
   RETURN a.ags AS from, b.ags AS to, x.kind AS kind, toString(x.since) AS since, x.generated IS NOT NULL AS generated ORDER BY from, to, kind`,
);

// The groups of the programmes (members of one inter-municipal group of one programme, e.g. the
// Steinwald-Allianz in Digitales Dorf Bayern), dated by the group's first stated year (counted from its end). The
// model-project programme's groups are its projects, counted as PROJECT.
const PROGRAMME_GROUPS = cypher(
  'reach.snapshot.programmeGroups',
  `MATCH (m:Municipality)-[x:TAKES_PART_IN]->(g:Programme) WHERE x.group IS NOT NULL
   WITH g, x.group AS grp, collect(DISTINCT m.ags) AS members, min(x.yearFrom) AS year
   WHERE size(members) > 1
   RETURN 'PROGRAMME_GROUP' AS kind, g.id + ':' + grp AS id, toString(year) AS date,
          members, g.id AS programme, [] AS generatedMembers ORDER BY id`,
);

// Solutions: an adoption from its named origin (SOLUTION), and every two users (SHARED_SOLUTION), in use or
// once used — a planned use or a mere partnership membership is no link. Dated as precisely as the source
// gives it, at the last day it can mean; a pair by the later of its two dates, undated when either is.
const SOLUTION_LINKS = cypher(
  'reach.snapshot.solutionLinks',
  `MATCH (s:Solution)<-[u:USES]-(m:Municipality) WHERE u.status IN ['LIVE', 'PILOT', 'ENDED']
   WITH s, collect({ags: m.ags, date: u.date, origin: coalesce(u.isOrigin, false)}) AS users
   OPTIONAL MATCH (s)-[:ORIGINATED_IN]->(o:Municipality)
   RETURN s.id AS solution, o.ags AS origin, users ORDER BY solution`,
);

// Links with cities abroad: outside the German reach graph, reported beside it.
const ABROAD = cypher(
  'reach.snapshot.abroad',
  `MATCH (m:Municipality)-[x:EXCHANGES_WITH]-(o:Organization {kind: 'CITY_ABROAD'})
   RETURN m.ags AS ags, o.id AS partner, x.kind AS kind, toString(x.since) AS since ORDER BY ags, partner, kind`,
);

const TOPICS = cypher(
  'reach.snapshot.topics',
  `${worksOn()}
   RETURN m.ags AS ags, collect(t.slug) AS slugs`,
);

const SNAPSHOT_TIMEOUT_MS = 120_000;

interface SolutionUsers {
  solution: string;
  origin: string | null;
  users: { ags: string; date: string | null; origin: boolean }[];
}

/** The SOLUTION and SHARED_SOLUTION links of the solutions' users, each pair once, in a stable order. */
export function solutionLinks(rows: readonly SolutionUsers[]): ExchangeLink[] {
  const links: ExchangeLink[] = [];
  for (const { solution, origin, users } of rows) {
    const sorted = [...users].sort((a, b) => (a.ags < b.ags ? -1 : 1));
    for (const u of sorted) {
      if (origin !== null && !u.origin && u.ags !== origin) links.push({ from: origin, to: u.ags, kind: 'SOLUTION', since: latestDay(u.date), generated: false, solution });
    }
    for (let i = 0; i < sorted.length; i++) {
      for (let j = i + 1; j < sorted.length; j++) {
        const [a, b] = [latestDay(sorted[i]!.date), latestDay(sorted[j]!.date)];
        links.push({ from: sorted[i]!.ags, to: sorted[j]!.ags, kind: 'SHARED_SOLUTION', since: a === null || b === null ? null : a > b ? a : b, generated: false, solution });
      }
    }
  }
  return links;
}

export function reachRepository(db: Database) {
  return {
    version: () => db.read('reach.version', async (tx) => (await tx.run<{ version: number }>(VERSION))[0]?.version ?? 0),

    /**
     * Everything the analytics need, read in one transaction so it is consistent.
     * A bulk read of every municipality, done once per data version: it gets a
     * job's timeout, not a request's (just after an import, on cold caches, it
     * took longer than the 15 s request default).
     */
    snapshot: () =>
      db.read('reach.snapshot', async (tx): Promise<Snapshot> => {
        const [version] = await tx.run<{ version: number }>(VERSION);
        const municipalities = new Map<string, MunicipalityMeta>();
        for (const m of await tx.run<{ ags: string; name: string; kind: MunicipalityKind; state: State; population: number; sizeClass: SizeClass | null; kreis: string | null }>(MUNICIPALITIES)) {
          municipalities.set(m.ags, { ...m, kreis: m.kreis ?? null });
        }
        // Sorted members: the same data always gives the same graph, and Louvain the same communities.
        const groups = (await tx.run<Group>(GROUPS)).map((g) => ({
          ...g,
          members: [...new Set(g.members)].filter((m) => m !== null).sort(),
          generatedMembers: [...new Set(g.generatedMembers)].filter((m) => m !== null).sort(),
        }));
        groups.push(...(await tx.run<Group>(PROGRAMME_GROUPS)).map((g) => ({ ...g, members: [...g.members].sort() })));
        const exchanges = [...(await tx.run<ExchangeLink>(EXCHANGES)), ...solutionLinks(await tx.run<SolutionUsers>(SOLUTION_LINKS))];
        const abroad = await tx.run<AbroadLink>(ABROAD);
        const topicsOf = new Map((await tx.run<{ ags: string; slugs: string[] }>(TOPICS)).map((r) => [r.ags, r.slugs]));
        return { version: version?.version ?? 0, loadedAt: new Date().toISOString(), municipalities, groups, exchanges, abroad, topicsOf };
      }, { timeoutMs: SNAPSHOT_TIMEOUT_MS }),
  };
}

export type ReachRepository = ReturnType<typeof reachRepository>;
