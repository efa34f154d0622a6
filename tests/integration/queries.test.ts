// Every query of the schema against the real Neo4j, on the fixture graph.
import { describe, expect, it } from 'vitest';
import { accessOf, ANONYMOUS } from '../../src/auth/viewer.js';
import { municipalityRepository } from '../../src/features/municipality/municipality.repository.js';
import { WIDE } from '../../src/records/projection.js';
import { viewers } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';
import { CONTACT_NO_CONSENT, CONTACT_PRIVATE, CONTACT_PUBLIC, TESTDOERFER } from '../support/fixture.js';

const h = useHarness();

/** Runs a query and fails the test on any error. */
const ok = <T = any>(query: string, variables?: Record<string, unknown>) => h.ok<T>(query, variables);

/** Follows `after` cursors through a whole list; returns each page's node keys. */
async function allPages(query: string, variables: Record<string, unknown>, pick: (data: any) => any): Promise<{ pages: string[][]; totals: number[] }> {
  const pages: string[][] = [];
  const totals: number[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const data = await ok(query, { ...variables, after });
    const conn = pick(data);
    pages.push(conn.edges.map((e: any) => e.node.ags ?? e.node.slug ?? e.node.uuid));
    totals.push(conn.totalCount);
    expect(conn.pageInfo.hasPreviousPage).toBe(after !== null);
    if (!conn.pageInfo.hasNextPage) return { pages, totals };
    after = conn.pageInfo.endCursor;
  }
  throw new Error('pagination did not end');
}

describe('entities by key', () => {
  it('finds a municipality by AGS with its fields, and null for an unknown AGS', async () => {
    const data = await ok(`{
      mayen: municipality(ags: "07137068") { ags name kind state population sizeClass location { lat lon } }
      nobody: municipality(ags: "01001000") { ags }
    }`);
    expect(data.mayen).toEqual({
      ags: '07137068',
      name: 'Mayen, Stadt',
      kind: 'STADT',
      state: 'RHEINLAND_PFALZ',
      population: 19162,
      sizeClass: 'KLEINSTADT',
      location: { lat: 50.328707, lon: 7.222333 },
    });
    expect(data.nobody).toBeNull();
  });

  it('finds projects, topics, organizations, events and contacts by their keys', async () => {
    const data = await ok(
      `query ($c: ID!) {
        project(slug: "myk10") { slug name programme cohort status startDate endDate }
        topic(slug: "sharing") { slug name nameEn }
        organization(slug: "kts") { slug kind }
        event(slug: "rk-myk") { slug title kind startsAt format participantCount }
        contact(uuid: $c) { uuid name role visibility consentAt }
      }`,
      { c: CONTACT_PUBLIC },
    );
    expect(data.project).toEqual({ slug: 'myk10', name: 'Smarte Region MYK10', programme: 'Modellprojekte Smart Cities', cohort: 2020, status: 'ACTIVE', startDate: '2021-01-01', endDate: null });
    expect(data.topic).toEqual({ slug: 'sharing', name: 'Sharing-Angebote', nameEn: 'Sharing' });
    expect(data.organization).toEqual({ slug: 'kts', kind: 'TRANSFER_OFFICE' });
    expect(data.event).toEqual({ slug: 'rk-myk', title: '1. Regionalkonferenz Mayen-Koblenz', kind: 'REGIONAL_CONFERENCE', startsAt: '2022-03-22T09:00:00.000Z', format: 'VIRTUAL', participantCount: 150 });
    expect(data.contact).toEqual({ uuid: CONTACT_PUBLIC, name: 'Anna Beispiel', role: 'Chief Digital Officer', visibility: 'PUBLIC', consentAt: '2024-01-10T00:00:00.000Z' });
  });

  it('resolves every type through node(id) with the id it returned', async () => {
    const data = await ok(`{
      municipality(ags: "07137") { id } project(slug: "myk10") { id } topic(slug: "energie") { id }
      organization(slug: "kts") { id } event(slug: "rk-ulm") { id }
    }`);
    const contact = await ok(`query ($c: ID!) { contact(uuid: $c) { id } }`, { c: CONTACT_PUBLIC });
    const ids = [data.municipality.id, data.project.id, data.topic.id, data.organization.id, data.event.id, contact.contact.id];
    const types: string[] = [];
    for (const id of ids) {
      const r = await ok(`query ($id: ID!) { node(id: $id) { __typename id ... on Project { slug } ... on Contact { uuid } } }`, { id });
      expect(r.node.id).toBe(id);
      types.push(r.node.__typename);
    }
    expect(types).toEqual(['Municipality', 'Project', 'Topic', 'Organization', 'Event', 'Contact']);
    // A well-formed id of a deleted or never-existing node is null, not an error.
    const gone = await ok(`{ node(id: "${Buffer.from('Project:no-such-project').toString('base64url')}") { id } }`);
    expect(gone.node).toBeNull();
  });
});

