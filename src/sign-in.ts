// People's sign-in, built once per process from the configuration: the
// office's OpenID provider when OIDC_ISSUER is set, else the local demo
// provider (never in production), and the sessions over either.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { startLocalProvider } from './auth/local-provider.js';
import type { SignInConfig } from './config.js';
import { createOidc } from './http/oidc.js';
import { cookieCodec } from './http/session-cookie.js';
import { createSessions, type Sessions } from './http/session.js';

export interface SignIn {
  /** undefined: people cannot sign in (production without OIDC_ISSUER). */
  sessions: Sessions | undefined;
  /** The provider people sign in with. */
  issuer: string | undefined;
  /** Stops the local provider, if one was started. */
  close(): Promise<void>;
}

export async function startSignIn(
  config: SignInConfig,
  { log, corsOrigins = [], nodeEnv = process.env.NODE_ENV }: { log: Logger; corsOrigins?: readonly string[]; nodeEnv?: string | undefined },
): Promise<SignIn> {
  let issuer = config.issuer;
  let clientSecret = config.clientSecret;
  let close = () => Promise.resolve();
  if (issuer === undefined) {
    if (nodeEnv === 'production') {
      log.warn('OIDC_ISSUER is not set: people cannot sign in (the local demo provider never runs in production; docs/sign-in.md).');
      return { sessions: undefined, issuer: undefined, close };
    }
    // The demo provider and the API share a client secret made now: nothing to configure, nothing to leak.
    clientSecret = randomBytes(32).toString('base64url');
    const local = await startLocalProvider({
      port: config.localPort,
      clientId: config.clientId,
      clientSecret,
      redirectUris: [config.redirectUri],
      postLogoutRedirectUris: [`${config.publicUrl}/`],
      nodeEnv,
    });
    issuer = local.issuer;
    close = () => local.close();
  }
  if (config.sessionSecret === undefined) {
    log.warn('SESSION_SECRET is not set: sessions are sealed with a key of this process only (they end with it and are not shared with other API processes).');
  }
  const oidc = createOidc({
    issuer,
    clientId: config.clientId,
    clientSecret: clientSecret!,
    clientAuth: config.clientAuth,
    scopes: config.scopes,
    emailClaim: config.emailClaim,
    redirectUri: config.redirectUri,
  });
  const sessions = createSessions({
    oidc,
    codec: cookieCodec(config.sessionSecret),
    secure: config.secureCookie,
    idleSeconds: config.idleSeconds,
    maxSeconds: config.maxSeconds,
    publicUrl: config.publicUrl,
    corsOrigins,
    log,
  });
  return { sessions, issuer, close };
}
