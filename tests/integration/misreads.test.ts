// Facts an independent check found misread (issue 32, point 6), each checked
// on the real import: the rule that read them, not the row, is what is tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/import/import.js';
import { fromProject } from '../../src/paths.js';
import { createHarness, type Harness } from '../support/harness.js';
import { registerRead } from '../support/register.js';

const DATA = fromProject('data');

let h: Harness;
let report: Awaited<ReturnType<typeof runImport>>;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  report = await runImport(h.db, { dataDir: DATA, register: await registerRead() });
}, 180_000);
afterAll(() => h.close());

describe('the implementation phase starts in a start year, never an end year', () => {
  it('reads the start of the implementation, and nothing where the words give only its end', async () => {
    expect(report.errors).toEqual([]);
    const { projects } = await h.ok(`{ projects(first: 100) { edges { node { slug name phase { implementationSince wording } } } } }`);
    const since = new Map<string, number | null>(projects.edges.map((e: any) => [e.node.name, e.node.phase?.implementationSince ?? null]));
    // Their words give only the end of the implementation (“Umsetzungsphase bis 2027”).
    for (const name of ['Barleben', 'Kassel', 'Kiel (Smarte KielRegion)', 'Mönchengladbach', 'Rostock', 'Süderbrarup']) expect([name, since.get(name)]).toEqual([name, null]);
    // stadtlabor-soest.de: “Im Jahr 2022 startet das Projekt … in die fünfjährige Umsetzungsphase”.
    expect(since.get('Kooperation Arnsberg, Olpe, Menden, Soest und Bad Berleburg')).toBe(2022);
    // Stated starts stay as they were.
    expect(since.get('Ulm')).toBe(2022);
    expect(since.get('Jena')).toBe(2022);
    expect(since.get('Lübeck')).toBe(2023);
    // No project's year is one its words give only as the end of the implementation (not of its strategy) or of the project.
    const endOf = /(?:(?:umsetzung\w*|phase b)(?:(?!strategie)[^;])*(?:bis|[–-])|(?:projekt|förderung|laufzeit)\w*[^;]*bis)\s*(?:\S+\s+)?\S{0,3}$/i;
    for (const { node } of projects.edges) {
      const year = node.phase?.implementationSince;
      if (year == null) continue;
      const asStart = [...node.phase.wording.matchAll(new RegExp(`([^;]*?)\\b${year}\\b`, 'g'))].some((m) => !endOf.test(m[1]));
      expect([node.name, node.phase.wording, asStart]).toEqual([node.name, node.phase.wording, true]);
    }
  });
});

describe('funding', () => {
  it('marks a ceiling as an upper bound and a “more than” as a lower bound', async () => {
    const { bochum, koeln, berlin, solingen, cottbus } = await h.ok(`{
      bochum: project(slug: "mpsc-2021-bochum") { fundingEur fundingBound }
      koeln: project(slug: "mpsc-2020-koln") { fundingEur fundingBound }
      berlin: project(slug: "mpsc-2020-berlin") { fundingEur fundingBound }
      solingen: project(slug: "mpsc-2019-solingen") { fundingEur fundingBound }
      cottbus: project(slug: "mpsc-2019-cottbus") { fundingEur fundingBound }
    }`);
    expect(bochum).toEqual({ fundingEur: 9_880_000, fundingBound: 'AT_MOST' });
    expect(koeln).toEqual({ fundingEur: 15_000_000, fundingBound: 'AT_MOST' });
    expect(berlin).toEqual({ fundingEur: 11_000_000, fundingBound: 'AT_LEAST' });
    expect(solingen).toEqual({ fundingEur: 9_000_000, fundingBound: 'AMOUNT' });
    // 13,48 Mio stated; the “bis zu 13,5 Millionen” of another source is another figure.
    expect(cottbus).toEqual({ fundingEur: 13_480_000, fundingBound: 'AMOUNT' });
  });

  it('keeps only the sentences about money in fundingNote', async () => {
    const { projects } = await h.ok(`{ projects(first: 100) { edges { node { name fundingNote } } } }`);
    const notes = projects.edges.map((e: any) => [e.node.name, e.node.fundingNote]).filter(([, n]: [string, string | null]) => n !== null);
    expect(notes.length).toBeGreaterThan(50);
    for (const [name, note] of notes) expect([name, /topics by source|phase source|\btopics \d|(?:^|[.;] )Phase:|phase label|Themenfelder/i.test(note)]).toEqual([name, false]);
    const { project } = await h.ok(`{ project(slug: "mpsc-2021-bochum") { fundingNote } }`);
    expect(project.fundingNote).toMatch(/^funding: max\. possible grant/);
  });
});

