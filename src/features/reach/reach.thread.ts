// The main thread's side of the network analysis's worker (reach.worker.ts):
// one worker per process, started on the first job and kept (unref'd, so it
// never holds the process open), jobs answered in the order sent. A worker
// that dies fails the jobs it held; the next job starts a new one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReachLinkKind } from '../../generated/graphql.js';
import type { Snapshot } from './reach.compute.js';
import type { NetworkResult } from './reach.network.js';
import type { NetworkJob, NetworkReply } from './reach.worker.js';

/**
 * Run from the TypeScript sources (tsx, vitest), the worker cannot load `.ts` by itself: it registers
 * tsx's loader first, as the process that started it has one. From the build (dist/), plain JavaScript.
 */
function startWorker(): Worker {
  const entry = new URL(`./reach.worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry);
  // tsx's ES module API (its package's exports say where): its CommonJS twin would resolve the loader against the wrong base.
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  const api = pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href;
  const boot = `import(${JSON.stringify(api)}).then(({ register }) => { register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(boot, { eval: true });
}

export class NetworkThread {
  private worker: Worker | null = null;
  private next = 1;
  private readonly pending = new Map<number, { done: (r: NetworkResult) => void; fail: (e: Error) => void }>();

  /** The thread id of the worker, once started (tests: it is not the main thread's 0). */
  get threadId(): number | null {
    return this.worker?.threadId ?? null;
  }

  compute(snapshot: Snapshot, kinds: readonly ReachLinkKind[], asOf: string | null): Promise<NetworkResult> {
    const worker = (this.worker ??= this.start());
    const id = this.next++;
    return new Promise((done, fail) => {
      this.pending.set(id, { done, fail });
      // Working, the worker holds the process open; idle, it does not.
      worker.ref();
      worker.postMessage({ id, snapshot, kinds: [...kinds], asOf } satisfies NetworkJob);
    });
  }

  /** Stops the worker; jobs it held fail. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    const worker = startWorker();
    worker.unref();
    worker.on('message', (reply: NetworkReply) => {
      const job = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (!job) return;
      if ('error' in reply) job.fail(new Error(`network analysis failed in its worker: ${reply.error}`));
      else job.done(reply.result);
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const job of this.pending.values()) job.fail(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', (code) => failAll(new Error(`the network analysis worker exited with ${code}`)));
    return worker;
  }
}
