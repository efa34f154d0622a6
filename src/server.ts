// Builds the Apollo server and the HTTP app from their dependencies. No
// listen here: index.ts listens, the tests reuse the same objects.
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import compression from 'compression';
import cors from 'cors';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { ANONYMOUS, type Viewer } from './auth/viewer.js';
import { createContext, type Context } from './context.js';
import { sealStatements } from './db/cypher.js';
import type { Database, QueryObserver, RequestBookmarks } from './db/database.js';
import type { AnswerCacheKey } from './features/context.js';
import { ApiError, formatError, isInternal, withinRequest } from './errors.js';
import { readiness } from './health.js';
import { answerCacheMiddleware, answerCachePlugins, IssuedEtags, NO_ANSWER_CACHE, type AnswerCacheOptions } from './http-cache.js';
import { depthOf, depthOfText, MAX_JSON_DEPTH, tooDeep } from './limits/json-depth.js';
import { limitsPlugin } from './limits/limits.plugin.js';
import { metrics } from './metrics.js';
import type { DerivedCaches } from './caches.js';
import type { Sessions } from './http/session.js';
import { buildResolvers, loadTypeDefs, printContract } from './schema.js';
import type { Security } from './security.js';
import { serveWeb } from './web.js';

export interface ServerDeps {
  db: Database;
  log: Logger;
  maxBodyBytes: number;
  /** Sees every statement a request sends, with the request's id (round-trip counting in tests and benchmarks). */
  observeQueries?: (requestId: string) => QueryObserver;
  /** The process's caches of derived data (reach snapshot, peer profiles); one set per API process. */
  caches: DerivedCaches;
  security: Security;
  /** Express "trust proxy": whose X-Forwarded-For names the client (for the per-IP rate limit). */
  trustProxy?: boolean | number | string;
  /** The built web app (default web/dist/). */
  webDir?: string;
  /** Whether GET /graphql in a browser shows the Apollo Sandbox (default: yes). */
  explorer?: boolean;
  /** Origins whose pages may call the API from a browser (CORS; default: none). */
  corsOrigins?: readonly string[];
  /** Caching public answers by the content version (src/http-cache.ts; default: off). */
  answerCache?: AnswerCacheOptions;
  /** People's sign-in and sessions (src/http/session.ts; default: none, only bearer tokens and API keys). */
  sessions?: Sessions;
}

/** Logs internal errors with the request id, and puts the request id into every error a client gets. */
const errorPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      didEncounterErrors({ errors, contextValue }) {
        for (const error of errors) {
          if (!isInternal(error)) continue;
          const log = contextValue?.log;
          log?.error({ err: error.originalError ?? error, path: error.path }, 'internal error');
        }
        return Promise.resolve();
      },
      willSendResponse({ response, contextValue }) {
        if (response.body.kind !== 'single' || !response.body.singleResult.errors || !contextValue) return Promise.resolve();
        const requestId = contextValue.requestId;
        response.body.singleResult.errors = response.body.singleResult.errors.map((e) => ({
          ...e,
          extensions: { ...e.extensions, requestId },
        }));
        return Promise.resolve();
      },
    });
  },
};

/** Each GraphQL request counted by operation name and result, with its latency (src/metrics.ts). */
const metricsPlugin: ApolloServerPlugin<Context> = {
  requestDidStart({ request }) {
    const started = process.hrtime.bigint();
    return Promise.resolve({
      willSendResponse({ response, operation }) {
        const body = response.body.kind === 'single' ? response.body.singleResult : null;
        const code = body?.errors?.[0]?.extensions?.code;
        metrics.request(operation?.name?.value ?? request.operationName, typeof code === 'string' ? code : 'OK', Number(process.hrtime.bigint() - started) / 1e9);
        return Promise.resolve();
      },
    });
  },
};

/**
 * Read-your-writes across replicas: a request that wrote answers with its
 * bookmarks in the Neo4j-Bookmark header; the client sends them back with its
 * next request, whichever replica gets it, and that request's reads wait until
 * the database they run on has the write.
 */
