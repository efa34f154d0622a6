// The cost of an operation: objects it may return, lists multiplied by their page size.
import { buildSchema, getNamedType, getNullableType, isCompositeType, isListType, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { LIST_CAPS } from '../../src/kernel/list-caps.js';
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

  it('multiplies nested pages, and plain lists by their cap', () => {
    // 1 + 10 × (edge + node + topics (1 + 20 × 1)): a project lists at most 20 topics
    expect(cost('{ projects(first: 10) { edges { node { topics { slug } } } } }')).toBe(1 + 10 * (1 + 1 + 21));
    expect(cost('{ municipalities(first: 100) { edges { node { projects(first: 100) { edges { node { name } } } } } } }')).toBe(
      1 + 100 * (1 + 1 + (1 + 100 * 2)),
    );
  });

  it('adds the base cost of computing fields, and none for introspection', () => {
    expect(cost('{ search(text: "x") { score } }')).toBe(10 + 10 * 1);
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
