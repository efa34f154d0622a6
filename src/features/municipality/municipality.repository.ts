// Cypher for municipalities: lookups, lists, their relations, and their writes.
import { authorize } from '../../auth/guard.js';
import type { Access } from '../../auth/viewer.js';
import { cypher, type Statement } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import type { ExchangeKind, MunicipalityKind, MunicipalityOrder, RunnerRole, SizeClass, State } from '../../generated/graphql.js';
import { afterKeyset, emptyPage, listPageStatement, pageOf, type PageRequest, type PageRow } from '../../kernel/connection.js';
import { ensureExist, listStatement, perKey, readByKeys, readLists, removedAny, UNWIND_KEYS } from '../../kernel/batch.js';
import { nameKey } from '../../kernel/text.js';
import { capLimit, capSlice } from '../../kernel/list-caps.js';
import { projected, type NarrowParams } from '../../records/projection.js';
import { CONTACT_FIELDS, CONTACT_SHOWN, contactListStatement, toContact, type ContactRecord } from '../../records/contact.js';
import { toEvent, type EventListKey, type EventRecord } from '../../records/event.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { toTopic, worksOn, type TopicRecord } from '../../records/topic.js';
import { parentCandidates, sizeClassFor, stateOfAgs } from '../../records/municipality.model.js';
import { toExchange, toExchangeAbroad, toMunicipality, type ExchangeAbroadRecord, type ExchangeRecord, type InterestRecord, type MunicipalityRecord } from '../../records/municipality.js';

export interface MunicipalityFilterParams {
  state: State | null;
  kinds: MunicipalityKind[] | null;
  sizeClasses: SizeClass[] | null;
  namePrefix: string | null;
}

// --- reads --------------------------------------------------------------------

// Unique-constraint index seek per key.
const BY_AGS = cypher('municipality.byAgs', 'MATCH (m:Municipality) WHERE m.ags IN $keys RETURN m.ags AS key, m {.*} AS node');

// Each filter is optional ($x IS NULL); nameKey STARTS WITH uses the range index on nameKey.
const FILTER = `($state IS NULL OR m.state = $state)
  AND ($kinds IS NULL OR m.kind IN $kinds)
  AND ($sizeClasses IS NULL OR m.sizeClass IN $sizeClasses)
  AND ($namePrefix IS NULL OR m.nameKey STARTS WITH $namePrefix)`;

const ORDERS: Record<MunicipalityOrder, { sort: string; direction: 'ASC' | 'DESC'; type: 'string' | 'number' }> = {
  NAME: { sort: 'm.nameKey', direction: 'ASC', type: 'string' },
  AGS: { sort: 'm.ags', direction: 'ASC', type: 'string' },
  // Units without population sort last: -1 is below every real population.
  POPULATION_DESC: { sort: 'coalesce(m.population, -1)', direction: 'DESC', type: 'number' },
};
export const municipalityOrderType = (order: MunicipalityOrder) => ORDERS[order].type;

// One statement per sort order.
const LIST = Object.fromEntries(
  Object.entries(ORDERS).map(([order, { sort, direction }]) => [
    order,
    listPageStatement(`municipality.list.${order}`, { node: 'm', pattern: '(m:Municipality)', where: FILTER, sort, direction, key: 'm.ags' }),
  ]),
) as Record<MunicipalityOrder, Statement>;

const PARENT = cypher(
  'municipality.parent',
  `${UNWIND_KEYS} MATCH (:Municipality {ags: key})-[:PART_OF]->(p:Municipality) RETURN i, p {.*} AS node`,
);
const KREIS = cypher(
  'municipality.kreis',
  `${UNWIND_KEYS} MATCH (:Municipality {ags: key})-[:PART_OF*1..2]->(k:Municipality {kind: 'LANDKREIS'}) RETURN i, k {.*} AS node`,
);
const LAND = cypher(
  'municipality.land',
  `${UNWIND_KEYS} MATCH (:Municipality {ags: key})-[:PART_OF*1..3]->(l:Municipality {kind: 'LAND'}) RETURN i, l {.*} AS node`,
);

const PARTS = cypher(
  'municipality.parts',
  `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key.ags})
   CALL (m, key) {
     MATCH (c:Municipality)-[:PART_OF]->(m)
     WHERE (key.kind IS NULL OR c.kind = key.kind) AND ${afterKeyset('c.nameKey', 'c.ags', 'ASC', 'key.after')}
     WITH c ORDER BY c.nameKey, c.ags
     RETURN collect({node: c {.*}, sort: c.nameKey, key: c.ags}) AS rows
   }
   RETURN i, rows[..key.limit] AS rows, COUNT { MATCH (c:Municipality)-[:PART_OF]->(m) WHERE key.kind IS NULL OR c.kind = key.kind } AS total`,
);

