// The pure rules of the network data import: status from the source's words,
// phases, topic mapping (labels and keywords), flagship matching, and name
// resolution over a small register made here.
import { describe, expect, it } from 'vitest';
import { measureStatus } from '../../src/import/measure-status.js';
import { sameMeasure } from '../../src/import/measures.js';
import { NameResolver } from '../../src/import/names.js';
import { fundingNoteOf, phaseOf } from '../../src/import/profiles.js';
import type { ProjectImport } from '../../src/import/projects.js';
import { compareRegisters, likelySuccessor, type PreviousUnit, type Unit } from '../../src/import/register.js';
import { ImportReport } from '../../src/import/report.js';
import { keywordTopics, mapTopics, parseMapping, type TopicImport } from '../../src/import/taxonomy.js';

describe('measure status from the source words', () => {
  it.each([
    ['umgesetzt', 'IMPLEMENTED'],
    ['in Betrieb, Weiterentwicklung', 'IMPLEMENTED'],
    ['eröffnet (März)', 'IMPLEMENTED'],
    ['Launch 11.10.2025', 'IMPLEMENTED'],
    ['in Umsetzung (bis Sept 2027)', 'IN_PROGRESS'],
    ['im Aufbau', 'IN_PROGRESS'],
    ['Prototyp; in Umsetzung und Entwicklung', 'IN_PROGRESS'],
    // The first statement decides: the current state first, plans after it.
    ['in Betrieb; Ausbau geplant', 'IMPLEMENTED'],
    ['geplant/in Umsetzung', 'PLANNED'],
    ['gestartet in Geroldsreuth; Ausweitung auf alle Teiche geplant', 'IN_PROGRESS'],
    // Part done is still in progress.
    ['Schritt 1 umgesetzt; Schritt 2 in Umsetzung; Schritt 3 in Planung', 'IN_PROGRESS'],
    ['geplant bis 2027', 'PLANNED'],
    ['Beschlussvorlage Schönberg', 'PLANNED'],
    ['Idee im Antrag', 'PLANNED'],
    ['Start-Smart-Thema', 'UNKNOWN'],
    ['', 'UNKNOWN'],
  ])('"%s" → %s', (words, status) => {
    expect(measureStatus(words)).toBe(status);
  });
});

describe('project phase and funding notes', () => {
  it('reads the phase the words report last, with the implementation year', () => {
    expect(phaseOf('Strategiephase 2020–2021; Umsetzungsphase ab Ende 2021')).toEqual({ current: 'IMPLEMENTATION', implementationSince: 2021, wording: 'Strategiephase 2020–2021; Umsetzungsphase ab Ende 2021' });
    expect(phaseOf('Phase A Strategie 2020–2021 (Start Feb 2020); Phase B Umsetzung 5 Jahre (ab 2022)')?.current).toBe('IMPLEMENTATION');
    expect(phaseOf('Strategiephase ab 1.11.2019 (2 Jahre)')).toMatchObject({ current: 'STRATEGY', implementationSince: null });
    expect(phaseOf('Förderlaufzeit 7 Jahre')).toMatchObject({ current: null });
    expect(phaseOf('  ')).toBeNull();
  });

  it('keeps the sentences about money', () => {
    const note = fundingNoteOf("topics 1-3 carried over. Funding 'rund 9 Mio' (solingen.digital). Start end 2019/Jan 2020 (same SCD blog).");
    expect(note).toBe("Funding 'rund 9 Mio' (solingen.digital).");
    expect(fundingNoteOf('Nothing about it.')).toBeNull();
  });
});

const TOPICS: TopicImport[] = ['mobilitaet', 'on-demand-mobilitaet', 'sensorik', 'umwelt-klima', 'infrastruktur'].map((slug) => ({ slug, parent: null, name: slug, nameEn: slug }));
const record = (line: number, values: Record<string, string>) => ({ line, values });

