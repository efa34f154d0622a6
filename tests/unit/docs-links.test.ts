// The README and docs/ link to each other and to the code: every relative
// link must lead to a file that exists, and every #anchor to a heading there.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/paths.js';

const DOCS = ['README.md', 'data/README.md', ...readdirSync(join(PROJECT_ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}\- _]/gu, '').replace(/ /g, '-');

function anchors(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!)));
}

function links(file: string): string[] {
  const text = readFileSync(join(PROJECT_ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
  return [...text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^(https?:|mailto:)/.test(t));
}

describe('documentation links', () => {
  it('the README is short enough to read in five minutes', () => {
    expect(readFileSync(join(PROJECT_ROOT, 'README.md')).length).toBeLessThan(12_000);
  });

  it.each(DOCS)('%s: every relative link resolves', (file) => {
    const broken: string[] = [];
    for (const target of links(file)) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const resolved = path ? resolve(dirname(join(PROJECT_ROOT, file)), decodeURI(path)) : join(PROJECT_ROOT, file);
      if (!existsSync(resolved)) broken.push(`${target} (no ${relative(PROJECT_ROOT, resolved)})`);
      else if (anchor && resolved.endsWith('.md') && !anchors(resolved).has(anchor)) broken.push(`${target} (no heading #${anchor})`);
    }
    expect(broken).toEqual([]);
  });
});
