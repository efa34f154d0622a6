// Environment → one validated, frozen Config. Every wrong value is reported
// at start-up with the variable's name, all at once, before anything starts.
import { z } from 'zod';

/**
 * Destatis's download of the "Auszug GV 4. Quartal" workbook. The address is the one Destatis
 * publishes on https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/Archiv/GVAuszugQ/AuszugGV4QAktuell.html
 * and that several public projects download from (some with a version suffix such as &v=18);
 * it could not be fetched from here (no network), so it is UNCONFIRMED that it still serves
 * these bytes: it is Destatis's *current* 4th-quarter extract, which is replaced each January
 * (31.12.2025 from January 2026 on). The SHA-256 check then refuses it, and the error says to
 * name the file instead (REGISTER_FILE). Another address: the setting REGISTER_URL.
 */
export const REGISTER_URL =
  'https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/Archiv/GVAuszugQ/AuszugGV4QAktuell.xlsx?__blob=publicationFile';

/** Where a downloaded register is kept (git-ignored). */
export const DEFAULT_REGISTER_CACHE_DIR = '.cache/register';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

/** An https URL; plain http only on loopback (local development and tests). */
const httpsUrl = (message: string) =>
  z
    .url({ protocol: /^https?$/, error: message })
    .refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(u), message);

const EnvSchema = z.object({
  PORT: port.default(4000),
  HOST: z.string().min(1).default('127.0.0.1'),
  NODE_ENV: z.string().optional(),
  // The Apollo Sandbox on GET /graphql: on by default, off by default in production.
  EXPLORER: z.enum(['on', 'off']).optional(),
  // GET /metrics (Prometheus) on a port of its own, never the public one.
  METRICS: z.enum(['on', 'off']).default('off'),
  METRICS_PORT: port.default(9464),
  // Origins whose browser pages may call the API (CORS), comma-separated; none by default.
  CORS_ORIGINS: z
    .string()
    .transform((v) => v.split(',').map((o) => o.trim()).filter((o) => o !== ''))
    .pipe(z.array(z.string().regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/, 'each must be an origin: scheme, host and optional port, e.g. https://karte.example.de')))
    .default([]),
  // Public answers kept by the content version (src/http-cache.ts): ETag/304 on GET, Apollo's response cache.
  HTTP_CACHE: z.enum(['on', 'off']).default('on'),
  RESPONSE_CACHE: z.enum(['on', 'off']).default('on'),
  CACHE_MAX_AGE: z.coerce.number().int().min(0).max(86_400).default(60),
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'must be a neo4j:// or bolt:// URI (optionally +s or +ssc)')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().regex(/^[A-Za-z][A-Za-z0-9.-]{2,62}$/, 'must be a Neo4j database name').default('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt.default(15_000),
  LOCAL_NEO4J: z.enum(['auto', 'off']).default('auto'),
  LOCAL_NEO4J_PORT: port.default(7687),
  LOCAL_NEO4J_DIR: z.string().min(1).default('.neo4j'),
  LOCAL_NEO4J_HEAP: z.string().regex(/^\d+[mg]$/, 'must look like 512m or 2g').default('1g'),
  IMPORT_ON_EMPTY: z.enum(['auto', 'never']).default('auto'),
  DATA_DIR: z.string().min(1).default('data'),
  // The municipality register workbook (see src/import/register-source.ts).
  REGISTER_FILE: z.string().min(1).optional(),
  REGISTER_URL: z
    .url({ protocol: /^https?$/, error: 'must be an https URL of the register workbook' })
    .refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(u), 'must be https (plain http only on loopback)')
    .default(REGISTER_URL),
  REGISTER_CACHE_DIR: z.string().min(1).default(DEFAULT_REGISTER_CACHE_DIR),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_BODY_BYTES: positiveInt.default(100_000),
  SHUTDOWN_GRACE_MS: positiveInt.default(25_000),
  // Who is asking (see docs/security.md).
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters (HS256 needs a 256-bit secret)').optional(),
  JWT_JWKS_URL: z
    .url({ protocol: /^https?$/, error: 'must be an https URL of a JSON Web Key Set' })
    .refine((u) => u.startsWith('https://') || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/.test(u), 'must be https (plain http only on loopback)')
    .optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_MAX_AGE_S: positiveInt.default(86_400),
  // People's sign-in (OpenID Connect, the API as the client; see docs/sign-in.md). No OIDC_ISSUER: the local demo provider.
  OIDC_ISSUER: httpsUrl('must be the https URL of an OpenID provider (its issuer identifier)').optional(),
  OIDC_CLIENT_ID: z.string().min(1).default('smart-city-graph'),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_CLIENT_AUTH: z.enum(['client_secret_basic', 'client_secret_post']).default('client_secret_basic'),
  OIDC_SCOPES: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'must be scopes separated by single spaces').default('openid profile email'),
  OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
  // The address people reach the API at; the callback and the CSRF origin check follow from it.
  PUBLIC_URL: httpsUrl('must be the https URL people reach the API at (plain http only on loopback)').optional(),
  OIDC_REDIRECT_URI: httpsUrl('must be an https URL ending in /auth/callback').optional(),
  LOCAL_OIDC_PORT: port.default(4001),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters (the session cookie is encrypted with a key derived from it)').optional(),
  SESSION_SECURE: z.enum(['auto', 'on', 'off']).default('auto'),
  SESSION_IDLE_S: positiveInt.default(7_200),
  SESSION_MAX_S: positiveInt.default(43_200),
  API_KEY_CACHE_MS: z.coerce.number().int().min(0).default(10_000),
  API_KEY_DEFAULT_RATE_LIMIT: positiveInt.default(100_000),
  // Abuse limits.
  MAX_DEPTH: positiveInt.default(12),
  MAX_ALIASES: positiveInt.default(20),
  MAX_TOKENS: positiveInt.default(2_000),
  MAX_DIRECTIVES: positiveInt.default(10),
  MAX_COST: positiveInt.default(10_000),
  COST_LIST_SIZE: positiveInt.default(10),
  RATE_LIMIT: z.enum(['on', 'off']).default('on'),
  RATE_LIMIT_WINDOW_S: positiveInt.default(60),
  RATE_LIMIT_ANONYMOUS: positiveInt.default(100_000),
  RATE_LIMIT_SIGNED_IN: positiveInt.default(200_000),
  RATE_LIMIT_AUTH_FAILURES: positiveInt.default(20),
  TRUST_PROXY: z
    .string()
    .regex(/^(false|true|\d{1,2}|loopback|linklocal|uniquelocal|[0-9a-fA-F.:/, ]+)$/, 'must be false, true, a hop count, or addresses/subnets (Express "trust proxy")')
    .default('false'),
});

