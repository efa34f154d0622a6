// A small hand-built graph for the integration tests. Real names where they
// help reading, invented Gemeinden (Testdorf 01 …) where only their number matters.
import { cypher } from '../../src/db/cypher.js';
import type { MunicipalityKind } from '../../src/generated/graphql.js';
import { municipalityRow } from '../../src/import/import.js';
import { LINK_MUNICIPALITIES, MERGE_MUNICIPALITIES, MERGE_TOPICS } from '../../src/import/import.repository.js';
import type { Unit } from '../../src/import/register.js';
import { nameKey } from '../../src/kernel/text.js';
import type { Harness } from './harness.js';

interface M {
  ags: string;
  name: string;
  kind: MunicipalityKind;
  population?: number;
  lat?: number;
  lon?: number;
  parent?: string;
}

/** 25 invented Gemeinden in Cochem-Zell with distinct populations: 1 000, 2 000, … 25 000. */
export const TESTDOERFER: M[] = Array.from({ length: 25 }, (_, i) => ({
  ags: `07135${String(101 + i).padStart(3, '0')}`,
  name: `Testdorf ${String(i + 1).padStart(2, '0')}`,
  kind: 'GEMEINDE',
  population: (i + 1) * 1000,
  parent: '07135',
}));

export const MUNICIPALITIES: M[] = [
  { ags: '07', name: 'Rheinland-Pfalz', kind: 'LAND' },
  { ags: '08', name: 'Baden-Württemberg', kind: 'LAND' },
  { ags: '09', name: 'Bayern', kind: 'LAND' },
  { ags: '07137', name: 'Mayen-Koblenz', kind: 'LANDKREIS', parent: '07' },
  { ags: '07135', name: 'Cochem-Zell', kind: 'LANDKREIS', parent: '07' },
  { ags: '07137068', name: 'Mayen, Stadt', kind: 'STADT', population: 19162, lat: 50.328707, lon: 7.222333, parent: '07137' },
  { ags: '07137003', name: 'Andernach, Stadt', kind: 'STADT', population: 29919, lat: 50.43, lon: 7.40, parent: '07137' },
  { ags: '08421000', name: 'Ulm, Universitätsstadt', kind: 'KREISFREIE_STADT', population: 126790, lat: 48.398454, lon: 9.990402, parent: '08' },
  { ags: '09162000', name: 'München, Landeshauptstadt', kind: 'KREISFREIE_STADT', population: 1484226, lat: 48.137, lon: 11.575, parent: '09' },
  ...TESTDOERFER,
];

export const TOPICS = [
  { slug: 'mobilitaet', name: 'Mobilität', nameEn: 'Mobility' },
  { slug: 'sharing', name: 'Sharing-Angebote', nameEn: 'Sharing', parent: 'mobilitaet' },
  { slug: 'verkehrssteuerung', name: 'Verkehrssteuerung', parent: 'mobilitaet' },
  { slug: 'buergerbeteiligung', name: 'Bürgerbeteiligung' },
  { slug: 'energie', name: 'Energie' },
];

export const PROJECTS = [
  { id: 'myk10', name: 'Smarte Region MYK10', programme: 'Modellprojekte Smart Cities', cohort: 2020, status: 'ACTIVE', startDate: '2021-01-01', topics: ['mobilitaet', 'buergerbeteiligung'], runners: [['07137', 'LEAD'], ['07137068', 'PARTNER'], ['07137003', 'PARTNER']] },
  { id: 'ulm-4-0', name: 'Zukunftsstadt Ulm', programme: 'Modellprojekte Smart Cities', cohort: 2019, status: 'COMPLETED', startDate: '2019-09-01', topics: ['sharing'], runners: [['08421000', 'LEAD']] },
  { id: 'muenchen-mobil', name: 'München mobil', programme: 'Modellprojekte Smart Cities', cohort: 2021, status: 'ACTIVE', startDate: '2022-01-01', topics: ['verkehrssteuerung', 'energie'], runners: [['09162000', 'LEAD']] },
  { id: 'dorf-energie', name: 'Energiedorf', status: 'PLANNED', topics: ['energie'], runners: [['07135101', 'LEAD'], ['07135102', 'PARTNER']] },
];

