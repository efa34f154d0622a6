// Cypher for organizations: ministries, transfer offices, universities, companies, associations.
import type { Access } from '../../auth/viewer.js';
import { cypher } from '../../db/cypher.js';
import type { Database, Row } from '../../db/database.js';
import type { OrganizationKind } from '../../generated/graphql.js';
import { emptyPage, listPageStatement, pageOf, type PageRequest } from '../../kernel/connection.js';
import { ensureExist, listStatement, readByKeys, readLists } from '../../kernel/batch.js';
import { nameKey } from '../../kernel/text.js';
import { contactListStatement, toContact, type ContactRecord } from '../../records/contact.js';
import { toEvent, type EventListKey, type EventRecord } from '../../records/event.js';
import { toExchangeAbroad, type ExchangeAbroadRecord } from '../../records/municipality.js';
import { perKey, UNWIND_KEYS } from '../../kernel/batch.js';
import { capSlice } from '../../kernel/list-caps.js';
import { toProject, type ProjectRecord } from '../../records/project.js';
import { toOrganization, type OrganizationRecord } from '../../records/organization.js';

const BY_SLUG = cypher('organization.bySlug', 'MATCH (o:Organization) WHERE o.id IN $keys RETURN o.id AS key, o {.*} AS node');

const LIST = listPageStatement('organization.list', {
  node: 'o',
  pattern: '(o:Organization)',
  where: '$kind IS NULL OR o.kind = $kind',
  sort: 'o.nameKey',
  direction: 'ASC',
  key: 'o.id',
});

const CONTACTS = contactListStatement('organization.contacts', 'Organization.contacts', '(x:Contact)-[:WORKS_FOR]->(:Organization {id: key})');
const FUNDED = listStatement('organization.fundedProjects', 'Organization.fundedProjects', '(:Organization {id: key})-[:FUNDS]->(x:Project)', 'x.nameKey, x.id', 'x {.*}');
const SUPPORTED = listStatement('organization.supportedProjects', 'Organization.supportedProjects', '(:Organization {id: key})-[:SUPPORTS]->(x:Project)', 'x.nameKey, x.id', 'x {.*}');
const HOSTED = listStatement('organization.eventsHosted', 'Organization.eventsHosted', '(x:Event)-[:HOSTED_BY]->(:Organization {id: key.key})', 'x.startsAt, x.id', 'x {.*}', '(key.standing OR x.startsAt IS NOT NULL)');
const ATTENDED = listStatement(
  'organization.eventsAttended', 'Organization.eventsAttended',
  '(:Organization {id: key.key})-[r:ATTENDED]->(x:Event)',
  'x.startsAt, x.id',
  'x {.*}',
  '(key.generated OR r.generated IS NULL) AND (key.standing OR x.startsAt IS NOT NULL)',
);

// A city abroad's links with German municipalities.
const EXCHANGES = cypher(
  'organization.exchanges',
  `${UNWIND_KEYS}
   MATCH (o:Organization {id: key})
   CALL (o) {
     MATCH (o)<-[x:EXCHANGES_WITH]-(m:Municipality) RETURN x, m, 'OUTGOING' AS direction
     UNION
     MATCH (o)-[x:EXCHANGES_WITH]->(m:Municipality) RETURN x, m, 'INCOMING' AS direction
   }
   WITH i, o, x, m, direction ORDER BY x.since, m.ags, x.kind
   RETURN i, collect({link: x {.*}, direction: direction, partner: o {.*}, municipality: m {.*}})${capSlice('Organization.exchanges')} AS items`,
);

const CREATE = cypher('organization.create', 'CREATE (o:Organization) SET o = $props RETURN o {.*} AS o');
const UPDATE = cypher('organization.update', 'MATCH (o:Organization {id: $id}) SET o += $changes RETURN o {.*} AS o');
const DELETE = cypher('organization.delete', 'MATCH (o:Organization {id: $id}) DETACH DELETE o');

export type OrganizationWrite = Omit<OrganizationRecord, '__typename' | 'country'>;

const toProps = ({ slug, ...rest }: Partial<OrganizationWrite>) => ({
  ...(slug === undefined ? {} : { id: slug }),
  ...rest,
  ...(rest.name === undefined ? {} : { nameKey: nameKey(rest.name) }),
});

export function organizationRepository(db: Database, { viewer }: Access) {
  return {
    bySlug: readByKeys(db, BY_SLUG, toOrganization),

    list: (kind: OrganizationKind | null, page: PageRequest) =>
      db.read('organization.list', async (tx) => {
        const [row] = await tx.run(LIST, { kind, limit: page.limit, after: page.after });
        return row ? pageOf(toOrganization)(row) : emptyPage<OrganizationRecord>();
      }),

    contacts: readLists<ContactRecord>(db, CONTACTS, toContact, { viewer }),
    fundedProjects: readLists<ProjectRecord>(db, FUNDED, toProject),
    supportedProjects: readLists<ProjectRecord>(db, SUPPORTED, toProject),
    eventsHosted: (keys: readonly EventListKey[]) =>
      db.read(HOSTED.name, (tx) => perKey(tx, HOSTED, keys, (r) => (r.items as Row[]).map(toEvent), (): EventRecord[] => [])),
    eventsAttended: (keys: readonly EventListKey[]) =>
      db.read(ATTENDED.name, (tx) => perKey(tx, ATTENDED, keys, (r) => (r.items as Row[]).map(toEvent), (): EventRecord[] => [])),
    exchanges: readLists<ExchangeAbroadRecord>(db, EXCHANGES, toExchangeAbroad),

    create: (input: OrganizationWrite) =>
      db.write('organization.create', async (tx) => {
        const [row] = await tx.run<{ o: Row }>(CREATE, { props: toProps(input) });
        return toOrganization(row!.o);
      }),

    update: (slug: string, changes: Partial<Omit<OrganizationWrite, 'slug'>>) =>
      db.write('organization.update', async (tx) => {
        await ensureExist(tx, { Organization: [slug] });
        const [row] = await tx.run<{ o: Row }>(UPDATE, { id: slug, changes: toProps(changes) });
        return toOrganization(row!.o);
      }),

    delete: (slug: string) =>
      db.write('organization.delete', async (tx) => {
        await ensureExist(tx, { Organization: [slug] });
        await tx.run(DELETE, { id: slug });
      }),
  };
}

export type OrganizationRepository = ReturnType<typeof organizationRepository>;
