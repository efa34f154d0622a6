// Builds the Apollo server and the HTTP app from their dependencies. No
// listen here: index.ts listens, the tests reuse the same objects.
import { randomUUID } from 'node:crypto';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express } from 'express';
import type { Logger } from 'pino';
import { createContext, type Context } from './context.js';
import type { Database, QueryObserver } from './db/database.js';
import { formatError, isInternal } from './errors.js';
import type { ReachSnapshots } from './modules/reach/reach.service.js';
import { buildResolvers, loadTypeDefs } from './schema.js';

export interface ServerDeps {
  db: Database;
  log: Logger;
  maxBodyBytes: number;
  /** Sees every statement a request sends, with the request's id (round-trip counting in tests and benchmarks). */
  observeQueries?: (requestId: string) => QueryObserver;
  /** The process's reach snapshot cache; one per API process. */
  reachSnapshots: ReachSnapshots;
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

export function createApollo(): ApolloServer<Context> {
  return new ApolloServer<Context>({
    typeDefs: loadTypeDefs(),
    resolvers: buildResolvers(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // index.ts owns shutdown (stop accepting, drain, close the driver); Apollo's own signal handlers would race it.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginLandingPageLocalDefault({ embed: true, footer: false }), errorPlugin],
  });
}

/** A client's own request id is kept when it is sane; otherwise we make one. */
const requestIdOf = (header: string | string[] | undefined) =>
  typeof header === 'string' && /^[A-Za-z0-9._:-]{1,100}$/.test(header) ? header : randomUUID();

export function contextFor(deps: ServerDeps, requestId: string): Context {
  const db = deps.observeQueries ? deps.db.observed(deps.observeQueries(requestId)) : deps.db;
  return createContext(db, requestId, deps.log.child({ requestId }), deps.reachSnapshots);
}

/** The HTTP app: GraphQL (with the Sandbox explorer on GET) at /graphql, liveness at /health. */
export async function createApp(deps: ServerDeps): Promise<{ app: Express; apollo: ApolloServer<Context> }> {
  const apollo = createApollo();
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/', (_req, res) => {
    res.redirect('/graphql');
  });
  app.use(
    '/graphql',
    express.json({ limit: deps.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: ({ req, res }) => {
        const requestId = requestIdOf(req.headers['x-request-id']);
        res.setHeader('x-request-id', requestId);
        return Promise.resolve(contextFor(deps, requestId));
      },
    }),
  );
  return { app, apollo };
}
