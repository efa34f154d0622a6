// The one door to Neo4j. Owns sessions and transactions, names every
// transaction, applies the timeout, converts values both ways, and maps
// driver failures to API errors in one place.
import neo4j, { Neo4jError, type BookmarkManager, type Driver, type ManagedTransaction } from 'neo4j-driver';
import { ApiError, conflict } from '../errors.js';
import { metrics } from '../metrics.js';
import type { Statement } from './cypher.js';
import { BUMP_DATA_VERSION, type DerivedData } from './data-version.js';
import { turn } from './turn.js';
import { fromDb, toDb } from './values.js';

export type Row = Record<string, unknown>;

export interface Tx {
  /** Runs one statement; returns its rows as plain values (see values.ts). */
  run<T = Row>(statement: Statement, params?: Record<string, unknown>): Promise<T[]>;
  /** Whether this is a write transaction (its checks then lock what they check: kernel/batch.ts). */
  readonly mode: 'READ' | 'WRITE';
}

/** Called once per statement sent to the database: the round-trip counter of tests and benchmarks. */
export type QueryObserver = (statement: Statement, mode: 'READ' | 'WRITE') => void;

/**
 * One request's causal chain across API replicas: bookmarks the client brought
 * from its write on another replica, which every transaction of the request
 * waits for; and the bookmarks of this request's own writes, to give back.
 */
export interface RequestBookmarks {
  readonly given: readonly string[];
  written: string[];
}

export interface DatabaseOptions {
  database: string;
  timeoutMs: number;
  observer?: QueryObserver;
  /** Shared by all Database views of one driver, so a read sees the writes before it (causal consistency). */
  bookmarkManager?: BookmarkManager;
  bookmarks?: RequestBookmarks;
}

// ProtocolError: what the driver reports when a connection breaks off during the Bolt login (HELLO/LOGON),
// e.g. a server restarting or a proxy dropping it; to the client that is the database being away.
const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired', 'ProtocolError', 'Neo.TransientError.General.DatabaseUnavailable']);

export class Database {
  private readonly bookmarkManager: BookmarkManager;

  constructor(
    private readonly driver: Driver,
    private readonly options: DatabaseOptions,
  ) {
    this.bookmarkManager = options.bookmarkManager ?? neo4j.bookmarkManager();
  }

  get name(): string {
    return this.options.database;
  }

  /** The same database, with another observer (e.g. one per request). */
  observed(observer: QueryObserver | undefined): Database {
    return new Database(this.driver, { ...this.options, bookmarkManager: this.bookmarkManager, ...(observer ? { observer } : {}) });
  }

  /** The same database for one request: its transactions wait for the client's bookmarks and record their own. */
  withBookmarks(bookmarks: RequestBookmarks): Database {
    return new Database(this.driver, { ...this.options, bookmarkManager: this.bookmarkManager, bookmarks });
  }

  /** `timeoutMs` overrides the configured timeout, for the few bulk reads (the reach snapshot). */
  read<T>(txName: string, work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    return this.transaction('READ', txName, work, options.timeoutMs);
  }

  /**
   * `timeoutMs` overrides the configured timeout, for the few long jobs (the data import).
   * `derives` names the derived data the write may change: when any of its statements changed
   * the graph, the data version moves in the same transaction (see data-version.ts).
   */
  write<T>(txName: string, work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number; derives?: readonly DerivedData[] } = {}): Promise<T> {
    return this.transaction('WRITE', txName, work, options.timeoutMs, options.derives);
  }

  /** One schema statement in a transaction of its own: Neo4j does not mix schema and data changes in one. */
  async runSchema(statement: Statement): Promise<void> {
    await this.write(statement.name, (tx) => tx.run(statement));
  }

  private async transaction<T>(mode: 'READ' | 'WRITE', txName: string, work: (tx: Tx) => Promise<T>, timeoutMs?: number, derives?: readonly DerivedData[]): Promise<T> {
    const session = this.driver.session({ // eslint-disable-line no-restricted-syntax -- the one door
      database: this.options.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      // The process's bookmarks (its own writes) and the client's (a write on another replica) both count.
      bookmarkManager: this.bookmarkManager,
      ...(this.options.bookmarks?.given.length ? { bookmarks: [...this.options.bookmarks.given] } : {}),
    });
    const config = { timeout: timeoutMs ?? this.options.timeoutMs, metadata: { app: 'smart-city-graph', tx: txName } };
    // Each attempt (the driver retries transient failures) counts its own changes.
    let attempts = 0;
    const body = async (managed: ManagedTransaction) => {
      attempts++;
      const changes = { any: false };
      const tx = this.wrap(managed, mode, changes);
      const result = await work(tx);
      if (changes.any) await tx.run(BUMP_DATA_VERSION, { derives: [...(derives ?? [])] });
      return result;
    };
    try {
      const run = () => (mode === 'READ' ? session.executeRead(body, config) : session.executeWrite(body, config));
      // A node this transaction had matched was deleted by another one before it got to use it ("Unable
      // to load NODE"): run it again, once or twice, and it sees the node gone (NOT_FOUND) or not touched.
      let result: T;
      for (let attempt = 1; ; attempt++) {
        try {
          result = await run();
          break;
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS_AFTER_CONCURRENT_DELETE || !(error instanceof Neo4jError) || error.code !== 'Neo.ClientError.Statement.EntityNotFound') throw error;
        }
      }
      if (mode === 'WRITE' && this.options.bookmarks) this.options.bookmarks.written = session.lastBookmarks();
      metrics.transaction(mode, 'ok', attempts - 1);
      return result;
    } catch (error) {
      metrics.transaction(mode, 'error', Math.max(0, attempts - 1));
      throw mapDriverError(error);
    } finally {
      await session.close();
    }
  }

  private wrap(managed: ManagedTransaction, mode: 'READ' | 'WRITE', changes: { any: boolean }): Tx {
    const observer = this.options.observer;
    return {
      mode,
      async run<T>(statement: Statement, params: Record<string, unknown> = {}): Promise<T[]> {
        observer?.(statement, mode);
        const result = await managed.run(statement.text, toDb(params));
        if (mode === 'WRITE' && !statement.locksOnly && changedData(result.summary.counters.updates())) changes.any = true;
        return rowsOf<T>(result.records);
      },
    };
  }
}

