/// <reference lib="dom" />
// The app on a phone and on paper (issue 33, point 6), in a real browser over the bundled real data: every page,
// its content loaded, no wider than a 390 px (and a 360 px) screen and accessible at that size; the navigation
// behind a menu button there; the first peer within two screens; and in print no form controls, no navigation,
// the sources' addresses written out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/import.js';
import { fromProject } from '../../src/paths.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { startHttp, token, viewers } from '../support/harness.js';
import { registerRead } from '../support/register.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness({
  graph: 'empty',
  then: async (h) => {
    expect((await runImport(h.db, { dataDir: fromProject('data'), register: await registerRead() })).ok).toBe(true);
  },
});
const out = mkdtempSync(join(tmpdir(), 'scg-web-phone-'));
const shots = mkdtempSync(join(tmpdir(), 'scg-web-print-'));
let http: Awaited<ReturnType<typeof startHttp>>;
let browser: Browser;
let page: Page;
let analystToken: string;

beforeAll(async () => {
  await build({ configFile: fromProject('web/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  http = await startHttp(h.db, { webDir: out });
  browser = await launchBrowser();
  analystToken = await token({ role: 'analyst' });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  rmSync(out, { recursive: true, force: true });
});

const PHONE = { width: 390, height: 844 };
const SMALL_PHONE = { width: 360, height: 740 };
const PEERS = '/partner?ags=07137&themen=on-demand-mobilitaet,energie';
const SOLUTIONS = '/partner?ags=07137&tab=loesungen';

const open = async (path: string, viewport = PHONE, analyst = false) => {
  await page?.close();
  page = await browser.newPage({ locale: 'de-DE', viewport });
  if (analyst) {
    // The dashboard answers analysts only: signed in as a person would, then the page by its address.
    await page.goto(`${http.url}/anmelden`);
    await page.getByText('Für Apps: mit Token oder API-Schlüssel').click();
    await page.getByLabel('Token oder Schlüssel').fill(analystToken);
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Analyse');
  }
  await page.goto(`${http.url}${path}`);
  return page;
};
const accessible = async () => expect(await accessibilityViolations(page)).toEqual([]);
const atLeastOne = (selector: string) => expect.poll(() => page.locator(selector).count()).toBeGreaterThan(0);

/** Every page of the app, and what shows that its data is there (not just the frame). */
const PAGES: { path: string; analyst?: boolean; loaded: () => Promise<unknown> }[] = [
  { path: '/?q=Mayen', loaded: () => expect.poll(() => page.getByRole('region', { name: 'Gemeinden und Kreise' }).getByRole('link').count()).toBeGreaterThan(0) },
  { path: '/gemeinde/07137', loaded: () => expect.poll(() => page.getByRole('region', { name: 'Projekte und Maßnahmen' }).getByRole('link').count()).toBeGreaterThan(0) },
  { path: PEERS, loaded: () => expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1).then(() => atLeastOne('li.result')) },
  { path: SOLUTIONS, loaded: () => atLeastOne('li.result') },
  { path: '/massnahmen?thema=mobilitaet', loaded: () => atLeastOne('tbody tr') },
  {
    path: '/reichweite',
    analyst: true,
    loaded: async () => {
      await atLeastOne('table.white-spots tbody tr');
      await atLeastOne('table.growth tbody tr');
      await expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1);
      // The network analysis runs in the background: the page may first say it is computing, and offer to reload.
      await expect.poll(async () => (await h.ok<any>('{ reachNetwork { status } }', {}, viewers.analyst)).reachNetwork.status, { timeout: 60_000 }).toBe('READY');
      // Then either the network is drawn, or the page still says it is computing and offers to reload: both
      // are waited for (checking the button once raced the page's own answer on a busy machine).
      const reload = page.getByRole('button', { name: 'Neu laden' });
      const drawn = page.locator('.network-canvas[data-nodes]');
      await expect.poll(async () => (await drawn.count()) + (await reload.count()), { timeout: 20_000 }).toBeGreaterThan(0);
      if ((await drawn.count()) === 0) await reload.click();
      await atLeastOne('.network-canvas[data-nodes]');
    },
  },
  { path: '/programm/smarte-land-regionen', loaded: () => expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1) },
  { path: '/loesung/smart-village-app', loaded: () => expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1) },
  { path: '/projekt/PROJECT', loaded: () => expect.poll(() => page.getByRole('region', { name: 'Quellen' }).getByRole('link').count()).toBeGreaterThan(0) },
  { path: '/massnahme/m-001', loaded: () => expect.poll(() => page.getByRole('region', { name: /^Ähnliche Maßnahmen anderswo/ }).locator('li').count()).toBeGreaterThan(0) },
  { path: '/thema/mobilitaet', loaded: () => expect.poll(() => page.locator('canvas[data-points]').count()).toBe(1) },
  { path: '/veranstaltung/rk-2023-09-06-iserlohn', loaded: () => expect.poll(() => page.getByRole('region', { name: 'Namentlich genannte Teilnehmende' }).locator('li').count()).toBeGreaterThan(0) },
  { path: '/anmelden', loaded: () => expect.poll(() => page.getByRole('status').innerText()).toContain('Nicht angemeldet') },
];

