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
