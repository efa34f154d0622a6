// The pure parts of people's sign-in: return paths, identities to viewers, the cookie's shape, the
// configuration's refusals, and the demo provider's refusal to run in production.
import { describe, expect, it } from 'vitest';
import { startLocalProvider } from '../../src/auth/local-provider.js';
import { viewerForIdentity } from '../../src/auth/people.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { cookieCodec, cookieNames, readCookie, safeReturnPath, setCookie } from '../../src/http/session-cookie.js';

describe('return paths', () => {
  it.each([
    ['/gemeinde/07137', '/gemeinde/07137'],
    ['/suche?q=Mayen#x', '/suche?q=Mayen#x'],
    ['https://evil.example/', '/'],
    ['//evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/a\nb', '/'],
    [undefined, '/'],
  ])('%s → %s', (given, expected) => expect(safeReturnPath(given)).toBe(expected));
});

describe('viewerForIdentity', () => {
  const base = { issuer: 'https://idp.example', subject: '42', email: null, name: null };
  it('namespaces the subject by issuer and reads the rights claims', () => {
    expect(viewerForIdentity({ ...base, claims: { scg_role: 'member', scg_ags: '07137' } })).toEqual({ kind: 'person', subject: 'https://idp.example#42', role: 'member', ags: '07137' });
    expect(viewerForIdentity({ ...base, claims: { scg_role: 'analyst' } })).toMatchObject({ role: 'analyst', ags: null });
  });
  it('gives a person without (or with broken) claims no rights', () => {
    expect(viewerForIdentity({ ...base, claims: {} })).toMatchObject({ role: 'none', ags: null });
    expect(viewerForIdentity({ ...base, claims: { scg_role: 'member' } })).toMatchObject({ role: 'none', ags: null });
    expect(viewerForIdentity({ ...base, claims: { scg_role: 'superuser' } })).toMatchObject({ role: 'none' });
  });
});

describe('the session cookie', () => {
  it('is __Host- and Secure behind TLS, HttpOnly and SameSite=Lax always', () => {
    expect(cookieNames(true).session).toBe('__Host-scg-session');
    expect(setCookie('__Host-scg-session', 'v', { secure: true, maxAge: 60 })).toBe('__Host-scg-session=v; Path=/; HttpOnly; SameSite=Lax; Max-Age=60; Secure');
    expect(setCookie('scg-session', 'v', { secure: false, maxAge: 60 })).not.toContain('Secure');
    expect(readCookie('a=1; scg-session=xyz; b=2', 'scg-session')).toBe('xyz');
  });
  it('opens only with the same secret and the same purpose', async () => {
    const one = cookieCodec('x'.repeat(32));
    const sealed = await one.seal('session', { sid: 's' }, Math.floor(Date.now() / 1000) + 60);
    expect(await cookieCodec('x'.repeat(32)).open('session', sealed)).toMatchObject({ sid: 's' });
    expect(await cookieCodec('y'.repeat(32)).open('session', sealed)).toBeNull();
    expect(await one.open('login', sealed)).toBeNull();
  });
});

describe('configuration', () => {
  it('derives the callback and the Secure flag from PUBLIC_URL', () => {
    expect(loadConfig({}).signIn).toMatchObject({ publicUrl: 'http://localhost:4000', redirectUri: 'http://localhost:4000/auth/callback', secureCookie: false });
    expect(loadConfig({ PUBLIC_URL: 'https://scg.example.de' }).signIn.secureCookie).toBe(true);
  });
  it('refuses a provider without a secret, a callback elsewhere, and a production provider without SESSION_SECRET', () => {
    expect(() => loadConfig({ OIDC_ISSUER: 'https://idp.example/realms/x' })).toThrow(ConfigError);
    expect(() => loadConfig({ PUBLIC_URL: 'https://a.example', OIDC_REDIRECT_URI: 'https://b.example/auth/callback' })).toThrow(/origin of PUBLIC_URL/);
    expect(() => loadConfig({ NODE_ENV: 'production', OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_SECRET: 's' })).toThrow(/SESSION_SECRET/);
    expect(() => loadConfig({ OIDC_ISSUER: 'http://idp.example' })).toThrow(/https/);
  });
});

it('the local demo provider refuses to start in production', async () => {
  await expect(startLocalProvider({ port: 0, clientId: 'c', clientSecret: 's', redirectUris: [], postLogoutRedirectUris: [], nodeEnv: 'production' })).rejects.toThrow(/NODE_ENV=production/);
});
