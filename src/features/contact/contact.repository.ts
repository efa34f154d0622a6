// Cypher for contacts: the people to talk to. Their e-mail and phone leave
// the database only through CONTACT_FIELDS, which applies the privacy rule.
import { randomUUID } from 'node:crypto';
import type { Access } from '../../auth/viewer.js';
import { cypher } from '../../db/cypher.js';
import type { Database, Row, Tx } from '../../db/database.js';
import type { Visibility } from '../../generated/graphql.js';
import { authorize } from '../../auth/guard.js';
import { emptyPage, listPageStatement, pageOf, type PageRequest } from '../../kernel/connection.js';
import { ensureExist, listStatement, perKey, readByKeys, readLists, removedAny, UNWIND_KEYS } from '../../kernel/batch.js';
import { ApiError, notFound } from '../../errors.js';
import { nameKey } from '../../kernel/text.js';
import { capSlice } from '../../kernel/list-caps.js';
import type { ActorRef } from '../../kernel/validation.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { toTopic, type TopicRecord } from '../../records/topic.js';
import { CONTACT_FIELDS, CONTACT_SHOWN, ensureContactShown, toContact, type ContactRecord } from '../../records/contact.js';
import { ACTOR_TYPE, actorParams, ensureActor, replaceActorLink, toActor } from '../../records/actor.js';

const BY_ID = cypher(
  'contact.byId',
  `MATCH (c:Contact) WHERE c.id IN $keys AND ${CONTACT_SHOWN('c')} RETURN c.id AS key, ${CONTACT_FIELDS('c')} AS node`,
);

// A contact the viewer may not see is, to them, one that does not exist: the same NOT_FOUND either way,
// so no write or export can tell a hidden person from a made-up id.

const FILTER = `($ags IS NULL OR EXISTS { (c)-[:WORKS_FOR]->(:Municipality {ags: $ags}) })
  AND ($organization IS NULL OR EXISTS { (c)-[:WORKS_FOR]->(:Organization {id: $organization}) })
  AND ($expertIn IS NULL OR EXISTS { (c)-[:EXPERT_IN]->(:Topic {slug: $expertIn}) })
  AND ${CONTACT_SHOWN('c')}`;

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
const PROJECTS = listStatement('contact.projects', 'Contact.projects', '(:Contact {id: key})-[:CONTACT_FOR]->(x:Project)', 'x.nameKey, x.id');
const EXPERTISE = listStatement('contact.expertise', 'Contact.expertise', '(:Contact {id: key})-[:EXPERT_IN]->(x:Topic)', 'x.slug');

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

// Everything stored about the person, unmasked: the node's fields and every relationship, whatever its type.
const EXPORT = cypher(
  'contact.export',
  `MATCH (c:Contact {id: $id})
   RETURN c {.id, .name, .role, .email, .phone, .visibility, .consentAt} AS contact,
          // A read takes no locks: a link erased meanwhile may come back without its type or target, and is left out.
          [l IN [(c)-[r]-(x) | {relationship: type(r), targetType: labels(x)[0], targetKey: coalesce(x.ags, x.id, x.slug), targetName: coalesce(x.name, x.title)}]
           WHERE l.relationship IS NOT NULL AND l.targetType IS NOT NULL AND l.targetKey IS NOT NULL]${capSlice('ContactExport.links')} AS links`,
);
// Erasure: the node, and with it every relationship, in one statement. The full-text index is
// updated in the same transaction, so search cannot find the person once this commits.
const ERASE = cypher(
  'contact.erase',
  `MATCH (c:Contact {id: $id})
   OPTIONAL MATCH (c)-[r]-()
   WITH c, count(r) AS links
   DETACH DELETE c
   RETURN links`,
);
const ADD_EXPERTISE = cypher('contact.addExpertise', 'MATCH (c:Contact {id: $id}), (t:Topic {slug: $topic}) MERGE (c)-[:EXPERT_IN]->(t)');
const REMOVE_EXPERTISE = cypher(
  'contact.removeExpertise',
  'MATCH (:Contact {id: $id})-[r:EXPERT_IN]->(:Topic {slug: $topic}) DELETE r RETURN count(*) AS removed',
);

/** A new contact (the UUID is made here): its own fields plus employer and expertise to link. */
export type ContactWrite = Omit<ContactRecord, '__typename' | 'uuid'> & { employer: ActorRef | null; expertise: string[] };

export type ContactChanges = Partial<Pick<ContactWrite, 'name' | 'role' | 'email' | 'phone' | 'visibility' | 'consentAt'>>;

export interface ContactLink {
  relationship: string;
  targetType: string;
  targetKey: string;
  targetName: string | null;
}

async function setEmployer(tx: Tx, id: string, employer: ActorRef | null) {
  await tx.run(SET_EMPLOYER, { id, ...actorParams(employer) });
}

