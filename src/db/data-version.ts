// One data version for every per-process cache. A write declares which
// derived data it changes (`db.write(…, { derives })`); the version moves in
// the same transaction, and only when the write really changed something
// (its statements' counters say so), so a refused write (NOT_FOUND,
// FORBIDDEN) leaves every cache valid. Caches (PerVersion) hold one value per
// version and reload when a read reports a newer one.
//
// Beside it, on the same node, the content version (`content`): it moves with
// every write that changed anything at all, derived or not (a contact's new
// name is in answers, not in the profiles). The caches of whole answers (the
// HTTP ETag and the response cache, src/http-cache.ts) key on it.
import { metrics } from '../metrics.js';
import { cypher } from './cypher.js';

/** What the per-process caches derive from the graph: the reach snapshot (network); the peers' topic profiles and the learning partners' solutions (profiles). */
export type DerivedData = 'network' | 'profiles';

/** The version node, for statements that report the version beside their rows. */
export const DATA_VERSION_MATCH = "OPTIONAL MATCH (dataVersion:DataVersion {id: 'data'})";
/** The version in such a statement: 0 before the first write that changed derived data. */
export const DATA_VERSION_VALUE = 'coalesce(dataVersion.n, 0)';

export const READ_DATA_VERSION = cypher('dataVersion.read', `${DATA_VERSION_MATCH} RETURN ${DATA_VERSION_VALUE} AS version`);
/** The content version: 0 before the first write. */
export const READ_CONTENT_VERSION = cypher('dataVersion.readContent', `${DATA_VERSION_MATCH} RETURN coalesce(dataVersion.content, 0) AS version`);
/** After a write that changed something: the content version moves, the data version when `$derives` is not empty. */
export const BUMP_DATA_VERSION = cypher(
  'dataVersion.bump',
  `MERGE (v:DataVersion {id: 'data'})
   SET v.content = coalesce(v.content, 0) + 1
   WITH v WHERE size($derives) > 0
   SET v.n = coalesce(v.n, 0) + 1, v.changes = $derives`,
);

/**
 * A value computed from the graph as of one data version, per process. `get`
 * returns it while the version is the same; otherwise one load runs (shared
 * by concurrent callers) and replaces it. Injected like every dependency,
 * never a module global.
 */
export class PerVersion<T extends { version: number }> {
  private current: T | null = null;
  private loading: Promise<T> | null = null;
  /** How many times a value was loaded (tests, metrics). */
  loads = 0;
  /** How long the last load took, in ms (the benchmark's scale curve; the metrics have them all). */
  lastLoadMs: number | null = null;

  /** `name` labels its rebuilds in the metrics (scg_cache_rebuild_seconds). */
  constructor(private readonly name: string) {}

  /** The value held now, whatever its version. */
  peek(): T | null {
    return this.current;
  }

  /** The value of `version`, loading it when the one held is of another version. */
  async get(version: number, load: () => Promise<T>): Promise<T> {
    if (this.current?.version === version) return this.current;
    const value = await this.load(load);
    // A load that started before `version` was read may be older than what the caller saw.
    return value.version >= version ? value : this.load(load, true);
  }

  /** Keeps a value loaded elsewhere (a read that already had to compute it). */
  keep(value: T): void {
    if (this.current === null || value.version >= this.current.version) this.current = value;
  }

  private load(load: () => Promise<T>, again = false): Promise<T> {
    if (again) this.loading = null;
    const started = process.hrtime.bigint();
    this.loading ??= load().then(
      (value) => {
        this.loads++;
        this.lastLoadMs = Number(process.hrtime.bigint() - started) / 1e6;
        metrics.rebuild(this.name, this.lastLoadMs / 1000);
        this.keep(value);
        this.loading = null;
        return value;
      },
      (error: unknown) => {
        this.loading = null;
        throw error;
      },
    );
    return this.loading;
  }
}
