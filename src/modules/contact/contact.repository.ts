// Cypher for contacts: the people to talk to. Their e-mail and phone leave
// the database only through CONTACT_FIELDS, which applies the privacy rule.
import { randomUUID } from 'node:crypto';
import { cypher } from '../../db/cypher.js';
import type { Database, Tx } from '../../db/database.js';
import { emptyPage, listPageStatement, pageOf, type PageRequest } from '../shared/connection.js';
import { ensureExist, listStatement, perKey, readByKeys, readLists, removedAny, UNWIND_KEYS } from '../shared/batch.js';
import { nameKey } from '../shared/text.js';
import type { ActorRef } from '../shared/validation.js';
import { toProject, type ProjectRecord } from '../project/project.record.js';
import { toTopic, type TopicRecord } from '../topic/topic.record.js';
import { CONTACT_FIELDS, toContact, type ContactRecord } from './contact.record.js';
import { ACTOR_TYPE, actorParams, ensureActor, replaceActorLink, toActor } from '../shared/actor.js';

const BY_ID = cypher('contact.byId', `MATCH (c:Contact) WHERE c.id IN $keys RETURN c.id AS key, ${CONTACT_FIELDS('c')} AS node`);

const FILTER = `($ags IS NULL OR EXISTS { (c)-[:WORKS_FOR]->(:Municipality {ags: $ags}) })
  AND ($organization IS NULL OR EXISTS { (c)-[:WORKS_FOR]->(:Organization {id: $organization}) })
  AND ($expertIn IS NULL OR EXISTS { (c)-[:EXPERT_IN]->(:Topic {slug: $expertIn}) })`;

const LIST = listPageStatement('contact.list', {
  node: 'c',
  pattern: '(c:Contact)',
  where: FILTER,
  sort: 'c.nameKey',
  direction: 'ASC',
  key: 'c.id',
  projection: CONTACT_FIELDS('c'),
});

const EMPLOYER = cypher(
  'contact.employer',
  `${UNWIND_KEYS} MATCH (:Contact {id: key})-[:WORKS_FOR]->(a) WHERE a:Municipality OR a:Organization
   RETURN i, ${ACTOR_TYPE('a')} AS type, a {.*} AS node`,
);
const PROJECTS = listStatement('contact.projects', '(:Contact {id: key})-[:CONTACT_FOR]->(x:Project)', 'x.nameKey, x.id');
const EXPERTISE = listStatement('contact.expertise', '(:Contact {id: key})-[:EXPERT_IN]->(x:Topic)', 'x.slug');

const CREATE = cypher(
  'contact.create',
  `CREATE (c:Contact)
   SET c = $props, c.consentAt = datetime($consentAt)
   WITH c
   UNWIND $expertise AS slug
   MATCH (t:Topic {slug: slug})
   CREATE (c)-[:EXPERT_IN]->(t)`,
);

const UPDATE = cypher(
  'contact.update',
  `MATCH (c:Contact {id: $id})
   SET c += $changes,
       c.consentAt = CASE WHEN $setConsent THEN datetime($consentAt) ELSE c.consentAt END`,
);

const SET_EMPLOYER = replaceActorLink('contact.setEmployer', 'Contact', 'WORKS_FOR');
const DELETE = cypher('contact.delete', 'MATCH (c:Contact {id: $id}) DETACH DELETE c');
const ADD_EXPERTISE = cypher('contact.addExpertise', 'MATCH (c:Contact {id: $id}), (t:Topic {slug: $topic}) MERGE (c)-[:EXPERT_IN]->(t)');
const REMOVE_EXPERTISE = cypher(
  'contact.removeExpertise',
  'MATCH (:Contact {id: $id})-[r:EXPERT_IN]->(:Topic {slug: $topic}) DELETE r RETURN count(*) AS removed',
);

/** A new contact (the UUID is made here): its own fields plus employer and expertise to link. */
export type ContactWrite = Omit<ContactRecord, '__typename' | 'uuid'> & { employer: ActorRef | null; expertise: string[] };

export type ContactChanges = Partial<Pick<ContactWrite, 'name' | 'role' | 'email' | 'phone' | 'visibility' | 'consentAt'>>;

async function setEmployer(tx: Tx, id: string, employer: ActorRef | null) {
  await ensureActor(tx, employer);
  await tx.run(SET_EMPLOYER, { id, ...actorParams(employer) });
}

export function contactRepository(db: Database) {
  return {
    byUuid: readByKeys(db, BY_ID, toContact),

    list: (filter: { ags: string | null; organization: string | null; expertIn: string | null }, page: PageRequest) =>
      db.read('contact.list', async (tx) => {
        const [row] = await tx.run(LIST, { ...filter, limit: page.limit, after: page.after });
        return row ? pageOf(toContact)(row) : emptyPage<ContactRecord>();
      }),

    employer: (keys: readonly string[]) => db.read('contact.employer', (tx) => perKey(tx, EMPLOYER, keys, toActor, () => null)),
    projects: readLists<ProjectRecord>(db, PROJECTS, toProject),
    expertise: readLists<TopicRecord>(db, EXPERTISE, toTopic),

    /** Returns the new contact's UUID. */
    create: (input: ContactWrite) =>
      db.write('contact.create', async (tx) => {
        await ensureExist(tx, { Topic: input.expertise });
        const id = randomUUID();
        const { employer, expertise, consentAt, ...fields } = input;
        await tx.run(CREATE, { props: { ...fields, id, nameKey: nameKey(input.name) }, consentAt, expertise });
        await setEmployer(tx, id, employer);
        return id;
      }),

    update: (id: string, changes: ContactChanges, employer: ActorRef | null | undefined) =>
      db.write('contact.update', async (tx) => {
        await ensureExist(tx, { Contact: [id] });
        const { consentAt, ...plain } = changes;
        const props = plain.name === undefined ? plain : { ...plain, nameKey: nameKey(plain.name) };
        await tx.run(UPDATE, { id, changes: props, setConsent: 'consentAt' in changes, consentAt: consentAt ?? null });
        if (employer !== undefined) await setEmployer(tx, id, employer);
      }),

    delete: (id: string) =>
      db.write('contact.delete', async (tx) => {
        await ensureExist(tx, { Contact: [id] });
        await tx.run(DELETE, { id });
      }),

    addExpertise: (id: string, topic: string) =>
      db.write('contact.addExpertise', async (tx) => {
        await ensureExist(tx, { Contact: [id], Topic: [topic] });
        await tx.run(ADD_EXPERTISE, { id, topic });
      }),

    removeExpertise: (id: string, topic: string) =>
      db.write('contact.removeExpertise', async (tx) => {
        await ensureExist(tx, { Contact: [id], Topic: [topic] });
        return removedAny(tx, REMOVE_EXPERTISE, { id, topic });
      }),
  };
}

export type ContactRepository = ReturnType<typeof contactRepository>;
