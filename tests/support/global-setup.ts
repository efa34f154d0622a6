// Starts the test suite's own Neo4j (port 7688, data in .neo4j-test/) unless
// TEST_NEO4J_URI points at one, and stops it afterwards if it started it.
import type { TestProject } from 'vitest/node';
import { startLocalNeo4j, stopLocalNeo4j } from '../../src/db/local-neo4j.js';

export const TEST_NEO4J_DIR = '.neo4j-test';

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
  const handle = await startLocalNeo4j({ port, dir: TEST_NEO4J_DIR, heap: '1g', log: (line) => console.log(`[test neo4j] ${line}`) });
  project.provide('neo4jUri', handle.uri);
  return async () => {
    // Leave a server that was already running (e.g. a developer's `npm run neo4j`) alone.
    if (handle.started) await stopLocalNeo4j({ dir: TEST_NEO4J_DIR });
  };
}
