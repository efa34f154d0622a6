// npm test: every tier in order, with the waiting overlapped. The test
// Neo4j (port 7688, .neo4j-test/) starts at once in the background, so its
// JVM boots while the static checks (codegen --check, tsc, eslint) and the
// unit and Cypher tiers (which need no database) run, two at a time, each
// one's output printed whole when it ends. Then integration and e2e run
// against it, with the crash tier (its own Neo4j, which it kills) beside
// them: alone, integration and e2e keep only about 1.4 of the two cores busy.
// (Beside the static checks as well, as once tried, the crash tier only took
// their cores and the whole ran twice as long.) The test Neo4j is stopped at
// the end if this run started it. A failure in the checks or the first two
// tiers stops the run; the last two, running together, both finish.
// TEST_NEO4J_URI (a Neo4j of your own) skips the start, as in global-setup.ts.
import { spawn } from 'node:child_process';
import { startLocalNeo4j, stopLocalNeo4j } from '../src/db/local-neo4j.js';
import { TEST_NEO4J_DIR, TEST_NEO4J_JVM } from './support/global-setup.js';

const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(0);

interface Step {
  name: string;
  args: string[];
}

/** Runs `npx <args>`; resolves with its exit code and (when `buffer`) its output. */
function run({ args }: Step, env: NodeJS.ProcessEnv, buffer: boolean): Promise<{ code: number; output: string }> {
  return new Promise((done) => {
    const child = spawn('npx', args, { env, stdio: buffer ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

async function parallel(steps: Step[], width: number, env: NodeJS.ProcessEnv): Promise<boolean> {
  const queue = [...steps];
  let ok = true;
  await Promise.all(
    Array.from({ length: width }, async () => {
      for (let step = queue.shift(); step && ok; step = queue.shift()) {
        const { code, output } = await run(step, env, true);
        process.stdout.write(`\n── ${step.name} (${code === 0 ? 'ok' : `exit ${code}`}, ${seconds()} s) ──\n${output}`);
        if (code !== 0) ok = false;
      }
    }),
  );
  return ok;
}

const given = process.env.TEST_NEO4J_URI;
const neo4j = given
  ? Promise.resolve({ uri: given, started: false })
  : startLocalNeo4j({ port: Number(process.env.TEST_NEO4J_PORT ?? 7688), dir: TEST_NEO4J_DIR, heap: '1g', jvmFlags: TEST_NEO4J_JVM, log: (line) => console.log(`[test neo4j] ${line}`) });
// A failed start is reported when the tiers that need it begin.
neo4j.catch(() => {});

let code = 0;
try {
  const first: Step[] = [
    { name: 'lint', args: ['eslint', '.'] },
    { name: 'typecheck', args: ['tsc', '--noEmit'] },
    { name: 'typecheck of the web app', args: ['tsc', '-p', 'web/tsconfig.json'] },
    { name: 'codegen --check', args: ['graphql-codegen', '--check'] },
    { name: 'unit tests', args: ['vitest', 'run', '--project', 'unit'] },
    { name: 'Cypher snapshot tests', args: ['vitest', 'run', '--project', 'cypher'] },
  ];
  if (!(await parallel(first, 2, process.env))) throw new Error('a static check, the unit or the Cypher tier failed');
  const { uri } = await neo4j;
  // Integration and e2e (on the test Neo4j) leave a core idle about a third of the time, waiting for
  // Neo4j, the browser and child processes; the crash tier (its own Neo4j) runs beside them.
  // Integration and e2e print as they go; the crash tier's output comes whole when it ends.
  const results = await Promise.all([
    run({ name: 'integration and e2e tests', args: ['vitest', 'run', '--project', 'integration', '--project', 'e2e'] }, { ...process.env, TEST_NEO4J_URI: uri }, false).then(({ code }) => code),
    run({ name: 'crash tests', args: ['vitest', 'run', '--project', 'crash'] }, process.env, true).then(({ code, output }) => {
      process.stdout.write(`\n── crash tests (${code === 0 ? 'ok' : `exit ${code}`}, ${seconds()} s) ──\n${output}`);
      return code;
    }),
  ]);
  if (results.some((c) => c !== 0)) throw new Error('the integration, e2e or crash tests failed');
  console.log(`\nnpm test: all tiers passed in ${seconds()} s`);
} catch (error) {
  console.error(`\nnpm test: ${error instanceof Error ? error.message : String(error)} (${seconds()} s)`);
  code = 1;
} finally {
  // The crash tier stops its own Neo4j.
  const handle = await neo4j.catch(() => null);
  if (handle?.started) await stopLocalNeo4j({ dir: TEST_NEO4J_DIR });
}
process.exit(code);
