// The register workbook as Destatis publishes it (read from the shared mirror), without Neo4j.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, SourceError } from '../../src/import/csv.js';
import { readRegisterWorkbook, REGISTER_WORKBOOK_COLUMNS, type RegisterWorkbook } from '../../src/import/register-workbook.js';
import { DEFAULT_REGISTER_MIRROR_DIR, REGISTER_FILE_NAME } from '../../src/import/register-source.js';

const WORKBOOK = join(DEFAULT_REGISTER_MIRROR_DIR, REGISTER_FILE_NAME);
const CSV = join(DEFAULT_REGISTER_MIRROR_DIR, 'destatis-gv-isys-2024-12-31.csv');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'register-workbook-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRegisterWorkbook on the Destatis workbook', () => {
  let book: RegisterWorkbook;
  beforeAll(async () => {
    book = await readRegisterWorkbook(WORKBOOK);
  });

  it('gives exactly the records of the mirror CSV, in the same column names and formats', () => {
    const csv = readCsv(CSV, 'destatis-gv-isys-2024-12-31.csv', REGISTER_WORKBOOK_COLUMNS);
    expect(csv).toHaveLength(16_012);
    expect(book.records).toHaveLength(csv.length);
    expect(book.records.map((r) => r.values)).toEqual(csv.map((r) => r.values));
    expect(Object.keys(book.records[0]!.values)).toEqual([...REGISTER_WORKBOOK_COLUMNS]);
    // A few values spelled out: plain integers, area with a decimal point, coordinates with a comma, codes with zeros.
    const flensburg = book.records.find((r) => r.values.satzart === '60' && r.values.gemeindename === 'Flensburg, Stadt')!;
    expect(flensburg.values).toMatchObject({ land: '01', rb: '0', kreis: '01', vb: '0000', gemeinde: '000', flaeche: '56.73', bevoelkerung: '92667', postleitzahl: '24937', laengengrad: '9,43751', verstaedterungschluessel: '01' });
    expect(book.records.find((r) => r.values.gemeindename === 'Sierksrade')!.values.flaeche).toBe('4.0');
  });

  it('numbers each record with its worksheet row', () => {
    const lines = book.records.map((r) => r.line);
    expect(lines[0]).toBe(7); // below the title, the three header rows and an empty row
    expect(lines.at(-1)).toBe(16_018);
    expect(lines.every((line, i) => i === 0 || line > lines[i - 1]!)).toBe(true);
    expect(book.records.find((r) => r.values.gemeindename === 'Flensburg, Stadt' && r.values.satzart === '60')!.line).toBe(10);
  });

  it('takes both reference dates and the sheet from the sheet itself', () => {
    expect(book.territoryDate).toBe('2024-12-31');
    expect(book.populationDate).toBe('2023-12-31');
    expect(book.sheet).toBe('Onlineprodukt_Gemeinden31122024');
  });
});

describe('readRegisterWorkbook on other files', () => {
  const expectRefusal = async (path: string, message: RegExp) => {
    const error = await readRegisterWorkbook(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(SourceError);
    expect((error as SourceError).message).toMatch(message);
  };

  it('refuses a workbook that is not a register', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tabelle1');
    sheet.addRow(['Name', 'Einwohner']);
    sheet.addRow(['Flensburg', 92_667]);
    const path = join(dir, 'not-a-register.xlsx');
    await workbook.xlsx.writeFile(path);
    await expectRefusal(path, /not-a-register\.xlsx: no sheet is a GV-ISys municipality register \(sheet "Tabelle1": no header with a "Satzart" column\)/);
  });

  it('names the columns a register-like sheet lacks', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Gemeinden');
    sheet.addRow(['Gemeinden am 31.12.2024']);
    sheet.addRow(['Satz-art', 'Text-kenn-zeichen', 'Land', 'RB', 'Kreis', 'VB', 'Gem', 'Gemeindename']);
    sheet.addRow(['60', '61', '01', '0', '01', '0000', '000', 'Flensburg, Stadt']);
    const path = join(dir, 'partial.xlsx');
    await workbook.xlsx.writeFile(path);
    await expectRefusal(path, /missing column\(s\): flaeche, bevoelkerung, maennlich, weiblich, jekm2, postleitzahl, laengengrad, breitengrad, schluessel/);
  });

  it('refuses a file that is no xlsx, a truncated one, and a missing one', async () => {
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'satzart,land\n10,01\n');
    await expectRefusal(text, /cannot read .*text\.xlsx as an xlsx workbook/);

    const truncated = join(dir, 'truncated.xlsx');
    writeFileSync(truncated, readFileSync(WORKBOOK).subarray(0, 800_000)); // as a download cut off half-way
    await expectRefusal(truncated, /cannot read .*truncated\.xlsx as an xlsx workbook/);

    await expectRefusal(join(dir, 'missing.xlsx'), /cannot read .*missing\.xlsx/);
  });
});
