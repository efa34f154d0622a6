// What each model project works on (mpsc-profiles.csv): its fields of action in
// the sources' words, its phase, its federal funding and its flagship measures.
// One row per row of mpsc.csv, joined by name and cohort.
import type { FundingBound, ProjectPhaseKind } from '../generated/graphql.js';
import { urlsOf, type SourceRecord } from '../kernel/source.js';
import type { CsvRecord } from './csv.js';
import type { ImportReport } from './report.js';
import { labelsOf, mapTopics, type TopicMapping } from './taxonomy.js';

export const PROFILES_SOURCE = 'mpsc-profiles.csv';
export const PROFILE_COLUMNS = ['name', 'staffel_year', 'topics_source_wording', 'topics_source_url', 'phase', 'funding_eur', 'measures', 'measures_source_url', 'notes'] as const;

export interface PhaseImport {
  current: ProjectPhaseKind | null;
  implementationSince: number | null;
  wording: string;
}

export interface ProfileImport {
  line: number;
  topics: Map<string, string[]>;
  phase: PhaseImport | null;
  fundingEur: number | null;
  /** How the sources bound the chosen figure; null without a figure. */
  fundingBound: FundingBound | null;
  fundingNote: string | null;
  /** The fields of action in the sources' own words, in their order. */
  topicsWording: string[];
  flagships: string[];
  flagshipSources: SourceRecord[];
  sources: SourceRecord[];
}

export const profileKey = (name: string, year: number) => `${year}|${name}`;

// The words of a phase: the implementation by name ("Umsetzung", "Umsetzungsphase", "Phase B"; not the
// "Umsetzungsstrategie", a strategy document, nor the "b" of "Strategiephase bis").
const IMPLEMENTATION = /\bphase b\s+umsetzung(?:sphase)?\b|\bumsetzung(?:sphase)?\b|\bphase b\b/i;
// What may stand between a marker and its year: "Ende 2021", "Januar 2023", "09/2022", "01.07.2023".
const WITHIN_YEAR = String.raw`(?:(?:anfang|mitte|ende|herbst|frühjahr|sommer|winter|jan(?:uar)?|feb(?:ruar)?|märz|apr(?:il)?|mai|juni?|juli?|aug(?:ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dez(?:ember)?)\.?\s+|\d{1,2}\s*[./]\s*(?:\d{1,2}\s*\.\s*)?)?`;
// A year the words give as a start: right after the phase's name ("Umsetzungsphase 2023–2027",
// "Phase B Umsetzung 09/2022–08/2027") or after "ab"/"seit" ("Umsetzung seit 2022", "(ab 2022)").
const DATED_SPAN = new RegExp(String.raw`^\s*\(?\s*${WITHIN_YEAR}(20\d\d)\b`, 'i');
const STARTED = new RegExp(String.raw`\b(?:ab|seit)\s+${WITHIN_YEAR}(20\d\d)\b`, 'i');
// The first element of a range: "(2021 bis 2025)", "Januar 2021 bis Dezember 2025".
const RANGE_START = new RegExp(String.raw`${WITHIN_YEAR}(20\d\d)(?:/\d\d)?\s*(?:[–-]|bis)\s*${WITHIN_YEAR}20\d\d`, 'i');
// The strategy phase ending within a year, when the implementation follows it ("danach", "nach Strategiephase"):
// "Strategiephase bis Mitte 2023", "Strategiephase (01/2022-06/2023)". A plain "bis 2022" says not when in 2022.
const STRATEGY_END = /strategiephase[^;]*?(?:\bbis\s+(?:anfang|mitte)\s+|[–-]\s*\d{1,2}\/)(20\d\d)\b/i;
const FOLLOWS = /\bdanach\b|\bnach\s+(?:\S+\s+)?strategiephase\b/i;

