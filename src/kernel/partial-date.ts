// A date at the precision its source gave: a year ("2023"), a month
// ("2023-10") or a day ("2023-10-23"). Sources often give only a year; turning
// that into 1 January would state a day nobody stated. Stored as the text the
// source gave (ISO order, so it sorts), served with its precision and the first
// and last day it can mean. Date-based analytics count a date at its last day:
// "2023" is certain only by 31 Dec 2023.

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

export interface PartialDateRecord {
  /** As the source gives it, in ISO order: `2023`, `2023-10` or `2023-10-23`. */
  value: string;
  precision: DatePrecision;
  /** The first day it can mean (YYYY-MM-DD). */
  earliest: string;
  /** The last day it can mean (YYYY-MM-DD). */
  latest: string;
}

const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Reads `2023`, `2023-10` or `2023-10-23`; null for anything else, a month 13 or 31 February included. */
export function parsePartialDate(text: string | null | undefined): PartialDateRecord | null {
  const m = SHAPE.exec((text ?? '').trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1000) return null;
  if (m[2] === undefined) return { value: m[1]!, precision: 'YEAR', earliest: `${m[1]}-01-01`, latest: `${m[1]}-12-31` };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  const last = daysIn(year, month);
  if (m[3] === undefined) return { value: `${m[1]}-${m[2]}`, precision: 'MONTH', earliest: `${m[1]}-${m[2]}-01`, latest: `${m[1]}-${m[2]}-${pad(last)}` };
  const day = Number(m[3]);
  if (day < 1 || day > last) return null;
  const value = `${m[1]}-${m[2]}-${m[3]}`;
  return { value, precision: 'DAY', earliest: value, latest: value };
}

/** The last day a stored partial date can mean, for "on or before" questions; null stays null. */
export const latestDay = (text: string | null | undefined): string | null => parsePartialDate(text)?.latest ?? null;
