// Contacts and GDPR: what of a person reaches which viewer, through every
// path the API has to a contact; the export of a person's data; and erasure.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Viewer } from '../../src/auth/viewer.js';
import { toGlobalId } from '../../src/kernel/global-id.js';
import { CONTACT_PRIVATE, loadFixture } from '../support/fixture.js';
import { createHarness, viewers, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const ULM = '08421000';
/** Ulm's people, all experts in `sharing`, contacts for `ulm-4-0` and working for Ulm: */
const PEOPLE = {
  /** PRIVATE, consented (from the fixture). */
  bernd: { uuid: CONTACT_PRIVATE, name: 'Bernd Muster', email: 'bernd@ulm.example' },
  /** MEMBERS, consented. */
  mia: { uuid: '44444444-4444-4444-8444-444444444444', name: 'Mia Mitglied', email: 'mia@ulm.example' },
  /** PUBLIC, but no consent recorded. */
  nora: { uuid: '55555555-5555-4555-8555-555555555555', name: 'Nora Ohnezustimmung', email: 'nora@ulm.example' },
  /** PUBLIC, consented. */
  paul: { uuid: '66666666-6666-4666-8666-666666666666', name: 'Paul Public', email: 'paul@ulm.example' },
};
type Person = keyof typeof PEOPLE;

async function loadPeople() {
  await h.reset();
  await loadFixture(h);
  await h.cypher(
    `MATCH (ulm:Municipality {ags: $ulm}), (p:Project {id: 'ulm-4-0'}), (t:Topic {slug: 'sharing'})
     UNWIND $people AS x
     CREATE (c:Contact {id: x.uuid, name: x.name, nameKey: toLower(x.name), email: x.email, phone: '+49 731 0', visibility: x.visibility})
     SET c.consentAt = CASE WHEN x.consent THEN datetime('2024-05-01T00:00:00Z') END
     CREATE (c)-[:WORKS_FOR]->(ulm), (c)-[:CONTACT_FOR]->(p), (c)-[:EXPERT_IN]->(t)`,
    {
      ulm: ULM,
      people: [
        { ...PEOPLE.mia, visibility: 'MEMBERS', consent: true },
        { ...PEOPLE.nora, visibility: 'PUBLIC', consent: false },
        { ...PEOPLE.paul, visibility: 'PUBLIC', consent: true },
      ],
    },
  );
}

const VIEWERS: Record<string, Viewer> = {
  anonymous: viewers.anonymous,
  'API key': viewers.key('READER'),
  analyst: viewers.analyst,
  'member of another municipality': viewers.member('07137'),
  'member of the own municipality': viewers.member(ULM),
  admin: viewers.admin,
};

const PATHS = ['contact(uuid)', 'node(id)', 'contacts list', 'project contacts', 'municipality contacts', 'topic experts', 'experts', 'search'] as const;

/** What `viewer` gets of the person's e-mail on every path: the address, null (listed, masked) or ABSENT (not listed at all). */
async function emailOnEveryPath(person: Person, viewer: Viewer): Promise<Record<(typeof PATHS)[number], string | null>> {
  const p = PEOPLE[person];
  const data = await h.ok(
    `query ($uuid: ID!, $id: ID!, $name: String!, $ulm: String!) {
      contact(uuid: $uuid) { uuid email }
      node(id: $id) { ... on Contact { uuid email } }
      contacts(filter: { ags: $ulm }, first: 100) { edges { node { uuid email } } }
      project(slug: "ulm-4-0") { contacts { uuid email } }
      municipality(ags: $ulm) { contacts { uuid email } }
      topic(slug: "sharing") { experts { uuid email } }
      experts(topics: ["sharing"], first: 50) { edges { node { uuid email } } }
      search(text: $name, types: [CONTACT]) { node { ... on Contact { uuid email } } }
    }`,
    { uuid: p.uuid, id: toGlobalId('Contact', p.uuid), name: p.name, ulm: ULM },
    viewer,
  );
  const pick = (items: ({ uuid: string; email: string | null } | null)[]) => {
    const found = items.find((x) => x?.uuid === p.uuid);
    return found === undefined || found === null ? 'ABSENT' : found.email;
  };
  return {
    'contact(uuid)': pick([data.contact]),
    'node(id)': pick([data.node]),
    'contacts list': pick(data.contacts.edges.map((e: any) => e.node)),
    'project contacts': pick(data.project.contacts),
    'municipality contacts': pick(data.municipality.contacts),
    'topic experts': pick(data.topic.experts),
    experts: pick(data.experts.edges.map((e: any) => e.node)),
    search: pick(data.search.map((s: any) => s.node)),
  };
}

const everywhere = (value: string | null) => Object.fromEntries(PATHS.map((p) => [p, value]));

/** The rule, written out per person and viewer: the e-mail, MASKED (listed, e-mail null) or ABSENT. */
const EXPECTED: Record<Person, Record<string, 'EMAIL' | 'MASKED' | 'ABSENT'>> = {
  bernd: {
    anonymous: 'MASKED',
    'API key': 'MASKED',
    analyst: 'MASKED',
    'member of another municipality': 'MASKED',
    'member of the own municipality': 'EMAIL',
    admin: 'EMAIL',
  },
  mia: {
    anonymous: 'MASKED',
    'API key': 'MASKED',
    analyst: 'EMAIL',
    'member of another municipality': 'EMAIL',
    'member of the own municipality': 'EMAIL',
    admin: 'EMAIL',
  },
  nora: {
    anonymous: 'ABSENT',
    'API key': 'ABSENT',
    analyst: 'ABSENT',
    'member of another municipality': 'ABSENT',
    'member of the own municipality': 'EMAIL',
    admin: 'EMAIL',
  },
  paul: {
    anonymous: 'EMAIL',
    'API key': 'EMAIL',
    analyst: 'EMAIL',
    'member of another municipality': 'EMAIL',
    'member of the own municipality': 'EMAIL',
    admin: 'EMAIL',
  },
};

describe('contact privacy: every viewer × every path', () => {
  beforeAll(loadPeople);

  const cases = (Object.keys(EXPECTED) as Person[]).flatMap((person) => Object.keys(VIEWERS).map((viewer) => [person, viewer] as const));
  it.each(cases)('%s as seen by %s', async (person, viewer) => {
    const rule = EXPECTED[person][viewer]!;
    const want = rule === 'EMAIL' ? PEOPLE[person].email : rule === 'MASKED' ? null : 'ABSENT';
    expect(await emailOnEveryPath(person, VIEWERS[viewer]!)).toEqual(everywhere(want));
  });

  it('phone follows the same rule as e-mail', async () => {
    const q = `query ($uuid: ID!) { contact(uuid: $uuid) { email phone } }`;
    const asKey = await h.ok(q, { uuid: PEOPLE.bernd.uuid }, VIEWERS['API key']);
    expect(asKey.contact).toEqual({ email: null, phone: null });
    const asOwn = await h.ok(q, { uuid: PEOPLE.bernd.uuid }, VIEWERS['member of the own municipality']);
    expect(asOwn.contact).toEqual({ email: PEOPLE.bernd.email, phone: '+49 731 1610' });
  });

  it('a contact without consent is not counted either: totals agree with what is listed', async () => {
    const q = `{ contacts(filter: { ags: "${ULM}" }, first: 0) { totalCount } }`;
    expect((await h.ok(q, {}, viewers.anonymous)).contacts.totalCount).toBe(3);
    expect((await h.ok(q, {}, viewers.member(ULM))).contacts.totalCount).toBe(4);
  });
});

describe('export and erasure', () => {
  beforeEach(loadPeople);

  it('exports everything stored about a person, unmasked, with every relationship', async () => {
    const { exportContact } = await h.ok(
      `mutation ($uuid: ID!) { exportContact(uuid: $uuid) {
        exportedAt uuid name email phone visibility consentAt links { relationship targetType targetKey targetName } } }`,
      { uuid: PEOPLE.bernd.uuid },
      viewers.member(ULM),
    );
    expect(exportContact).toMatchObject({ uuid: PEOPLE.bernd.uuid, name: 'Bernd Muster', email: PEOPLE.bernd.email, phone: '+49 731 1610', visibility: 'PRIVATE' });
    expect(exportContact.consentAt).toBe('2024-02-01T00:00:00.000Z');
    expect(Date.parse(exportContact.exportedAt)).toBeGreaterThan(Date.now() - 60_000);
    const links = exportContact.links.map((l: any) => `${l.relationship}→${l.targetType}:${l.targetKey}`).sort();
    expect(links).toEqual(['CONTACT_FOR→Project:ulm-4-0', 'EXPERT_IN→Topic:sharing', `WORKS_FOR→Municipality:${ULM}`]);
  });

  it('erasure removes the person and every relationship; afterwards nothing finds them, for anyone', async () => {
    const { uuid, name } = PEOPLE.bernd;
    const [before] = await h.cypher<{ rels: number }>('MATCH ()-[r]->() RETURN count(r) AS rels');
    const { eraseContact } = await h.ok(`mutation ($uuid: ID!) { eraseContact(uuid: $uuid) { erasedId removedLinks } }`, { uuid }, viewers.member(ULM));
    expect(eraseContact).toEqual({ erasedId: toGlobalId('Contact', uuid), removedLinks: 3 });

    // Not through the API, on any path, even for an admin.
    for (const viewer of Object.values(VIEWERS)) {
      expect(await emailOnEveryPath('bernd', viewer)).toEqual(everywhere('ABSENT'));
    }
    const byName = await h.ok(`query ($name: String!) { search(text: $name) { node { __typename } } }`, { name }, viewers.admin);
    expect(byName.search.filter((s: any) => s.node.__typename === 'Contact')).toEqual([]);
    // Not in the database: no node with the id, no relationship left (exactly the reported number went), not in the full-text index.
    expect(await h.cypher('MATCH (c {id: $uuid}) RETURN c', { uuid })).toEqual([]);
    const [after] = await h.cypher<{ rels: number }>('MATCH ()-[r]->() RETURN count(r) AS rels');
    expect(before!.rels - after!.rels).toBe(3);
    expect(await h.cypher(`CALL db.index.fulltext.queryNodes('search', 'Bernd OR Muster') YIELD node RETURN node`)).toEqual([]);
    // And it is gone for good: a second erasure finds nothing.
    const again = await h.gql(`mutation ($uuid: ID!) { eraseContact(uuid: $uuid) { erasedId } }`, { uuid }, viewers.admin);
    expect(again.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('erasing one person leaves the others as they were', async () => {
    await h.ok(`mutation ($uuid: ID!) { eraseContact(uuid: $uuid) { erasedId } }`, { uuid: PEOPLE.mia.uuid }, viewers.admin);
    const listed = await h.ok(`{ project(slug: "ulm-4-0") { contacts { name } } }`, {}, viewers.admin);
    expect(listed.project.contacts.map((c: any) => c.name)).toEqual(['Bernd Muster', 'Nora Ohnezustimmung', 'Paul Public']);
  });
});