describe('the sources\' own words', () => {
  it('lists a project\'s topics as its sources word them, in their order', async () => {
    const { project } = await h.ok(`{ project(slug: "mpsc-2021-bochum") { topicsWording } }`);
    expect(project.topicsWording).toEqual(['Zukunftsfähige Infrastruktur', 'Intelligentes Stadtmanagement', 'Digitale Gesellschaft', 'Nachhaltige Mobilität und Umwelt', 'Innovative Wirtschaft und Wissenschaft']);
  });
});

describe('names and descriptions', () => {
  it('spells Soest in the slug, and the old slug still finds the project', async () => {
    const { now, old } = await h.ok(`{
      now: project(slug: "mpsc-2019-kooperation-arnsberg-olpe-menden-soest-und-bad-berleburg") { slug name }
      old: project(slug: "mpsc-2019-kooperation-arnsberg-olpe-menden-sost-und-bad-berleburg") { slug }
    }`);
    expect(now).toEqual({ slug: 'mpsc-2019-kooperation-arnsberg-olpe-menden-soest-und-bad-berleburg', name: 'Kooperation Arnsberg, Olpe, Menden, Soest und Bad Berleburg' });
    expect(old).toEqual({ slug: 'mpsc-2019-kooperation-arnsberg-olpe-menden-soest-und-bad-berleburg' });
    // A flagship measure's slug, misspelt by the same rule (“virtueller” → “virtuller”), still finds it.
    const { measure } = await h.ok(`{ measure(slug: "mpsc-2019-kaiserslautern-virtuller-begegnungsraum") { slug } }`);
    expect(measure).toEqual({ slug: 'mpsc-2019-kaiserslautern-virtueller-begegnungsraum' });
  });

  it('moves a project keyed by the old rule to its new key on re-import, with what the API added to it', async () => {
    const [moved] = await h.cypher<{ n: number }>(`MATCH (p:Project {id: 'mpsc-2019-kooperation-arnsberg-olpe-menden-soest-und-bad-berleburg'})
      SET p.id = 'mpsc-2019-kooperation-arnsberg-olpe-menden-sost-und-bad-berleburg', p.summary = 'added through the API' RETURN count(p) AS n`);
    expect(moved!.n).toBe(1);
    const again = await runImport(h.db, { dataDir: DATA, register: await registerRead() });
    expect(again.errors).toEqual([]);
    const rows = await h.cypher<{ id: string; summary: string; runners: number }>(`MATCH (p:Project) WHERE p.name STARTS WITH 'Kooperation Arnsberg'
      RETURN p.id AS id, p.summary AS summary, COUNT { (p)<-[:RUNS]-() } AS runners`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: 'mpsc-2019-kooperation-arnsberg-olpe-menden-soest-und-bad-berleburg', summary: 'added through the API' });
    expect(rows[0]!.runners).toBeGreaterThan(1);
  }, 120_000);

  it('dates populations by the register, not by a year written into the schema', async () => {
    const { __type } = await h.ok(`{ __type(name: "Municipality") { fields { name description } } }`);
    const population = __type.fields.find((f: any) => f.name === 'population');
    expect(population.description).not.toMatch(/2019/);
    expect(population.description).toMatch(/Query\.register/);
  });
});

