// Caching whole answers by the content version, for the reads of public data
// (anonymous callers and API keys; never a signed-in person):
//
// - HTTP: a GET of such a read answers with an ETag made of the request's URL
//   (operation, variables, extensions), the viewer's class, the content
//   version and the day in Germany, and `Cache-Control: public, max-age=N`;
//   `If-None-Match` with the ETag of now gets 304 before any GraphQL work. A
//   write that changed anything moves the content version, so the next
//   request's ETag differs (src/db/data-version.ts).
// - In process: Apollo's response cache, keyed by the operation, its
//   variables and the same version, class and day.
//
// Which answers are public is said by Apollo's `@cacheControl` hints in the
// schema (every field may be kept for N seconds unless it says `maxAge: 0`:
// the viewer, the analytics, the API keys). Answers with errors, and every
// answer to a signed-in person, are never kept (`private, no-store`, set in
// server.ts for any request with credentials).
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControl } from '@apollo/server/plugin/cacheControl';
import ApolloServerPluginResponseCache from '@apollo/server-plugin-response-cache';
import type { NextFunction, Request, Response } from 'express';
import type { Viewer } from './auth/viewer.js';
import { READ_CONTENT_VERSION } from './db/data-version.js';
import type { Database } from './db/database.js';
import { ApiError } from './errors.js';
import type { AnswerCacheKey, Context } from './features/context.js';
import { today } from './kernel/time.js';
import { metrics } from './metrics.js';

export interface AnswerCacheOptions {
  /** ETag, 304 and `Cache-Control: public` on GET (HTTP_CACHE). */
  http: boolean;
  /** Apollo's in-process response cache (RESPONSE_CACHE). */
  responseCache: boolean;
  /** How long a browser, a CDN or the response cache may keep a public answer (CACHE_MAX_AGE). */
  maxAgeSeconds: number;
}

export const NO_ANSWER_CACHE: AnswerCacheOptions = Object.freeze({ http: false, responseCache: false, maxAgeSeconds: 60 });

/** Whose answers are the same for everyone of a class: anonymous callers, API keys by role; null for people. */
export const viewerClass = (viewer: Viewer): string | null => (viewer.kind === 'anonymous' ? 'anonymous' : viewer.kind === 'key' ? `key:${viewer.role}` : null);

const etagOf = (parts: readonly unknown[]) => `W/"${createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 32)}"`;

/**
 * The ETags this process has given to cacheable public answers (the last 10,000). Only a GET naming one of
 * them may be answered 304 before GraphQL runs: an ETag is worked out for every GET, also for a mutation, a
 * syntax error or `viewer`, which never got one and must run (and be charged) as asked. Another process's
 * ETag is answered in full the first time, which is only slower.
 */
export class IssuedEtags {
  private readonly issued = new LRUCache<string, true>({ max: 10_000 });
  add(etag: string): void {
    this.issued.set(etag, true);
  }
  has(etag: string): boolean {
    return this.issued.has(etag);
  }
}

/**
 * Whether an If-None-Match header names `etag` (a list; weak comparison, RFC 9110 §13.1.2). `*` names no
 * answer here: it means "any current representation", and whether there is one is known only once the
 * operation has run.
 */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare);
}

/**
 * Express middleware after authentication: for a read that may be cached, reads the content version
 * (one small statement) and keeps the key in `res.locals.answerCache`; a GET whose If-None-Match
 * names the ETag of now is answered 304 here. When the version cannot be read (the database is away),
 * the request goes on uncached and GraphQL gives the error it would give.
 */
