// npm run bench:rebuilds -- [scale]: what rebuilding each per-version cache costs at a size of the
// generated layer (default 16×, the scale curve's largest) — the read, the build, and the longest time
// either held the event loop (other requests wait that long). Quicker than the whole scale curve
// (bench/scale.ts), which measures the same rebuilds under load: about two minutes here.
import { createDriver, Database } from '../src/db/database.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { migrate } from '../src/db/migrations.js';
import { buildProfileSets, buildSolutions, PROFILES, profilesRowOf, SOLUTIONS, solutionsRowOf, type PartRow } from '../src/features/discovery/discovery.profiles.js';
import { Network } from '../src/features/discovery/discovery.features.js';
import { NETWORK, networkInputOf, type NetworkPartRow } from '../src/features/discovery/discovery.network.js';
import { reachRepository } from '../src/features/reach/reach.repository.js';
import { layerAt, prepareData } from './data.js';

const scale = Number(process.argv[2] ?? process.env.BENCH_SCALE ?? 16);
const REPS = 3;
const log = (line: string) => console.error(`[rebuilds] ${line}`);

/** The longest gap between ticks of a 1 ms timer since the last reset: how long the loop was held. */
function blockMeter() {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  return {
    take(): number {
      const value = Math.max(longest, performance.now() - last);
      longest = 0;
      last = performance.now();
      return value;
    },
    stop: () => clearInterval(timer),
  };
}

const meter = blockMeter();

/** Loads one cache REPS times: its read, then its build, each timed with the longest block it caused. */
async function measure<T>(name: string, read: () => Promise<T>, build: (read: T) => unknown): Promise<void> {
  for (let i = 0; i < REPS; i++) {
    meter.take();
    const t0 = performance.now();
    const row = await read();
    const t1 = performance.now();
    const readBlock = meter.take();
    await build(row);
    const t2 = performance.now();
    // Let the meter's timer run once more, so a block at the very end is counted.
    await new Promise((done) => setTimeout(done, 5));
    console.log(`| ${name} | ${(t1 - t0).toFixed(0)} | ${readBlock.toFixed(0)} | ${(t2 - t1).toFixed(0)} | ${meter.take().toFixed(0)} |`);
  }
}

const local = await startLocalNeo4j({ port: Number(process.env.BENCH_NEO4J_PORT ?? 7689), dir: '.neo4j-bench', heap: process.env.BENCH_NEO4J_HEAP ?? '2g', log });
const driver = createDriver(local.uri, 'neo4j', undefined);
const db = new Database(driver, { database: 'neo4j', timeoutMs: 600_000 });
try {
  await migrate(db);
  await prepareData(db, driver, log, layerAt(scale));
  console.log(`| ${scale}×, ${REPS} loads each | read ms | longest block in the read, ms | build ms | longest block in the build, ms |\n| --- | --- | --- | --- | --- |`);
  await measure('peer profiles', () => db.read('bench.profiles', async (tx) => profilesRowOf(await tx.run<PartRow>(PROFILES))), buildProfileSets);
  await measure('solutions', () => db.read('bench.solutions', async (tx) => solutionsRowOf(await tx.run<PartRow>(SOLUTIONS))), buildSolutions);
  // The learned ranking's network: the rows decoded into its input (paced) and the network built (Network.build).
  await measure('peer network', () => db.read('bench.network', (tx) => tx.run<NetworkPartRow>(NETWORK)), async (rows) => Network.build(await networkInputOf(rows)));
  await measure('reach snapshot', () => reachRepository(db).snapshot(), () => undefined);
} finally {
  meter.stop();
  await driver.close();
  // The next `npm run bench` needs the 1× layer: it regenerates it when another size was left (about 10 s).
  if (local.started) await stopLocalNeo4j({ dir: '.neo4j-bench', log });
}
