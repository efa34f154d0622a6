// The driver's types stop at src/db/values.ts: what comes back from Neo4j is plain JavaScript.
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { fromDb, toDb } from '../../src/db/values.js';

const { types } = neo4j;

describe('fromDb', () => {
  it('passes strings, numbers and booleans, and turns undefined into null', () => {
    expect([fromDb('Köln'), fromDb(3.5), fromDb(true), fromDb(null), fromDb(undefined)]).toEqual(['Köln', 3.5, true, null, null]);
  });

  it('turns integers (Integer and bigint) into numbers, also deep inside maps and lists', () => {
    expect(fromDb({ total: neo4j.int(42), rows: [{ n: neo4j.int(-7), big: 9007199254740991n, name: 'x' }], nested: { empty: [] } })).toEqual({
      total: 42,
      rows: [{ n: -7, big: 9007199254740991, name: 'x' }],
      nested: { empty: [] },
    });
  });

  it('turns temporal values into ISO strings and points into lat/lon', () => {
    expect(fromDb(new types.Date(2024, 12, 31))).toBe('2024-12-31');
    expect(fromDb(new types.DateTime(2026, 12, 3, 9, 30, 0, 0, 0))).toBe('2026-12-03T09:30:00.000Z');
    expect(fromDb(new types.Point(4326, 6.96, 50.94))).toEqual({ lat: 50.94, lon: 6.96 });
  });

  it('turns nodes and relationships into their properties', () => {
    const node = new types.Node(neo4j.int(1), ['Municipality'], { ags: '05315000', population: neo4j.int(1_087_353) }, 'e1');
    const rel = new types.Relationship(neo4j.int(2), neo4j.int(1), neo4j.int(3), 'RUNS', { role: 'LEAD' }, 'e2', 'e1', 'e3');
    expect([fromDb(node), fromDb(rel)]).toEqual([{ ags: '05315000', population: 1_087_353 }, { role: 'LEAD' }]);
  });
});

describe('toDb', () => {
  it('sends whole numbers as integers and everything else as is', () => {
    expect(toDb({ limit: 10, share: 0.5, keys: [1, 'a'] })).toEqual({ limit: neo4j.int(10), share: 0.5, keys: [neo4j.int(1), 'a'] });
  });
});
