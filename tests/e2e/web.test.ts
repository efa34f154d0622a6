/// <reference lib="dom" />
// The web app in a real browser (Chromium through playwright-core), served by the API at `/` over the
// fixture graph: the clerk's first path (search, a municipality's page), errors in plain German, the
// keyboard, and axe-core's WCAG 2.1 A/AA check on every page shown. The app is built from web/ first,
// so the test runs the current source.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromProject } from '../../src/paths.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { startHttp } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();
const out = mkdtempSync(join(tmpdir(), 'scg-web-'));
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
    // The start page's JavaScript, gzipped (reported, not a timing): the target is under 250 kB.
    const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    const gzipped = js.reduce((n, f) => n + gzipSync(readFileSync(join(out, 'assets', f))).length, 0);
    console.log(`[web] start page JavaScript: ${(gzipped / 1024).toFixed(1)} kB gzipped in ${js.length} file(s)`);
    expect(gzipped).toBeLessThan(250 * 1024);
  });

  it('finds Mayen-Koblenz, grouped by kind, and opens its page with facts, projects, events and contacts', async () => {
    await open('/');
    await page.getByLabel('Suchbegriff').fill('Mayen');
    await page.getByRole('button', { name: 'Suchen' }).click();
    const group = page.getByRole('region', { name: 'Gemeinden und Kreise' });
    await expect.poll(() => group.getByRole('link', { name: 'Mayen-Koblenz' }).count()).toBe(1);
    expect(new URL(page.url()).search).toBe('?q=Mayen');
    await accessible();

    await group.getByRole('link', { name: 'Mayen-Koblenz' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
    expect(new URL(page.url()).pathname).toBe('/gemeinde/07137');
    const facts = await page.locator('dl.facts').innerText();
    expect(facts).toMatch(/Art\s+Landkreis/);
    expect(facts).toMatch(/Land\s+Rheinland-Pfalz/);
    const projects = page.getByRole('region', { name: 'Projekte und Maßnahmen' });
    expect(await projects.innerText()).toContain('Smarte Region MYK10');
    expect(await page.getByRole('region', { name: 'Veranstaltungen' }).innerText()).toContain('1. Regionalkonferenz Mayen-Koblenz');
    // Contacts as the privacy rule shows them to an anonymous viewer: Anna (public, consented) with her e-mail.
    const contacts = await page.getByRole('region', { name: 'Ansprechpersonen' }).innerText();
    expect(contacts).toContain('Anna Beispiel');
    expect(contacts).toContain('anna@myk.example');
    await accessible();
  });

  it('opens a page by its address, and says so plainly for an unknown AGS', async () => {
    await open('/gemeinde/07137068');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen, Stadt');
    expect(await page.locator('dl.facts').innerText()).toMatch(/Einwohner\s+19\.162/);
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
    await expect.poll(() => page.getByRole('link', { name: 'Mayen-Koblenz' }).count()).toBe(1);
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent)) !== 'Mayen-Koblenz'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
  });

  it('finds peers of Mayen-Koblenz for two interests, explained, and solutions to adopt with whom to contact', async () => {
    await open('/gemeinde/07137');
    await page.getByRole('link', { name: 'Partner und Lösungen für diese Kommune finden' }).click();
    await expect.poll(() => page.getByText('Gewählt: Mayen-Koblenz').count()).toBe(1);
    await page.getByText('Woran Sie gerade arbeiten').click();
    await page.getByRole('checkbox', { name: 'Sharing-Angebote' }).check();
    await page.getByRole('checkbox', { name: 'Energie (alle)' }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get('themen')).toBe('sharing,energie');
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.locator('li.result').count()).toBeGreaterThan(0);
    // The API's own ranking for the same question, shown in the same order with the same scores.
    const answer = await h.ok<any>('{ peers(ags: "07137", interests: ["sharing", "energie"], first: 20) { edges { score node { name } explanation { sharedTopics { topic { name } } } } } }');
    const shown = await panel.locator('li.result h3 a').allInnerTexts();
    expect(shown).toEqual(answer.peers.edges.map((e: any) => e.node.name));
    const first = panel.locator('li.result').first();
    expect(await first.innerText()).toContain(`Passung ${Math.round(answer.peers.edges[0].score * 100)} %`);
    for (const topic of answer.peers.edges[0].explanation.sharedTopics) expect(await first.innerText()).toContain(topic.topic.name);
    await accessible();

    // Solutions to adopt: Ulm's sharing project, with its lead runner; contacts as an anonymous viewer sees them.
    await page.getByRole('tab', { name: /Lösungen zum Übernehmen/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('tab')).toBe('loesungen');
    const solutions = page.getByRole('tabpanel');
    await expect.poll(() => solutions.getByText('Zukunftsstadt Ulm').count()).toBeGreaterThan(0);
    expect(await solutions.innerText()).not.toContain('bernd@ulm.example');
    await accessible();

    // A peer's page, as an anonymous viewer sees its contacts.
    await page.getByRole('tab', { name: /Ähnliche Kommunen/ }).click();
    await page.getByRole('tabpanel').getByRole('link', { name: 'Ulm, Universitätsstadt' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Ulm, Universitätsstadt');
    expect(await page.getByRole('region', { name: 'Ansprechpersonen' }).innerText()).not.toContain('bernd@ulm.example');
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
    await expect.poll(() => page.getByRole('tabpanel').locator('li.result h3 a').allInnerTexts()).toEqual(['München, Landeshauptstadt']);
    await page.getByRole('tab', { name: /Ähnliche Kommunen/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-selected'))).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toMatch(/Lösungen zum Übernehmen/);
    await accessible();
  });
});
