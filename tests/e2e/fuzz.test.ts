// A fuzzer (issue 17): operations generated from the schema itself — random selections of fields,
// arguments of every type (hostile strings among them), nested lists, aliases within the limits — sent
// over HTTP as an anonymous caller, an API key and a member, over the fixture graph. Whatever comes back:
// never INTERNAL_SERVER_ERROR, no stack trace or Cypher in a message, no contact detail the privacy rule
// hides from that caller, and an answer no larger than its cost allows. A fixed seed in `npm test`;
// `npm run fuzz -- --runs N [--seed S]` for long runs (FUZZ_RUNS, FUZZ_SEED).
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  isInterfaceType,
  isUnionType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
} from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildSchema, parse } from 'graphql';
import { operationCost } from '../../src/limits/cost.js';
import { printContract } from '../../src/schema.js';
import { startHttp, token } from '../support/harness.js';
import { useHarness } from '../support/use-harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261202);

const schema = buildSchema(printContract());
const h = useHarness();
let http: Awaited<ReturnType<typeof startHttp>>;
const callers: Record<string, Record<string, string>> = {};
beforeAll(async () => {
  http = await startHttp(h.db);
  const { secret } = await h.security.apiKeys.create({ name: 'fuzzer', role: 'READER', rateLimit: 100_000_000, createdBy: 'test' });
  callers.anonymous = {};
  callers.key = { 'x-api-key': secret };
  callers.member = { authorization: `Bearer ${await token({ role: 'member', ags: '07137' }, { subject: 'fuzz-member', expiresIn: '2h' })}` };
});
afterAll(() => http.close());

// Contact details the privacy rule hides: Bernd (PRIVATE, Ulm) from all three; Carla (no consent) from all three.
const HIDDEN = ['bernd@ulm.example', '+49 731 1610', 'carla@kts.example', '+49 30 1234'];

const HOSTILE = [
  "' OR 1=1 --",
  '") RETURN n //',
  'MATCH (n) DETACH DELETE n',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '\u202e\u200b\ufeff',
  'ｍｕｅｎｃｈｅｎ',
  'Z' + '\u0301'.repeat(40),
  '\\u0000',
  '%s%n%x',
  'a'.repeat(300),
  '07137',
  'energie',
  '11111111-1111-4111-8111-111111111111',
  '33333333-3333-4333-8333-333333333333',
  'UHJvamVjdDpteWsxMA==',
  '2024-02-30',
  '9999-12-31T23:59:59Z',
  'https://example.org',
  '',
  ' ',
];

// Keys of the fixture, so that many operations reach real nodes and their nested fields.
const KNOWN = ['07137', '07137003', '07137068', '07135', '08421000', '09162000', '07', '09', 'energie', 'mobilitaet', 'sharing', 'verkehrssteuerung', 'buergerbeteiligung', 'ulm-4-0', 'myk10', 'muenchen-mobil', 'dorf-energie', 'rk-myk', 'rk-ulm', 'kongress-2023', 'kts', 'bmwsb'];

const quote = (s: string) => JSON.stringify(s);

/** A GraphQL literal for an input type. */
function inputValue(type: GraphQLInputType, depth: number, required = false): fc.Arbitrary<string> {
  if (isNonNullType(type)) return inputValue(type.ofType, depth, true);
  // A required value is mostly given (a null there is only a validation error), an optional one sometimes null.
  const nullable = (a: fc.Arbitrary<string>) => fc.oneof({ weight: required ? 49 : 9, arbitrary: a }, { weight: 1, arbitrary: fc.constant('null') });
  if (isListType(type)) {
    return nullable(fc.array(inputValue(type.ofType, depth + 1), { maxLength: depth > 2 ? 1 : 4 }).map((items) => `[${items.join(', ')}]`));
  }
  if (isEnumType(type)) return nullable(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (depth > 3) return fc.constant('{}');
    return nullable(
      fc
        .tuple(...fields.map((f) => fc.option(inputValue(f.type, depth + 1), { nil: undefined, freq: isNonNullType(f.type) ? 20 : 2 })))
        .map((values) => `{ ${fields.map((f, i) => (values[i] === undefined ? '' : `${f.name}: ${values[i]}`)).filter(Boolean).join(', ')} }`),
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
        return nullable(fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 0, max: 20 }) }, fc.integer({ min: -5, max: 120 }), fc.constantFrom(0, 1, 100, 101, -1, 2147483647, -2147483648)).map(String));
      case 'Float':
        return nullable(fc.oneof(fc.double({ min: -200, max: 200, noNaN: true }), fc.constantFrom(0, 1e308, -1e-308, 50.3, 7.2)).map((n) => (Number.isInteger(n) && Math.abs(n) < 1e21 ? `${n}.0` : String(n))));
      case 'Boolean':
        return nullable(fc.boolean().map(String));
      case 'Date':
        return nullable(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('2024-05-01', '2019-01-01', '2026-12-31') }, fc.constantFrom(...HOSTILE)).map(quote));
      case 'DateTime':
        return nullable(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('2024-05-01T10:00:00Z', '2026-12-02T00:00:00+01:00') }, fc.constantFrom(...HOSTILE)).map(quote));
      case 'URL':
        return nullable(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('https://example.org/quelle', 'http://127.0.0.1/') }, fc.constantFrom(...HOSTILE)).map(quote));
      case 'EmailAddress':
        return nullable(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('fuzz@example.org', 'ana@example.org') }, fc.constantFrom(...HOSTILE)).map(quote));
      case 'ID':
      case 'String':
      default:
        return nullable(
          fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...KNOWN) }, fc.constantFrom(...HOSTILE), fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 12 })).map(quote),
        );
    }
  }
  return fc.constant('null');
}

