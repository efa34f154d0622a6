// Cypher for topics: the two-level taxonomy, its projects, interested municipalities and experts.
import type { Access } from '../../auth/viewer.js';
import { cypher } from '../../db/cypher.js';
import type { Database, Row, Tx } from '../../db/database.js';
import { badInput, conflict, notFound } from '../../errors.js';
import { afterKeyset, emptyPage, listPageStatement, pageOf, type PageRequest } from '../../kernel/connection.js';
import { listStatement, perKey, readByKeys, readLists, UNWIND_KEYS } from '../../kernel/batch.js';
import { contactListStatement, toContact, type ContactRecord } from '../../records/contact.js';
import { toEvent, type EventRecord } from '../../records/event.js';
import { toMunicipality, type MunicipalityRecord } from '../../records/municipality.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { toTopic, type TopicRecord } from '../../records/topic.js';

const BY_SLUG = cypher('topic.bySlug', 'MATCH (t:Topic) WHERE t.slug IN $keys RETURN t.slug AS key, t {.*} AS node');

const FILTER = `($fieldsOfAction IS NULL OR $fieldsOfAction = (NOT EXISTS { (t)-[:SUBTOPIC_OF]->(:Topic) }))
  AND ($parent IS NULL OR EXISTS { (t)-[:SUBTOPIC_OF]->(:Topic {slug: $parent}) })`;

const LIST = listPageStatement('topic.list', { node: 't', pattern: '(t:Topic)', where: FILTER, sort: 't.slug', direction: 'ASC', key: 't.slug' });

const PARENT = cypher('topic.parent', `${UNWIND_KEYS} MATCH (:Topic {slug: key})-[:SUBTOPIC_OF]->(p:Topic) RETURN i, p {.*} AS node`);

const SUBTOPICS = listStatement('topic.subtopics', 'Topic.subtopics', '(x:Topic)-[:SUBTOPIC_OF]->(:Topic {slug: key})', 'x.slug');

// A field of action's projects include those of its sub-topics unless asked otherwise; DISTINCT because a project may address both.
const PROJECTS = cypher(
  'topic.projects',
  `${UNWIND_KEYS}
   MATCH (t:Topic {slug: key.slug})
   CALL (t, key) {
     MATCH (p:Project)-[:ADDRESSES]->(x:Topic)
     WHERE (x = t OR (key.includeSubtopics AND (x)-[:SUBTOPIC_OF]->(t))) AND ${afterKeyset('p.nameKey', 'p.id', 'ASC', 'key.after')}
     WITH DISTINCT p ORDER BY p.nameKey, p.id
     RETURN collect({node: p {.*}, sort: p.nameKey, key: p.id}) AS rows
   }
   CALL (t, key) {
     MATCH (p:Project)-[:ADDRESSES]->(x:Topic)
     WHERE x = t OR (key.includeSubtopics AND (x)-[:SUBTOPIC_OF]->(t))
     RETURN count(DISTINCT p) AS total
   }
   RETURN i, rows[..key.limit] AS rows, total`,
);

const INTERESTED = cypher(
  'topic.interestedMunicipalities',
  `${UNWIND_KEYS}
   MATCH (t:Topic {slug: key.slug})
   CALL (t, key) {
     MATCH (m:Municipality)-[:INTERESTED_IN]->(t) WHERE ${afterKeyset('m.nameKey', 'm.ags', 'ASC', 'key.after')}
     WITH m ORDER BY m.nameKey, m.ags
     RETURN collect({node: m {.*}, sort: m.nameKey, key: m.ags}) AS rows
   }
   RETURN i, rows[..key.limit] AS rows, COUNT { (:Municipality)-[:INTERESTED_IN]->(t) } AS total`,
);

const EXPERTS = contactListStatement('topic.experts', 'Topic.experts', '(x:Contact)-[:EXPERT_IN]->(:Topic {slug: key})');

// Dated events only: a standing format has no `startsAt`, which this list's clients may select (Event.startsOn is for it).
const EVENTS = listStatement('topic.events', 'Topic.events', '(x:Event)-[:COVERS]->(:Topic {slug: key})', 'x.startsAt, x.id', 'x {.*}', 'x.startsAt IS NOT NULL');

const CREATE = cypher(
  'topic.create',
  `CREATE (t:Topic {slug: $slug, name: $name, nameEn: $nameEn, description: $description})
   WITH t
   OPTIONAL MATCH (p:Topic {slug: $parent})
   FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (t)-[:SUBTOPIC_OF]->(p))
   RETURN t {.*} AS t`,
);

const SHAPE = cypher(
  'topic.shape',
  `MATCH (t:Topic {slug: $slug})
   RETURN EXISTS { (t)-[:SUBTOPIC_OF]->() } AS isSubtopic, EXISTS { ()-[:SUBTOPIC_OF]->(t) } AS hasSubtopics`,
);

