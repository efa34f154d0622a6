/// <reference lib="dom" />
// The web app in a real browser (Chromium through playwright-core), served by the API at `/` over the
// bundled real data: the clerk's path (search, a municipality's page, its peers for two interests,
// solutions to adopt, a peer's contacts as an anonymous viewer sees them), the measures browser with
// two filters and paging, errors in plain German, the keyboard, and axe-core's WCAG 2.1 A/AA check on
// every page shown. The app is built from web/ first, so the test runs the current source.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/import.js';
import { fromProject } from '../../src/paths.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { startHttp, token, viewers } from '../support/harness.js';
import { registerRead } from '../support/register.js';
import { useHarness } from '../support/use-harness.js';

const ERIKA = 'e.beispiel@mayen-koblenz.example';
const HIDDEN = 'nur.intern@mayen-koblenz.example';
const h = useHarness({
  graph: 'empty',
  then: async (h) => {
    expect((await runImport(h.db, { dataDir: fromProject('data'), register: await registerRead() })).ok).toBe(true);
    // What members of Mayen-Koblenz would enter: one public, consented contact, and one kept to members.
    const member = viewers.member('07137');
    await h.ok(`mutation { createContact(input: { name: "Erika Beispiel", role: "Chief Digital Officer", email: "${ERIKA}", visibility: PUBLIC,
      consentAt: "2025-01-15T00:00:00Z", employer: { ags: "07137" } }) { uuid } }`, {}, member);
    await h.ok(`mutation { createContact(input: { name: "Nur Intern", email: "${HIDDEN}", visibility: MEMBERS,
      consentAt: "2025-01-15T00:00:00Z", employer: { ags: "07137" } }) { uuid } }`, {}, member);
  },
});
const out = mkdtempSync(join(tmpdir(), 'scg-web-'));
let http: Awaited<ReturnType<typeof startHttp>>;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await build({ configFile: fromProject('web/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  // Public GETs answered as production does (ETag of the data version, a public max-age); no response cache.
  http = await startHttp(h.db, { webDir: out, answerCache: { http: true, responseCache: false, maxAgeSeconds: 60 } });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  rmSync(out, { recursive: true, force: true });
});

const open = async (path: string) => {
  page = await browser.newPage({ locale: 'de-DE' });
  await page.goto(`${http.url}${path}`);
  return page;
};
const accessible = async () => expect(await accessibilityViolations(page)).toEqual([]);

describe('the web app', () => {
  it('is served at /, in German, with nothing from another origin, and small', async () => {
    const requests: string[] = [];
    page = await browser.newPage();
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${http.url}/`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Suche');
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    expect(requests.filter((url) => !url.startsWith(http.url) && !url.startsWith('data:'))).toEqual([]);
    await accessible();
    // The check can fail: an image without a text alternative is a violation.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<img src="data:,">'));
    expect((await accessibilityViolations(page)).map((v) => v.id)).toContain('image-alt');
    // The JavaScript the start page loads, gzipped, and each lazily loaded part (reported): the target is under 250 kB.
    const gz = (file: string) => gzipSync(readFileSync(join(out, 'assets', file))).length / 1024;
    const loaded = requests.filter((url) => url.endsWith('.js')).map((url) => url.split('/').at(-1)!);
    const lazy = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js') && !loaded.includes(f));
    const start = loaded.reduce((n, f) => n + gz(f), 0);
    console.log(`[web] start page JavaScript: ${start.toFixed(1)} kB gzipped (${loaded.join(', ')}); lazily loaded: ${lazy.map((f) => `${f} ${gz(f).toFixed(1)} kB`).join(', ')}`);
    expect(start).toBeLessThan(250);
  });

  it('finds Mayen-Koblenz, grouped by kind, and opens its page with facts, projects, events and contacts', async () => {
    await open('/');
    await page.getByLabel('Suchbegriff').fill('Mayen');
    await page.getByRole('button', { name: 'Suchen' }).click();
    const group = page.getByRole('region', { name: 'Gemeinden und Kreise' });
    await expect.poll(() => group.getByRole('link', { name: 'Mayen-Koblenz', exact: true }).count()).toBe(1);
    expect(new URL(page.url()).search).toBe('?q=Mayen');
    await accessible();

    await group.getByRole('link', { name: 'Mayen-Koblenz', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
    expect(new URL(page.url()).pathname).toBe('/gemeinde/07137');
    // The tab says which page this is, and a screen reader starts at the new page's heading.
    await expect.poll(() => page.title()).toMatch(/^Mayen-Koblenz – /);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Art\s+Landkreis/);
    expect(facts).toMatch(/Land\s+Rheinland-Pfalz/);
    const projects = page.getByRole('region', { name: 'Projekte und Maßnahmen' });
    expect(await projects.innerText()).toMatch(/\(federführend\)/);
    expect(await page.getByRole('region', { name: 'Veranstaltungen' }).innerText()).toContain('1. Regionalkonferenz: Smart-City-Strategien');
    // Every project and exchange link names its source.
    expect(await projects.getByRole('link', { name: /Quelle/ }).count()).toBeGreaterThan(0);
    // Contacts as the privacy rule shows them to an anonymous viewer: Erika (public, consented) with her e-mail,
    // the members-only contact's e-mail nowhere.
    const contacts = await page.getByRole('region', { name: 'Ansprechpersonen' }).innerText();
    expect(contacts).toContain('Erika Beispiel');
    expect(contacts).toContain(ERIKA);
    expect(await page.locator('main').innerText()).not.toContain(HIDDEN);
    await accessible();
  });

  it('opens a page by its address, and says so plainly for an unknown AGS', async () => {
    await open('/gemeinde/07137068');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen, Stadt');
    expect(await page.locator('dl.facts').innerText()).toMatch(/Einwohner\s+\d{2}\.\d{3}/);
    // Polch runs no project of its own; what its Kreis (and Verband) run is shown as inherited, marked, with where from.
    await open('/gemeinde/07137089');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Polch, Stadt');
    const inherited = page.getByRole('region', { name: 'Geerbte Themen' });
    await expect.poll(() => inherited.count()).toBe(1);
    const answer = await h.ok<any>('{ municipality(ags: "07137089") { inheritedTopics { topic { name } via { from { name } project { name } } } } }');
    expect(answer.municipality.inheritedTopics.length).toBeGreaterThan(0);
    const text = await inherited.innerText();
    for (const x of answer.municipality.inheritedTopics) {
      expect(text).toContain(x.topic.name);
      expect(text).toContain(`über ${x.via[0].from.name} (${x.via[0].project.name})`);
    }
    expect(text).toContain('(geerbt)');
    await accessible();
    await open('/gemeinde/09999999');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/Nicht gefunden|Keine Gemeinde mit dem Schlüssel 09999999/);
    await accessible();
  });

  it('says in German that the service cannot be reached when the API does not answer', async () => {
    await open('/');
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.getByLabel('Suchbegriff').fill('Mayen');
    await page.keyboard.press('Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toContain('Der Dienst ist gerade nicht erreichbar');
    await accessible();
  });

  it('works by keyboard: skip link first, then the search, and results reached by Tab', async () => {
    await open('/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Zum Inhalt springen');
    await page.keyboard.press('Enter');
    // Through the navigation to the search box, type, submit with Enter, tab to the first result and open it.
    for (let i = 0; i < 5 && (await page.evaluate(() => document.activeElement?.id)) !== 'search-text'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-text');
    await page.keyboard.type('Mayen');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('link', { name: 'Mayen-Koblenz', exact: true }).count()).toBe(1);
    for (let i = 0; i < 20 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Mayen-Koblenz'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
  });

  it('finds peers of Mayen-Koblenz for two interests, explained, and solutions to adopt with whom to contact', async () => {
    await open('/gemeinde/07137');
    // The map's positions, the same for everyone: a GET the browser may keep (the data version's ETag), compressed.
    const positionsAnswer = page.waitForResponse((r) => r.url().includes('/graphql?') && r.url().includes('GemeindePositions'));
    await page.getByRole('link', { name: 'Partner und Lösungen für diese Kommune finden' }).click();
    await expect.poll(() => page.getByText('Gewählt: Mayen-Koblenz').count()).toBe(1);
    await page.getByText('Woran Sie gerade arbeiten').click();
    await page.getByRole('checkbox', { name: 'On-demand- und geteilte Mobilität' }).check();
    await page.getByRole('checkbox', { name: 'Energie (alle)' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('themen')).toBe('on-demand-mobilitaet,energie');
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.locator('li.result').count()).toBe(20);
    // The API's own ranking for the same question, shown in the same order with the same scores and topics.
    const answer = await h.ok<any>(
      '{ peers(ags: "07137", interests: ["on-demand-mobilitaet", "energie"], first: 20) { edges { score node { name } explanation { model sharedTopics { topic { name } } contributions { contribution } } } } }',
    );
    expect(await panel.locator('li.result h3 a').allInnerTexts()).toEqual(answer.peers.edges.map((e: any) => e.node.name));
    // The map: every Gemeinde with a position drawn, the peers marked; times from navigation (reported, not asserted).
    const positions = (await h.ok<any>('{ gemeindePositions { count } }')).gemeindePositions.count;
    expect(positions).toBeGreaterThan(10_000);
    await expect.poll(() => page.locator('canvas[data-points]').getAttribute('data-points')).toBe(String(positions));
    const fetched = await positionsAnswer;
    const headers = await fetched.allHeaders();
    expect([fetched.request().method(), fetched.status()]).toEqual(['GET', 200]);
    expect(headers.etag).toMatch(/^W\/"/);
    expect(headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    expect(headers['content-encoding']).toMatch(/^(gzip|br)$/);
    expect(await page.getByRole('img', { name: /Karte Deutschlands mit allen Gemeinden/ }).count()).toBe(1);
    const timing = await page.evaluate(() => ({
      listed: performance.getEntriesByName('peers-listed').at(-1)?.startTime,
      drawn: performance.getEntriesByName('map-drawn').at(-1)?.startTime,
      draw: performance.getEntriesByName('map-draw').at(-1)?.duration,
    }));
    console.log(`[web] peer finder (this page's navigation → …): first peer list ${timing.listed?.toFixed(0)} ms, map with ${positions} points ${timing.drawn?.toFixed(0)} ms (drawing itself ${timing.draw?.toFixed(0)} ms)`);
    // SCREENSHOTS=1 writes the README's picture of the peer finder (docs/screenshots/, committed).
    if (process.env.SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.locator('details').evaluate((d) => ((d as HTMLDetailsElement).open = false));
      await page.getByRole('tablist').evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: fromProject('docs/screenshots/peer-finder.png') });
    }
    const first = panel.locator('li.result').first();
    // The learned model's score and its largest parts, in German, and the model named once above the list.
    const best = answer.peers.edges[0];
    const text = await first.innerText();
    expect(text).toContain(`Punktzahl ${best.score.toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}`);
    expect(text).toContain('Warum diese Kommune');
    const largest = best.explanation.contributions[0].contribution as number;
    expect(text).toContain(`${largest >= 0 ? '+' : '−'}${Math.abs(largest).toLocaleString('de-DE', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} Punkte`);
    expect(await panel.getByText(`Gereiht von einem Modell (${best.explanation.model})`).count()).toBe(1);
    for (const topic of best.explanation.sharedTopics) expect(text).toContain(topic.topic.name);
    await accessible();

    // Solutions to adopt, each with its runner, whom to contact (or the sources), as the API ranks them.
    await page.getByRole('tab', { name: /Lösungen zum Übernehmen/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('loesungen');
    const solutions = page.getByRole('tabpanel');
    const ranked = await h.ok<any>(
      '{ learningPartners(ags: "07137", interests: ["on-demand-mobilitaet", "energie"], first: 20) { edges { node { ... on Measure { name } ... on Project { name } } runner { name } explanation { model peersLikeYou { name } } } } }',
    );
    await expect.poll(() => solutions.locator('li.result').count()).toBe(20);
    const texts = await solutions.locator('li.result').allInnerTexts();
    ranked.learningPartners.edges.forEach((e: any, i: number) => {
      expect(texts[i]).toContain(e.node.name);
      expect(texts[i]).toContain(e.runner.name);
      // Why, in words; and the municipalities like hers that already took something up from the runner.
      expect(texts[i]).toContain('Warum diese Lösung');
      if (e.explanation.peersLikeYou.length > 0) expect(texts[i]).toContain(`Kommunen wie Ihre, die schon etwas von ${e.runner.name} übernommen haben: ${e.explanation.peersLikeYou.map((m: any) => m.name).join(', ')}`);
    });
    expect(await solutions.getByText(`Gereiht von einem Modell (${ranked.learningPartners.edges[0].explanation.model})`).count()).toBe(1);
    await accessible();

    // A peer's page: its contacts as an anonymous viewer sees them.
    await page.getByRole('tab', { name: /Ähnliche Kommunen/ }).click();
    const peer = answer.peers.edges[0].node.name as string;
    await page.getByRole('tabpanel').getByRole('link', { name: peer, exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(peer);
    expect(await page.getByRole('region', { name: 'Ansprechpersonen' }).count()).toBe(1);
    await accessible();
  });

  it('browses the measures with two filters, their totals per status, and pages through them', async () => {
    await open('/massnahmen');
    await page.getByLabel('Thema').selectOption('mobilitaet');
    await page.getByLabel('Stand', { exact: true }).selectOption('UNKNOWN');
    await expect.poll(() => new URL(page.url()).searchParams.get('stand')).toBe('UNKNOWN');
    const answer = await h.ok<any>('{ measures(filter: { topic: "mobilitaet", status: [UNKNOWN] }, first: 100) { totalCount edges { node { name } } } }');
    expect(answer.measures.totalCount).toBeGreaterThan(20);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toBe(`${answer.measures.totalCount.toLocaleString('de-DE')} Maßnahmen`);
    const rows = page.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(20);
    await accessible();
    await page.getByRole('button', { name: 'Weitere laden' }).click();
    await expect.poll(() => rows.count()).toBe(Math.min(40, answer.measures.totalCount));
    // The pages in the API's order, none repeated.
    const names = await page.locator('tbody tr td:first-child').allInnerTexts();
    expect(names.map((n) => n.replace(/\s*\(Quelle.*$/s, '').trim())).toEqual(answer.measures.edges.slice(0, names.length).map((e: any) => e.node.name));
    expect(await page.getByText(`${names.length} von ${answer.measures.totalCount} angezeigt`).count()).toBe(1);
  });

  it('peer finder by keyboard: choose a municipality, narrow by Land, switch tabs with the arrow keys', async () => {
    await open('/partner');
    await page.getByLabel('Kommune suchen').focus();
    await page.keyboard.type('Mayen');
    await page.keyboard.press('Enter');
    const pick = page.getByRole('button', { name: 'Mayen-Koblenz wählen' });
    await expect.poll(() => pick.count()).toBe(1);
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Mayen-Koblenz wählen'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByText('Gewählt: Mayen-Koblenz').count()).toBe(1);
    await page.getByLabel('Land', { exact: true }).selectOption('BAYERN');
    await expect.poll(() => new URL(page.url()).searchParams.get('land')).toBe('BAYERN');
    const bavaria = await h.ok<any>('{ peers(ags: "07137", filter: { state: BAYERN }, first: 20) { edges { node { name } } } }');
    await expect.poll(() => page.getByRole('tabpanel').locator('li.result h3 a').allInnerTexts()).toEqual(bavaria.peers.edges.map((e: any) => e.node.name));
    await page.getByRole('tab', { name: /Ähnliche Kommunen/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Lösungen zum Übernehmen/);
    await accessible();
  });

  it('signs a member in for this tab, shows who she is, and lets her declare and withdraw an interest; the graph is back as it was', async () => {
    const before = await h.fingerprint();
    await open('/anmelden');
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Nicht angemeldet');
    await page.getByText('Für Apps: mit Token oder API-Schlüssel').click();
    await page.getByLabel('Token oder Schlüssel').fill(await token({ role: 'member', ags: '07137' }));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Mitglied von Mayen-Koblenz');
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Angemeldet' }).count()).toBe(1);
    await accessible();

    await page.getByLabel('Thema').selectOption('energie');
    await page.getByRole('button', { name: 'Interesse erklären' }).click();
    const withdraw = page.getByRole('button', { name: 'Energie zurückziehen' });
    await expect.poll(() => withdraw.count()).toBe(1);
    // Said where a screen reader announces it.
    expect(await page.locator('[aria-live="polite"]', { hasText: 'Gespeichert.' }).count()).toBe(1);
    const declared = await h.ok<any>('{ municipality(ags: "07137") { interests { topic { slug } } } }');
    expect(declared.municipality.interests.map((i: any) => i.topic.slug)).toEqual(['energie']);
    await accessible();
    await withdraw.click();
    await expect.poll(() => page.getByText('Noch keine Interessen erklärt.').count()).toBe(1);
    expect(await h.fingerprint()).toBe(before);

    // Signed out, the page is anonymous again.
    await page.getByRole('button', { name: 'Abmelden' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Nicht angemeldet');
  });

  it('says in words why a peer without a shared topic is suggested', async () => {
    // Polch runs nothing itself: no topics of its own, so its peers share none.
    await open('/partner?ags=07137089');
    const items = page.locator('ol.results > li');
    await expect.poll(() => items.count()).toBe(20);
    const answer = await h.ok<any>(`{ peers(ags: "07137089", first: 20) { edges { node { ags } explanation { sharedTopics { weight }
      distanceKm structure { populationRatio sameSizeClass sameUrbanisation sameKind sameState } } } } }`);
    const texts = await items.allInnerTexts();
    answer.peers.edges.forEach((edge: any, i: number) => {
      expect(edge.explanation.sharedTopics).toEqual([]);
      const st = edge.explanation.structure;
      expect(texts[i]).toMatch(/Keine gemeinsamen Themen: vorgeschlagen/);
      // The words name what is alike, and only that.
      expect(texts[i]!.includes('Siedlungsstruktur'), edge.node.ags).toBe(st.sameUrbanisation);
      expect(/[(,] ?Land[),]/.test(texts[i]!), edge.node.ags).toBe(st.sameState);
    });
    await accessible();
  });

  it('with a sign-in that has run out, reads the public pages as anyone does, says so once, and offers to sign in again', async () => {
    await open('/anmelden');
    await page.getByText('Für Apps: mit Token oder API-Schlüssel').click();
    await page.getByLabel('Token oder Schlüssel').fill(await token({ role: 'member', ags: '07137' }, { expiresIn: new Date(Date.now() - 60_000) }));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    // The page asks who is signed in: the API answers as anonymous, with the notice; the app forgets the token.
    const notice = page.getByRole('status').filter({ hasText: 'Ihre Anmeldung ist abgelaufen' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await page.getByRole('navigation').getByRole('link', { name: 'Anmelden' }).count()).toBe(1);
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await accessible();
    // Public pages read as before, no error anywhere; the notice stays until dismissed, and is not repeated.
    await page.getByRole('navigation').getByRole('link').first().click();
    await page.getByLabel('Suchbegriff').fill('Mayen');
    await page.getByRole('button', { name: 'Suchen' }).click();
    await page.getByRole('region', { name: 'Gemeinden und Kreise' }).getByRole('link', { name: 'Mayen-Koblenz', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await notice.count()).toBe(1);
    await notice.getByRole('link', { name: 'Erneut anmelden' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anmelden');
    expect(await notice.count()).toBe(0);
    // A write with the run-out token is still refused, and changes nothing.
    const before = await h.fingerprint();
    const write = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await token({ role: 'member', ags: '07137' }, { expiresIn: new Date(Date.now() - 60_000) })}` },
      body: JSON.stringify({ query: 'mutation { addInterest(ags: "07137", topic: "energie") { ags } }' }),
    });
    expect(write.status).toBe(401);
    expect(await h.fingerprint()).toBe(before);
  });

  it('shows the transfer office the reach of the first Regionalkonferenz — shares by Land, white spots, the map, growth, the network with brokers and communities — and tells others how to get access', async () => {
    await open('/reichweite');
    expect(await page.getByRole('note').innerText()).toContain('Analyse-Token');
    await accessible();

    await open('/anmelden');
    await page.getByText('Für Apps: mit Token oder API-Schlüssel').click();
    await page.getByLabel('Token oder Schlüssel').fill(await token({ role: 'analyst' }));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Analyse');
    await page.getByRole('navigation').getByRole('link', { name: 'Reichweite' }).click();
    const analyst = { authorization: `Bearer ${await token({ role: 'analyst' })}` };
    const answer: any = await fetch(`${http.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...analyst },
      body: JSON.stringify({ query: '{ reach(from: { event: "rk-2022-03-22-mayen-koblenz" }, maxHops: 2) { municipalities { reached total } reached(first: 1) { totalCount } whiteSpots(first: 15) { kreis { name } } } }' }),
    }).then((r) => r.json());
    const { reached, total } = answer.data.reach.municipalities;
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain(`${reached.toLocaleString('de-DE')} von ${total.toLocaleString('de-DE')} Gemeinden erreicht`);
    const spots = await page.locator('table').first().locator('tbody tr td:first-child').allInnerTexts();
    expect(spots).toEqual(answer.data.reach.whiteSpots.map((w: any) => w.kreis.name));
    // The map, once every reached Gemeinde has been paged in.
    await expect.poll(() => page.locator('canvas[data-points]').count(), { timeout: 30_000 }).toBe(1);
    const marked = answer.data.reach.reached.totalCount as number;
    expect(await page.getByRole('img', { name: new RegExp(`${marked.toLocaleString('de-DE')} erreichte Kommunen markiert`) }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Wachstum je Veranstaltung (ganzes Programm)' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /Verlauf der erreichten Gemeinden über \d+ Veranstaltungen/ }).count()).toBe(1);
    await expect.poll(() => page.getByRole('heading', { name: 'Wer das Netzwerk zusammenhält' }).count()).toBe(1);
    // The network view: the analysis runs in the background, so the page may first say it is computing.
    const network = async (): Promise<any> =>
      (await fetch(`${http.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...analyst },
        body: JSON.stringify({ query: '{ reachNetwork { status graph(first: 2000) { ags linkSource } brokers(first: 1) { municipality { name } } } }' }),
      }).then((r) => r.json()));
    await expect.poll(async () => (await network()).data.reachNetwork.status, { timeout: 60_000 }).toBe('READY');
    if ((await page.getByRole('button', { name: 'Neu laden' }).count()) > 0) await page.getByRole('button', { name: 'Neu laden' }).click();
    const { graph, brokers } = (await network()).data.reachNetwork;
    expect(graph.ags.length).toBeGreaterThan(100);
    await expect.poll(() => page.locator('[data-nodes]').getAttribute('data-nodes')).toBe(String(graph.ags.length));
    expect(await page.locator('[data-nodes]').getAttribute('data-links')).toBe(String(graph.linkSource.length));
    expect(await page.getByRole('img', { name: new RegExp(`Netzwerkbild: ${graph.ags.length} verbundene Kommunen`) }).count()).toBe(1);
    expect(await page.getByRole('listitem').filter({ hasText: brokers[0].municipality.name }).count()).toBeGreaterThan(0);
    expect(await page.getByText(/Gemeinschaft 0 \(\d+ Kommunen\): \S/).count()).toBe(1);
    const draw = await page.evaluate(() => performance.getEntriesByName('network-draw').at(-1)?.duration);
    console.log(`[web] network view: ${graph.ags.length} municipalities, ${graph.linkSource.length} links laid out and drawn in ${draw?.toFixed(0)} ms`);
    await accessible();
    if (process.env.SCREENSHOTS) {
      await page.setViewportSize({ width: 1280, height: 1000 });
      await page.getByRole('heading', { level: 2 }).first().evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: fromProject('docs/screenshots/dashboard.png') });
      await page.getByRole('heading', { name: 'Wer das Netzwerk zusammenhält' }).evaluate((el) => el.scrollIntoView());
      await page.screenshot({ path: fromProject('docs/screenshots/network.png') });
    }
  });
});

describe('programmes, re-usable solutions, index ranks and contact points in the web app (issue 32)', () => {
  const programmeNames = async (ags: string) => (await h.ok<any>(`{ municipality(ags: "${ags}") { programmes { role programme { name } fellowMembers { ags name } } } }`)).municipality.programmes;

  it('shows a municipality’s programmes with role and fellow members, and its solutions with status, date at its precision and origin', async () => {
    await open('/gemeinde/12069020');
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Bad Belzig/);
    const solutions = page.getByRole('region', { name: 'Lösungen im Einsatz' });
    await expect.poll(() => solutions.count()).toBe(1);
    const svApp = solutions.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Smart Village App', exact: true }) });
    // Launched in August 2019 by Bad Belzig itself: a month stays a month.
    expect(await svApp.innerText()).toMatch(/Smart Village App — in Betrieb \(August 2019\), eigene Entwicklung/);
    expect(await svApp.getByRole('link', { name: 'Smart Village App' }).getAttribute('href')).toBe('/loesung/smart-village-app?ags=12069020');
    expect(await svApp.getByRole('link', { name: /Quelle/ }).count()).toBeGreaterThan(0);
    // Every programme the API names, with its role in German and the group's other members as links.
    const programmes = page.getByRole('region', { name: 'Förderprogramme' });
    const expected = await programmeNames('12069020');
    expect(expected.length).toBeGreaterThan(0);
    const roles: Record<string, string> = { LEAD: 'federführend', PARTNER: 'Partner', MEMBER: 'Mitglied', MODEL_REGION: 'Modellregion', FINALIST: 'Finalist', WINNER: 'Preisträger', PILOT: 'Pilot' };
    for (const x of expected) {
      const item = programmes.getByRole('listitem').filter({ has: page.getByRole('link', { name: x.programme.name, exact: true }) }).first();
      expect(await item.innerText()).toContain(`${x.programme.name} — ${roles[x.role]}`);
      for (const f of x.fellowMembers) await expect.poll(() => item.getByRole('link', { name: f.name, exact: true }).getAttribute('href')).toBe(`/gemeinde/${f.ags}`);
    }
    await accessible();

    // A Landkreis as a model region of Smarte.Land.Regionen: the topics are the programme's, and the page says so.
    await open('/gemeinde/07231');
    const slr = page.getByRole('region', { name: 'Förderprogramme' }).getByRole('listitem').filter({ hasText: 'Smarte.Land.Regionen' });
    await expect.poll(() => slr.count()).toBe(1);
    const text = await slr.innerText();
    expect(text).toContain('Modellvorhaben Smarte.Land.Regionen — Modellregion');
    expect(text).toContain('Themen laut Quelle: Arbeit & Bildung, Gemeinschaft & Ehrenamt, Gesundheit, Mobilität');
    expect(text).toContain('nur die Themenfelder des Programms');
    expect(await slr.getByRole('link', { name: /Quelle/ }).count()).toBeGreaterThan(0);
    expect(await page.getByRole('heading', { name: /Themen \(aus eigenen Projekten, erklärten Interessen, Förderprogrammen und eingesetzten Lösungen\)/ }).count()).toBe(1);
  });

  it('shows index ranks as cited facts and contact points with how certain their mailbox is, apart from the persons', async () => {
    await open('/gemeinde/12054000');
    await expect.poll(() => page.locator('h1').textContent()).toMatch(/^Potsdam/);
    const answer = await h.ok<any>('{ municipality(ags: "12054000") { smartCityIndex { year rank } contactPoints { unit email emailBasis } } }');
    const index = page.getByRole('region', { name: 'Bitkom Smart City Index' });
    await expect.poll(() => index.count()).toBe(1);
    expect(answer.municipality.smartCityIndex.length).toBeGreaterThan(0);
    const ranks = await index.innerText();
    expect(ranks).toContain('die Rechte an den Tabellen liegen beim Bitkom');
    for (const r of answer.municipality.smartCityIndex) expect(ranks).toContain(`Rang ${r.rank} (${r.year})`);
    expect(await index.getByRole('link', { name: /Quelle/ }).count()).toBeGreaterThanOrEqual(answer.municipality.smartCityIndex.length);
    expect(await index.locator('table').count()).toBe(0);
    // Potsdam's mailbox was printed altered and completed by the editors: said next to it.
    const reconstructed = answer.municipality.contactPoints.find((c: any) => c.emailBasis === 'RECONSTRUCTED');
    expect(reconstructed).toBeDefined();
    const points = page.getByRole('region', { name: 'Ansprechstellen' });
    const item = points.getByRole('listitem').filter({ has: page.getByRole('link', { name: reconstructed.email }) });
    expect(await item.getByRole('link', { name: reconstructed.email }).getAttribute('href')).toBe(`mailto:${reconstructed.email}`);
    expect(await item.innerText()).toContain('aus einer verfremdeten Angabe ergänzt – bitte vor Gebrauch prüfen');
    expect(await page.getByRole('region', { name: 'Ansprechpersonen' }).count()).toBe(1);
    await accessible();

    // A general mailbox is marked as such; Zwönitz's team publishes no mailbox, its unit and web are shown.
    await open('/gemeinde/03241001');
    const general = page.getByRole('region', { name: 'Ansprechstellen' });
    await expect.poll(() => general.count()).toBe(1);
    expect(await general.innerText()).toContain('digitalisierung@hannover-stadt.de (allgemeines Postfach, nicht das Projektteam)');
    await open('/gemeinde/14521710');
    const zwoenitz = page.getByRole('region', { name: 'Ansprechstellen' });
    await expect.poll(() => zwoenitz.count()).toBe(1);
    expect(await zwoenitz.innerText()).toContain('Smart City-Team (Digitalisierungsteam) der Stadtverwaltung Zwönitz');
    expect(await zwoenitz.getByRole('link', { name: 'Website' }).getAttribute('href')).toMatch(/^https:\/\/smartcity-zwoenitz\.de/);
  });

  it('opens a programme from search and from a municipality page, lists its participants as the API does, filters them by role, pages, and fits a phone', async () => {
    await open('/');
    // As people type the dotted brand: word by word.
    await page.getByLabel('Suchbegriff').fill('Smarte Land Regionen');
    await page.getByRole('button', { name: 'Suchen' }).click();
    const group = page.getByRole('region', { name: 'Förderprogramme' });
    await expect.poll(() => group.getByRole('link', { name: 'Modellvorhaben Smarte.Land.Regionen' }).count()).toBe(1);
    await accessible();
    await group.getByRole('link', { name: 'Modellvorhaben Smarte.Land.Regionen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Modellvorhaben Smarte.Land.Regionen');
    expect(new URL(page.url()).pathname).toBe('/programm/smarte-land-regionen');
    expect(await page.locator('dl.facts').innerText()).toMatch(/Förderer\s+Bund: Bundesministerium für Ernährung und Landwirtschaft/);
    expect(await page.getByRole('region', { name: 'Teilnehmende Kommunen' }).innerText()).toContain('Aufgeführt sind nur Kommunen, die eine öffentliche Quelle nennt');

    const all = await h.ok<any>('{ programme(slug: "smarte-land-regionen") { participants(first: 100) { totalCount edges { node { role municipality { ags name } } } } } }');
    const total = all.programme.participants.totalCount as number;
    expect(total).toBeGreaterThan(20);
    const items = page.locator('ol.participants > li');
    await expect.poll(() => items.count()).toBe(20);
    const names = async () => (await page.locator('ol.participants > li > a:first-child').allInnerTexts());
    expect(await names()).toEqual(all.programme.participants.edges.slice(0, 20).map((e: any) => e.node.municipality.name));
    await expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1);
    expect(await page.getByRole('img', { name: /20 Teilnehmende markiert/ }).count()).toBe(1);
    await accessible();
    await page.getByRole('button', { name: 'Weitere laden' }).click();
    await expect.poll(() => items.count()).toBe(Math.min(40, total));
    expect(await names()).toEqual(all.programme.participants.edges.slice(0, Math.min(40, total)).map((e: any) => e.node.municipality.name));

    // Filtered by role (the rarest of its roles): the API's list for that role, each shown with it, and the address says so.
    const count = (role: string) => all.programme.participants.edges.filter((e: any) => e.node.role === role).length;
    const roles = ([...new Set(all.programme.participants.edges.map((e: any) => e.node.role))] as string[]).sort((a, b) => count(a) - count(b));
    expect(roles.length).toBeGreaterThan(1);
    const role = roles[0]!;
    const byRole = await h.ok<any>(`{ programme(slug: "smarte-land-regionen") { participants(role: ${role}, first: 100) { totalCount edges { node { municipality { name } } } } } }`);
    expect(byRole.programme.participants.totalCount).toBe(count(role));
    expect(byRole.programme.participants.totalCount).toBeLessThan(total);
    await page.getByLabel('Rolle').selectOption(role);
    await expect.poll(() => new URL(page.url()).searchParams.get('rolle')).toBe(role);
    await expect.poll(() => names()).toEqual(byRole.programme.participants.edges.slice(0, 20).map((e: any) => e.node.municipality.name));
    const german: Record<string, string> = { LEAD: 'federführend', PARTNER: 'Partner', MEMBER: 'Mitglied', MODEL_REGION: 'Modellregion', FINALIST: 'Finalist', WINNER: 'Preisträger', PILOT: 'Pilot' };
    for (const text of await items.allInnerTexts()) expect(text).toContain(` — ${german[role]}`);

    // On a phone (390 px wide): nothing wider than the screen, and still accessible.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${http.url}/programm/smarte-land-regionen`);
    await expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await accessible();
    if (process.env.SCREENSHOTS) await page.screenshot({ path: join(tmpdir(), 'scg-programme-390.png'), fullPage: true });

    // From a municipality's page, and an unknown programme in plain German.
    await open('/gemeinde/07231');
    await page.getByRole('region', { name: 'Förderprogramme' }).getByRole('link', { name: 'Modellvorhaben Smarte.Land.Regionen' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Modellvorhaben Smarte.Land.Regionen');
    await open('/programm/gibt-es-nicht');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Kein Förderprogramm mit der Kennung „gibt-es-nicht“.');
    await accessible();
  });

  it('opens a solution from search (users by name) and from a municipality page (nearest first, with distances)', async () => {
    await open('/');
    await page.getByLabel('Suchbegriff').fill('Smart Village App');
    await page.getByRole('button', { name: 'Suchen' }).click();
    const group = page.getByRole('region', { name: 'Lösungen' });
    await expect.poll(() => group.getByRole('link', { name: 'Smart Village App', exact: true }).count()).toBe(1);
    await group.getByRole('link', { name: 'Smart Village App', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Smart Village App');
    expect(new URL(page.url()).pathname).toBe('/loesung/smart-village-app');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Ursprung\s+Bad Belzig/);
    expect(facts).toMatch(/Open Source\s+ja, laut Quelle/);
    expect(await page.locator('dl.facts').getByRole('link', { name: /^Bad Belzig/ }).getAttribute('href')).toBe('/gemeinde/12069020');
    const byName = await h.ok<any>('{ solution(slug: "smart-village-app") { users(first: 20) { totalCount edges { node { municipality { name } } } } } }');
    const names = () => page.locator('ol.participants > li > a:first-child').allInnerTexts();
    await expect.poll(names).toEqual(byName.solution.users.edges.map((e: any) => e.node.municipality.name));
    expect(await page.getByText('Nach Namen geordnet.').count()).toBe(1);
    await expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1);
    await accessible();

    // From Bad Belzig's page: the link carries its AGS, the users come nearest first with their distance.
    await open('/gemeinde/12069020');
    await page.getByRole('region', { name: 'Lösungen im Einsatz' }).getByRole('link', { name: 'Smart Village App', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Smart Village App');
    expect(new URL(page.url()).search).toBe('?ags=12069020');
    const nearest = await h.ok<any>('{ solution(slug: "smart-village-app") { users(nearestTo: "12069020", first: 20) { edges { distanceKm node { municipality { name } } } } } }');
    const edges = nearest.solution.users.edges;
    expect(edges.map((e: any) => e.node.municipality.name)).not.toEqual(byName.solution.users.edges.map((e: any) => e.node.municipality.name));
    await expect.poll(names).toEqual(edges.map((e: any) => e.node.municipality.name));
    expect(await page.getByText(/^\d+ Kommunen\. Nächstgelegene zuerst, von Bad Belzig.* aus\.$/).count()).toBe(1);
    const second = page.locator('ol.participants > li').nth(1);
    expect(await second.innerText()).toContain(`${Math.round(edges[1].distanceKm).toLocaleString('de-DE')} km entfernt`);

    await open('/loesung/gibt-es-nicht');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Keine Lösung mit der Kennung „gibt-es-nicht“.');
  });

  it('shows the contact point beside a recommended solution in the peer finder (Kyritz, on-demand mobility: ERZmobil in Zwönitz)', async () => {
    const answer = await h.ok<any>(
      '{ learningPartners(ags: "12068264", interests: ["on-demand-mobilitaet"], first: 20) { edges { node { ... on Measure { name } ... on Project { name } } runner { name } contacts { name } contactPoints { unit } } } }',
    );
    const erz = answer.learningPartners.edges.findIndex((e: any) => e.node.name.includes('ERZmobil') && e.runner.name.startsWith('Zwönitz'));
    expect(erz).toBeGreaterThanOrEqual(0);
    expect(answer.learningPartners.edges[erz].contactPoints.map((c: any) => c.unit)).toContain('Smart City-Team (Digitalisierungsteam) der Stadtverwaltung Zwönitz');
    await open('/partner?ags=12068264&themen=on-demand-mobilitaet&tab=loesungen');
    const results = page.getByRole('tabpanel').locator('li.result');
    await expect.poll(() => results.count()).toBe(answer.learningPartners.edges.length);
    const text = await results.nth(erz).innerText();
    expect(text).toContain('ERZmobil');
    expect(text).toContain('Ansprechstelle');
    expect(text).toContain('Smart City-Team (Digitalisierungsteam) der Stadtverwaltung Zwönitz');
    if (answer.learningPartners.edges[erz].contacts.length === 0) expect(text).not.toContain('Keine Ansprechperson eingetragen');
    await accessible();
  });
});