const PROJECTS = cypher(
  'municipality.projects',
  `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key.ags})
   CALL (m, key) {
     MATCH (m)-[r:RUNS]->(p:Project)
     WHERE (key.role IS NULL OR r.role = key.role) AND ${afterKeyset('p.nameKey', 'p.id', 'ASC', 'key.after')}
     WITH r, p ORDER BY p.nameKey, p.id
     RETURN collect({node: p {.*}, role: r.role, sort: p.nameKey, key: p.id}) AS rows
   }
   RETURN i, rows[..key.limit] AS rows, COUNT { MATCH (m)-[r:RUNS]->(:Project) WHERE key.role IS NULL OR r.role = key.role } AS total`,
);

// A municipality page in one statement: the municipality, its first projects (as PROJECTS pages them,
// without role or cursor) with their topics and contacts, and its own contacts — each in the order and
// projection of the statement the loaders would otherwise send (TOPICS of project, contactListStatement),
// or, where the whole operation needs no more, the narrow projection of src/records/projection.ts.
// Two forms that differ only in how the page is cut: for one key (a request's page, the usual case) by
// LIMIT, so Neo4j sorts only the first `limit` projects of a hub (top-k); for several keys from the ordered
// list, since LIMIT takes a parameter but no variable.
const pageStatement = (name: string, cut: string) =>
  cypher(
    name,
    `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key.ags})
   CALL (m, key) {
     MATCH (m)-[r:RUNS]->(p:Project)
     ${cut}
     RETURN collect({
       node: ${projected('Project', 'p', 'key.narrow.project')}, role: r.role, sort: p.nameKey, key: p.id,
       topics: CASE WHEN key.topics THEN COLLECT { MATCH (p)-[:ADDRESSES]->(x:Topic) WITH x ORDER BY x.slug ${capLimit('Project.topics')} RETURN ${projected('Topic', 'x', 'key.narrow.topic')} } END,
       contacts: CASE WHEN key.projectContacts
         THEN COLLECT { MATCH (x:Contact)-[:CONTACT_FOR]->(p) WHERE ${CONTACT_SHOWN('x')} WITH x ORDER BY x.nameKey, x.id ${capLimit('Project.contacts')} RETURN ${CONTACT_FIELDS('x')} } END
     }) AS rows
   }
   RETURN i, ${projected('Municipality', 'm', 'key.narrow.municipality')} AS municipality, rows, COUNT { (m)-[:RUNS]->(:Project) } AS total,
          CASE WHEN key.contacts
            THEN COLLECT { MATCH (x:Contact)-[:WORKS_FOR]->(m) WHERE ${CONTACT_SHOWN('x')} WITH x ORDER BY x.nameKey, x.id ${capLimit('Municipality.contacts')} RETURN ${CONTACT_FIELDS('x')} } END AS contacts`,
  );
const PAGE = {
  one: pageStatement('municipality.page.one', 'WITH key, r, p ORDER BY p.nameKey, p.id LIMIT $limit'),
  many: pageStatement(
    'municipality.page',
    `WITH key, r, p ORDER BY p.nameKey, p.id
     WITH key, collect({r: r, p: p})[..key.limit] AS page
     UNWIND page AS x
     WITH key, x.r AS r, x.p AS p`,
  ),
};

/** A municipality page to fetch: how many projects, and which of their relations (and its own contacts). */
export interface PageKey {
  ags: string;
  limit: number;
  topics: boolean;
  projectContacts: boolean;
  contacts: boolean;
  /** Per type, whether the operation needs only the narrow projection. */
  narrow: NarrowParams;
}

/** What the page statement brings, for priming the loaders. */
export interface MunicipalityPage {
  municipality: MunicipalityRecord;
  projects: { total: number; rows: ProjectRow[] };
  /** Per project slug; absent unless asked for. */
  topics: Map<string, TopicRecord[]> | null;
  projectContacts: Map<string, ContactRecord[]> | null;
  contacts: ContactRecord[] | null;
}

