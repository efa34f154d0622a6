// Cypher for projects: lookups, the filtered list, their runners, topics, contacts and backers.
import { authorize } from '../../auth/guard.js';
import type { Access } from '../../auth/viewer.js';
import { cypher, type Statement } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import { badInput } from '../../errors.js';
import type { BackingKind, ProjectOrder, ProjectStatus, RunnerRole, State } from '../../generated/graphql.js';
import { emptyPage, listPageStatement, pageOf, type PageRequest } from '../../kernel/connection.js';
import { bySlugOrFormer, ensureExist, listStatement, readByKeys, readLists, removedAny, UNWIND_KEYS } from '../../kernel/batch.js';
import { nameKey } from '../../kernel/text.js';
import { capLimit } from '../../kernel/list-caps.js';
import { projected, WIDE, type NarrowParams } from '../../records/projection.js';
import { contactListStatement, ensureContactShown, toContact, type ContactRecord } from '../../records/contact.js';
import { toMunicipality } from '../../records/municipality.js';
import { toOrganization, type OrganizationRecord } from '../../records/organization.js';
import { toTopic, type TopicRecord } from '../../records/topic.js';
import { toProject, type ProjectRecord, type RunnerRecord } from '../../records/project.js';

export interface ProjectFilterParams {
  topic: string | null;
  status: ProjectStatus | null;
  programme: string | null;
  cohort: number | null;
  state: State | null;
}

const BY_SLUG = bySlugOrFormer('project.bySlug', 'Project');

// A topic filter matches the topic itself and its sub-topics.
const FILTER = `($status IS NULL OR p.status = $status)
  AND ($programme IS NULL OR p.programme = $programme)
  AND ($cohort IS NULL OR p.cohort = $cohort)
  AND ($topic IS NULL OR EXISTS { (p)-[:ADDRESSES]->(t:Topic) WHERE t.slug = $topic OR EXISTS { (t)-[:SUBTOPIC_OF]->(:Topic {slug: $topic}) } })
  AND ($state IS NULL OR EXISTS { (:Municipality {state: $state})-[:RUNS]->(p) })`;

// START_DATE_DESC sorts on the ISO text of the date; '' puts projects without a start last.
const ORDERS: Record<ProjectOrder, { sort: string; direction: 'ASC' | 'DESC' }> = {
  NAME: { sort: 'p.nameKey', direction: 'ASC' },
  START_DATE_DESC: { sort: "coalesce(toString(p.startDate), '')", direction: 'DESC' },
};

const LIST = Object.fromEntries(
  Object.entries(ORDERS).map(([order, { sort, direction }]) => [
    order,
    listPageStatement(`project.list.${order}`, { node: 'p', pattern: '(p:Project)', where: FILTER, sort, direction, key: 'p.id', projection: projected('Project', 'p', '$narrow.project') }),
  ]),
) as Record<ProjectOrder, Statement>;


// The runners of a project, in the order of the runner loader (lead first, then by name).
const RUNNERS_OF = (p: string, municipality = 'm {.*}') =>
  `COLLECT { MATCH (m:Municipality)-[r:RUNS]->(${p}) WITH r, m ORDER BY CASE r.role WHEN 'LEAD' THEN 0 ELSE 1 END, m.nameKey, m.ags ${capLimit('Project.runners')}
             RETURN {role: r.role, municipality: ${municipality}} }`;

// The same lists with each page item's runners (the look-ahead asks for them when the operation selects them).
const LIST_WITH_RUNNERS = Object.fromEntries(
  Object.entries(ORDERS).map(([order, { sort, direction }]) => [
    order,
    listPageStatement(`project.listWithRunners.${order}`, {
      node: 'p',
      pattern: '(p:Project)',
      where: FILTER,
      sort,
      direction,
      key: 'p.id',
      projection: projected('Project', 'p', '$narrow.project'),
      extras: `runners: ${RUNNERS_OF('p', projected('Municipality', 'm', '$narrow.municipality'))}`,
    }),
  ]),
) as Record<ProjectOrder, Statement>;

