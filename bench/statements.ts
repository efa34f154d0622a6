// The floor statements written wholly in Cypher: the best single statement for
// R1 and R5 (peers, scored in the database), R4 (reach within two hops) and R6
// (learning partners). a0 and a1 run them, and the peer (c) holds them in
// `@cypher` fields, since @neo4j/graphql cannot express these requests natively.
import { cypher } from '../src/db/cypher.js';
import { capSlice } from '../src/kernel/list-caps.js';

// Every municipality's profile (the default, own profiles): the topics of the projects it runs, its declared
// interests, the topics given for the programmes it takes part in (½ where they are the programme's own
// fields) and for the solutions it uses weigh 1, the field of action above each half that, the highest weight
// per topic kept (discovery.profiles.ts, contributionsOf).
const PROFILES_IN_CYPHER = `CALL () {
  CALL () {
    MATCH (m:Municipality)-[:RUNS]->(:Project)-[:ADDRESSES]->(t:Topic) RETURN m, t.slug AS slug, 1.0 AS w
    UNION
    MATCH (m:Municipality)-[:INTERESTED_IN]->(t:Topic) RETURN m, t.slug AS slug, 1.0 AS w
    UNION
    MATCH (m:Municipality)-[x:TAKES_PART_IN]->(:Programme) UNWIND coalesce(x.topics, []) AS slug
    RETURN m, slug, CASE WHEN coalesce(x.topicsOfProgramme, false) THEN 0.5 ELSE 1.0 END AS w
    UNION
    MATCH (m:Municipality)-[x:USES]->(:Solution) UNWIND coalesce(x.topics, []) AS slug RETURN m, slug, 1.0 AS w
  }
  WITH m, collect({slug: slug, w: w}) AS direct
  WITH m, direct + COLLECT { UNWIND direct AS d MATCH (:Topic {slug: d.slug})-[:SUBTOPIC_OF]->(f:Topic) RETURN {slug: f.slug, w: d.w * 0.5} } AS entries
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
WITH a, profiles, idfs, n, coalesce([p IN profiles WHERE p.key = a.ags | p.profile][0], []) AS stored
// The request's interests (weight 1, their fields 0.5) join the asker's stored profile.
WITH a, profiles, idfs, n, stored + [s IN $interests | {slug: s, w: 1.0}]
     + COLLECT { UNWIND $interests AS s MATCH (:Topic {slug: s})-[:SUBTOPIC_OF]->(f:Topic) RETURN {slug: f.slug, w: 0.5} } AS entries
WITH a, profiles, idfs, n, COLLECT { UNWIND entries AS e WITH e.slug AS slug, max(e.w) AS w RETURN {slug: slug, w: w} } AS own`;

// The structural similarity of the asker a and a municipality m, the rule of
// src/features/discovery/discovery.scoring.ts (structuralSimilarity), given their distance in km.
const STRUCTURE_IN_CYPHER = (m: string, distanceKm: string) => `
     0.35 * CASE WHEN coalesce(a.population, 0) = 0 OR coalesce(${m}.population, 0) = 0 THEN 0.0
                 ELSE CASE WHEN 1.0 - log(toFloat(CASE WHEN a.population > ${m}.population THEN a.population ELSE ${m}.population END)
                                          / CASE WHEN a.population > ${m}.population THEN ${m}.population ELSE a.population END) / log(100.0) > 0
                           THEN 1.0 - log(toFloat(CASE WHEN a.population > ${m}.population THEN a.population ELSE ${m}.population END)
                                          / CASE WHEN a.population > ${m}.population THEN ${m}.population ELSE a.population END) / log(100.0)
                           ELSE 0.0 END END
     + 0.15 * CASE WHEN a.sizeClass IS NOT NULL AND a.sizeClass = ${m}.sizeClass THEN 1 ELSE 0 END
     + 0.15 * CASE WHEN a.urbanisation IS NOT NULL AND a.urbanisation = ${m}.urbanisation THEN 1 ELSE 0 END
     + 0.15 * CASE WHEN (CASE WHEN a.kind IN ['STADT', 'GEMEINDE'] THEN 'GEMEINDE' ELSE a.kind END) = (CASE WHEN ${m}.kind IN ['STADT', 'GEMEINDE'] THEN 'GEMEINDE' ELSE ${m}.kind END) THEN 1 ELSE 0 END
     + 0.1 * CASE WHEN a.state IS NOT NULL AND a.state = ${m}.state THEN 1 ELSE 0 END
     + 0.1 * CASE WHEN ${distanceKm} IS NULL THEN 0.0 ELSE 1.0 / (1.0 + ${distanceKm} / 100.0) END`;

const DISTANCE_KM = (x: string, y: string) => `CASE WHEN ${x}.location IS NULL OR ${y}.location IS NULL THEN null ELSE point.distance(${x}.location, ${y}.location) / 1000.0 END`;

// Peers (R1, and R5 with $interests): the profiles above, the weighted Jaccard similarity of each candidate
// that shares a topic with the asker, the structural similarity of the two, and score = 0.2 × topics + 0.8
// × structure: the rules of src/features/discovery/discovery.scoring.ts (rankBy: BOTH, the default), in
// Cypher. (The keys the benchmark asks about all share a topic with someone, so the structure-only answer
// is not needed here; the answers of every variant are checked equal before the load.)
export const PEERS_IN_CYPHER = `MATCH (a:Municipality {ags: $ags})
${PROFILES_IN_CYPHER}
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
WITH a, p, shared, topicScore, p.node AS m, ${DISTANCE_KM('a', 'p.node')} AS distanceKm
WITH a, p, shared, topicScore, distanceKm, ${STRUCTURE_IN_CYPHER('m', 'distanceKm')} AS structure
WITH a, p, shared, distanceKm, 0.2 * topicScore + 0.8 * structure AS score
ORDER BY score DESC, p.key
WITH collect({key: p.key, node: p.node, shared: shared, score: score, distanceKm: distanceKm}) AS ranked
RETURN size(ranked) AS totalCount, [r IN ranked[0..$first] | {
  ags: r.key, score: r.score, sizeClass: r.node.sizeClass, sharedTopics: r.shared${capSlice('Explanation.sharedTopics')}, distanceKm: r.distanceKm
}] AS edges`;