describe('inferred facts say so', () => {
  it('marks a planned adoption as planned, not as a transfer that happened', async () => {
    const { municipality } = await h.ok(`{ municipality(ags: "14521710") { exchanges(kind: TRANSFER) { partner { ags } planned } } }`);
    expect(municipality.exchanges.find((x: any) => x.partner.ags === '14522')).toEqual({ partner: { ags: '14522' }, planned: true });
    expect(municipality.exchanges.find((x: any) => x.partner.ags === '10046')).toEqual({ partner: { ags: '10046' }, planned: false });
  });

  it('notes on the link, and in the report, a bare name taken as the Landkreis', async () => {
    const { municipality } = await h.ok(`{ municipality(ags: "01003000") { exchanges { partner { ags name } note } } }`);
    const offenbach = municipality.exchanges.find((x: any) => x.partner.ags === '06438');
    expect(offenbach.note).toMatch(/"Offenbach".*Landkreis/);
    expect(report.decisions.some((d) => d.source === 'exchange-links.csv' && /Landkreis/.test(d.reason) && d.detail.includes('"Offenbach"'))).toBe(true);
  });
});

describe('dates at the precision their source gives', () => {
  it('serves a year as a year, and a day only where the source gives a day', async () => {
    const { zwoenitz, rostock } = await h.ok(`{
      zwoenitz: municipality(ags: "14521710") { exchanges { partner { ags } since sinceDate { value precision earliest latest } } }
      rostock: municipality(ags: "13003000") { exchanges(kind: KNOWLEDGE_EXCHANGE) { partner { ags } since sinceDate { value precision } } }
    }`);
    const wendel = zwoenitz.exchanges.find((x: any) => x.partner.ags === '10046');
    expect(wendel).toMatchObject({ since: null, sinceDate: { value: '2023', precision: 'YEAR', earliest: '2023-01-01', latest: '2023-12-31' } });
    // “Smarte Hanse”: signed in Lübeck on 23 Oct 2023.
    const luebeck = rostock.exchanges.find((x: any) => x.partner.ags === '01003000');
    expect(luebeck).toMatchObject({ since: '2023-10-23', sinceDate: { value: '2023-10-23', precision: 'DAY' } });
    // No imported link claims a first of January its source does not give.
    const [jan] = await h.cypher<{ n: number }>(`MATCH ()-[x:EXCHANGES_WITH {source: 'import'}]->() WHERE NOT x.since IS :: STRING RETURN count(x) AS n`);
    expect(jan!.n).toBe(0);
  });

  it('counts a year-only date at the end of its year in the reach', async () => {
    const reach = async (from: object, linkKinds: string[], asOf: string) =>
      (await h.ok(`query($from: ReachSource!, $kinds: [ReachLinkKind!], $asOf: Date) { reach(from: $from, maxHops: 1, linkKinds: $kinds, asOf: $asOf) { reached(first: 50) { edges { node { ags } } } } }`, { from, kinds: linkKinds, asOf })).reach.reached.edges.map((e: any) => e.node.ags);
    // Zwönitz → Landkreis St. Wendel, dated “2023”: certain only by 31 Dec 2023.
    expect(await reach({ municipality: '14521710' }, ['TRANSFER'], '2023-06-30')).not.toContain('10046');
    expect(await reach({ municipality: '14521710' }, ['TRANSFER'], '2023-12-31')).toContain('10046');
    // A project of the 2019 cohort without a start day: running by the end of 2019, not on 1 January.
    expect(await reach({ municipality: '05958004' }, ['PROJECT'], '2019-06-30')).toEqual(['05958004']);
    expect((await reach({ municipality: '05958004' }, ['PROJECT'], '2019-12-31')).length).toBeGreaterThan(1);
  }, 120_000);
});
