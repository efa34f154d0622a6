// Every area of the API, in one list: the composition root (src/context.ts,
// src/schema.ts, src/caches.ts) builds from it. To add an area: a folder in
// src/features/ with an index.ts that registers it (see features/context.ts),
// and one line here.
import type { Area, Caches, Loaders, NodeLoader, Repositories, Services } from './features/context.js';
import { accessArea } from './features/access/index.js';
import { contactArea } from './features/contact/index.js';
import { contactPointArea } from './features/contact-point/index.js';
import { discoveryArea } from './features/discovery/index.js';
import { eventArea } from './features/event/index.js';
import { indexRankArea } from './features/index-rank/index.js';
import { measureArea } from './features/measure/index.js';
import { municipalityArea } from './features/municipality/index.js';
import { organizationArea } from './features/organization/index.js';
import { programmeArea } from './features/programme/index.js';
import { projectArea } from './features/project/index.js';
import { reachArea } from './features/reach/index.js';
import { registerArea } from './features/register/index.js';
import { solutionArea } from './features/solution/index.js';
import { topicArea } from './features/topic/index.js';
import type { NodeType } from './kernel/global-id.js';

export const AREAS = [
  municipalityArea,
  projectArea,
  topicArea,
  contactArea,
  organizationArea,
  eventArea,
  measureArea,
  programmeArea,
  solutionArea,
  contactPointArea,
  indexRankArea,
  registerArea,
  discoveryArea,
  reachArea,
  accessArea,
] as const;

type AnyArea = (typeof AREAS)[number];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;
/** What the areas' `key` factories return, all together. */
type Provided<K extends keyof Area> = UnionToIntersection<AnyArea extends infer A ? (A extends { [P in K]: (...args: never[]) => infer R } ? R : never) : never>;
/** Keys of `Wanted` that no area provides: must be `never`, or the line below does not compile. */
type Missing<Wanted, K extends keyof Area> = Exclude<keyof Wanted, keyof Provided<K>>;
type NodesProvided = UnionToIntersection<AnyArea extends infer A ? (A extends { nodes: infer N } ? N : never) : never>;

// The compiler's check that every declared member is provided by an area.
const everyMemberProvided: [Missing<Repositories, 'repositories'>, Missing<Loaders, 'loaders'>, Missing<Services, 'services'>, Missing<Caches, 'caches'>, Exclude<NodeType, keyof NodesProvided>] extends [never, never, never, never, never] ? true : never = true;
void everyMemberProvided;

const merged = <T>(parts: readonly (Partial<T> | undefined)[]): T => Object.assign({}, ...parts) as T;

export const areaResolvers = () => AREAS.map((area) => area.resolvers);
export const createCaches = (): Caches => merged<Caches>(AREAS.map((area) => ('caches' in area ? area.caches() : undefined)));
export const areaRepositories = (deps: Parameters<NonNullable<Area['repositories']>>[0]): Repositories =>
  merged<Repositories>(AREAS.map((area) => ('repositories' in area ? area.repositories(deps) : undefined)));
export const areaLoaders = (repos: Repositories): Loaders => merged<Loaders>(AREAS.map((area) => ('loaders' in area ? area.loaders(repos) : undefined)));
export const areaServices = (deps: Parameters<NonNullable<Area['services']>>[0]): Services =>
  merged<Services>(AREAS.map((area) => ('services' in area ? area.services(deps) : undefined)));
export const NODE_LOADERS: Readonly<Record<NodeType, NodeLoader>> = merged<Record<NodeType, NodeLoader>>(AREAS.map((area) => ('nodes' in area ? area.nodes : undefined)));