export interface Config {
  readonly http: {
    readonly port: number;
    readonly host: string;
    readonly maxBodyBytes: number;
    /** After SIGTERM, how long running requests may take before their connections are closed. */
    readonly shutdownGraceMs: number;
    /** Whether GET /graphql in a browser shows the Apollo Sandbox. */
    readonly explorer: boolean;
    /** Origins allowed to call the API from a browser page (CORS). */
    readonly corsOrigins: readonly string[];
    /** The port of GET /metrics, on HOST; undefined: no metrics served. */
    readonly metricsPort: number | undefined;
    /** Caching public answers by the content version. */
    readonly answerCache: { readonly http: boolean; readonly responseCache: boolean; readonly maxAgeSeconds: number };
  };
  readonly neo4j: {
    /** undefined: start and use the project's local Neo4j. */
    readonly uri: string | undefined;
    readonly user: string;
    readonly password: string | undefined;
    readonly database: string;
    readonly queryTimeoutMs: number;
  };
  readonly localNeo4j: { readonly port: number; readonly dir: string; readonly heap: string };
  /** Import the bundled real data (DATA_DIR) when the database holds no municipality yet. */
  readonly importOnEmpty: boolean;
  readonly dataDir: string;
  readonly register: RegisterConfig;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly auth: AuthConfig;
  readonly signIn: SignInConfig;
  readonly limits: LimitsConfig;
  /** Express's "trust proxy": which proxies' X-Forwarded-For to believe for the client's IP. */
  readonly trustProxy: boolean | number | string;
}

