// Destatis's own workbook of the municipality register (GV-ISys "Auszug GV 4. Quartal",
// AuszugGV4QAktuell_*.xlsx) → the records of its data sheet, with the column names and
// value formats of the CSV conversions (../shared/data/destatis-2024-12-31/README.md),
// and the two reference dates the sheet states.
//
// The xlsx is read with exceljs (SheetJS's npm package `xlsx` is stuck at 0.18.5 there, with
// known advisories — prototype pollution CVE-2023-30533, ReDoS CVE-2024-22363 — fixed only in
// builds published outside npm).
//
// Loading vs. streaming, measured on AuszugGV4QAktuell_2024.xlsx (1.6 MB, 16,030 rows; 2 cores):
// - loading (Workbook.xlsx.readFile): about 1.4 s, peak RSS about 275 MB (heap about 160 MB);
// - streaming (stream.xlsx.WorkbookReader): about 0.9 s, peak RSS about 120 MB;
// - this whole function (loading): about 1.6 s, RSS up by about 230 MB while it runs.
// Loading is used: the streaming reader never settles on a truncated file (its promise stays
// pending once the zip ends early — a cut-off download would hang the import), and it does
// not give merged header cells their value. For a file of this size the memory is no concern.
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { SourceError, type CsvRecord } from './csv.js';

/** The 20 columns, named as in the CSV conversions, in the workbook's order. */
export const REGISTER_WORKBOOK_COLUMNS = [
  'satzart', 'textkennzeichen', 'land', 'rb', 'kreis', 'vb', 'gemeinde', 'gemeindename', 'flaeche', 'bevoelkerung',
  'maennlich', 'weiblich', 'jekm2', 'postleitzahl', 'laengengrad', 'breitengrad', 'schluessel', 'bezeichnung',
  'verstaedterungschluessel', 'verstaedterungbezeichnung',
] as const;
type Column = (typeof REGISTER_WORKBOOK_COLUMNS)[number];

export interface RegisterWorkbook {
  /** One per data row, `line` being the worksheet row number. */
  records: CsvRecord[];
  /** Gebietsstand: which municipalities exist, their keys and names (ISO date). */
  territoryDate: string;
  /** Bevölkerungsstand: the date of area, population and postcode (ISO date). */
  populationDate: string;
  /** The data sheet's name, e.g. Onlineprodukt_Gemeinden31122024. */
  sheet: string;
}

/**
 * How each column is recognised in the multi-row header: `own` are the normalised texts of the
 * column's header cells, `context` also the group labels to their left ("Reisegebiete" over
 * Schlüssel and Bezeichnung) for headers whose merged cells were not kept.
 */
const HEADER_RULES: Record<Column, (own: readonly string[], context: readonly string[]) => boolean> = {
  satzart: (own) => own.includes('satzart'),
  textkennzeichen: (own) => own.includes('textkennzeichen'),
  land: (own) => own.includes('land'),
  rb: (own) => own.includes('rb'),
  kreis: (own) => own.includes('kreis'),
  vb: (own) => own.includes('vb'),
  gemeinde: (own) => own.includes('gem') || own.includes('gemeinde'),
  gemeindename: (own) => own.includes('gemeindename'),
  flaeche: (own) => own.some((t) => t.startsWith('fläche')),
  bevoelkerung: (own, context) => own.includes('insgesamt') && context.some((t) => t.includes('bevölkerung')),
  maennlich: (own) => own.includes('männlich'),
  weiblich: (own) => own.includes('weiblich'),
  jekm2: (own) => own.includes('je km2'),
  postleitzahl: (own) => own.some((t) => t.startsWith('postleitzahl')),
  laengengrad: (own) => own.includes('längengrad'),
  breitengrad: (own) => own.includes('breitengrad'),
  schluessel: (own, context) => own.includes('schlüssel') && context.some((t) => t.includes('reisegebiet')),
  bezeichnung: (own, context) => own.includes('bezeichnung') && context.some((t) => t.includes('reisegebiet')),
  verstaedterungschluessel: (own, context) => own.includes('schlüssel') && context.some((t) => t.includes('verstädterung')),
  verstaedterungbezeichnung: (own, context) => own.includes('bezeichnung') && context.some((t) => t.includes('verstädterung')),
};

