// npm run import -- [--data DIR] [--register FILE] [--report FILE] [--dry-run]
// Imports the register (Destatis's workbook, found as docs/data-import.md says, or
// FILE), the model projects, their measures, the taxonomy, the exchange links
// and the events into NEO4J_URI, or into the local Neo4j (started if needed).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { ConfigError, loadConfig } from '../config.js';
import { createDriver, Database } from '../db/database.js';
import { LocalNeo4jError, startLocalNeo4j } from '../db/local-neo4j.js';
import { migrate } from '../db/migrations.js';
import { runImport, type Progress } from '../import/import.js';
import { locateRegister } from '../import/register-source.js';
import { SourceError } from '../import/csv.js';
import { fromProject } from '../paths.js';

/** A bar per phase on a terminal; one line per phase elsewhere (CI logs). */
function progress(): Progress {
  if (!process.stderr.isTTY) {
    return { phase: (name, total) => console.error(`[import] ${name} (${total})`), advance: () => {}, end: () => {} };
  }
  let bar: SingleBar | undefined;
  return {
    phase(name, total) {
      bar?.stop();
      bar = new SingleBar({ format: `${name.padEnd(32)} {bar} {value}/{total}`, stream: process.stderr }, Presets.shades_classic);
      bar.start(total, 0);
    },
    advance: (n) => bar?.increment(n),
    end: () => bar?.stop(),
  };
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { data: { type: 'string' }, register: { type: 'string' }, report: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const config = loadConfig();
  const dataDir = values.data ? resolve(values.data) : fromProject(config.dataDir);
  const uri = config.neo4j.uri ?? (await startLocalNeo4j({ ...config.localNeo4j, log: (l) => console.error(l) })).uri;
  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password);
  try {
    const db = new Database(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
    await migrate(db);
    const register = await locateRegister({ ...config.register, file: values.register ? resolve(values.register) : config.register.file, log: (l) => console.error(l) });
    console.error(`[import] register: ${register.path} (${register.origin}, sha256 ${register.sha256.slice(0, 12)}…)`);
    const report = await runImport(db, { dataDir, register, progress: progress(), dryRun: values['dry-run'] });
    console.log(report.summary());
    if (values.report) {
      writeFileSync(values.report, report.toText());
      console.log(`Full report: ${values.report}`);
    }
    return report.ok ? 0 : 1;
  } finally {
    await driver.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof LocalNeo4jError || error instanceof SourceError) console.error(error.message);
    else console.error('The import failed:', error);
    process.exit(1);
  },
);
