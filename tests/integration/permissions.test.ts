// Who may change what: every role × every mutation of the schema, and the
// id tricks a member might try on another municipality's data. A refused
// call must leave the graph exactly as it was.
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MUTATION_ACCESS } from '../../src/auth/permissions.js';
import type { Viewer } from '../../src/auth/viewer.js';
import { loadTypeDefs } from '../../src/schema.js';
import { CONTACT_PRIVATE, CONTACT_PUBLIC, loadFixture } from '../support/fixture.js';
import { createHarness, viewers, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** Member A: Ulm runs `ulm-4-0`, employs Bernd (CONTACT_PRIVATE), attended `rk-myk`. */
const A = '08421000';
/** Another municipality: Mayen-Koblenz runs `myk10` and employs Anna (CONTACT_PUBLIC). */
const B = '07137';
const BERND = CONTACT_PRIVATE;
const ANNA = CONTACT_PUBLIC;

interface State {
  keyId: string;
}

/** The fixture plus what the "remove" mutations of A need: a backer, an interest, an exchange link, an API key. */
async function baseState(): Promise<State> {
  await h.reset();
  await loadFixture(h);
  await h.cypher(
    `MATCH (ulm:Municipality {ags: $a}), (p:Project {id: 'ulm-4-0'}), (o:Organization {id: 'bmwsb'}), (t:Topic {slug: 'buergerbeteiligung'})
     CREATE (o)-[:FUNDS]->(p), (ulm)-[:INTERESTED_IN {since: date('2024-01-01')}]->(t)`,
    { a: A },
  );
  const { key } = await h.security.apiKeys.create({ name: 'some app', role: 'READER', rateLimit: 1000, createdBy: 'test' });
  return { keyId: key.id };
}

/** One call per mutation, each aimed at municipality A's data (or, for admin-only ones, at shared data). */
const CASES: Record<string, { op: string; vars?: (s: State) => Record<string, unknown> }> = {
  createProject: { op: `createProject(input: { slug: "ulm-neu", name: "Ulm neu", runners: [{ ags: "${A}", role: LEAD }] }) { slug }` },
  updateProject: { op: 'updateProject(slug: "ulm-4-0", input: { summary: "Neu" }) { slug }' },
  deleteProject: { op: 'deleteProject(slug: "ulm-4-0") { deletedId }' },
  addRunner: { op: 'addRunner(project: "ulm-4-0", ags: "09162000", role: PARTNER) { slug }' },
  removeRunner: { op: `removeRunner(project: "ulm-4-0", ags: "${A}") { slug }` },
  addProjectTopic: { op: 'addProjectTopic(project: "ulm-4-0", topic: "energie") { slug }' },
  removeProjectTopic: { op: 'removeProjectTopic(project: "ulm-4-0", topic: "sharing") { slug }' },
  addProjectContact: { op: `addProjectContact(project: "ulm-4-0", contact: "${BERND}") { slug }` },
  removeProjectContact: { op: `removeProjectContact(project: "ulm-4-0", contact: "${BERND}") { slug }` },
  addBacker: { op: 'addBacker(project: "ulm-4-0", organization: "kts", kind: SUPPORTS) { slug }' },
  removeBacker: { op: 'removeBacker(project: "ulm-4-0", organization: "bmwsb", kind: FUNDS) { slug }' },
  createContact: { op: `createContact(input: { name: "Neue Person", employer: { ags: "${A}" } }) { uuid }` },
  updateContact: { op: `updateContact(uuid: "${BERND}", input: { role: "CDO" }) { uuid }` },
  deleteContact: { op: `deleteContact(uuid: "${BERND}") { deletedId }` },
  addExpertise: { op: `addExpertise(contact: "${BERND}", topic: "energie") { uuid }` },
  removeExpertise: { op: `removeExpertise(contact: "${BERND}", topic: "sharing") { uuid }` },
  exportContact: { op: `exportContact(uuid: "${BERND}") { uuid }` },
  eraseContact: { op: `eraseContact(uuid: "${BERND}") { erasedId }` },
  addInterest: { op: `addInterest(ags: "${A}", topic: "energie") { ags }` },
  removeInterest: { op: `removeInterest(ags: "${A}", topic: "buergerbeteiligung") { ags }` },
  recordAttendance: { op: `recordAttendance(event: "kongress-2023", attendee: { ags: "${A}" }) { slug }` },
  removeAttendance: { op: `removeAttendance(event: "rk-myk", attendee: { ags: "${A}" }) { slug }` },
  upsertMunicipality: { op: `upsertMunicipality(input: { ags: "${A}", name: "Ulm", kind: KREISFREIE_STADT, population: 127000, parentAgs: "08" }) { ags }` },
  linkExchange: { op: `linkExchange(from: "${A}", to: "09162000", kind: TRANSFER) { ags }` },
  unlinkExchange: { op: `unlinkExchange(from: "${A}", to: "${B}", kind: ROLE_MODEL) { ags }` },
  createTopic: { op: 'createTopic(input: { slug: "neues-thema", name: "Neues Thema" }) { slug }' },
  updateTopic: { op: 'updateTopic(slug: "energie", input: { name: "Energiewende" }) { slug }' },
  deleteTopic: { op: 'deleteTopic(slug: "energie") { deletedId }' },
  createOrganization: { op: 'createOrganization(input: { slug: "neue-org", name: "Neue Organisation", kind: COMPANY }) { slug }' },
  updateOrganization: { op: 'updateOrganization(slug: "kts", input: { name: "KTS" }) { slug }' },
  deleteOrganization: { op: 'deleteOrganization(slug: "bmwsb") { deletedId }' },
  createEvent: { op: 'createEvent(input: { slug: "neues-event", title: "Neues Event", kind: WEBINAR, startsAt: "2024-01-01T10:00:00Z" }) { slug }' },
  updateEvent: { op: 'updateEvent(slug: "rk-ulm", input: { title: "Regionalkonferenz Ulm 2022" }) { slug }' },
  deleteEvent: { op: 'deleteEvent(slug: "rk-ulm") { deletedId }' },
  addEventTopic: { op: 'addEventTopic(event: "rk-ulm", topic: "energie") { slug }' },
  removeEventTopic: { op: 'removeEventTopic(event: "rk-ulm", topic: "mobilitaet") { slug }' },
  createApiKey: { op: 'createApiKey(input: { name: "Neue App" }) { key }' },
  revokeApiKey: { op: 'revokeApiKey(id: $id) { revokedAt }', vars: (s) => ({ id: s.keyId }) },
};

const ROLES: Record<string, Viewer> = {
  anonymous: viewers.anonymous,
  'reader key': viewers.key('READER'),
  'analyst key': viewers.key('ANALYST'),
  analyst: viewers.analyst,
  'member of another municipality': viewers.member(B),
  'member of A': viewers.member(A),
  admin: viewers.admin,
};

/** The specification, written out: what each role gets for a mutation aimed at A's data. */
function expected(role: string, mutation: string): 'ALLOWED' | 'FORBIDDEN' | 'UNAUTHENTICATED' {
  if (role === 'anonymous') return 'UNAUTHENTICATED';
  if (role === 'admin') return 'ALLOWED';
  const memberMay = [
    'createProject', 'updateProject', 'deleteProject', 'addRunner', 'removeRunner', 'addProjectTopic', 'removeProjectTopic',
    'addProjectContact', 'removeProjectContact',
    'createContact', 'updateContact', 'deleteContact', 'addExpertise', 'removeExpertise', 'exportContact', 'eraseContact',
    'addInterest', 'removeInterest', 'recordAttendance', 'removeAttendance',
  ].includes(mutation);
  return role === 'member of A' && memberMay ? 'ALLOWED' : 'FORBIDDEN';
}

const run = (name: string, state: State, viewer: Viewer) => {
  const c = CASES[name]!;
  const vars = c.vars?.(state);
  const header = vars ? '($id: ID!)' : '';
  return h.gql(`mutation ${header} { ${c.op} }`, vars, viewer);
};

describe('role × mutation matrix', () => {
  it('has a case for every mutation of the schema, and the permission table names each one', () => {
    const schema = buildSchema(loadTypeDefs().join('\n'));
    const mutations = Object.keys((schema.getMutationType() as GraphQLObjectType).getFields()).sort();
    expect(Object.keys(CASES).sort()).toEqual(mutations);
    expect(Object.keys(MUTATION_ACCESS).sort()).toEqual(mutations);
  });

  it.each(Object.keys(ROLES))('%s: each mutation allowed or refused as specified, a refusal changing nothing', async (role) => {
    const viewer = ROLES[role]!;
    let state = await baseState();
    let before = await h.fingerprint();
    const outcomes: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const name of Object.keys(CASES)) {
      const result = await run(name, state, viewer);
      const code = result.errors?.[0]?.extensions?.code as string | undefined;
      outcomes[name] = result.errors ? (code ?? 'ERROR') : 'ALLOWED';
      wanted[name] = expected(role, name);
      if (outcomes[name] === 'ALLOWED') {
        state = await baseState();
        before = await h.fingerprint();
      } else {
        expect(await h.fingerprint(), `${role}: ${name} changed the graph`).toBe(before);
      }
    }
    // One comparison of the whole row, so a failure shows every cell that differs.
    expect(outcomes).toEqual(wanted);
  });
});