/**
 * The phase the words report last: the implementation phase once they speak
 * of it (Umsetzung, Phase B), else the strategy phase; with the year the
 * implementation began where the words give its start. A year the words give
 * only as an end ("Umsetzungsphase bis 2027", "Projekt bis Herbst 2026") is
 * no start: then the year stays null.
 */
export function phaseOf(wording: string): PhaseImport | null {
  const text = wording.trim();
  if (!text) return null;
  const implementation = IMPLEMENTATION.test(text);
  const current: ProjectPhaseKind | null = implementation ? 'IMPLEMENTATION' : /strategie/i.test(text) ? 'STRATEGY' : null;
  return { current, implementationSince: implementation ? implementationStart(text) : null, wording: text };
}

function implementationStart(text: string): number | null {
  const clauses = text.split(';');
  for (const clause of clauses) {
    const at = IMPLEMENTATION.exec(clause);
    if (!at) continue;
    const after = clause.slice(at.index + at[0].length);
    const year = DATED_SPAN.exec(after) ?? STARTED.exec(after);
    if (year) return Number(year[1]);
  }
  // Implementation from the project's start ("direkt Umsetzung"): the project's own start.
  if (/\bdirekt(?:e)?\s+umsetzung/i.test(text)) {
    const year = STARTED.exec(text) ?? RANGE_START.exec(text);
    if (year) return Number(year[1]);
  }
  if (FOLLOWS.test(text)) {
    const end = STRATEGY_END.exec(text);
    if (end) return Number(end[1]);
  }
  return null;
}

// A sentence is about money when it names an amount or the funding itself. "Förderung bis 2026" and
// "Förderende 09/2024" are about time: the stem "förder" alone does not count.
const MONEY = /€|\beuro\b|\b(?:mio|millionen|million|mrd)\b|\bfunding\b|\bgrant\b|förder(?:summe|mittel|volumen|quote|geld|höchstgrenze|bescheid|zuschlag|betrag)|eigenanteil|bundesanteil|own share/i;

/**
 * The editors' sentences about money: other figures and their sources, kept beside the one chosen.
 * Notes run sentence by sentence, and in the 2021 rows segment by segment (" || "): topic lists and
 * phase sources are left out. A sentence ends at a full stop after a word of four or more letters, a
 * digit, a quote or a parenthesis ("… (tlz 2021). 2023: …"), not after "ca.", "max." or "Mio.". An address
 * is no money: "…/15-75-millionen-euro" in a phase source's URL does not make it a funding sentence.
 */
