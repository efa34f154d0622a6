// The per-request context: who is asking, the repositories over this
// request's database view, and fresh DataLoaders (never shared between requests).
import type { Logger } from 'pino';
import type { ApiKeys } from './auth/api-keys.js';
import type { RateLimits } from './limits/rate-limit.js';
import type { Security } from './security.js';
import { accessOf, type Viewer } from './auth/viewer.js';
import type { Database, RequestBookmarks } from './db/database.js';
import { contactLoaders } from './modules/contact/contact.loaders.js';
import { discoveryRepository } from './modules/discovery/discovery.repository.js';
import { discoveryService } from './modules/discovery/discovery.service.js';
import { reachRepository } from './modules/reach/reach.repository.js';
import { reachService } from './modules/reach/reach.service.js';
import type { DerivedCaches } from './caches.js';
import { contactRepository } from './modules/contact/contact.repository.js';
import { eventLoaders } from './modules/event/event.loaders.js';
import { eventRepository } from './modules/event/event.repository.js';
import { municipalityLoaders } from './modules/municipality/municipality.loaders.js';
import { municipalityRepository } from './modules/municipality/municipality.repository.js';
import { organizationLoaders } from './modules/organization/organization.loaders.js';
import { organizationRepository } from './modules/organization/organization.repository.js';
import { projectLoaders } from './modules/project/project.loaders.js';
import { projectRepository } from './modules/project/project.repository.js';
import { topicLoaders } from './modules/topic/topic.loaders.js';
import { topicRepository } from './modules/topic/topic.repository.js';
import { measureLoaders } from './modules/measure/measure.loaders.js';
import { measureRepository } from './modules/measure/measure.repository.js';
import { registerRepository } from './modules/register/register.repository.js';


/** The repositories as `viewer` sees the graph: reads apply the privacy rule, writes the guards. */
export function createRepositories(db: Database, viewer: Viewer, caches: DerivedCaches) {
  const access = accessOf(viewer);
  return {
    municipalities: municipalityRepository(db, access),
    projects: projectRepository(db, access),
    topics: topicRepository(db, access),
    contacts: contactRepository(db, access),
    organizations: organizationRepository(db, access),
    events: eventRepository(db, access),
    measures: measureRepository(db),
    register: registerRepository(db),
    discovery: discoveryRepository(db, access, caches.profiles),
    reach: reachRepository(db),
  };
}
export type Repositories = ReturnType<typeof createRepositories>;

export function createLoaders(repos: Repositories) {
  const loaders = {
    ...municipalityLoaders(repos.municipalities),
    ...projectLoaders(repos.projects),
    ...topicLoaders(repos.topics),
    ...contactLoaders(repos.contacts),
    ...organizationLoaders(repos.organizations),
    ...eventLoaders(repos.events),
    ...measureLoaders(repos.measures),
  };
  return loaders;
}
export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  requestId: string;
  /** The client's bookmarks (signed-in people only) and those of this request's writes (sent back as Neo4j-Bookmark). */
  bookmarks: RequestBookmarks;
  /** Who is asking (authenticated before the operation is even parsed). */
  viewer: Viewer;
  /** The client's address, for the per-IP rate limit. */
  ip: string;
  /** API key administration. */
  apiKeys: ApiKeys;
  /** The caller's rate-limit budget (for `Query.viewer`). */
  rateLimits: RateLimits;
  log: Logger;
  repos: Repositories;
  loaders: Loaders;
  /** Peers and similar projects: scoring over what the discovery statements return. */
  discovery: ReturnType<typeof discoveryService>;
  /** Network reach over the process's cached snapshot. */
  reach: ReturnType<typeof reachService>;
}

export interface RequestInfo {
  requestId: string;
  bookmarks: RequestBookmarks;
  viewer: Viewer;
  ip: string;
  log: Logger;
}

export function createContext(db: Database, request: RequestInfo, caches: DerivedCaches, security: Pick<Security, 'apiKeys' | 'rateLimits'>): Context {
  const { log } = request;
  const repos = createRepositories(db, request.viewer, caches);
  const loaders = createLoaders(repos);
  return {
    ...request,
    apiKeys: security.apiKeys,
    rateLimits: security.rateLimits,
    repos,
    loaders,
    discovery: discoveryService(repos.discovery),
    reach: reachService(
      repos.reach,
      caches.reach,
      async (slug) => (await loaders.project.load(slug)) !== null,
      (error) => log.error({ err: error }, 'reach network analysis failed'),
    ),
  };
}

/** After a write, what the loaders cached in this request may be stale: forget it all. */
export function forgetCached(context: Context): void {
  for (const loader of Object.values(context.loaders)) loader.clearAll();
}
