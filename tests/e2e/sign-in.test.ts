/// <reference lib="dom" />
// People sign in through OpenID Connect against the real local provider (src/auth/local-provider.ts):
// the whole redirect flow in Chromium, the refusals by hand (forged state, replayed code, tampered and
// expired cookies, foreign return paths, cross-site writes), and two API processes sharing the sessions.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalProvider } from '../../src/auth/local-provider.js';
import { fromProject } from '../../src/paths.js';
import type { SignIn } from '../../src/sign-in.js';
import { accessibilityViolations, launchBrowser } from '../support/browser.js';
import { startHttp } from '../support/harness.js';
import { callbackUrl, freePort, gqlWith, Jar, randomSecret, signedInJar, signInFor, startProvider } from '../support/sign-in.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness();
const VIEWER = '{ viewer { kind role municipality { ags } } }';
const ADD = 'mutation { addInterest(ags: "07137", topic: "energie") { ags } }';
const REMOVE = 'mutation { removeInterest(ags: "07137", topic: "energie") { ags } }';
const out = mkdtempSync(join(tmpdir(), 'scg-signin-'));

let provider: LocalProvider;
const signIns: SignIn[] = [];
let a: Awaited<ReturnType<typeof startHttp>>;
let b: Awaited<ReturnType<typeof startHttp>>;
let short: Awaited<ReturnType<typeof startHttp>>;
let browser: Browser;

