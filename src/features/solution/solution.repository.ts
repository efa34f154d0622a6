// Cypher for re-usable solutions and their users.
import { cypher } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import { perKey, readByKeys, readLists, UNWIND_KEYS } from '../../kernel/batch.js';
import { emptyPage, listPageStatement, pageOf, type PageRequest } from '../../kernel/connection.js';
import { capSlice } from '../../kernel/list-caps.js';
import type { SolutionUseStatus } from '../../generated/graphql.js';
import { solutionProjection as solution, toReusableSolution, toSolutionUse, type ReusableSolutionRecord, type SolutionUseRecord } from '../../records/solution.js';


const BY_SLUG = cypher('solution.bySlug', `MATCH (s:Solution) WHERE s.id IN $keys RETURN s.id AS key, ${solution('s')} AS node`);

// Most users first. A topic filter takes its sub-topics too.
const LIST = listPageStatement('solution.list', {
  node: 's',
  pattern: '(s:Solution)',
  where: `$topic IS NULL OR EXISTS {
            MATCH (s)<-[u:USES]-(:Municipality), (t:Topic) WHERE t.slug IN u.topics AND (t.slug = $topic OR (t)-[:SUBTOPIC_OF]->(:Topic {slug: $topic}))
          }`,
  sort: 'COUNT { (s)<-[:USES]-(:Municipality) }',
  direction: 'DESC',
  key: 's.id',
  projection: solution('s'),
});

const OF_MUNICIPALITY = cypher(
  'solution.ofMunicipality',
  `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key})-[x:USES]->(s:Solution)
   WITH i, m, x, s ORDER BY s.nameKey, s.id
   RETURN i, collect({solution: ${solution('s')}, municipality: m {.*}, link: x {.*}})${capSlice('Municipality.solutionsUsed')} AS items`,
);

// Every use of a solution with the filters of one page request, with the distance to the asker where one is
// given; the page is cut in memory (a solution has at most a few dozen named users).
const USERS = cypher(
  'solution.users',
  `${UNWIND_KEYS}
   MATCH (s:Solution {id: key.slug})
   OPTIONAL MATCH (a:Municipality {ags: key.nearestTo})
   CALL (s, a, key) {
     MATCH (s)<-[x:USES]-(m:Municipality) WHERE key.status IS NULL OR x.status = key.status
     RETURN m, x, CASE WHEN a.location IS NULL OR m.location IS NULL THEN null ELSE point.distance(a.location, m.location) / 1000.0 END AS km
   }
   WITH i, s, m, x, km ORDER BY m.nameKey, m.ags
   RETURN i, ${solution('s')} AS solution, collect({municipality: m {.*}, link: x {.*}, distanceKm: km}) AS items`,
);

export interface UsersKey {
  slug: string;
  nearestTo: string | null;
  status: SolutionUseStatus | null;
}

export type SolutionUserRecord = SolutionUseRecord & { distanceKm: number | null };

export function solutionRepository(db: Database) {
  return {
    bySlug: readByKeys(db, BY_SLUG, toReusableSolution),

    list: (topic: string | null, page: PageRequest) =>
      db.read('solution.list', async (tx) => {
        const [row] = await tx.run(LIST, { topic, limit: page.limit, after: page.after });
        return row ? pageOf(toReusableSolution)(row) : emptyPage<ReusableSolutionRecord>();
      }),

    ofMunicipality: readLists<SolutionUseRecord>(db, OF_MUNICIPALITY, toSolutionUse),

    users: (keys: readonly UsersKey[]) =>
      db.read(USERS.name, (tx) =>
        perKey(
          tx,
          USERS,
          keys,
          (r): SolutionUserRecord[] => (r.items as Row[]).map((item) => ({ ...toSolutionUse({ ...item, solution: r.solution }), distanceKm: (item.distanceKm as number | null) ?? null })),
          (): SolutionUserRecord[] => [],
        ),
      ),
  };
}

export type SolutionRepository = ReturnType<typeof solutionRepository>;
