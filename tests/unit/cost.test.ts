// The cost of an operation: objects it may return, lists multiplied by their page size.
import { buildSchema, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIST_CAPS } from '../../src/kernel/list-caps.js';
import { actualCost, BASE_COST, operationCost } from '../../src/limits/cost.js';
import { loadTypeDefs } from '../../src/schema.js';

const schema = buildSchema(loadTypeDefs().join('\n'));
const cost = (query: string, variables?: Record<string, unknown>) => operationCost(schema, parse(query), undefined, variables, 10);

describe('operation cost', () => {
  it('counts objects: a page of 20 with a scalar each is 1 + 20 × (edge + node)', () => {
    expect(cost('{ municipalities(first: 20) { edges { node { name } } } }')).toBe(41);
    expect(cost('{ municipalities(first: 20) { totalCount } }')).toBe(1);
    expect(cost('{ municipality(ags: "07137") { name } }')).toBe(1);
  });

  it('a left-out, null or null-variable `first` costs the default page the resolver will return', () => {
    const page20 = cost('{ municipalities(first: 20) { edges { node { name } } } }');
    expect(cost('{ municipalities { edges { node { name } } } }')).toBe(page20);
    expect(cost('{ municipalities(first: null) { edges { node { name } } } }')).toBe(page20);
    expect(cost('query ($n: Int) { municipalities(first: $n) { edges { node { name } } } }', { n: null })).toBe(page20);
    expect(cost('query ($n: Int) { municipalities(first: $n) { edges { node { name } } } }', { n: 100 })).toBe(201);
  });

  it('multiplies nested pages, and plain lists by their cap', () => {
    // 1 + 10 × (edge + node + topics (1 + 20 × 1)): a project lists at most 20 topics
    expect(cost('{ projects(first: 10) { edges { node { topics { slug } } } } }')).toBe(1 + 10 * (1 + 1 + 21));
    expect(cost('{ municipalities(first: 100) { edges { node { projects(first: 100) { edges { node { name } } } } } } }')).toBe(
      1 + 100 * (1 + 1 + (1 + 100 * 2)),
    );
  });

  it('adds the base cost of computing fields, and none for introspection', () => {
    expect(cost('{ search(text: "x") { score } }')).toBe(BASE_COST['Query.search']! + 10 * 1);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});

// Issue 17, F2: a list without `first` is bounded by a cap the statement enforces and the cost charges.
describe('unpaged lists', () => {
  const unpaged = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((t) => !t.name.startsWith('__') && !t.name.endsWith('Connection'))
    .flatMap((t) =>
      Object.values(t.getFields())
        .filter((f) => isListType(getNullableType(f.type)) && isCompositeType(getNamedType(f.type)) && !f.args.some((a) => a.name === 'first'))
        .map((f) => ({ path: `${t.name}.${f.name}`, description: f.description ?? '' })),
    );

  it('each has a cap, each cap is such a list, and its description states it', () => {
    expect(unpaged.length).toBeGreaterThan(40);
    expect(unpaged.map((f) => f.path).sort()).toEqual(Object.keys(LIST_CAPS).sort());
    for (const { path, description } of unpaged) expect(description, path).toContain(`At most ${LIST_CAPS[path as keyof typeof LIST_CAPS]}.`);
  });

  it('the nesting the probe used (20 × members { verband { members } }) costs what it may return, and is refused', () => {
    const nested = Array.from({ length: 20 }, (_, i) => `m${i}: municipality(ags: "07137") { members { verband { members { name } } } }`).join(' ');
    // each alias: municipality 1 + members (1 + 100 × (1 + verband (1 + members (1 + 100 × 1))))
    expect(cost(`{ ${nested} }`)).toBe(20 * (1 + 1 + 100 * (1 + 1 + 1 + 100)));
    expect(cost(`{ ${nested} }`)).toBeGreaterThan(10_000);
    expect(cost('{ municipality(ags: "07137") { members { name } } }')).toBe(1 + 1 + 100);
  });
});

// Issue 33, point 1: the estimate is the gate, the bucket keeps what came back.
describe('actual cost', () => {
  const actual = (query: string, data: unknown) => actualCost(schema, parse(query), undefined, data);
  const node = (name: string) => ({ node: { name } });

  it('counts what was returned by the estimate\'s rules: a full page costs its estimate, a short one less', () => {
    const query = '{ municipalities(first: 20) { edges { node { name } } } }';
    const full = { municipalities: { edges: Array.from({ length: 20 }, (_, i) => node(`G${i}`)) } };
    expect(actual(query, full)).toBe(cost(query));
    expect(actual(query, { municipalities: { edges: [node('Mayen'), node('Polch')] } })).toBe(1 + 2 * 2);
    expect(actual(query, { municipalities: { edges: [] } })).toBe(1);
  });

  it('charges a plain list by its length, not its cap, and a computing field its base cost even when empty', () => {
    const query = '{ project(slug: "x") { topics { slug } } }';
    expect(cost(query)).toBe(1 + 1 + 20 * 1);
    expect(actual(query, { project: { topics: [{ slug: 'a' }, { slug: 'b' }, { slug: 'c' }] } })).toBe(1 + 1 + 3 * 1);
    expect(actual('{ search(text: "x") { score } }', { search: [] })).toBe(BASE_COST['Query.search']!);
    expect(actual('{ search(text: "x") { score } }', { search: [{ score: 1 }] })).toBe(BASE_COST['Query.search']! + 1);
  });

  it('follows aliases and fragments, and a null answer costs what was asked of it', () => {
    const query = '{ a: municipality(ags: "1") { ...F } b: municipality(ags: "2") { ...F } } fragment F on Municipality { peers(first: 2) { edges { node { name } } } }';
    const peers = { peers: { edges: [{ node: { name: 'x' } }, { node: { name: 'y' } }] } };
    expect(actual(query, { a: peers, b: null })).toBe(1 + (BASE_COST['Municipality.peers']! + 2 * 2) + 1);
    expect(actual(query, { a: peers, b: null })).toBeLessThanOrEqual(cost(query));
  });

  it('reads an object of an abstract type by its __typename, and a failed answer costs nothing', () => {
    const query = '{ node(id: "x") { __typename ... on Municipality { peers(first: 1) { edges { node { name } } } } } }';
    expect(actual(query, { node: { __typename: 'Municipality', peers: { edges: [{ node: { name: 'x' } }] } } })).toBe(1 + BASE_COST['Municipality.peers']! + 2);
    expect(actual(query, null)).toBe(0);
  });
});
