// Cypher for measures: lookups, the filtered list with its status totals,
// a project's measures, a measure's project and topics, a topic's measures.
import { cypher } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import type { MeasureStatus, SizeClass, State } from '../../generated/graphql.js';
import { afterKeyset, emptyPage, pageOf, type Page, type PageRequest, type PageRow } from '../../kernel/connection.js';
import { bySlugOrFormer, listStatement, perKey, readByKeys, readLists, UNWIND_KEYS } from '../../kernel/batch.js';
import { capSlice } from '../../kernel/list-caps.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { toMeasure, toMeasureTopic, type MeasureRecord, type MeasureTopicRecord } from '../../records/measure.js';

export interface MeasureFilterParams {
  topic: string | null;
  statuses: MeasureStatus[] | null;
  state: State | null;
  sizeClass: SizeClass | null;
  cohort: number | null;
  project: string | null;
  /** Keys found by the full-text index for the filter's text; null: no text given. */
  ids: string[] | null;
}

export const MEASURE_STATUSES: readonly MeasureStatus[] = ['PLANNED', 'IN_PROGRESS', 'IMPLEMENTED', 'UNKNOWN'];

const BY_SLUG = bySlugOrFormer('measure.bySlug', 'Measure');

// A topic filter matches the topic and its sub-topics; Land, size class and cohort are those of the project and its runners.
const FILTER = `($ids IS NULL OR x.id IN $ids)
  AND ($statuses IS NULL OR x.status IN $statuses)
  AND ($project IS NULL OR EXISTS { (x)-[:PART_OF]->(:Project {id: $project}) })
  AND ($cohort IS NULL OR EXISTS { (x)-[:PART_OF]->(:Project {cohort: $cohort}) })
  AND ($topic IS NULL OR EXISTS { (x)-[:ADDRESSES]->(t:Topic) WHERE t.slug = $topic OR EXISTS { (t)-[:SUBTOPIC_OF]->(:Topic {slug: $topic}) } })
  AND ($state IS NULL OR EXISTS { (x)-[:PART_OF]->(:Project)<-[:RUNS]-(:Municipality {state: $state}) })
  AND ($sizeClass IS NULL OR EXISTS { (x)-[:PART_OF]->(:Project)<-[:RUNS]-(:Municipality {sizeClass: $sizeClass}) })`;

// The filter is matched once: the total, the totals per status and the page all come from that one match.
const LIST = cypher(
  'measure.list',
  `MATCH (x:Measure) WHERE ${FILTER}
   WITH collect(x) AS matched
   CALL (matched) {
     UNWIND matched AS x
     WITH x WHERE ${afterKeyset('x.nameKey', 'x.id', 'ASC')}
     WITH x ORDER BY x.nameKey, x.id LIMIT $limit
     RETURN collect({node: x {.*}, sort: x.nameKey, key: x.id}) AS rows
   }
   RETURN size(matched) AS total, rows, [s IN $allStatuses | {status: s, count: size([m IN matched WHERE m.status = s])}] AS byStatus`,
);

const PROJECT_OF = cypher(
  'measure.project',
  `${UNWIND_KEYS} MATCH (:Measure {id: key})-[:PART_OF]->(p:Project) RETURN i, p {.*} AS node`,
);
const TOPIC_LINKS = cypher(
  'measure.topics',
  `${UNWIND_KEYS}
   MATCH (:Measure {id: key})-[a:ADDRESSES]->(t:Topic)
   WITH i, a, t ORDER BY t.slug
   RETURN i, collect({topic: t {.*}, basis: a.basis, sourceLabels: a.sourceLabels})${capSlice('Measure.topicLinks')} AS items`,
);
const OF_PROJECT = listStatement('measure.ofProject', 'Project.measures', '(x:Measure)-[:PART_OF]->(:Project {id: key})', 'x.nameKey, x.id');

const OF_TOPIC = cypher(
  'measure.ofTopic',
  `${UNWIND_KEYS}
   MATCH (t:Topic {slug: key.slug})
   CALL (t, key) {
     MATCH (x:Measure)-[:ADDRESSES]->(s:Topic)
     WHERE (s = t OR (key.includeSubtopics AND (s)-[:SUBTOPIC_OF]->(t))) AND ${afterKeyset('x.nameKey', 'x.id', 'ASC', 'key.after')}
     WITH DISTINCT x ORDER BY x.nameKey, x.id
     RETURN collect({node: x {.*}, sort: x.nameKey, key: x.id}) AS rows
   }
   CALL (t, key) {
     MATCH (x:Measure)-[:ADDRESSES]->(s:Topic)
     WHERE s = t OR (key.includeSubtopics AND (s)-[:SUBTOPIC_OF]->(t))
     WITH collect(DISTINCT x) AS found
     RETURN size(found) AS total, [st IN $allStatuses | {status: st, count: size([m IN found WHERE m.status = st])}] AS byStatus
   }
   RETURN i, rows[..key.limit] AS rows, total, byStatus`,
);

export type MeasurePage = Page<MeasureRecord, PageRow<MeasureRecord>> & { byStatus: { status: MeasureStatus; count: number }[] };

const measurePage = (r: Row): MeasurePage => ({ ...pageOf(toMeasure)(r), byStatus: r.byStatus as MeasurePage['byStatus'] });
const emptyMeasurePage = (): MeasurePage => ({ ...emptyPage<MeasureRecord>(), byStatus: MEASURE_STATUSES.map((status) => ({ status, count: 0 })) });

export function measureRepository(db: Database) {
  return {
    bySlug: readByKeys(db, BY_SLUG, toMeasure),

    list: (filter: MeasureFilterParams, page: PageRequest) =>
      db.read('measure.list', async (tx) => {
        const [row] = await tx.run(LIST, { ...filter, limit: page.limit, after: page.after, allStatuses: MEASURE_STATUSES });
        return row ? measurePage(row) : emptyMeasurePage();
      }),

    project: (keys: readonly string[]) =>
      db.read('measure.project', (tx) => perKey(tx, PROJECT_OF, keys, (r): ProjectRecord | null => toProject(r.node as Row), () => null)),
    topicLinks: readLists<MeasureTopicRecord>(db, TOPIC_LINKS, toMeasureTopic),
    ofProject: readLists<MeasureRecord>(db, OF_PROJECT, toMeasure),
    ofTopic: (keys: readonly { slug: string; includeSubtopics: boolean; limit: number; after: PageRequest['after'] }[]) =>
      db.read('measure.ofTopic', (tx) => perKey(tx, OF_TOPIC, keys, measurePage, emptyMeasurePage, { allStatuses: MEASURE_STATUSES })),
  };
}

export type MeasureRepository = ReturnType<typeof measureRepository>;
