// The session lives in the browser's cookie, encrypted and authenticated
// (JWE, dir + A256GCM, a key derived from SESSION_SECRET): every API process
// with the same secret reads it, so no sticky routing and no session store
// (docs/security.md says why this and not a store in Neo4j). A cookie that
// does not decrypt, or whose lifetimes have run out, is no session at all.
import { hkdfSync, randomBytes } from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { Identity } from '../auth/people.js';

/** What the session cookie holds. Times are seconds since the epoch. */
export interface SessionData {
  /** A fresh id at every sign-in (the logs' handle on a session; a new cookie value whatever the old one was). */
  sid: string;
  identity: Identity;
  /** When the person signed in: the absolute lifetime counts from here. */
  started: number;
  /** The last request: the idle lifetime counts from here. */
  seen: number;
  /** The provider's refresh token, and when to use it (the access token's end); absent when none was given. */
  refreshToken?: string;
  refreshAt?: number;
  /** The ID token, as the hint for the provider's end-session endpoint. */
  idToken?: string;
}

/** The pending sign-in, between /auth/login and /auth/callback (ten minutes at most). */
export interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
}

export interface CookieCodec {
  seal(purpose: 'session' | 'login', payload: object, expiresAt: number): Promise<string>;
  open<T>(purpose: 'session' | 'login', value: string): Promise<T | null>;
}

/**
 * One key per purpose from the secret (HKDF): a pending-login cookie can never be passed off as a session.
 * No secret: a random one, valid for this process only.
 */
export function cookieCodec(secret: string | undefined): CookieCodec {
  const master = secret !== undefined ? Buffer.from(secret, 'utf8') : randomBytes(32);
  const keys = {
    session: new Uint8Array(hkdfSync('sha256', master, 'smart-city-graph', 'session cookie v1', 32)),
    login: new Uint8Array(hkdfSync('sha256', master, 'smart-city-graph', 'pending login cookie v1', 32)),
  };
  return {
    seal: (purpose, payload, expiresAt) =>
      new EncryptJWT({ ...payload }).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).setIssuedAt().setExpirationTime(expiresAt).encrypt(keys[purpose]),
    async open<T>(purpose: 'session' | 'login', value: string) {
      try {
        const { payload } = await jwtDecrypt(value, keys[purpose], { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
        return payload as T;
      } catch {
        // Tampered, foreign, expired: all the same to the caller — no session.
        return null;
      }
    },
  };
}

export interface CookieNames {
  session: string;
  login: string;
}

/** `__Host-` binds the cookie to this exact host, https and Path=/ (browsers refuse it otherwise); plain http cannot use it. */
export const cookieNames = (secure: boolean): CookieNames =>
  secure ? { session: '__Host-scg-session', login: '__Host-scg-login' } : { session: 'scg-session', login: 'scg-login' };

/** The value of one cookie of a request (no cookie-parser: this is the only place that reads cookies). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

/** A Set-Cookie value; `maxAge` 0 deletes it. */
export function setCookie(name: string, value: string, options: { secure: boolean; maxAge: number }): string {
  return [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${Math.max(0, Math.floor(options.maxAge))}`, ...(options.secure ? ['Secure'] : [])].join('; ');
}

/** Same-origin relative paths only ("/gemeinde/07137?x=1"); anything that could leave the site becomes "/". */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 2000) return '/';
  // "//host" and "/\host" are other hosts to a browser; control characters and backslashes have no business here.
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\') || [...value].some((c) => c < ' ' || c === '\u007f')) return '/';
  try {
    const resolved = new URL(value, 'http://same.invalid');
    return resolved.origin === 'http://same.invalid' ? `${resolved.pathname}${resolved.search}${resolved.hash}` : '/';
  } catch {
    return '/';
  }
}
