import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION, migrate } from '../../src/db/migrations.js';
import { createHarness, type Harness } from '../support/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(); // runs migrate() once
});
afterAll(() => h.close());

describe('migrations', () => {
  it('are recorded in the graph, and a second run applies nothing', async () => {
    const recorded = await h.cypher<{ version: number }>('MATCH (m:Migration) RETURN m.version AS version ORDER BY version');
    expect(recorded.map((r) => r.version)).toEqual(Array.from({ length: LATEST_MIGRATION }, (_, i) => i + 1));
    expect(await migrate(h.db)).toEqual([]);
  });

  it('created a uniqueness constraint per key, the full-text index and the point index', async () => {
    const constraints = await h.cypher<{ labels: string[]; properties: string[]; type: string }>(
      'SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type',
    );
    const unique = constraints.filter((c) => c.type === 'UNIQUENESS').map((c) => `${c.labels[0]}.${c.properties[0]}`).sort();
    expect(unique).toEqual(['ApiKey.id', 'Contact.id', 'ContactPoint.id', 'Event.id', 'IndexRank.id',
      'Measure.id', 'Migration.version', 'Municipality.ags', 'Organization.id', 'Programme.id', 'Project.id', 'Solution.id', 'Topic.slug']);
    const indexes = await h.cypher<{ name: string; type: string; state: string; labels: string[]; properties: string[]; options: { indexConfig: Record<string, unknown> } }>(
      'SHOW INDEXES YIELD name, type, state, labelsOrTypes AS labels, properties, options',
    );
    const byName = Object.fromEntries(indexes.map((i) => [i.name, i]));
    expect(byName.search).toMatchObject({ type: 'FULLTEXT', state: 'ONLINE', labels: ['Municipality', 'Project', 'Topic', 'Contact', 'Organization', 'Event', 'Measure', 'Programme', 'Solution'] });
    expect(byName.search!.properties).toEqual(['name', 'nameEn', 'title', 'summary', 'description', 'searchName']);
    // German analyzer: "Muenchen" and "München", "Strasse" and "Straße" meet.
    expect(byName.search!.options.indexConfig['fulltext.analyzer']).toBe('german');
    expect(byName.municipality_location).toMatchObject({ type: 'POINT', state: 'ONLINE', properties: ['location'] });
  });

  it('a duplicate key is refused by the database itself, not only by the API', async () => {
    await h.reset();
    await h.cypher("CREATE (:Topic {slug: 'once', name: 'A'})");
    await expect(h.cypher("CREATE (:Topic {slug: 'once', name: 'B'})")).rejects.toThrow(/already exists/);
  });
});