describe('topic mapping', () => {
  const report = new ImportReport();
  const mapping = parseMapping(
    [
      record(2, { source_label: 'Mobilität und Infrastruktur', topics: 'mobilitaet;infrastruktur', match: 'label', note: '' }),
      record(3, { source_label: 'Stadt im Wandel', topics: '', match: 'label', note: 'too generic' }),
      record(4, { source_label: 'rufbus', topics: 'on-demand-mobilitaet', match: 'keyword', note: '' }),
      record(5, { source_label: 'sensor', topics: 'sensorik', match: 'keyword', note: '' }),
      record(6, { source_label: 'open data', topics: 'infrastruktur', match: 'keyword', note: '' }),
    ],
    TOPICS,
    report,
  );

  it('maps a label to several topics, or to none with its reason reported', () => {
    expect(report.errors).toEqual([]);
    const out = new ImportReport();
    const topics = mapTopics('Mobilität und Infrastruktur;Stadt im Wandel', mapping, out, 'x.csv', 7);
    expect([...topics]).toEqual([
      ['mobilitaet', ['Mobilität und Infrastruktur']],
      ['infrastruktur', ['Mobilität und Infrastruktur']],
    ]);
    expect(out.decisions).toEqual([{ source: 'x.csv', line: 7, reason: 'label mapped to no topic', detail: '"Stadt im Wandel": too generic' }]);
    // A label nobody mapped is an error: the mapping must be completed first.
    mapTopics('Quantenstadt', mapping, out, 'x.csv', 8);
    expect(out.errors[0]).toMatchObject({ line: 8, reason: 'unmapped topic' });
  });

  it('refuses a label mapped to nothing without a reason, and an unknown topic', () => {
    const bad = new ImportReport();
    parseMapping([record(2, { source_label: 'Irgendwas', topics: '', match: 'label', note: '' }), record(3, { source_label: 'x', topics: 'nope', match: 'label', note: '' })], TOPICS, bad);
    expect(bad.errors.map((e) => e.reason)).toEqual(['invalid row', 'unknown topic']);
  });

  it('finds keywords at the start of a word, folded like names', () => {
    expect([...keywordTopics('Rufbus „ERZmobil“ mit Sensornetz', mapping).keys()].sort()).toEqual(['on-demand-mobilitaet', 'sensorik']);
    // Inside a word it does not count: "Umweltsensor" is no match for "sensor".
    expect(keywordTopics('Umweltsensoren', mapping).size).toBe(0);
    expect([...keywordTopics('Offene Plattform für Open Data', mapping).keys()]).toEqual(['infrastruktur']);
  });
});

describe('flagship measures and the measures file', () => {
  it('tells the same measure under a shorter name from another one', () => {
    expect(sameMeasure('Besucheraufkommen-Karte (Sensoren Innenstadt)', 'Besucheraufkommen-Sensorik Innenstadt')).toBe(true);
    expect(sameMeasure('Open Data Portal', 'Open Data Portal Cottbus')).toBe(true);
    expect(sameMeasure('Talking Trees (Baumsensorik Botanischer Garten)', 'Besucheraufkommen-Sensorik Innenstadt')).toBe(false);
    expect(sameMeasure('Parkplatz-App', 'Digitales Self-Check-In Klinikum')).toBe(false);
  });
});

