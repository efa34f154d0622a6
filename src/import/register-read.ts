// The register as the import reads it: Destatis's own workbook (the file a user
// downloads each quarter), or — for tests and corrected copies — a CSV
// conversion with the same columns, whose two reference dates are then given.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readCsv, SourceError, type CsvRecord } from './csv.js';
import { readRegisterWorkbook } from './register-workbook.js';

/** Destatis's page for the quarterly extract, and the attribution its licence asks for. */
export const REGISTER_PAGE = 'https://www.destatis.de/DE/Themen/Laender-Regionen/Regionales/Gemeindeverzeichnis/Administrativ/Archiv/GVAuszugQ/AuszugGV4QAktuell.html';
export const REGISTER_ATTRIBUTION = '© Statistisches Bundesamt (Destatis), 2025 — Datenlizenz Deutschland – Namensnennung – Version 2.0';

export interface RegisterFile {
  path: string;
  /** Where it was found (setting, cache, mirror, download), for the report. */
  origin?: string;
  /** For a CSV conversion only: its reference dates (a workbook states its own). */
  territoryDate?: string;
  populationDate?: string;
}

export interface RegisterRead {
  records: CsvRecord[];
  source: string;
  territoryDate: string;
  populationDate: string;
  sha256: string;
  origin: string;
  url: string;
  attribution: string;
}

export async function readRegister(file: RegisterFile, columns: readonly string[]): Promise<RegisterRead> {
  const source = basename(file.path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file.path);
  } catch (error) {
    throw new SourceError(source, null, `cannot read ${file.path}: ${(error as Error).message}`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const common = { source, sha256, origin: file.origin ?? 'file', url: REGISTER_PAGE, attribution: REGISTER_ATTRIBUTION };
  if (file.path.toLowerCase().endsWith('.xlsx')) {
    const book = await readRegisterWorkbook(file.path);
    const header = Object.keys(book.records[0]?.values ?? {});
    const missing = columns.filter((c) => !header.includes(c));
    if (missing.length > 0) throw new SourceError(source, null, `missing column(s): ${missing.join(', ')}`);
    return { ...common, records: book.records, territoryDate: book.territoryDate, populationDate: book.populationDate };
  }
  if (!file.territoryDate || !file.populationDate) {
    throw new SourceError(source, null, 'a CSV conversion of the register needs its territorial and population dates; import the Destatis workbook (.xlsx) instead');
  }
  return { ...common, records: readCsv(file.path, source, columns), territoryDate: file.territoryDate, populationDate: file.populationDate };
}