// The topic profile's plain form: project topics and declared interests, without repeats.
const TOPICS = cypher(
  'municipality.topics',
  `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key})
   ${worksOn({ bound: true })}
   WITH i, t ORDER BY t.slug
   RETURN i, collect(t {.*})${capSlice('Municipality.topics')} AS items`,
);

const INTERESTS = cypher(
  'municipality.interests',
  `${UNWIND_KEYS}
   MATCH (:Municipality {ags: key})-[r:INTERESTED_IN]->(t:Topic)
   WITH i, r, t ORDER BY t.slug
   RETURN i, collect({topic: t {.*}, since: r.since})${capSlice('Municipality.interests')} AS items`,
);

const VERBAND = cypher(
  'municipality.verband',
  `${UNWIND_KEYS} MATCH (:Municipality {ags: key})-[:MEMBER_OF]->(v:Municipality) RETURN i, v {.*} AS node`,
);
const MEMBERS = listStatement('municipality.members', 'Municipality.members', '(x:Municipality)-[:MEMBER_OF]->(:Municipality {ags: key})', 'x.nameKey, x.ags');

const CONTACTS = contactListStatement('municipality.contacts', 'Municipality.contacts', '(x:Contact)-[:WORKS_FOR]->(:Municipality {ags: key})');

// Keys carry the list's switches: generated attendance and standing formats only when asked for (standing ones last).
const EVENTS_ATTENDED = listStatement(
  'municipality.eventsAttended', 'Municipality.eventsAttended',
  '(:Municipality {ags: key.key})-[r:ATTENDED]->(x:Event)',
  'x.startsAt, x.id',
  'x {.*}',
  '(key.generated OR r.generated IS NULL) AND (key.standing OR x.startsAt IS NOT NULL)',
);

const EVENTS_HOSTED = listStatement(
  'municipality.eventsHosted', 'Municipality.eventsHosted',
  '(x:Event)-[:HOSTED_BY]->(:Municipality {ags: key.key})',
  'x.startsAt, x.id',
  'x {.*}',
  '(key.standing OR x.startsAt IS NOT NULL)',
);

const EXCHANGES = cypher(
  'municipality.exchanges',
  `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key.ags})
   CALL (m, key) {
     MATCH (m)-[x:EXCHANGES_WITH]->(p:Municipality) WHERE (key.kind IS NULL OR x.kind = key.kind) AND (key.generated OR x.generated IS NULL)
     RETURN x, p, 'OUTGOING' AS direction
     UNION
     MATCH (m)<-[x:EXCHANGES_WITH]-(p:Municipality) WHERE (key.kind IS NULL OR x.kind = key.kind) AND (key.generated OR x.generated IS NULL)
     RETURN x, p, 'INCOMING' AS direction
   }
   WITH i, x, p, direction ORDER BY x.since, p.ags, x.kind
   RETURN i, collect({link: x {.*}, direction: direction, partner: p {.*}})${capSlice('Municipality.exchanges')} AS items`,
);

// Links with cities abroad (organizations of kind CITY_ABROAD).
const EXCHANGES_ABROAD = cypher(
  'municipality.exchangesAbroad',
  `${UNWIND_KEYS}
   MATCH (m:Municipality {ags: key})
   CALL (m) {
     MATCH (m)-[x:EXCHANGES_WITH]->(p:Organization) RETURN x, p, 'OUTGOING' AS direction
     UNION
     MATCH (m)<-[x:EXCHANGES_WITH]-(p:Organization) RETURN x, p, 'INCOMING' AS direction
   }
   WITH i, m, x, p, direction ORDER BY x.since, p.id, x.kind
   RETURN i, collect({link: x {.*}, direction: direction, partner: p {.*}, municipality: m {.*}})${capSlice('Municipality.exchangesAbroad')} AS items`,
);

// --- writes -------------------------------------------------------------------

const FIND_PARENT = cypher(
  'municipality.findParent',
  'UNWIND $candidates AS ags MATCH (p:Municipality {ags: ags}) RETURN p.ags AS ags',
);

// SET m = $props replaces every property: a field left out of the input is cleared.
const UPSERT = cypher(
  'municipality.upsert',
  `MERGE (m:Municipality {ags: $props.ags})
   SET m = $props,
       m.location = CASE WHEN $location IS NULL THEN null ELSE point({latitude: $location.lat, longitude: $location.lon}) END
   WITH m
   OPTIONAL MATCH (m)-[old:PART_OF]->()
   DELETE old
   WITH DISTINCT m
   OPTIONAL MATCH (parent:Municipality {ags: $parentAgs})
   FOREACH (_ IN CASE WHEN parent IS NULL THEN [] ELSE [1] END | MERGE (m)-[:PART_OF]->(parent))
   RETURN m {.*} AS m`,
);

