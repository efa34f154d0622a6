/// <reference lib="dom" />
// Issue 33, point 1: the public rate limit lets people read. Against the API with the production limits
// (the defaults of config.ts) over the real data: a person in Chromium reads at a person's pace — a
// municipality's page, its peers, its solutions, one of them (a measure's or a project's page), the
// municipality that runs it — for three minutes, one
// page every 5 s, and is never refused; the requests that person's app sent, replayed by ten such readers
// from the same address for a minute, are never refused either; the probe's dearest query still is; and
// when an address has spent its budget, the app says how long to wait and asks again when told.
//
// Time runs READER_TIME_SCALE times faster (default 4) for the whole of it: the rate window is the
// production one divided by the scale, and so are the pace and the durations, so the points spent per
// window are what they are in real time. READER_TIME_SCALE=1 runs the real three minutes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { runImport } from '../../src/import/import.js';
import { fromProject } from '../../src/paths.js';
import { createSecurity } from '../../src/security.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { startHttp, testSecurityConfig } from '../support/harness.js';
import { registerRead } from '../support/register.js';
import { useHarness } from '../support/use-harness.js';

const SCALE = Number(process.env.READER_TIME_SCALE ?? 4);
const production = loadConfig({}).limits.rateLimit;
const WINDOW_S = production.windowSeconds / SCALE;
const PACE_MS = 5_000 / SCALE;
const READING_MS = 180_000 / SCALE;

const h = useHarness({
  graph: 'empty',
  then: async (h) => {
    expect((await runImport(h.db, { dataDir: fromProject('data'), register: await registerRead() })).ok).toBe(true);
  },
});
const out = mkdtempSync(join(tmpdir(), 'scg-reader-'));
let http: Awaited<ReturnType<typeof startHttp>>;
let browser: Browser;

