// The schema is a contract with the apps built on it. The printed SDL is
// committed (schema.contract.graphql): a change to schema/ must update it, in
// the open, and must not break what the last committed version promised — a
// field or enum value is deprecated first and removed only afterwards.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { CriticalityLevel, diff, DiffRule, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';
import { CONTRACT_FILE, printContract } from '../../src/schema.js';

const FILE = relative(PROJECT_ROOT, CONTRACT_FILE);
const built = printContract();
const committed = readFileSync(CONTRACT_FILE, 'utf8');

/**
 * The contract to stay compatible with: the file as of the last commit
 * (SCHEMA_BASE_REF picks another, e.g. origin/main in a pull request's CI),
 * or the file itself where there is no git history.
 */
function baseline(): { from: string; sdl: string } {
  const ref = process.env.SCHEMA_BASE_REF ?? 'HEAD';
  try {
    const sdl = execFileSync('git', ['show', `${ref}:./${FILE}`], { cwd: PROJECT_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return { from: `${FILE} at ${ref}`, sdl };
  } catch {
    return { from: `${FILE} (no git history)`, sdl: committed };
  }
}

/** Changes from `before` to `after`; removing what `before` already deprecated is not breaking. */
const changes = (before: string, after: string) => diff(buildSchema(before), buildSchema(after), [DiffRule.suppressRemovalOfDeprecatedField]);
const listed = (list: Change[]) => list.map((c) => `  ${c.criticality.level}: ${c.message}${c.criticality.reason ? ` (${c.criticality.reason})` : ''}`).join('\n');

describe('the schema contract', () => {
  it(`${FILE} is the schema the server serves`, async () => {
    if (built === committed) return;
    expect.fail(
      `${FILE} differs from schema/:\n${listed(await changes(committed, built))}\n` +
        `Run \`npm run schema:print\`, review the diff and commit it with the change to schema/.`,
    );
  });

  it('has no breaking change against the last committed contract', async () => {
    const base = baseline();
    const breaking = (await changes(base.sdl, built)).filter((c) => c.criticality.level === CriticalityLevel.Breaking);
    if (breaking.length === 0) return;
    expect.fail(
      `Breaking changes against ${base.from}:\n${listed(breaking)}\n` +
        'Apps built on the contract would fail. Deprecate instead (@deprecated(reason: "Use … instead.")), ' +
        'ship that, and remove the field in a later change.',
    );
  });

  it('tells a removal of a deprecated field from a breaking one', async () => {
    const before = 'type Query { "Old." old: String @deprecated(reason: "Use new.") "Kept." kept: String "New." new: String }';
    const after = 'type Query { "Kept." kept: String "New." new: String }';
    const levels = async (b: string, a: string) => (await changes(b, a)).map((c) => `${c.criticality.level} ${c.path}`);
    expect(await levels(before, after)).toEqual(['DANGEROUS Query.old']);
    expect(await levels(before.replace(' @deprecated(reason: "Use new.")', ''), after)).toEqual(['BREAKING Query.old']);
    // Adding (even a deprecated field) breaks nothing.
    const added = await levels(after, before);
    expect(added).toContain('NON_BREAKING Query.old');
    expect(added.filter((l) => !l.startsWith('NON_BREAKING'))).toEqual([]);
  });
});
