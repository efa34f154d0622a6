// What every resolver gets, and how an area plugs in.
//
// Each area (a folder beside this file) registers itself in its own
// `index.ts`: it adds its members to Repositories, Loaders, Services and
// Caches below (TypeScript declaration merging) and exports an `Area` with
// its resolvers and the factories for those members. src/areas.ts lists the
// areas and src/context.ts builds a request's context from them; a member an
// area declares but does not provide fails the type check there. Areas never
// import each other: one area reaches another's data through these contracts
// (`context.loaders.municipality`), not through its files.
import type { Logger } from 'pino';
import type { ApiKeys } from '../auth/api-keys.js';
import type { Access, Viewer } from '../auth/viewer.js';
import type { Database, RequestBookmarks } from '../db/database.js';
import type { Resolvers, ResolversParentTypes } from '../generated/graphql.js';
import type { NodeType } from '../kernel/global-id.js';

/** This request's repositories, one set per area (`context.repos.projects`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each area's index.ts
export interface Repositories {}
/** This request's DataLoaders (`context.loaders.project`): fresh per request, cleared after each mutation. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each area's index.ts
export interface Loaders {}
/** Services over the per-process caches (`context.reach`, `context.discovery`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each area's index.ts
export interface Services {}
/** The per-process caches of derived data, one set per API process, each kept per data version (src/db/data-version.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by each area's index.ts
export interface Caches {}

/** What a request knows before any area is involved. */
export interface RequestInfo {
  requestId: string;
  /** The client's bookmarks (signed-in people only) and those of this request's writes (sent back as Neo4j-Bookmark). */
  bookmarks: RequestBookmarks;
  /** Who is asking (authenticated before the operation is even parsed). */
  viewer: Viewer;
  /** The client's address, for the per-IP rate limit. */
  ip: string;
  log: Logger;
  /** For a read of public data that may be cached (src/http-cache.ts): the key its answer is kept under; else absent. */
  answerCache?: AnswerCacheKey;
  /**
   * Why the credential the request carried was refused (expired, revoked, not valid), when it was: the request
   * then reads as anonymous, with a notice in the answer, and a write is refused (limits.plugin.ts).
   */
  refusedCredential?: string;
}

/** What a cached answer is valid for: the content version, the day in Germany, the viewer's class; the ETag of a GET. */
export interface AnswerCacheKey {
  version: number;
  day: string;
  viewerClass: string;
  etag: string | null;
}

export interface Context extends RequestInfo, Services {
  /** API key administration. */
  apiKeys: ApiKeys;
  /** The caller's rate-limit budget (for `Query.viewer`). */
  rateLimits: { budgetOf(viewer: Viewer): number | null };
  repos: Repositories;
  loaders: Loaders;
}

export interface AreaDeps {
  db: Database;
  /** What the viewer may read and write: repositories apply it in their Cypher. */
  access: Access;
  caches: Caches;
}

export interface ServiceDeps {
  repos: Repositories;
  loaders: Loaders;
  caches: Caches;
  log: Logger;
}

/** Loads one node for `node(id:)` by the key its global id carries. */
export type NodeLoader = (loaders: Loaders, key: string) => Promise<ResolversParentTypes['Node'] | null>;

/** One area's registration: everything the composition root needs from it. */
export interface Area {
  resolvers?: Resolvers;
  repositories?: (deps: AreaDeps) => Partial<Repositories>;
  loaders?: (repos: Repositories) => Partial<Loaders>;
  services?: (deps: ServiceDeps) => Partial<Services>;
  caches?: () => Partial<Caches>;
  /** The node types (global-id prefixes) this area answers `node(id:)` for. */
  nodes?: Partial<Record<NodeType, NodeLoader>>;
}

/** Keeps the area's own member types (what it provides), checked against `Area`. */
export const defineArea = <const A extends Area>(area: A): A => area;
