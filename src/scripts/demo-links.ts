// npm run demo-links [-- --remove]
// Adds (or removes) the GENERATED demo attendance and exchange links; see src/import/demo-links.ts.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDriver, Database } from '../db/database.js';
import { startLocalNeo4j } from '../db/local-neo4j.js';
import { removeDemoLinks, writeDemoLinks } from '../import/demo-links.js';

const { values } = parseArgs({ options: { remove: { type: 'boolean', default: false } } });
const config = loadConfig();
const uri = config.neo4j.uri ?? (await startLocalNeo4j({ ...config.localNeo4j, log: (l) => console.error(l) })).uri;
const driver = createDriver(uri, config.neo4j.user, config.neo4j.password);
try {
  const db = new Database(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
  if (values.remove) {
    const removed = await removeDemoLinks(db);
    console.log(`Removed ${removed} generated links.`);
  } else {
    const written = await writeDemoLinks(db);
    console.log(
      `GENERATED demo links (not facts): ${written.attendance} attendances, ${written.exchanges} exchange links ` +
        `(replacing ${written.removed}); each marked generated: true.`,
    );
  }
} finally {
  await driver.close();
}