export interface RegisterConfig {
  /** An explicit workbook (REGISTER_FILE), used as given; undefined: the cache, the mirror, else a download. */
  readonly file: string | undefined;
  /** Where to download the workbook from when it is nowhere here. */
  readonly url: string;
  /** Where downloads are kept (git-ignored); relative to the project folder unless absolute. */
  readonly cacheDir: string;
}

export interface AuthConfig {
  /** HS256 shared secret; or */
  readonly jwtSecret: string | undefined;
  /** a JWKS endpoint (RS256, ES256, PS256, EdDSA). At most one of the two; neither: no bearer tokens. */
  readonly jwksUrl: string | undefined;
  readonly issuer: string | undefined;
  readonly audience: string | undefined;
  /** Oldest accepted token (by its `iat`), whatever its `exp` says. */
  readonly maxAgeSeconds: number;
  /** How long a verified API key is trusted before it is looked up again (revocation delay on other instances). */
  readonly apiKeyCacheMs: number;
  readonly apiKeyDefaultRateLimit: number;
}

/** People's sign-in: the API is the OpenID Connect client, the browser holds only a session cookie. */
export interface SignInConfig {
  /** The provider; undefined: the local demo provider on `localPort` (never in production). */
  readonly issuer: string | undefined;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  readonly clientAuth: 'client_secret_basic' | 'client_secret_post';
  readonly scopes: string;
  readonly emailClaim: string;
  /** Where people reach the API (its origin is the one the CSRF check accepts besides CORS_ORIGINS). */
  readonly publicUrl: string;
  readonly redirectUri: string;
  readonly localPort: number;
  /** undefined: a random one per process (sessions then end with the process and are not shared). */
  readonly sessionSecret: string | undefined;
  /** The cookie's Secure flag (and its `__Host-` name). */
  readonly secureCookie: boolean;
  readonly idleSeconds: number;
  readonly maxSeconds: number;
}

