/// <reference lib="dom" />
// The pages of a project, a measure, a topic and an event in a real browser (Chromium through playwright-core),
// served by the API at `/` over the bundled real data (issue 33, point 2): each opened from search and from a list
// that names it, its content as the API answers the same question, the back button to where one came from, the
// tab's title, an unknown key in plain German, and axe-core's WCAG 2.1 A/AA check on every page.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/import.js';
import { fromProject } from '../../src/paths.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { startHttp } from '../support/harness.js';
import { registerRead } from '../support/register.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness({
  graph: 'empty',
  then: async (h) => {
    expect((await runImport(h.db, { dataDir: fromProject('data'), register: await registerRead() })).ok).toBe(true);
  },
});
const out = mkdtempSync(join(tmpdir(), 'scg-web-pages-'));
let http: Awaited<ReturnType<typeof startHttp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await build({ configFile: fromProject('web/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  http = await startHttp(h.db, { webDir: out });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  rmSync(out, { recursive: true, force: true });
});

const open = async (path: string) => {
  await page?.close();
  page = await browser.newPage({ locale: 'de-DE' });
  await page.goto(`${http.url}${path}`);
  return page;
};
const accessible = async () => expect(await accessibilityViolations(page)).toEqual([]);
const heading = () => page.locator('h1').textContent();
/** The page shows `title` as its heading and in the tab. */
const isAt = async (title: string, path?: string) => {
  await expect.poll(heading).toBe(title);
  await expect.poll(() => page.title()).toBe(`${title} – Smart-City-Netzwerk`);
  if (path) expect(decodeURIComponent(new URL(page.url()).pathname)).toBe(path);
};
const targets = (links: Locator) => links.evaluateAll((found) => found.map((a) => a.getAttribute('href')));
/** Where every link inside `where` leads, in order. */
const hrefs = (where: Locator) => targets(where.locator('a'));
/** Searches from the start page and returns the group of hits of one kind. */
const search = async (text: string, group: string) => {
  await open('/');
  await page.getByLabel('Suchbegriff').fill(text);
  await page.getByRole('button', { name: 'Suchen' }).click();
  return page.getByRole('region', { name: group });
};
/** Back with the browser's button to the search for `text`, its hit still there. */
const backToSearch = async (text: string, group: string, hit: string) => {
  await page.goBack();
  await isAt('Suche');
  expect(new URL(page.url()).searchParams.get('q')).toBe(text);
  await expect.poll(() => page.getByRole('region', { name: group }).getByRole('link', { name: hit, exact: true }).count()).toBe(1);
};
/** The page's own sources: each address written out as its link. */
const sources = async () => {
  const links = page.getByRole('region', { name: 'Quellen' }).getByRole('link');
  expect(await links.allInnerTexts()).toEqual(await targets(links));
  return targets(links);
};
const notFound = async (path: string, text: string) => {
  await open(path);
  await expect.poll(() => page.getByRole('alert').innerText()).toContain(text);
  await accessible();
};

describe('search by the names people type (issue 33, point 3)', () => {
  it.each([
    ['Landkreis Vulkaneifel', '/gemeinde/07233'],
    ['Kreis Cochem-Zell', '/gemeinde/07135'],
    ['Gemeinde Reit im Winkl', null],
  ])('finds %s as the first hit, and opens it', async (text, path) => {
    const group = await search(text, 'Gemeinden und Kreise');
    const first = group.getByRole('link').first();
    await expect.poll(() => first.count()).toBe(1);
    const expected = await h.ok<any>('query ($q: String!) { search(text: $q, first: 1) { node { ... on Municipality { ags name } } } }', { q: text });
    const hit = expected.search[0].node;
    if (path) expect(`/gemeinde/${hit.ags}`).toBe(path);
    expect(hit.name).toContain(text.split(' ').slice(1).join(' '));
    expect(await first.getAttribute('href')).toBe(`/gemeinde/${hit.ags}`);
    await first.click();
    await expect.poll(heading).toBe(hit.name);
  });
});

describe('a page for every project, measure, topic and event', () => {
  it('opens a project from search and from its runner’s page, with runners, funding, measures, topics, contact points and sources as the API has them', async () => {
    const mine = await h.ok<any>('{ municipality(ags: "07137") { name projects(first: 1) { edges { node { slug name } } } } }');
    const { slug, name } = mine.municipality.projects.edges[0].node;
    const { project: p } = await h.ok<any>(`{ project(slug: "${slug}") {
      sources fundingEur fundingNote topicsWording phase { wording }
      runners { role municipality { ags name } } measures { slug name } topics { slug name } contactPoints { unit } } }`);

    const hits = await search(name, 'Projekte');
    await expect.poll(() => hits.getByRole('link', { name, exact: true }).count()).toBe(1);
    await hits.getByRole('link', { name, exact: true }).click();
    await isAt(name, `/projekt/${slug}`);
    const facts = page.getByRole('region', { name: 'Steckbrief' });
    const runners = facts.locator('dd').first();
    expect(await hrefs(runners)).toEqual(p.runners.map((r: any) => `/gemeinde/${r.municipality.ags}`));
    expect(await runners.innerText()).toContain(`${p.runners[0].municipality.name} (${p.runners[0].role === 'LEAD' ? 'federführend' : 'Partner'})`);
    const factText = await facts.innerText();
    if (p.phase) expect(factText).toContain(p.phase.wording);
    if (p.fundingEur != null) expect(factText).toContain(`${p.fundingEur.toLocaleString('de-DE', { maximumFractionDigits: 0 })} €`);
    if (p.fundingNote) expect(factText).toContain(p.fundingNote);
    expect(await sources()).toEqual([...new Set(p.sources)]);
    expect(p.measures.length).toBeGreaterThan(0);
    expect(await hrefs(page.getByRole('region', { name: 'Maßnahmen' }))).toEqual(p.measures.map((m: any) => `/massnahme/${m.slug}`));
    const topics = page.getByRole('region', { name: 'Themen' });
    expect(await hrefs(topics)).toEqual(p.topics.map((x: any) => `/thema/${x.slug}`));
    if (p.topicsWording.length > 0) expect(await topics.innerText()).toContain(`Handlungsfelder laut Quelle: ${p.topicsWording.join(', ')}`);
    expect(await page.getByRole('region', { name: 'Ansprechstellen' }).count()).toBe(p.contactPoints.length > 0 ? 1 : 0);
    await accessible();
    await backToSearch(name, 'Projekte', name);

    // From the runner's page, and back to it.
    await open('/gemeinde/07137');
    await isAt(mine.municipality.name);
    await page.getByRole('region', { name: 'Projekte und Maßnahmen' }).getByRole('link', { name, exact: true }).click();
    await isAt(name, `/projekt/${slug}`);
    await page.goBack();
    await isAt(mine.municipality.name, '/gemeinde/07137');

    await notFound('/projekt/gibt-es-nicht', 'Kein Projekt mit der Kennung „gibt-es-nicht“.');
  });

  it('opens a measure from search and from the measures browser, with its description, status, project, runners, topics, sources and measures of the same topic elsewhere', async () => {
    const { measure: m } = await h.ok<any>(`{ measure(slug: "m-001") {
      name description status statusAsOf sources { url }
      project { slug name runners { municipality { ags name } } } topicLinks { topic { slug name } } } }`);
    expect(m.description).toBeTruthy();

    const hits = await search(m.name, 'Maßnahmen');
    await expect.poll(() => hits.getByRole('link', { name: m.name, exact: true }).count()).toBe(1);
    await hits.getByRole('link', { name: m.name, exact: true }).click();
    await isAt(m.name, '/massnahme/m-001');
    // The description the app never showed before.
    expect(await page.getByRole('region', { name: 'Beschreibung' }).innerText()).toContain(m.description);
    const facts = page.getByRole('region', { name: 'Steckbrief' });
    const german: Record<string, string> = { IMPLEMENTED: 'umgesetzt', IN_PROGRESS: 'in Umsetzung', PLANNED: 'geplant', UNKNOWN: 'Stand unbekannt' };
    expect(await facts.innerText()).toContain(german[m.status]);
    expect(await facts.getByRole('link', { name: m.project.name, exact: true }).getAttribute('href')).toBe(`/projekt/${m.project.slug}`);
    for (const r of m.project.runners) expect(await facts.getByRole('link', { name: r.municipality.name, exact: true }).getAttribute('href')).toBe(`/gemeinde/${r.municipality.ags}`);
    expect(await sources()).toEqual([...new Set(m.sources.map((x: any) => x.url))]);
    expect(await hrefs(page.getByRole('region', { name: 'Themen' }))).toEqual(m.topicLinks.map((l: any) => `/thema/${l.topic.slug}`));

    // Elsewhere: measures of one of its topics (the one the heading names), none of its own runners'.
    const similar = page.getByRole('region', { name: /^Ähnliche Maßnahmen anderswo/ });
    await expect.poll(() => similar.locator('li').count()).toBeGreaterThan(0);
    const topicSlug = new URL(`${http.url}${await similar.getByRole('link', { name: /Alle Maßnahmen zu diesem Thema/ }).getAttribute('href')}`).searchParams.get('thema');
    const topic = m.topicLinks.find((l: any) => l.topic.slug === topicSlug)?.topic;
    expect(topic).toBeDefined();
    expect(await similar.getByRole('heading').innerText()).toContain(`„${topic.name}“`);
    const same = await h.ok<any>(`{ measures(filter: { topic: "${topicSlug}" }, first: 20) { edges { node { slug project { runners { municipality { ags } } } } } } }`);
    const own = new Set(m.project.runners.map((r: any) => r.municipality.ags));
    const expected = same.measures.edges
      .map((e: any) => e.node)
      .filter((x: any) => x.slug !== 'm-001' && !(x.project?.runners ?? []).some((r: any) => own.has(r.municipality.ags)))
      .slice(0, 10)
      .map((x: any) => `/massnahme/${x.slug}`);
    expect((await hrefs(similar.locator('li'))).filter((href) => href!.startsWith('/massnahme/'))).toEqual(expected);
    await accessible();
    await backToSearch(m.name, 'Maßnahmen', m.name);

    // From the measures browser (filtered), and back to it with its filter.
    await open('/massnahmen?thema=mobilitaet');
    const first = page.locator('tbody tr').first().locator('td').first().getByRole('link').first();
    await expect.poll(() => first.count()).toBe(1);
    const name = (await first.textContent())!;
    const href = (await first.getAttribute('href'))!;
    expect(href).toMatch(/^\/massnahme\//);
    await first.click();
    await isAt(name, href);
    await page.goBack();
    await isAt('Projekte und Maßnahmen');
    expect(new URL(page.url()).searchParams.get('thema')).toBe('mobilitaet');

    await notFound('/massnahme/gibt-es-nicht', 'Keine Maßnahme mit der Kennung „gibt-es-nicht“.');
  });

  it('opens a topic from search and from a project page, with its projects, measures, events and the municipalities working on it, listed and on the map', async () => {
    const slug = 'mobilitaet';
    const { topic } = await h.ok<any>(`{ topic(slug: "${slug}") {
      name events { slug title }
      projects(first: 100) { totalCount edges { node { slug runners { municipality { ags name } } } } }
      measures(first: 20) { totalCount edges { node { slug } } }
      interestedMunicipalities(first: 100) { edges { node { ags name } } } } }`);
    expect(topic.projects.totalCount).toBeGreaterThan(50); // more than one page: the page must ask for all of them

    const hits = await search(topic.name, 'Themen');
    await expect.poll(() => hits.getByRole('link', { name: topic.name, exact: true }).count()).toBe(1);
    await hits.getByRole('link', { name: topic.name, exact: true }).click();
    await isAt(topic.name, `/thema/${slug}`);
    const projects = page.getByRole('region', { name: 'Projekte', exact: true });
    await expect.poll(() => projects.locator(':scope > ul > li').count()).toBe(topic.projects.totalCount);
    expect(await targets(projects.locator(':scope > ul > li > a:first-child'))).toEqual(topic.projects.edges.map((e: any) => `/projekt/${e.node.slug}`));
    // Every runner of every project and everyone who declared an interest, once, by name, numbered as on the map.
    const workers = new Map<string, string>();
    for (const e of topic.projects.edges) for (const r of e.node.runners) workers.set(r.municipality.ags, r.municipality.name);
    for (const e of topic.interestedMunicipalities.edges) workers.set(e.node.ags, e.node.name);
    const listed = [...workers.entries()].sort((a, b) => a[1].localeCompare(b[1], 'de'));
    const municipalities = page.getByRole('region', { name: 'Kommunen, die daran arbeiten' });
    await expect.poll(() => hrefs(municipalities.locator('ol > li'))).toEqual(listed.map(([ags]) => `/gemeinde/${ags}`));
    await expect.poll(() => municipalities.locator('canvas[data-points]').count()).toBe(1);
    expect(await municipalities.getByRole('img', { name: new RegExp(`${listed.length} Kommunen, die an diesem Thema arbeiten, markiert`) }).count()).toBe(1);
    const measures = page.getByRole('region', { name: 'Maßnahmen', exact: true });
    await expect.poll(() => targets(measures.locator('li > a:first-child'))).toEqual(topic.measures.edges.map((e: any) => `/massnahme/${e.node.slug}`));
    expect(await measures.innerText()).toContain(`20 von ${topic.measures.totalCount.toLocaleString('de-DE')} angezeigt`);
    expect(await hrefs(page.getByRole('region', { name: 'Veranstaltungen' }))).toEqual(topic.events.map((e: any) => `/veranstaltung/${e.slug}`));
    await accessible();
    await backToSearch(topic.name, 'Themen', topic.name);

    // From a project page's topics, and back to the project.
    const project = topic.projects.edges[0].node.slug as string;
    await open(`/projekt/${project}`);
    const projectName = (await h.ok<any>(`{ project(slug: "${project}") { name } }`)).project.name as string;
    await isAt(projectName);
    await page.getByRole('region', { name: 'Themen' }).getByRole('link', { name: topic.name, exact: true }).click();
    await isAt(topic.name, `/thema/${slug}`);
    await page.goBack();
    await isAt(projectName, `/projekt/${project}`);

    await notFound('/thema/gibt-es-nicht', 'Kein Thema mit der Kennung „gibt-es-nicht“.');
  });

  it('opens an event from search and from its host’s page, with date, host, format, topics and who attended by name with sources', async () => {
    const slug = 'rk-2023-09-06-iserlohn';
    const { event: e } = await h.ok<any>(`{ event(slug: "${slug}") {
      title startsOn format sources { url }
      hosts { ... on Municipality { ags name } } topics { slug }
      attendance(first: 50) { totalCount edges { node { attendee { ... on Municipality { ags name } ... on Organization { name } } sources { url } } } } } }`);
    expect(e.attendance.totalCount).toBeGreaterThan(0);

    const text = 'Regionalkonferenz Iserlohn';
    const hits = await search(text, 'Veranstaltungen');
    await expect.poll(() => hits.getByRole('link', { name: e.title, exact: true }).count()).toBe(1);
    await hits.getByRole('link', { name: e.title, exact: true }).click();
    await isAt(e.title, `/veranstaltung/${slug}`);
    const facts = page.getByRole('region', { name: 'Steckbrief' });
    const factText = await facts.innerText();
    const [year, month, day] = (e.startsOn as string).split('-');
    expect(factText).toMatch(new RegExp(`Datum\\s+${day}\\.${month}\\.${year}`));
    expect(factText).toMatch(/Art\s+Regionalkonferenz/);
    if (e.format) expect(factText).toMatch(/Format\s+(online|vor Ort|vor Ort und online)/);
    const host = e.hosts[0];
    expect(await facts.getByRole('link', { name: host.name, exact: true }).getAttribute('href')).toBe(`/gemeinde/${host.ags}`);
    expect(await sources()).toEqual([...new Set(e.sources.map((x: any) => x.url))]);
    expect(await hrefs(page.getByRole('region', { name: 'Themen' }))).toEqual(e.topics.map((x: any) => `/thema/${x.slug}`));
    // Named attendance: each attendee with as many source links as the API gives.
    const items = page.getByRole('region', { name: 'Namentlich genannte Teilnehmende' }).locator('li');
    expect(await items.count()).toBe(e.attendance.totalCount);
    for (const [i, { node }] of e.attendance.edges.entries()) {
      const item = items.nth(i);
      expect(await item.innerText()).toContain(node.attendee.name);
      if (node.attendee.ags) expect(await item.getByRole('link', { name: node.attendee.name, exact: true }).getAttribute('href')).toBe(`/gemeinde/${node.attendee.ags}`);
      expect(node.sources.length).toBeGreaterThan(0);
      expect(await item.getByRole('link', { name: /Quelle/ }).count()).toBe(node.sources.length);
    }
    await accessible();
    await backToSearch(text, 'Veranstaltungen', e.title);

    // From the host's page (the events it hosted), and back to it.
    const hostName = (await h.ok<any>(`{ municipality(ags: "${host.ags}") { name } }`)).municipality.name as string;
    await open(`/gemeinde/${host.ags}`);
    await isAt(hostName);
    await page.getByRole('region', { name: 'Veranstaltungen' }).getByRole('link', { name: e.title, exact: true }).click();
    await isAt(e.title, `/veranstaltung/${slug}`);
    await page.goBack();
    await isAt(hostName, `/gemeinde/${host.ags}`);

    await notFound('/veranstaltung/gibt-es-nicht', 'Keine Veranstaltung mit der Kennung „gibt-es-nicht“.');
  });

  it('links the solutions the peer finder suggests to their pages, and back to the same tab', async () => {
    const { learningPartners } = await h.ok<any>(`{ learningPartners(ags: "07137", first: 20) { edges {
      node { __typename ... on Measure { slug name } ... on Project { slug name } } project { slug name } } } }`);
    const expected = learningPartners.edges.map((e: any) => `/${e.node.__typename === 'Measure' ? 'massnahme' : 'projekt'}/${e.node.slug}`);
    await open('/partner?ags=07137&tab=loesungen');
    const titles = page.getByRole('tabpanel').locator('li.result h3 a');
    await expect.poll(() => targets(titles)).toEqual(expected);
    // A suggested measure names its project, linked.
    const measure = learningPartners.edges.findIndex((e: any) => e.node.__typename === 'Measure');
    if (measure >= 0) {
      const project = learningPartners.edges[measure].project;
      expect(await page.getByRole('tabpanel').locator('li.result').nth(measure).getByRole('link', { name: project.name, exact: true }).getAttribute('href')).toBe(`/projekt/${project.slug}`);
    }
    const first = learningPartners.edges[0].node;
    await titles.first().click();
    await isAt(first.name, expected[0]);
    await accessible();
    await page.goBack();
    await expect.poll(() => targets(page.getByRole('tabpanel').locator('li.result h3 a'))).toEqual(expected);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('loesungen');
  });
});
