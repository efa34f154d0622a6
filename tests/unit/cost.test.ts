// The cost of an operation: objects it may return, lists multiplied by their page size.
import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from '../../src/limits/cost.js';
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

  it('multiplies nested pages, and plain lists by COST_LIST_SIZE', () => {
    // 1 + 10 × (edge + node + topics (1 + 10 × 1))
    expect(cost('{ projects(first: 10) { edges { node { topics { slug } } } } }')).toBe(1 + 10 * (1 + 1 + 11));
    expect(cost('{ municipalities(first: 100) { edges { node { projects(first: 100) { edges { node { name } } } } } } }')).toBe(
      1 + 100 * (1 + 1 + (1 + 100 * 2)),
    );
  });

  it('adds the base cost of computing fields, and none for introspection', () => {
    expect(cost('{ search(text: "x") { score } }')).toBe(10 + 10 * 1);
    expect(cost('{ __schema { types { name fields { name } } } }')).toBe(0);
  });
});
