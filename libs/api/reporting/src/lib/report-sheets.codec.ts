import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CellValue, Workbook } from 'exceljs';
import {
  Language,
  parseDecimal,
  SHEET_COLUMNS,
  SHEET_ENTRY_COLUMNS,
  SheetColumn,
  SheetFormat,
} from '@sopu/shared';
import { DOCUMENT_TYPES, documentTypeOf, DomainError } from '@sopu/api/platform';
import { SHEET_INSTRUCTIONS } from './report-sheets.instructions';

/**
 * Reading and writing the report sheet as XLSX or CSV, and nothing else: which rows and what they
 * mean is the service's business. Every cell travels as text, so nothing is converted on the way.
 */

/** The entry columns that hold numbers: a plain decimal there is a number, never a formula. */
export const NUMBER_COLUMNS: ReadonlySet<string> = new Set([
  'value',
  'numerator',
  'denominator',
  'respondents',
]);

/** The CSV the template is written in: Excel in Finnish and Swedish settings opens it as it is. */
export const CSV_DELIMITER = ';';

/** A cell a spreadsheet program would run as a formula (OWASP's list for CSV injection). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/**
 * A CSV cell made safe to open in a spreadsheet: formula-like text gets a leading `'`, which
 * `unneutralise` takes off again on import, so text survives a download and upload unchanged.
 */
export function neutralise(column: string, text: string): string {
  if (NUMBER_COLUMNS.has(column) && parseDecimal(text) !== null) return text;
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function unneutralise(text: string): string {
  return FORMULA_START.test(text) && text.startsWith("'") ? text.slice(1) : text;
}

/** One data row as read, with its spreadsheet row number (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: Record<string, string>;
  /** Cells that were formulas in an XLSX: refused, the value itself is wanted. */
  formulas: string[];
  /** Cells past the header's last column that hold something. */
  extra: number[];
}

export interface ReadSheet {
  format: SheetFormat;
  headers: string[];
  rows: SheetRow[];
  /** The sheet could not be read from this row on (a CSV quote left open). */
  broken: { row: number } | null;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** An XLSX of 5 MB unpacks to far less than this; more means a zip bomb. */
const XLSX_MAX_UNPACKED = 100 * 1024 * 1024;

/** The sheet from raw bytes: XLSX recognised by its ZIP content, anything else must be UTF-8 CSV. */
export async function readSheet(content: Buffer): Promise<ReadSheet> {
  if (content.length === 0) throw new DomainError('UNSUPPORTED_SHEET');
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return readXlsx(content);
  return readCsv(content);
}

function readCsv(content: Buffer): ReadSheet {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    throw new DomainError('UNSUPPORTED_SHEET');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Text files carry no control characters but tab and line ends; binary junk does.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) throw new DomainError('UNSUPPORTED_SHEET');
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [';', ',', '\t'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  );
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    // A broken quote leaves the rest unreadable: the header is still checked, the place reported.
    return {
      format: 'csv',
      headers: firstLine.split(delimiter).map((cell) => cell.trim().toLowerCase()),
      rows: [],
      broken: { row: (error as { lines?: number }).lines ?? 1 },
    };
  }
  const [header = [], ...data] = records;
  const headers = header.map((cell) => cell.trim().toLowerCase());
  const rows = data.map((record, index) => {
    const cells: Record<string, string> = {};
    headers.forEach((name, column) => {
      if (name !== '' && !(name in cells)) cells[name] = unneutralise(record[column] ?? '');
    });
    const extra = record
      .map((cell, column) => (column >= headers.length && cell.trim() !== '' ? column + 1 : 0))
      .filter((column) => column > 0);
    return { row: index + 2, cells, formulas: [], extra };
  });
  return { format: 'csv', headers, rows: rows.filter((row) => !blankRow(row)), broken: null };
}

/** Sums the unpacked sizes the ZIP's central directory declares, to refuse a zip bomb unopened. */
function unpackedSize(content: Buffer): number | null {
  const end = content.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > content.length) return null;
  const entries = content.readUInt16LE(end + 10);
  let at = content.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > content.length || content.readUInt32LE(at) !== 0x02014b50) return null;
    const size = content.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + content.readUInt16LE(at + 28) + content.readUInt16LE(at + 30) + content.readUInt16LE(at + 32);
  }
  return total;
}

