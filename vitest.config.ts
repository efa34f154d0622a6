import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS (main) and ESM (module) builds. Node, and so Apollo Server, loads the
    // CommonJS one; Vite would pick the ESM one for our code. Two copies break \`instanceof GraphQLError\`:
    // load the one Node loads.
    alias: { graphql: 'graphql/index.js' },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Starts the test Neo4j (or uses TEST_NEO4J_URI) once for the whole run.
    globalSetup: ['tests/support/global-setup.ts'],
    // One Neo4j Community instance has one user database: test files take turns.
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 240_000,
  },
});
