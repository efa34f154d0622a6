// Tables as files an analyst takes away: CSV as Excel opens it in Germany (UTF-8 with BOM, `;` between cells,
// decimal comma, CRLF) and XLSX (exceljs, loaded only when a file is asked for, so the start page stays small).
// Both start with a line naming the source, the data's attribution and the day. One module for every table,
// so a list reads the same in each file the app hands out.
import { t } from './strings.js';

export type Cell = string | number | null | undefined;

export interface Column<R> {
  header: string;
  value: (row: R) => Cell;
}

export interface ExportTable<R> {
  /** What the table is, for the source line and the sheet's name. */
  title: string;
  columns: Column<R>[];
  rows: readonly R[];
}

/** The local day as an ISO date (not UTC: an export made at 00:30 in Germany carries that day). */
export function localIsoDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const sourceLine = (title: string, now: Date) => t.export.sourceLine(title, t.format.isoDate(localIsoDate(now)));

// Decimal comma and no thousands dots: Excel set to German reads `1234,5` as a number, `1.234` as a date or text.
const NUMBER = new Intl.NumberFormat('de-DE', { useGrouping: false, maximumFractionDigits: 6 });

/**
 * Text a spreadsheet would take as a formula (=, +, -, @, and tab or carriage return, which Excel strips before
 * looking) gets a leading apostrophe: a name in the data must never run as a formula on an analyst's machine.
 */
export function guardFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: numbers with a decimal comma, text guarded and quoted when it holds `;`, `"` or a line break. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? NUMBER.format(value) : '';
  const text = guardFormula(value);
  return /[;"\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv<R>(table: ExportTable<R>, now: Date): string {
  const lines = [[sourceLine(table.title, now)], table.columns.map((c) => c.header), ...table.rows.map((row) => table.columns.map((c) => c.value(row)))];
  return `\uFEFF${lines.map((cells) => cells.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ]. */
const sheetName = (title: string) => title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31);

export async function toXlsx<R>(table: ExportTable<R>, now: Date): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.created = now;
  const sheet = workbook.addWorksheet(sheetName(table.title));
  sheet.addRow([sourceLine(table.title, now)]).font = { italic: true };
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  // Text stays text in XLSX (a shared string, never a formula), but guarded all the same: copied into a cell it would run.
  for (const row of table.rows) sheet.addRow(table.columns.map((c) => {
    const value = c.value(row);
    return typeof value === 'string' ? guardFormula(value) : value ?? null;
  }));
  table.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.min(60, Math.max(10, c.header.length + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** A file name without spaces or umlauts, with the day: `weisse-flecken-2026-12-07.csv`. */
export function fileName(name: string, now: Date, extension: 'csv' | 'xlsx'): string {
  const plain = name
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${plain}-${localIsoDate(now)}.${extension}`;
}

/**
 * Every page of a connection, `fetchPage` asked again with each `endCursor`, until the list ends or `cap` items
 * are there: an export takes the whole list, not the page on screen, in pages the cost limit allows.
 */
export async function allPages<E>(fetchPage: (after: string | null) => Promise<{ edges: E[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } }>, cap: number): Promise<E[]> {
  const edges: E[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await fetchPage(after);
    edges.push(...page.edges);
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor || edges.length >= cap) return edges.slice(0, cap);
    after = page.pageInfo.endCursor;
  }
}
