// The generated demo links: labelled, deterministic, and removable without touching real data.
import { describe, expect, it } from 'vitest';
import { removeDemoLinks, writeDemoLinks } from '../../src/import/demo-links.js';
import { useHarness } from '../support/use-harness.js';

const h = useHarness({
  then: async (harness) => {
    // A town near Ulm, so the event there has someone to invite.
    const added = await harness.gql(`mutation { upsertMunicipality(input: { ags: "09775164", name: "Neu-Ulm, Stadt", kind: STADT, population: 58978, location: { lat: 48.39, lon: 10.01 } }) { ags } }`);
    expect(added.errors).toBeUndefined();
  },
});

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

  it('count only when asked: reach, attendees and exchanges leave generated links out unless includeGenerated is true', async () => {
    const written = await writeDemoLinks(h.db);
    try {
      expect(written.attendance + written.exchanges).toBeGreaterThan(0);
      const reachOf = async (includeGenerated: boolean) =>
        (await h.ok(`query($g: Boolean) { reach(from: { event: "rk-ulm" }, maxHops: 1, includeGenerated: $g) { includesGenerated reachedCount } }`, { g: includeGenerated })).reach;
      const real = await reachOf(false);
      const all = await reachOf(true);
      expect(real.includesGenerated).toBe(false);
      expect(all.includesGenerated).toBe(true);
      expect(all.reachedCount).toBeGreaterThan(real.reachedCount);
      // The default is the real network.
      const byDefault = (await h.ok(`{ reach(from: { event: "rk-ulm" }, maxHops: 1) { reachedCount } }`)).reach;
      expect(byDefault.reachedCount).toBe(real.reachedCount);

      const attendees = async (g: boolean) =>
        (await h.ok(`query($g: Boolean) { event(slug: "rk-ulm") { attendees(first: 100, includeGenerated: $g) { totalCount } attendance(first: 100, includeGenerated: $g) { edges { node { generated } } } } }`, { g })).event;
      const realAttendance = await attendees(false);
      const allAttendance = await attendees(true);
      expect(allAttendance.attendees.totalCount).toBe(realAttendance.attendees.totalCount + written.attendance);
      expect(realAttendance.attendance.edges.every((e: any) => e.node.generated === false)).toBe(true);
      expect(allAttendance.attendance.edges.filter((e: any) => e.node.generated).length).toBe(written.attendance);

      if (written.exchanges > 0) {
        const [link] = await h.cypher<{ ags: string }>(`MATCH (a:Municipality)-[:EXCHANGES_WITH {generated: true}]->() RETURN a.ags AS ags LIMIT 1`);
        const exchanges = async (g: boolean) =>
          (await h.ok(`query($ags: String!, $g: Boolean) { municipality(ags: $ags) { exchanges(includeGenerated: $g) { generated } } }`, { ags: link!.ags, g })).municipality.exchanges;
        expect((await exchanges(false)).some((x: any) => x.generated)).toBe(false);
        expect((await exchanges(true)).some((x: any) => x.generated)).toBe(true);
      }
    } finally {
      await removeDemoLinks(h.db);
    }
  });
});