export const BOOKMARK_HEADER = 'neo4j-bookmark';

const bookmarkPlugin: ApolloServerPlugin<Context> = {
  requestDidStart() {
    return Promise.resolve({
      willSendResponse({ response, contextValue }) {
        const written = contextValue?.bookmarks.written ?? [];
        if (written.length > 0) response.http.headers.set(BOOKMARK_HEADER, written.join(','));
        return Promise.resolve();
      },
    });
  },
};

/**
 * Bookmarks as Neo4j 5 issues them ("FB:" and base64): a few, each short; anything else is refused before
 * it reaches the database (whose parser fails on other shapes with an unknown error, not a client error).
 */
export function parseBookmarks(value: string): string[] | undefined {
  const bookmarks = value.split(',').map((b) => b.trim());
  return bookmarks.length <= 10 && bookmarks.every((b) => /^FB:[A-Za-z0-9+/_-]{4,250}={0,2}$/.test(b)) ? bookmarks : undefined;
}

/** graphql-armor begins its refusals with "Syntax Error:" although the syntax is fine: they are limits. */
const notASyntaxError = (_: unknown, error: GraphQLError) => {
  error.message = error.message.replace(/^Syntax Error: /, 'Refused by a limit: ');
};

export function createApollo(
  security: Security,
  { explorer = true, answerCache = NO_ANSWER_CACHE, issuedEtags = new IssuedEtags(), log }: { explorer?: boolean; answerCache?: AnswerCacheOptions; issuedEtags?: IssuedEtags; log?: Logger } = {},
): ApolloServer<Context> {
  const { limits } = security;
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, onReject: [notASyntaxError] },
    // Every alias counts, `__typename` too (armor leaves it out by default: 500 of them would pass).
    maxAliases: { n: limits.maxAliases, allowList: [], onReject: [notASyntaxError] },
    // Tokens are counted by graphql-js's own parser (parseOptions below): a clean GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: limits.maxDirectives, onReject: [notASyntaxError] },
    // Ours multiplies by page sizes and feeds the rate limit (src/limits/cost.ts).
    costLimit: { enabled: false },
    // Suggestions are hidden from anonymous callers only (src/limits/limits.plugin.ts).
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const apollo = new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Allowed here, refused to anonymous callers by the limits plugin.
    introspection: true,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: limits.maxTokens },
    // index.ts owns shutdown (stop accepting, drain, close the driver); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    // What Apollo itself reports (an error thrown by a plugin, say) goes to the service's log, not the console.
    ...(log ? { logger: log } : {}),
    plugins: [
      ...(armor.plugins as ApolloServerPlugin<Context>[]),
      limitsPlugin(limits, security.rateLimits),
      explorer ? ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }) : ApolloServerPluginLandingPageDisabled(),
      errorPlugin,
      bookmarkPlugin,
      metricsPlugin,
      // The cache hints are worked out by answerCachePlugins, only for the requests that may be cached: Apollo's
      // own installation would hook into every field of every request.
      ...answerCachePlugins(answerCache, issuedEtags),
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
    ],
  });
  // Every Cypher statement exists by now; none can be built from a request's values (src/db/cypher.ts).
  sealStatements();
  return apollo;
}

/** A client's own request id is kept when it is sane; otherwise we make one. */
const requestIdOf = (header: string | string[] | undefined) =>
  typeof header === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : randomUUID();