const RUNNERS = cypher('project.runners', `${UNWIND_KEYS} MATCH (p:Project {id: key}) RETURN i, ${RUNNERS_OF('p')} AS items`);

const TOPICS = listStatement('project.topics', 'Project.topics', '(:Project {id: key})-[:ADDRESSES]->(x:Topic)', 'x.slug', 'x {.*}');
const CONTACTS = contactListStatement('project.contacts', 'Project.contacts', '(x:Contact)-[:CONTACT_FOR]->(:Project {id: key})');
const FUNDERS = listStatement('project.funders', 'Project.funders', '(x:Organization)-[:FUNDS]->(:Project {id: key})', 'x.nameKey, x.id', 'x {.*}');
const SUPPORTERS = listStatement('project.supporters', 'Project.supporters', '(x:Organization)-[:SUPPORTS]->(:Project {id: key})', 'x.nameKey, x.id', 'x {.*}');

const CREATE = cypher(
  'project.create',
  `CREATE (p:Project)
   SET p = $props, p.startDate = date($startDate), p.endDate = date($endDate)
   WITH p
   CALL (p) { UNWIND $topics AS slug MATCH (t:Topic {slug: slug}) CREATE (p)-[:ADDRESSES]->(t) }
   CALL (p) { UNWIND $runners AS runner MATCH (m:Municipality {ags: runner.ags}) CREATE (m)-[:RUNS {role: runner.role}]->(p) }
   RETURN p {.*} AS p`,
);

// Dates are set only when named in the input ($setX), so "left out" and "set to null" differ.
const UPDATE = cypher(
  'project.update',
  `MATCH (p:Project {id: $id})
   SET p += $changes,
       p.startDate = CASE WHEN $setStart THEN date($startDate) ELSE p.startDate END,
       p.endDate = CASE WHEN $setEnd THEN date($endDate) ELSE p.endDate END
   RETURN p {.*} AS p, p.endDate < p.startDate AS endsBeforeStart`,
);

const DELETE = cypher('project.delete', 'MATCH (p:Project {id: $id}) DETACH DELETE p');

const ADD_RUNNER = cypher(
  'project.addRunner',
  'MATCH (m:Municipality {ags: $ags}), (p:Project {id: $id}) MERGE (m)-[r:RUNS]->(p) SET r.role = $role',
);
// A runner that leaves takes its own staff off the project's contacts (they were its contacts for the project).
const REMOVE_RUNNER = cypher(
  'project.removeRunner',
  `MATCH (m:Municipality {ags: $ags})-[r:RUNS]->(p:Project {id: $id})
   DELETE r
   WITH m, p
   CALL (m, p) {
     MATCH (c:Contact)-[cf:CONTACT_FOR]->(p) WHERE EXISTS { (c)-[:WORKS_FOR]->(m) }
     DELETE cf
   }
   RETURN count(*) AS removed`,
);
const ADD_TOPIC = cypher('project.addTopic', 'MATCH (p:Project {id: $id}), (t:Topic {slug: $topic}) MERGE (p)-[:ADDRESSES]->(t)');
const REMOVE_TOPIC = cypher(
  'project.removeTopic',
  'MATCH (:Project {id: $id})-[r:ADDRESSES]->(:Topic {slug: $topic}) DELETE r RETURN count(*) AS removed',
);
const ADD_CONTACT = cypher('project.addContact', 'MATCH (p:Project {id: $id}), (c:Contact {id: $contact}) MERGE (c)-[:CONTACT_FOR]->(p)');
const REMOVE_CONTACT = cypher(
  'project.removeContact',
  'MATCH (:Contact {id: $contact})-[r:CONTACT_FOR]->(:Project {id: $id}) DELETE r RETURN count(*) AS removed',
);
// Relationship types cannot be parameters: one statement per kind of backing.
const ADD_BACKER: Record<BackingKind, ReturnType<typeof cypher>> = {
  FUNDS: cypher('project.addFunder', 'MATCH (o:Organization {id: $organization}), (p:Project {id: $id}) MERGE (o)-[:FUNDS]->(p)'),
  SUPPORTS: cypher('project.addSupporter', 'MATCH (o:Organization {id: $organization}), (p:Project {id: $id}) MERGE (o)-[:SUPPORTS]->(p)'),
};
const REMOVE_BACKER: Record<BackingKind, ReturnType<typeof cypher>> = {
  FUNDS: cypher(
    'project.removeFunder',
    'MATCH (:Organization {id: $organization})-[r:FUNDS]->(:Project {id: $id}) DELETE r RETURN count(*) AS removed',
  ),
  SUPPORTS: cypher(
    'project.removeSupporter',
    'MATCH (:Organization {id: $organization})-[r:SUPPORTS]->(:Project {id: $id}) DELETE r RETURN count(*) AS removed',
  ),
};

