// Runs before each file of the Neo4j tiers. Their files share one module graph
// (isolate: false in vitest.config.ts), so the Cypher factory an earlier file's
// server sealed is opened again for the modules this file loads first; its own
// server seals it again before it takes a request.
import { unsealStatementsForNextTestFile } from '../../src/db/cypher.js';

unsealStatementsForNextTestFile();