const ADD_INTEREST = cypher(
  'municipality.addInterest',
  `MATCH (m:Municipality {ags: $ags}), (t:Topic {slug: $topic})
   MERGE (m)-[r:INTERESTED_IN]->(t)
   SET r.since = date($since)`,
);
const REMOVE_INTEREST = cypher(
  'municipality.removeInterest',
  `MATCH (:Municipality {ags: $ags})-[r:INTERESTED_IN]->(:Topic {slug: $topic}) DELETE r RETURN count(*) AS removed`,
);

// One link per (from, to, kind): MERGE on the kind, then the other properties. \`since\` is a day
// (\`2024-05-01\`), stored as text like the imported links' partial dates.
const LINK_EXCHANGE = cypher(
  'municipality.linkExchange',
  `MATCH (a:Municipality {ags: $from}), (b:Municipality {ags: $to})
   MERGE (a)-[x:EXCHANGES_WITH {kind: $kind}]->(b)
   SET x.since = $since, x.topics = $topics`,
);
const UNLINK_EXCHANGE = cypher(
  'municipality.unlinkExchange',
  `MATCH (:Municipality {ags: $from})-[x:EXCHANGES_WITH {kind: $kind}]->(:Municipality {ags: $to}) DELETE x RETURN count(*) AS removed`,
);

/** What a caller gives; the Land and the size class follow from AGS and population. */
export type MunicipalityWrite = Omit<MunicipalityRecord, '__typename' | 'state' | 'sizeClass'> & { parentAgs: string | null };

export type ProjectRow = PageRow<ProjectRecord> & { role: RunnerRole };

