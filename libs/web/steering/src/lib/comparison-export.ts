import { Sheet, SheetCell, decimalSeparator, isNumberCell } from './comparison-sheet';

/** The CSV separator: a semicolon, which spreadsheets in Finnish and Swedish read when commas are decimals. */
export const CSV_SEPARATOR = ';';
const BOM = '\uFEFF';

/** A column's header with its unit, as the exports write it ("Coverage (%)"). */
export const exportHeader = (column: Sheet['columns'][number]) =>
  column.unit ? `${column.header} (${column.unit})` : column.header;

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return that some read the
 * same way) gets a leading apostrophe, so that a producer's name can never become a formula.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function csvField(text: string): string {
  return /[";\r\n,]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One cell as CSV text: numbers with exactly the table's decimals and the locale's decimal separator. */
export function csvCell(cell: SheetCell, separator: string): string {
  if (cell === null) return '';
  if (isNumberCell(cell)) return cell.n.toFixed(cell.decimals).replace('.', separator);
  return csvField(neutralise(cell));
}

/** The sheet as CSV: UTF-8 with a byte order mark, semicolons, CRLF line ends, a header row. */
export function buildCsv(sheet: Sheet, locale: string): string {
  const separator = decimalSeparator(locale);
  const lines = [
    sheet.columns.map((c) => csvField(neutralise(exportHeader(c)))).join(CSV_SEPARATOR),
    ...sheet.rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(CSV_SEPARATOR)),
  ];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

/** A file name from the sheet's title and the period range: "Home care 2025-01–2025-12.csv" → safe characters. */
export function exportFileName(parts: readonly string[], extension: 'csv' | 'xlsx'): string {
  const base = parts
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${base || 'comparison'}.${extension}`;
}

/** An Excel number format for `decimals` places: "0", "0.0", "0.00". */
export const excelNumberFormat = (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

/**
 * The sheet as an XLSX workbook, made with exceljs, which is loaded only when someone exports (it is large).
 * Numbers stay numbers, with the table's decimals as their number format.
 */
export async function buildXlsx(sheet: Sheet): Promise<Blob> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  workbook.creator = 'Sopu';
  // Excel allows 31 characters and no []:*?/\ in a sheet's name.
  const worksheet = workbook.addWorksheet(sheet.title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sopu', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  // Text in a workbook is typed as text and never runs as a formula: no apostrophes needed here.
  worksheet.addRow(sheet.columns.map(exportHeader));
  worksheet.getRow(1).font = { bold: true };
  for (const cells of sheet.rows) {
    const row = worksheet.addRow(cells.map((cell) => (isNumberCell(cell) ? cell.n : cell)));
    cells.forEach((cell, i) => {
      if (isNumberCell(cell)) row.getCell(i + 1).numFmt = excelNumberFormat(cell.decimals);
    });
  }
  sheet.columns.forEach((column, i) => {
    worksheet.getColumn(i + 1).width = Math.min(48, Math.max(10, exportHeader(column).length + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}
