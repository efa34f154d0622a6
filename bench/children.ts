// The benchmark's HTTP side, shared by `npm run bench` (bench/run.ts) and the profiler
// (bench/profile.ts): a server child per variant (bench/server.ts), what each variant is sent for a
// request and key, its normalised answer, and autocannon's load against it.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { fromProject } from '../src/paths.js';
import type { Key } from './data.js';
import type { BenchRequest } from './requests.js';

export type Variant = 'a0' | 'a1' | 'b' | 'bc' | 'c';
export type HttpVariant = Exclude<Variant, 'a0'>;
export const HTTP_VARIANTS: HttpVariant[] = ['a1', 'b', 'bc', 'c'];

export interface Child {
  process: ChildProcess;
  url: string;
  ask<T>(message: string): Promise<T>;
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

// The analytics (R4, R6) are for analysts: b is asked with an analyst's token, signed with a secret of this run.
const JWT_SECRET = randomBytes(32).toString('base64url');
const analyst = await new SignJWT({ role: 'analyst' })
  .setProtectedHeader({ alg: 'HS256' })
  .setSubject('bench-analyst')
  .setIssuedAt()
  .setExpirationTime('2h')
  .sign(new TextEncoder().encode(JWT_SECRET));

/** A server child for `variant` on the Neo4j at `uri`; resolves when it listens. */
export function startChild(variant: HttpVariant, uri: string): Promise<Child> {
  const child = fork(fromProject('bench/server.ts'), [variant], {
    // --expose-gc: the scale curve reads the API's memory after a full collection ('memory').
    execArgv: ['--import', 'tsx', '--expose-gc'],
    env: { ...process.env, BENCH_NEO4J_URI: uri, NODE_ENV: 'production', JWT_SECRET },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`${variant} server exited with ${code}`)));
    child.once('message', (m: { port: number }) =>
      done({
        process: child,
        url: `http://127.0.0.1:${m.port}`,
        ask: (message) =>
          new Promise((answer) => {
            child.once('message', answer as (m: unknown) => void);
            child.send(message);
          }),
      }),
    );
  });
}

/** The headers of an analyst's request to b (the analytics are for analysts). */
export const analystHeaders = (): Record<string, string> => ({ 'content-type': 'application/json', authorization: `Bearer ${analyst}` });

/** What the HTTP variants are sent for request `r` with key `k`. */
export function httpRequest(variant: HttpVariant, r: BenchRequest, k: Key): { path: string; body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (variant === 'a1') return { path: '/', body: JSON.stringify({ request: r.id, key: k }), headers };
  if (variant === 'c') return { path: '/graphql', body: JSON.stringify({ query: r.peer.query, variables: r.peer.variables(k) }), headers };
  return { path: '/graphql', body: JSON.stringify({ query: r.query, variables: r.variables(k) }), headers: r.analytics ? { ...headers, authorization: `Bearer ${analyst}` } : headers };
}

/** The answer of `variant` to request `r` with key `k`, normalised for comparison with the floor. */
export async function answer(variant: HttpVariant, child: Child, r: BenchRequest, k: Key): Promise<unknown> {
  const { path, body, headers } = httpRequest(variant, r, k);
  const response = await fetch(`${child.url}${path}`, { method: 'POST', headers, body });
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  if (variant === 'a1') return json;
  if (json.errors) throw new Error(`${r.id} ${variant} ${JSON.stringify(k)}: ${JSON.stringify(json.errors)}`);
  return variant === 'c' ? r.peer.normalize(json.data) : r.normalize(json.data);
}

/** autocannon against a child, rotating through the keys; `rate` fixes the offered load (requests/s over all connections). */
export async function load(variant: HttpVariant, child: Child, r: BenchRequest, keys: Key[], connections: number, seconds: number, rate?: number): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url: child.url,
    connections,
    duration: seconds,
    ...(rate ? { overallRate: Math.max(1, Math.round(rate)) } : {}),
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const { path, body, headers } = httpRequest(variant, r, keys[next++ % keys.length]!);
          return { ...req, path, body, headers };
        },
      },
    ],
  });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.non2xx };
}