/**
 * How wide the page is, and — to say why when it is too wide — the elements reaching past the screen's right
 * edge that are not inside a box scrolling on its own.
 */
const width = () =>
  page.evaluate(() => {
    const scrolled = (el: Element) => {
      for (let p = el.parentElement; p; p = p.parentElement) if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(p).overflowX)) return true;
      return false;
    };
    const wider = Array.from(document.body.querySelectorAll('*'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5 && !scrolled(el))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.replace(/ /g, '.')}` : ''}`);
    return { scrollWidth: document.documentElement.scrollWidth, wider };
  });
const fits = async (path: string, viewport: { width: number }) => {
  const { scrollWidth, wider } = await width();
  expect.soft(scrollWidth, `${path} at ${viewport.width} px is ${scrollWidth} px wide: ${wider.join(', ')}`).toBeLessThanOrEqual(viewport.width);
};
/** The first project Mayen-Koblenz runs stands for every project page. */
const withProject = async (path: string) => {
  if (!path.includes('PROJECT')) return path;
  const mine = await h.ok<any>('{ municipality(ags: "07137") { projects(first: 1) { edges { node { slug } } } } }');
  return path.replace('PROJECT', mine.municipality.projects.edges[0].node.slug);
};

describe('the app on a phone', () => {
  it('shows every page, its data loaded, no wider than a 390 px screen, and accessible at that size', { timeout: 240_000 }, async () => {
    for (const { path: template, analyst, loaded } of PAGES) {
      const path = await withProject(template);
      await open(path, PHONE, analyst);
      // Which page did not load, said in the failure.
      await loaded().catch((error: Error) => {
        throw new Error(`${path}: ${error.message}`);
      });
      await fits(path, PHONE);
      expect.soft(await accessibilityViolations(page), path).toEqual([]);
    }
  });

  it('fits a 360 px screen too', { timeout: 120_000 }, async () => {
    for (const { path, analyst, loaded } of PAGES.filter((p) => ['/gemeinde/07137', PEERS, '/massnahmen?thema=mobilitaet', '/reichweite', '/thema/mobilitaet'].includes(p.path))) {
      await open(path, SMALL_PHONE, analyst);
      await loaded();
      await fits(path, SMALL_PHONE);
    }
    // The check measures: something wider than the screen inside the page makes it fail.
    await page.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<div style="width: 600px">breit</div>'));
    expect((await width()).scrollWidth).toBeGreaterThan(SMALL_PHONE.width);
  });

  it('lets wide tables scroll in a region of their own that the keyboard can reach', async () => {
    await open('/reichweite', SMALL_PHONE, true);
    await atLeastOne('table.growth tbody tr');
    const box = page.getByRole('region', { name: /^Tabelle: Wachstum je Veranstaltung/ });
    expect(await box.getAttribute('tabindex')).toBe('0');
    expect(await box.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await box.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  });

  it('hides the navigation behind a menu button that opens it, by mouse and keyboard, and closes after a link is chosen', async () => {
    await open('/gemeinde/07137');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
    const nav = page.getByRole('navigation', { name: 'Hauptnavigation' });
    const menu = nav.getByRole('button', { name: 'Menü' });
    const peers = nav.getByRole('link', { name: 'Partner finden' });
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await peers.isVisible()).toBe(false);
    const list = await menu.getAttribute('aria-controls');
    expect(await page.locator(`#${list}`).evaluate((el) => el.tagName)).toBe('UL');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await peers.isVisible()).toBe(true);
    await accessible();
    await peers.click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Partner finden');
    expect(new URL(page.url()).pathname).toBe('/partner');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await peers.isVisible()).toBe(false);

    // By keyboard: Enter opens, Tab reaches the links, Escape closes and leaves the focus on the button.
    await menu.focus();
    await page.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Suche');
    await page.keyboard.press('Escape');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Menü');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Reichweite');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('h1').textContent()).toBe('Reichweite des Netzwerks');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    // On a wide screen the navigation is shown as it always was, without the button.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await menu.isVisible()).toBe(false);
    expect(await peers.isVisible()).toBe(true);
  });

  it('shows the first peer within two screens, the filters folded away under a summary that opens them', async () => {
    await open(PEERS);
    const first = page.locator('li.result').first();
    await expect.poll(() => first.count()).toBe(1);
    const top = await first.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    console.log(`[web-phone] first peer at ${Math.round(top)} px from the top of the page (screen ${PHONE.height} px)`);
    expect(top).toBeLessThan(2 * PHONE.height);
    const land = page.getByLabel('Land', { exact: true });
    expect(await land.isVisible()).toBe(false);
    await page.getByText('Themen und Filter').click();
    expect(await land.isVisible()).toBe(true);
    await land.selectOption('BAYERN');
    await expect.poll(() => new URL(page.url()).searchParams.get('land')).toBe('BAYERN');
  });
});

