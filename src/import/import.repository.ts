// The import's writes: MERGE on every key, in UNWIND batches, all inside one
// transaction, so a second run changes nothing and a failed run changes nothing.
import { cypher } from '../db/cypher.js';

export const MERGE_MUNICIPALITIES = cypher(
  'import.municipalities',
  `UNWIND $rows AS r
   MERGE (m:Municipality {ags: r.ags})
   SET m += r.props,
       m.location = CASE WHEN r.lat IS NULL THEN null ELSE point({latitude: r.lat, longitude: r.lon}) END`,
);

// Replaces a unit's PART_OF and MEMBER_OF links with the register's (a re-import after a territorial reform moves them).
export const LINK_MUNICIPALITIES = cypher(
  'import.municipalityLinks',
  `UNWIND $rows AS r
   MATCH (m:Municipality {ags: r.ags})
   OPTIONAL MATCH (m)-[old:PART_OF|MEMBER_OF]->(other) WHERE NOT (
     (type(old) = 'PART_OF' AND other.ags = coalesce(r.parent, '')) OR (type(old) = 'MEMBER_OF' AND other.ags = coalesce(r.verband, '')))
   DELETE old
   WITH DISTINCT m, r
   CALL (m, r) { MATCH (p:Municipality {ags: r.parent}) MERGE (m)-[:PART_OF]->(p) }
   CALL (m, r) { MATCH (v:Municipality {ags: r.verband}) MERGE (m)-[:MEMBER_OF]->(v) }`,
);

// Links the import made carry \`source\`: a re-import replaces those (a corrected source removes a
// wrong link) and leaves links made through the API alone.
export const MERGE_TOPICS = cypher(
  'import.topics',
  `UNWIND $rows AS r
   MERGE (t:Topic {slug: r.slug})
   SET t.name = r.name, t.nameEn = r.nameEn, t.taxonomy = 'smart-city-graph'
   WITH t, r
   CALL (t, r) { MATCH (t)-[old:SUBTOPIC_OF {source: 'taxonomy'}]->(p) WHERE p.slug <> coalesce(r.parent, '') DELETE old }
   CALL (t, r) { MATCH (p:Topic {slug: r.parent}) MERGE (t)-[s:SUBTOPIC_OF]->(p) SET s.source = 'taxonomy' }`,
);

export const MERGE_PROJECTS = cypher(
  'import.projects',
  `UNWIND $rows AS r
   MERGE (p:Project {id: r.slug})
   SET p += r.props
   WITH p, r
   CALL (p, r) { MATCH (p)-[old:ADDRESSES {source: 'mpsc'}]->(t) WHERE NOT t.slug IN [x IN r.topics | x.slug] DELETE old }
   CALL (p, r) { MATCH (p)<-[old:RUNS {source: 'mpsc'}]-(m) WHERE NOT m.ags IN [x IN r.runners | x.ags] DELETE old }
   CALL (p, r) {
     UNWIND r.topics AS x
     MATCH (t:Topic {slug: x.slug})
     MERGE (p)-[a:ADDRESSES]->(t)
     SET a.sourceLabels = x.labels, a.source = 'mpsc'
   }
   CALL (p, r) {
     UNWIND r.runners AS x
     MATCH (m:Municipality {ags: x.ags})
     MERGE (m)-[run:RUNS]->(p)
     SET run.role = x.role, run.source = 'mpsc'
   }`,
);

export const MERGE_EVENTS = cypher(
  'import.events',
  `UNWIND $rows AS r
   MERGE (e:Event {id: r.slug})
   SET e += r.props, e.startsAt = datetime(r.startsAt)
   WITH e, r
   CALL (e, r) { MATCH (e)-[old:HOSTED_BY {source: 'events'}]->(m) WHERE NOT coalesce(m.ags, '') IN r.hosts DELETE old }
   CALL (e, r) { MATCH (e)-[old:COVERS {source: 'events'}]->(t) WHERE NOT t.slug IN [x IN r.topics | x.slug] DELETE old }
   CALL (e, r) {
     UNWIND range(0, size(r.hosts) - 1) AS rank
     MATCH (m:Municipality {ags: r.hosts[rank]})
     MERGE (e)-[h:HOSTED_BY]->(m)
     SET h.rank = rank, h.source = 'events'
   }
   CALL (e, r) {
     UNWIND r.topics AS x
     MATCH (t:Topic {slug: x.slug})
     MERGE (e)-[c:COVERS]->(t)
     SET c.sourceLabels = x.labels, c.source = 'events'
   }`,
);

export const COUNT_IMPORTED = cypher(
  'import.count',
  `RETURN COUNT { (m:Municipality) } AS municipalities, COUNT { (t:Topic) } AS topics,
          COUNT { (p:Project) } AS projects, COUNT { (e:Event) } AS events`,
);

export const IS_EMPTY = cypher('import.isEmpty', 'RETURN NOT EXISTS { MATCH (:Municipality) } AS empty');
