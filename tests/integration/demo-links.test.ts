// The generated demo links: labelled, deterministic, and removable without touching real data.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDemoLinks, writeDemoLinks } from '../../src/import/demo-links.js';
import { createHarness, type Harness } from '../support/harness.js';
import { loadFixture } from '../support/fixture.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  await loadFixture(h);
  // A town near Ulm, so the event there has someone to invite.
  const added = await h.gql(`mutation { upsertMunicipality(input: { ags: "09775164", name: "Neu-Ulm, Stadt", kind: STADT, population: 58978, location: { lat: 48.39, lon: 10.01 } }) { ags } }`);
  expect(added.errors).toBeUndefined();
});
afterAll(() => h.close());

const generated = () =>
  h.cypher<{ link: string }>(
    `MATCH (a)-[r:ATTENDED|EXCHANGES_WITH {generated: true}]->(b) RETURN a.ags + '-' + type(r) + '->' + coalesce(b.ags, b.id) AS link ORDER BY link`,
  );

describe('demo links', () => {
  it('are marked generated, the same on every run, and removable leaving the real links', async () => {
    const before = await h.fingerprint();
    const written = await writeDemoLinks(h.db);
    // rk-ulm is the fixture's only event whose host has a position; München (about 125 km away) already attends it for real.
    expect(written.attendance).toBeGreaterThan(0);
    const [real] = await h.cypher<{ generated: boolean | null }>(`MATCH (:Municipality {ags: '09162000'})-[a:ATTENDED]->(:Event {id: 'rk-ulm'}) RETURN a.generated AS generated`);
    expect(real!.generated).toBeNull();
    const first = await generated();
    expect(first.length).toBe(written.attendance + written.exchanges);
    expect(first.every((l) => l.link.includes('-ATTENDED->rk-ulm') || l.link.includes('-EXCHANGES_WITH->'))).toBe(true);
    await writeDemoLinks(h.db);
    expect(await generated()).toEqual(first);
    const removed = await removeDemoLinks(h.db);
    expect(removed).toBe(first.length);
    expect(await h.fingerprint()).toBe(before);
  });
});
