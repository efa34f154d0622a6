// The import's writes for what municipalities do beyond the model projects:
// programmes and participations, re-usable solutions and their users,
// contact points of the projects, index ranks. Nodes are MERGEd on their key
// and carry `source: 'import'`; an imported node or link the sources no longer
// have goes, and links made through the API (no `source: 'import'`) stay.
import { cypher } from '../db/cypher.js';

export const MERGE_PROGRAMMES = cypher(
  'import.programmes',
  `UNWIND $rows AS r
   MERGE (g:Programme {id: r.slug})
   SET g += r.props, g.source = 'import'`,
);
export const DROP_STALE_PROGRAMMES = cypher(
  'import.dropStaleProgrammes',
  "MATCH (g:Programme {source: 'import'}) WHERE NOT g.id IN $slugs DETACH DELETE g",
);

// Participations are replaced as a whole: a row's key (programme, municipality, group, cohort) can change with a correction.
export const DROP_IMPORTED_PARTICIPATIONS = cypher('import.dropParticipations', "MATCH ()-[x:TAKES_PART_IN {source: 'import'}]->() DELETE x");
export const CREATE_PARTICIPATIONS = cypher(
  'import.participations',
  `UNWIND $rows AS r
   MATCH (m:Municipality {ags: r.ags}), (g:Programme {id: r.programme})
   CREATE (m)-[x:TAKES_PART_IN]->(g)
   SET x += r.props, x.source = 'import'`,
);

export const MERGE_SOLUTIONS = cypher(
  'import.solutions',
  `UNWIND $rows AS r
   MERGE (s:Solution {id: r.slug})
   SET s += r.props, s.source = 'import'
   WITH s, r
   CALL (s, r) { MATCH (s)-[old:ORIGINATED_IN]->(m) WHERE m.ags <> coalesce(r.origin, '') DELETE old }
   CALL (s, r) { MATCH (m:Municipality {ags: r.origin}) MERGE (s)-[:ORIGINATED_IN]->(m) }`,
);
export const DROP_STALE_SOLUTIONS = cypher(
  'import.dropStaleSolutions',
  "MATCH (s:Solution {source: 'import'}) WHERE NOT s.id IN $slugs DETACH DELETE s",
);
export const DROP_IMPORTED_USES = cypher('import.dropUses', "MATCH ()-[x:USES {source: 'import'}]->() DELETE x");
export const CREATE_USES = cypher(
  'import.uses',
  `UNWIND $rows AS r
   MATCH (m:Municipality {ags: r.ags}), (s:Solution {id: r.solution})
   CREATE (m)-[x:USES]->(s)
   SET x += r.props, x.source = 'import'`,
);

// A contact point belongs to its project and to the runners whose office it is (in the source's order).
export const MERGE_CONTACT_POINTS = cypher(
  'import.contactPoints',
  `UNWIND $rows AS r
   MATCH (p:Project {id: r.project})
   MERGE (c:ContactPoint {id: r.slug})
   SET c += r.props, c.source = 'import'
   WITH c, p, r
   CALL (c, p) { MATCH (c)<-[old:CONTACT_POINT]-(other:Project) WHERE other <> p DELETE old }
   MERGE (p)-[:CONTACT_POINT]->(c)
   WITH c, r
   CALL (c) { MATCH (c)-[old:OFFICE_OF]->() DELETE old }
   CALL (c, r) {
     UNWIND range(0, size(r.municipalities) - 1) AS rank
     MATCH (m:Municipality {ags: r.municipalities[rank]})
     CREATE (c)-[:OFFICE_OF {rank: rank}]->(m)
   }`,
);
export const DROP_STALE_CONTACT_POINTS = cypher(
  'import.dropStaleContactPoints',
  "MATCH (c:ContactPoint {source: 'import'}) WHERE NOT c.id IN $slugs DETACH DELETE c",
);

export const MERGE_INDEX_RANKS = cypher(
  'import.indexRanks',
  `UNWIND $rows AS r
   MATCH (m:Municipality {ags: r.ags})
   MERGE (x:IndexRank {id: r.slug})
   SET x += r.props, x.source = 'import'
   MERGE (x)-[:RANKS]->(m)`,
);
export const DROP_STALE_INDEX_RANKS = cypher(
  'import.dropStaleIndexRanks',
  "MATCH (x:IndexRank {source: 'import'}) WHERE NOT x.id IN $slugs DETACH DELETE x",
);
