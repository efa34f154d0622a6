// Cypher for events: conferences, congresses, webinars; their hosts, topics and attendees.
import { authorize } from '../../auth/guard.js';
import type { Access } from '../../auth/viewer.js';
import { cypher, type Statement } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import type { EventKind, EventOrder } from '../../generated/graphql.js';
import { afterKeyset, emptyPage, listPageStatement, pageOf, type PageRequest } from '../../kernel/connection.js';
import { ensureExist, listStatement, perKey, readByKeys, readLists, removedAny, UNWIND_KEYS } from '../../kernel/batch.js';
import type { ActorRef } from '../../kernel/validation.js';
import { ACTOR_TYPE, actorParams, addActorLink, ensureActor, replaceActorLink, toActor, type ActorRecord } from '../../records/actor.js';
import { toTopic, type TopicRecord } from '../../records/topic.js';
import { toEvent, type AttendanceRecord, type EventRecord } from '../../records/event.js';
import { toSources } from '../../kernel/source.js';
import { capSlice } from '../../kernel/list-caps.js';

const BY_SLUG = cypher('event.bySlug', 'MATCH (e:Event) WHERE e.id IN $keys RETURN e.id AS key, e {.*} AS node');

const FILTER = `($standing OR e.startsAt IS NOT NULL)
  AND ($kinds IS NULL OR e.kind IN $kinds)
  AND ($from IS NULL OR e.startsAt >= datetime($from))
  AND ($to IS NULL OR e.startsAt < datetime($to))`;

// Ordered by the instant (epoch milliseconds), whatever offset each event was entered with;
// standing formats (no instant) after every dated event, oldest first.
const SORT = 'coalesce(e.startsAt.epochMillis, 253402300799999)';
const ORDERS: Record<EventOrder, 'ASC' | 'DESC'> = { STARTS_AT: 'ASC', STARTS_AT_DESC: 'DESC' };

const LIST = Object.fromEntries(
  Object.entries(ORDERS).map(([order, direction]) => [
    order,
    listPageStatement(`event.list.${order}`, { node: 'e', pattern: '(e:Event)', where: FILTER, sort: SORT, direction, key: 'e.id' }),
  ]),
) as Record<EventOrder, Statement>;

// Several hosts are ordered by the rank on the link; a single host has none.
const HOSTS = cypher(
  'event.hosts',
  `${UNWIND_KEYS}
   MATCH (:Event {id: key})-[h:HOSTED_BY]->(a) WHERE a:Municipality OR a:Organization
   WITH i, h, a ORDER BY coalesce(h.rank, 0), a.nameKey
   RETURN i, collect({type: ${ACTOR_TYPE('a')}, node: a {.*}})${capSlice('Event.hosts')} AS items`,
);

const TOPICS = listStatement('event.topics', 'Event.topics', '(:Event {id: key})-[:COVERS]->(x:Topic)', 'x.slug');

// Attendees of both labels in one order: by name, then by their key (AGS or slug); generated attendance
// only when the key asks for it. `row` is what each page row carries: the attendee, or it with its link.
const attendanceStatement = (name: string, row: string) =>
  cypher(
    name,
    `${UNWIND_KEYS}
     MATCH (e:Event {id: key.slug})
     CALL (e, key) {
       MATCH (a)-[r:ATTENDED]->(e) WHERE (a:Municipality OR a:Organization) AND (key.generated OR r.generated IS NULL)
         AND ${afterKeyset('a.nameKey', 'coalesce(a.ags, a.id)', 'ASC', 'key.after')}
       WITH a, r ORDER BY a.nameKey, coalesce(a.ags, a.id)
       RETURN collect({node: ${row}, sort: a.nameKey, key: coalesce(a.ags, a.id)}) AS rows
     }
     RETURN i, rows[..key.limit] AS rows, COUNT { (a)-[r:ATTENDED]->(e) WHERE (a:Municipality OR a:Organization) AND (key.generated OR r.generated IS NULL) } AS total`,
  );
const ATTENDEES = attendanceStatement('event.attendees', `{type: ${ACTOR_TYPE('a')}, node: a {.*}}`);
// The same list with what each attendance link says: generated or not, its sources and note.
const ATTENDANCE = attendanceStatement('event.attendance', `{attendee: {type: ${ACTOR_TYPE('a')}, node: a {.*}}, link: r {.*}}`);

const CREATE = cypher(
  'event.create',
  `CREATE (e:Event)
   SET e = $props, e.startsAt = datetime($startsAt), e.standing = false
   WITH e
   UNWIND $topics AS slug
   MATCH (t:Topic {slug: slug})
   CREATE (e)-[:COVERS]->(t)`,
);
const UPDATE = cypher(
  'event.update',
  `MATCH (e:Event {id: $id})
   SET e += $changes, e.startsAt = CASE WHEN $startsAt IS NULL THEN e.startsAt ELSE datetime($startsAt) END`,
);
const SET_HOST = replaceActorLink('event.setHost', 'Event', 'HOSTED_BY');
const DELETE = cypher('event.delete', 'MATCH (e:Event {id: $id}) DETACH DELETE e');