export interface LimitsConfig {
  readonly maxDepth: number;
  readonly maxAliases: number;
  readonly maxTokens: number;
  readonly maxDirectives: number;
  /** Largest cost of one operation (see src/limits/cost.ts). */
  readonly maxCost: number;
  /** The size the cost assumes for a list without a `first` argument. */
  readonly costListSize: number;
  readonly rateLimit: {
    readonly enabled: boolean;
    readonly windowSeconds: number;
    /** Cost points per window for one IP address without credentials. */
    readonly anonymous: number;
    /** Cost points per window for one signed-in person (bearer token). API keys carry their own. */
    readonly signedIn: number;
    /** Refused credentials per window per client address before it is turned away unheard. */
    readonly authFailures: number;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most shells' and CI systems' habits.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.LOCAL_NEO4J === 'off' && e.NEO4J_URI === undefined) {
    // A container or a server has no Java and Maven to start one: say so rather than try.
    throw new ConfigError(['NEO4J_URI: required when LOCAL_NEO4J=off (this installation starts no Neo4j of its own)']);
  }
  if (e.JWT_SECRET !== undefined && e.JWT_JWKS_URL !== undefined) {
    throw new ConfigError(['JWT_SECRET, JWT_JWKS_URL: set one of them, not both']);
  }
  if (e.JWT_JWKS_URL !== undefined && (e.JWT_ISSUER === undefined || e.JWT_AUDIENCE === undefined)) {
    // An identity provider signs tokens for many apps: only ours may be let in.
    throw new ConfigError(['JWT_ISSUER, JWT_AUDIENCE: required with JWT_JWKS_URL, so tokens the provider issued for other apps are refused']);
  }
  if (e.OIDC_ISSUER !== undefined && e.OIDC_CLIENT_SECRET === undefined) {
    throw new ConfigError(['OIDC_CLIENT_SECRET: required with OIDC_ISSUER (the API is a confidential client)']);
  }
  if (e.OIDC_ISSUER !== undefined && e.SESSION_SECRET === undefined && e.NODE_ENV === 'production') {
    // Without it each process seals sessions with its own key: a person would be signed out by the load balancer.
    throw new ConfigError(['SESSION_SECRET: required with OIDC_ISSUER in production (every API process must read the same session cookies)']);
  }
  if (e.SESSION_IDLE_S > e.SESSION_MAX_S) throw new ConfigError(['SESSION_IDLE_S: must not be longer than SESSION_MAX_S']);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  const redirectUri = e.OIDC_REDIRECT_URI ?? `${publicUrl}/auth/callback`;
  if (new URL(redirectUri).origin !== new URL(publicUrl).origin) {
    // The callback sets the session cookie: on another origin the app would never see it.
    throw new ConfigError(['OIDC_REDIRECT_URI: must be on the origin of PUBLIC_URL']);
  }
  const secureCookie = e.SESSION_SECURE === 'auto' ? publicUrl.startsWith('https://') : e.SESSION_SECURE === 'on';
  return Object.freeze({
    http: Object.freeze({
      port: e.PORT,
      host: e.HOST,
      maxBodyBytes: e.MAX_BODY_BYTES,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
      explorer: (e.EXPLORER ?? (e.NODE_ENV === 'production' ? 'off' : 'on')) === 'on',
      corsOrigins: Object.freeze(e.CORS_ORIGINS),
      metricsPort: e.METRICS === 'on' ? e.METRICS_PORT : undefined,
      answerCache: Object.freeze({ http: e.HTTP_CACHE === 'on', responseCache: e.RESPONSE_CACHE === 'on', maxAgeSeconds: e.CACHE_MAX_AGE }),
    }),
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    }),
    localNeo4j: Object.freeze({ port: e.LOCAL_NEO4J_PORT, dir: e.LOCAL_NEO4J_DIR, heap: e.LOCAL_NEO4J_HEAP }),
    importOnEmpty: e.IMPORT_ON_EMPTY === 'auto',
    dataDir: e.DATA_DIR,
    register: Object.freeze({ file: e.REGISTER_FILE, url: e.REGISTER_URL, cacheDir: e.REGISTER_CACHE_DIR }),
    logLevel: e.LOG_LEVEL,
    auth: Object.freeze({
      jwtSecret: e.JWT_SECRET,
      jwksUrl: e.JWT_JWKS_URL,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      maxAgeSeconds: e.JWT_MAX_AGE_S,
      apiKeyCacheMs: e.API_KEY_CACHE_MS,
      apiKeyDefaultRateLimit: e.API_KEY_DEFAULT_RATE_LIMIT,
    }),
    signIn: Object.freeze({
      issuer: e.OIDC_ISSUER,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      clientAuth: e.OIDC_CLIENT_AUTH,
      scopes: e.OIDC_SCOPES,
      emailClaim: e.OIDC_EMAIL_CLAIM,
      publicUrl,
      redirectUri,
      localPort: e.LOCAL_OIDC_PORT,
      sessionSecret: e.SESSION_SECRET,
      secureCookie,
      idleSeconds: e.SESSION_IDLE_S,
      maxSeconds: e.SESSION_MAX_S,
    }),
    limits: Object.freeze({
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxTokens: e.MAX_TOKENS,
      maxDirectives: e.MAX_DIRECTIVES,
      maxCost: e.MAX_COST,
      costListSize: e.COST_LIST_SIZE,
      rateLimit: Object.freeze({
        enabled: e.RATE_LIMIT === 'on',
        windowSeconds: e.RATE_LIMIT_WINDOW_S,
        anonymous: e.RATE_LIMIT_ANONYMOUS,
        signedIn: e.RATE_LIMIT_SIGNED_IN,
        authFailures: e.RATE_LIMIT_AUTH_FAILURES,
      }),
    }),
    trustProxy: trustProxy(e.TRUST_PROXY),
  });
}

const trustProxy = (value: string): boolean | number | string =>
  value === 'false' ? false : value === 'true' ? true : /^\d+$/.test(value) ? Number(value) : value;