async function readXlsx(content: Buffer): Promise<ReadSheet> {
  const size = unpackedSize(content);
  if (size === null || size > XLSX_MAX_UNPACKED || documentTypeOf(content) !== DOCUMENT_TYPES.xlsx)
    throw new DomainError('UNSUPPORTED_SHEET');
  const workbook = new Workbook();
  try {
    // exceljs declares its own Buffer type; Node's is the same thing at run time.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new DomainError('UNSUPPORTED_SHEET');
  }
  const sheets = workbook.worksheets;
  const sheet =
    sheets.find((ws) => cellText(ws.getRow(1).getCell(1).value).text.trim().toLowerCase() === 'report_id') ??
    sheets[0];
  if (!sheet) throw new DomainError('UNSUPPORTED_SHEET');
  const headerRow = sheet.getRow(1);
  const headers: string[] = [];
  for (let column = 1; column <= headerRow.cellCount; column++)
    headers.push(cellText(headerRow.getCell(column).value).text.trim().toLowerCase());
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    const formulas: string[] = [];
    headers.forEach((name, index) => {
      if (name === '' || name in cells) return;
      const { text, formula } = cellText(row.getCell(index + 1).value);
      cells[name] = text;
      if (formula) formulas.push(name);
    });
    const extra: number[] = [];
    for (let column = headers.length + 1; column <= row.cellCount; column++)
      if (cellText(row.getCell(column).value).text.trim() !== '') extra.push(column);
    const read = { row: rowNumber, cells, formulas, extra };
    if (!blankRow(read)) rows.push(read);
  });
  return { format: 'xlsx', headers, rows, broken: null };
}

/** A cell's value as the text a person typed; booleans as 1/0, dates as YYYY-MM-DD. */
function cellText(value: CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: '', formula: false };
  if (typeof value === 'string') return { text: value, formula: false };
  if (typeof value === 'number') return { text: String(value), formula: false };
  if (typeof value === 'boolean') return { text: value ? '1' : '0', formula: false };
  if (value instanceof Date) return { text: value.toISOString().slice(0, 10), formula: false };
  if ('formula' in value || 'sharedFormula' in value) return { text: '', formula: true };
  if ('richText' in value) return { text: value.richText.map((part) => part.text).join(''), formula: false };
  if ('text' in value) return { text: String(value.text), formula: false };
  if ('error' in value) return { text: String(value.error), formula: false };
  return { text: '', formula: false };
}

function blankRow(row: SheetRow): boolean {
  return (
    row.formulas.length === 0 &&
    row.extra.length === 0 &&
    Object.values(row.cells).every((cell) => cell.trim() === '')
  );
}

/** Widths in characters, so the template opens readable. */
const WIDTHS: Record<SheetColumn, number> = {
  report_id: 38,
  contract_number: 16,
  service_code: 18,
  period_start: 12,
  period_end: 12,
  due_date: 12,
  criterion_code: 26,
  criterion_name: 44,
  measure_type: 15,
  unit: 14,
  value: 12,
  numerator: 12,
  denominator: 12,
  respondents: 12,
  flag: 8,
  text: 40,
  not_applicable: 15,
  not_applicable_reason: 32,
  comment: 40,
};

const ENTRY_COLUMNS: ReadonlySet<string> = new Set(SHEET_ENTRY_COLUMNS);
const ENTRY_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } } as const;
const INFO_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } } as const;

/** The template as XLSX: every cell a plain string in a text-formatted column, never a formula. */
export async function writeXlsx(
  rows: readonly Record<SheetColumn, string>[],
  language: Language,
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Sopu';
  const sheet = workbook.addWorksheet('Report', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = SHEET_COLUMNS.map((key) => ({
    header: key,
    key,
    width: WIDTHS[key],
    style: { numFmt: '@' },
  }));
  for (const row of rows) sheet.addRow(SHEET_COLUMNS.map((key) => row[key]));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  SHEET_COLUMNS.forEach((key, index) => {
    header.getCell(index + 1).fill = ENTRY_COLUMNS.has(key) ? ENTRY_FILL : INFO_FILL;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: SHEET_COLUMNS.length } };

  const instructions = workbook.addWorksheet('Instructions');
  instructions.columns = [{ width: 120, style: { numFmt: '@', alignment: { wrapText: true } } }];
  SHEET_INSTRUCTIONS[language].forEach((line, index) => {
    instructions.addRow([line]);
    if (index === 0) instructions.getRow(1).font = { bold: true, size: 14 };
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The template as CSV: UTF-8 with a BOM (so Excel reads it as UTF-8), `;`, CRLF, formulas neutralised. */
export function writeCsv(rows: readonly Record<SheetColumn, string>[]): Buffer {
  const records = [
    [...SHEET_COLUMNS],
    ...rows.map((row) => SHEET_COLUMNS.map((key) => neutralise(key, row[key]))),
  ];
  const text = stringify(records, { delimiter: CSV_DELIMITER, record_delimiter: 'windows' });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
