// The profile readers' rules on the sources' own words: the phase's start year, the funding's notes.
import { describe, expect, it } from 'vitest';
import { fundingBoundOf, fundingNoteOf, phaseOf } from '../../src/import/profiles.js';

describe('phaseOf', () => {
  it.each([
    ['Umsetzung seit 2022, Förderung bis 2026', 2022],
    ['Strategiephase 2020–2021; Umsetzungsphase ab Ende 2021', 2021],
    ['Phase A Strategie 09/2020–03/2023; Phase B Umsetzung 09/2022–08/2027', 2022],
    ['Umsetzungsphase Anfang 2023 bis Ende 2028', 2023],
    ['Umsetzungsphase nach Strategiephase (seit 01.07.2023)', 2023],
    ['direkt Umsetzung; Projektlaufzeit 5 Jahre (2021 bis 2025)', 2021],
    // The implementation follows a strategy phase that ends within a stated year.
    ['seit Juli 2021; Strategiephase bis Mitte 2023; danach 5 Jahre Umsetzung', 2023],
    ['Umsetzung (Phase B) nach Strategiephase (01/2022-06/2023)', 2023],
  ])('%s → %s', (wording, year) => {
    expect(phaseOf(wording)).toEqual({ current: 'IMPLEMENTATION', implementationSince: year, wording });
  });

  it.each([
    // Only the end of the implementation is given: no start year.
    'Start Nov 2020; Strategiephase (Digitalstrategie 1.0 April 2022, Smart-City-Strategie April 2023); Umsetzungsphase bis 2027',
    'Projektbeginn 1.4.2021; 2 Jahre Strategie, Umsetzung bis 2028',
    'Strategiephase 2019–2021 (Strategie Stand April 2021); Umsetzung, Förderung bis 2026',
    'Strategiephase 2 Jahre, danach max. 5 Jahre Umsetzung; Projekt bis Herbst 2026',
    'max. 2 Jahre Strategie + max. 5 Jahre Umsetzung; bis 2027',
    // An implementation strategy is a document, not the phase.
    'Strategiephase 2020–2023 (Umsetzungsstrategie März 2023, Juni 2023 genehmigt); Umsetzungsphase bis Ende 2026',
    'direkt Umsetzung (Smart-City-Strategie vorab beschlossen); 60 Monate, Abschluss 19.09.2025',
  ])('%s → no start year', (wording) => {
    expect(phaseOf(wording)).toMatchObject({ current: 'IMPLEMENTATION', implementationSince: null });
  });

  it('does not read the "b" of "Strategiephase bis" as Phase B', () => {
    expect(phaseOf('Strategiephase bis 2022')).toEqual({ current: 'STRATEGY', implementationSince: null, wording: 'Strategiephase bis 2022' });
  });
});

describe('fundingNoteOf', () => {
  it('keeps the sentences about money and leaves out topic lists, phase sources and dates of the funding period', () => {
    const notes = "topics by source: [Leitthemen] A, B <https://a.example> || phase source: https://b.example || funding: max. possible grant (65% of 15.2 Mio project volume) <https://c.example> || Strategy phase Dec 2021-2023.";
    expect(fundingNoteOf(notes)).toBe('funding: max. possible grant (65% of 15.2 Mio project volume) <https://c.example>');
    expect(fundingNoteOf("Brand 'X'. Funding 8 Mio € (https://a.example). Umsetzung since 2022, Bundesförderung until 2026 (newsblog). Phase: https://x.example/15-millionen-euro")).toBe('Funding 8 Mio € (https://a.example).');
  });
});

describe('fundingBoundOf', () => {
  it.each([
    [11_300_000, "Funding differs: 'bis zu 11,3 Millionen' (BZ); '11 Millionen Euro' (x)", 'AT_MOST'],
    [15_000_000, "Funding: 'Förderhöchstgrenze von 15 Millionen Euro' (koeln-insight.tv).", 'AT_MOST'],
    [6_296_940, "Funding 'bis zu 6.296.940,00 Euro' (a); '6,3 Mio. Euro' (b).", 'AT_MOST'],
    [11_000_000, "funding_eur = 'Mehr als elf Millionen Euro' over seven years - a lower bound.", 'AT_LEAST'],
    [13_480_000, "Funding 13,48 Mio € (x); 'bis zu 13,5 Millionen' (y)", 'AMOUNT'],
    [11_050_000, 'funding: MdB Schieder: 11,050,000 €; city: up to 11 Mio', 'AMOUNT'],
    // The figure is not written: the editors' label decides.
    [9_880_000, 'funding: max. possible grant (65% of 15.2 Mio project volume)', 'AT_MOST'],
    [null, "'bis zu zehn Millionen'", null],
  ] as const)('%s in %s → %s', (eur, notes, bound) => {
    expect(fundingBoundOf(eur, notes)).toBe(bound);
  });
});
