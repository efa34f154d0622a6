import { defineConfig } from 'vitest/config';

// Four tiers, run by `npm test` in this order (and one by one with `npm run test:<tier>`):
// unit and cypher need no database; integration and e2e share one Neo4j, started once for both.
// A fifth, crash, kills a Neo4j of its own: npm test runs it beside the others.
const neo4j = { globalSetup: ['tests/support/global-setup.ts'], setupFiles: ['tests/support/per-file.ts'] };

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so Apollo Server, loads the
    // CommonJS one; Vite would pick the ESM one for our code. Two copies break \`instanceof GraphQLError\`:
    // load the one Node loads.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    // One Neo4j Community instance has one user database: test files take turns.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 240_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      { extends: true, test: { name: 'cypher', include: ['tests/cypher/**/*.test.ts'] } },
      // The files of a Neo4j tier share one module graph (no re-import of Apollo, the driver and the product
      // for every file): nothing in them keeps module state, each builds its own server, driver and caches.
      { extends: true, test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], isolate: false, ...neo4j } },
      // In the browser tests, expect.poll waits up to 10 s for the page (the default 1 s is too short on a busy CI machine).
      { extends: true, test: { name: 'crash', include: ['tests/crash/**/*.test.ts'], testTimeout: 300_000 } },
      { extends: true, test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], isolate: false, expect: { poll: { timeout: 10_000 } }, ...neo4j } },
    ],
  },
});
