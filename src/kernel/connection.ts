// Relay connections with keyset pagination. A cursor carries the sort value
// and the key of the last item seen, so a page never repeats or skips items
// even when others are added meanwhile. Cursors are opaque to clients and
// checked on the way in: a forged or foreign cursor is BAD_USER_INPUT.
import { cypher, type Statement } from '../db/cypher.js';
import type { Row } from '../db/database.js';
import { badInput } from '../errors.js';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/**
 * The page size of the lists the app offers as downloads (peers, solutions to adopt, measures, a programme's
 * participants): an app takes the whole list, or its best 1,000, in one request. Their items are small when
 * asked for flat; the cost limit still charges each one.
 */
export const EXPORT_PAGE_SIZE = 1000;

export type SortValue = string | number;

/** Where to continue: the last item's sort value and key. */
export interface Keyset {
  v: SortValue;
  k: string;
}

/** What a repository needs to fetch one page. `limit` is one more than asked, to see whether more follow. */
export interface PageRequest {
  order: string;
  first: number;
  limit: number;
  after: Keyset | null;
}

/** One row of a page as a repository returns it. */
export interface PageRow<T> {
  node: T;
  sort: SortValue;
  key: string;
}

export interface Page<T, R extends PageRow<T> = PageRow<T>> {
  rows: R[];
  total: number;
}

export interface Connection<E> {
  edges: E[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number;
}

const encodeCursor = (order: string, row: { sort: SortValue; key: string }) =>
  Buffer.from(JSON.stringify([order, row.sort, row.key]), 'utf8').toString('base64url');

function decodeCursor(cursor: string, order: string, sortType: 'string' | 'number'): Keyset {
  const invalid = () => badInput('The cursor in `after` is not valid for this list. Use an `endCursor` returned by the same field.', { argument: 'after' });
  if (cursor.length > 1000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw invalid();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw invalid();
  const [o, v, k] = parsed as unknown[];
  if (o !== order || typeof v !== sortType || typeof k !== 'string') throw invalid();
  if (typeof v === 'number' && !Number.isFinite(v)) throw invalid();
  return { v: v as SortValue, k };
}

/** Validates `first`/`after` of a list field; `max`: EXPORT_PAGE_SIZE for the lists the app downloads. */
export function pageRequest(
  order: string,
  args: { first?: number | null; after?: string | null },
  sortType: 'string' | 'number' = 'string',
  max: number = MAX_PAGE_SIZE,
): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > max) {
    throw badInput(`\`first\` must be between 0 and ${max}; got ${first}.`, { argument: 'first' });
  }
  const after = args.after === undefined || args.after === null ? null : decodeCursor(args.after, order, sortType);
  return { order, first, limit: first + 1, after };
}

/** Builds the connection from the rows fetched with `request.limit`. `toEdge` adds per-edge fields (e.g. a role). */
export function toConnection<T, R extends PageRow<T>, E>(
  request: PageRequest,
  page: Page<T, R>,
  toEdge: (row: R, cursor: string) => E,
): Connection<E> {
  const rows = page.rows.slice(0, request.first);
  const cursors = rows.map((row) => encodeCursor(request.order, row));
  return {
    edges: rows.map((row, i) => toEdge(row, cursors[i]!)),
    pageInfo: {
      hasNextPage: page.rows.length > request.first,
      hasPreviousPage: request.after !== null,
      startCursor: cursors[0] ?? null,
      endCursor: cursors.at(-1) ?? null,
    },
    totalCount: page.total,
  };
}

/**
 * One page of a list held in memory, already ordered by `sort` (`direction`)
 * with ties by `key` ascending: the rows after the cursor, at most
 * `request.limit` of them — the in-memory twin of `afterKeyset`.
 */
export function pageInMemory<R extends { sort: SortValue; key: string }>(request: PageRequest, ordered: readonly R[], direction: 'ASC' | 'DESC'): { rows: R[]; total: number } {
  const after = request.after;
  const isAfter = (row: R): boolean => {
    if (after === null) return true;
    if (row.sort === after.v) return row.key > after.k;
    return direction === 'ASC' ? row.sort > after.v : row.sort < after.v;
  };
  return { rows: (after === null ? ordered : ordered.filter(isAfter)).slice(0, request.limit), total: ordered.length };
}

