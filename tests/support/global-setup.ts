// Starts the test suite's own Neo4j (port 7688, data in .neo4j-test/) unless
// TEST_NEO4J_URI points at one, and stops it afterwards if it started it.
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';

export const TEST_NEO4J_DIR = '.neo4j-test';
/**
 * JVM flags of the suite's throwaway Neo4js: the C1 compiler only. A test Neo4j lives a few minutes, and
 * about half of its CPU went into C2 compiling its hot paths (over import.test.ts on a fresh server: 75
 * CPU-s with C2, 37 of them in the C2 compiler thread; 41 CPU-s without, in about the same wall time) on a
 * machine whose two cores the tests need. Never for the benchmark or `npm start`, where peak speed matters.
 */
export const TEST_NEO4J_JVM = ['-XX:TieredStopAtLevel=1'] as const;

declare module 'vitest' {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.TEST_NEO4J_URI;
  if (given) {
    project.provide('neo4jUri', given);
    return;
  }
  const port = Number(process.env.TEST_NEO4J_PORT ?? 7688);
  const handle = await startLocalNeo4j({ port, dir: TEST_NEO4J_DIR, heap: '1g', jvmFlags: TEST_NEO4J_JVM, log: (line) => console.log(`[test neo4j] ${line}`) });
  project.provide('neo4jUri', handle.uri);
  return async () => {
    // Leave a server that was already running (e.g. a developer's `npm run neo4j`) alone.
    if (handle.started) await stopLocalNeo4j({ dir: TEST_NEO4J_DIR });
  };
}
