// Builds a request's context from the areas (src/areas.ts): who is asking,
// the repositories over this request's database view, fresh DataLoaders
// (never shared between requests) and the services over the process's caches.
// The contract a resolver sees is features/context.ts.
import { areaLoaders, areaRepositories, areaServices } from './areas.js';
import type { ApiKeys } from './auth/api-keys.js';
import { accessOf, type Viewer } from './auth/viewer.js';
import type { Database } from './db/database.js';
import type { Caches, Context, Repositories, RequestInfo } from './features/context.js';
import type { Security } from './security.js';

export type { Context, Loaders, Repositories, RequestInfo } from './features/context.js';

/** The repositories as `viewer` sees the graph: reads apply the privacy rule, writes the guards. */
export const createRepositories = (db: Database, viewer: Viewer, caches: Caches): Repositories => areaRepositories({ db, access: accessOf(viewer), caches });

export function createContext(db: Database, request: RequestInfo, caches: Caches, security: Pick<Security, 'apiKeys' | 'rateLimits'> & { apiKeys: ApiKeys }): Context {
  const repos = createRepositories(db, request.viewer, caches);
  const loaders = areaLoaders(repos);
  return {
    ...request,
    apiKeys: security.apiKeys,
    rateLimits: security.rateLimits,
    repos,
    loaders,
    ...areaServices({ repos, loaders, caches, log: request.log }),
  };
}

/** After a write, what the loaders cached in this request may be stale: forget it all. */
export function forgetCached(context: Context): void {
  for (const loader of Object.values(context.loaders) as { clearAll(): unknown }[]) loader.clearAll();
}
