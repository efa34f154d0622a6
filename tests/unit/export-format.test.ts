// The app's table downloads as Excel opens them in Germany: CSV with BOM, `;`, decimal comma, quoting, and
// text that would run as a formula defused; XLSX read back with exceljs as it was written.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { allPages, csvCell, fileName, toCsv, toXlsx, type ExportTable } from '../../web/src/export.js';

const NOW = new Date(2026, 11, 7, 0, 30);
const table: ExportTable<{ name: string; share: number; n: number | null }> = {
  title: 'Weiße Flecken',
  columns: [
    { header: 'Kreis', value: (r) => r.name },
    { header: 'Anteil', value: (r) => r.share },
    { header: 'Gemeinden', value: (r) => r.n },
  ],
  rows: [
    { name: 'Mayen-Koblenz', share: 0.125, n: 87 },
    { name: 'A; B "C"\nD', share: 1234.5, n: null },
    { name: '=HYPERLINK("http://x")', share: -2, n: 0 },
  ],
};

describe('CSV for Excel in Germany', () => {
  it('starts with a BOM and the source line with the day, then the headers; cells by `;`, lines by CRLF', () => {
    const csv = toCsv(table, NOW);
    expect(csv.startsWith('\uFEFFQuelle: smart-city-graph, Weiße Flecken; ')).toBe(false); // the source line holds `;` and is quoted
    expect(csv.startsWith('\uFEFF"Quelle: smart-city-graph, Weiße Flecken; Daten: Gemeindeverzeichnis')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toMatch(/Stand 07\.12\.2026"$/);
    expect(lines[1]).toBe('Kreis;Anteil;Gemeinden');
    expect(lines[2]).toBe('Mayen-Koblenz;0,125;87');
    expect(lines.at(-1)).toBe('');
  });

  it('writes numbers with a decimal comma and no thousands dots; nothing for a missing value', () => {
    expect(csvCell(1234.5)).toBe('1234,5');
    expect(csvCell(0.1 + 0.2)).toBe('0,3');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(10754)).toBe('10754');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('quotes cells holding `;`, `"` or a line break, doubling the quotes', () => {
    expect(csvCell('A; B "C"\nD')).toBe('"A; B ""C""\nD"');
    expect(csvCell('Zeile\r\nzwei')).toBe('"Zeile\r\nzwei"');
    expect(csvCell('schlicht, mit Komma')).toBe('schlicht, mit Komma');
  });

  it('defuses text Excel would run as a formula (=, +, -, @, tab, CR first) with an apostrophe', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+49 261 1234')).toBe("'+49 261 1234");
    expect(csvCell('-Liste')).toBe("'-Liste");
    expect(csvCell('@SUMME(A1)')).toBe("'@SUMME(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('=HYPERLINK("x";"y")')).toBe(`"'=HYPERLINK(""x"";""y"")"`);
    expect(csvCell('Bad Ems')).toBe('Bad Ems');
    // A negative number is a number, not text: it stays one.
    expect(toCsv(table, NOW).split('\r\n')[4]).toBe(`"'=HYPERLINK(""http://x"")";-2;0`);
  });

  it('names the file plainly with the day', () => {
    expect(fileName('Weiße Flecken (Kreise)', NOW, 'csv')).toBe('weisse-flecken-kreise-2026-12-07.csv');
    expect(fileName('Maßnahmen', NOW, 'xlsx')).toBe('massnahmen-2026-12-07.xlsx');
  });
});

describe('XLSX', () => {
  it('reads back with exceljs: the source line, the headers, numbers as numbers, formulas defused', async () => {
    const blob = await toXlsx(table, NOW);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Weiße Flecken');
    const rows = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(String(rows[0]![0])).toMatch(/^Quelle: smart-city-graph, Weiße Flecken; .*Stand 07\.12\.2026$/);
    expect(rows.slice(1)).toEqual([
      ['Kreis', 'Anteil', 'Gemeinden'],
      ['Mayen-Koblenz', 0.125, 87],
      ['A; B "C"\nD', 1234.5],
      ["'=HYPERLINK(\"http://x\")", -2, 0],
    ]);
  });
});

describe('a whole list for an export', () => {
  it('pages through by `endCursor` until the list ends or the cap is reached', async () => {
    const asked: (string | null)[] = [];
    const page = (after: string | null) => {
      asked.push(after);
      const start = after === null ? 0 : Number(after);
      const edges = [start, start + 1].filter((n) => n < 5);
      return Promise.resolve({ edges, pageInfo: { hasNextPage: start + 2 < 5, endCursor: String(start + 2) } });
    };
    expect(await allPages(page, 100)).toEqual([0, 1, 2, 3, 4]);
    expect(asked).toEqual([null, '2', '4']);
    expect(await allPages(page, 3)).toEqual([0, 1, 2]);
  });
});
