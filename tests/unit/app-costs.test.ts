// Every operation the web app sends fits the cost limit with room to spare (issue 17, F2: unpaged lists
// are costed at their caps, so a page that nests lists pays for what it may return).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNullableType, isEnumType, isInputObjectType, isListType, Kind, parse, typeFromAST, type GraphQLInputType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost } from '../../src/limits/cost.js';
import { printContract } from '../../src/schema.js';

const schema = buildSchema(printContract());
const MAX_COST = 10_000; // the default of MAX_COST (config.ts)

/** A value of the type, for a variable: page sizes at the app's own defaults are in its documents. */
function sample(type: GraphQLInputType): unknown {
  const t = getNullableType(type);
  if (isListType(t)) return [sample(t.ofType)];
  if (isEnumType(t)) return t.getValues()[0]!.value;
  if (isInputObjectType(t)) return {};
  return ({ Int: 2, Float: 1.5, Boolean: true, Date: '2024-01-01' } as Record<string, unknown>)[t.name] ?? '07137';
}

const dir = 'web/src';
const files = [...readdirSync(dir).map((f) => join(dir, f)), ...readdirSync(join(dir, 'pages')).map((f) => join(dir, 'pages', f))].filter((f) => f.endsWith('.tsx'));
const operations = files.flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/graphql\(`([\s\S]*?)`\)/g)].flatMap(([, text]) => {
    const document = parse(text!);
    return document.definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [{ file, name: d.name!.value, document, definition: d }] : []));
  }),
);

describe('the web app’s operations', () => {
  it('are all found', () => expect(operations.length).toBeGreaterThan(10));
  it.each(operations)('$name ($file) costs at most half the limit', ({ name, document, definition }) => {
    const variables = Object.fromEntries(
      (definition.variableDefinitions ?? []).map((v) => [v.variable.name.value, v.defaultValue ? undefined : sample(typeFromAST(schema, v.type as never) as GraphQLInputType)]),
    );
    const cost = operationCost(schema, document, name, variables, 10);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(MAX_COST / 2);
  });
});
