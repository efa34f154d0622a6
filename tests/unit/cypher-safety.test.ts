// The guarantee that no Cypher text in src/ is built from a user's values.
// Three parts, each checked here:
//   1. Statements reach Neo4j only through Tx.run(statement, params), and the
//      first argument is always a named statement, never text put together
//      on the spot (a scan of src/ with the TypeScript parser).
//   2. cypher() is called only while modules load: at module top level, or
//      in a statement builder that itself is only called at top level (the
//      same scan). Casting something to Statement is a lint error.
//   3. Backed at run time: once the server is built, cypher() throws, so a
//      statement made during a request cannot exist. Every integration test
//      runs against a sealed server.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { cypher, SealedError, statementsSealed } from '../../src/db/cypher.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const SRC = join(PROJECT_ROOT, 'src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'generated' ? [] : files(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
const sources = files(SRC).map((path) => ({
  path: relative(PROJECT_ROOT, path),
  file: ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true),
}));

const where = (file: ts.SourceFile, node: ts.Node) => `${file.fileName.slice(PROJECT_ROOT.length + 1)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;

function calls(file: ts.SourceFile): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const calleeName = (call: ts.CallExpression) =>
  ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : undefined;

/** The functions around `node`, innermost first; array callbacks run when their caller runs, so they do not count. */
function enclosingFunctions(node: ts.Node): ts.FunctionLikeDeclaration[] {
  const out: ts.FunctionLikeDeclaration[] = [];
  for (let n = node.parent; n !== undefined; n = n.parent) {
    if (!ts.isFunctionLike(n) || !('body' in n)) continue;
    const parent = n.parent;
    const isArrayCallback =
      ts.isCallExpression(parent) &&
      ts.isPropertyAccessExpression(parent.expression) &&
      ['map', 'flatMap', 'filter'].includes(parent.expression.name.text) &&
      parent.arguments.includes(n as ts.Expression);
    if (!isArrayCallback) out.push(n);
  }
  return out;
}

/** The name of a top-level function (declaration, or `const f = (…) => …`). */
function topLevelName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn) && ts.isSourceFile(fn.parent)) return fn.name?.text;
  const decl = fn.parent;
  if (ts.isVariableDeclaration(decl) && ts.isIdentifier(decl.name) && ts.isSourceFile(decl.parent.parent.parent)) return decl.name.text;
  return undefined;
}

describe('no Cypher text in src/ is built from user values', () => {
  it('every tx.run(…) gets a named statement, never text made on the spot', () => {
    const offenders: string[] = [];
    for (const { file } of sources) {
      for (const call of calls(file)) {
        if (calleeName(call) !== 'run' || !ts.isPropertyAccessExpression(call.expression)) continue;
        const first = call.arguments[0];
        if (first === undefined) continue;
        const named = ts.isIdentifier(first) || ts.isPropertyAccessExpression(first) || ts.isElementAccessExpression(first);
        if (!named) offenders.push(`${where(file, call)}: ${call.getText().slice(0, 80)}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('cypher() is only called while modules load (at top level, or in builders only called at top level)', () => {
    // Builders: top-level functions that make statements. A call to cypher() or to a builder is fine at
    // top level, or inside a builder; anywhere else (a resolver, a repository method) it would run per request.
    const builders = new Set(['cypher']);
    const offenders = () => {
      const out: string[] = [];
      for (const { file } of sources) {
        for (const call of calls(file)) {
          const name = calleeName(call);
          if (name === undefined || !builders.has(name) || !ts.isIdentifier(call.expression)) continue;
          const fns = enclosingFunctions(call);
          if (fns.length === 0) continue;
          const outer = fns.at(-1)!;
          const builder = fns.length === 1 ? topLevelName(outer) : undefined;
          if (builder !== undefined) {
            if (!builders.has(builder)) {
              builders.add(builder);
              return null; // a new builder: check again, its own call sites now count
            }
            continue;
          }
          out.push(`${where(file, call)}: ${call.getText().slice(0, 80)}`);
        }
      }
      return out;
    };
    let result = offenders();
    while (result === null) result = offenders();
    expect(result).toEqual([]);
    // The scan sees the builders there are (a scan that finds none would prove nothing).
    expect([...builders].sort()).toEqual(expect.arrayContaining(['cypher', 'listPageStatement', 'listStatement', 'replaceActorLink', 'contactListStatement']));
  });

  it('the driver is used only in src/db/database.ts', () => {
    const users = sources
      .filter(({ file }) => calls(file).some((c) => ['session', 'executeQuery', 'executeRead', 'executeWrite'].includes(calleeName(c) ?? '')))
      .map((s) => s.path);
    expect(users).toEqual(['src/db/database.ts']);
  });

  it('once the server is built, no statement can be made', async () => {
    const { createApollo } = await import('../../src/server.js');
    const { createSecurity } = await import('../../src/security.js');
    const { loadConfig } = await import('../../src/config.js');
    const { Database, createDriver } = await import('../../src/db/database.js');
    // A driver that is never used: building the server needs no connection.
    const driver = createDriver('bolt://127.0.0.1:1', 'neo4j', undefined);
    expect(statementsSealed()).toBe(false);
    createApollo(createSecurity(new Database(driver, { database: 'neo4j', timeoutMs: 1000 }), loadConfig({})));
    expect(statementsSealed()).toBe(true);
    expect(() => cypher('late', 'MATCH (n {name: "Robert\'); DROP"}) RETURN n')).toThrow(SealedError);
    await driver.close();
  });
});
