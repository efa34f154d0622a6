// People's sessions: /auth/login, /auth/callback and /auth/logout, and the
// session cookie turned into a Viewer for `admit` (server.ts). The browser
// holds only the cookie — HttpOnly, SameSite=Lax, Secure and `__Host-` behind
// TLS — never a token; the tokens stay inside the encrypted cookie, readable
// by the API alone (session-cookie.ts).
import { randomUUID } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import { ResponseBodyError } from 'openid-client';
import { viewerForIdentity } from '../auth/people.js';
import type { Viewer } from '../auth/viewer.js';
import type { Oidc } from './oidc.js';
import { cookieNames, readCookie, safeReturnPath, setCookie, type CookieCodec, type PendingLogin, type SessionData } from './session-cookie.js';

export interface SessionOptions {
  oidc: Oidc;
  codec: CookieCodec;
  /** The cookie's Secure flag and `__Host-` name (behind TLS). */
  secure: boolean;
  idleSeconds: number;
  maxSeconds: number;
  /** Where people reach the API: its origin passes the CSRF check, and the provider sends people back to it. */
  publicUrl: string;
  /** Origins whose pages may also send cookie-authenticated requests (CORS_ORIGINS). */
  corsOrigins?: readonly string[];
  log: Logger;
}

export type SessionLookup = { viewer: Viewer } | { ended: string } | null;

export interface Sessions {
  /** The /auth routes, mounted at /auth. */
  router: Router;
  /** The request's session: a viewer, `ended` (it ran out, or the cookie is not ours: read as anonymous), or null (none). */
  lookup(req: Request, res: Response): Promise<SessionLookup>;
  /** Whether a cookie-authenticated request from a page of `origin` is accepted (CSRF; docs/security.md). */
  allowsOrigin(origin: string): boolean;
}

const LOGIN_SECONDS = 600;
/** The idle clock is reset at most once a minute: not every request needs a new cookie. */
const TOUCH_SECONDS = 60;
const now = () => Math.floor(Date.now() / 1000);