export function contextFor(
  deps: ServerDeps,
  request: { requestId: string; viewer?: Viewer; ip?: string; bookmarks?: readonly string[]; answerCache?: AnswerCacheKey; refusedCredential?: string },
): Context {
  const bookmarks: RequestBookmarks = { given: request.bookmarks ?? [], written: [] };
  const forRequest = deps.db.withBookmarks(bookmarks);
  const db = deps.observeQueries ? forRequest.observed(deps.observeQueries(request.requestId)) : forRequest;
  return createContext(
    db,
    {
      requestId: request.requestId,
      bookmarks,
      viewer: request.viewer ?? ANONYMOUS,
      ip: request.ip ?? 'unknown',
      log: deps.log.child({ requestId: request.requestId }),
      ...(request.answerCache ? { answerCache: request.answerCache } : {}),
      ...(request.refusedCredential !== undefined ? { refusedCredential: request.refusedCredential } : {}),
    },
    deps.caches,
    deps.security,
  );
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/** A GraphQL-shaped error answer for what is refused before GraphQL runs. */
function refuse(res: Response, error: GraphQLError, requestId: string): void {
  const code = String(error.extensions.code);
  metrics.refusedBeforeGraphql(code);
  const { http: _http, ...extensions } = error.extensions;
  if (code === 'UNAUTHENTICATED') res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
  if (typeof extensions.retryAfterSeconds === 'number') res.setHeader('retry-after', String(extensions.retryAfterSeconds));
  res.status(STATUS[code] ?? 400).json({ errors: [{ message: error.message, extensions: { ...extensions, requestId } }] });
}

const header = (req: Request, name: string) => {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
};

/** The id part of something shaped like an API key (`scg_<id>_…`), to count refusals per key. */
const apiKeyId = (key: string | undefined) => (key === undefined ? null : (/^scg_([0-9a-f]{16})_/.exec(key.trim())?.[1] ?? null));

const PROBES = new Set(['/health', '/ready']);

/**
 * Every request gets an id (the client's own X-Request-Id when sane), echoed
 * in the response header, on every log line written for it, and in its
 * errors; one line when it ends (probes only at debug level: they come every
 * few seconds).
 */
function tagRequest(log: Logger) {
  return (req: Request, res: Response, next: NextFunction) => {
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('x-request-id', requestId);
    res.locals.requestId = requestId;
    const requestLog = log.child({ requestId });
    res.locals.log = requestLog;
    const started = process.hrtime.bigint();
    // Read now: routers mounted on a path change req.path while they run.
    const { method, path } = req;
    res.once('close', () => {
      const entry = { method, path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6, ...(res.writableFinished ? {} : { aborted: true }) };
      if (PROBES.has(path)) requestLog.debug(entry, 'request');
      else requestLog.info(entry, 'request');
    });
    withinRequest(requestId, next);
  };
}

/**
 * Before GraphQL: who is asking (a refused credential reads as anonymous, with
 * a notice, and may not write), and whether their rate-limit budget is already spent.
 */
function admit(deps: ServerDeps) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const requestId = res.locals.requestId as string;
    const ip = req.ip ?? 'unknown';
    const refused = (error: unknown): error is GraphQLError => error instanceof GraphQLError && !isInternal(error, error.extensions.code);
    const authorization = header(req, 'authorization');
    const apiKey = header(req, 'x-api-key');
    let viewer: Viewer;
    // Explicit credentials win: an app's request carries no cookie, and one that does is judged by its header.
    const session = authorization === undefined && apiKey === undefined ? await deps.sessions?.lookup(req, res) : undefined;
    const origin = header(req, 'origin');
    if (session && 'viewer' in session && origin !== undefined && !deps.sessions!.allowsOrigin(origin)) {
      // CSRF: a cookie goes with requests from any page; only our own pages (and CORS_ORIGINS) may use it.
      refuse(res, new ApiError('FORBIDDEN', `A request signed in by the session cookie must come from this site's own pages, not from ${origin}.`), requestId);
      return;
    }
    if (session && 'ended' in session) res.locals.refusedCredential = session.ended;
    try {
      viewer = session && 'viewer' in session ? session.viewer : await deps.security.authenticate({ authorization, apiKey });
    } catch (error) {
      if (!refused(error)) throw error;
      // Refused credentials are throttled (by address and by key id), valid ones never (rate-limit.ts).
      const throttled = error.extensions.code === 'UNAUTHENTICATED' ? await deps.security.rateLimits.refusedCredential(ip, apiKeyId(apiKey)) : null;
      if (error.extensions.code === 'UNAUTHENTICATED') metrics.refusedCredential(throttled !== null);
      if (throttled) await new Promise((resolve) => setTimeout(resolve, throttled.delayMs));
      if (throttled || error.extensions.code !== 'UNAUTHENTICATED') {
        refuse(res, throttled?.refusal ?? error, requestId);
        return;
      }
      // An expired or refused credential never breaks reading what anyone may read: the request goes on as
      // anonymous, its answer says why (limits.plugin.ts), and a write is refused there.
      viewer = ANONYMOUS;
      res.locals.refusedCredential = error.message;
      res.setHeader('www-authenticate', 'Bearer error="invalid_token"');
    }
    try {
      await deps.security.rateLimits.check(viewer, ip);
    } catch (error) {
      if (!refused(error)) throw error;
      refuse(res, error, requestId);
      return;
    }
    // Only people write, so only their bookmarks matter; nobody else can make a request wait for one.
    const bookmarkHeader = header(req, BOOKMARK_HEADER);
    if (bookmarkHeader !== undefined && viewer.kind === 'person') {
      const bookmarks = parseBookmarks(bookmarkHeader);
      if (bookmarks === undefined) {
        refuse(res, new ApiError('BAD_USER_INPUT', 'The Neo4j-Bookmark header must be the value a previous response gave.'), requestId);
        return;
      }
      res.locals.bookmarks = bookmarks;
    }
    res.locals.viewer = viewer;
    res.locals.viewerByCookie = session !== undefined && session !== null && 'viewer' in session;
    res.locals.ip = ip;
    next();
  };
}

