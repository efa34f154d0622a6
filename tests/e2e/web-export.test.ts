/// <reference lib="dom" />
// The analyst takes tables away (issue 33, point 5): in a real browser over the bundled real data, the peers,
// the measures, the reach by Land and the white spots download as CSV and as XLSX; each file is opened here
// (the CSV parsed as Excel in Germany reads it, the XLSX read back with exceljs) and its rows compared with what
// the API answers for the same list — the whole list, not the page on screen. The dashboard shows every white
// spot (paged) and draws them on the map, explains its growth table, and takes an event by its title and day.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
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
const out = mkdtempSync(join(tmpdir(), 'scg-web-export-'));
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

/** A CSV as Excel in Germany reads it: BOM, `;`, CRLF, quoted cells with doubled quotes. */
function parseCsv(text: string): string[][] {
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 1; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted || (ch !== '"' && ch !== ';' && !(ch === '\r' && text[i + 1] === '\n'))) {
      cell += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ';') {
      row.push(cell);
      cell = '';
    } else {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    }
  }
  return rows;
}
/** A German number cell: `1234,5` → 1234.5. */
const num = (cell: string | undefined) => Number(cell!.replace(',', '.'));

/** Clicks the button and returns the file the browser downloads, with its suggested name. */
async function download(name: string): Promise<{ file: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return { file: file.suggestedFilename(), body: readFileSync(await file.path()) };
}