beforeAll(async () => {
  await build({ configFile: fromProject('web/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const rateLimit = { ...production, windowSeconds: WINDOW_S };
  // Trusting X-Forwarded-For here lets each part of the test read from an address of its own.
  http = await startHttp(h.db, { webDir: out, trustProxy: true, security: createSecurity(h.db, testSecurityConfig({ limits: { rateLimit } })) });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await http?.close();
  rmSync(out, { recursive: true, force: true });
});

interface Sent {
  at: number;
  method: string;
  url: string;
  body: string | null;
}
interface Answered {
  status: number;
  requested: number | null;
  actual: number | null;
}

/** Every GraphQL request the page sends (to replay it) and how each was answered. */
function record(page: Page, started: number) {
  const sent: Sent[] = [];
  const answered: Answered[] = [];
  page.on('request', (r: Request) => {
    if (new URL(r.url()).pathname === '/graphql') sent.push({ at: Date.now() - started, method: r.method(), url: r.url(), body: r.postData() });
  });
  page.on('response', (r) => {
    if (new URL(r.url()).pathname !== '/graphql') return;
    const cost = (name: string) => (r.headers()[name] ? Number(r.headers()[name]) : null);
    answered.push({ status: r.status(), requested: cost('cost-requested'), actual: cost('cost-actual') });
  });
  return { sent, answered };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
let trail: Sent[] = [];

describe('a careful reader under the production rate limits', () => {
  it(`reads for ${READING_MS / 1000} s, one page every ${PACE_MS / 1000} s, and is never refused`, async () => {
    const page = await browser.newPage({ locale: 'de-DE', extraHTTPHeaders: { 'x-forwarded-for': '10.33.0.1' } });
    const started = Date.now();
    const { sent, answered } = record(page, started);
    const heading = () => page.locator('h1').textContent();
    let views = 0;
    const took: number[] = [];
    const read = async (step: () => Promise<void>) => {
      const begun = Date.now();
      await step();
      took.push(Date.now() - begun);
      views++;
      expect(await page.getByRole('alert').count()).toBe(0);
      await sleep(Math.max(0, PACE_MS - (Date.now() - begun)));
    };
    await read(async () => {
      await page.goto(`${http.url}/gemeinde/07137`);
      await expect.poll(heading).toBe('Mayen-Koblenz');
    });
    // The reading is timed from the first page on (starting the browser's JavaScript is not reading).
    const reading = Date.now();
    views = 0;
    const seen = new Set<string>();
    while (Date.now() - reading < READING_MS) {
      // Its peers and solutions …
      await read(async () => {
        await page.getByRole('link', { name: 'Partner und Lösungen für diese Kommune finden' }).click();
        await expect.poll(() => page.locator('ol.results > li').count()).toBeGreaterThan(0);
      });
      await read(async () => {
        await page.getByRole('tab', { name: /^Lösungen/ }).click();
        await expect.poll(() => page.getByRole('tab', { name: /^Lösungen/ }).getAttribute('aria-selected')).toBe('true');
      });
      // … one of them not seen yet, on its own page (a measure or a project) …
      await read(async () => {
        const solutions = page.getByRole('tabpanel').locator('a[href^="/massnahme/"], a[href^="/projekt/"]');
        const hrefs = await solutions.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
        const next = hrefs.find((href) => !seen.has(href)) ?? hrefs[0]!;
        seen.add(next);
        await page.locator(`main a[href="${next}"]`).first().click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(next);
        await expect.poll(() => page.getByRole('region', { name: 'Quellen' }).count()).toBe(1);
      });
      // … and on to the municipality that runs it, as someone following a lead would.
      await read(async () => {
        const runner = page.locator('main a[href^="/gemeinde/"]').first();
        const href = (await runner.getAttribute('href'))!;
        await runner.click();
        await expect.poll(() => new URL(page.url()).pathname).toBe(href);
        await expect.poll(() => page.locator('dl.facts').count()).toBe(1);
      });
    }
    await page.close();
    trail = sent;
    const refused = answered.filter((a) => a.status !== 200);
    const requested = answered.reduce((n, a) => n + (a.requested ?? 0), 0);
    const actual = answered.reduce((n, a) => n + (a.actual ?? 0), 0);
    took.sort((a, b) => a - b);
    console.log(
      `[reader] ${views} pages (median ${took[Math.floor(took.length / 2)]} ms, slowest ${took.at(-1)} ms to show), ${answered.length} requests in ${((Date.now() - started) / 1000).toFixed(0)} s (time ×${SCALE}); ` +
        `requested ${requested} points, charged ${actual} (${Math.round((actual / answered.length) * 10) / 10} a request); ` +
        `per window of the budget ${production.anonymous}: ${Math.round((actual / (Date.now() - started)) * WINDOW_S * 1000)} charged, ${Math.round((requested / (Date.now() - started)) * WINDOW_S * 1000)} if estimates were kept`,
    );
    // Before (issue 33): the estimate charged, 30,000 a minute. The same reading would have been refused here.
    let spent = 0;
    const refusedBefore = answered.findIndex((a) => (spent += a.requested ?? 0) > 30_000);
    console.log(`[reader] with the estimates charged against 30,000 a window, request ${refusedBefore + 1} of ${answered.length} would have been refused, after ${Math.round(((sent[refusedBefore]?.at ?? 0) * SCALE) / 1000)} s of real time`);
    expect(refused).toEqual([]);
    // The reader kept a person's pace (the machine did not slow the reading down to where no limit would bite).
    expect(views).toBeGreaterThanOrEqual(Math.floor((READING_MS / PACE_MS) * 0.9));
    // Every answer said what it was estimated at and what it cost, and the actual never above the estimate.
    expect(answered.every((a) => a.requested !== null && a.actual !== null && a.actual <= a.requested)).toBe(true);
    expect(actual).toBeLessThan(requested);
  }, 60_000 + READING_MS * 2);

  it('the same reading by ten people behind one address for a minute is never refused', async () => {
    expect(trail.length).toBeGreaterThan(0);
    const minute = 60_000 / SCALE;
    const length = trail.at(-1)!.at + PACE_MS;
    const statuses: number[] = [];
    let due = 0;
    let late = 0;
    let charged = 0;
    const began = Date.now();
    // Each reader replays the trail from its own starting point in it, at its own times, one after another.
    const reader = async (n: number) => {
      const started = Date.now();
      const offset = (n * length) / 10;
      const order = [...trail].map((s) => ({ ...s, at: (s.at - offset + length) % length })).sort((a, b) => a.at - b.at);
      for (let round = 0; Date.now() - started < minute; round++) {
        for (const s of order) {
          const at = round * length + s.at;
          if (at > minute) return;
          due++;
          await sleep(Math.max(0, at - (Date.now() - started)));
          late = Math.max(late, Date.now() - started - at);
          const headers = { 'content-type': 'application/json', 'apollo-require-preflight': 'true', 'x-forwarded-for': '10.33.0.2' };
          const response = await fetch(s.url, { method: s.method, headers, body: s.body });
          statuses.push(response.status);
          charged += Number(response.headers.get('cost-actual') ?? 0);
          await response.arrayBuffer();
        }
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, n) => reader(n)));
    const took = Date.now() - began;
    console.log(
      `[reader] ten readers: ${statuses.length} requests in ${(took / 1000).toFixed(1)} s for a minute of ${minute / 1000} s (time ×${SCALE}), ` +
        `at most ${Math.round(late)} ms behind their time; charged ${charged} of the budget of ${production.anonymous}`,
    );
    expect(statuses.length).toBe(due);
    // The machine kept up: the minute's reading went out within a quarter more than the minute (else less
    // of it would fall into one window of the budget than ten people would spend).
    expect(took).toBeLessThan(minute * 1.25);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
  }, 120_000);

  it('still refuses the probe’s dearest query, and when the budget is spent the app says how long to wait and asks again', async () => {
    const from = { 'x-forwarded-for': '10.33.0.3' };
    const ask = (query: string) =>
      fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...from }, body: JSON.stringify({ query }) });
    const nested = Array.from({ length: 20 }, (_, i) => `m${i}: municipality(ags: "07137") { members { verband { members { name } } } }`).join(' ');
    const dearest = await ask(`{ ${nested} }`);
    expect(dearest.status).toBe(400);
    expect(((await dearest.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('QUERY_TOO_COMPLEX');

    // Spend the address's budget with full pages (each charged what it returned), until refused.
    const page = await browser.newPage({ locale: 'de-DE', extraHTTPHeaders: from });
    await page.goto(`${http.url}/gemeinde/07137`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
    // Twenty full pages at once until refused, then one page at a time: the rest is less than any page asks.
    const page100 = (alias: string) => `${alias}: municipalities(first: 100) { edges { node { name kreis { name } land { name } } } }`;
    const spend = async (query: string) => {
      for (let i = 0; i < 500; i++) {
        const answer = await ask(query);
        if (answer.status === 429) return answer;
        await answer.arrayBuffer();
      }
      return null;
    };
    // Four at a time, so the budget is spent well within one (shortened) window.
    const twenty = `{ ${Array.from({ length: 20 }, (_, i) => page100(`p${i}`)).join(' ')} }`;
    expect((await Promise.all([1, 2, 3, 4].map(() => spend(twenty)))).every((r) => r !== null)).toBe(true);
    const refusal = await spend(`{ ${page100('p')} }`);
    expect(refusal).not.toBeNull();
    const wait = Number(refusal!.headers.get('retry-after'));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(((await refusal!.json()) as { errors: { extensions: { code: string; retryAfterSeconds: number } }[] }).errors[0]!.extensions).toMatchObject({
      code: 'RATE_LIMITED',
      retryAfterSeconds: wait,
    });

    await page.getByRole('link', { name: 'Partner und Lösungen für diese Kommune finden' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/zu viele Anfragen[\s\S]*in (einer Sekunde|\d+ Sekunden) erneut versuchen/);
    const retry = alert.getByRole('button', { name: /Erneut versuchen/ });
    expect(await retry.isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    // Once the wait is over the button asks again, and the peers come.
    await expect.poll(() => retry.isEnabled(), { timeout: (wait + 5) * 1000 }).toBe(true);
    await retry.click();
    await expect.poll(() => page.getByRole('tab', { name: /^Lösungen/ }).count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  }, 120_000);
});