/** A record type: two digits in the Satzart column mark a data row. */
const SATZART = /^\d{2}$/;
const DATE = String.raw`(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{4})`;
const TERRITORY_DATE = new RegExp(String.raw`gebietsstand\s*(?:am|vom|:)?\s*${DATE}`, 'giu');
const POPULATION_DATE = new RegExp(String.raw`bevölkerungsstand\s*(?:am|vom|:)?\s*${DATE}`, 'giu');
const ANY_DATE = new RegExp(DATE, 'gu');

/** Reads the register's data sheet; SourceError when the file is no such workbook. */
export async function readRegisterWorkbook(path: string): Promise<RegisterWorkbook> {
  const source = basename(path);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new SourceError(source, null, `cannot read ${path} as an xlsx workbook: ${(error as Error).message}`);
  }
  const sheets = workbook.worksheets.map((sheet) => ({ sheet, name: sheet.name, rows: sheetText(sheet) }));
  const refused: string[] = [];
  for (const sheet of sheets) {
    const layout = findLayout(sheet.rows);
    if (typeof layout === 'string') {
      refused.push(`sheet "${sheet.name}": ${layout}`);
      continue;
    }
    const otherText = sheets.filter((s) => s !== sheet).flatMap((s) => s.rows.flat());
    return readData(source, sheet.sheet, sheet.rows, layout, otherText);
  }
  throw new SourceError(
    source,
    null,
    `no sheet is a GV-ISys municipality register${refused.length > 0 ? ` (${refused.join('; ')})` : ' (the workbook has no sheets)'}`,
  );
}

/** Row r (1-based) → its cells' texts, index 0 = column A. */
type SheetText = string[][];

interface Layout {
  /** Worksheet row numbers. */
  headerStart: number;
  dataStart: number;
  dataEnd: number;
  /** Column (0-based) of each register column. */
  columns: Record<Column, number>;
}

function sheetText(sheet: ExcelJS.Worksheet): SheetText {
  const rows: SheetText = [[]]; // row 0 does not exist
  const width = sheet.columnCount;
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const texts: string[] = [];
    for (let c = 1; c <= width; c++) texts.push(cellText(row.getCell(c).value));
    rows.push(texts);
  }
  return rows;
}

/** A cell as the CSV conversion writes it: numbers in shortest round-trip form, text unchanged. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('error' in value) return value.error;
  // A formula: its stored result.
  return cellText(value.result ?? null);
}

/** A number with a decimal point: 56.73 → "56.73", 4 → "4.0". */
function decimal(value: number): string {
  const text = cellText(value);
  return /^-?\d+$/.test(text) ? `${text}.0` : text;
}

