// Helpers for the batched statements behind the DataLoaders, and for the
// existence checks that let a mutation answer NOT_FOUND before it writes.
import { cypher, type Statement } from '../db/cypher.js';
import type { Database, Row, Tx } from '../db/database.js';
import { notFound } from '../errors.js';
import { capSlice, type CappedList } from './list-caps.js';

/**
 * Every batched relation statement starts like this, so each result row can
 * say which key (by position) it belongs to: keys may be objects (a parent
 * key plus page arguments), and a missing parent simply yields no row.
 */
export const UNWIND_KEYS = 'UNWIND range(0, size($keys) - 1) AS i WITH i, $keys[i] AS key';

/** Runs a batched statement and returns one value per key, in key order; `empty()` fills the gaps. */
export async function perKey<K, V, R extends Row = Row>(
  tx: Tx,
  statement: Statement,
  keys: readonly K[],
  map: (row: R) => V,
  empty: () => V,
  params: Record<string, unknown> = {},
): Promise<V[]> {
  const rows = await tx.run<R & { i: number }>(statement, { ...params, keys });
  const out = keys.map(() => empty());
  for (const row of rows) out[row.i] = map(row);
  return out;
}

/** Labels with their key property, as the migrations constrain them. */
const KEYS = {
  Municipality: { prop: 'ags', what: 'Municipality' },
  Project: { prop: 'id', what: 'Project' },
  Topic: { prop: 'slug', what: 'Topic' },
  Contact: { prop: 'id', what: 'Contact' },
  Organization: { prop: 'id', what: 'Organization' },
  Event: { prop: 'id', what: 'Event' },
  Measure: { prop: 'id', what: 'Measure' },
} as const;
export type Label = keyof typeof KEYS;

// One statement per label, built once from the fixed table above.
const MISSING = Object.fromEntries(
  Object.entries(KEYS).map(([label, { prop }]) => [
    label,
    cypher(
      `exists.${label}`,
      `UNWIND $keys AS k OPTIONAL MATCH (n:${label} {${prop}: k}) WITH k, n WHERE n IS NULL RETURN collect(k) AS missing`,
    ),
  ]),
) as Record<Label, Statement>;

// In a write transaction the check first write-locks every node it finds (setting and removing a
// property that is never kept takes the node's lock), then looks again: a delete that committed while
// the lock was awaited is seen then, as NOT_FOUND. So what the transaction checked — that the node
// exists, and what a guard then reads about it — holds until it commits: a concurrent delete or change
// of the node waits for it, or it for them.
const LOCK_EXISTING = Object.fromEntries(
  Object.entries(KEYS).map(([label, { prop }]) => [
    label,
    cypher(
      `lock.${label}`,
      `UNWIND $keys AS k OPTIONAL MATCH (n:${label} {${prop}: k})
       CALL (n) { WITH n WHERE n IS NOT NULL SET n.\`_lock\` = true REMOVE n.\`_lock\` }
       RETURN count(n) AS locked`,
      { locksOnly: true },
    ),
  ]),
) as Record<Label, Statement>;

/**
 * Throws NOT_FOUND for the first key that has no node. Run inside the transaction that needs them; in
 * a write transaction the nodes found are locked until it ends.
 */
export async function ensureExist(tx: Tx, refs: Partial<Record<Label, readonly string[]>>): Promise<void> {
  for (const [label, keys] of Object.entries(refs) as [Label, string[]][]) {
    if (keys.length === 0) continue;
    // Locked in key order, so two transactions locking the same nodes cannot deadlock on them.
    const unique = [...new Set(keys)].sort();
    if (tx.mode === 'WRITE') await tx.run(LOCK_EXISTING[label], { keys: unique });
    const [row] = await tx.run<{ missing: string[] }>(MISSING[label], { keys: unique });
    const missing = row?.missing[0];
    if (missing !== undefined) throw notFound(KEYS[label].what, missing);
  }
}

/**
 * A batched "list per key" statement for the schema's list `field`: `pattern` binds the listed item
 * as `x` (and the key's node by `key`); items come back ordered by `order`, at most the field's cap
 * (list-caps.ts). `where` (e.g. the contact privacy rule) must hold for each item.
 */
export const listStatement = (name: string, field: CappedList, pattern: string, order: string, projection = 'x {.*}', where = 'true'): Statement =>
  cypher(name, `${UNWIND_KEYS} MATCH ${pattern} WHERE ${where} WITH i, x ORDER BY ${order} RETURN i, collect(${projection})${capSlice(field)} AS items`);

/** The batch function of a DataLoader over a list statement: one list (maybe empty) per key. `params` go along (e.g. `$viewer`). */
export const readLists =
  <T>(db: Database, statement: Statement, map: (row: Row) => T, params: Record<string, unknown> = {}) =>
  (keys: readonly string[]) =>
    db.read(statement.name, (tx) => perKey(tx, statement, keys, (r) => (r.items as Row[]).map(map), (): T[] => [], params));

/** Runs a statement that deletes links and returns `count(*) AS removed`; false when nothing was removed. */
export async function removedAny(tx: Tx, statement: Statement, params: Record<string, unknown>): Promise<boolean> {
  const [row] = await tx.run<{ removed: number }>(statement, params);
  return (row?.removed ?? 0) > 0;
}

/**
 * The batch function of an entity loader: one record (or null) per key, in
 * key order. The statement takes `$keys` and returns `key` and `node` columns.
 */
export const readByKeys =
  <T>(db: Database, statement: Statement, map: (row: Row) => T, params: Record<string, unknown> = {}) =>
  (keys: readonly string[]) =>
    db.read(statement.name, async (tx) => {
      const found = new Map((await tx.run<{ key: string; node: Row }>(statement, { ...params, keys })).map((r) => [r.key, map(r.node)]));
      return keys.map((k) => found.get(k) ?? null);
    });

/**
 * The statement of an entity loader (`readByKeys`) for a label keyed by `id` whose slugs an earlier rule
 * gave out differently: a key that no node has any more still finds the node that lists it in
 * `formerSlugs`. The key lookup goes first; only a miss looks at the former slugs.
 */
export const bySlugOrFormer = (name: string, label: 'Project' | 'Measure'): Statement =>
  cypher(
    name,
    `UNWIND $keys AS key
     OPTIONAL MATCH (x:${label} {id: key})
     OPTIONAL CALL (key, x) { WITH key, x WHERE x IS NULL MATCH (y:${label}) WHERE key IN y.formerSlugs RETURN y LIMIT 1 }
     WITH key, coalesce(x, y) AS x WHERE x IS NOT NULL
     RETURN key, x {.*} AS node`,
  );