export const ORGANIZATIONS = [
  { id: 'bmwsb', name: 'Bundesministerium für Wohnen, Stadtentwicklung und Bauwesen', kind: 'MINISTRY' },
  { id: 'kts', name: 'Koordinierungs- und Transferstelle Modellprojekte Smart Cities', kind: 'TRANSFER_OFFICE' },
];

export const CONTACT_PUBLIC = '11111111-1111-4111-8111-111111111111';
export const CONTACT_PRIVATE = '22222222-2222-4222-8222-222222222222';
export const CONTACT_NO_CONSENT = '33333333-3333-4333-8333-333333333333';

export const CONTACTS = [
  { id: CONTACT_PUBLIC, name: 'Anna Beispiel', role: 'Chief Digital Officer', email: 'anna@myk.example', phone: '+49 261 1080', visibility: 'PUBLIC', consentAt: '2024-01-10T00:00:00Z', employer: '07137', expertise: ['mobilitaet'], projects: ['myk10'] },
  { id: CONTACT_PRIVATE, name: 'Bernd Muster', role: 'Projektleitung', email: 'bernd@ulm.example', phone: '+49 731 1610', visibility: 'PRIVATE', consentAt: '2024-02-01T00:00:00Z', employer: '08421000', expertise: ['sharing'], projects: ['ulm-4-0'] },
  { id: CONTACT_NO_CONSENT, name: 'Carla Test', role: 'Referentin', email: 'carla@kts.example', phone: '+49 30 1234', visibility: 'PUBLIC', employerOrg: 'kts', expertise: [], projects: [] },
];

export const EVENTS = [
  { id: 'rk-myk', title: '1. Regionalkonferenz Mayen-Koblenz', kind: 'REGIONAL_CONFERENCE', startsAt: '2022-03-22T09:00:00Z', format: 'VIRTUAL', participantCount: 150, host: '07137', topics: ['buergerbeteiligung'], attendees: ['07137068', '08421000'], orgAttendees: ['kts'] },
  { id: 'rk-ulm', title: 'Regionalkonferenz Ulm', kind: 'REGIONAL_CONFERENCE', startsAt: '2022-04-05T09:00:00Z', host: '08421000', topics: ['mobilitaet'], attendees: ['09162000'], orgAttendees: [] },
  { id: 'kongress-2023', title: 'Smart-City-Kongress', kind: 'CONGRESS', startsAt: '2023-06-01T09:00:00Z', hostOrg: 'bmwsb', topics: [], attendees: [], orgAttendees: [] },
];

