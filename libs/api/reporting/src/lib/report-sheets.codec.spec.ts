import { Workbook, Worksheet } from 'exceljs';
import { SHEET_COLUMNS, SheetColumn } from '@sopu/shared';
import { neutralise, readSheet, unneutralise, writeCsv, writeXlsx } from './report-sheets.codec';

const row = (cells: Partial<Record<SheetColumn, string>>): Record<SheetColumn, string> =>
  Object.fromEntries(SHEET_COLUMNS.map((column) => [column, cells[column] ?? ''])) as Record<
    SheetColumn,
    string
  >;

describe('report sheet files', () => {
  it('neutralises formula-like text but leaves plain numbers in number columns alone', () => {
    expect(neutralise('comment', '=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutralise('comment', '-3')).toBe("'-3");
    expect(neutralise('value', '-3')).toBe('-3');
    expect(neutralise('value', '-3,5')).toBe('-3,5');
    expect(neutralise('value', '-3+A1')).toBe("'-3+A1");
    expect(neutralise('text', '@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralise('text', '\tx')).toBe("'\tx");
    expect(neutralise('text', "'hello")).toBe("'hello");
    for (const text of ['=1+2', "'=1+2", "''+x", 'plain', "'plain", '-', '+358 40 123'])
      expect(unneutralise(neutralise('comment', text))).toBe(text);
  });

  it('writes CSV with a BOM and `;`, and reads `;`, `,` and tab back to the same cells', async () => {
    const rows = [row({ report_id: 'r1', criterion_code: 'C1', value: '12,5', comment: '=cmd|x; "y"' })];
    const csv = writeCsv(rows);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toContain('report_id;contract_number;');
    const read = await readSheet(csv);
    expect(read.headers).toEqual([...SHEET_COLUMNS]);
    expect(read.rows[0]).toMatchObject({ row: 2, cells: { value: '12,5', comment: '=cmd|x; "y"' } });

    for (const delimiter of [',', '\t']) {
      const text = `report_id${delimiter}criterion_code${delimiter}value\r\n\r\nr1${delimiter}C1${delimiter}"3,5"\r\n`;
      const sheet = await readSheet(Buffer.from(text));
      expect(sheet.headers).toEqual(['report_id', 'criterion_code', 'value']);
      expect(sheet.rows).toEqual([
        { row: 3, cells: { report_id: 'r1', criterion_code: 'C1', value: '3,5' }, formulas: [], extra: [] },
      ]);
    }
  });

  it('refuses what is neither XLSX nor UTF-8 text, and reports where a CSV quote is left open', async () => {
    await expect(readSheet(Buffer.from([0xff, 0xfe, 0x00, 0x41]))).rejects.toMatchObject({
      code: 'UNSUPPORTED_SHEET',
    });
    await expect(readSheet(Buffer.from('a;b\u0000c'))).rejects.toMatchObject({ code: 'UNSUPPORTED_SHEET' });
    await expect(readSheet(Buffer.alloc(0))).rejects.toMatchObject({ code: 'UNSUPPORTED_SHEET' });
    const broken = await readSheet(Buffer.from('report_id;value\r\nr1;"12\r\nr2;3\r\n'));
    expect(broken.broken).not.toBeNull();
    expect(broken.headers).toEqual(['report_id', 'value']);
  });

  it('writes XLSX cells as text, never formulas, and reads formulas as refused', async () => {
    const file = await writeXlsx([row({ report_id: 'r1', comment: '=HYPERLINK("x")', value: '-3' })], 'sv');
    const book = new Workbook();
    await book.xlsx.load(file as unknown as Parameters<typeof book.xlsx.load>[0]);
    const sheet = book.getWorksheet('Report') as Worksheet;
    expect(sheet.getRow(2).getCell(SHEET_COLUMNS.indexOf('comment') + 1).value).toBe('=HYPERLINK("x")');
    expect(book.getWorksheet('Instructions')?.getRow(1).getCell(1).value).toContain('kvalitetsrapport');

    sheet.getRow(2).getCell(SHEET_COLUMNS.indexOf('value') + 1).value = { formula: '1+2', result: 3 };
    const read = await readSheet(Buffer.from(await book.xlsx.writeBuffer()));
    expect(read.rows[0]).toMatchObject({
      cells: { comment: '=HYPERLINK("x")', value: '' },
      formulas: ['value'],
    });
  });
});
