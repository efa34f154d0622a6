// The one set-up of a test file that works on the test Neo4j: a harness made
// before the file's tests, the graph wiped (and, if asked, the fixture
// loaded), closed after them.
import { afterAll, beforeAll } from 'vitest';
import { loadFixture } from './fixture.js';
import { createHarness, type Harness } from './harness.js';

export interface HarnessOptions {
  /** What the graph holds when the tests start: the fixture (default), nothing, or what is there. */
  graph?: 'fixture' | 'empty' | 'as is';
  /** More set-up on top, e.g. a municipality a file's tests need. */
  then?: (h: Harness) => Promise<void>;
}

/**
 * Registers the file's beforeAll/afterAll and returns the harness. It is
 * made in beforeAll, so it may be used only inside tests and hooks; the
 * returned object forwards to it.
 */
export function useHarness(options: HarnessOptions = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await createHarness();
    const graph = options.graph ?? 'fixture';
    if (graph !== 'as is') await current.reset();
    if (graph === 'fixture') await loadFixture(current);
    await options.then?.(current);
  });
  afterAll(() => current?.close());
  return new Proxy({} as Harness, {
    get(_, property) {
      if (!current) throw new Error('The harness is made in beforeAll: use it inside tests and hooks only.');
      const value = Reflect.get(current, property) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current) : value;
    },
  });
}