describe('a member cannot reach another municipality’s data by any id trick', () => {
  const member = viewers.member(A);
  const TRICKS: [string, string, Record<string, unknown>?][] = [
    ['change a project A does not run', 'mutation { updateProject(slug: "myk10", input: { summary: "x" }) { slug } }'],
    ['delete it', 'mutation { deleteProject(slug: "myk10") { deletedId } }'],
    ['make A a runner of it (and so its editor)', `mutation { addRunner(project: "myk10", ags: "${A}", role: LEAD) { slug } }`],
    ['remove its runner', `mutation { removeRunner(project: "myk10", ags: "${B}") { slug } }`],
    ['add a topic to it', 'mutation { addProjectTopic(project: "myk10", topic: "energie") { slug } }'],
    ['remove its backer', 'mutation { removeBacker(project: "myk10", organization: "bmwsb", kind: FUNDS) { slug } }'],
    ['claim that an organization funds an own project', 'mutation { addBacker(project: "ulm-4-0", organization: "kts", kind: FUNDS) { slug } }'],
    ['name another municipality lead of a new project', `mutation { createProject(input: { slug: "fremd-lead", name: "X", runners: [{ ags: "${A}", role: PARTNER }, { ags: "${B}", role: LEAD }] }) { slug } }`],
    ['attach another municipality’s contact to an own project', `mutation { addProjectContact(project: "ulm-4-0", contact: "${ANNA}") { slug } }`],
    ['attach an own contact to another’s project', `mutation { addProjectContact(project: "myk10", contact: "${BERND}") { slug } }`],
    ['create a project run only by another municipality', `mutation { createProject(input: { slug: "fremd", name: "Fremd", runners: [{ ags: "${B}", role: LEAD }] }) { slug } }`],
    ['create a project run by nobody', 'mutation { createProject(input: { slug: "niemand", name: "Niemand" }) { slug } }'],
    ['create a contact for another municipality', `mutation { createContact(input: { name: "X", employer: { ags: "${B}" } }) { uuid } }`],
    ['create a contact for an organization', 'mutation { createContact(input: { name: "X", employer: { organization: "kts" } }) { uuid } }'],
    ['create a contact with no employer', 'mutation { createContact(input: { name: "X" }) { uuid } }'],
    ['change another municipality’s contact', `mutation { updateContact(uuid: "${ANNA}", input: { role: "x" }) { uuid } }`],
    ['move an own contact to another municipality', `mutation { updateContact(uuid: "${BERND}", input: { employer: { ags: "${B}" } }) { uuid } }`],
    ['detach an own contact from A', `mutation { updateContact(uuid: "${BERND}", input: { employer: null }) { uuid } }`],
    ['export another municipality’s contact', `mutation { exportContact(uuid: "${ANNA}") { email } }`],
    ['erase another municipality’s contact', `mutation { eraseContact(uuid: "${ANNA}") { erasedId } }`],
    ['give another’s contact an expertise', `mutation { addExpertise(contact: "${ANNA}", topic: "energie") { uuid } }`],
    ['declare an interest for another municipality', `mutation { addInterest(ags: "${B}", topic: "energie") { ags } }`],
    ['declare it for a Gemeinde of its own Land', 'mutation { addInterest(ags: "08", topic: "energie") { ags } }'],
    ['record another municipality’s attendance', `mutation { recordAttendance(event: "rk-ulm", attendee: { ags: "${B}" }) { slug } }`],
    ['record an organization’s attendance', 'mutation { recordAttendance(event: "rk-ulm", attendee: { organization: "kts" }) { slug } }'],
    ['remove another’s attendance', 'mutation { removeAttendance(event: "rk-myk", attendee: { ags: "07137068" }) { slug } }'],
  ];

  it.each(TRICKS)('%s: FORBIDDEN, graph unchanged', async (_, op, vars) => {
    await baseState();
    const before = await h.fingerprint();
    const result = await h.gql(op, vars, member);
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toMatch(/^Members may|needs an admin's bearer token; this token's role is member/);
    expect(await h.fingerprint()).toBe(before);
  });

  // Mayen (07137068) is a partner in myk10, which Mayen-Koblenz (07137) leads; Andernach (07137003) is another partner.
  const PARTNER = viewers.member('07137068');
  const LEAD = viewers.member(B);
  it.each([
    ['a partner deletes the project', PARTNER, 'mutation { deleteProject(slug: "myk10") { deletedId } }'],
    ['a partner makes itself lead', PARTNER, 'mutation { addRunner(project: "myk10", ags: "07137068", role: LEAD) { slug } }'],
    ['a partner demotes the lead', PARTNER, `mutation { addRunner(project: "myk10", ags: "${B}", role: PARTNER) { slug } }`],
    ['a partner removes the lead', PARTNER, `mutation { removeRunner(project: "myk10", ags: "${B}") { slug } }`],
    ['a partner adds a partner', PARTNER, `mutation { addRunner(project: "myk10", ags: "${A}", role: PARTNER) { slug } }`],
    ['a partner unlinks the lead’s staff', PARTNER, `mutation { removeProjectContact(project: "myk10", contact: "${ANNA}") { slug } }`],
    ['the lead makes a partner lead', LEAD, 'mutation { addRunner(project: "myk10", ags: "07137003", role: LEAD) { slug } }'],
    ['the lead names a new runner lead', LEAD, `mutation { addRunner(project: "myk10", ags: "${A}", role: LEAD) { slug } }`],
  ])('on a joint project, %s: FORBIDDEN, graph unchanged', async (_, viewer, op) => {
    await baseState();
    const before = await h.fingerprint();
    const result = await h.gql(op, {}, viewer);
    expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('FORBIDDEN');
    expect(await h.fingerprint()).toBe(before);
  });

  it.each([
    ['a partner leaves', PARTNER, 'mutation { removeRunner(project: "myk10", ags: "07137068") { runners { municipality { ags } } } }'],
    ['the lead adds a partner', LEAD, `mutation { addRunner(project: "myk10", ags: "${A}", role: PARTNER) { runners { municipality { ags } } } }`],
    ['the lead removes a partner', LEAD, 'mutation { removeRunner(project: "myk10", ags: "07137003") { runners { municipality { ags } } } }'],
    ['a partner changes the project’s summary', PARTNER, 'mutation { updateProject(slug: "myk10", input: { summary: "Neu" }) { slug } }'],
  ])('on a joint project, %s: allowed', async (_, viewer, op) => {
    await baseState();
    const result = await h.gql(op, {}, viewer);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  });

  it('is decided in Cypher, inside the write transaction (the guard statements run, then the transaction rolls back)', async () => {
    await baseState();
    const result = await h.gql('mutation { updateProject(slug: "myk10", input: { summary: "x" }) { slug } }', {}, member);
    expect(result.statements).toEqual(['lock.Project', 'exists.Project', 'guard.project']);
    const own = await h.gql('mutation { updateProject(slug: "ulm-4-0", input: { summary: "x" }) { slug } }', {}, member);
    expect(own.errors).toBeUndefined();
    expect(own.statements.slice(0, 4)).toEqual(['lock.Project', 'exists.Project', 'guard.project', 'project.update']);
  });

  it('a member token naming a municipality that does not exist may change nothing', async () => {
    await baseState();
    const before = await h.fingerprint();
    const ghost = viewers.member('99999999');
    for (const name of Object.keys(CASES)) {
      const result = await run(name, { keyId: '0000000000000000' }, ghost);
      expect(result.errors?.[0]?.extensions?.code, name).toMatch(/^(FORBIDDEN|NOT_FOUND)$/);
    }
    expect(await h.fingerprint()).toBe(before);
  });
});
