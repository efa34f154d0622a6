// The API as an OpenID Connect client (openid-client, panva): Authorization
// Code with PKCE, state and nonce; the provider found through its discovery
// document. Everything the protocol checks, openid-client checks; this file
// only says what to ask for and keeps the provider's configuration.
import * as client from 'openid-client';
import type { SignInConfig } from '../config.js';
import { IDENTITY_CLAIMS, type Identity } from '../auth/people.js';
import type { PendingLogin } from './session-cookie.js';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  clientAuth: SignInConfig['clientAuth'];
  scopes: string;
  emailClaim: string;
  redirectUri: string;
}

export interface SignedIn {
  identity: Identity;
  idToken: string | undefined;
  refreshToken: string | undefined;
  /** Seconds since the epoch when the access token ends: the session is refreshed then. */
  refreshAt: number | undefined;
}

export interface Oidc {
  /** Where to send the browser, and what to keep until it comes back. */
  start(returnTo: string): Promise<{ url: string; pending: PendingLogin }>;
  /** The callback's query checked against the pending login, and the code exchanged (once: a replayed code is refused). */
  finish(query: string, pending: PendingLogin): Promise<SignedIn>;
  /** A new access (and maybe refresh) token; throws when the provider no longer honours the refresh token. */
  refresh(refreshToken: string): Promise<{ refreshToken: string; refreshAt: number | undefined }>;
  /** The provider's end-session URL (RP-initiated logout), or null when it has none. */
  endSessionUrl(idToken: string | undefined, postLogoutRedirectUri: string): Promise<string | null>;
}

const now = () => Math.floor(Date.now() / 1000);

export function createOidc(settings: OidcSettings): Oidc {
  // Discovered on first use, again after a failure: an unreachable provider keeps the API up (people
  // just cannot sign in until it is back), and a provider that comes up after the API is found.
  let discovered: Promise<client.Configuration> | null = null;
  const configuration = () => {
    discovered ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        {},
        settings.clientAuth === 'client_secret_post' ? client.ClientSecretPost(settings.clientSecret) : client.ClientSecretBasic(settings.clientSecret),
        // Plain http is allowed by the configuration only on loopback (config.ts): the local provider.
        settings.issuer.startsWith('http://') ? { execute: [client.allowInsecureRequests], timeout: 10 } : { timeout: 10 },
      )
      .catch((error: unknown) => {
        discovered = null;
        throw error;
      });
    return discovered;
  };

  const identityOf = (claims: client.IDToken): Identity => {
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
    return {
      issuer: claims.iss,
      subject: claims.sub,
      email: text(claims[settings.emailClaim]),
      name: text(claims.name),
      claims: Object.fromEntries(IDENTITY_CLAIMS.filter((c) => claims[c] !== undefined).map((c) => [c, claims[c]])),
    };
  };
  const refreshAtOf = (tokens: client.TokenEndpointResponseHelpers) => {
    const expiresIn = tokens.expiresIn();
    return expiresIn === undefined ? undefined : now() + expiresIn;
  };

  return {
    async start(returnTo) {
      const config = await configuration();
      const pending: PendingLogin = { state: client.randomState(), nonce: client.randomNonce(), verifier: client.randomPKCECodeVerifier(), returnTo };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scopes,
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url: url.href, pending };
    },
    async finish(query, pending) {
      const config = await configuration();
      // The callback URL as the provider was told it (not as the Host header says): redirect_uri must match.
      const current = new URL(settings.redirectUri);
      current.search = query;
      const tokens = await client.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) throw new Error('the provider sent no ID token');
      return { identity: identityOf(claims), idToken: tokens.id_token, refreshToken: tokens.refresh_token, refreshAt: refreshAtOf(tokens) };
    },
    async refresh(refreshToken) {
      const tokens = await client.refreshTokenGrant(await configuration(), refreshToken);
      // A provider that does not rotate refresh tokens sends none back: the old one stays good.
      return { refreshToken: tokens.refresh_token ?? refreshToken, refreshAt: refreshAtOf(tokens) };
    },
    async endSessionUrl(idToken, postLogoutRedirectUri) {
      const config = await configuration();
      if (!config.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(config, {
        post_logout_redirect_uri: postLogoutRedirectUri,
        client_id: settings.clientId,
        ...(idToken ? { id_token_hint: idToken } : {}),
      }).href;
    },
  };
}
