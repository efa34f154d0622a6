// People's sign-in in the tests: the real local OpenID provider (src/auth/local-provider.ts) and the
// product's sign-in (src/sign-in.ts) over it, and a sign-in walked through by fetch with cookies kept by
// hand, for the refusals a browser would never make.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { startLocalProvider, type LocalProvider } from '../../src/auth/local-provider.js';
import { loadConfig, type SignInConfig } from '../../src/config.js';
import { startSignIn, type SignIn } from '../../src/sign-in.js';
import { silentLog } from './harness.js';

export const CLIENT_ID = 'smart-city-graph';

/** A port free right now (for an API whose redirect URI the provider must know before it starts). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => done(port));
    });
  });
}

/** The local provider, knowing the callbacks of the APIs on `apiPorts`. */
export async function startProvider(apiPorts: number[], clientSecret: string): Promise<LocalProvider> {
  return startLocalProvider({
    port: 0,
    clientId: CLIENT_ID,
    clientSecret,
    redirectUris: apiPorts.map((p) => `http://127.0.0.1:${p}/auth/callback`),
    postLogoutRedirectUris: apiPorts.map((p) => `http://127.0.0.1:${p}/`),
    nodeEnv: 'test',
  });
}

/** The product's sign-in for an API on `apiPort`, against `issuer`. */
export function signInFor(apiPort: number, issuer: string, clientSecret: string, overrides: Partial<SignInConfig> = {}): Promise<SignIn> {
  const publicUrl = `http://127.0.0.1:${apiPort}`;
  return startSignIn(
    { ...loadConfig({}).signIn, issuer, clientSecret, publicUrl, redirectUri: `${publicUrl}/auth/callback`, ...overrides },
    { log: silentLog, nodeEnv: 'test' },
  );
}

export const randomSecret = () => randomBytes(32).toString('base64url');

/** Cookies by name, as a browser would keep them for one host (enough for these tests: no paths, no domains). */
export class Jar {
  readonly cookies = new Map<string, string>();
  take(response: Response): Response {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at).trim();
      if (/max-age=0\b/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair!.slice(at + 1));
    }
    return response;
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  fetch(url: string, init: RequestInit = {}): Promise<Response> {
    return fetch(url, { redirect: 'manual', ...init, headers: { ...(init.headers as Record<string, string>), cookie: this.header() } }).then((r) => this.take(r));
  }
}

/**
 * Walks a sign-in by hand up to the provider's redirect to the API's callback, and returns that URL
 * (not yet visited) with the API's jar, which holds the pending-login cookie.
 */
export async function callbackUrl(api: string, user: string, returnTo = '/'): Promise<{ callback: string; jar: Jar; provider: Jar }> {
  const jar = new Jar();
  const provider = new Jar();
  const login = await jar.fetch(`${api}/auth/login?return=${encodeURIComponent(returnTo)}`);
  if (login.status !== 303) throw new Error(`/auth/login answered ${login.status}`);
  let next = new URL(login.headers.get('location')!);
  for (let hops = 0; hops < 10; hops++) {
    if (next.href.startsWith(`${api}/auth/callback`)) return { callback: next.href, jar, provider };
    let response = await provider.fetch(next.href);
    if (response.status === 200 && next.pathname.startsWith('/interaction/')) {
      await response.text();
      response = await provider.fetch(new URL(`${next.pathname}/login`, next).href, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ benutzer: user, passwort: user }).toString(),
      });
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`no redirect from ${next.href} (${response.status}): ${(await response.text()).slice(0, 300)}`);
    next = new URL(location, next);
  }
  throw new Error('too many redirects');
}

/** A whole sign-in by hand: the API's jar, now holding the session cookie. */
export async function signedInJar(api: string, user: string): Promise<Jar> {
  const { callback, jar } = await callbackUrl(api, user);
  const done = await jar.fetch(callback);
  if (done.status !== 303) throw new Error(`callback answered ${done.status}: ${(await done.text()).slice(0, 300)}`);
  return jar;
}

/** A GraphQL POST as the app sends it, with the jar's cookies. */
export async function gqlWith(jar: Jar, api: string, query: string, headers: Record<string, string> = {}) {
  const response = await jar.fetch(`${api}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: api, ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, body: (await response.json()) as { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[]; extensions?: any } };
}