/**
 * The records as plain values. A bulk read (a per-version cache's tens of thousands of rows) is converted
 * in slices, with other requests' turn between them, rather than in one pass that holds the event loop.
 */
async function rowsOf<T>(records: readonly { toObject(): object }[]): Promise<T[]> {
  const rows: T[] = [];
  for (let i = 0; i < records.length; i++) {
    if (i > 0 && i % ROWS_PER_SLICE === 0) await turn();
    rows.push(fromDb(records[i]!.toObject()) as T);
  }
  return rows;
}

const ROWS_PER_SLICE = 5_000;

/** Whether a statement changed the graph's data (an index or a constraint is not data, and cannot share a transaction with it). */
const changedData = (u: Record<string, number>) =>
  u.nodesCreated! + u.nodesDeleted! + u.relationshipsCreated! + u.relationshipsDeleted! + u.propertiesSet! + u.labelsAdded! + u.labelsRemoved! > 0;

const MAX_ATTEMPTS_AFTER_CONCURRENT_DELETE = 3;

function mapDriverError(error: unknown): unknown {
  if (error instanceof ApiError || !(error instanceof Neo4jError)) return error;
  // Unreachable, or still failing after the driver's retries (pool exhausted, leader switch, deadlock): try again later.
  if (UNAVAILABLE.has(error.code) || error.retriable || /acquisition timed out/i.test(error.message)) {
    return new ApiError('SERVICE_UNAVAILABLE', 'The database is not reachable right now. Please try again shortly.');
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.InvalidBookmark')) {
    return new ApiError('BAD_USER_INPUT', 'The Neo4j-Bookmark header holds a bookmark this database did not issue.');
  }
  // Ended while it waited for a lock — by its own time limit, as the soak run found under writes
  // ("LockClientStopped") — or stopped by the server: nothing was written; the same request may succeed now.
  if (error.code === 'Neo.ClientError.Transaction.LockClientStopped' || error.code === 'Neo.ClientError.Transaction.Terminated') {
    return new ApiError('QUERY_TIMEOUT', 'The request waited too long for other changes to the same data and was stopped; nothing was changed. Please try again.');
  }
  if (error.code.startsWith('Neo.ClientError.Transaction.TransactionTimedOut')) {
    return new ApiError('QUERY_TIMEOUT', 'The request took too long and was stopped. Narrow it (smaller pages, fewer hops) and try again.');
  }
  if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    // "Node(42) already exists with label `Project` and property `id` = 'x'": the values are the caller's own input.
    const m = /label `(\w+)` and propert(?:y|ies) `?(\w+)`? = (.+)$/.exec(error.message);
    return conflict(m ? `A ${m[1]} with ${m[2]} ${m[3]} already exists.` : 'An entry with this key already exists.');
  }
  return error;
}

/** How long the driver's transaction functions retry a transient failure (a lost connection, a leader switch). */
export const MAX_TRANSACTION_RETRY_MS = 5_000;

export function createDriver(uri: string, user: string, password: string | undefined, { maxTransactionRetryTime = MAX_TRANSACTION_RETRY_MS } = {}): Driver {
  // The local server has authentication off and ignores the credentials; a remote one needs NEO4J_PASSWORD.
  return neo4j.driver(uri, neo4j.auth.basic(user, password ?? ''), {
    // Fail fast when the database is away; the API answers SERVICE_UNAVAILABLE meanwhile.
    connectionAcquisitionTimeout: 10_000,
    connectionTimeout: 5_000,
    maxTransactionRetryTime,
    userAgent: 'smart-city-graph',
  });
}
