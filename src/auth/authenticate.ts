// From the request's credentials to a Viewer. Bearer tokens are JWTs signed
// with HS256 (JWT_SECRET) or by a key of a JWKS endpoint (JWT_JWKS_URL),
// verified with `jose`; API keys come in the X-API-Key header. A request with
// no credentials is anonymous; bad credentials are refused here (UNAUTHENTICATED).
// The server then reads for them as anonymous, saying so, and refuses their
// writes (server.ts): never a silent downgrade.
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import type { AuthConfig } from '../config.js';
import { ApiError } from '../errors.js';
import { agsSchema } from '../kernel/validation.js';
import type { ApiKeys } from './api-keys.js';
import { ANONYMOUS, unauthenticated, type Viewer } from './viewer.js';

/** The claims a token must carry besides `sub` and `exp`. */
const claimsSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('member'), ags: agsSchema }),
  z.object({ role: z.literal('analyst') }),
  z.object({ role: z.literal('admin') }),
]);

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export interface Credentials {
  authorization: string | undefined;
  apiKey: string | undefined;
}

export type Authenticate = (credentials: Credentials) => Promise<Viewer>;

export function createAuthenticator(config: AuthConfig, apiKeys: ApiKeys): Authenticate {
  const verifyToken = tokenVerifier(config);
  return async ({ authorization, apiKey }) => {
    if (authorization !== undefined && apiKey !== undefined) {
      throw unauthenticated('Send either an Authorization header or an X-API-Key header, not both.');
    }
    if (apiKey !== undefined) return apiKeys.authenticate(apiKey.trim());
    if (authorization === undefined) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw unauthenticated('The Authorization header must be `Bearer <token>`.');
    return verifyToken(match[1]!);
  };
}

function tokenVerifier(config: AuthConfig): (token: string) => Promise<Viewer> {
  let key: Uint8Array | JWTVerifyGetKey;
  let algorithms: string[];
  if (config.jwtSecret !== undefined) {
    key = new TextEncoder().encode(config.jwtSecret);
    algorithms = ['HS256'];
  } else if (config.jwksUrl !== undefined) {
    key = createRemoteJWKSet(new URL(config.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    algorithms = ASYMMETRIC;
  } else {
    return () => Promise.reject(unauthenticated('This server accepts no bearer tokens (neither JWT_SECRET nor JWT_JWKS_URL is set).'));
  }

  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, key as Uint8Array, {
        algorithms,
        requiredClaims: ['sub', 'exp', 'iat'],
        maxTokenAge: config.maxAgeSeconds,
        clockTolerance: 30,
        ...(config.issuer !== undefined ? { issuer: config.issuer } : {}),
        ...(config.audience !== undefined ? { audience: config.audience } : {}),
      }));
    } catch (error) {
      throw tokenError(error);
    }
    // jose checks that `sub` is there, not what it is: a number or an empty name names nobody.
    if (typeof payload.sub !== 'string' || payload.sub.trim() === '' || payload.sub.length > 256) {
      throw unauthenticated('The token\'s `sub` claim must be a non-empty string (at most 256 characters).');
    }
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) {
      throw unauthenticated('The token must carry a `role` claim of member, analyst or admin, and members an `ags` claim.');
    }
    const c = claims.data;
    return { kind: 'person', subject: payload.sub, role: c.role, ags: c.role === 'member' ? c.ags : null };
  };
}

/** A clear reason for the client; a JWKS endpoint we cannot reach is our problem, not theirs. */
function tokenError(error: unknown): ApiError {
  if (error instanceof joseErrors.JWTExpired) return unauthenticated('The token has expired.');
  if (error instanceof joseErrors.JWTClaimValidationFailed) return unauthenticated(`The token was refused: ${error.message}.`);
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
    return new ApiError('SERVICE_UNAVAILABLE', 'Tokens cannot be checked right now (the key set is unreachable). Try again shortly.');
  }
  return unauthenticated('The token is not valid.');
}
