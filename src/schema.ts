// The executable schema: schema/*.graphql (the contract) plus every module's resolvers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, defaultFieldResolver, GraphQLScalarType, printSchema, type GraphQLFieldResolver } from 'graphql';
import { DateTimeISOResolver, EmailAddressResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';
import { areaResolvers, NODE_LOADERS } from './areas.js';
import { nodeResolvers } from './features/node/node.resolvers.js';
import { checkAccess, MUTATION_ACCESS, QUERY_ACCESS, type Access } from './auth/permissions.js';
import { forgetCached, type Context } from './context.js';
import { LIST_CAPS } from './kernel/list-caps.js';
import { metrics } from './metrics.js';
import { PROJECT_ROOT } from './paths.js';
import type { Resolvers } from './generated/graphql.js';

export const SCHEMA_DIR = join(PROJECT_ROOT, 'schema');
/**
 * The printed SDL, committed: what clients build against. Outside schema/, so
 * it is never loaded as a part of the schema itself. `npm run schema:print` writes it.
 */
export const CONTRACT_FILE = join(PROJECT_ROOT, 'schema.contract.graphql');

export function loadTypeDefs(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort()
    .map((f) => readFileSync(join(SCHEMA_DIR, f), 'utf8'));
}

/** The whole schema as one printed SDL document: the contract file's content, and GET /schema.graphql. */
export function printContract(): string {
  return `${printSchema(buildSchema(loadTypeDefs().join('\n')))}\n`;
}

/** A library scalar under the name our schema uses for it. */
const renamed = (scalar: GraphQLScalarType, name: string) => new GraphQLScalarType({ ...scalar.toConfig(), name });

const scalars = {
  Date: renamed(LocalDateResolver, 'Date'),
  DateTime: renamed(DateTimeISOResolver, 'DateTime'),
  URL: renamed(URLResolver, 'URL'),
  EmailAddress: EmailAddressResolver,
};

type ResolverMap = Record<string, unknown>;

/**
 * Root fields check who may call them before anything runs (permissions.ts).
 * Each mutation also starts with empty loader caches: what an earlier
 * mutation of the same request loaded may have changed since.
 */
function gated(fields: ResolverMap, isMutation: boolean): ResolverMap {
  const table: Partial<Record<string, Access>> = isMutation ? MUTATION_ACCESS : QUERY_ACCESS;
  return Object.fromEntries(
    Object.entries(fields).map(([name, resolve]) => {
      const access = table[name];
      if (isMutation && access === undefined) throw new Error(`Mutation.${name} has no entry in MUTATION_ACCESS`);
      return [
        name,
        ((parent, args, context: Context, info) => {
          if (access !== undefined) checkAccess(context.viewer, access, name, isMutation);
          if (isMutation) forgetCached(context);
          return (resolve as GraphQLFieldResolver<unknown, Context>)(parent, args, context, info);
        }) satisfies GraphQLFieldResolver<unknown, Context>,
      ];
    }),
  );
}

/**
 * Every unpaged list answers at most its cap (kernel/list-caps.ts). Lists read by a statement are cut
 * there already; lists computed in memory (explanations, reach breakdowns, growth) or stored as a
 * property (sources) are cut only here.
 */
function capLists(merged: Record<string, ResolverMap>): void {
  for (const [path, cap] of Object.entries(LIST_CAPS)) {
    const [type, field] = path.split('.') as [string, string];
    const resolve = (merged[type]?.[field] ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, Context>;
    merged[type] = {
      ...merged[type],
      [field]: ((parent, args, context: Context, info) => {
        // A list longer than its cap is cut, and said so to the operator: the caps are set well above the data.
        // Counted every time (scg_list_cut_total), logged the first time per list: a hub's long explanation
        // is cut on every request that shows it, and a warning each time would drown the log.
        const cut = (list: unknown): unknown => {
          if (!Array.isArray(list) || list.length <= cap) return list;
          if (metrics.listCut(path)) context.log.warn({ list: path, cap, length: list.length }, 'a list was cut at its cap (logged once per list; scg_list_cut_total counts them all)');
          return (list as unknown[]).slice(0, cap);
        };
        const list: unknown = resolve(parent, args, context, info);
        return list instanceof Promise ? list.then(cut) : cut(list);
      }) satisfies GraphQLFieldResolver<unknown, Context>,
    };
  }
}

export function buildResolvers(): Resolvers {
  const modules: Resolvers[] = [nodeResolvers(NODE_LOADERS), ...areaResolvers()];
  const merged: Record<string, ResolverMap> = {};
  for (const module of modules) {
    for (const [type, fields] of Object.entries(module)) {
      merged[type] = { ...merged[type], ...(fields as ResolverMap) };
    }
  }
  capLists(merged);
  if (merged.Mutation) merged.Mutation = gated(merged.Mutation, true);
  if (merged.Query) merged.Query = gated(merged.Query, false);
  return { ...(merged as Resolvers), ...scalars };
}