const UPDATE = cypher('topic.update', 'MATCH (t:Topic {slug: $slug}) SET t += $changes RETURN t {.*} AS t');

  const SET_PARENT = cypher(
    'topic.setParent',
    `MATCH (t:Topic {slug: $slug})
     OPTIONAL MATCH (t)-[old:SUBTOPIC_OF]->()
     DELETE old
     WITH DISTINCT t
     OPTIONAL MATCH (p:Topic {slug: $parent})
     FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (t)-[:SUBTOPIC_OF]->(p))`,
  );
  
  const DELETE = cypher('topic.delete', 'MATCH (t:Topic {slug: $slug}) DETACH DELETE t');
  
  // Exchange links keep their topics as a list of slugs on the relationship: drop the deleted one there too.
  const FORGET_IN_EXCHANGES = cypher(
    'topic.forgetInExchanges',
    `MATCH ()-[x:EXCHANGES_WITH]->() WHERE $slug IN x.topics SET x.topics = [s IN x.topics WHERE s <> $slug]`,
  );
  
  export type TopicWrite = Omit<TopicRecord, '__typename'> & { parent: string | null };
  
  export function topicRepository(db: Database, { viewer }: Access) {
    /** A parent must exist and be a field of action itself: the taxonomy has two levels. */
    async function checkParent(tx: Tx, parent: string) {
      const [shape] = await tx.run<{ isSubtopic: boolean }>(SHAPE, { slug: parent });
      if (!shape) throw notFound('Topic', parent);
      if (shape.isSubtopic) throw badInput(`Topic '${parent}' is a sub-topic; a parent must be a field of action.`, { argument: 'parent' });
    }
  
    return {
      bySlug: readByKeys(db, BY_SLUG, toTopic),
  
      list: (filter: { fieldsOfAction: boolean | null; parent: string | null }, page: PageRequest) =>
        db.read('topic.list', async (tx) => {
          const [row] = await tx.run(LIST, { ...filter, limit: page.limit, after: page.after });
          return row ? pageOf(toTopic)(row) : emptyPage<TopicRecord>();
        }),
  
      parent: (keys: readonly string[]) => db.read('topic.parent', (tx) => perKey(tx, PARENT, keys, (r) => toTopic(r.node as Row), () => null)),
      subtopics: readLists<TopicRecord>(db, SUBTOPICS, toTopic),
      projects: (keys: readonly { slug: string; includeSubtopics: boolean; limit: number; after: PageRequest['after'] }[]) =>
        db.read('topic.projects', (tx) => perKey(tx, PROJECTS, keys, pageOf(toProject), emptyPage<ProjectRecord>)),
      interestedMunicipalities: (keys: readonly { slug: string; limit: number; after: PageRequest['after'] }[]) =>
        db.read('topic.interestedMunicipalities', (tx) => perKey(tx, INTERESTED, keys, pageOf(toMunicipality), emptyPage<MunicipalityRecord>)),
      experts: readLists<ContactRecord>(db, EXPERTS, toContact, { viewer }),
      events: readLists<EventRecord>(db, EVENTS, toEvent),
  
      create: (input: TopicWrite) =>
        db.write('topic.create', async (tx) => {
          if (input.parent !== null) await checkParent(tx, input.parent);
          const [row] = await tx.run<{ t: Row }>(CREATE, { ...input });
          return toTopic(row!.t);
          // A new topic joins the list discovery checks `interests` against.
        }, { derives: ['profiles'] }),
  
      /** `changes` holds only the fields to change; `parent` undefined means "leave as is". */
      update: (slug: string, changes: { name?: string; nameEn?: string | null; description?: string | null }, parent: string | null | undefined) =>
      db.write(
        'topic.update',
        async (tx) => {
          const [shape] = await tx.run<{ isSubtopic: boolean; hasSubtopics: boolean }>(SHAPE, { slug });
          if (!shape) throw notFound('Topic', slug);
          if (parent !== undefined && parent !== null) {
            if (parent === slug) throw badInput('A topic cannot be its own parent.', { argument: 'input.parent' });
            if (shape.hasSubtopics) throw conflict(`Topic '${slug}' has sub-topics, so it cannot become a sub-topic itself.`);
            await checkParent(tx, parent);
          }
          const [row] = await tx.run<{ t: Row }>(UPDATE, { slug, changes });
          if (parent !== undefined) await tx.run(SET_PARENT, { slug, parent });
          return toTopic(row!.t);
        },
        // A new parent changes the topic profiles (a sub-topic counts for its field); a new name changes no derived data.
        { derives: parent === undefined ? [] : ['profiles', 'network'] },
      ),

    delete: (slug: string) =>
      db.write('topic.delete', async (tx) => {
        const [shape] = await tx.run<{ hasSubtopics: boolean }>(SHAPE, { slug });
        if (!shape) throw notFound('Topic', slug);
        if (shape.hasSubtopics) throw conflict(`Topic '${slug}' has sub-topics; delete or move them first.`);
        await tx.run(FORGET_IN_EXCHANGES, { slug });
        await tx.run(DELETE, { slug });
      }, { derives: ['network', 'profiles'] }),
  };
}

export type TopicRepository = ReturnType<typeof topicRepository>;
