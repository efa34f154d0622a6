// Metrics for operators, in Prometheus's format (prom-client): requests by operation and result, their
// latency, refusals by limit, refused credentials, Neo4j transactions and their retries, per-version
// cache rebuilds with their duration, and the process's own (memory, event-loop delay, GC). One registry
// per process; served by `metricsHandler` on a port of its own (METRICS_PORT) when METRICS=on, never on the public one.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'scg_', eventLoopMonitoringPrecision: 10 });

const requests = new Counter({
  name: 'scg_graphql_requests_total',
  help: 'GraphQL requests by operation name and result (OK or the first error code).',
  labelNames: ['operation', 'result'] as const,
  registers: [registry],
});
const latency = new Histogram({
  name: 'scg_graphql_request_duration_seconds',
  help: 'Time from the request reaching GraphQL to its answer, by operation name.',
  labelNames: ['operation'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
const refused = new Counter({
  name: 'scg_refused_total',
  help: 'Requests refused by a limit: rate, cost, depth/aliases/directives (validation), tokens (parse), credentials.',
  labelNames: ['limit'] as const,
  registers: [registry],
});
const credentials = new Counter({
  name: 'scg_refused_credentials_total',
  help: 'Refused credentials, and whether the refusal was throttled (delayed, 429).',
  labelNames: ['throttled'] as const,
  registers: [registry],
});
const transactions = new Counter({
  name: 'scg_neo4j_transactions_total',
  help: 'Neo4j transactions by mode and outcome (ok, error).',
  labelNames: ['mode', 'outcome'] as const,
  registers: [registry],
});
const attempts = new Counter({
  name: 'scg_neo4j_transaction_retries_total',
  help: 'Attempts of a transaction function beyond its first (the driver retrying a transient failure, or ours after a concurrent delete).',
  labelNames: ['mode'] as const,
  registers: [registry],
});
const rebuilds = new Histogram({
  name: 'scg_cache_rebuild_seconds',
  help: 'Rebuilds of a per-version cache after the data version moved, and how long each took.',
  labelNames: ['cache'] as const,
  buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  registers: [registry],
});
const answers = new Counter({
  name: 'scg_answer_cache_total',
  help: 'Reads of public data that could be cached: answered 304 (not-modified), from the response cache (hit), or worked out (miss).',
  labelNames: ['outcome'] as const,
  registers: [registry],
});

const cuts = new Counter({
  name: 'scg_list_cut_total',
  help: 'Unpaged lists longer than their cap (src/kernel/list-caps.ts), cut to it, by list.',
  labelNames: ['list'] as const,
  registers: [registry],
});

// Operation names come from clients: only this many distinct ones get a label of their own.
const MAX_OPERATIONS = 200;
const seen = new Set<string>();
function operationLabel(name: string | null | undefined): string {
  if (!name) return '(anonymous)';
  const clean = name.slice(0, 64);
  if (seen.has(clean)) return clean;
  if (seen.size >= MAX_OPERATIONS) return '(other)';
  seen.add(clean);
  return clean;
}

// The lists are the caps' keys: a fixed, small set.
const cutLists = new Set<string>();

const LIMIT_OF: Record<string, string> = {
  RATE_LIMITED: 'rate',
  QUERY_TOO_COMPLEX: 'cost',
  GRAPHQL_VALIDATION_FAILED: 'validation',
  GRAPHQL_PARSE_FAILED: 'parse',
};

export const metrics = {
  request(operation: string | null | undefined, result: string, seconds: number): void {
    const label = operationLabel(operation);
    requests.inc({ operation: label, result });
    latency.observe({ operation: label }, seconds);
    const limit = LIMIT_OF[result];
    if (limit !== undefined) refused.inc({ limit });
  },
  refusedBeforeGraphql(code: string): void {
    const limit = LIMIT_OF[code];
    if (limit !== undefined) refused.inc({ limit });
  },
  refusedCredential(throttled: boolean): void {
    credentials.inc({ throttled: String(throttled) });
    if (throttled) refused.inc({ limit: 'credentials' });
  },
  transaction(mode: 'READ' | 'WRITE', outcome: 'ok' | 'error', extraAttempts: number): void {
    transactions.inc({ mode, outcome });
    if (extraAttempts > 0) attempts.inc({ mode }, extraAttempts);
  },
  rebuild(cache: string, seconds: number): void {
    rebuilds.observe({ cache }, seconds);
  },
  /** A list cut at its cap; true the first time for this list in this process (the one time it is logged). */
  listCut(list: string): boolean {
    const first = !cutLists.has(list);
    cutLists.add(list);
    cuts.inc({ list });
    return first;
  },
  answerCache(outcome: 'not-modified' | 'hit' | 'miss'): void {
    answers.inc({ outcome });
  },
};

/** The HTTP handler of the metrics port: GET /metrics in Prometheus's text format, 404 otherwise. */
export function metricsHandler(req: IncomingMessage, res: ServerResponse): void {
  if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Only GET /metrics is served here.\n');
    return;
  }
  registry.metrics().then(
    (text) => res.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' }).end(text),
    (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(`metrics failed: ${String(error)}\n`),
  );
}
