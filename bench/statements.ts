// The floor statements written wholly in Cypher: the best single statement for
// R1 (peers, scored in the database) and R4 (reach within two hops). a0 and a1
// run them, and the peer (c) holds them in `@cypher` fields, since
// @neo4j/graphql cannot express either request natively.
import { cypher } from '../src/db/cypher.js';

// Every municipality's profile (direct topics weigh 1, the field of action above a direct sub-topic 0.5),
// the rarity (IDF) of every topic over all profiles, and the weighted Jaccard similarity of each candidate
// that shares a topic with the asker — the rule of src/modules/discovery/discovery.scoring.ts, in Cypher.
export const PEERS_IN_CYPHER = `MATCH (a:Municipality {ags: $ags})
CALL () {
  CALL () {
    MATCH (t:Topic)<-[:ADDRESSES]-(:Project)<-[:RUNS]-(m:Municipality) RETURN m, t
    UNION
    MATCH (t:Topic)<-[:INTERESTED_IN]-(m:Municipality) RETURN m, t
  }
  WITH m, collect(t) AS direct
  WITH m, direct, COLLECT { UNWIND direct AS t MATCH (t)-[:SUBTOPIC_OF]->(f:Topic) WHERE NOT f IN direct RETURN DISTINCT f.slug } AS fields
  RETURN collect({key: m.ags, node: m, profile: [t IN direct | {slug: t.slug, w: 1.0}] + [s IN fields | {slug: s, w: 0.5}]}) AS profiles
}
WITH a, profiles, toFloat(size(profiles)) AS n
CALL (profiles, n) {
  UNWIND profiles AS p
  UNWIND p.profile AS e
  WITH n, e.slug AS slug, count(*) AS df
  RETURN collect({slug: slug, idf: log((1 + n) / (1 + df)) + 1}) AS idfs
}
WITH a, profiles, idfs, coalesce([p IN profiles WHERE p.key = a.ags | p.profile][0], []) AS own
WITH a, profiles, idfs, own, [e IN own | e.slug] AS ownSlugs
UNWIND profiles AS p
WITH a, idfs, own, ownSlugs, p WHERE p.key <> a.ags AND any(e IN p.profile WHERE e.slug IN ownSlugs)
WITH a, p, [s IN ownSlugs + [e IN p.profile WHERE NOT e.slug IN ownSlugs | e.slug] | {
       slug: s,
       wa: coalesce([e IN own WHERE e.slug = s][0].w, 0.0),
       wb: coalesce([e IN p.profile WHERE e.slug = s][0].w, 0.0),
       idf: [x IN idfs WHERE x.slug = s][0].idf}] AS terms
WITH a, p, terms, reduce(u = 0.0, t IN terms | u + CASE WHEN t.wa > t.wb THEN t.wa ELSE t.wb END * t.idf) AS union
WITH a, p, COLLECT {
       UNWIND terms AS t
       WITH t WHERE t.wa > 0 AND t.wb > 0
       WITH t.slug AS slug, CASE WHEN t.wa < t.wb THEN t.wa ELSE t.wb END * t.idf / union AS weight
       RETURN {slug: slug, weight: weight} ORDER BY weight DESC, slug
     } AS shared
WITH a, p, shared, reduce(s = 0.0, x IN shared | s + x.weight) AS score
WHERE score > 0
WITH a, p, shared, score ORDER BY score DESC, p.key
WITH a, collect({key: p.key, node: p.node, shared: shared, score: score}) AS ranked
RETURN size(ranked) AS totalCount, [r IN ranked[0..$first] | {
  ags: r.key, score: r.score, sizeClass: r.node.sizeClass, sharedTopics: r.shared,
  distanceKm: CASE WHEN a.location IS NULL OR r.node.location IS NULL THEN null ELSE point.distance(a.location, r.node.location) / 1000.0 END
}] AS edges`;

export const R1_FLOOR = cypher('bench.r1', PEERS_IN_CYPHER);

// The municipalities one hop from `x` as of $asOf: those running a project with it, attending or hosting an
// event with it, or holding an exchange link with it (either direction); undated links always count.
const NEIGHBOURS = (x: string) => `CALL (${x}) {
    MATCH (${x})-[:RUNS]->(p:Project)<-[:RUNS]-(n:Municipality)
    WITH n, coalesce(toString(p.startDate), toString(p.cohort) + '-01-01') AS day WHERE day IS NULL OR left(day, 10) <= $asOf
    RETURN n
    UNION
    MATCH (${x})-[:ATTENDED|HOSTED_BY]-(e:Event)-[:ATTENDED|HOSTED_BY]-(n:Municipality)
    WHERE e.startsAt IS NULL OR toString(date(e.startsAt)) <= $asOf
    RETURN n
    UNION
    MATCH (${x})-[l:EXCHANGES_WITH]-(n:Municipality)
    WHERE l.since IS NULL OR left(toString(l.since), 10) <= $asOf
    RETURN n
  }`;

// Reach within two hops of a municipality, counted over Gemeinden (towns, Gemeinden, kreisfreie Städte):
// reached, total and population, overall and per Land — the rule of src/modules/reach/reach.compute.ts.
export const REACH_IN_CYPHER = `MATCH (s:Municipality {ags: $ags})
CALL (s) {
  ${NEIGHBOURS('s')}
  RETURN collect(DISTINCT n) AS hop1
}
WITH s, [n IN hop1 WHERE n <> s] AS hop1
WITH s, hop1, COLLECT {
  UNWIND hop1 AS x
  ${NEIGHBOURS('x')}
  WITH DISTINCT n WHERE n <> s AND NOT n IN hop1
  RETURN n
} AS hop2
WITH [s] + hop1 + hop2 AS reached
CALL () {
  MATCH (g:Municipality) WHERE g.kind IN ['STADT', 'GEMEINDE', 'KREISFREIE_STADT']
  RETURN g.state AS state, count(*) AS total, sum(coalesce(g.population, 0)) AS populationTotal ORDER BY state
}
WITH reached, state, total, populationTotal,
     [m IN reached WHERE m.state = state AND m.kind IN ['STADT', 'GEMEINDE', 'KREISFREIE_STADT']] AS here
WITH reached, collect({key: state, reached: size(here), total: total,
                       populationReached: reduce(n = 0, m IN here | n + coalesce(m.population, 0)), populationTotal: populationTotal}) AS byState
RETURN size(reached) AS reachedCount, byState,
       reduce(all = {reached: 0, total: 0, populationReached: 0, populationTotal: 0}, b IN byState | {
         reached: all.reached + b.reached, total: all.total + b.total,
         populationReached: all.populationReached + b.populationReached, populationTotal: all.populationTotal + b.populationTotal}) AS municipalities`;

export const R4_FLOOR = cypher('bench.r4', REACH_IN_CYPHER);