describe('nested fields, both ways', () => {
  it('walks municipality → Kreis → Land, and Land → Kreise → Gemeinden', async () => {
    const data = await ok(`{
      mayen: municipality(ags: "07137068") { parent { ags } kreis { ags } land { ags } }
      ulm: municipality(ags: "08421000") { parent { ags } kreis { ags } land { ags } }
      rp: municipality(ags: "07") { parent { ags } land { ags } parts { totalCount edges { node { ags parts(first: 2) { totalCount edges { node { ags } } } } } } }
    }`);
    expect(data.mayen).toEqual({ parent: { ags: '07137' }, kreis: { ags: '07137' }, land: { ags: '07' } });
    expect(data.ulm).toEqual({ parent: { ags: '08' }, kreis: null, land: { ags: '08' } });
    expect(data.rp.parent).toBeNull();
    expect(data.rp.land).toBeNull();
    // Cochem-Zell before Mayen-Koblenz (by name); their Gemeinden by name too.
    expect(data.rp.parts.totalCount).toBe(2);
    const [cochem, myk] = data.rp.parts.edges.map((e: any) => e.node);
    expect(cochem).toEqual({ ags: '07135', parts: { totalCount: 25, edges: [{ node: { ags: '07135101' } }, { node: { ags: '07135102' } }] } });
    expect(myk).toEqual({ ags: '07137', parts: { totalCount: 2, edges: [{ node: { ags: '07137003' } }, { node: { ags: '07137068' } }] } });
  });

  it('lists a municipality’s projects with roles, topics, interests, contacts, events and exchanges', async () => {
    const data = await ok(`{
      myk: municipality(ags: "07137") {
        projects { totalCount edges { role node { slug } } }
        lead: projects(role: PARTNER) { totalCount }
        topics { slug }
        contacts { name email }
        eventsHosted { slug }
        exchanges { kind direction since partner { ags } topics { slug } }
      }
      mayen: municipality(ags: "07137068") {
        projects { edges { role node { slug } } }
        topics { slug }
        interests { since topic { slug } }
        eventsAttended { slug }
        exchanges(kind: KNOWLEDGE_EXCHANGE) { kind direction partner { ags } }
      }
    }`);
    expect(data.myk.projects).toEqual({ totalCount: 1, edges: [{ role: 'LEAD', node: { slug: 'myk10' } }] });
    expect(data.myk.lead.totalCount).toBe(0);
    expect(data.myk.topics.map((t: any) => t.slug)).toEqual(['buergerbeteiligung', 'mobilitaet']);
    expect(data.myk.contacts).toEqual([{ name: 'Anna Beispiel', email: 'anna@myk.example' }]);
    expect(data.myk.eventsHosted).toEqual([{ slug: 'rk-myk' }]);
    expect(data.myk.exchanges).toEqual([
      { kind: 'ROLE_MODEL', direction: 'INCOMING', since: '2022-05-01', partner: { ags: '08421000' }, topics: [{ slug: 'sharing' }] },
      { kind: 'KNOWLEDGE_EXCHANGE', direction: 'OUTGOING', since: '2023-01-15', partner: { ags: '07137068' }, topics: [] },
    ]);
    expect(data.mayen.projects.edges).toEqual([{ role: 'PARTNER', node: { slug: 'myk10' } }]);
    // Project topics plus the declared interest, without repeats.
    expect(data.mayen.topics.map((t: any) => t.slug)).toEqual(['buergerbeteiligung', 'energie', 'mobilitaet']);
    expect(data.mayen.interests).toEqual([{ since: '2024-03-01', topic: { slug: 'energie' } }]);
    expect(data.mayen.eventsAttended).toEqual([{ slug: 'rk-myk' }]);
    expect(data.mayen.exchanges).toEqual([{ kind: 'KNOWLEDGE_EXCHANGE', direction: 'INCOMING', partner: { ags: '07137' } }]);
  });

  it('lists a project’s runners (lead first), topics, contacts and backers', async () => {
    const data = await ok(`{ project(slug: "myk10") {
      runners { role municipality { ags } }
      topics { slug }
      contacts { uuid }
      funders { slug }
      supporters { slug }
    } }`);
    expect(data.project).toEqual({
      runners: [
        { role: 'LEAD', municipality: { ags: '07137' } },
        { role: 'PARTNER', municipality: { ags: '07137003' } },
        { role: 'PARTNER', municipality: { ags: '07137068' } },
      ],
      topics: [{ slug: 'buergerbeteiligung' }, { slug: 'mobilitaet' }],
      contacts: [{ uuid: CONTACT_PUBLIC }],
      funders: [{ slug: 'bmwsb' }],
      supporters: [{ slug: 'kts' }],
    });
  });

  it('lists a topic’s sub-topics, parent, projects (with and without sub-topics), interested municipalities, experts and events', async () => {
    const data = await ok(`{
      mobilitaet: topic(slug: "mobilitaet") {
        parent { slug }
        subtopics { slug }
        projects { totalCount edges { node { slug } } }
        own: projects(includeSubtopics: false) { totalCount edges { node { slug } } }
        experts { name }
        events { slug }
      }
      sharing: topic(slug: "sharing") { parent { slug } subtopics { slug } experts { name } }
      energie: topic(slug: "energie") { interestedMunicipalities { totalCount edges { node { ags } } } }
    }`);
    expect(data.mobilitaet.parent).toBeNull();
    expect(data.mobilitaet.subtopics.map((t: any) => t.slug)).toEqual(['sharing', 'verkehrssteuerung']);
    expect(data.mobilitaet.projects.edges.map((e: any) => e.node.slug)).toEqual(['muenchen-mobil', 'myk10', 'ulm-4-0']);
    expect(data.mobilitaet.projects.totalCount).toBe(3);
    expect(data.mobilitaet.own).toEqual({ totalCount: 1, edges: [{ node: { slug: 'myk10' } }] });
    expect(data.mobilitaet.experts).toEqual([{ name: 'Anna Beispiel' }]);
    expect(data.mobilitaet.events).toEqual([{ slug: 'rk-ulm' }]);
    expect(data.sharing).toEqual({ parent: { slug: 'mobilitaet' }, subtopics: [], experts: [{ name: 'Bernd Muster' }] });
    expect(data.energie.interestedMunicipalities).toEqual({ totalCount: 1, edges: [{ node: { ags: '07137068' } }] });
  });

  it('lists a contact’s employer, projects and expertise', async () => {
    const data = await ok(
      `query ($a: ID!, $c: ID!) {
        a: contact(uuid: $a) { employer { __typename ... on Municipality { ags } } projects { slug } expertise { slug } }
        c: contact(uuid: $c) { employer { __typename ... on Organization { slug } } projects { slug } expertise { slug } }
      }`,
      { a: CONTACT_PUBLIC, c: CONTACT_NO_CONSENT },
    );
    expect(data.a).toEqual({ employer: { __typename: 'Municipality', ags: '07137' }, projects: [{ slug: 'myk10' }], expertise: [{ slug: 'mobilitaet' }] });
    expect(data.c).toEqual({ employer: { __typename: 'Organization', slug: 'kts' }, projects: [], expertise: [] });
  });

  it('lists an organization’s contacts, projects and events', async () => {
    const data = await ok(`{
      kts: organization(slug: "kts") { contacts { name } fundedProjects { slug } supportedProjects { slug } eventsAttended { slug } eventsHosted { slug } }
      bmwsb: organization(slug: "bmwsb") { fundedProjects { slug } eventsHosted { slug } }
    }`);
    expect(data.kts).toEqual({ contacts: [{ name: 'Carla Test' }], fundedProjects: [], supportedProjects: [{ slug: 'myk10' }], eventsAttended: [{ slug: 'rk-myk' }], eventsHosted: [] });
    expect(data.bmwsb).toEqual({ fundedProjects: [{ slug: 'myk10' }], eventsHosted: [{ slug: 'kongress-2023' }] });
  });

  it('lists an event’s host, topics and attendees of both kinds, by name', async () => {
    const data = await ok(`{
      rk: event(slug: "rk-myk") {
        host { __typename ... on Municipality { ags } }
        topics { slug }
        attendees { totalCount edges { node { __typename ... on Municipality { ags } ... on Organization { slug } } } }
      }
      kongress: event(slug: "kongress-2023") { host { __typename ... on Organization { slug } } attendees { totalCount edges { cursor } } }
    }`);
    expect(data.rk.host).toEqual({ __typename: 'Municipality', ags: '07137' });
    expect(data.rk.topics).toEqual([{ slug: 'buergerbeteiligung' }]);
    expect(data.rk.attendees.totalCount).toBe(3);
    expect(data.rk.attendees.edges.map((e: any) => e.node)).toEqual([
      { __typename: 'Organization', slug: 'kts' },
      { __typename: 'Municipality', ags: '07137068' },
      { __typename: 'Municipality', ags: '08421000' },
    ]);
    expect(data.kongress).toEqual({ host: { __typename: 'Organization', slug: 'bmwsb' }, attendees: { totalCount: 0, edges: [] } });
  });
});