function argumentsOf(args: readonly GraphQLArgument[]): fc.Arbitrary<string> {
  if (args.length === 0) return fc.constant('');
  return fc
    .tuple(...args.map((a) => fc.option(inputValue(a.type, 0), { nil: undefined, freq: isNonNullType(a.type) ? 30 : 2 })))
    .map((values) => {
      const given = args.map((a, i) => (values[i] === undefined ? '' : `${a.name}: ${values[i]}`)).filter(Boolean);
      return given.length ? `(${given.join(', ')})` : '';
    });
}

/** A selection set on `type`, up to `depth` levels further down. */
function selection(type: GraphQLNamedType, depth: number): fc.Arbitrary<string> {
  if (isUnionType(type) || isInterfaceType(type)) {
    const possible = schema.getPossibleTypes(type);
    return fc.subarray([...possible], { minLength: 1, maxLength: 2 }).chain((types) =>
      fc.tuple(...types.map((t) => selection(t, depth))).map((parts) => `{ __typename ${parts.map((p, i) => `... on ${types[i]!.name} ${p}`).join(' ')} }`),
    );
  }
  if (!isObjectType(type)) return fc.constant('');
  const fields = Object.values((type as GraphQLObjectType).getFields());
  const leaves = fields.filter((f) => isLeafType(getNamedType(f.type)) && f.args.every((a) => !isNonNullType(a.type)));
  const composite = depth > 0 ? fields.filter((f) => !isLeafType(getNamedType(f.type))) : [];
  const leaf = leaves.length ? fc.constantFrom(...leaves.map((f) => f.name)) : fc.constant('__typename');
  const nested = composite.length ? fc.constantFrom(...composite).chain((f) => fieldWith(f, depth - 1)) : leaf;
  return fc
    .array(fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 2, arbitrary: nested }), { minLength: 1, maxLength: 4 })
    .map((parts) => `{ ${aliased(parts)} }`);
}

// Aliases only where a field repeats (the alias limit counts every one), each with a name of its own
// in the whole operation (so fragments on different types never conflict): a placeholder here, numbered
// once the operation is complete.
const ALIAS = '\u0000alias';
function aliased(parts: string[]): string {
  const seen = new Set<string>();
  return parts
    .map((p) => {
      const name = /^\w+/.exec(p)![0];
      const repeat = seen.has(name);
      seen.add(name);
      return repeat ? `${ALIAS}: ${p}` : p;
    })
    .join(' ');
}
function numbered(operation: string): string {
  let n = 0;
  return operation.replaceAll(ALIAS, () => `a${++n}`);
}

function fieldWith(field: GraphQLField<unknown, unknown>, depth: number): fc.Arbitrary<string> {
  const named = getNamedType(field.type);
  return fc
    .tuple(argumentsOf(field.args), isLeafType(named) ? fc.constant('') : selection(named, depth))
    .map(([args, sub]) => `${field.name}${args} ${sub}`);
}

const root = (type: GraphQLObjectType, keyword: string) =>
  fc
    .array(fc.constantFrom(...Object.values(type.getFields())).chain((f) => fieldWith(f, 3)), { minLength: 1, maxLength: 3 })
    .map((parts) => numbered(`${keyword} { ${aliased(parts)} }`));