const toRunner = (x: Row): RunnerRecord => ({ role: x.role as RunnerRole, municipality: toMunicipality(x.municipality as Row) });

/** A new project: its own fields plus the topics and runners to link. */
export type ProjectWrite = Omit<ProjectRecord, '__typename' | 'fundingBound' | 'fundingNote' | 'topicsWording' | 'phase' | 'provenance'> & { topics: string[]; runners: { ags: string; role: RunnerRole }[] };

export type ProjectChanges = Partial<Omit<ProjectWrite, 'slug' | 'topics' | 'runners'>>;

export function projectRepository(db: Database, { viewer, scope }: Access) {
  return {
    bySlug: readByKeys(db, BY_SLUG, toProject),

    /** A page of projects; with `withRunners`, also each one's runners (for priming the runner loader). */
    list: (filter: ProjectFilterParams, order: ProjectOrder, page: PageRequest, withRunners = false, narrow: NarrowParams = WIDE) =>
      db.read('project.list', async (tx) => {
        const [row] = await tx.run((withRunners ? LIST_WITH_RUNNERS : LIST)[order], { ...filter, limit: page.limit, after: page.after, narrow });
        const found = row ? pageOf(toProject)(row) : emptyPage<ProjectRecord>();
        const runners = withRunners && row ? new Map((row.rows as Row[]).map((r) => [r.key as string, (r.runners as Row[]).map(toRunner)])) : null;
        return { ...found, runners };
      }),

    runners: readLists<RunnerRecord>(db, RUNNERS, toRunner),
    topics: readLists<TopicRecord>(db, TOPICS, toTopic),
    contacts: readLists<ContactRecord>(db, CONTACTS, toContact, { viewer }),
    funders: readLists<OrganizationRecord>(db, FUNDERS, toOrganization),
    supporters: readLists<OrganizationRecord>(db, SUPPORTERS, toOrganization),

    create: (input: ProjectWrite) =>
      db.write('project.create', async (tx) => {
        await ensureExist(tx, { Topic: input.topics, Municipality: input.runners.map((r) => r.ags) });
        await authorize(tx, scope, 'newProject', { runners: input.runners });
        const { slug, topics, runners, startDate, endDate, ...fields } = input;
        const [row] = await tx.run<{ p: Row }>(CREATE, {
          props: { ...fields, id: slug, nameKey: nameKey(input.name) },
          startDate,
          endDate,
          topics,
          runners,
        });
        return toProject(row!.p);
      }, { derives: ['network', 'profiles'] }),

    update: (slug: string, changes: ProjectChanges) =>
      db.write('project.update', async (tx) => {
        await ensureExist(tx, { Project: [slug] });
        await authorize(tx, scope, 'project', { id: slug });
        const { startDate, endDate, ...plain } = changes;
        const props = plain.name === undefined ? plain : { ...plain, nameKey: nameKey(plain.name) };
        const [row] = await tx.run<{ p: Row; endsBeforeStart: boolean | null }>(UPDATE, {
          id: slug,
          changes: props,
          setStart: 'startDate' in changes,
          startDate: startDate ?? null,
          setEnd: 'endDate' in changes,
          endDate: endDate ?? null,
        });
        // Checked after the change, against the stored other date; throwing rolls the change back.
        if (row!.endsBeforeStart) throw badInput('`endDate` must not be before `startDate`.', { argument: 'input.endDate' });
        return toProject(row!.p);
      }, { derives: ['network', 'profiles'] }),

    delete: (slug: string) =>
      db.write('project.delete', async (tx) => {
        await ensureExist(tx, { Project: [slug] });
        await authorize(tx, scope, 'projectLead', { id: slug });
        await tx.run(DELETE, { id: slug });
      }, { derives: ['network', 'profiles'] }),

    addRunner: (slug: string, ags: string, role: RunnerRole) =>
      db.write('project.addRunner', async (tx) => {
        await ensureExist(tx, { Project: [slug], Municipality: [ags] });
        await authorize(tx, scope, 'addRunner', { id: slug, ags, role });
        await tx.run(ADD_RUNNER, { id: slug, ags, role });
      }, { derives: ['network', 'profiles'] }),
    removeRunner: (slug: string, ags: string) =>
      db.write('project.removeRunner', async (tx) => {
        await ensureExist(tx, { Project: [slug], Municipality: [ags] });
        await authorize(tx, scope, 'removeRunner', { id: slug, ags });
        return removedAny(tx, REMOVE_RUNNER, { id: slug, ags });
      }, { derives: ['network', 'profiles'] }),
    addTopic: (slug: string, topic: string) =>
      db.write('project.addTopic', async (tx) => {
        await ensureExist(tx, { Project: [slug], Topic: [topic] });
        await authorize(tx, scope, 'project', { id: slug });
        await tx.run(ADD_TOPIC, { id: slug, topic });
      }, { derives: ['network', 'profiles'] }),
    removeTopic: (slug: string, topic: string) =>
      db.write('project.removeTopic', async (tx) => {
        await ensureExist(tx, { Project: [slug], Topic: [topic] });
        await authorize(tx, scope, 'project', { id: slug });
        return removedAny(tx, REMOVE_TOPIC, { id: slug, topic });
      }, { derives: ['network', 'profiles'] }),
    addContact: (slug: string, contact: string) =>
      db.write('project.addContact', async (tx) => {
        // A contact the asker may not see is NOT_FOUND, as one that does not exist (as every contact operation).
        await ensureExist(tx, { Project: [slug] });
        await ensureContactShown(tx, contact, viewer);
        await authorize(tx, scope, 'project', { id: slug });
        await authorize(tx, scope, 'contact', { id: contact });
        await tx.run(ADD_CONTACT, { id: slug, contact });
      }),
    removeContact: (slug: string, contact: string) =>
      db.write('project.removeContact', async (tx) => {
        await ensureExist(tx, { Project: [slug] });
        await ensureContactShown(tx, contact, viewer);
        await authorize(tx, scope, 'project', { id: slug });
        await authorize(tx, scope, 'contact', { id: contact });
        return removedAny(tx, REMOVE_CONTACT, { id: slug, contact });
      }),
    addBacker: (slug: string, organization: string, kind: BackingKind) =>
      db.write('project.addBacker', async (tx) => {
        await ensureExist(tx, { Project: [slug], Organization: [organization] });
        await tx.run(ADD_BACKER[kind], { id: slug, organization });
      }),
    removeBacker: (slug: string, organization: string, kind: BackingKind) =>
      db.write('project.removeBacker', async (tx) => {
        await ensureExist(tx, { Project: [slug], Organization: [organization] });
        return removedAny(tx, REMOVE_BACKER[kind], { id: slug, organization });
      }),
  };
}

export type ProjectRepository = ReturnType<typeof projectRepository>;