export function contactRepository(db: Database, { viewer, scope }: Access) {
  const ensureShown = (tx: Tx, id: string) => ensureContactShown(tx, id, viewer);
  /** Everything stored about the person (GDPR Art. 15 and 20). */
  const exportOf = (id: string) =>
    db.read('contact.export', async (tx) => {
      await ensureShown(tx, id);
      // A read takes no locks: a refusal may come from the person's being erased since the check, which
      // is NOT_FOUND (as the race test found); the second look sees what has committed meanwhile.
      await authorize(tx, scope, 'contactExport', { id }).catch(async (refusal: unknown) => {
        await ensureShown(tx, id);
        throw refusal;
      });
      const [row] = await tx.run<{ contact: Row; links: ContactLink[] }>(EXPORT, { id });
      if (!row) throw notFound('Contact', id);
      const c = row.contact;
      return {
        uuid: c.id as string,
        name: c.name as string,
        role: (c.role as string | null) ?? null,
        email: (c.email as string | null) ?? null,
        phone: (c.phone as string | null) ?? null,
        visibility: c.visibility as Visibility,
        consentAt: (c.consentAt as string | null) ?? null,
        links: row.links,
      };
    });
  return {
    byUuid: readByKeys(db, BY_ID, toContact, { viewer }),

    list: (filter: { ags: string | null; organization: string | null; expertIn: string | null }, page: PageRequest) =>
      db.read('contact.list', async (tx) => {
        const [row] = await tx.run(LIST, { ...filter, viewer, limit: page.limit, after: page.after });
        return row ? pageOf(toContact)(row) : emptyPage<ContactRecord>();
      }),

    employer: (keys: readonly string[]) => db.read('contact.employer', (tx) => perKey(tx, EMPLOYER, keys, toActor, () => null)),
    projects: readLists<ProjectRecord>(db, PROJECTS, toProject),
    expertise: readLists<TopicRecord>(db, EXPERTISE, toTopic),

    /** Returns the new contact's UUID. */
    create: (input: ContactWrite) =>
      db.write('contact.create', async (tx) => {
        await ensureExist(tx, { Topic: input.expertise });
        await ensureActor(tx, input.employer);
        await authorize(tx, scope, 'ownMunicipality', { ags: input.employer?.ags ?? null });
        const id = randomUUID();
        const { employer, expertise, consentAt, ...fields } = input;
        await tx.run(CREATE, { props: { ...fields, id, nameKey: nameKey(input.name) }, consentAt, expertise });
        await setEmployer(tx, id, employer);
        return id;
      }),

    update: (id: string, changes: ContactChanges, employer: ActorRef | null | undefined) =>
      db.write('contact.update', async (tx) => {
        await ensureShown(tx, id);
        await authorize(tx, scope, 'contact', { id });
        if (employer !== undefined) {
          await ensureActor(tx, employer);
          await authorize(tx, scope, 'ownMunicipality', { ags: employer?.ags ?? null });
        }
        const { consentAt, ...plain } = changes;
        const props = plain.name === undefined ? plain : { ...plain, nameKey: nameKey(plain.name) };
        await tx.run(UPDATE, { id, changes: props, setConsent: 'consentAt' in changes, consentAt: consentAt ?? null });
        if (employer !== undefined) await setEmployer(tx, id, employer);
      }),

    delete: (id: string) =>
      db.write('contact.delete', async (tx) => {
        await ensureShown(tx, id);
        await authorize(tx, scope, 'contact', { id });
        await tx.run(DELETE, { id });
      }),

    exportData: (id: string) =>
      exportOf(id).catch(async (error: unknown) => {
        // A read takes no locks: when it failed because the person was erased under it (Neo4j cannot load a
        // node it had matched), that is NOT_FOUND, as a fresh look shows.
        if (!(error instanceof ApiError)) await db.read('contact.export', (tx) => ensureShown(tx, id));
        throw error;
      }),

    /** Erases the person and every relationship (GDPR Art. 17); returns how many relationships went with it. */
    erase: (id: string) =>
      db.write('contact.erase', async (tx) => {
        await ensureShown(tx, id);
        await authorize(tx, scope, 'contact', { id });
        const [row] = await tx.run<{ links: number }>(ERASE, { id });
        return row!.links;
      }),

    addExpertise: (id: string, topic: string) =>
      db.write('contact.addExpertise', async (tx) => {
        await ensureShown(tx, id);
        await ensureExist(tx, { Topic: [topic] });
        await authorize(tx, scope, 'contact', { id });
        await tx.run(ADD_EXPERTISE, { id, topic });
      }),

    removeExpertise: (id: string, topic: string) =>
      db.write('contact.removeExpertise', async (tx) => {
        await ensureShown(tx, id);
        await ensureExist(tx, { Topic: [topic] });
        await authorize(tx, scope, 'contact', { id });
        return removedAny(tx, REMOVE_EXPERTISE, { id, topic });
      }),
  };
}

export type ContactRepository = ReturnType<typeof contactRepository>;
