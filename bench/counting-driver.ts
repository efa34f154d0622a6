// A wrapper around the driver that records, per HTTP request, every statement
// sent to Neo4j with its start and end: the same measure for the API (b) and
// the peer (c), whatever each does inside. The request is found through
// AsyncLocalStorage, so neither needs to know it is being watched. Only the
// requests of the counting pass are traced (bench/server.ts, `count-on`): the
// timed load runs b and c on the driver's own sessions, as a1 and production.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Driver } from 'neo4j-driver';

export interface Sent {
  text: string;
  params: Record<string, unknown>;
  start: number;
  end: number | null;
}

/** The statements of one request. */
export const trace = new AsyncLocalStorage<Sent[]>();

/** Sequential waves: 1 + the statements that started only after every earlier one had ended. */
export function waves(sent: readonly Sent[]): number {
  let waves = 0;
  let lastEnd = -Infinity;
  for (const s of [...sent].sort((a, b) => a.start - b.start)) {
    if (s.start >= lastEnd) waves++;
    lastEnd = Math.max(lastEnd, s.end ?? Infinity);
  }
  return waves;
}

type Run = (text: string, params?: Record<string, unknown>, ...rest: unknown[]) => PromiseLike<unknown>;

function recorded(run: Run): Run {
  return (text, params, ...rest) => {
    const sent = trace.getStore();
    const start = performance.now();
    const result = run(text, params, ...rest);
    if (!sent) return result;
    const entry: Sent = { text, params: params ?? {}, start, end: null };
    sent.push(entry);
    // The end: when the caller's await resumes (both b and c await their results).
    const then = result.then.bind(result);
    (result as { then: unknown }).then = (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) =>
      then(
        (v) => {
          entry.end ??= performance.now();
          return ok ? ok(v) : v;
        },
        (e) => {
          entry.end ??= performance.now();
          if (fail) return fail(e);
          throw e;
        },
      );
    return result;
  };
}

/** `target` with `run` recorded and every other method bound to it. */
function withRun<T extends object>(target: T): T {
  return new Proxy(target, {
    get(t, prop) {
      const value = Reflect.get(t, prop, t) as unknown;
      if (prop === 'run') return recorded((value as Run).bind(t));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
  });
}

export function countingDriver(driver: Driver): Driver {
  return new Proxy(driver, {
    get(d, prop) {
      const value = Reflect.get(d, prop, d) as unknown;
      if (prop === 'session') {
        return (...args: Parameters<Driver['session']>) => {
          const session = d.session(...args);
          // Outside a traced request (the timed load): the driver's own session, nothing wrapped.
          if (!trace.getStore()) return session;
          return new Proxy(session, {
            get(s, p) {
              const v = Reflect.get(s, p, s) as unknown;
              if (p === 'run') return recorded((v as Run).bind(s));
              if (p === 'executeRead' || p === 'executeWrite') {
                return (work: (tx: object) => unknown, config?: unknown) => (v as (w: unknown, c: unknown) => unknown).call(s, (tx: object) => work(withRun(tx)), config);
              }
              if (p === 'beginTransaction') return (...a: unknown[]) => withRun((v as (...x: unknown[]) => object).apply(s, a));
              return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(s) : v;
            },
          });
        };
      }
      if (prop === 'executeQuery') return recorded((value as Run).bind(d));
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(d) : value;
    },
  });
}
