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

// A project an earlier slug rule keyed takes its new key before the MERGE, with its links and what the
// API added to it (unless a node with the new key exists already).
export const RENAME_PROJECTS = cypher(
  'import.renameProjects',
  `UNWIND $rows AS r
   UNWIND r.formerSlugs AS former
   MATCH (p:Project {id: former}) WHERE NOT EXISTS { MATCH (:Project {id: r.slug}) }
   SET p.id = r.slug`,
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

// Events: dated ones keep \`startsAt\` (midnight UTC of their day) as before; standing formats have none.
export const MERGE_EVENTS = cypher(
  'import.events',
  `UNWIND $rows AS r
   MERGE (e:Event {id: r.slug})
   SET e += r.props,
       e.startsAt = CASE WHEN r.startsOn IS NULL THEN null ELSE datetime(r.startsOn + 'T00:00:00Z') END,
       e.startsOn = date(r.startsOn), e.endsOn = date(r.endsOn), e.standing = r.startsOn IS NULL
   WITH e, r
   CALL (e, r) { MATCH (e)-[old:HOSTED_BY {source: 'events'}]->(x) WHERE NOT coalesce(x.ags, x.id) IN [h IN r.hosts | coalesce(h.ags, h.organization)] DELETE old }
   CALL (e, r) { MATCH (e)-[old:COVERS {source: 'events'}]->(t) WHERE NOT t.slug IN [x IN r.topics | x.slug] DELETE old }
   CALL (e, r) { MATCH (e)<-[old:ATTENDED {source: 'events'}]-(x) WHERE NOT coalesce(x.ags, x.id) IN [a IN r.attendance | coalesce(a.ags, a.organization)] DELETE old }
   CALL (e, r) {
     UNWIND range(0, size(r.hosts) - 1) AS rank
     WITH rank, r.hosts[rank] AS h
     OPTIONAL MATCH (m:Municipality {ags: h.ags})
     OPTIONAL MATCH (o:Organization {id: h.organization})
     WITH rank, coalesce(m, o) AS host WHERE host IS NOT NULL
     MERGE (e)-[link:HOSTED_BY]->(host)
     SET link.rank = rank, link.source = 'events'
   }
   CALL (e, r) {
     UNWIND r.topics AS x
     MATCH (t:Topic {slug: x.slug})
     MERGE (e)-[c:COVERS]->(t)
     SET c.sourceLabels = x.labels, c.source = 'events'
   }
   CALL (e, r) {
     UNWIND r.attendance AS a
     OPTIONAL MATCH (m:Municipality {ags: a.ags})
     OPTIONAL MATCH (o:Organization {id: a.organization})
     WITH a, coalesce(m, o) AS who WHERE who IS NOT NULL
     MERGE (who)-[link:ATTENDED {source: 'events'}]->(e)
     SET link += a.props
     // A sourced attendance replaces a generated one of the same pair.
     WITH who
     MATCH (who)-[g:ATTENDED {generated: true}]->(e)
     DELETE g
   }`,
);

// Measures belong to the import (no mutation makes them): one the source no longer has goes.
export const MERGE_MEASURES = cypher(
  'import.measures',
  `UNWIND $rows AS r
   MERGE (m:Measure {id: r.slug})
   SET m += r.props, m.source = 'import'
   WITH m, r
   CALL (m, r) { MATCH (m)-[old:PART_OF {source: 'measures'}]->(p) WHERE p.id <> coalesce(r.project, '') DELETE old }
   CALL (m, r) { MATCH (m)-[old:ADDRESSES {source: 'measures'}]->(t) WHERE NOT t.slug IN [x IN r.topics | x.slug] DELETE old }
   CALL (m, r) { MATCH (p:Project {id: r.project}) MERGE (m)-[l:PART_OF]->(p) SET l.source = 'measures' }
   CALL (m, r) {
     UNWIND r.topics AS x
     MATCH (t:Topic {slug: x.slug})
     MERGE (m)-[a:ADDRESSES]->(t)
     SET a.basis = x.basis, a.sourceLabels = x.labels, a.source = 'measures'
   }`,
);

export const DROP_STALE_MEASURES = cypher(
  'import.dropStaleMeasures',
  "MATCH (m:Measure {source: 'import'}) WHERE NOT m.id IN $slugs DETACH DELETE m",
);

export const MERGE_CITIES_ABROAD = cypher(
  'import.citiesAbroad',
  `UNWIND $rows AS r
   MERGE (o:Organization {id: r.slug})
   SET o += r.props, o.kind = 'CITY_ABROAD', o.source = 'import'`,
);

// Imported exchange links carry \`source: 'import'\`: a re-import replaces all of them and leaves
// links made through the API and generated ones alone. Either end may be a city abroad. \`since\` is the
// source's text at its precision (\`2023\`, \`2023-10-23\`), a string like every link's (migration 9).
export const DROP_IMPORTED_EXCHANGES = cypher('import.dropExchanges', "MATCH ()-[x:EXCHANGES_WITH {source: 'import'}]->() DELETE x");
export const CREATE_EXCHANGES = cypher(
  'import.exchanges',
  `UNWIND $rows AS r
   OPTIONAL MATCH (fm:Municipality {ags: r.from.ags})
   OPTIONAL MATCH (fo:Organization {id: r.from.organization})
   OPTIONAL MATCH (tm:Municipality {ags: r.to.ags})
   OPTIONAL MATCH (to:Organization {id: r.to.organization})
   WITH r, coalesce(fm, fo) AS a, coalesce(tm, to) AS b WHERE a IS NOT NULL AND b IS NOT NULL
   CREATE (a)-[x:EXCHANGES_WITH]->(b)
   SET x += r.props, x.since = r.since, x.source = 'import'`,
);

// The register itself: its reference dates and the file, for the API and the next import's comparison.
export const SET_REGISTER = cypher(
  'import.register',
  `MERGE (g:Register {id: 'register'})
   // The same file imported again changes nothing, not even the day it was first imported.
   WITH g, g.sha256 = $props.sha256 AND g.importedAt IS NOT NULL AS same
   SET g += $props, g.territoryDate = date($territoryDate), g.populationDate = date($populationDate),
       g.importedAt = CASE WHEN same THEN g.importedAt ELSE datetime() END`,
);

// What the previous import left: keys, names and seats, to say which keys appeared and disappeared.
export const REGISTER_UNITS = cypher(
  'import.registerUnits',
  `MATCH (m:Municipality) WHERE m.kind IN ['STADT', 'GEMEINDE', 'KREISFREIE_STADT', 'LANDKREIS', 'VERBAND', 'LAND']
   RETURN m.ags AS ags, m.name AS name, m.kind AS kind, m.location.latitude AS lat, m.location.longitude AS lon,
          COUNT { (m)-[r]-() WHERE NOT type(r) IN ['PART_OF', 'MEMBER_OF'] } AS links`,
);

// A key the register no longer has is no municipality any more: it goes, with its links (the report lists them).
export const DROP_UNITS = cypher('import.dropUnits', 'UNWIND $keys AS k MATCH (m:Municipality {ags: k}) DETACH DELETE m');

export const COUNT_IMPORTED = cypher(
  'import.count',
  `RETURN COUNT { (m:Municipality) } AS municipalities, COUNT { (t:Topic) } AS topics,
          COUNT { (p:Project) } AS projects, COUNT { (e:Event) } AS events, COUNT { (x:Measure) } AS measures,
          COUNT { ()-[:EXCHANGES_WITH {source: 'import'}]->() } AS exchanges`,
);

export const IS_EMPTY = cypher('import.isEmpty', 'RETURN NOT EXISTS { MATCH (:Municipality) } AS empty');
