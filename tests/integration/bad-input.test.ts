// Bad input: each case gets a clear error with a stable code, and the graph is exactly as before.
import { describe, expect, it } from 'vitest';
import { CONTACT_PUBLIC } from '../support/fixture.js';
import { useHarness } from '../support/use-harness.js';

let before: string;
const h = useHarness({ then: async (harness) => void (before = await harness.fingerprint()) });

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

interface Case {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  code: string;
  /** A piece of the message a person needs to fix the request. */
  says: RegExp;
}

const CASES: Case[] = [
  // Malformed keys
  { name: 'malformed AGS in a query', query: '{ municipality(ags: "07-137") { name } }', code: 'BAD_USER_INPUT', says: /ags: must be an AGS of 2, 5, 8 or 9 digits/ },
  { name: 'malformed AGS in an upsert', query: 'mutation { upsertMunicipality(input: { ags: "0713", name: "X", kind: LANDKREIS }) { ags } }', code: 'BAD_USER_INPUT', says: /input\.ags: must be an AGS/ },
  { name: 'kind that does not fit the AGS', query: 'mutation { upsertMunicipality(input: { ags: "07137", name: "X", kind: GEMEINDE }) { ags } }', code: 'BAD_USER_INPUT', says: /GEMEINDE does not fit an AGS of 5 digits/ },
  { name: 'parent that is no prefix', query: 'mutation { upsertMunicipality(input: { ags: "07137555", name: "X", kind: GEMEINDE, parentAgs: "08" }) { ags } }', code: 'BAD_USER_INPUT', says: /parentAgs: must be a shorter AGS/ },
  { name: 'malformed slug', query: '{ project(slug: "Not A Slug") { name } }', code: 'BAD_USER_INPUT', says: /slug: must be lower-case letters/ },
  { name: 'malformed UUID', query: '{ contact(uuid: "1234") { name } }', code: 'BAD_USER_INPUT', says: /uuid: must be a UUID/ },
  { name: 'malformed global id', query: '{ node(id: "%%%") { id } }', code: 'BAD_USER_INPUT', says: /not a global id/ },
  { name: 'global id of an unknown type', query: `{ node(id: "${Buffer.from('Planet:earth').toString('base64url')}") { id } }`, code: 'BAD_USER_INPUT', says: /not a global id/ },
  // Unknown enum values
  { name: 'unknown enum literal', query: '{ municipalities(filter: { kinds: [DORF] }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', says: /DORF/ },
  { name: 'unknown enum in a variable', query: 'mutation ($r: RunnerRole!) { addRunner(project: "ulm-4-0", ags: "09162000", role: $r) { slug } }', variables: { r: 'BOSS' }, code: 'BAD_USER_INPUT', says: /BOSS/ },
  // Page sizes
  { name: 'negative first', query: '{ municipalities(first: -1) { totalCount } }', code: 'BAD_USER_INPUT', says: /`first` must be between 0 and 100; got -1/ },
  { name: 'oversized first', query: '{ projects(first: 101) { totalCount } }', code: 'BAD_USER_INPUT', says: /`first` must be between 0 and 100; got 101/ },
  { name: 'oversized nested first', query: '{ municipality(ags: "07135") { parts(first: 1000) { totalCount } } }', code: 'BAD_USER_INPUT', says: /got 1000/ },
  // Measures and events (the network data)
  { name: 'malformed measure slug', query: '{ measure(slug: "Kein Slug") { name } }', code: 'BAD_USER_INPUT', says: /slug: must be lower-case letters/ },
  { name: 'measure text too short', query: '{ measures(filter: { text: "x" }) { totalCount } }', code: 'BAD_USER_INPUT', says: /filter\.text: must be at least 2 characters/ },
  { name: 'measure topic not a slug', query: '{ measures(filter: { topic: "Mobilität" }) { totalCount } }', code: 'BAD_USER_INPUT', says: /filter\.topic: must be lower-case letters/ },
  { name: 'oversized measures page', query: '{ measures(first: 1001) { totalCount } }', code: 'BAD_USER_INPUT', says: /`first` must be between 0 and 1000; got 1001/ },
  { name: 'unknown measure status', query: '{ measures(filter: { status: [DONE] }) { totalCount } }', code: 'GRAPHQL_VALIDATION_FAILED', says: /DONE/ },
  { name: 'oversized attendance page', query: '{ event(slug: "rk-myk") { attendance(first: 101) { totalCount } } }', code: 'BAD_USER_INPUT', says: /got 101/ },
  // Forged cursors
  { name: 'cursor that is not base64', query: '{ municipalities(after: "!!not a cursor!!") { totalCount } }', code: 'BAD_USER_INPUT', says: /cursor in `after` is not valid/ },
  { name: 'cursor of well-formed junk', query: `{ municipalities(after: "${b64({ hello: 'world' })}") { totalCount } }`, code: 'BAD_USER_INPUT', says: /cursor in `after` is not valid/ },
  { name: 'cursor for another sort order', query: `{ municipalities(orderBy: AGS, after: "${b64(['municipalities.NAME', 'mayen', '07137068'])}") { totalCount } }`, code: 'BAD_USER_INPUT', says: /not valid for this list/ },
  { name: 'cursor of another list', query: `{ projects(after: "${b64(['municipalities.NAME', 'mayen', '07137068'])}") { totalCount } }`, code: 'BAD_USER_INPUT', says: /not valid for this list/ },
  { name: 'cursor with a value of the wrong type', query: `{ municipalities(orderBy: POPULATION_DESC, after: "${b64(['municipalities.POPULATION_DESC', 'many', '07'])}") { totalCount } }`, code: 'BAD_USER_INPUT', says: /not valid/ },
  // Missing referenced nodes
  { name: 'runner for an unknown project', query: 'mutation { addRunner(project: "no-such-project", ags: "07137", role: LEAD) { slug } }', code: 'NOT_FOUND', says: /Project 'no-such-project' does not exist/ },
  { name: 'runner that is an unknown municipality', query: 'mutation { addRunner(project: "ulm-4-0", ags: "01001000", role: LEAD) { slug } }', code: 'NOT_FOUND', says: /Municipality '01001000' does not exist/ },
  { name: 'new project naming an unknown runner', query: 'mutation { createProject(input: { slug: "new-one", name: "N", runners: [{ ags: "07137", role: LEAD }, { ags: "01001000", role: PARTNER }] }) { slug } }', code: 'NOT_FOUND', says: /Municipality '01001000'/ },
  { name: 'new project naming an unknown topic', query: 'mutation { createProject(input: { slug: "new-one", name: "N", topics: ["mobilitaet", "quantum"] }) { slug } }', code: 'NOT_FOUND', says: /Topic 'quantum'/ },
  { name: 'new event hosted by an unknown organization', query: 'mutation { createEvent(input: { slug: "new-event", title: "T", kind: WEBINAR, startsAt: "2025-01-01T10:00:00Z", host: { organization: "nobody" } }) { slug } }', code: 'NOT_FOUND', says: /Organization 'nobody'/ },
  { name: 'exchange about an unknown topic', query: 'mutation { linkExchange(from: "07137", to: "08421000", kind: TRANSFER, topics: ["quantum"]) { ags } }', code: 'NOT_FOUND', says: /Topic 'quantum'/ },
  { name: 'contact employed by an unknown municipality', query: 'mutation { createContact(input: { name: "X", employer: { ags: "01001000" } }) { uuid } }', code: 'NOT_FOUND', says: /Municipality '01001000'/ },
  { name: 'update of an unknown project', query: 'mutation { updateProject(slug: "no-such-project", input: { name: "X" }) { slug } }', code: 'NOT_FOUND', says: /no-such-project/ },
  { name: 'delete of an unknown event', query: 'mutation { deleteEvent(slug: "no-such-event") { deletedId } }', code: 'NOT_FOUND', says: /no-such-event/ },
  { name: 'removal of a link that does not exist', query: 'mutation { removeInterest(ags: "07137", topic: "energie") { ags } }', code: 'NOT_FOUND', says: /Interest/ },
  { name: 'attendance removal that does not exist', query: 'mutation { removeAttendance(event: "rk-ulm", attendee: { ags: "07137" }) { slug } }', code: 'NOT_FOUND', says: /Attendance/ },
  // Duplicate keys
  { name: 'duplicate project slug', query: 'mutation { createProject(input: { slug: "myk10", name: "Again" }) { slug } }', code: 'CONFLICT', says: /Project with id 'myk10' already exists/ },
  { name: 'duplicate topic slug', query: 'mutation { createTopic(input: { slug: "energie", name: "Again" }) { slug } }', code: 'CONFLICT', says: /already exists/ },
  { name: 'duplicate organization slug', query: 'mutation { createOrganization(input: { slug: "kts", name: "Again", kind: OTHER }) { slug } }', code: 'CONFLICT', says: /already exists/ },
  { name: 'duplicate event slug (with host and topics to write too)', query: 'mutation { createEvent(input: { slug: "rk-ulm", title: "Again", kind: WEBINAR, startsAt: "2025-01-01T10:00:00Z", host: { ags: "07137" }, topics: ["energie"] }) { slug } }', code: 'CONFLICT', says: /already exists/ },
  // Rules that need the stored graph; the change is made, then refused and rolled back
  { name: 'end date before the stored start date', query: 'mutation { updateProject(slug: "myk10", input: { endDate: "2020-01-01", name: "Renamed" }) { slug } }', code: 'BAD_USER_INPUT', says: /endDate` must not be before `startDate/ },
  { name: 'deleting a field of action with sub-topics', query: 'mutation { deleteTopic(slug: "mobilitaet") { deletedId } }', code: 'CONFLICT', says: /has sub-topics/ },
  { name: 'a sub-topic as parent', query: 'mutation { createTopic(input: { slug: "car-sharing", name: "Carsharing", parent: "sharing" }) { slug } }', code: 'BAD_USER_INPUT', says: /a parent must be a field of action/ },
  { name: 'a field with sub-topics made a sub-topic', query: 'mutation { updateTopic(slug: "mobilitaet", input: { parent: "energie" }) { slug } }', code: 'CONFLICT', says: /cannot become a sub-topic/ },
  { name: 'an exchange link with itself', query: 'mutation { linkExchange(from: "07137", to: "07137", kind: TRANSFER) { ags } }', code: 'BAD_USER_INPUT', says: /must differ/ },
  // Field formats
  { name: 'impossible date', query: 'mutation { createProject(input: { slug: "p-x", name: "X", startDate: "2022-13-45" }) { slug } }', code: 'GRAPHQL_VALIDATION_FAILED', says: /Date/ },
  { name: 'end before start', query: 'mutation { createProject(input: { slug: "p-x", name: "X", startDate: "2022-05-01", endDate: "2022-04-01" }) { slug } }', code: 'BAD_USER_INPUT', says: /input\.endDate: must not be before startDate/ },
  { name: 'non-web URL', query: 'mutation ($u: URL) { createProject(input: { slug: "p-x", name: "X", url: $u }) { slug } }', variables: { u: 'ftp://example.org/x' }, code: 'BAD_USER_INPUT', says: /input\.url: must be an http or https address/ },
  { name: 'malformed e-mail', query: 'mutation ($e: EmailAddress) { createContact(input: { name: "X", email: $e }) { uuid } }', variables: { e: 'not-an-email' }, code: 'BAD_USER_INPUT', says: /email/i },
  { name: 'malformed phone number', query: 'mutation { createContact(input: { name: "X", phone: "call me" }) { uuid } }', code: 'BAD_USER_INPUT', says: /input\.phone: must be a phone number/ },
  { name: 'consent in the future', query: 'mutation { createContact(input: { name: "X", consentAt: "2999-01-01T00:00:00Z" }) { uuid } }', code: 'BAD_USER_INPUT', says: /must not be in the future/ },
  { name: 'empty name', query: 'mutation { createTopic(input: { slug: "x-y", name: "   " }) { slug } }', code: 'BAD_USER_INPUT', says: /input\.name: must not be empty/ },
  { name: 'overlong name', query: `mutation { createTopic(input: { slug: "x-y", name: "${'x'.repeat(201)}" }) { slug } }`, code: 'BAD_USER_INPUT', says: /at most 200 characters/ },
  { name: 'control characters in a name', query: 'mutation ($n: String!) { createTopic(input: { slug: "x-y", name: $n }) { slug } }', variables: { n: 'bad\u0000name' }, code: 'BAD_USER_INPUT', says: /control characters/ },
  { name: 'negative population', query: 'mutation { upsertMunicipality(input: { ags: "07137555", name: "X", kind: GEMEINDE, population: -5 }) { ags } }', code: 'BAD_USER_INPUT', says: /population: must be 0 or more/ },
  { name: 'latitude out of range', query: 'mutation { upsertMunicipality(input: { ags: "07137555", name: "X", kind: GEMEINDE, location: { lat: 91, lon: 7 } }) { ags } }', code: 'BAD_USER_INPUT', says: /location\.lat/ },
  { name: 'host given twice', query: 'mutation { createEvent(input: { slug: "e-x", title: "T", kind: WEBINAR, startsAt: "2025-01-01T10:00:00Z", host: { ags: "07137", organization: "kts" } }) { slug } }', code: 'BAD_USER_INPUT', says: /exactly one of `ags` and `organization`/ },
  { name: 'required field cleared', query: 'mutation { updateEvent(slug: "rk-ulm", input: { title: null }) { slug } }', code: 'BAD_USER_INPUT', says: /title/ },
  { name: 'a missing required argument', query: '{ municipality { name } }', code: 'GRAPHQL_VALIDATION_FAILED', says: /argument "ags"/ },
  { name: 'a syntax error', query: '{ municipality(ags: "07137" { name } }', code: 'GRAPHQL_PARSE_FAILED', says: /Syntax Error/ },
];

describe('bad input', () => {
  it.each(CASES)('$name → $code', async ({ query, variables, code, says }) => {
    const result = await h.gql(query, variables);
    expect(result.errors, 'an error is expected').toBeDefined();
    const [error] = result.errors!;
    expect(error!.extensions?.code).toBe(code);
    expect(error!.message).toMatch(says);
    // Nothing of the database leaks into the message.
    expect(error!.message).not.toMatch(/Neo4j|Cypher|Neo\.ClientError|MATCH|node\(\d+\)/i);
    expect(await h.fingerprint()).toBe(before);
  });

  it('the fingerprint itself notices a change (so the checks above can fail)', async () => {
    await h.gql(`mutation ($c: ID!) { addProjectContact(project: "ulm-4-0", contact: $c) { slug } }`, { c: CONTACT_PUBLIC });
    expect(await h.fingerprint()).not.toBe(before);
    await h.gql(`mutation ($c: ID!) { removeProjectContact(project: "ulm-4-0", contact: $c) { slug } }`, { c: CONTACT_PUBLIC });
    expect(await h.fingerprint()).toBe(before);
  });
});
