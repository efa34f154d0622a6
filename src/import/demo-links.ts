// GENERATED demo links: who attended the programme's events and which
// exchange links exist are not public, so the demo can add an invented set
// to show what reach analytics do. Every relationship written here carries
// `generated: true`; nothing of it is a fact. Deterministic: a fixed seed
// gives the same set on every machine.
import { cypher } from '../db/cypher.js';
import type { Database } from '../db/database.js';
import { MODEL_PROJECTS_PROGRAMME } from '../records/project.model.js';

export const DEMO_SEED = 20220322;

/** A small seeded PRNG (mulberry32): the demo must be the same everywhere, Math.random is not seedable. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CANDIDATES = cypher(
  'demo.candidates',
  `MATCH (e:Event)-[r:HOSTED_BY]->(h:Municipality) WHERE h.location IS NOT NULL
   // One draw per event, around its main host; candidates in AGS order, so the seed decides alone.
   WITH e, h ORDER BY e.id, coalesce(r.rank, 0), h.ags
   WITH e, collect(h)[0] AS h
   CALL (e, h) {
     MATCH (m:Municipality) WHERE m.kind IN ['STADT', 'GEMEINDE', 'KREISFREIE_STADT', 'LANDKREIS']
       AND m.location IS NOT NULL AND point.distance(m.location, h.location) <= 150000 AND m <> h
     WITH m ORDER BY m.ags
     RETURN collect({ags: m.ags, km: point.distance(m.location, h.location) / 1000.0, population: coalesce(m.population, 0)}) AS nearby
   }
   RETURN e.id AS event, coalesce(e.participantCount, 60) AS participants, nearby`,
);

const RUNNERS = cypher(
  'demo.runners',
  `MATCH (m:Municipality)-[r:RUNS]->(p:Project {programme: $programme})
   WITH p, m ORDER BY p.id, CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.ags
   RETURN p.id AS project, collect(m.ags) AS runners ORDER BY project`,
);

// Never on top of a real link: a real attendance or exchange stays as it is, and is not removed with the demo.
const WRITE_ATTENDANCE = cypher(
  'demo.attendance',
  `UNWIND $rows AS r
   MATCH (m:Municipality {ags: r.ags}), (e:Event {id: r.event})
   WHERE NOT (m)-[:ATTENDED]->(e)
   CREATE (m)-[:ATTENDED {generated: true, dataset: $dataset}]->(e)
   RETURN count(*) AS created`,
);

const WRITE_EXCHANGES = cypher(
  'demo.exchanges',
  `UNWIND $rows AS r
   MATCH (a:Municipality {ags: r.from}), (b:Municipality {ags: r.to})
   WHERE a <> b AND NOT (a)-[:EXCHANGES_WITH {kind: r.kind}]->(b)
   CREATE (a)-[:EXCHANGES_WITH {kind: r.kind, since: r.since, topics: [], generated: true, dataset: $dataset}]->(b)
   RETURN count(*) AS created`,
);

const REMOVE = cypher(
  'demo.remove',
  `MATCH ()-[r:ATTENDED|EXCHANGES_WITH {generated: true}]->() DELETE r RETURN count(*) AS removed`,
);

/** Removes every generated link. */
export function removeDemoLinks(db: Database): Promise<number> {
  return db.write('demo.remove', async (tx) => {
    const [row] = await tx.run<{ removed: number }>(REMOVE);
    return row?.removed ?? 0;
  }, { derives: ['network'] });
}

const KINDS = ['ROLE_MODEL', 'KNOWLEDGE_EXCHANGE', 'JOINT_DEVELOPMENT', 'TRANSFER'] as const;

/**
 * Replaces the generated links with a fresh deterministic set: for each
 * event, attendees drawn from within 150 km of its host, nearer and larger
 * places likelier (about a third of the reported participants, each
 * representing a municipality); and exchange links between model-project
 * runners of different projects.
 */
export async function writeDemoLinks(db: Database): Promise<{ attendance: number; exchanges: number; removed: number }> {
  const random = prng(DEMO_SEED);
  return db.write(
    'demo.links',
    async (tx) => {
      const [removed] = await tx.run<{ removed: number }>(REMOVE);
      const attendance: { ags: string; event: string }[] = [];
      for (const { event, participants, nearby } of await tx.run<{ event: string; participants: number; nearby: { ags: string; km: number; population: number }[] }>(CANDIDATES)) {
        const wanted = Math.max(5, Math.round(participants / 3));
        const weighted = nearby
          .map((n) => ({ ...n, key: random() ** (1 / (Math.log10(n.population + 10) / (1 + n.km / 30))) }))
          .sort((a, b) => b.key - a.key || a.ags.localeCompare(b.ags));
        for (const n of weighted.slice(0, wanted)) attendance.push({ ags: n.ags, event });
      }
      const projects = await tx.run<{ project: string; runners: string[] }>(RUNNERS, { programme: MODEL_PROJECTS_PROGRAMME });
      const exchanges: { from: string; to: string; kind: string; since: string }[] = [];
      for (let i = 0; i < projects.length; i++) {
        for (let j = i + 1; j < projects.length; j++) {
          if (random() >= 0.04) continue;
          const from = projects[i]!.runners[0]!;
          const to = projects[j]!.runners[0]!;
          const since = `${2022 + Math.floor(random() * 4)}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-01`;
          exchanges.push({ from, to, kind: KINDS[Math.floor(random() * KINDS.length)]!, since });
        }
      }
      const [attended] = await tx.run<{ created: number }>(WRITE_ATTENDANCE, { rows: attendance, dataset: `demo-${DEMO_SEED}` });
      const [exchanged] = await tx.run<{ created: number }>(WRITE_EXCHANGES, { rows: exchanges, dataset: `demo-${DEMO_SEED}` });
      return { attendance: attended?.created ?? 0, exchanges: exchanged?.created ?? 0, removed: removed?.removed ?? 0 };
    },
    { timeoutMs: 120_000, derives: ['network'] },
  );
}