// The fixture's own statements (municipalities and topics go through the import's), made while modules load
// like every statement (src/db/cypher.ts).
const PROJECTS_ = cypher(
  'test.fixture.projects',
  `UNWIND $projects AS p
   CREATE (x:Project {id: p.id, name: p.name, nameKey: p.nameKey, programme: p.programme, cohort: p.cohort, status: p.status, startDate: date(p.startDate)})
   WITH x, p
   CALL (x, p) { UNWIND p.topics AS slug MATCH (t:Topic {slug: slug}) CREATE (x)-[:ADDRESSES]->(t) }
   CALL (x, p) { UNWIND p.runners AS r MATCH (m:Municipality {ags: r[0]}) CREATE (m)-[:RUNS {role: r[1]}]->(x) }`,
);
const ORGANIZATIONS_ = cypher('test.fixture.organizations', 'UNWIND $orgs AS o CREATE (:Organization {id: o.id, name: o.name, nameKey: o.nameKey, kind: o.kind})');
const FUNDING = cypher(
  'test.fixture.funding',
  `MATCH (bmwsb:Organization {id: 'bmwsb'}), (kts:Organization {id: 'kts'}), (p:Project {id: 'myk10'})
   CREATE (bmwsb)-[:FUNDS]->(p), (kts)-[:SUPPORTS]->(p)`,
);
const CONTACTS_ = cypher(
  'test.fixture.contacts',
  `UNWIND $contacts AS c
   CREATE (x:Contact {id: c.id, name: c.name, nameKey: c.nameKey, role: c.role, email: c.email, phone: c.phone, visibility: c.visibility,
                      consentAt: CASE WHEN c.consentAt IS NULL THEN null ELSE datetime(c.consentAt) END})
   WITH x, c
   CALL (x, c) { MATCH (m:Municipality {ags: c.employer}) CREATE (x)-[:WORKS_FOR]->(m) }
   CALL (x, c) { MATCH (o:Organization {id: c.employerOrg}) CREATE (x)-[:WORKS_FOR]->(o) }
   CALL (x, c) { UNWIND c.expertise AS slug MATCH (t:Topic {slug: slug}) CREATE (x)-[:EXPERT_IN]->(t) }
   CALL (x, c) { UNWIND c.projects AS id MATCH (p:Project {id: id}) CREATE (x)-[:CONTACT_FOR]->(p) }`,
);
// Dated events as the API's createEvent stores them (startsAt, standing: false).
const EVENTS_ = cypher(
  'test.fixture.events',
  `UNWIND $events AS e
   CREATE (x:Event {id: e.id, title: e.title, kind: e.kind, startsAt: datetime(e.startsAt), standing: false, format: e.format, participantCount: e.participantCount})
   WITH x, e
   CALL (x, e) { MATCH (m:Municipality {ags: e.host}) CREATE (x)-[:HOSTED_BY]->(m) }
   CALL (x, e) { MATCH (o:Organization {id: e.hostOrg}) CREATE (x)-[:HOSTED_BY]->(o) }
   CALL (x, e) { UNWIND e.topics AS slug MATCH (t:Topic {slug: slug}) CREATE (x)-[:COVERS]->(t) }
   CALL (x, e) { UNWIND e.attendees AS ags MATCH (m:Municipality {ags: ags}) CREATE (m)-[:ATTENDED]->(x) }
   CALL (x, e) { UNWIND e.orgAttendees AS id MATCH (o:Organization {id: id}) CREATE (o)-[:ATTENDED]->(x) }`,
);
const LINKS = cypher(
  'test.fixture.links',
  `MATCH (myk:Municipality {ags: '07137'}), (ulm:Municipality {ags: '08421000'}), (mayen:Municipality {ags: '07137068'})
   CREATE (ulm)-[:EXCHANGES_WITH {kind: 'ROLE_MODEL', since: '2022-05-01', topics: ['sharing']}]->(myk),
          (myk)-[:EXCHANGES_WITH {kind: 'KNOWLEDGE_EXCHANGE', since: '2023-01-15', topics: []}]->(mayen)
   WITH mayen MATCH (e:Topic {slug: 'energie'}) CREATE (mayen)-[:INTERESTED_IN {since: date('2024-03-01')}]->(e)`,
);

/** A fixture municipality as a register unit, so the import derives its properties (name key, Land, size class). */
const unitOf = (m: M): Unit => ({
  ags: m.ags,
  name: m.name,
  kind: m.kind,
  parentAgs: m.parent ?? null,
  verbandAgs: null,
  population: m.population ?? null,
  areaKm2: null,
  postcode: null,
  lat: m.lat ?? null,
  lon: m.lon ?? null,
  urbanisation: null,
  line: 0,
});

/** Loads the fixture in one transaction, municipalities and topics through the import's own statements and row builder. */
export async function loadFixture(h: Harness): Promise<void> {
  const rows = MUNICIPALITIES.map((m) => municipalityRow(unitOf(m)));
  await h.db.write('test.fixture', async (tx) => {
    await tx.run(MERGE_MUNICIPALITIES, { rows });
    await tx.run(LINK_MUNICIPALITIES, { rows });
    await tx.run(MERGE_TOPICS, { rows: TOPICS.map((t) => ({ nameEn: null, parent: null, ...t })) });
    await tx.run(PROJECTS_, { projects: PROJECTS.map((p) => ({ programme: null, cohort: null, startDate: null, ...p, nameKey: nameKey(p.name) })) });
    await tx.run(ORGANIZATIONS_, { orgs: ORGANIZATIONS.map((o) => ({ ...o, nameKey: nameKey(o.name) })) });
    await tx.run(FUNDING);
    await tx.run(CONTACTS_, { contacts: CONTACTS.map((c) => ({ consentAt: null, employer: null, employerOrg: null, ...c, nameKey: nameKey(c.name) })) });
    await tx.run(EVENTS_, { events: EVENTS.map((e) => ({ format: null, participantCount: null, host: null, hostOrg: null, ...e })) });
    await tx.run(LINKS);
  });
}