export function municipalityRepository(db: Database, { viewer, scope }: Access) {
  return {
    byAgs: readByKeys(db, BY_AGS, toMunicipality),

    list: (filter: MunicipalityFilterParams, order: MunicipalityOrder, page: PageRequest) =>
      db.read('municipality.list', async (tx) => {
        const [row] = await tx.run(LIST[order], { ...filter, limit: page.limit, after: page.after });
        return row ? pageOf(toMunicipality)(row) : emptyPage<MunicipalityRecord>();
      }),

    parent: (keys: readonly string[]) => db.read('municipality.parent', (tx) => perKey(tx, PARENT, keys, (r) => toMunicipality(r.node as Row), () => null)),
    kreis: (keys: readonly string[]) => db.read('municipality.kreis', (tx) => perKey(tx, KREIS, keys, (r) => toMunicipality(r.node as Row), () => null)),
    verband: (keys: readonly string[]) =>
      db.read('municipality.verband', (tx) => perKey(tx, VERBAND, keys, (r) => toMunicipality(r.node as Row), () => null)),
    members: readLists<MunicipalityRecord>(db, MEMBERS, toMunicipality),
    land: (keys: readonly string[]) => db.read('municipality.land', (tx) => perKey(tx, LAND, keys, (r) => toMunicipality(r.node as Row), () => null)),

    parts: (keys: readonly { ags: string; kind: MunicipalityKind | null; limit: number; after: PageRequest['after'] }[]) =>
      db.read('municipality.parts', (tx) => perKey(tx, PARTS, keys, pageOf(toMunicipality), emptyPage<MunicipalityRecord>)),

    projects: (keys: readonly { ags: string; role: RunnerRole | null; limit: number; after: PageRequest['after'] }[]) =>
      db.read('municipality.projects', (tx) =>
        perKey(tx, PROJECTS, keys, pageOf<ProjectRecord, ProjectRow>(toProject), emptyPage<ProjectRecord, ProjectRow>),
      ),

    /** Municipality pages (see PAGE), batched: one statement for all keys; null where there is no such municipality. */
    pages: (keys: readonly PageKey[]) =>
      db.read('municipality.page', (tx) =>
        perKey(
          tx,
          keys.length === 1 ? PAGE.one : PAGE.many,
          keys,
          (row): MunicipalityPage => {
            const rows = row.rows as (Row & { topics: Row[] | null; contacts: Row[] | null })[];
            return {
              municipality: toMunicipality(row.municipality as Row),
              projects: {
                total: row.total as number,
                rows: rows.map((r) => ({ node: toProject(r.node as Row), role: r.role as RunnerRole, sort: r.sort as string, key: r.key as string })),
              },
              topics: keys[row.i as number]!.topics ? new Map(rows.map((r) => [r.key as string, (r.topics ?? []).map(toTopic)])) : null,
              projectContacts: keys[row.i as number]!.projectContacts ? new Map(rows.map((r) => [r.key as string, (r.contacts ?? []).map(toContact)])) : null,
              contacts: row.contacts ? (row.contacts as Row[]).map(toContact) : null,
            };
          },
          (): MunicipalityPage | null => null,
          keys.length === 1 ? { viewer, limit: keys[0]!.limit } : { viewer },
        ),
      ),

    topics: readLists(db, TOPICS, toTopic),

    interests: readLists(db, INTERESTS, (x): InterestRecord => ({ topic: toTopic(x.topic as Row), since: (x.since as string | null) ?? null })),

    contacts: readLists<ContactRecord>(db, CONTACTS, toContact, { viewer }),
    eventsAttended: (keys: readonly EventListKey[]) =>
      db.read(EVENTS_ATTENDED.name, (tx) => perKey(tx, EVENTS_ATTENDED, keys, (r) => (r.items as Row[]).map(toEvent), (): EventRecord[] => [])),
    eventsHosted: (keys: readonly EventListKey[]) =>
      db.read(EVENTS_HOSTED.name, (tx) => perKey(tx, EVENTS_HOSTED, keys, (r) => (r.items as Row[]).map(toEvent), (): EventRecord[] => [])),
    exchangesAbroad: readLists<ExchangeAbroadRecord>(db, EXCHANGES_ABROAD, toExchangeAbroad),

    exchanges: (keys: readonly { ags: string; kind: ExchangeKind | null; generated: boolean }[]) =>
      db.read('municipality.exchanges', (tx) => perKey(tx, EXCHANGES, keys, (r) => (r.items as Row[]).map(toExchange), (): ExchangeRecord[] => [])),

    upsert: (input: MunicipalityWrite) =>
      db.write('municipality.upsert', async (tx) => {
        let parentAgs = input.parentAgs;
        if (parentAgs !== null) {
          await ensureExist(tx, { Municipality: [parentAgs] });
        } else {
          // The nearest existing unit by AGS prefix: the Kreis, else the Land.
          const candidates = parentCandidates(input.ags);
          const found = new Set((await tx.run<{ ags: string }>(FIND_PARENT, { candidates })).map((r) => r.ags));
          parentAgs = candidates.find((c) => found.has(c)) ?? null;
        }
        const { location, parentAgs: _given, ...fields } = input;
        const props = {
          ...fields,
          nameKey: nameKey(input.name),
          state: stateOfAgs(input.ags),
          sizeClass: sizeClassFor(input.kind, input.population),
        };
        const [row] = await tx.run<{ m: Row }>(UPSERT, { props, location, parentAgs });
        return toMunicipality(row!.m);
      }, { derives: ['network', 'profiles'] }),

    addInterest: (ags: string, topic: string, since: string) =>
      db.write('municipality.addInterest', async (tx) => {
        await ensureExist(tx, { Municipality: [ags], Topic: [topic] });
        await authorize(tx, scope, 'ownMunicipality', { ags });
        await tx.run(ADD_INTEREST, { ags, topic, since });
      }, { derives: ['network', 'profiles'] }),

    /** False when there was no such interest. */
    removeInterest: (ags: string, topic: string) =>
      db.write('municipality.removeInterest', async (tx) => {
        await ensureExist(tx, { Municipality: [ags], Topic: [topic] });
        await authorize(tx, scope, 'ownMunicipality', { ags });
        return removedAny(tx, REMOVE_INTEREST, { ags, topic });
      }, { derives: ['network', 'profiles'] }),

    linkExchange: (link: { from: string; to: string; kind: ExchangeKind; since: string; topics: string[] }) =>
      db.write('municipality.linkExchange', async (tx) => {
        await ensureExist(tx, { Municipality: [link.from, link.to], Topic: link.topics });
        await tx.run(LINK_EXCHANGE, link);
      }, { derives: ['network'] }),

    unlinkExchange: (link: { from: string; to: string; kind: ExchangeKind }) =>
      db.write('municipality.unlinkExchange', async (tx) => {
        await ensureExist(tx, { Municipality: [link.from, link.to] });
        return removedAny(tx, UNLINK_EXCHANGE, link);
      }, { derives: ['network'] }),
  };
}

export type MunicipalityRepository = ReturnType<typeof municipalityRepository>;
