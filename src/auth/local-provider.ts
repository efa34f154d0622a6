// The local demo OpenID provider (oidc-provider, panva): what `npm start`
// signs people in with when no OIDC_ISSUER is set, and what the tests run the
// whole redirect flow against. Demo accounts only, password = user name, on a
// page that says so; it refuses to start in production. Signing keys and
// cookie keys are made at start: a restart signs everyone out of it, which is
// all a demo needs.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type Provider from 'oidc-provider';
import type { Configuration, KoaContextWithOIDC } from 'oidc-provider';
import { loginPage, logoutPage, messagePage } from './local-provider.pages.js';

export interface DemoAccount {
  /** The user name, which is also the password and the subject. */
  id: string;
  name: string;
  email: string;
  /** The rights claims (src/auth/people.ts reads them). */
  scg_role?: 'member' | 'analyst' | 'admin';
  scg_ags?: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  // The transfer office: an analyst for now; the reviewer role comes with the rights model (issue 34, point 4).
  { id: 'kts-redaktion', name: 'Redaktion der Koordinierungs- und Transferstelle', email: 'redaktion@kts.example', scg_role: 'analyst' },
  { id: 'mayen-koblenz', name: 'Kreisverwaltung Mayen-Koblenz', email: 'digital@mayen-koblenz.example', scg_role: 'member', scg_ags: '07137' },
  // Signed in, no rights: reads, writes nothing.
  { id: 'neue-person', name: 'Neue Person', email: 'neue.person@example.org' },
];

export class LocalProviderError extends Error {}

export interface LocalProviderOptions {
  /** 0: any free port. */
  port: number;
  host?: string;
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  /** The NODE_ENV to judge by (default: the process's). */
  nodeEnv?: string | undefined;
}

export interface LocalProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startLocalProvider(options: LocalProviderOptions): Promise<LocalProvider> {
  if ((options.nodeEnv ?? process.env.NODE_ENV) === 'production') {
    throw new LocalProviderError(
      'The local demo OpenID provider (demo accounts, password = user name) does not run with NODE_ENV=production. ' +
        'Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET to your identity provider (docs/sign-in.md).',
    );
  }
  const host = options.host ?? '127.0.0.1';
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'EADDRINUSE' ? new LocalProviderError(`Port ${options.port} is taken: set LOCAL_OIDC_PORT to another port.`) : error),
    );
    server.listen(options.port, host, () => done());
  });
  const issuer = `http://${host}:${(server.address() as AddressInfo).port}`;
  // Loaded only here: a production start (which never runs it) does not load it, nor print its warnings.
  const { default: OidcProvider } = await import('oidc-provider');
  const provider = new OidcProvider(issuer, configuration(options));
  const callback = provider.callback();
  handle = (req, res) => {
    if (req.url?.startsWith('/interaction/')) void interaction(provider, req, res).catch((error: unknown) => fail(res, error));
    else void callback(req, res);
  };
  return { issuer, close: () => closeServer(server) };
}

function configuration(options: LocalProviderOptions): Configuration {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    clients: [
      {
        client_id: options.clientId,
        client_secret: options.clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris,
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' }] as never },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    // Short access tokens, so the API's session refresh (with the refresh token) is exercised every ten minutes.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 3600, Interaction: 900, Grant: 86_400, Session: 86_400, RefreshToken: 86_400 },
    // The rights claims travel with `profile`, so a client asking for the standard scopes gets them.
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'scg_role', 'scg_ags'] },
    // The ID token carries the scopes' claims (not only the userinfo endpoint): the API reads them from there.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = messagePage('Abgemeldet', 'Sie sind bei der lokalen Demo-Anmeldung abgemeldet.');
        },
      },
    },
    // A refresh token for the API whatever the scopes (it refreshes the session with it, docs/security.md).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // The API is this provider's only client, a first party: no consent screen, the grant is implied.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const clientId = ctx.oidc.client!.clientId;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session!.grantIdFor(clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid profile email offline_access');
      await grant.save();
      return grant;
    },
    findAccount: (_ctx, id) => {
      const account = DEMO_ACCOUNTS.find((a) => a.id === id);
      if (!account) return undefined;
      return {
        accountId: account.id,
        claims: () => ({
          sub: account.id,
          name: account.name,
          email: account.email,
          email_verified: true,
          ...(account.scg_role ? { scg_role: account.scg_role } : {}),
          ...(account.scg_ags ? { scg_ags: account.scg_ags } : {}),
        }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = messagePage('Anmeldung nicht möglich', `${out.error}: ${out.error_description ?? ''}`);
    },
  };
}

/** The login step: the form, and its answer. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  if (details.prompt.name !== 'login') {
    // Consent is implied (loadExistingGrant); any other prompt is finished as it stands.
    await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
    return;
  }
  if (req.method === 'POST') {
    const form = new URLSearchParams(await readBody(req));
    const user = form.get('benutzer')?.trim() ?? '';
    const account = DEMO_ACCOUNTS.find((a) => a.id === user && form.get('passwort') === a.id);
    if (account) {
      await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
      return;
    }
    send(res, 200, loginPage(details.uid, user, 'Benutzername oder Passwort stimmen nicht.', DEMO_ACCOUNTS));
    return;
  }
  send(res, 200, loginPage(details.uid, '', null, DEMO_ACCOUNTS));
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // Nothing but the page itself, no scripts at all. No form-action: browsers apply it to the redirects after
    // the post too, and those end at the client's callback on another origin.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(html);
}

function fail(res: ServerResponse, error: unknown): void {
  // An expired or unknown interaction (its cookie gone) is the usual case: say so, and how to go on.
  if (!res.headersSent) send(res, 400, messagePage('Anmeldung abgelaufen', `Bitte starten Sie die Anmeldung in der App erneut. (${(error as Error).message})`));
}

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > 10_000) throw new Error('form too large');
  }
  return body;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.close(() => done());
    server.closeAllConnections();
  });
}