/** Header text → comparable words: "Satz-art" → "satzart", "Fläche km2 1)" → "fläche km2". */
function normalise(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/(\p{Ll})-\s*(\p{Ll})/gu, '$1$2')
    .replace(/\d\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Where the header and the data rows are and which column is which; a string says why not. */
function findLayout(rows: SheetText): Layout | string {
  const headerStart = rows.findIndex((row) => row.some((text) => normalise(text) === 'satzart'));
  if (headerStart < 0) return 'no header with a "Satzart" column';
  const satzart = rows[headerStart]!.findIndex((text) => normalise(text) === 'satzart');
  let dataStart = -1;
  let dataEnd = -1;
  for (let r = headerStart + 1; r < rows.length; r++) {
    if (!SATZART.test((rows[r]![satzart] ?? '').trim())) continue;
    if (dataStart < 0) dataStart = r;
    dataEnd = r;
  }
  if (dataStart < 0) return 'no data rows below the header';

  const header = rows.slice(headerStart, dataStart);
  const width = Math.max(...header.map((row) => row.length));
  const own: string[][] = [];
  const context: string[][] = [];
  for (let c = 0; c < width; c++) {
    own.push(header.map((row) => normalise(row[c] ?? '')).filter(Boolean));
    // Each header row's nearest label at or left of c: a group label over several columns.
    context.push(
      header.map((row) => {
        for (let k = Math.min(c, row.length - 1); k >= 0; k--) if (row[k]) return normalise(row[k]!);
        return '';
      }),
    );
  }
  const columns: Partial<Record<Column, number>> = {};
  const missing: string[] = [];
  const ambiguous: string[] = [];
  for (const column of REGISTER_WORKBOOK_COLUMNS) {
    const matches = own.flatMap((cells, c) => (HEADER_RULES[column](cells, [...cells, ...context[c]!]) ? [c] : []));
    if (matches.length === 0) missing.push(column);
    else if (matches.length > 1) ambiguous.push(`${column} (columns ${matches.map(columnLetter).join(', ')})`);
    else columns[column] = matches[0]!;
  }
  if (missing.length > 0) return `missing column(s): ${missing.join(', ')}`;
  if (ambiguous.length > 0) return `ambiguous column(s): ${ambiguous.join('; ')}`;
  return { headerStart, dataStart, dataEnd, columns: columns as Record<Column, number> };
}

function readData(source: string, worksheet: ExcelJS.Worksheet, rows: SheetText, layout: Layout, otherText: readonly string[]): RegisterWorkbook {
  const sheet = worksheet.name;
  const records: CsvRecord[] = [];
  for (let r = layout.dataStart; r <= layout.dataEnd; r++) {
    const row = rows[r]!;
    const values = Object.fromEntries(REGISTER_WORKBOOK_COLUMNS.map((column) => [column, row[layout.columns[column]] ?? ''])) as Record<Column, string>;
    // The area is a decimal: a stored 4 is written 4.0, as the CSV conversion does.
    const area = worksheet.getRow(r).getCell(layout.columns.flaeche + 1).value;
    if (typeof area === 'number') values.flaeche = decimal(area);
    // Empty rows inside the data are left out; any other row is kept, for the import to judge.
    if (Object.values(values).some((v) => v !== '')) records.push({ line: r, values });
  }

  // The dates come from the sheet's own words: title, header and footnotes.
  const outside = [...rows.slice(1, layout.dataStart), ...rows.slice(layout.dataEnd + 1)].flat().filter(Boolean);
  const territory = distinct(outside, TERRITORY_DATE);
  const territoryDate = territory.length > 0 ? territory : distinct(otherText, TERRITORY_DATE);
  if (territoryDate.length !== 1) {
    throw new SourceError(source, null, `sheet "${sheet}": ${territoryDate.length === 0 ? 'no' : 'more than one'} territorial date ("Gebietsstand …")${territoryDate.length > 1 ? `: ${territoryDate.join(', ')}` : ''}`);
  }
  // The population's date: in the header of its column ("am 31.12.2023"), or a "Bevölkerungsstand …".
  const populationHeader = rows.slice(layout.headerStart, layout.dataStart).map((row) => row[layout.columns.bevoelkerung] ?? '');
  const inHeader = distinct(populationHeader, ANY_DATE);
  const populationDate = inHeader.length > 0 ? inHeader : distinct(outside, POPULATION_DATE);
  if (populationDate.length !== 1) {
    throw new SourceError(source, null, `sheet "${sheet}": ${populationDate.length === 0 ? 'no' : 'more than one'} population date (in the header of "Bevölkerung" or as "Bevölkerungsstand …")${populationDate.length > 1 ? `: ${populationDate.join(', ')}` : ''}`);
  }
  return { records, territoryDate: territoryDate[0]!, populationDate: populationDate[0]!, sheet };
}

/** The distinct valid dates (ISO) that `pattern` finds in the texts, in order of appearance. */
function distinct(texts: readonly string[], pattern: RegExp): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(pattern)) {
      const iso = isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
      if (iso) found.add(iso);
    }
  }
  return [...found];
}

function isoDate(day: number, month: number, year: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