const operation = fc.oneof({ weight: 4, arbitrary: root(schema.getQueryType()!, 'query') }, { weight: 1, arbitrary: root(schema.getMutationType()!, 'mutation') });

/** The string literals of an operation, longest first (so a literal inside another is removed after it). */
function literals(query: string): string[] {
  const found = (query.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((l) => JSON.parse(l) as string).filter((l) => l.length > 0);
  return found.sort((a, b) => b.length - a.length);
}

interface Finding {
  caller: string;
  query: string;
  problem: string;
}

it(`never answers an internal error, leaks a stack, Cypher or a hidden contact detail (${RUNS} operations, seed ${SEED})`, async () => {
  const findings: Finding[] = [];
  const started = performance.now();
  let errors = 0;
  let answered = 0;
  let clean = 0;
  const codes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(operation, fc.constantFrom('anonymous', 'key', 'member'), async (query, caller) => {
      const response = await fetch(`${http.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...callers[caller] }, body: JSON.stringify({ query }) });
      const text = await response.text();
      const problem = (why: string) => findings.push({ caller, query, problem: `${why}: ${text.slice(0, 300)}` });
      answered++;
      if (response.status >= 500) problem(`HTTP ${response.status}`);
      let body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
      try {
        body = JSON.parse(text) as typeof body;
      } catch {
        problem('not JSON');
        return;
      }
      // A message may quote the caller's own input back ("Value is not a valid LocalDate: …"): only what is not theirs counts.
      if (!body.errors?.length) clean++;
      const own = literals(query);
      for (const e of body.errors ?? []) {
        errors++;
        const code = typeof e.extensions?.code === 'string' ? e.extensions.code : 'none';
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (process.env.FUZZ_DEBUG && code === 'GRAPHQL_VALIDATION_FAILED') console.log(e.message.slice(0, 160));
        if (e.extensions?.code === 'INTERNAL_SERVER_ERROR') problem('internal error');
        const message = own.reduce((m, literal) => m.replaceAll(literal, ''), e.message);
        if (/\n\s+at |Neo4jError|MATCH \(|RETURN |node_modules/.test(message)) problem('stack or Cypher in a message');
      }
      for (const secret of HIDDEN) if (text.includes(secret)) problem(`hidden contact detail ${secret}`);
      // The cost bounds the objects an answer may hold (every list is paged or capped): no object of this
      // schema comes near 4 kB, so an answer larger than that per point of its cost (and a few kB of
      // errors) holds more than its cost allowed.
      const cost = (() => {
        try {
          return operationCost(schema, parse(query), undefined, {}, 10);
        } catch {
          return 1; // not even parsed (a generated literal like 1e+308.0): the answer is one syntax error
        }
      })();
      if (Number.isFinite(cost) && text.length > 10_000 + 4_000 * Math.max(cost, 1)) problem(`answer of ${text.length} bytes for a cost of ${cost}`);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  // An operation takes some 40 ms here: the time allowed grows with the runs.
  const summary = `${answered} operations (${clean} answered without an error), ${errors} errors answered (${[...codes].map(([c, n]) => `${c} ${n}`).join(', ')}), ${findings.length} findings`;
  console.log(`[fuzz] ${summary}`);
  // `npm run fuzz` keeps a report of a long run.
  if (process.env.FUZZ_REPORT) {
    writeFileSync(
      process.env.FUZZ_REPORT,
      `# Fuzz run, ${new Date().toISOString().slice(0, 10)}\n\n\`npm run fuzz -- --runs ${RUNS} --seed ${SEED}\` (tests/e2e/fuzz.test.ts): operations generated from the schema, sent as anonymous, API-key and member callers over HTTP to the product's app on the fixture graph, in ${((performance.now() - started) / 1000).toFixed(0)} s.\n\n- ${summary}.\n- Checked for each answer: no HTTP 5xx, no \`INTERNAL_SERVER_ERROR\`, no stack trace or Cypher in a message (beyond the caller's own input quoted back), no e-mail or phone of a contact the privacy rule hides from that caller, at most 4 kB per point of the operation's cost.\n${findings.length ? `\n## Findings\n\n${findings.map((f) => `- ${f.caller}: ${f.problem}\n  \`${f.query}\``).join('\n')}\n` : ''}`,
    );
  }
  expect(findings).toEqual([]);
}, 60_000 + RUNS * 250);