export function createSessions(options: SessionOptions): Sessions {
  const names = cookieNames(options.secure);
  const { codec, oidc, log } = options;
  const origins = new Set([new URL(options.publicUrl).origin, ...(options.corsOrigins ?? [])]);
  const clear = (res: Response, name: string) => res.append('set-cookie', setCookie(name, '', { secure: options.secure, maxAge: 0 }));

  const writeSession = async (res: Response, data: SessionData) => {
    // The cookie dies at the absolute end; the sealed expiry also at the idle end, whichever comes first.
    const absoluteEnd = data.started + options.maxSeconds;
    const value = await codec.seal('session', data, Math.min(absoluteEnd, data.seen + options.idleSeconds));
    res.append('set-cookie', setCookie(names.session, value, { secure: options.secure, maxAge: absoluteEnd - now() }));
  };

  const router = express.Router();
  router.get('/login', async (req, res) => {
    const returnTo = safeReturnPath(req.query.return);
    let started: Awaited<ReturnType<Oidc['start']>>;
    try {
      started = await oidc.start(returnTo);
    } catch (error) {
      log.warn({ err: error }, 'identity provider unreachable');
      page(res, 503, 'Anmeldung gerade nicht möglich', 'Der Anmeldedienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.', 'The identity provider cannot be reached right now.');
      return;
    }
    const value = await codec.seal('login', started.pending, now() + LOGIN_SECONDS);
    res.append('set-cookie', setCookie(names.login, value, { secure: options.secure, maxAge: LOGIN_SECONDS }));
    res.setHeader('cache-control', 'no-store');
    res.redirect(303, started.url);
  });

  router.get('/callback', async (req, res) => {
    res.setHeader('cache-control', 'no-store');
    // One use: whatever happens next, this pending login is spent.
    clear(res, names.login);
    const sealed = readCookie(req.headers.cookie, names.login);
    const pending = sealed === undefined ? null : await codec.open<PendingLogin>('login', sealed);
    if (!pending) {
      page(res, 400, 'Anmeldung nicht angenommen', 'Zu dieser Rückkehr gehört keine begonnene Anmeldung (sie ist abgelaufen, schon verwendet oder in einem anderen Browser begonnen worden). Bitte melden Sie sich erneut an.', 'No sign-in in progress for this callback (expired, already used, or started elsewhere). Please sign in again.');
      return;
    }
    const query = new URL(req.originalUrl, 'http://callback.invalid').search;
    let signedIn: Awaited<ReturnType<Oidc['finish']>>;
    try {
      signedIn = await oidc.finish(query, pending);
    } catch (error) {
      // State, nonce, PKCE, a replayed or foreign code: openid-client refuses, we say so and keep no session.
      log.warn({ err: error }, 'sign-in refused');
      page(res, 400, 'Anmeldung nicht angenommen', 'Die Antwort des Anmeldedienstes passt nicht zu dieser Anmeldung (ungültiger oder schon verwendeter Code, falscher Zustand). Es wurde keine Sitzung angelegt. Bitte melden Sie sich erneut an.', `The sign-in response was refused (${(error as Error).message}); no session was created.`);
      return;
    }
    const t = now();
    // A new session and a new cookie value at every sign-in, whatever cookie came in: no fixation.
    const data: SessionData = {
      sid: randomUUID(),
      identity: signedIn.identity,
      started: t,
      seen: t,
      ...(signedIn.refreshToken ? { refreshToken: signedIn.refreshToken, ...(signedIn.refreshAt ? { refreshAt: signedIn.refreshAt } : {}) } : {}),
      ...(signedIn.idToken ? { idToken: signedIn.idToken } : {}),
    };
    await writeSession(res, data);
    log.info({ session: data.sid, issuer: data.identity.issuer }, 'signed in');
    res.redirect(303, pending.returnTo);
  });

  router.post('/logout', async (req, res) => {
    const origin = req.headers.origin;
    // "null": our own pages' form posts under their no-referrer policy. A foreign page's post carries no cookie
    // (SameSite=Lax), so it could end nothing anyway; a named foreign origin is refused outright.
    if (origin !== undefined && origin !== 'null' && !origins.has(origin)) {
      page(res, 403, 'Abmelden nicht möglich', 'Diese Abmeldung kam nicht von einer Seite dieses Dienstes.', 'Logout refused: the request did not come from this site.');
      return;
    }
    const sealed = readCookie(req.headers.cookie, names.session);
    const data = sealed === undefined ? null : await codec.open<SessionData>('session', sealed);
    clear(res, names.session);
    res.setHeader('cache-control', 'no-store');
    const atProvider = data ? await oidc.endSessionUrl(data.idToken, `${options.publicUrl}/`).catch(() => null) : null;
    if (data) log.info({ session: data.sid }, 'signed out');
    if (atProvider === null) {
      res.redirect(303, '/');
      return;
    }
    // Also at the provider (RP-initiated logout), so the next sign-in asks for the password again. Not by a
    // redirect: the app's pages allow forms to post to this origin only (form-action 'self'), and browsers hold
    // the redirects after a post to that too. This page is no form's answer to them: it moves on by itself.
    res
      .status(200)
      .type('html')
      .send(
        `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=${escape(atProvider)}"><title>Abmelden</title></head>` +
          `<body><main><h1>Abmelden</h1><p>Sie sind hier abgemeldet. <a href="${escape(atProvider)}">Weiter zum Anmeldedienst</a>, um sich auch dort abzumelden.</p></main></body></html>`,
      );
  });

  return {
    router,
    allowsOrigin: (origin) => origins.has(origin),
    async lookup(req, res) {
      const sealed = readCookie(req.headers.cookie, names.session);
      if (sealed === undefined) return null;
      const data = await codec.open<SessionData>('session', sealed);
      const t = now();
      if (!data || typeof data.started !== 'number' || typeof data.seen !== 'number' || t - data.started > options.maxSeconds || t - data.seen > options.idleSeconds) {
        clear(res, names.session);
        return { ended: 'The session has ended (it ran out or is not valid here): sign in again.' };
      }
      let changed = t - data.seen >= TOUCH_SECONDS;
      if (data.refreshToken && data.refreshAt !== undefined && t >= data.refreshAt - 30) {
        try {
          const refreshed = await oidc.refresh(data.refreshToken);
          data.refreshToken = refreshed.refreshToken;
          if (refreshed.refreshAt === undefined) delete data.refreshAt;
          else data.refreshAt = refreshed.refreshAt;
          changed = true;
        } catch (error) {
          if (error instanceof ResponseBodyError) {
            // The provider no longer honours the session (signed out there, disabled, revoked): neither do we.
            clear(res, names.session);
            log.info({ session: data.sid, err: error }, 'session ended by the identity provider');
            return { ended: 'The identity provider has ended this session: sign in again.' };
          }
          // The provider unreachable: the session goes on as it is, and the next request tries again.
          log.warn({ session: data.sid, err: error }, 'session not refreshed');
        }
      }
      if (changed) await writeSession(res, { ...data, seen: t });
      return { viewer: viewerForIdentity(data.identity) };
    },
  };
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page for what a person meets on the way through /auth: German first, English for the developer. */
function page(res: Response, status: number, title: string, german: string, english: string): void {
  res
    .status(status)
    .type('html')
    .send(
      `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>` +
        `<body><main><h1>${escape(title)}</h1><p>${escape(german)}</p><p lang="en">${escape(english)}</p><p><a href="/">Zur Startseite</a> · <a href="/auth/login">Erneut anmelden</a></p></main></body></html>`,
    );
}