describe('the app in print', () => {
  /** What a printout must not show: form controls, buttons, the navigation and the menu. */
  const controlsShown = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('input, select, button, textarea, nav, .skip'))
        .filter((el) => {
          const box = el.getBoundingClientRect();
          return getComputedStyle(el).visibility !== 'hidden' && box.width > 0 && box.height > 0 && box.right > 0;
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    );
  /** Each external link in the main part with what it prints: its text and after it (::after). */
  const printedAddresses = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLAnchorElement>('main a[href^="http"]')).map((a) => ({ href: a.getAttribute('href')!, text: a.innerText, after: getComputedStyle(a, '::after').content })),
    );

  it('prints the municipality page, the peer list and the dashboard without controls, with the sources’ addresses', { timeout: 120_000 }, async () => {
    for (const path of ['/gemeinde/07137', PEERS, SOLUTIONS, '/reichweite']) {
      const { loaded, analyst } = PAGES.find((p) => p.path === path)!;
      await open(path, { width: 1280, height: 1000 }, analyst);
      await loaded();
      // The check can fail: on screen there are controls and no addresses after the links.
      expect((await controlsShown()).length).toBeGreaterThan(0);
      await page.emulateMedia({ media: 'print' });
      expect(await controlsShown(), path).toEqual([]);
      const links = await printedAddresses();
      // The municipality's facts and the solutions cite their sources; peers and the dashboard may not.
      if (path === '/gemeinde/07137' || path === SOLUTIONS) expect(links.length, path).toBeGreaterThan(0);
      // The address after the link, unless the link's text is the address.
      for (const { href, text, after } of links) expect(text === href ? href : after, href).toContain(href);
      // Internal links print no address.
      expect(await page.locator('main a[href^="/"]').first().evaluate((a) => getComputedStyle(a, '::after').content)).toBe('none');
      // How many A4 pages it takes (reported: the issue found the peer list at eight, starting with checkboxes).
      const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
      console.log(`[web-phone] ${path} prints on ${pdf.match(/\/Type\s*\/Page\b/g)?.length} A4 pages`);
      // The content uses the paper's whole width.
      expect(await page.locator('main').evaluate((m) => m.getBoundingClientRect().width)).toBeGreaterThan(1200);
      if (path === '/gemeinde/07137') {
        const file = join(shots, 'gemeinde-07137-print.png');
        await page.screenshot({ path: file, fullPage: true });
        console.log(`[web-phone] the municipality page in print media: ${file}`);
      }
    }
  });
});