describe('contact privacy (anonymous viewer; every viewer and path: privacy.test.ts)', () => {
  it('shows e-mail and phone only for PUBLIC contacts with consent, and no contact without consent', async () => {
    const data = await h.ok(
      `query ($a: ID!, $b: ID!, $c: ID!) {
        a: contact(uuid: $a) { email phone }
        b: contact(uuid: $b) { email phone }
        c: contact(uuid: $c) { email phone }
        project(slug: "ulm-4-0") { contacts { email phone } }
        topic(slug: "sharing") { experts { email } }
        municipality(ags: "08421000") { contacts { email } }
        contacts(first: 10) { edges { node { uuid email } } }
      }`,
      { a: CONTACT_PUBLIC, b: CONTACT_PRIVATE, c: CONTACT_NO_CONSENT },
      viewers.anonymous,
    );
    expect(data.a).toEqual({ email: 'anna@myk.example', phone: '+49 261 1080' });
    expect(data.b).toEqual({ email: null, phone: null });
    expect(data.c).toBeNull();
    expect(data.project.contacts).toEqual([{ email: null, phone: null }]);
    expect(data.topic.experts).toEqual([{ email: null }]);
    expect(data.municipality.contacts).toEqual([{ email: null }]);
    expect(data.contacts.edges.map((e: any) => e.node.email)).toEqual(['anna@myk.example', null]);
  });
});

