// The Cypher snapshot tier: every named statement of src/, printed with its
// parameter names into a committed file, as the Neo4j GraphQL Library's
// translation tests show generated Cypher. A change of any statement shows up
// as a diff of tests/cypher/statements.snapshot.md in review; `npx vitest run
// tests/cypher -u` writes the new snapshot. No database is needed.
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { madeStatements } from '../../src/db/cypher.js';
import { PROJECT_ROOT } from '../../src/paths.js';

const SRC = join(PROJECT_ROOT, 'src');
// Entry points run when imported (the server, the commands): their statements live in the modules they import.
const ENTRY_POINTS = new Set(['src/index.ts']);
const modules = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'scripts' || e.name === 'generated' ? [] : modules(path);
    return e.name.endsWith('.ts') && !ENTRY_POINTS.has(relative(PROJECT_ROOT, path)) ? [path] : [];
  });

describe('the Cypher of every named statement', () => {
  it('is the committed snapshot', async () => {
    for (const path of modules(SRC).sort()) await import(pathToFileURL(path).href);
    const statements = [...madeStatements()].sort((a, b) => a.name.localeCompare(b.name));
    expect(new Set(statements.map((s) => s.name)).size, 'statement names are unique').toBe(statements.length);
    const printed = statements.map((s) => {
      const params = [...new Set([...s.text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]!))].sort();
      return [`## ${s.name}`, '', `parameters: ${params.length ? params.map((p) => `$${p}`).join(', ') : 'none'}`, '', '```cypher', s.text, '```', ''].join('\n');
    });
    const header = `# Every named Cypher statement (${statements.length})\n\nWritten by tests/cypher/statements.test.ts; do not edit by hand.\n\n`;
    await expect(header + printed.join('\n')).toMatchFileSnapshot('./statements.snapshot.md');
  });
});
