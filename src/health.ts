// Liveness and readiness, as load balancers and orchestrators ask for them.
// /health says the process serves HTTP; /ready says it can answer queries:
// Neo4j answers, the schema migrations this build needs are applied, and the
// process is not shutting down.
import type { Database } from './db/database.js';
import { ApiError } from './errors.js';
import { LATEST_MIGRATION, pendingMigrations } from './db/migrations.js';

export type Readiness =
  | { status: 'ready'; migration: number }
  | { status: 'not ready'; reason: string; pendingMigrations?: number[]; /** For the log, never sent. */ cause?: unknown };

/** A probe must answer in time even while the driver retries against a database that has gone away. */
export const READY_TIMEOUT_MS = 3_000;

export async function readiness(db: Database, state: { stopping: boolean }, timeoutMs = READY_TIMEOUT_MS): Promise<Readiness> {
  if (state.stopping) return { status: 'not ready', reason: 'shutting down' };
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((done) => (timer = setTimeout(() => done('timeout'), timeoutMs)));
  try {
    const pending = await Promise.race([pendingMigrations(db), timedOut]);
    if (pending === 'timeout') return { status: 'not ready', reason: `Neo4j did not answer within ${timeoutMs} ms` };
    if (pending.length > 0) return { status: 'not ready', reason: 'schema migrations not applied', pendingMigrations: pending };
    return { status: 'ready', migration: LATEST_MIGRATION };
  } catch (error) {
    // Whatever failed, this instance cannot serve queries now; what exactly is for the log.
    const unreachable = error instanceof ApiError && error.extensions.code === 'SERVICE_UNAVAILABLE';
    return { status: 'not ready', reason: unreachable ? 'Neo4j is not reachable' : 'Neo4j did not answer the readiness query', cause: error };
  } finally {
    clearTimeout(timer);
  }
}