/** Variables or extensions nested deeper than any input of the schema: BAD_USER_INPUT before anything recurses into them. */
function refuseDeepJson(req: Request, res: Response, next: NextFunction): void {
  const query = req.query as Record<string, unknown>;
  const depth = Math.max(
    depthOf(req.body),
    ...[query.variables, query.extensions].map((text) => (typeof text === 'string' ? depthOfText(text) : 0)),
  );
  if (depth > MAX_JSON_DEPTH) {
    (res.locals.log as Logger).warn({ depth }, 'request JSON nested too deeply');
    refuse(res, tooDeep(depth), res.locals.requestId as string);
    return;
  }
  next();
}

/** An answer that depends on who asks is never kept by a browser or a shared cache. */
function noStoreForCredentials(req: Request, res: Response, next: NextFunction): void {
  res.vary('authorization').vary('x-api-key').vary('cookie');
  if (req.headers.authorization !== undefined || req.headers['x-api-key'] !== undefined || res.locals.viewerByCookie === true) res.setHeader('cache-control', 'private, no-store');
  next();
}

export interface App {
  app: Express;
  apollo: ApolloServer<Context>;
  /** From now on /ready answers 503 (shutdown has begun), so load balancers send nothing new. */
  stopping(): void;
}

/**
 * The HTTP app: the web app at /, GraphQL (with the Sandbox explorer on GET) at /graphql, the
 * SDL at /schema.graphql, liveness at /health, readiness at /ready.
 */
