import { RESULT, TEXT } from './comparison-fixture.testing';
import { buildCsv, csvCell, exportFileName, neutralise } from './comparison-export';
import { Sheet, formatCell, isNumberCell, numberCell } from './comparison-sheet';
import { comparisonRows, tableSheet, trendsSheet } from './comparison-tables';
import { parse } from 'csv-parse/sync';

/** The CSV as a spreadsheet reads it: a byte order mark, semicolons, quoted fields. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, delimiter: ';', relaxColumnCount: true, skipEmptyLines: true });
}

/** A number as the table shows it ("1,234.5 %", "1 234,5 %") back to a number. */
function shown(text: string, locale: 'en-GB' | 'fi-FI'): number | null {
  if (text === '–') return null;
  const digits = text.replace(/[^\d,.−-]/g, '').replace('−', '-');
  return Number(locale === 'en-GB' ? digits.replace(/,/g, '') : digits.replace(/\./g, '').replace(',', '.'));
}

describe('CSV export', () => {
  it.each(['en-GB', 'fi-FI'] as const)('holds exactly the numbers the table shows (%s)', (locale) => {
    const sheet = tableSheet(comparisonRows(RESULT, '', TEXT), TEXT);
    const csv = buildCsv(sheet, locale);
    const [header, ...lines] = parseCsv(csv);
    expect(header[1]).toBe('unit');
    expect(header[4]).toBe('coverage (%)');
    expect(lines).toHaveLength(sheet.rows.length);
    sheet.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const onScreen = formatCell(cell, locale);
        if (isNumberCell(cell)) {
          const exported = Number(lines[r][c].replace(',', '.'));
          expect({ r, c, exported }).toEqual({ r, c, exported: shown(onScreen, locale) });
        } else if (cell === null) {
          expect(lines[r][c]).toBe('');
        } else {
          expect(lines[r][c]).toBe(cell);
        }
      }),
    );
  });

  it('writes UTF-8 with a byte order mark, semicolons, the locale’s decimal mark and no thousands separator', () => {
    const sheet = trendsSheet(RESULT, RESULT.criteria[0], '', TEXT);
    const fi = buildCsv(sheet, 'fi-FI');
    expect(fi.charCodeAt(0)).toBe(0xfeff);
    expect(fi.split('\r\n')[0]).toBe(
      '\uFEFFperiod;SELF_PRODUCED (%);PURCHASED_SERVICE (%);VOUCHER_SERVICE (%)',
    );
    expect(fi.split('\r\n')[2]).toBe('2025-02;4,5;7,5;');
    expect(csvCell(numberCell(1234567.891, 2), '.')).toBe('1234567.89');
    expect(csvCell(numberCell(-2.5, 0), '.')).toBe('-3');
  });

  it('keeps text that a spreadsheet would run as a formula from being one, and quotes separators', () => {
    expect(neutralise('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(neutralise('+358 40')).toBe("'+358 40");
    expect(neutralise('-1')).toBe("'-1");
    expect(neutralise('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('Hoivakoti Oy')).toBe('Hoivakoti Oy');
    const sheet: Sheet = {
      title: 't',
      columns: [
        { key: 'a', header: 'Name', numeric: false },
        { key: 'b', header: 'Value', numeric: true },
      ],
      rows: [['=1+2;"x"', numberCell(-1.25, 1)]],
    };
    const [, line] = parseCsv(buildCsv(sheet, 'en-GB'));
    expect(line).toEqual(['\'=1+2;"x"', '-1.3']);
  });

  it('rounds half away from zero once, by the decimal text', () => {
    expect(numberCell(1.005, 2)?.n).toBe(1.01);
    expect(numberCell(-1.005, 2)?.n).toBe(-1.01);
    expect(numberCell(4.455, 1)?.n).toBe(4.5);
    expect(numberCell(-0.04, 1)?.n).toBe(0);
    expect(numberCell(null, 1)).toBeNull();
    expect(numberCell(Number.NaN, 1)).toBeNull();
  });

  it('names the file by its choices in safe characters', () => {
    expect(exportFileName(['Vertailu', 'HOME_CARE', '2025-01', '2025-12', 'trends'], 'csv')).toBe(
      'vertailu-home_care-2025-01-2025-12-trends.csv',
    );
    expect(exportFileName(['jämförelse', ''], 'xlsx')).toBe('jamforelse.xlsx');
  });
});
