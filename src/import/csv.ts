// Reading the source files: CSV with a header row, every record with the line it starts on.
import { readFileSync } from 'node:fs';
import { CsvError, parse } from 'csv-parse/sync';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (the header is line 1). */
  line: number;
  values: Record<string, string>;
}

/** A file that cannot be read as a whole: nothing of it is imported. */
export class SourceError extends Error {
  constructor(
    readonly source: string,
    readonly line: number | null,
    message: string,
  ) {
    super(`${source}${line === null ? '' : `, line ${line}`}: ${message}`);
  }
}

/** Reads a CSV file, checking that every column in `required` is present in the header. */
export function readCsv(path: string, source: string, required: readonly string[]): CsvRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new SourceError(source, null, `cannot read ${path}: ${(error as Error).message}`);
  }
  type Parsed = { record: Record<string, string>; info: { lines: number } };
  let records: Parsed[];
  try {
    records = parse<Parsed>(text, { bom: true, columns: true, info: true, skip_empty_lines: true, trim: false });
  } catch (error) {
    if (error instanceof CsvError) {
      const line = typeof error.lines === 'number' ? error.lines : null;
      throw new SourceError(source, line, `not a well-formed CSV file (${error.message.replace(/^Invalid Record Length: /, 'wrong number of fields: ')})`);
    }
    throw error;
  }
  const header = Object.keys(records[0]?.record ?? {});
  const missing = required.filter((column) => !header.includes(column));
  if (records.length === 0) throw new SourceError(source, null, 'the file holds no records');
  if (missing.length > 0) throw new SourceError(source, 1, `missing column(s): ${missing.join(', ')}`);
  // info.lines is the line a record ends on; a record spanning lines (quoted newlines) starts earlier.
  return records.map(({ record, info }) => ({ line: info.lines, values: record }));
}