export function answerCacheMiddleware(db: Database, options: AnswerCacheOptions, issued: IssuedEtags) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const klass = viewerClass(res.locals.viewer as Viewer);
    const get = req.method === 'GET';
    // A GET without an operation is the Sandbox page or a protocol error: nothing to keep.
    const operation = get ? typeof req.query.query === 'string' || typeof req.query.extensions === 'string' : req.method === 'POST';
    // An answer to a refused credential carries its notice: never one kept for others.
    if (klass === null || res.locals.refusedCredential !== undefined || !operation || !((get && options.http) || options.responseCache)) {
      next();
      return;
    }
    let version: number;
    try {
      const [row] = await db.read('answerCache.version', (tx) => tx.run<{ version: number }>(READ_CONTENT_VERSION));
      version = row?.version ?? 0;
    } catch (error) {
      // The database is away: the operation would wait for it a second time (the driver's retries), so a
      // cached reader would wait twice as long as anyone else. Answered now, as a person's request is.
      if (error instanceof ApiError && error.extensions.code === 'SERVICE_UNAVAILABLE') {
        next(error);
        return;
      }
      next();
      return;
    }
    const day = today();
    const etag = get && options.http ? etagOf([req.originalUrl, klass, version, day]) : null;
    const key: AnswerCacheKey = { version, day, viewerClass: klass, etag };
    res.locals.answerCache = key;
    if (etag !== null && issued.has(etag) && matches(req.headers['if-none-match'], etag)) {
      metrics.answerCache('not-modified');
      res.setHeader('etag', etag);
      res.setHeader('cache-control', `public, max-age=${options.maxAgeSeconds}`);
      res.status(304).end();
      return;
    }
    next();
  };
}

/**
 * The Apollo plugins: the cache hints worked out (only for requests that may be cached, so no other
 * request pays for a hook on every field), the HTTP headers of a GET, and the response cache.
 */
export function answerCachePlugins(options: AnswerCacheOptions, issued: IssuedEtags): ApolloServerPlugin<Context>[] {
  if (!options.http && !options.responseCache) return [];
  const hints = ApolloServerPluginCacheControl({ defaultMaxAge: options.maxAgeSeconds, calculateHttpHeaders: false });
  const headers: ApolloServerPlugin<Context> = {
    serverWillStart: async (service) => {
      await hints.serverWillStart?.(service);
    },
    async requestDidStart(requestContext) {
      const key = requestContext.contextValue.answerCache;
      if (!key) return {};
      const listener = await hints.requestDidStart?.(requestContext);
      return {
        ...listener,
        willSendResponse({ response, overallCachePolicy }) {
          // Only anonymous answers go to HTTP caches: one to a credential keeps `private, no-store` (server.ts).
          if (key.etag === null || requestContext.contextValue.viewer.kind !== 'anonymous') return Promise.resolve();
          const policy = overallCachePolicy.policyIfCacheable();
          if (response.body.kind === 'single' && !response.body.singleResult.errors && policy?.scope === 'PUBLIC') {
            response.http.headers.set('cache-control', `public, max-age=${policy.maxAge}`);
            response.http.headers.set('etag', key.etag);
            issued.add(key.etag);
          } else {
            response.http.headers.set('cache-control', 'no-store');
          }
          return Promise.resolve();
        },
      };
    },
  };
  if (!options.responseCache) return [headers];
  const cached = (requestContext: { contextValue: Context }) => Promise.resolve(Boolean(requestContext.contextValue.answerCache));
  const responseCache = ApolloServerPluginResponseCache<Context>({
    // Asked before shouldReadFromCache: a request that may not be cached has no key and gets none.
    extraCacheKeyData: ({ contextValue: { answerCache: key } }) => Promise.resolve(key ? { version: key.version, day: key.day, viewer: key.viewerClass } : null),
    shouldReadFromCache: cached,
    shouldWriteToCache: cached,
  });
  const counted: ApolloServerPlugin<Context> = {
    requestDidStart({ contextValue }) {
      if (!contextValue.answerCache) return Promise.resolve();
      return Promise.resolve({
        willSendResponse({ metrics: requestMetrics }) {
          metrics.answerCache(requestMetrics.responseCacheHit ? 'hit' : 'miss');
          return Promise.resolve();
        },
      });
    },
  };
  return [headers, responseCache, counted];
}