const unit = (ags: string, name: string, kind: Unit['kind'], lat = 50, lon = 8): Unit => ({
  ags, name, kind, parentAgs: null, verbandAgs: null, population: 1000, areaKm2: 1, postcode: null, lat, lon, urbanisation: null, line: 1,
});
const REGISTER: Unit[] = [
  unit('10046', 'St. Wendel', 'LANDKREIS'),
  unit('10046117', 'St. Wendel, Stadt', 'STADT'),
  unit('12062224', 'Herzberg (Elster), Stadt', 'STADT'),
  unit('12068188', 'Herzberg (Mark)', 'GEMEINDE'),
  unit('05962040', 'Menden (Sauerland), Stadt', 'STADT'),
  unit('05958004', 'Arnsberg, Stadt', 'STADT'),
];
const project = (name: string, runners: string[]): ProjectImport => ({
  slug: name, formerSlugs: [], name, title: null, cohort: 2020, category: '', sources: [], topics: new Map(), fundingEur: null, fundingBound: null, fundingNote: null, topicsWording: [], phase: null, provenance: [], flagships: [], flagshipSources: [],
  runners: runners.map((ags, i) => ({ ags, role: i === 0 ? 'LEAD' : 'PARTNER' })),
});

describe('resolving the names of links and events', () => {
  const names = new NameResolver(REGISTER, [project('Kooperation Arnsberg und Menden', ['05958004', '05962040'])], [{ slug: 'utrecht-nl', name: 'Utrecht', country: 'NL', nameLocal: 'Utrecht' }]);

  it('tells the Kreis from the town by the word "Landkreis"', () => {
    expect(names.resolve('Landkreis St. Wendel')).toMatchObject({ kind: 'municipality', ags: '10046' });
    expect(names.resolve('St. Wendel')).toMatchObject({ kind: 'municipality', ags: '10046117' });
  });
  it('resolves a model project to its lead runner and says so', () => {
    const r = names.resolve('Kooperation Arnsberg und Menden');
    expect(r).toMatchObject({ kind: 'municipality', ags: '05958004', how: 'project' });
    expect(r.kind === 'municipality' && r.note).toMatch(/its lead runner Arnsberg/);
  });
  it('finds a name written without the register\'s qualifier, and keeps a remark as the note', () => {
    expect(names.resolve('Menden (Bürgermeister auf dem Podium)')).toMatchObject({ kind: 'municipality', ags: '05962040', note: 'Bürgermeister auf dem Podium' });
  });
  it('keeps a city abroad as such, and reports what it cannot tell apart or find', () => {
    expect(names.resolve('Utrecht')).toEqual({ kind: 'abroad', slug: 'utrecht-nl', name: 'Utrecht', note: null });
    expect(names.resolve('Herzberg')).toEqual({ kind: 'ambiguous', candidates: ['12062224 Herzberg (Elster), Stadt', '12068188 Herzberg (Mark)'] });
    expect(names.resolve('Atlantis')).toEqual({ kind: 'none' });
  });
});

describe('a newer register', () => {
  const previous = new Map<string, PreviousUnit>([
    ['16061001', { ags: '16061001', name: 'Alt-Dorf', kind: 'GEMEINDE', lat: 51.0, lon: 10.0, links: 2 }],
    ['16061002', { ags: '16061002', name: 'Bleibt', kind: 'GEMEINDE', lat: 51.5, lon: 10.5, links: 0 }],
  ]);
  const now = [unit('16061002', 'Bleibt', 'GEMEINDE', 51.5, 10.5), unit('16061119', 'Neustadt', 'GEMEINDE', 51.02, 10.01), unit('16062001', 'Anderswo', 'GEMEINDE', 51.0, 10.0)];

  it('lists the keys that appeared and disappeared', () => {
    const { appeared, disappeared } = compareRegisters(previous, now);
    expect(appeared.map((u) => u.ags)).toEqual(['16061119', '16062001']);
    expect(disappeared.map((u) => u.ags)).toEqual(['16061001']);
    // A first import has nothing to compare with.
    expect(compareRegisters(new Map(), now)).toEqual({ appeared: [], disappeared: [] });
  });
  it('suggests the nearest Gemeinde of the same Kreis as the likely successor of a merged one', () => {
    // 16062001 lies exactly where the old one was, but in another Kreis.
    expect(likelySuccessor('16061001', previous, now)?.ags).toBe('16061119');
    expect(likelySuccessor('16069999', previous, now)).toBeNull();
  });
});