// Learning partners (R6): every measure of a project and every project that is not cancelled, with its topics
// (weight 1, fields 0.5), its status score and its lead runner; those of others that address one of the asker's
// topics — or, when none does, all of them — scored 0.6 × coverage + 0.2 × status + 0.2 × the lead runner's
// structure (0.5 × status + 0.5 × structure without topics): the rules of discovery.scoring.ts and
// rankSolutions, in Cypher.
export const LEARNING_IN_CYPHER = `MATCH (a:Municipality {ags: $ags})
${PROFILES_IN_CYPHER}
WITH a, idfs, n, own, [e IN own | e.slug] AS ownSlugs,
     reduce(t = 0.0, e IN own | t + e.w * coalesce([x IN idfs WHERE x.slug = e.slug][0].idf, log(1 + n) + 1)) AS total
CALL () {
  MATCH (x:Measure)-[:PART_OF]->(p:Project) WHERE coalesce(p.status, '') <> 'CANCELLED'
  RETURN 'Measure' AS type, x.id AS key, p AS project, coalesce(x.status, 'UNKNOWN') AS status, COLLECT { MATCH (x)-[:ADDRESSES]->(t:Topic) RETURN DISTINCT t } AS topics
  UNION ALL
  MATCH (p:Project) WHERE coalesce(p.status, '') <> 'CANCELLED'
  RETURN 'Project' AS type, p.id AS key, p AS project,
         CASE p.status WHEN 'COMPLETED' THEN 'IMPLEMENTED' WHEN 'ACTIVE' THEN 'IN_PROGRESS' WHEN 'PLANNED' THEN 'PLANNED' ELSE 'UNKNOWN' END AS status,
         COLLECT { MATCH (p)-[:ADDRESSES]->(t:Topic) RETURN t } AS topics
}
CALL (project) {
  MATCH (m:Municipality)-[r:RUNS]->(project)
  WITH m ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.ags
  RETURN collect(m) AS runners
}
WITH a, idfs, n, own, ownSlugs, total, type, key, status, topics, runners WHERE size(runners) > 0 AND NOT a IN runners
WITH a, idfs, n, own, ownSlugs, total, type, key, status, runners[0] AS runner,
     [t IN topics | {slug: t.slug, w: 1.0}] + COLLECT { UNWIND topics AS t MATCH (x:Topic) WHERE x = t MATCH (x)-[:SUBTOPIC_OF]->(f:Topic) RETURN {slug: f.slug, w: 0.5} } AS entries
WITH a, idfs, n, own, ownSlugs, total, type, key, status, runner,
     COLLECT { UNWIND entries AS e WITH e.slug AS slug, max(e.w) AS w RETURN {slug: slug, w: w} } AS profile
WITH a, idfs, n, own, total, collect({type: type, key: type + ':' + key, slug: key, status: status, runner: runner, profile: profile,
       matches: any(e IN profile WHERE e.slug IN ownSlugs)}) AS others
WITH a, idfs, n, own, total, others, [x IN others WHERE x.matches] AS matching
WITH a, idfs, n, own, total, size(matching) = 0 AS structureOnly, CASE WHEN size(matching) = 0 THEN others ELSE matching END AS chosen
UNWIND chosen AS x
WITH a, idfs, n, total, structureOnly, x, CASE WHEN structureOnly THEN [] ELSE COLLECT {
       UNWIND own AS e
       WITH e, [y IN x.profile WHERE y.slug = e.slug][0].w AS ws WHERE ws IS NOT NULL
       WITH e.slug AS slug, CASE WHEN e.w < ws THEN e.w ELSE ws END * coalesce([i IN idfs WHERE i.slug = e.slug][0].idf, log(1 + n) + 1) / total AS weight
       RETURN {slug: slug, weight: weight} ORDER BY weight DESC, slug
     } END AS matched
WITH a, x, structureOnly, matched, reduce(s = 0.0, m IN matched | s + m.weight) AS coverage, x.runner AS m, ${DISTANCE_KM('a', 'x.runner')} AS distanceKm
WITH x, structureOnly, matched, coverage, ${STRUCTURE_IN_CYPHER('m', 'distanceKm')} AS structure,
     CASE x.status WHEN 'IMPLEMENTED' THEN 1.0 WHEN 'IN_PROGRESS' THEN 0.6 ELSE 0.3 END AS statusScore
WITH x, matched, CASE WHEN structureOnly THEN 0.5 * statusScore + 0.5 * structure ELSE 0.6 * coverage + 0.2 * statusScore + 0.2 * structure END AS score
ORDER BY score DESC, x.key
WITH collect({type: x.type, slug: x.slug, status: x.status, runner: x.runner.ags, matched: matched${capSlice('LearningExplanation.matchedTopics')}, score: score}) AS ranked
RETURN size(ranked) AS totalCount, ranked[0..$first] AS edges`;

export const R1_FLOOR = cypher('bench.r1', PEERS_IN_CYPHER);
export const R6_FLOOR = cypher('bench.r6', LEARNING_IN_CYPHER);

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