describe('lists: filters, sort orders, pagination', () => {
  const MUNICIPALITIES = `query ($filter: MunicipalityFilter, $orderBy: MunicipalityOrder, $first: Int, $after: String) {
    municipalities(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
      totalCount edges { cursor node { ags } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    }
  }`;

  it('pages through all municipalities by name: no duplicates, no gaps, stable order, constant totalCount', async () => {
    const { pages, totals } = await allPages(MUNICIPALITIES, { first: 7 }, (d) => d.municipalities);
    const seen = pages.flat();
    expect(pages.map((p) => p.length)).toEqual([7, 7, 7, 7, 6]);
    expect(new Set(seen).size).toBe(seen.length);
    expect(totals.every((t) => t === 34)).toBe(true);
    // Same order as one big page, and as the names sorted the documented way.
    const whole = await ok(MUNICIPALITIES, { first: 100 });
    expect(whole.municipalities.edges.map((e: any) => e.node.ags)).toEqual(seen);
    // Andernach, Baden-Württemberg, Bayern, Cochem-Zell … Ulm ("ü" sorts as "u").
    expect(seen.slice(0, 4)).toEqual(['07137003', '08', '09', '07135']);
    expect(seen.at(-1)).toBe('08421000');
  });

  it('sorts by population, largest first, units without population last, ties by AGS', async () => {
    const { pages } = await allPages(MUNICIPALITIES, { orderBy: 'POPULATION_DESC', first: 10 }, (d) => d.municipalities);
    const seen = pages.flat();
    expect(seen.slice(0, 4)).toEqual(['09162000', '08421000', '07137003', '07135125']);
    // Länder and Kreise have no population in the fixture: last, by AGS.
    expect(seen.slice(-5)).toEqual(['07', '07135', '07137', '08', '09']);
    expect(new Set(seen).size).toBe(34);
  });

  it('sorts by AGS', async () => {
    const data = await ok(MUNICIPALITIES, { orderBy: 'AGS', first: 3 });
    expect(data.municipalities.edges.map((e: any) => e.node.ags)).toEqual(['07', '07135', '07135101']);
  });

  it('filters by Land, kinds, size classes and name prefix (case and umlauts folded)', async () => {
    const q = async (filter: object) => (await ok(MUNICIPALITIES, { filter, first: 100 })).municipalities;
    expect((await q({ state: 'BAYERN' })).edges.map((e: any) => e.node.ags)).toEqual(['09', '09162000']);
    expect((await q({ kinds: ['LAND'] })).totalCount).toBe(3);
    expect((await q({ kinds: ['STADT', 'KREISFREIE_STADT'] })).totalCount).toBe(4);
    expect((await q({ sizeClasses: ['GROSSSTADT'] })).edges.map((e: any) => e.node.ags)).toEqual(['09162000', '08421000']);
    expect((await q({ sizeClasses: ['MITTELSTADT'], state: 'RHEINLAND_PFALZ' })).totalCount).toBe(7);
    for (const prefix of ['muen', 'MÜN', 'Munch', 'münchen']) {
      expect((await q({ namePrefix: prefix })).edges.map((e: any) => e.node.ags)).toEqual(['09162000']);
    }
    expect((await q({ namePrefix: 'testdorf 1' })).totalCount).toBe(10);
  });

  it('pages a filtered list with first: 0 (count only) and with the last page exactly full', async () => {
    const none = await ok(MUNICIPALITIES, { filter: { kinds: ['GEMEINDE'] }, first: 0 });
    expect(none.municipalities).toMatchObject({ totalCount: 25, edges: [], pageInfo: { hasNextPage: true, endCursor: null } });
    const { pages } = await allPages(MUNICIPALITIES, { filter: { kinds: ['GEMEINDE'] }, first: 5 }, (d) => d.municipalities);
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 5]);
    expect(pages.flat()).toEqual(TESTDOERFER.map((t) => t.ags));
  });

  it('pages nested connections with their own cursors', async () => {
    const PARTS = `query ($after: String) { municipality(ags: "07135") { parts(first: 10, after: $after) {
      totalCount edges { node { ags } } pageInfo { hasNextPage hasPreviousPage endCursor } } } }`;
    const { pages, totals } = await allPages(PARTS, {}, (d) => d.municipality.parts);
    expect(pages.map((p) => p.length)).toEqual([10, 10, 5]);
    expect(pages.flat()).toEqual(TESTDOERFER.map((t) => t.ags));
    expect(totals).toEqual([25, 25, 25]);
  });

  it('filters and sorts projects, and pages them', async () => {
    const PROJECTS = `query ($filter: ProjectFilter, $orderBy: ProjectOrder, $first: Int, $after: String) {
      projects(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount edges { node { slug } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const slugs = async (filter: object, orderBy = 'NAME') => (await ok(PROJECTS, { filter, orderBy, first: 100 })).projects.edges.map((e: any) => e.node.slug);
    expect(await slugs({})).toEqual(['dorf-energie', 'muenchen-mobil', 'myk10', 'ulm-4-0']);
    expect(await slugs({}, 'START_DATE_DESC')).toEqual(['muenchen-mobil', 'myk10', 'ulm-4-0', 'dorf-energie']);
    expect(await slugs({ topic: 'mobilitaet' })).toEqual(['muenchen-mobil', 'myk10', 'ulm-4-0']);
    expect(await slugs({ topic: 'sharing' })).toEqual(['ulm-4-0']);
    expect(await slugs({ status: 'ACTIVE' })).toEqual(['muenchen-mobil', 'myk10']);
    expect(await slugs({ programme: 'Modellprojekte Smart Cities', cohort: 2019 })).toEqual(['ulm-4-0']);
    expect(await slugs({ state: 'RHEINLAND_PFALZ' })).toEqual(['dorf-energie', 'myk10']);
    const { pages, totals } = await allPages(PROJECTS, { orderBy: 'START_DATE_DESC', first: 3 }, (d) => d.projects);
    expect(pages).toEqual([['muenchen-mobil', 'myk10', 'ulm-4-0'], ['dorf-energie']]);
    expect(totals).toEqual([4, 4]);
  });

  it('lists topics, organizations, contacts and events with their filters', async () => {
    const data = await ok(
      `query ($a: String) {
        fields: topics(filter: { fieldsOfAction: true }) { totalCount edges { node { slug } } }
        subs: topics(filter: { fieldsOfAction: false }) { totalCount }
        mob: topics(filter: { parent: "mobilitaet" }) { edges { node { slug } } }
        orgs: organizations { edges { node { slug } } }
        ministries: organizations(kind: MINISTRY) { edges { node { slug } } }
        byMunicipality: contacts(filter: { ags: "07137" }) { edges { node { name } } }
        byOrg: contacts(filter: { organization: "kts" }) { edges { node { name } } }
        experts: contacts(filter: { expertIn: "sharing" }) { edges { node { name } } }
        conferences: events(filter: { kinds: [REGIONAL_CONFERENCE] }) { totalCount edges { node { slug } } }
        y2022: events(filter: { from: "2022-01-01T00:00:00Z", to: "2023-01-01T00:00:00Z" }, orderBy: STARTS_AT_DESC) { edges { node { slug } } }
        page: events(first: 2, after: $a) { edges { node { slug } } pageInfo { hasNextPage } }
      }`,
      { a: null },
    );
    expect(data.fields.edges.map((e: any) => e.node.slug)).toEqual(['buergerbeteiligung', 'energie', 'mobilitaet']);
    expect(data.subs.totalCount).toBe(2);
    expect(data.mob.edges.map((e: any) => e.node.slug)).toEqual(['sharing', 'verkehrssteuerung']);
    expect(data.orgs.edges.map((e: any) => e.node.slug)).toEqual(['bmwsb', 'kts']);
    expect(data.ministries.edges.map((e: any) => e.node.slug)).toEqual(['bmwsb']);
    expect(data.byMunicipality.edges).toEqual([{ node: { name: 'Anna Beispiel' } }]);
    expect(data.byOrg.edges).toEqual([{ node: { name: 'Carla Test' } }]);
    expect(data.experts.edges).toEqual([{ node: { name: 'Bernd Muster' } }]);
    expect(data.conferences.edges.map((e: any) => e.node.slug)).toEqual(['rk-myk', 'rk-ulm']);
    expect(data.y2022.edges.map((e: any) => e.node.slug)).toEqual(['rk-ulm', 'rk-myk']);
    expect(data.page).toEqual({ edges: [{ node: { slug: 'rk-myk' } }, { node: { slug: 'rk-ulm' } }], pageInfo: { hasNextPage: true } });
  });
});

describe('a municipality page in one statement (look-ahead)', () => {
  const PAGE = (projects: string) => `query ($ags: String!, $first: Int) { municipality(ags: $ags) { name
    ${projects}
    contacts { name email phone } } }`;
  const DIRECT = PAGE('projects(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor role node { slug name topics { slug name } contacts { name email } } } }');
  // The same selection inside a fragment: the look-ahead does not look there, so the loaders answer level by level.
  const VIA_FRAGMENT = PAGE(
    '... on Municipality { projects(first: $first) { totalCount pageInfo { hasNextPage endCursor } edges { cursor role node { slug name topics { slug name } contacts { name email } } } } }',
  );

  it.each([
    ['07137', 'anonymous', viewers.anonymous],
    ['08421000', 'anonymous', viewers.anonymous],
    ['08421000', 'its own member', viewers.member('08421000')],
    ['07137068', 'an admin', viewers.admin],
    ['99999999', 'anonymous', viewers.anonymous],
  ])('%s as %s: one statement, the same answer as level by level', async (ags, _, viewer) => {
    for (const first of [1, 10]) {
      const direct = await h.gql(DIRECT, { ags, first }, viewer);
      const stepwise = await h.gql(VIA_FRAGMENT, { ags, first }, viewer);
      expect(direct.errors).toBeUndefined();
      expect(direct.data).toEqual(stepwise.data);
      expect(direct.statements).toEqual(['municipality.page.one']);
      if (ags !== '99999999') expect(stepwise.statements.length).toBeGreaterThan(1);
    }
  });

  it('several pages in one operation: one batched statement, each page as when asked alone', async () => {
    const SELECTION = '{ name projects(first: $first) { totalCount edges { node { slug topics { slug } } } } contacts { name } }';
    const pair = await h.gql(`query ($first: Int) { a: municipality(ags: "08421000") ${SELECTION} b: municipality(ags: "07137068") ${SELECTION} }`, { first: 1 });
    const alone = (ags: string) => h.gql(`query ($ags: String!, $first: Int) { municipality(ags: $ags) ${SELECTION} }`, { ags, first: 1 });
    const [a, b] = [await alone('08421000'), await alone('07137068')];
    expect(pair.errors).toBeUndefined();
    expect(pair.statements).toEqual(['municipality.page']);
    expect(a.statements).toEqual(['municipality.page.one']);
    expect(pair.data).toEqual({ a: a.data!.municipality, b: b.data!.municipality });
  });

  it('sees the privacy rule as every other path does', async () => {
    const page = await h.ok(DIRECT, { ags: '08421000', first: 10 }, viewers.anonymous);
    expect(page.municipality.contacts).toEqual([{ name: 'Bernd Muster', email: null, phone: null }]);
    const own = await h.ok(DIRECT, { ags: '08421000', first: 10 }, viewers.member('08421000'));
    expect(own.municipality.contacts).toEqual([{ name: 'Bernd Muster', email: 'bernd@ulm.example', phone: '+49 731 1610' }]);
  });

  it('reads only key and name of each node when the whole operation needs no more, and the whole node otherwise', async () => {
    const repo = municipalityRepository(h.db, accessOf(ANONYMOUS));
    const key = { ags: '07137068', limit: 11, topics: true, projectContacts: false, contacts: false };
    const [narrowPage] = await repo.pages([{ ...key, narrow: { project: true, municipality: true, topic: true } }]);
    const [widePage] = await repo.pages([{ ...key, narrow: WIDE }]);
    expect(narrowPage!.municipality).toMatchObject({ ags: '07137068', name: 'Mayen, Stadt', population: null, kind: undefined });
    expect(widePage!.municipality).toMatchObject({ ags: '07137068', name: 'Mayen, Stadt', population: 19162, kind: 'STADT' });
    expect(narrowPage!.projects.rows.map((r) => [r.node.slug, r.node.name])).toEqual(widePage!.projects.rows.map((r) => [r.node.slug, r.node.name]));
    expect(widePage!.projects.rows.map((r) => r.node.programme)).toContain('Modellprojekte Smart Cities');
    expect(narrowPage!.projects.rows.every((r) => r.node.programme === null && r.node.status === null)).toBe(true);
  });

  it('reads whole nodes when another part of the operation asks for more of the same type, so no loader serves a narrow record', async () => {
    // Whichever of a and b the loader serves first, both get the whole municipality.
    const both = await h.gql(`{ a: municipality(ags: "07137068") { name projects(first: 10) { edges { node { slug name } } } }
                                b: municipality(ags: "07137068") { population kind } }`);
    expect(both.errors).toBeUndefined();
    expect(both.data!.b).toEqual({ population: 19162, kind: 'STADT' });
    // A field of a project asked inside a fragment elsewhere counts too.
    const viaFragment = await h.gql(`{ municipality(ags: "07137068") { projects(first: 10) { edges { node { slug ...More } } } } }
                                      fragment More on Project { programme status }`);
    const stepwise = await h.gql(`{ municipality(ags: "07137068") { ... on Municipality { projects(first: 10) { edges { node { slug programme status } } } } } }`);
    expect(viaFragment.statements).toEqual(['municipality.page.one']);
    expect(viaFragment.data).toEqual(stepwise.data);
    expect((viaFragment.data as any).municipality.projects.edges.map((e: any) => e.node.programme)).toContain('Modellprojekte Smart Cities');
  });

  it('a cursor, a role filter or a bad page size take the ordinary path (and its errors)', async () => {
    const withRole = await h.gql(`{ municipality(ags: "07137") { projects(role: LEAD) { totalCount } } }`);
    expect(withRole.statements).toEqual(['municipality.byAgs', 'municipality.projects']);
    const bad = await h.gql(`{ municipality(ags: "07137") { projects(first: 1000) { totalCount } } }`);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('a project page with its runners in one statement (look-ahead)', () => {
  const FIELDS = 'totalCount edges { cursor node { slug runners { role municipality { ags name } } } } pageInfo { hasNextPage }';
  it.each([
    ['no filter', {}],
    ['a topic with sub-topics', { topic: 'mobilitaet' }],
    ['a Land', { state: 'RHEINLAND_PFALZ' }],
  ])('%s: one statement, the same answer as level by level', async (_, filter) => {
    for (const first of [1, 3, 20]) {
      const direct = await h.gql(`query ($f: ProjectFilter, $n: Int) { projects(filter: $f, first: $n) { ${FIELDS} } }`, { f: filter, n: first });
      const stepwise = await h.gql(`query ($f: ProjectFilter, $n: Int) { projects(filter: $f, first: $n) { ... on ProjectConnection { ${FIELDS} } } }`, { f: filter, n: first });
      expect(direct.errors).toBeUndefined();
      expect(direct.data).toEqual(stepwise.data);
      expect(direct.statements).toEqual(['project.listWithRunners.NAME']);
      expect(stepwise.statements).toEqual(['project.list.NAME', 'project.runners']);
    }
  });

  it('the whole runner when the operation asks a runner for more than key and name', async () => {
    const FULL = 'totalCount edges { node { slug summary runners { role municipality { ags name population } } } }';
    const direct = await h.gql(`{ projects(first: 20) { ${FULL} } }`);
    const stepwise = await h.gql(`{ projects(first: 20) { ... on ProjectConnection { ${FULL} } } }`);
    expect(direct.statements).toEqual(['project.listWithRunners.NAME']);
    expect(direct.data).toEqual(stepwise.data);
    const runners = (direct.data as any).projects.edges.flatMap((e: any) => e.node.runners);
    expect(runners.some((r: any) => r.municipality.population !== null)).toBe(true);
  });
});
