// The floor statements written wholly in Cypher: the best single statement for
// R1 (peers, scored in the database) and R4 (reach within two hops). a0 and a1
// run them, and the peer (c) holds them in `@cypher` fields, since
// @neo4j/graphql cannot express either request natively.
import { cypher } from '../src/db/cypher.js';

// Every municipality's profile — own projects' topics and declared interests weigh 1, a Gemeinde's
// Kreis's and Verband's project topics 0.5, a Kreis's Gemeinden's project topics 0.3, the field of action
// above each at half the weight, the highest weight per topic kept — the rarity (IDF) of every topic over
// all profiles, the weighted Jaccard similarity of each candidate that shares a topic with the asker, the
// structural similarity of the two, and score = 0.3 × topics + 0.7 × structure: the rules of
// src/features/discovery/discovery.scoring.ts (rankBy: BOTH, the default), in Cypher. (The keys the
// benchmark asks about all run a project, so the structure-only answer is not needed here.)
export const PEERS_IN_CYPHER = `MATCH (a:Municipality {ags: $ags})
CALL () {
  CALL () {
    MATCH (m:Municipality)-[:RUNS]->(:Project)-[:ADDRESSES]->(t:Topic) RETURN m, t, 1.0 AS w
    UNION
    MATCH (m:Municipality)-[:INTERESTED_IN]->(t:Topic) RETURN m, t, 1.0 AS w
    UNION
    MATCH (m:Municipality)-[link:PART_OF|MEMBER_OF]->(up:Municipality)-[:RUNS]->(:Project)-[:ADDRESSES]->(t:Topic)
    WHERE m.kind IN ['STADT', 'GEMEINDE'] AND ((type(link) = 'PART_OF' AND up.kind = 'LANDKREIS') OR (type(link) = 'MEMBER_OF' AND up.kind = 'VERBAND'))
    RETURN m, t, 0.5 AS w
    UNION
    MATCH (m:Municipality {kind: 'LANDKREIS'})<-[:PART_OF]-(g:Municipality)-[:RUNS]->(:Project)-[:ADDRESSES]->(t:Topic)
    WHERE g.kind IN ['STADT', 'GEMEINDE']
    RETURN m, t, 0.3 AS w
  }
  WITH m, t, max(w) AS w
  WITH m, collect({t: t, w: w}) AS direct
  WITH m, [d IN direct | {slug: d.t.slug, w: d.w}] + COLLECT { UNWIND direct AS d MATCH (x:Topic) WHERE x = d.t MATCH (x)-[:SUBTOPIC_OF]->(f:Topic) RETURN {slug: f.slug, w: d.w * 0.5} } AS entries
  WITH m, COLLECT { UNWIND entries AS e WITH e.slug AS slug, max(e.w) AS w RETURN {slug: slug, w: w} } AS profile
  RETURN collect({key: m.ags, node: m, profile: profile}) AS profiles
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
WITH a, p, shared, reduce(s = 0.0, x IN shared | s + x.weight) AS topicScore
WHERE topicScore > 0
WITH a, p, shared, topicScore, p.node AS m,
     CASE WHEN a.location IS NULL OR p.node.location IS NULL THEN null ELSE point.distance(a.location, p.node.location) / 1000.0 END AS distanceKm
WITH a, p, shared, topicScore, m, distanceKm,
     CASE WHEN coalesce(a.population, 0) = 0 OR coalesce(m.population, 0) = 0 THEN 0.0
          ELSE 1.0 - log(toFloat(CASE WHEN a.population > m.population THEN a.population ELSE m.population END)
                         / CASE WHEN a.population > m.population THEN m.population ELSE a.population END) / log(100.0) END AS popPart
WITH a, p, shared, topicScore, distanceKm,
     0.35 * CASE WHEN popPart > 0 THEN popPart ELSE 0.0 END
     + 0.15 * CASE WHEN a.sizeClass IS NOT NULL AND a.sizeClass = m.sizeClass THEN 1 ELSE 0 END
     + 0.15 * CASE WHEN a.urbanisation IS NOT NULL AND a.urbanisation = m.urbanisation THEN 1 ELSE 0 END
     + 0.15 * CASE WHEN (CASE WHEN a.kind IN ['STADT', 'GEMEINDE'] THEN 'GEMEINDE' ELSE a.kind END) = (CASE WHEN m.kind IN ['STADT', 'GEMEINDE'] THEN 'GEMEINDE' ELSE m.kind END) THEN 1 ELSE 0 END
     + 0.1 * CASE WHEN a.state IS NOT NULL AND a.state = m.state THEN 1 ELSE 0 END
     + 0.1 * CASE WHEN distanceKm IS NULL THEN 0.0 ELSE 1.0 / (1.0 + distanceKm / 100.0) END AS structure
WITH a, p, shared, distanceKm, 0.3 * topicScore + 0.7 * structure AS score
ORDER BY score DESC, p.key
WITH collect({key: p.key, node: p.node, shared: shared, score: score, distanceKm: distanceKm}) AS ranked
RETURN size(ranked) AS totalCount, [r IN ranked[0..$first] | {
  ags: r.key, score: r.score, sizeClass: r.node.sizeClass, sharedTopics: r.shared, distanceKm: r.distanceKm
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
