// Every mutation against the real Neo4j: its effect, read back through the API and checked in the graph.
import { today as berlinToday } from '../../src/kernel/time.js';
import { afterAll, beforeEach, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { CONTACT_PUBLIC, loadFixture } from '../support/fixture.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
beforeEach(async () => {
  await h.reset();
  await loadFixture(h);
});
afterAll(() => h.close());

const ok = <T = any>(query: string, variables?: Record<string, unknown>) => h.ok<T>(query, variables);

const count = async (pattern: string, params: Record<string, unknown> = {}) =>
  (await h.cypher<{ n: number }>(`MATCH ${pattern} RETURN count(*) AS n`, params))[0]!.n;

describe('municipalities', () => {
  it('upserts a new Gemeinde under its Kreis (found by AGS prefix), then updates it and clears left-out fields', async () => {
    const created = await ok(`mutation { upsertMunicipality(input: {
      ags: "07137099", name: "Neudorf", kind: GEMEINDE, population: 4200, areaKm2: 12.5, postcode: "56999", location: { lat: 50.3, lon: 7.3 }
    }) { ags name sizeClass state population location { lat lon } parent { ags } land { ags } } }`);
    expect(created.upsertMunicipality).toEqual({
      ags: '07137099', name: 'Neudorf', sizeClass: 'LANDGEMEINDE', state: 'RHEINLAND_PFALZ', population: 4200,
      location: { lat: 50.3, lon: 7.3 }, parent: { ags: '07137' }, land: { ags: '07' },
    });
    const updated = await ok(`mutation { upsertMunicipality(input: { ags: "07137099", name: "Neudorf, Stadt", kind: STADT, population: 25000, parentAgs: "07" }) {
      name kind sizeClass postcode location { lat } parent { ags } } }`);
    expect(updated.upsertMunicipality).toEqual({ name: 'Neudorf, Stadt', kind: 'STADT', sizeClass: 'MITTELSTADT', postcode: null, location: null, parent: { ags: '07' } });
    expect(await count('(:Municipality {ags: "07137099"})-[:PART_OF]->()')).toBe(1);
    // Found by its new name's prefix.
    const found = await ok(`{ municipalities(filter: { namePrefix: "neudorf" }) { edges { node { ags } } } }`);
    expect(found.municipalities.edges).toEqual([{ node: { ags: '07137099' } }]);
  });

  it('adds and removes an interest', async () => {
    const added = await ok(`mutation { addInterest(ags: "08421000", topic: "energie", since: "2025-01-02") { interests { since topic { slug } } } }`);
    expect(added.addInterest.interests).toEqual([{ since: '2025-01-02', topic: { slug: 'energie' } }]);
    const today = berlinToday();
    const again = await ok(`mutation { addInterest(ags: "08421000", topic: "energie") { interests { since } } }`);
    expect(again.addInterest.interests).toEqual([{ since: today }]);
    const removed = await ok(`mutation { removeInterest(ags: "08421000", topic: "energie") { interests { since } } }`);
    expect(removed.removeInterest.interests).toEqual([]);
    expect(await count('(:Municipality {ags: "08421000"})-[:INTERESTED_IN]->()')).toBe(0);
  });

  it('links, relinks and unlinks exchanges of each kind', async () => {
    for (const kind of ['ROLE_MODEL', 'KNOWLEDGE_EXCHANGE', 'JOINT_DEVELOPMENT', 'TRANSFER']) {
      await ok(`mutation ($kind: ExchangeKind!) { linkExchange(from: "09162000", to: "08421000", kind: $kind, since: "2024-01-01", topics: ["energie"]) { ags } }`, { kind });
    }
    const relinked = await ok(`mutation { linkExchange(from: "09162000", to: "08421000", kind: TRANSFER, since: "2024-06-01", topics: ["energie", "sharing"]) {
      exchanges(kind: TRANSFER) { direction since partner { ags } topics { slug } } } }`);
    expect(relinked.linkExchange.exchanges).toEqual([{ direction: 'OUTGOING', since: '2024-06-01', partner: { ags: '08421000' }, topics: [{ slug: 'energie' }, { slug: 'sharing' }] }]);
    expect(await count('(:Municipality {ags: "09162000"})-[:EXCHANGES_WITH]->(:Municipality {ags: "08421000"})')).toBe(4);
    const unlinked = await ok(`mutation { unlinkExchange(from: "09162000", to: "08421000", kind: ROLE_MODEL) { exchanges { kind } } }`);
    expect(unlinked.unlinkExchange.exchanges.map((x: any) => x.kind).sort()).toEqual(['JOINT_DEVELOPMENT', 'KNOWLEDGE_EXCHANGE', 'TRANSFER']);
  });
});

describe('projects', () => {
  it('creates a project with topics and runners, updates it partly, and deletes it with its links only', async () => {
    const created = await ok(`mutation { createProject(input: {
      slug: "smart-ulm-2", name: "Smartes Ulm 2", summary: "Zweite Phase", status: PLANNED, startDate: "2026-01-01", endDate: "2028-12-31",
      programme: "Modellprojekte Smart Cities", cohort: 2021, fundingEur: 1500000.5, url: "https://example.org/ulm",
      topics: ["energie", "sharing"], runners: [{ ags: "08421000", role: LEAD }, { ags: "09162000", role: PARTNER }]
    }) { slug name summary status startDate endDate programme cohort fundingEur url topics { slug } runners { role municipality { ags } } } }`);
    expect(created.createProject).toEqual({
      slug: 'smart-ulm-2', name: 'Smartes Ulm 2', summary: 'Zweite Phase', status: 'PLANNED', startDate: '2026-01-01', endDate: '2028-12-31',
      programme: 'Modellprojekte Smart Cities', cohort: 2021, fundingEur: 1500000.5, url: 'https://example.org/ulm',
      topics: [{ slug: 'energie' }, { slug: 'sharing' }],
      runners: [{ role: 'LEAD', municipality: { ags: '08421000' } }, { role: 'PARTNER', municipality: { ags: '09162000' } }],
    });
    const updated = await ok(`mutation { updateProject(slug: "smart-ulm-2", input: { status: ACTIVE, summary: null, endDate: "2029-06-30" }) {
      name summary status startDate endDate } }`);
    expect(updated.updateProject).toEqual({ name: 'Smartes Ulm 2', summary: null, status: 'ACTIVE', startDate: '2026-01-01', endDate: '2029-06-30' });
    const deleted = await ok(`mutation { deleteProject(slug: "smart-ulm-2") { deletedId } }`);
    expect(deleted.deleteProject.deletedId).toBe(Buffer.from('Project:smart-ulm-2').toString('base64url'));
    expect(await count('(:Project {id: "smart-ulm-2"})')).toBe(0);
    expect(await count('(:Municipality {ags: "08421000"})')).toBe(1);
    expect(await count('(:Topic {slug: "energie"})')).toBe(1);
    const back = await ok(`query ($id: ID!) { node(id: $id) { id } }`, { id: deleted.deleteProject.deletedId });
    expect(back.node).toBeNull();
  });

  it('adds and removes runners (changing a role in place), topics, contacts and backers', async () => {
    await ok(`mutation { addRunner(project: "ulm-4-0", ags: "09162000", role: PARTNER) { slug } }`);
    const relead = await ok(`mutation { addRunner(project: "ulm-4-0", ags: "09162000", role: LEAD) { runners { role municipality { ags } } } }`);
    expect(relead.addRunner.runners).toEqual([
      { role: 'LEAD', municipality: { ags: '09162000' } },
      { role: 'LEAD', municipality: { ags: '08421000' } },
    ]);
    expect(await count('(:Municipality {ags: "09162000"})-[:RUNS]->(:Project {id: "ulm-4-0"})')).toBe(1);
    const lessRunners = await ok(`mutation { removeRunner(project: "ulm-4-0", ags: "09162000") { runners { municipality { ags } } } }`);
    expect(lessRunners.removeRunner.runners).toEqual([{ municipality: { ags: '08421000' } }]);

    const topics = await ok(`mutation { addProjectTopic(project: "ulm-4-0", topic: "energie") { topics { slug } } }`);
    expect(topics.addProjectTopic.topics).toEqual([{ slug: 'energie' }, { slug: 'sharing' }]);
    const lessTopics = await ok(`mutation { removeProjectTopic(project: "ulm-4-0", topic: "sharing") { topics { slug } } }`);
    expect(lessTopics.removeProjectTopic.topics).toEqual([{ slug: 'energie' }]);

    const contacts = await ok(`mutation ($c: ID!) { addProjectContact(project: "ulm-4-0", contact: $c) { contacts { uuid } } }`, { c: CONTACT_PUBLIC });
    expect(contacts.addProjectContact.contacts.map((c: any) => c.uuid)).toContain(CONTACT_PUBLIC);
    const lessContacts = await ok(`mutation ($c: ID!) { removeProjectContact(project: "ulm-4-0", contact: $c) { contacts { uuid } } }`, { c: CONTACT_PUBLIC });
    expect(lessContacts.removeProjectContact.contacts.map((c: any) => c.uuid)).not.toContain(CONTACT_PUBLIC);

    // Issue 38, point 4: a runner that leaves takes its own staff off the project's contacts; the others stay.
    await ok(`mutation { addRunner(project: "ulm-4-0", ags: "07137", role: PARTNER) { slug } }`);
    const staffed = await ok(`mutation ($c: ID!) { addProjectContact(project: "ulm-4-0", contact: $c) { contacts { uuid } } }`, { c: CONTACT_PUBLIC });
    expect(staffed.addProjectContact.contacts.map((c: any) => c.uuid)).toContain(CONTACT_PUBLIC);
    const others = await count('(:Contact)-[:CONTACT_FOR]->(:Project {id: "ulm-4-0"})');
    const left = await ok(`mutation { removeRunner(project: "ulm-4-0", ags: "07137") { contacts { uuid } } }`);
    expect(left.removeRunner.contacts.map((c: any) => c.uuid)).not.toContain(CONTACT_PUBLIC);
    expect(await count('(:Contact)-[:CONTACT_FOR]->(:Project {id: "ulm-4-0"})')).toBe(others - 1);

    const backed = await ok(`mutation { a: addBacker(project: "ulm-4-0", organization: "bmwsb", kind: FUNDS) { slug }
      b: addBacker(project: "ulm-4-0", organization: "kts", kind: SUPPORTS) { funders { slug } supporters { slug } } }`);
    expect(backed.b).toEqual({ funders: [{ slug: 'bmwsb' }], supporters: [{ slug: 'kts' }] });
    const unbacked = await ok(`mutation { removeBacker(project: "ulm-4-0", organization: "bmwsb", kind: FUNDS) { funders { slug } supporters { slug } } }`);
    expect(unbacked.removeBacker).toEqual({ funders: [], supporters: [{ slug: 'kts' }] });
  });

  it('sees its own earlier mutation in a later one of the same request (loaders start fresh)', async () => {
    const data = await ok(`mutation {
      first: addProjectTopic(project: "ulm-4-0", topic: "energie") { topics { slug } }
      second: removeProjectTopic(project: "ulm-4-0", topic: "energie") { topics { slug } }
    }`);
    expect(data.first.topics).toEqual([{ slug: 'energie' }, { slug: 'sharing' }]);
    expect(data.second.topics).toEqual([{ slug: 'sharing' }]);
  });
});

describe('topics', () => {
  it('creates a field and a sub-topic, moves and renames it, and deletes it', async () => {
    await ok(`mutation { createTopic(input: { slug: "daten", name: "Daten", nameEn: "Data", description: "Datenplattformen" }) { slug } }`);
    const sub = await ok(`mutation { createTopic(input: { slug: "open-data", name: "Open Data", parent: "daten" }) { slug parent { slug } } }`);
    expect(sub.createTopic).toEqual({ slug: 'open-data', parent: { slug: 'daten' } });
    const moved = await ok(`mutation { updateTopic(slug: "open-data", input: { name: "Offene Daten", parent: "mobilitaet" }) { name nameEn parent { slug } } }`);
    expect(moved.updateTopic).toEqual({ name: 'Offene Daten', nameEn: null, parent: { slug: 'mobilitaet' } });
    const field = await ok(`mutation { updateTopic(slug: "open-data", input: { parent: null }) { parent { slug } } }`);
    expect(field.updateTopic.parent).toBeNull();
    await ok(`mutation { deleteTopic(slug: "open-data") { deletedId } }`);
    expect(await count('(:Topic {slug: "open-data"})')).toBe(0);
  });

  it('deleting a topic removes it from projects, interests and exchange links too', async () => {
    await ok(`mutation { linkExchange(from: "07137", to: "08421000", kind: TRANSFER, topics: ["energie", "sharing"]) { ags } }`);
    await ok(`mutation { deleteTopic(slug: "energie") { deletedId } }`);
    expect(await count('()-[:ADDRESSES|INTERESTED_IN]->(:Topic {slug: "energie"})')).toBe(0);
    const [x] = await h.cypher<{ topics: string[] }>(`MATCH (:Municipality {ags: "07137"})-[x:EXCHANGES_WITH {kind: 'TRANSFER'}]->() RETURN x.topics AS topics`);
    expect(x!.topics).toEqual(['sharing']);
  });
});

describe('contacts', () => {
  it('creates a contact with employer and expertise, updates it, changes employer, adds and removes expertise, deletes it', async () => {
    const created = await ok(`mutation { createContact(input: {
      name: "Dora Digital", role: "CDO", email: "dora@ulm.example", phone: "+49 731 000", visibility: PUBLIC,
      consentAt: "2025-05-01T10:00:00Z", employer: { ags: "08421000" }, expertise: ["energie"]
    }) { uuid name role email phone visibility consentAt employer { ... on Municipality { ags } } expertise { slug } } }`);
    const c = created.createContact;
    expect(c.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect(c).toMatchObject({ name: 'Dora Digital', email: 'dora@ulm.example', visibility: 'PUBLIC', consentAt: '2025-05-01T10:00:00.000Z', employer: { ags: '08421000' }, expertise: [{ slug: 'energie' }] });

    const updated = await ok(`mutation ($id: ID!) { updateContact(uuid: $id, input: { visibility: PRIVATE, role: null, employer: { organization: "kts" } }) {
      role email visibility employer { ... on Organization { slug } } } }`, { id: c.uuid });
    // The harness asks as an admin, who sees PRIVATE details too (what others see: privacy.test.ts).
    expect(updated.updateContact).toEqual({ role: null, email: 'dora@ulm.example', visibility: 'PRIVATE', employer: { slug: 'kts' } });
    expect(await count('(:Contact {id: $id})-[:WORKS_FOR]->()', { id: c.uuid })).toBe(1);

    const noEmployer = await ok(`mutation ($id: ID!) { updateContact(uuid: $id, input: { employer: null }) { employer { __typename } } }`, { id: c.uuid });
    expect(noEmployer.updateContact.employer).toBeNull();

    const more = await ok(`mutation ($id: ID!) { addExpertise(contact: $id, topic: "sharing") { expertise { slug } } }`, { id: c.uuid });
    expect(more.addExpertise.expertise).toEqual([{ slug: 'energie' }, { slug: 'sharing' }]);
    const less = await ok(`mutation ($id: ID!) { removeExpertise(contact: $id, topic: "energie") { expertise { slug } } }`, { id: c.uuid });
    expect(less.removeExpertise.expertise).toEqual([{ slug: 'sharing' }]);

    await ok(`mutation ($id: ID!) { deleteContact(uuid: $id) { deletedId } }`, { id: c.uuid });
    expect(await count('(c:Contact {id: $id})', { id: c.uuid })).toBe(0);
    expect(await count('(:Topic {slug: "sharing"})<-[:EXPERT_IN]-()')).toBe(1);
  });
});

describe('organizations', () => {
  it('creates, updates and deletes an organization; its contacts stay without employer', async () => {
    const created = await ok(`mutation { createOrganization(input: { slug: "uni-koblenz", name: "Universität Koblenz", kind: UNIVERSITY, url: "https://www.uni-koblenz.de" }) {
      slug name kind url } }`);
    expect(created.createOrganization).toEqual({ slug: 'uni-koblenz', name: 'Universität Koblenz', kind: 'UNIVERSITY', url: 'https://www.uni-koblenz.de/' });
    const updated = await ok(`mutation { updateOrganization(slug: "uni-koblenz", input: { name: "Universität Koblenz (UniKO)", url: null }) { name kind url } }`);
    expect(updated.updateOrganization).toEqual({ name: 'Universität Koblenz (UniKO)', kind: 'UNIVERSITY', url: null });
    await ok(`mutation { deleteOrganization(slug: "kts") { deletedId } }`);
    expect(await count('(:Organization {id: "kts"})')).toBe(0);
    expect(await count('(c:Contact {name: "Carla Test"})')).toBe(1);
    expect(await count('(c:Contact {name: "Carla Test"})-[:WORKS_FOR]->()')).toBe(0);
  });
});

describe('events', () => {
  it('creates an event with host and topics, updates it, records and removes attendance and topics, deletes it', async () => {
    const created = await ok(`mutation { createEvent(input: {
      slug: "rk-2025-osnabrueck", title: "19. Regionalkonferenz Osnabrück", kind: REGIONAL_CONFERENCE, startsAt: "2025-02-05T09:00:00+01:00",
      format: ONSITE, participantCount: 135, url: "https://example.org/rk19", host: { organization: "kts" }, topics: ["energie"]
    }) { slug title kind startsAt format participantCount url host { ... on Organization { slug } } topics { slug } } }`);
    expect(created.createEvent).toEqual({
      slug: 'rk-2025-osnabrueck', title: '19. Regionalkonferenz Osnabrück', kind: 'REGIONAL_CONFERENCE', startsAt: '2025-02-05T08:00:00.000Z',
      format: 'ONSITE', participantCount: 135, url: 'https://example.org/rk19', host: { slug: 'kts' }, topics: [{ slug: 'energie' }],
    });
    const updated = await ok(`mutation { updateEvent(slug: "rk-2025-osnabrueck", input: { format: HYBRID, participantCount: null, host: { ags: "07137" } }) {
      format participantCount host { ... on Municipality { ags } } } }`);
    expect(updated.updateEvent).toEqual({ format: 'HYBRID', participantCount: null, host: { ags: '07137' } });

    await ok(`mutation { recordAttendance(event: "rk-2025-osnabrueck", attendee: { ags: "07137068" }) { slug } }`);
    const attended = await ok(`mutation { recordAttendance(event: "rk-2025-osnabrueck", attendee: { organization: "bmwsb" }) {
      attendees { totalCount edges { node { ... on Municipality { ags } ... on Organization { slug } } } } } }`);
    expect(attended.recordAttendance.attendees).toEqual({ totalCount: 2, edges: [{ node: { slug: 'bmwsb' } }, { node: { ags: '07137068' } }] });
    // Recording twice keeps one attendance.
    await ok(`mutation { recordAttendance(event: "rk-2025-osnabrueck", attendee: { ags: "07137068" }) { slug } }`);
    expect(await count('(:Municipality {ags: "07137068"})-[:ATTENDED]->(:Event {id: "rk-2025-osnabrueck"})')).toBe(1);
    const left = await ok(`mutation { removeAttendance(event: "rk-2025-osnabrueck", attendee: { ags: "07137068" }) { attendees { totalCount } } }`);
    expect(left.removeAttendance.attendees.totalCount).toBe(1);

    const topics = await ok(`mutation { addEventTopic(event: "rk-2025-osnabrueck", topic: "mobilitaet") { topics { slug } } }`);
    expect(topics.addEventTopic.topics).toEqual([{ slug: 'energie' }, { slug: 'mobilitaet' }]);
    const less = await ok(`mutation { removeEventTopic(event: "rk-2025-osnabrueck", topic: "energie") { topics { slug } } }`);
    expect(less.removeEventTopic.topics).toEqual([{ slug: 'mobilitaet' }]);

    await ok(`mutation { deleteEvent(slug: "rk-2025-osnabrueck") { deletedId } }`);
    expect(await count('(:Event {id: "rk-2025-osnabrueck"})')).toBe(0);
    expect(await count('(:Organization {id: "bmwsb"})')).toBe(1);
  });
});