export async function createApp(deps: ServerDeps): Promise<App> {
  // The ETags the answers were given, which alone may be answered 304 before GraphQL runs (http-cache.ts).
  const issuedEtags = new IssuedEtags();
  const apollo = createApollo(deps.security, { explorer: deps.explorer ?? true, answerCache: deps.answerCache, issuedEtags, log: deps.log });
  await apollo.start();
  const sdl = printContract();
  const state = { stopping: false };
  let wasReady = true;

  const app = express();
  app.disable('x-powered-by');
  // Express would tag every answer with a hash of its body, POSTs and people's answers too; the ETags
  // the API gives are its own (http-cache.ts), made before any work is done. Static files keep theirs.
  app.disable('etag');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(tagRequest(deps.log));
  // nosniff, frame and referrer policies and the rest of helmet's defaults on every answer; the content
  // security policy only on the web app's pages (web.ts): the Sandbox page loads Apollo's own scripts.
  app.use(helmet({ contentSecurityPolicy: false }));
  // Every compressible answer above 1 kB goes out gzip- or brotli-compressed when the client accepts it (the
  // map's positions: 325 kB of JSON). What 304s or stays small is sent as it is.
  app.use(compression({ threshold: 1024 }));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const answer = await readiness(deps.db, state);
    const ready = answer.status === 'ready';
    // Logged once per change, not once per probe.
    if (ready !== wasReady) {
      if (answer.status === 'ready') (res.locals.log as Logger).info('ready again');
      else (res.locals.log as Logger).warn({ reason: answer.reason, err: answer.cause }, 'not ready');
      wasReady = ready;
    }
    // The cause stays in the log (JSON leaves out undefined).
    res.status(ready ? 200 : 503).json({ ...answer, cause: undefined });
  });
  app.get('/schema.graphql', (_req, res) => {
    res.type('text/plain; charset=utf-8').send(sdl);
  });
  app.use(
    '/graphql',
    // Listed origins get CORS headers and their preflight answered; any other origin gets none, so its
    // pages cannot read an answer. Credentials mode is never allowed: other sites' pages use tokens or API
    // keys, never the session cookie. Apollo's CSRF protection stays on: a simple cross-site POST is refused whatever
    // the origin, and admit() checks the Origin of cookie-authenticated requests.
    cors({
      origin: [...(deps.corsOrigins ?? [])],
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'authorization', 'x-api-key', 'x-request-id', 'neo4j-bookmark', 'apollo-require-preflight', 'x-apollo-operation-name'],
      exposedHeaders: ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'cost-requested', 'cost-actual', 'x-request-id', 'neo4j-bookmark'],
      credentials: false,
      maxAge: 600,
    }),
    admit(deps),
    noStoreForCredentials,
    answerCacheMiddleware(deps.db, deps.answerCache ?? NO_ANSWER_CACHE, issuedEtags),
    express.json({ limit: deps.maxBodyBytes }),
    refuseDeepJson,
    expressMiddleware(apollo, {
      context: ({ res }) =>
        Promise.resolve(
          contextFor(deps, {
            requestId: res.locals.requestId as string,
            viewer: res.locals.viewer as Viewer,
            ip: res.locals.ip as string,
            bookmarks: res.locals.bookmarks as string[] | undefined,
            answerCache: res.locals.answerCache as AnswerCacheKey | undefined,
            refusedCredential: res.locals.refusedCredential as string | undefined,
          }),
        ),
    }),
  );
  // People's sign-in (OpenID Connect; the browser gets only the session cookie).
  if (deps.sessions) app.use('/auth', deps.sessions.router);
  // The web app at `/` and its page addresses (after the API's own paths).
  serveWeb(app, deps.webDir);
  // Anything thrown outside GraphQL (e.g. the database down while a key is looked up): masked, logged.
  app.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = res.locals.requestId as string | undefined;
    const log = (res.locals.log as Logger | undefined) ?? deps.log;
    // The database away before GraphQL ran (the answer cache's version read): 503, as admit answers it.
    if (error instanceof GraphQLError && error.extensions.code === 'SERVICE_UNAVAILABLE') {
      refuse(res, error, requestId ?? '');
      return;
    }
    const status = (error as { status?: number }).status;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Express's own refusals (a body over the limit, malformed JSON) keep their status.
      res.status(status).json({ errors: [{ message: (error as Error).message, extensions: { code: 'BAD_REQUEST', requestId } }] });
      return;
    }
    log.error({ err: error }, 'internal error');
    res.status(500).json({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] });
  });
  return {
    app,
    apollo,
    stopping: () => {
      state.stopping = true;
    },
  };
}
