import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/errors.js';
import { afterKeyset, EXPORT_PAGE_SIZE, MAX_PAGE_SIZE, pageInMemory, pageRequest, toConnection, topInMemory, nodeEdge } from '../../src/kernel/connection.js';

const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ node: { k: `k${i}` }, sort: `s${i}`, key: `k${i}` }));
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return e instanceof ApiError ? e.extensions.code : 'OTHER';
  }
  return 'NONE';
};

describe('pageRequest', () => {
  it('defaults to 20 and asks the database for one more than the page', () => {
    expect(pageRequest('x', {})).toEqual({ order: 'x', first: 20, limit: 21, after: null });
    expect(pageRequest('x', { first: 0 })).toMatchObject({ first: 0, limit: 1 });
    expect(pageRequest('x', { first: MAX_PAGE_SIZE })).toMatchObject({ first: 100, limit: 101 });
  });

  it('refuses sizes outside 0…100', () => {
    expect(code(() => pageRequest('x', { first: -1 }))).toBe('BAD_USER_INPUT');
    expect(code(() => pageRequest('x', { first: 101 }))).toBe('BAD_USER_INPUT');
  });

  it('lets the lists the app downloads take up to 1,000 in one page, and no more', () => {
    expect(pageRequest('x', { first: EXPORT_PAGE_SIZE }, 'string', EXPORT_PAGE_SIZE)).toMatchObject({ first: 1000, limit: 1001 });
    expect(code(() => pageRequest('x', { first: 1001 }, 'string', EXPORT_PAGE_SIZE))).toBe('BAD_USER_INPUT');
  });

  it('round-trips its own cursors and refuses anything else', () => {
    const page = toConnection(pageRequest('list.NAME', { first: 2 }), { rows: rows(3), total: 3 }, nodeEdge);
    const after = page.pageInfo.endCursor!;
    expect(pageRequest('list.NAME', { after })).toMatchObject({ after: { v: 's1', k: 'k1' } });
    expect(code(() => pageRequest('list.AGS', { after }))).toBe('BAD_USER_INPUT');
    expect(code(() => pageRequest('list.NAME', { after }, 'number'))).toBe('BAD_USER_INPUT');
    for (const forged of ['', '$$$', 'a'.repeat(2000), Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"a":1}').toString('base64url'), Buffer.from('not json').toString('base64url')]) {
      expect(code(() => pageRequest('list.NAME', { after: forged })), forged.slice(0, 20)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('toConnection', () => {
  it('cuts the extra row and reports whether more follow', () => {
    const request = pageRequest('o', { first: 2 });
    const more = toConnection(request, { rows: rows(3), total: 9 }, nodeEdge);
    expect(more.edges.map((e) => e.node.k)).toEqual(['k0', 'k1']);
    expect(more.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(more.totalCount).toBe(9);
    const last = toConnection(request, { rows: rows(2), total: 2 }, nodeEdge);
    expect(last.pageInfo.hasNextPage).toBe(false);
    const empty = toConnection(request, { rows: [], total: 0 }, nodeEdge);
    expect(empty.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null });
  });
});

describe('afterKeyset', () => {
  it('compares in the direction of the order and breaks ties by key', () => {
    expect(afterKeyset('m.nameKey', 'm.ags', 'ASC')).toBe('($after IS NULL OR m.nameKey > $after.v OR (m.nameKey = $after.v AND m.ags > $after.k))');
    expect(afterKeyset('x', 'y', 'DESC', 'key.after')).toBe('(key.after IS NULL OR x < key.after.v OR (x = key.after.v AND y > key.after.k))');
  });
});

describe('topInMemory', () => {
  it('gives the pages pageInMemory gives over the sorted list — ties by key, cursors continuing — without sorting it', () => {
    // 500 items, many scores shared (ties broken by key), in a shuffled order.
    const items = Array.from({ length: 500 }, (_, i) => ({ key: `m${String((i * 7919) % 500).padStart(3, '0')}`, sort: Math.round(Math.sin(i) * 20) / 4 }));
    const sorted = [...items].sort((a, b) => b.sort - a.sort || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((x) => ({ ...x, node: x.key }));
    for (const first of [0, 1, 10, 100]) {
      let after: string | null = null;
      for (let page = 0; page < 8; page++) {
        const request = pageRequest('top', { first, after }, 'number');
        const expected = toConnection(request, pageInMemory(request, sorted, 'DESC'), nodeEdge);
        const top = topInMemory(request, items.length, (i) => items[i]!.sort, (i) => items[i]!.key);
        const got = toConnection(request, { rows: top.indices.map((i) => ({ ...items[i]!, node: items[i]!.key })), total: top.total }, nodeEdge);
        expect(got).toEqual(expected);
        if (!expected.pageInfo.hasNextPage) break;
        after = expected.pageInfo.endCursor;
      }
    }
  });
});
