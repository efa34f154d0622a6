// The real-data import against the real Neo4j: counts checked against the
// sources, idempotence, and corrupted sources that must change nothing.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../../src/db/migrations.js';
import { runImport } from '../../src/import/import.js';
import { fromProject } from '../../src/paths.js';
import { createHarness, type Harness } from '../support/harness.js';

const DATA = fromProject('data');
const FILES = ['destatis-gv-isys-2019-12-31.csv', 'mpsc.csv', 'events.csv', 'topics.csv', 'topic-mapping.csv'];

let h: Harness;
let firstRun: Awaited<ReturnType<typeof runImport>>;
beforeAll(async () => {
  h = await createHarness();
  await h.reset();
  firstRun = await runImport(h.db, { dataDir: DATA });
}, 120_000);
afterAll(() => h.close());

const count = async (pattern: string) => (await h.cypher<{ n: number }>(`MATCH ${pattern} RETURN count(*) AS n`))[0]!.n;

describe('import of the bundled real data', () => {
  it('takes every source row it should and reports every other one', () => {
    expect(firstRun.errors).toEqual([]);
    expect(firstRun.written).toMatchObject({
      'Municipality (Land)': 16,
      Project: 73,
      Event: 8,
    });
    expect(firstRun.written['Municipality (Landkreis)']! + firstRun.written['Municipality (kreisfreie Stadt)']!).toBe(401);
    // 11,004 Gemeinde rows less the 208 unincorporated areas.
    const gemeinden = ['Municipality (Stadt)', 'Municipality (Gemeinde)', 'Municipality (kreisfreie Stadt)'].reduce((n, k) => n + firstRun.written[k]!, 0);
    expect(gemeinden).toBe(10_796);
    const skipped = Object.fromEntries(Object.entries(ImportReportCounts(firstRun.skipped)));
    expect(skipped).toEqual({
      'administrative district': 41,
      'kreisfreie Stadt at Kreis level': 107,
      'unincorporated area': 208,
      'verbandsfreie Gemeinde': 3396,
    });
    // 16 + 29 + 12 + 401 + 4,606 + 11,004 register rows: each is taken or reported.
    const registerRows = 16 + 29 + 12 + 401 + 4606 + 11004;
    const taken = 16 + 401 - 107 + (4606 - 3396) + 10_796;
    expect(taken + firstRun.skipped.length).toBe(registerRows);
    expect(firstRun.seconds).toBeGreaterThan(0);
  });

  it('has the counts of the sources in the graph', async () => {
    expect(await count('(:Municipality {kind: "LAND"})')).toBe(16);
    expect(await count('(m:Municipality) WHERE m.kind IN ["LANDKREIS", "KREISFREIE_STADT"]')).toBe(401);
    expect(await count('(m:Municipality) WHERE m.kind IN ["STADT", "GEMEINDE", "KREISFREIE_STADT"]')).toBe(10_796);
    expect(await count('(:Project {programme: "Modellprojekte Smart Cities"})')).toBe(73);
    expect(await count('(:Event)')).toBe(8);
    // The register's population of Germany on 31 Dec 2019.
    const [germany] = await h.cypher<{ n: number }>('MATCH (l:Municipality {kind: "LAND"}) RETURN sum(l.population) AS n');
    expect(germany!.n).toBe(83_166_711);
  });

  it('puts every Gemeinde in a Kreis, or directly in its Land when it is a kreisfreie Stadt', async () => {
    expect(await count('(g:Municipality) WHERE g.kind IN ["STADT", "GEMEINDE"] AND NOT (g)-[:PART_OF]->(:Municipality {kind: "LANDKREIS"})')).toBe(0);
    expect(await count('(g:Municipality {kind: "KREISFREIE_STADT"}) WHERE NOT (g)-[:PART_OF]->(:Municipality {kind: "LAND"})')).toBe(0);
    expect(await count('(k:Municipality {kind: "LANDKREIS"}) WHERE NOT (k)-[:PART_OF]->(:Municipality {kind: "LAND"})')).toBe(0);
  });

  it('answers for Mayen through the API: population, Kreis, Land, Verband', async () => {
    const result = await h.gql(`{ municipality(ags: "07137068") {
      name kind population sizeClass urbanisation postcode location { lat lon }
      kreis { ags name population } land { ags name } verband { ags kind name }
    } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.municipality).toEqual({
      name: 'Mayen, Stadt',
      kind: 'STADT',
      population: 19162,
      sizeClass: 'KLEINSTADT',
      urbanisation: 'INTERMEDIATE',
      postcode: '56727',
      location: { lat: 50.328707, lon: 7.222333 },
      kreis: { ags: '07137', name: 'Mayen-Koblenz', population: 214_434 },
      land: { ags: '07', name: 'Rheinland-Pfalz' },
      verband: null,
    });
  });

  it('links model projects to the municipalities they name, with cohort, category and topics', async () => {
    const result = await h.gql(`{
      myk: project(slug: "mpsc-2020-landkreis-mayen-koblenz") { name title cohort category programme sources runners { role municipality { ags } } topics { slug } }
      ulm: project(slug: "mpsc-2019-ulm") { runners { role municipality { ags kind } } }
      rheinNeckar: project(slug: "mpsc-2021-verband-region-rhein-neckar") { runners { role } }
    }`);
    expect(result.errors).toBeUndefined();
    const myk = result.data!.myk;
    expect(myk).toMatchObject({ name: 'Landkreis Mayen-Koblenz', title: 'Smarte Region MYK10', cohort: 2020, category: 'Interkommunale Kooperation/Landkreis', programme: 'Modellprojekte Smart Cities' });
    expect(myk.runners[0]).toEqual({ role: 'LEAD', municipality: { ags: '07137' } });
    expect(myk.runners.map((r: any) => r.municipality.ags)).toEqual(expect.arrayContaining(['07137068', '07137003', '071375002']));
    expect(myk.topics.map((t: any) => t.slug).sort()).toEqual(['lebensqualitaet', 'mobilitaet', 'stadt-land']);
    expect(result.data!.ulm.runners).toEqual([{ role: 'LEAD', municipality: { ags: '08421000', kind: 'KREISFREIE_STADT' } }]);
    // A multi-Land association is in no register: reported, not guessed.
    expect(result.data!.rheinNeckar.runners).toEqual([]);
    expect(firstRun.decisions.some((d) => d.reason === 'no municipality resolved' && d.detail.startsWith('Verband Region Rhein-Neckar'))).toBe(true);
    // The source's own wording stays on the link.
    const [link] = await h.cypher<{ labels: string[] }>(
      `MATCH (:Project {id: 'mpsc-2020-landkreis-mayen-koblenz'})-[a:ADDRESSES]->(:Topic {slug: 'mobilitaet'}) RETURN a.sourceLabels AS labels`,
    );
    expect(link!.labels).toEqual(['Mobilität innovativ gestalten']);
  });

  it('imports events with hosts (also found by name) and mapped topics', async () => {
    const result = await h.gql(`{
      rk: event(slug: "rk-2022-03-31-lemgo-kalletal") { startsAt hosts { ... on Municipality { ags name } } }
      halle: event(slug: "rk-2025-06-03-halle") { format participantCount host { ... on Municipality { ags } } topics { slug } }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.rk).toEqual({
      startsAt: '2022-03-31T00:00:00.000Z',
      hosts: [{ ags: '05766044', name: 'Lemgo, Stadt' }, { ags: '05766036', name: 'Kalletal' }],
    });
    expect(result.data!.halle).toEqual({
      format: 'ONSITE',
      participantCount: 135,
      host: { ags: '15002000' },
      topics: [{ slug: 'buergerbeteiligung' }, { slug: 'digitaler-zwilling' }, { slug: 'mobilitaet' }, { slug: 'sensorik' }],
    });
  });

  it('changes nothing when run a second time', async () => {
    const before = await h.fingerprint();
    const second = await runImport(h.db, { dataDir: DATA });
    expect(second.errors).toEqual([]);
    expect(second.written).toEqual(firstRun.written);
    expect(await h.fingerprint()).toBe(before);
  }, 120_000);
});

describe('a corrected source', () => {
  it('re-imported, drops the links the source no longer has, and keeps links made through the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scg-import-'));
    try {
      for (const f of FILES) copyFileSync(join(DATA, f), join(dir, f));
      // A corrected copy: the Ulm row gets a topic ("Bildung"); an API user has added a partner meanwhile.
      const mpsc = join(dir, 'mpsc.csv');
      writeFileSync(mpsc, readFileSync(mpsc, 'utf8').replace('Ulm,Großstadt,Baden-Württemberg,2019,,', 'Ulm,Großstadt,Baden-Württemberg,2019,Bildung,'));
      await h.ok(`mutation { addRunner(project: "mpsc-2019-ulm", ags: "08425141", role: PARTNER) { slug } }`);
      const report = await runImport(h.db, { dataDir: dir });
      expect(report.errors).toEqual([]);
      const ulm = await h.ok(`{ project(slug: "mpsc-2019-ulm") { topics { slug } runners { municipality { ags } } } }`);
      expect(ulm.project.topics).toEqual([{ slug: 'bildung' }]);
      // The API-added partner survives the re-import.
      expect(ulm.project.runners.map((r: any) => r.municipality.ags)).toEqual(['08421000', '08425141']);
      // Back to the real source: the mapped topic goes again, the API's runner stays.
      await runImport(h.db, { dataDir: DATA });
      const again = await h.ok(`{ project(slug: "mpsc-2019-ulm") { topics { slug } runners { municipality { ags } } } }`);
      expect(again.project.topics).toEqual([]);
      expect(again.project.runners.map((r: any) => r.municipality.ags)).toEqual(['08421000', '08425141']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('a corrupted source', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  /** A copy of the data folder with the register changed by `edit`. */
  function corrupted(edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'scg-import-'));
    dirs.push(dir);
    for (const f of FILES) copyFileSync(join(DATA, f), join(dir, f));
    const register = join(dir, FILES[0]!);
    writeFileSync(register, edit(readFileSync(register, 'utf8')));
    return dir;
  }
  const MAYEN = '60,63,07,1,37,0068,068,"Mayen, Stadt", 58.19, 19 162';

  it.each([
    {
      name: 'a bad AGS',
      edit: (t: string) => t.replace(MAYEN, '60,63,07,1,3X,0068,068,"Mayen, Stadt", 58.19, 19 162'),
      says: /line \d+.*kreis must be 2 digits, got "3X"/,
    },
    {
      name: 'text in a number column',
      edit: (t: string) => t.replace(MAYEN, '60,63,07,1,37,0068,068,"Mayen, Stadt", 58.19, viele'),
      says: /line \d+.*bevoelkerung is not a number: " viele"/,
    },
    {
      name: 'a missing column',
      edit: (t: string) => t.replace(',bevoelkerung,', ',einwohner,'),
      says: /missing column\(s\): bevoelkerung/,
    },
    {
      name: 'a truncated file',
      edit: (t: string) => t.slice(0, Math.floor(t.length / 2)),
      says: /line \d+: not a well-formed CSV file|line \d+.*(wrong number of fields|is not)/,
    },
  ])('$name: a clear report and the graph as it was', async ({ edit, says }) => {
    const before = await h.fingerprint();
    const report = await runImport(h.db, { dataDir: corrupted(edit) });
    expect(report.ok).toBe(false);
    const text = report.summary();
    expect(text).toMatch(/Import refused: \d+ row\(s\) are wrong\. Nothing was written\./);
    expect(text).toMatch(says);
    expect(await h.fingerprint()).toBe(before);
  }, 60_000);

  it('an impossible event date and a duplicate event id are reported before anything is written', async () => {
    const before = await h.fingerprint();
    const dir = corrupted((t) => t);
    const events = join(dir, 'events.csv');
    const lines = readFileSync(events, 'utf8').split('\n');
    lines[2] = lines[2]!.replace(',2022-03-31,', ',2022-02-30,');
    lines.push(lines[1]!);
    writeFileSync(events, lines.join('\n'));
    const report = await runImport(h.db, { dataDir: dir });
    expect(report.ok).toBe(false);
    expect(report.summary()).toMatch(/events\.csv, line 3: invalid row: date "2022-02-30" is not a day/);
    expect(report.summary()).toMatch(/events\.csv, line \d+: invalid row: id "rk-2022-03-22-mayen-koblenz" is also on line 2/);
    expect(await h.fingerprint()).toBe(before);
  }, 60_000);

  it('a wrong row on an empty database leaves it empty', async () => {
    await h.reset();
    const report = await runImport(h.db, { dataDir: corrupted((t) => t.replace(MAYEN, '60,63,07,1,37,0068,068,"Mayen, Stadt", 58.19, -5')) });
    expect(report.ok).toBe(false);
    // Only the bookkeeping (migration records, the reach version) remains.
    expect(await count('(n) WHERE NOT n:Migration AND NOT n:ReachVersion')).toBe(0);
    expect(await count('(n:Migration)')).toBe(LATEST_MIGRATION);
  }, 60_000);
});

function ImportReportCounts(notes: readonly { reason: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const n of notes) out[n.reason] = (out[n.reason] ?? 0) + 1;
  return out;
}
