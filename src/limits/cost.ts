// What an operation may cost, computed before it runs (graphql-query-complexity
// walks the operation; this file only says what each field costs).
//
// The unit is "objects the operation may return": every object field costs 1
// plus what is selected under it, scalars are free, and a list costs 1 plus,
// per item, 1 and what is under it, for as many items as it may hold: `first`
// (its value, or its default) when the field has one, else the list's cap
// (kernel/list-caps.ts, which every unpaged list has; COST_LIST_SIZE only for
// a list missing there). A connection's `first` counts its edges. Fields that
// compute rather than fetch (scoring, full-text search, reach) carry a base
// cost of their own. Introspection is free: its size is the schema's, not the data's.
import {
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isCompositeType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../kernel/connection.js';
import { LIST_CAPS } from '../kernel/list-caps.js';

const CAPS: Record<string, number | undefined> = LIST_CAPS;

const BASE_COST: Record<string, number> = {
  'Query.search': 10,
  'Query.experts': 20,
  'Query.peers': 20,
  'Municipality.peers': 20,
  'Project.similar': 20,
  'Query.reach': 50,
  'Query.reachGrowth': 50,
  'Query.reachNetwork': 100,
  // Columns of up to ~10,800 and 5,000 entries: priced as a hundred objects, what drawing one map or one network costs.
  'Query.gemeindePositions': 100,
  'ReachNetwork.graph': 100,
};

export function costEstimator(listSize: number): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    if (!isCompositeType(getNamedType(field.type))) return 0;
    const base = BASE_COST[`${type.name}.${field.name}`] ?? 1;
    const isList = isListType(getNullableType(field.type));
    const paged = field.args.find((a) => a.name === 'first');
    if (paged) {
      // `first: null` (or a null variable) means the default page to the resolvers: so to the cost, too.
      const first: unknown = args.first ?? paged.defaultValue;
      const size = Math.max(typeof first === 'number' ? first : DEFAULT_PAGE_SIZE, 1);
      // A paged list: each item counts; a connection: its edges count the items.
      return base + size * (isList ? 1 + childComplexity : childComplexity);
    }
    if (isList && !type.name.endsWith('Connection')) return base + (CAPS[`${type.name}.${field.name}`] ?? listSize) * (1 + childComplexity);
    if (isList) return 1 + childComplexity; // a connection's edges: one edge's worth, times the connection's `first`
    return base + childComplexity;
  };
}

/**
 * The cost of the operation `operationName` in `document`. Variables that do
 * not fit the operation make no cost (execution refuses them without any
 * work): 1. An operation too large to cost at all (more than 10,000 field
 * nodes after expanding fragments, e.g. a fragment spread many times over)
 * costs Infinity, so it is refused rather than let through uncounted.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  variables: Record<string, unknown> | undefined,
  listSize: number,
): number {
  const operation = getOperationAST(document, operationName);
  if (!operation) return 1;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return 1;
  try {
    return getComplexity({ schema, query: document, operationName, variables: variables ?? {}, estimators: [costEstimator(listSize)] });
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
