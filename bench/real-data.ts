// The real import, for the discovery evaluation and training: a Neo4j of its own (.neo4j-eval/, port 7696)
// holding the real data only (no generated layer, no demo links), imported on first use — or, with
// EVAL_NEO4J_URI, a running Neo4j that already holds it.
import { createDriver, Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { isEmpty, runImport } from '../src/import/import.js';
import { locateRegister } from '../src/import/register-source.js';
import { fromProject } from '../src/paths.js';
import { NETWORK, networkInputOf, type NetworkPartRow } from '../src/features/discovery/discovery.network.js';
import type { NetworkInput } from '../src/features/discovery/discovery.features.js';
import { buildSolutions, SOLUTIONS, solutionsRowOf, type PartRow, type Solution } from '../src/features/discovery/discovery.profiles.js';

const PORT = Number(process.env.EVAL_NEO4J_PORT ?? 7696);

/** Runs `use` with a database holding the real import; stops the Neo4j it started. */
export async function withRealData<T>(log: (line: string) => void, use: (db: Database) => Promise<T>): Promise<T> {
  const given = process.env.EVAL_NEO4J_URI;
  const local = given ? null : await startLocalNeo4j({ port: PORT, dir: '.neo4j-eval', heap: '1g', log });
  const driver = createDriver(given ?? local!.uri, 'neo4j', undefined);
  const db = new Database(driver, { database: 'neo4j', timeoutMs: 120_000 });
  try {
    if (!given) {
      await migrate(db);
      if (await isEmpty(db)) {
        log('importing the real data …');
        const report = await runImport(db, { dataDir: fromProject('data'), register: await locateRegister({ log }) });
        if (!report.ok) throw new Error(report.summary());
      }
    }
    return await use(db);
  } finally {
    await driver.close();
    if (local?.started) await stopLocalNeo4j({ dir: '.neo4j-eval' });
  }
}

/** What the peer ranking reads, as the API reads it (discovery.network). */
export async function readNetwork(db: Database): Promise<NetworkInput> {
  return networkInputOf(await db.read('eval.network', (tx) => tx.run<NetworkPartRow>(NETWORK)));
}

/** Every measure and project to learn from, as the API reads them (discovery.solutions). */
export async function readSolutionList(db: Database): Promise<Solution[]> {
  return (await buildSolutions(solutionsRowOf(await db.read('eval.solutions', (tx) => tx.run<PartRow>(SOLUTIONS))))).all;
}
