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
  isAbstractType,
  isCompositeType,
  isListType,
  isObjectType,
  Kind,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE } from '../kernel/connection.js';
import { LIST_CAPS } from '../kernel/list-caps.js';

const CAPS: Record<string, number | undefined> = LIST_CAPS;

/**
 * What computing a field costs beyond the objects it returns, in objects: the server's CPU (the API's and
 * Neo4j's) for one such request beyond a one-object request, less its objects, divided by the CPU of one
 * further object (0.13 ms), as `npm run bench:field-costs` measured it on the real data
 * (bench/results/field-costs.md), rounded; at least 10 for a field that computes, whose cost grows with the data.
 */
export const BASE_COST: Readonly<Record<string, number>> = {
  'Query.search': 80,
  'Query.experts': 20,
  // The learned peer ranking scores all 12,250 municipalities; the formulas (rankBy: BOTH …) cost less, priced alike.
  'Query.peers': 150,
  'Municipality.peers': 150,
  'Query.learningPartners': 150,
  'Municipality.learningPartners': 150,
  'Project.similar': 150,
  'Query.reach': 10,
  // A reach per event: the dearest read there is.
  'Query.reachGrowth': 2000,
  'Query.reachNetwork': 40,
  // Columns of up to ~10,800 and 5,000 entries, built once per data version and kept.
  'Query.gemeindePositions': 10,
  'ReachNetwork.graph': 10,
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

type FieldsOf = (type: GraphQLCompositeType, selectionSet: SelectionSetNode) => Map<string, { field: GraphQLField<unknown, unknown>; parent: GraphQLObjectType | null; selectionSet?: SelectionSetNode }>;

/**
 * What an answer actually cost, by the estimate's own rules (costEstimator) with the lists as long as they
 * came back: every object returned 1 and a list item 1 more, a field's base cost once when it was asked
 * (null or not: the work was done), a connection's edges without a base of their own. Walks the answer
 * along the operation, so aliases and fragments count as they were asked; an object of an abstract type
 * is read as its `__typename` when it was asked, else as any possible type with the field. Never more than
 * the estimate for the same operation, except for what the estimate could not see (none today).
 */
export function actualCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, data: unknown): number {
  const operation = getOperationAST(document, operationName);
  if (!operation || data === null || typeof data !== 'object') return 0;
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  // The same selection is read for every item of a list: worked out once per type.
  const known = new Map<SelectionSetNode, Map<string, ReturnType<FieldsOf>>>();
  const fieldsOf: FieldsOf = (type, selectionSet) => {
    let byType = known.get(selectionSet);
    if (!byType) known.set(selectionSet, (byType = new Map<string, ReturnType<FieldsOf>>()));
    const cached = byType.get(type.name);
    if (cached) return cached;
    const found = new Map<string, { field: GraphQLField<unknown, unknown>; parent: GraphQLObjectType | null; selectionSet?: SelectionSetNode }>();
    const visit = (on: GraphQLCompositeType, set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          if (found.has(key) || selection.name.value.startsWith('__')) continue;
          const candidates = isAbstractType(on) ? schema.getPossibleTypes(on) : isObjectType(on) ? [on] : [];
          const parent = candidates.find((c) => c.getFields()[selection.name.value]) ?? null;
          const field = parent?.getFields()[selection.name.value] ?? ('getFields' in on ? on.getFields()[selection.name.value] : undefined);
          if (field) found.set(key, { field, parent: candidates.length === 1 ? parent : null, selectionSet: selection.selectionSet });
          continue;
        }
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (!fragment) continue;
        const condition = fragment.typeCondition ? (typeFromAST(schema, fragment.typeCondition) as GraphQLCompositeType | undefined) : on;
        if (condition) visit(condition, fragment.selectionSet);
      }
    };
    visit(type, selectionSet);
    byType.set(type.name, found);
    return found;
  };
  return objectCost(schema, fieldsOf, root, operation.selectionSet, data as Record<string, unknown>);
}

function objectCost(schema: GraphQLSchema, fieldsOf: FieldsOf, type: GraphQLCompositeType, selectionSet: SelectionSetNode, value: Record<string, unknown>): number {
  const named = typeof value.__typename === 'string' ? schema.getType(value.__typename) : undefined;
  const runtime = named && isObjectType(named) ? named : type;
  let cost = 0;
  for (const [key, { field, parent, selectionSet: sub }] of fieldsOf(runtime, selectionSet)) {
    if (!(key in value)) continue;
    const fieldType = getNamedType(field.type);
    if (!isCompositeType(fieldType) || !sub) continue;
    const owner = parent ?? (isObjectType(runtime) ? runtime : null);
    cost += owner ? (BASE_COST[`${owner.name}.${field.name}`] ?? 1) : 1;
    const child = value[key];
    if (Array.isArray(child)) {
      // A connection's edges carry no base of their own: the connection's field paid it.
      if (runtime.name.endsWith('Connection')) cost -= 1;
      for (const item of child as unknown[]) cost += 1 + (item !== null && typeof item === 'object' ? objectCost(schema, fieldsOf, fieldType, sub, item as Record<string, unknown>) : 0);
    } else if (child !== null && typeof child === 'object') {
      cost += objectCost(schema, fieldsOf, fieldType, sub, child as Record<string, unknown>);
    }
  }
  return cost;
}
