import { defineConfig } from 'vitest/config';

export default defineConfig({
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
