/**
 * What the comparison page shows, as rows of cells: the table on screen, the charts' "show as table" and the
 * CSV and XLSX exports are all made from one sheet, so an export holds exactly the numbers on screen.
 */

/** A number already rounded to `decimals`, with the unit it is shown with. */
export interface NumberCell {
  n: number;
  decimals: number;
  unit: string;
}

export type SheetCell = string | NumberCell | null;

export interface SheetColumn {
  key: string;
  header: string;
  numeric: boolean;
  /** The unit every number of the column has; the export writes it into the header. */
  unit?: string;
}

export interface Sheet {
  /** The sheet's name in an XLSX file and the base of the file name. */
  title: string;
  columns: SheetColumn[];
  rows: SheetCell[][];
}

export const isNumberCell = (cell: SheetCell): cell is NumberCell =>
  typeof cell === 'object' && cell !== null;

/**
 * A number rounded half away from zero to `decimals` (by its decimal text, so 1.005 gives 1.01), or null. Every
 * number on the page passes through here once; nothing rounds it again.
 */
export function numberCell(value: number | null | undefined, decimals: number, unit = ''): NumberCell | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const places = Math.max(0, Math.min(6, Math.trunc(decimals)));
  const shifted = Number(`${Math.abs(value)}e${places}`);
  const rounded = Math.sign(value) * Number(`${Math.round(shifted)}e-${places}`);
  return { n: Object.is(rounded, -0) ? 0 : rounded, decimals: places, unit };
}

/** A number cell as the table shows it: the locale's separators, exactly its decimals, and its unit. */
export function formatCell(cell: SheetCell, locale: string, withUnit = true): string {
  if (cell === null) return '–';
  if (!isNumberCell(cell)) return cell;
  const text = new Intl.NumberFormat(locale, {
    minimumFractionDigits: cell.decimals,
    maximumFractionDigits: cell.decimals,
  }).format(cell.n);
  return withUnit && cell.unit ? `${text}\u00a0${cell.unit}` : text;
}

/** The locale's decimal separator ("," in Finnish and Swedish, "." in English). */
export function decimalSeparator(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

/** Sorts rows by one column: numbers by value, text by the locale; empty cells last in either direction. */
export function sortRows<R>(
  rows: readonly R[],
  cellOf: (row: R) => SheetCell,
  direction: 'asc' | 'desc' | '',
  locale: string,
): R[] {
  if (!direction) return [...rows];
  const sign = direction === 'asc' ? 1 : -1;
  const collator = new Intl.Collator(locale, { numeric: true });
  return [...rows].sort((a, b) => {
    const x = cellOf(a);
    const y = cellOf(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    if (isNumberCell(x) && isNumberCell(y)) return sign * (x.n - y.n);
    return sign * collator.compare(isNumberCell(x) ? String(x.n) : x, isNumberCell(y) ? String(y.n) : y);
  });
}
