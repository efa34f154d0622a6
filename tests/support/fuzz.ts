// npm run fuzz -- [--runs N] [--seed S]: the fuzzer of tests/e2e/fuzz.test.ts for as long as asked
// (npm test runs it with 300 operations and a fixed seed), with a report in bench/results/fuzz-<day>.md.
// Starts the test Neo4j as npm test does, unless TEST_NEO4J_URI names one.
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { fromProject } from '../../src/paths.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '20000' }, seed: { type: 'string', default: String(Date.now() % 2 ** 31) } } });
for (const [name, value] of Object.entries(values)) {
  if (!/^\d+$/.test(value)) {
    console.error(`--${name} must be a whole number, not "${value}"`);
    process.exit(2);
  }
}
console.log(`fuzzing with ${values.runs} operations, seed ${values.seed} (repeat a run with --seed ${values.seed})`);
const child = spawn('npx', ['vitest', 'run', '--project', 'e2e', 'tests/e2e/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: values.runs, FUZZ_SEED: values.seed, FUZZ_REPORT: fromProject(`bench/results/fuzz-${new Date().toISOString().slice(0, 10)}.md`) },
});
child.on('close', (code) => process.exit(code ?? 1));