/** Both files of a table, as rows of cells below the source line and the headers (the XLSX's as the CSV's, as text). */
async function bothFiles(table: string): Promise<{ csv: string[][]; xlsx: unknown[][]; headers: string[] }> {
  const csv = await download(`CSV: ${table}`);
  expect(csv.file).toMatch(/^[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv$/);
  const rows = parseCsv(csv.body.toString('utf8'));
  expect(rows[0]![0]).toMatch(/^Quelle: smart-city-graph, .*Destatis.*Stand \d{2}\.\d{2}\.\d{4}$/);
  const xlsx = await download(`Excel (XLSX): ${table}`);
  expect(xlsx.file).toMatch(/\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(xlsx.body).buffer);
  const values = workbook.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  expect(values[0]![0]).toBe(rows[0]![0]);
  expect(values[1]).toEqual(rows[1]);
  return { csv: rows.slice(2), xlsx: values.slice(2), headers: rows[1]! };
}

const open = async (path: string) => {
  page = await browser.newPage({ locale: 'de-DE' });
  await page.goto(`${http.url}${path}`);
};

describe('downloads in the web app', () => {
  it('gives the peers of Mayen-Koblenz as CSV and XLSX, the ranking up to its best 1,000 as the API ranks them', async () => {
    await open('/partner?ags=07137');
    await expect.poll(() => page.getByRole('tab', { name: /Kommunen/ }).count()).toBe(1);
    const answer = await h.ok<any>('{ peers(ags: "07137", first: 1000) { totalCount edges { score node { ags name population } } } }');
    expect(answer.peers.totalCount).toBeGreaterThan(1000);
    const { csv, xlsx, headers } = await bothFiles('Partnerkommunen für Mayen-Koblenz');
    expect(headers.slice(0, 3)).toEqual(['Rang', 'AGS', 'Name']);
    expect(csv).toHaveLength(1000);
    expect(csv.map((r) => r[1])).toEqual(answer.peers.edges.map((e: any) => e.node.ags));
    expect(csv.map((r) => r[2])).toEqual(answer.peers.edges.map((e: any) => e.node.name));
    csv.forEach((r, i) => expect(num(r[6])).toBeCloseTo(answer.peers.edges[i].score, 5));
    expect(xlsx.map((r) => r[1])).toEqual(answer.peers.edges.map((e: any) => e.node.ags));
    expect(xlsx.map((r) => r[5] ?? null)).toEqual(answer.peers.edges.map((e: any) => e.node.population));
  });

  it('gives every measure, not only the 20 shown, as CSV and XLSX, as the API lists them', async () => {
    await open('/massnahmen');
    await expect.poll(() => page.getByRole('heading', { name: /Maßnahmen$/, level: 2 }).count()).toBe(1);
    // The whole list in one request, as an app may ask for it.
    const answer = await h.ok<any>('{ measures(first: 1000) { totalCount edges { node { name status project { name } } } } }');
    expect(answer.measures.edges.length).toBe(answer.measures.totalCount);
    expect(answer.measures.totalCount).toBeGreaterThan(100);
    const { csv, xlsx, headers } = await bothFiles('Maßnahmen');
    expect(headers.slice(0, 4)).toEqual(['Name', 'Stand', 'Stand vom', 'Projekt']);
    const expected = answer.measures.edges.map((e: any) => [e.node.name, { IMPLEMENTED: 'umgesetzt', IN_PROGRESS: 'in Umsetzung', PLANNED: 'geplant', UNKNOWN: 'Stand unbekannt' }[e.node.status as string], e.node.project?.name ?? '']);
    expect(csv.map((r) => [r[0], r[1], r[3]])).toEqual(expected);
    expect(xlsx.map((r) => [r[0], r[1], r[3] ?? ''])).toEqual(expected);
  });

  it('gives the transfer office reach by Land and every white spot as CSV and XLSX, shows the white spots in full and on the map, explains growth, and takes an event by name', async () => {
    await open('/anmelden');
    await page.getByText('Für Apps: mit Token oder API-Schlüssel').click();
    await page.getByLabel('Token oder Schlüssel').fill(await token({ role: 'analyst' }));
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Analyse');
    await page.getByRole('navigation').getByRole('link', { name: 'Reichweite' }).click();
    const REACH = `query ($from: ReachSource!) { reach(from: $from, maxHops: 2) { municipalities { reached total }
      byState { key share { reached total share populationReached } } whiteSpots(first: 500) { kreis { ags name } population gemeinden } }
      reachGrowth(maxHops: 2) { event { title } before after added } }`;
    const answer = await h.ok<any>(REACH, { from: { event: 'rk-2022-03-22-mayen-koblenz' } }, viewers.analyst);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain(`${answer.reach.municipalities.reached.toLocaleString('de-DE')} von`);

    const byState = await bothFiles('Reichweite je Land');
    expect(byState.headers.slice(0, 3)).toEqual(['Land', 'erreichte Gemeinden', 'Gemeinden']);
    expect(byState.csv).toHaveLength(16);
    expect(byState.csv.map((r) => [num(r[1]), num(r[2])])).toEqual(answer.reach.byState.map((b: any) => [b.share.reached, b.share.total]));
    byState.csv.forEach((r, i) => expect(num(r[3])).toBeCloseTo(answer.reach.byState[i].share.share, 5));
    expect(byState.xlsx.map((r) => [r[1], r[2], r[4]])).toEqual(answer.reach.byState.map((b: any) => [b.share.reached, b.share.total, b.share.populationReached]));
    expect(byState.csv.find((r) => r[0] === 'Rheinland-Pfalz')).toBeDefined();

    const spots = answer.reach.whiteSpots;
    expect(spots.length).toBeGreaterThan(15);
    const white = await bothFiles('Weiße Flecken');
    expect(white.headers).toEqual(['AGS', 'Kreis', 'Einwohner', 'Gemeinden']);
    expect(white.csv.map((r) => [r[0], r[1], num(r[2]), num(r[3])])).toEqual(spots.map((w: any) => [w.kreis.ags, w.kreis.name, w.population, w.gemeinden]));
    expect(white.xlsx).toEqual(spots.map((w: any) => [w.kreis.ags, w.kreis.name, w.population, w.gemeinden]));

    // On screen a page of 15 first, then every one of them.
    const table = page.locator('table.white-spots tbody tr td:first-child');
    expect(await table.allInnerTexts()).toEqual(spots.slice(0, 15).map((w: any) => w.kreis.name));
    await page.getByRole('button', { name: '15 weitere zeigen' }).click();
    expect(await table.count()).toBe(30);
    await page.getByRole('button', { name: 'Alle zeigen' }).click();
    expect(await table.allInnerTexts()).toEqual(spots.map((w: any) => w.kreis.name));
    // On the map: the Gemeinden of every white-spot Kreis drawn, and the map says how many Kreise.
    await expect.poll(() => page.locator('canvas[data-areas]').getAttribute('data-areas'), { timeout: 30_000 }).toBe(String(spots.length));
    expect(await page.getByRole('img', { name: new RegExp(`Gemeinden von ${spots.length.toLocaleString('de-DE')} Kreisen ohne erreichte Gemeinde`) }).count()).toBe(1);

    // Growth: what an event added by itself apart from the cumulative total, and from what came in between.
    const growth = page.locator('table.growth');
    expect(await growth.locator('thead th').allInnerTexts()).toEqual([
      'Datum',
      'Veranstaltung',
      'seit der vorigen Veranstaltung über andere Verbindungen',
      'neu erreicht bei dieser Veranstaltung',
      'erreicht insgesamt (kumuliert)',
    ]);
    const cells = await growth.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll("td"), (td) => td.textContent)));
    expect(cells.map((c) => [c[1], c[3], c[4]])).toEqual(answer.reachGrowth.map((g: any) => [g.event.title, g.added.toLocaleString('de-DE'), g.after.toLocaleString('de-DE')]));
    // The numbers add up: each total is the one before, what came through other links, and what the event added.
    answer.reachGrowth.forEach((g: any, i: number) => {
      expect(g.after).toBe(g.before + g.added);
      if (i > 0) expect(cells[i]![2]).toBe((g.before - answer.reachGrowth[i - 1].after).toLocaleString('de-DE'));
    });
    expect(await page.getByRole('img', { name: /die Achse beginnt nicht bei 0/ }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    // An event chosen by its title and day, never by a key the app does not show.
    await page.getByLabel('Veranstaltung', { exact: true }).selectOption({ label: '24.09.2025 – 23. Regionalkonferenz Konstanz: Smart Cities im Dialog: Kooperation und Innovation in der internationalen Bodenseeregion' });
    await page.getByRole('button', { name: 'Auswerten' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('key')).toBe('rk-2025-09-24-konstanz');
    const konstanz = await h.ok<any>(REACH, { from: { event: 'rk-2025-09-24-konstanz' } }, viewers.analyst);
    await expect.poll(() => page.getByRole('heading', { level: 2 }).first().textContent()).toContain(
      `${konstanz.reach.municipalities.reached.toLocaleString('de-DE')} von ${konstanz.reach.municipalities.total.toLocaleString('de-DE')} Gemeinden erreicht`,
    );
    expect(await page.getByLabel('Veranstaltung', { exact: true }).inputValue()).toBe('rk-2025-09-24-konstanz');
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 120_000);
});