beforeAll(async () => {
  await build({ configFile: fromProject('web/vite.config.ts'), logLevel: 'warn', build: { outDir: out, emptyOutDir: true } });
  const [portA, portB, portShort] = [await freePort(), await freePort(), await freePort()];
  const clientSecret = randomSecret();
  provider = await startProvider([portA, portB, portShort], clientSecret);
  // Two API processes (as far as the sessions go: nothing shared but the secret and the database).
  const sessionSecret = randomSecret();
  const start = async (port: number, overrides = {}) => {
    const signIn = await signInFor(port, provider.issuer, clientSecret, { sessionSecret, ...overrides });
    signIns.push(signIn);
    return startHttp(h.db, { webDir: out, sessions: signIn.sessions! }, port);
  };
  a = await start(portA);
  b = await start(portB);
  // One whose sessions end after two idle seconds.
  short = await start(portShort, { idleSeconds: 2, maxSeconds: 3, sessionSecret: randomSecret() });
  browser = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await Promise.all([a, b, short].map((s) => s?.close()));
  await Promise.all(signIns.map((s) => s.close()));
  await provider?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('refusals', () => {
  it('signs in by hand and reads the viewer with the cookie alone', async () => {
    const jar = await signedInJar(a.url, 'mayen-koblenz');
    expect([...jar.cookies.keys()]).toEqual(['scg-session']);
    const { body } = await gqlWith(jar, a.url, VIEWER);
    expect(body.data.viewer).toEqual({ kind: 'PERSON', role: 'MEMBER', municipality: { ags: '07137' } });
  });

  it('refuses a forged state, and keeps no session', async () => {
    const { callback, jar } = await callbackUrl(a.url, 'mayen-koblenz');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'forged-state-value');
    const response = await jar.fetch(forged.href);
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).toContain('Anmeldung nicht angenommen');
    expect(text).toContain('no session was created');
    expect(jar.cookies.has('scg-session')).toBe(false);
    expect((await gqlWith(jar, a.url, VIEWER)).body.data.viewer.kind).toBe('ANONYMOUS');
  });

  it('refuses a replayed code, with and without the pending login', async () => {
    const { callback, jar } = await callbackUrl(a.url, 'mayen-koblenz');
    const pending = jar.cookies.get('scg-login')!;
    expect((await jar.fetch(callback)).status).toBe(303);
    // The pending login is spent: the same callback again has nothing to match.
    const again = new Jar();
    expect((await again.fetch(callback)).status).toBe(400);
    // Even with the pending login cookie kept back: the provider refuses a code used once.
    again.cookies.set('scg-login', pending);
    const replay = await again.fetch(callback);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('Es wurde keine Sitzung angelegt');
    expect(again.cookies.has('scg-session')).toBe(false);
  });

  it('reads a tampered cookie as anonymous, says why, and writes nothing', async () => {
    const jar = await signedInJar(a.url, 'mayen-koblenz');
    const value = jar.cookies.get('scg-session')!;
    const flipped = value.slice(0, -6) + (value.at(-6) === 'A' ? 'B' : 'A') + value.slice(-5);
    jar.cookies.set('scg-session', flipped);
    const before = await h.fingerprint();
    const read = await gqlWith(jar, a.url, VIEWER);
    expect(read.status).toBe(200);
    expect(read.body.data.viewer.kind).toBe('ANONYMOUS');
    expect(read.body.extensions.credential.refused).toBe(true);
    jar.cookies.set('scg-session', flipped);
    const write = await gqlWith(jar, a.url, ADD);
    expect(write.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await h.fingerprint()).toBe(before);
    // Nor does another process's key open it (a cookie of the short-lived API, sealed with its own secret).
    const foreign = await signedInJar(short.url, 'mayen-koblenz');
    jar.cookies.set('scg-session', foreign.cookies.get('scg-session')!);
    expect((await gqlWith(jar, a.url, VIEWER)).body.data.viewer.kind).toBe('ANONYMOUS');
  });

  it('ends a session after its idle lifetime', async () => {
    const jar = await signedInJar(short.url, 'mayen-koblenz');
    expect((await gqlWith(jar, short.url, VIEWER)).body.data.viewer.kind).toBe('PERSON');
    await new Promise((done) => setTimeout(done, 3_200));
    const late = await gqlWith(jar, short.url, VIEWER);
    expect(late.body.data.viewer.kind).toBe('ANONYMOUS');
    expect(late.body.extensions.credential.refused).toBe(true);
    // The cookie is deleted, too.
    expect(jar.cookies.has('scg-session')).toBe(false);
  });

  it('sends people back only to a path of this site', async () => {
    for (const [given, landing] of [
      ['https://evil.example/', '/'],
      ['//evil.example', '/'],
      ['/\\evil.example', '/'],
      ['javascript:alert(1)', '/'],
      ['/gemeinde/07137?tab=1', '/gemeinde/07137?tab=1'],
    ]) {
      const { callback, jar } = await callbackUrl(a.url, 'mayen-koblenz', given);
      const done = await jar.fetch(callback);
      expect(done.status).toBe(303);
      expect(done.headers.get('location'), given).toBe(landing);
    }
  });

  it('refuses a cookie-signed write without the CSRF protection or from a foreign origin, and writes nothing', async () => {
    const jar = await signedInJar(a.url, 'mayen-koblenz');
    const before = await h.fingerprint();
    // A form post as another site's page could make it: a simple request, refused by Apollo's CSRF prevention.
    const simple = await jar.fetch(`${a.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: ADD }) });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toMatch(/CSRF|preflight/i);
    // A non-simple request whose Origin is another site.
    const foreign = await gqlWith(jar, a.url, ADD, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await h.fingerprint()).toBe(before);
    // A person without rights reads, and writes nothing either.
    const none = await signedInJar(a.url, 'neue-person');
    expect((await gqlWith(none, a.url, VIEWER)).body.data.viewer).toEqual({ kind: 'PERSON', role: 'NONE', municipality: null });
    expect((await gqlWith(none, a.url, ADD)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await h.fingerprint()).toBe(before);
  });
});

describe('two API processes', () => {
  it('sign in through one, read and write through the other', async () => {
    const before = await h.fingerprint();
    const jar = await signedInJar(a.url, 'mayen-koblenz');
    const viewer = await gqlWith(jar, b.url, VIEWER, { origin: b.url });
    expect(viewer.body.data.viewer).toEqual({ kind: 'PERSON', role: 'MEMBER', municipality: { ags: '07137' } });
    const added = await gqlWith(jar, b.url, ADD, { origin: b.url });
    expect(added.body.errors).toBeUndefined();
    expect(await h.cypher('MATCH (:Municipality {ags: "07137"})-[r:INTERESTED_IN]->(:Topic {slug: "energie"}) RETURN count(r) AS n')).toEqual([{ n: 1 }]);
    expect((await gqlWith(jar, a.url, REMOVE)).body.errors).toBeUndefined();
    expect(await h.fingerprint()).toBe(before);
  });
});

describe('in a browser', () => {
  it('signs in as mayen-koblenz from a page, lands back on it, holds only the cookie, and signs out at the provider too', async () => {
    const context = await browser.newContext({ locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${a.url}/gemeinde/07137`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Mayen-Koblenz');
    await page.getByRole('link', { name: 'Anmelden', exact: true }).click();
    // The provider's own page, labelled as the demo it is, accessible.
    await expect.poll(() => page.locator('h1').textContent()).toBe('Anmelden');
    expect(await page.locator('main').innerText()).toContain('Lokale Demo-Anmeldung');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Benutzername').fill('mayen-koblenz');
    await page.getByLabel('Passwort').fill('falsch');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Passwort').fill('mayen-koblenz');
    await page.getByRole('button', { name: 'Anmelden' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/gemeinde/07137');
    expect(new URL(page.url()).origin).toBe(a.url);
    await expect.poll(() => page.getByRole('button', { name: 'Abmelden' }).count()).toBe(1);

    // The cookie: HttpOnly, SameSite=Lax, Path=/, not Secure on plain http; no token in the page's storage.
    const cookies = await context.cookies(a.url);
    const session = cookies.find((c) => c.name === 'scg-session')!;
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', secure: false });
    expect(cookies.map((c) => c.name)).not.toContain('scg-login');
    const storage = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage } }));
    expect(storage).toBe('{"local":{},"session":{}}');
    expect(await page.evaluate(() => document.cookie)).toBe('');

    // The viewer, as the app asks for it (same origin, the cookie goes along).
    const viewer = await page.evaluate(async () => {
      const response = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ viewer { kind role municipality { ags } } }' }) });
      return ((await response.json()) as { data: unknown }).data;
    });
    expect(viewer).toEqual({ viewer: { kind: 'PERSON', role: 'MEMBER', municipality: { ags: '07137' } } });
    await page.getByRole('link', { name: 'Mein Zugang' }).click();
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('Mitglied von Mayen-Koblenz');
    expect(await accessibilityViolations(page)).toEqual([]);

    // Sign out: the cookie is gone, and the provider's session too (its confirmation, then back to the app).
    await page.getByRole('button', { name: 'Abmelden' }).first().click();
    await page.getByRole('button', { name: 'Ja, abmelden' }).click();
    await expect.poll(() => page.url()).toBe(`${a.url}/`);
    expect((await context.cookies(a.url)).map((c) => c.name)).not.toContain('scg-session');
    await expect.poll(() => page.getByRole('link', { name: 'Anmelden', exact: true }).count()).toBe(1);
    await page.getByRole('link', { name: 'Anmelden', exact: true }).click();
    await expect.poll(() => page.getByLabel('Passwort').count()).toBe(1);
    await context.close();
  }, 90_000);
});