export function fundingNoteOf(notes: string): string | null {
  const sentences = notes
    .split(/\s+\|\|\s+/)
    .flatMap((segment) => segment.split(/(?<=(?:\)|['’"%]|\p{L}{4}|\d)\.)\s+/u))
    .map((s) => s.trim())
    .filter((s) => MONEY.test(s.replace(/https?:\/\/\S+/g, '')) && !/^(?:topics by source|phase source)\b/i.test(s));
  return sentences.length > 0 ? sentences.join(' ') : null;
}

const NUMBER_WORDS: Record<string, number> = {
  ein: 1, eins: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8, neun: 9, zehn: 10,
  elf: 11, zwölf: 12, dreizehn: 13, vierzehn: 14, fünfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18,
};
// An amount as the notes write it: "11,3 Millionen", "elf Millionen", "13 Mio", "6.296.940,00 Euro", "11,050,000 €".
const AMOUNT = new RegExp(
  String.raw`(\d{1,3}(?:[.,]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?|${Object.keys(NUMBER_WORDS).join('|')})\s*(millionen|million|mio\b\.?|€|euro)`,
  'giu',
);
const CEILING = /(?:bis zu|maximal|max\.|höchstens|höchstgrenze von|up to)\s*['‚„"]?\s*$/i;
const FLOOR = /(?:mehr als|über|mindestens|more than|at least)\s*['‚„"]?\s*$/i;

function amountOf(figure: string, unit: string): number {
  const word = NUMBER_WORDS[figure.toLowerCase()];
  const millions = /^(?:millionen|million|mio)/i.test(unit);
  let value: number;
  if (word !== undefined) value = word;
  else if (/^\d{1,3}(?:[.,]\d{3})+(?:,\d+)?$/.test(figure) && !(millions && /^\d{1,3},\d{3}$/.test(figure))) {
    // Thousands grouped ("6.296.940,00", "11,050,000"); "15,750 Mio" stays a decimal.
    value = Number(figure.replace(/,\d{1,2}$/, '').replace(/[.,]/g, ''));
  } else value = Number(figure.replace(',', '.'));
  return millions ? Math.round(value * 1_000_000) : value;
}

/**
 * How the chosen figure is meant, read from the words it first appears in: a ceiling ("bis zu",
 * "maximal", "Förderhöchstgrenze von") is AT_MOST, "mehr als"/"über" AT_LEAST, anything else
 * ("rund", a plain figure) AMOUNT. Where the notes never write the figure, the editors' own label in
 * the funding sentences decides ("max. possible grant", "a lower bound").
 */
export function fundingBoundOf(fundingEur: number | null, notes: string): FundingBound | null {
  if (fundingEur === null) return null;
  for (const m of notes.matchAll(AMOUNT)) {
    if (amountOf(m[1]!, m[2]!) !== fundingEur) continue;
    const before = notes.slice(Math.max(0, m.index - 30), m.index);
    return CEILING.test(before) ? 'AT_MOST' : FLOOR.test(before) ? 'AT_LEAST' : 'AMOUNT';
  }
  const said = fundingNoteOf(notes) ?? '';
  if (/upper bound|\bmax(?:\.|imal)|ceiling/i.test(said)) return 'AT_MOST';
  if (/lower bound/i.test(said)) return 'AT_LEAST';
  return 'AMOUNT';
}

export function parseProfiles(records: readonly CsvRecord[], mapping: TopicMapping, report: ImportReport): Map<string, ProfileImport> {
  const profiles = new Map<string, ProfileImport>();
  for (const { line, values: v } of records) {
    const errors = report.errors.length;
    const fail = (detail: string) => report.error(PROFILES_SOURCE, line, 'invalid row', detail);
    const name = (v.name ?? '').trim();
    const year = Number(v.staffel_year);
    if (!name) fail('name is empty');
    if (![2019, 2020, 2021].includes(year)) fail(`staffel_year must be 2019, 2020 or 2021, got "${v.staffel_year}"`);
    const funding = (v.funding_eur ?? '').trim();
    if (funding && !/^\d+$/.test(funding)) fail(`funding_eur "${funding}" is not a whole number of euros`);
    const urls = [...urlsOf(v.topics_source_url), ...urlsOf(v.measures_source_url)];
    for (const url of urls) if (!/^https?:\/\/\S+$/.test(url)) fail(`source URL "${url}" is not a web address`);
    if (labelsOf(v.topics_source_wording ?? '').length === 0) fail('topics_source_wording is empty');
    const topics = mapTopics(v.topics_source_wording ?? '', mapping, report, PROFILES_SOURCE, line);
    const key = profileKey(name, year);
    if (profiles.has(key)) fail(`${name} (${year}) is also on line ${profiles.get(key)!.line}`);
    if (report.errors.length > errors) continue;
    const here = (url: string): SourceRecord => ({ url, file: PROFILES_SOURCE, line });
    profiles.set(key, {
      line,
      topics,
      phase: phaseOf(v.phase ?? ''),
      fundingEur: funding ? Number(funding) : null,
      fundingBound: fundingBoundOf(funding ? Number(funding) : null, v.notes ?? ''),
      fundingNote: fundingNoteOf(v.notes ?? ''),
      topicsWording: labelsOf(v.topics_source_wording ?? ''),
      flagships: labelsOf(v.measures ?? ''),
      flagshipSources: urlsOf(v.measures_source_url).map(here),
      sources: urls.map(here),
    });
  }
  return profiles;
}
