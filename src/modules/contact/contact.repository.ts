// Cypher for contacts: the people to talk to. Their e-mail and phone leave
// the database only through CONTACT_FIELDS, which applies the privacy rule.
import { randomUUID } from 'node:crypto';
import { cypher } from '../../db/cypher.js';
import type { Database, Row, Tx } from '../../db/database.js';
import type { Visibility } from '../../generated/graphql.js';
import { afterKeyset, emptyPage, pageOf, type PageRequest } from '../shared/connection.js';
import { ensureExist, perKey, UNWIND_KEYS } from '../shared/batch.js';
import { nameKey } from '../shared/text.js';
import type { ActorRef } from '../shared/validation.js';
import { toProject, type ProjectRecord } from '../project/project.record.js';
import { toTopic, type TopicRecord } from '../topic/topic.record.js';
import { ACTOR_TYPE, CONTACT_FIELDS, toActor, toContact, type ContactRecord } from './contact.record.js';

const BY_ID = cypher('contact.byId', `MATCH (c:Contact) WHERE c.id IN $keys RETURN ${CONTACT_FIELDS('c')} AS c`);

const FILTER = `($ags IS NULL OR EXISTS { (c)-[:WORKS_FOR]->(:Municipality {ags: $ags}) })
  AND ($organization IS NULL OR EXISTS { (c)-[:WORKS_FOR]->(:Organization {id: $organization}) })
  AND ($expertIn IS NULL OR EXISTS { (c)-[:EXPERT_IN]->(:Topic {slug: $expertIn}) })`;

const LIST = cypher(
  'contact.list',
  `CALL () { MATCH (c:Contact) WHERE ${FILTER} RETURN count(c) AS total }
   CALL () {
     MATCH (c:Contact) WHERE ${FILTER} AND ${afterKeyset('c.nameKey', 'c.id', 'ASC')}
     WITH c ORDER BY c.nameKey, c.id LIMIT $limit
     RETURN collect({node: ${CONTACT_FIELDS('c')}, sort: c.nameKey, key: c.id}) AS rows
   }
   RETURN total, rows`,
);

const EMPLOYER = cypher(
  'contact.employer',
  `${UNWIND_KEYS} MATCH (:Contact {id: key})-[:WORKS_FOR]->(a) WHERE a:Municipality OR a:Organization
   RETURN i, ${ACTOR_TYPE('a')} AS type, a {.*} AS node`,
);
const PROJECTS = cypher(
  'contact.projects',
  `${UNWIND_KEYS} MATCH (:Contact {id: key})-[:CONTACT_FOR]->(p:Project) WITH i, p ORDER BY p.nameKey, p.id RETURN i, collect(p {.*}) AS items`,
);
const EXPERTISE = cypher(
  'contact.expertise',
  `${UNWIND_KEYS} MATCH (:Contact {id: key})-[:EXPERT_IN]->(t:Topic) WITH i, t ORDER BY t.slug RETURN i, collect(t {.*}) AS items`,
);

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

// Employer: remove the old link, then link to the municipality or organization given (if any).
const SET_EMPLOYER = cypher(
  'contact.setEmployer',
  `MATCH (c:Contact {id: $id})
   OPTIONAL MATCH (c)-[old:WORKS_FOR]->()
   DELETE old
   WITH DISTINCT c
   OPTIONAL MATCH (m:Municipality {ags: $ags})
   OPTIONAL MATCH (o:Organization {id: $organization})
   FOREACH (e IN [x IN [m, o] WHERE x IS NOT NULL] | CREATE (c)-[:WORKS_FOR]->(e))`,
);

const DELETE = cypher('contact.delete', 'MATCH (c:Contact {id: $id}) DETACH DELETE c');
const ADD_EXPERTISE = cypher('contact.addExpertise', 'MATCH (c:Contact {id: $id}), (t:Topic {slug: $topic}) MERGE (c)-[:EXPERT_IN]->(t)');
const REMOVE_EXPERTISE = cypher(
  'contact.removeExpertise',
  'MATCH (:Contact {id: $id})-[r:EXPERT_IN]->(:Topic {slug: $topic}) DELETE r RETURN count(*) AS removed',
);

export interface ContactWrite {
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  visibility: Visibility;
  consentAt: string | null;
  employer: ActorRef | null;
  expertise: string[];
}

export type ContactChanges = Partial<Pick<ContactWrite, 'name' | 'role' | 'email' | 'phone' | 'visibility' | 'consentAt'>>;

async function setEmployer(tx: Tx, id: string, employer: ActorRef | null) {
  if (employer?.ags !== undefined) await ensureExist(tx, { Municipality: [employer.ags] });
  if (employer?.organization !== undefined) await ensureExist(tx, { Organization: [employer.organization] });
  await tx.run(SET_EMPLOYER, { id, ags: employer?.ags ?? null, organization: employer?.organization ?? null });
}

export function contactRepository(db: Database) {
  return {
    byUuid: (keys: readonly string[]) =>
      db.read('contact.byId', async (tx) => {
        const found = new Map((await tx.run<{ c: Row }>(BY_ID, { keys })).map(({ c }) => [c.id as string, toContact(c)]));
        return keys.map((k) => found.get(k) ?? null);
      }),

    list: (filter: { ags: string | null; organization: string | null; expertIn: string | null }, page: PageRequest) =>
      db.read('contact.list', async (tx) => {
        const [row] = await tx.run(LIST, { ...filter, limit: page.limit, after: page.after });
        return row ? pageOf(toContact)(row) : emptyPage<ContactRecord>();
      }),

    employer: (keys: readonly string[]) => db.read('contact.employer', (tx) => perKey(tx, EMPLOYER, keys, toActor, () => null)),
    projects: (keys: readonly string[]) =>
      db.read('contact.projects', (tx) => perKey(tx, PROJECTS, keys, (r) => (r.items as Row[]).map(toProject), (): ProjectRecord[] => [])),
    expertise: (keys: readonly string[]) =>
      db.read('contact.expertise', (tx) => perKey(tx, EXPERTISE, keys, (r) => (r.items as Row[]).map(toTopic), (): TopicRecord[] => [])),

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
        const [row] = await tx.run<{ removed: number }>(REMOVE_EXPERTISE, { id, topic });
        return (row?.removed ?? 0) > 0;
      }),
  };
}

export type ContactRepository = ReturnType<typeof contactRepository>;