/**
 * One page of `n` items ranked by a number (higher first), ties by key (ascending) — the order and the cursors of
 * `pageInMemory(…, 'DESC')` — without sorting them all: the items after the cursor are met once, the best
 * `request.limit` of them kept in order (n · log limit). For rankings that score every candidate of thousands and
 * show ten. Returns the page's indices, best first, and the total.
 */
export function topInMemory(request: PageRequest, n: number, sortOf: (i: number) => number, keyOf: (i: number) => string): { indices: number[]; total: number } {
  const after = request.after;
  const afterV = after === null ? null : Number(after.v);
  const better = (i: number, si: number, j: number) => {
    const sj = sortOf(j);
    return si > sj || (si === sj && keyOf(i) < keyOf(j));
  };
  const best: number[] = [];
  const limit = request.limit;
  for (let i = 0; i < n; i++) {
    const si = sortOf(i);
    if (afterV !== null && !(si < afterV || (si === afterV && keyOf(i) > after!.k))) continue;
    if (best.length === limit && (limit === 0 || !better(i, si, best[limit - 1]!))) continue;
    // Binary search for the place among those kept so far.
    let lo = 0;
    let hi = best.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (better(i, si, best[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    best.splice(lo, 0, i);
    if (best.length > limit) best.pop();
  }
  return { indices: best, total: n };
}

/** The common edge shape `{ cursor, node }`. */
export const nodeEdge = <T>(row: PageRow<T>, cursor: string) => ({ cursor, node: row.node });

/**
 * The Cypher condition "comes after the keyset in `param`" for an order by
 * `sort` (ASC or DESC), ties broken by `key` ascending. Used when the
 * statement constants are built at module load; values stay parameters.
 */
export function afterKeyset(sort: string, key: string, direction: 'ASC' | 'DESC', param = '$after'): string {
  const op = direction === 'ASC' ? '>' : '<';
  return `(${param} IS NULL OR ${sort} ${op} ${param}.v OR (${sort} = ${param}.v AND ${key} > ${param}.k))`;
}

export const emptyPage = <T, R extends PageRow<T> = PageRow<T>>(): Page<T, R> => ({ rows: [], total: 0 });

/** Maps a `{total, rows}` row of a list statement, turning each `node` into a record. */
export const pageOf =
  <T, R extends PageRow<T> = PageRow<T>>(map: (row: Row) => T) =>
  (r: Row): Page<T, R> => ({
    total: r.total as number,
    rows: (r.rows as Row[]).map((row) => ({ ...row, node: map(row.node as Row) })) as unknown as R[],
  });

/** How a root list is found and ordered; `node` is the variable `pattern` binds. */
export interface ListShape {
  node: string;
  pattern: string;
  /** The filter, with optional parameters written as `($x IS NULL OR …)`. */
  where: string;
  sort: string;
  direction: 'ASC' | 'DESC';
  /** The unique tie-breaker, so the order is total. */
  key: string;
  projection?: string;
  /** More entries of each row's map, computed for the page's items only, e.g. `runners: COLLECT { … }`. */
  extras?: string;
}

/**
 * The statement of one root list, built once at module load: the total over
 * the filter, and one page after the keyset ($after, $limit). The filter is
 * matched once; the total and the page both come from that one match.
 */
export function listPageStatement(name: string, shape: ListShape): Statement {
  const { node, pattern, where, sort, direction, key } = shape;
  const projection = shape.projection ?? `${node} {.*}`;
  return cypher(
    name,
    `MATCH ${pattern} WHERE ${where}
     WITH collect(${node}) AS matched
     CALL (matched) {
       UNWIND matched AS ${node}
       WITH ${node} WHERE ${afterKeyset(sort, key, direction)}
       WITH ${node} ORDER BY ${sort} ${direction}, ${key} LIMIT $limit
       RETURN collect({node: ${projection}, sort: ${sort}, key: ${key}${shape.extras ? `, ${shape.extras}` : ''}}) AS rows
     }
     RETURN size(matched) AS total, rows`,
  );
}