const RECORD_ATTENDANCE = addActorLink('event.recordAttendance', 'ATTENDED', 'Event');
const REMOVE_ATTENDANCE = cypher(
  'event.removeAttendance',
  `MATCH (a)-[r:ATTENDED]->(:Event {id: $id})
   WHERE (a:Municipality AND a.ags = $ags) OR (a:Organization AND a.id = $organization)
   DELETE r RETURN count(*) AS removed`,
);
const ADD_TOPIC = cypher('event.addTopic', 'MATCH (e:Event {id: $id}), (t:Topic {slug: $topic}) MERGE (e)-[:COVERS]->(t)');
const REMOVE_TOPIC = cypher('event.removeTopic', 'MATCH (:Event {id: $id})-[r:COVERS]->(:Topic {slug: $topic}) DELETE r RETURN count(*) AS removed');

/** A new event: its own fields plus host and topics to link. */
export type EventWrite = Pick<EventRecord, 'slug' | 'title' | 'kind' | 'format' | 'participantCount' | 'url'> & { startsAt: string; host: ActorRef | null; topics: string[] };

const toAttendance = (row: Row): AttendanceRecord => {
  const link = row.link as Row;
  return { attendee: toActor(row.attendee as Row), generated: link.generated === true, note: (link.note as string | null) ?? null, sources: toSources(link) };
};

export type EventChanges = Partial<Omit<EventWrite, 'slug' | 'host' | 'topics'>>;

export function eventRepository(db: Database, { scope }: Access) {
  return {
    bySlug: readByKeys(db, BY_SLUG, toEvent),

    list: (filter: { kinds: EventKind[] | null; from: string | null; to: string | null; standing: boolean }, order: EventOrder, page: PageRequest) =>
      db.read('event.list', async (tx) => {
        const [row] = await tx.run(LIST[order], { ...filter, limit: page.limit, after: page.after });
        return row ? pageOf(toEvent)(row) : emptyPage<EventRecord>();
      }),

    hosts: readLists<ActorRecord>(db, HOSTS, toActor),
    topics: readLists<TopicRecord>(db, TOPICS, toTopic),
    attendees: (keys: readonly { slug: string; limit: number; after: PageRequest['after']; generated: boolean }[]) =>
      db.read('event.attendees', (tx) => perKey(tx, ATTENDEES, keys, pageOf(toActor), emptyPage<ActorRecord>)),
    attendance: (keys: readonly { slug: string; limit: number; after: PageRequest['after']; generated: boolean }[]) =>
      db.read('event.attendance', (tx) => perKey(tx, ATTENDANCE, keys, pageOf(toAttendance), emptyPage<AttendanceRecord>)),

    create: (input: EventWrite) =>
      db.write('event.create', async (tx) => {
        await ensureExist(tx, { Topic: input.topics });
        await ensureActor(tx, input.host);
        const { host, topics, startsAt, slug, ...fields } = input;
        await tx.run(CREATE, { props: { ...fields, id: slug }, startsAt, topics });
        await tx.run(SET_HOST, { id: slug, ...actorParams(host) });
      }, { derives: ['network'] }),

    update: (slug: string, changes: EventChanges, host: ActorRef | null | undefined) =>
      db.write('event.update', async (tx) => {
        await ensureExist(tx, { Event: [slug] });
        await ensureActor(tx, host ?? null);
        const { startsAt, ...plain } = changes;
        await tx.run(UPDATE, { id: slug, changes: plain, startsAt: startsAt ?? null });
        if (host !== undefined) await tx.run(SET_HOST, { id: slug, ...actorParams(host) });
      }, { derives: ['network'] }),

    delete: (slug: string) =>
      db.write('event.delete', async (tx) => {
        await ensureExist(tx, { Event: [slug] });
        await tx.run(DELETE, { id: slug });
      }, { derives: ['network'] }),

    recordAttendance: (slug: string, attendee: ActorRef) =>
      db.write('event.recordAttendance', async (tx) => {
        await ensureExist(tx, { Event: [slug] });
        await ensureActor(tx, attendee);
        await authorize(tx, scope, 'ownMunicipality', { ags: attendee.ags ?? null });
        await tx.run(RECORD_ATTENDANCE, { id: slug, ...actorParams(attendee) });
      }, { derives: ['network'] }),

    removeAttendance: (slug: string, attendee: ActorRef) =>
      db.write('event.removeAttendance', async (tx) => {
        await ensureExist(tx, { Event: [slug] });
        await ensureActor(tx, attendee);
        await authorize(tx, scope, 'ownMunicipality', { ags: attendee.ags ?? null });
        return removedAny(tx, REMOVE_ATTENDANCE, { id: slug, ...actorParams(attendee) });
      }, { derives: ['network'] }),

    addTopic: (slug: string, topic: string) =>
      db.write('event.addTopic', async (tx) => {
        await ensureExist(tx, { Event: [slug], Topic: [topic] });
        await tx.run(ADD_TOPIC, { id: slug, topic });
      }),

    removeTopic: (slug: string, topic: string) =>
      db.write('event.removeTopic', async (tx) => {
        await ensureExist(tx, { Event: [slug], Topic: [topic] });
        return removedAny(tx, REMOVE_TOPIC, { id: slug, topic });
      }),
  };
}

export type EventRepository = ReturnType<typeof eventRepository>;
