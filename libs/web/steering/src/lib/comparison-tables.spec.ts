import { RESULT, TEXT } from './comparison-fixture.testing';
import { formatCell, numberCell, sortRows } from './comparison-sheet';
import {
  SERIES_STYLES,
  barsSheet,
  boxesSheet,
  comparisonRows,
  funnelPoints,
  funnelSheet,
  producerPoints,
  tableSheet,
  trendsSheet,
} from './comparison-tables';

/** WCAG relative luminance contrast of a #rrggbb colour against white. */
function contrastOnWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (l + 0.05);
}

describe('comparison tables', () => {
  it('makes a row per criterion and group, then all producers, with the criterion’s decimals and unit', () => {
    const rows = comparisonRows(RESULT, '', TEXT);
    expect(rows.map((r) => r.id)).toEqual([
      'MISSED_VISITS_SHARE|SELF_PRODUCED',
      'MISSED_VISITS_SHARE|PURCHASED_SERVICE',
      'MISSED_VISITS_SHARE|VOUCHER_SERVICE',
      'MISSED_VISITS_SHARE|',
      'WAIT_DAYS|SELF_PRODUCED',
      'WAIT_DAYS|PURCHASED_SERVICE',
      'WAIT_DAYS|',
    ]);
    const first = rows[0].cells;
    expect(formatCell(first.value, 'en-GB')).toBe('4.3\u00a0%');
    expect(formatCell(first.value, 'fi-FI')).toBe('4,3\u00a0%');
    expect(formatCell(first.coverage, 'en-GB')).toBe('83.3\u00a0%');
    expect(formatCell(first.meetingTarget, 'en-GB')).toBe('66.7\u00a0%');
    expect(formatCell(first.unitPrice, 'en-GB')).toBe('41.26\u00a0€');
    expect(formatCell(first.green, 'en-GB')).toBe('8');
    expect(formatCell(rows[4].cells.value, 'en-GB')).toBe('1,235\u00a0days');
    expect(formatCell(rows[2].cells.value, 'en-GB')).toBe('–');
  });

  it('gives all producers the coverage of every expected report and the volume-weighted unit price', () => {
    const total = comparisonRows(RESULT, '', TEXT)[3];
    expect(total.group).toBeNull();
    // (30 + 24 + 0) / (36 + 24 + 0); (41.255 × 1000 + 50 × 3000) / 4000.
    expect(total.cells.coverage).toEqual({ n: 90, decimals: 1, unit: '%' });
    expect(total.cells.unitPrice).toEqual({ n: 47.81, decimals: 2, unit: '€' });
  });

  it('keeps only one type’s producers in a drill-down, without an "all producers" row', () => {
    const rows = comparisonRows(RESULT, 'PURCHASED_SERVICE', TEXT);
    expect(rows.map((r) => r.id)).toEqual([
      'MISSED_VISITS_SHARE|PURCHASED_SERVICE',
      'WAIT_DAYS|PURCHASED_SERVICE',
    ]);
  });

  it('sorts by a column with empty cells last either way', () => {
    const rows = comparisonRows(RESULT, '', TEXT).slice(0, 4);
    const order = (dir: 'asc' | 'desc') =>
      sortRows(rows, (r) => r.cells.value, dir, 'en').map((r) => r.id.split('|')[1]);
    expect(order('asc')).toEqual(['SELF_PRODUCED', '', 'PURCHASED_SERVICE', 'VOUCHER_SERVICE']);
    expect(order('desc')).toEqual(['PURCHASED_SERVICE', '', 'SELF_PRODUCED', 'VOUCHER_SERVICE']);
  });

  it('writes the table as a sheet with a unit column beside the criterion', () => {
    const sheet = tableSheet(comparisonRows(RESULT, '', TEXT), TEXT);
    expect(sheet.columns.slice(0, 4).map((c) => c.key)).toEqual(['criterion', 'unit', 'group', 'producers']);
    expect(sheet.columns.find((c) => c.key === 'coverage')?.unit).toBe('%');
    expect(sheet.rows[0].slice(0, 3)).toEqual(['Missed visits', '%', 'SELF_PRODUCED']);
    expect(sheet.rows[4][1]).toBe('days');
  });

  it('lays out the trends by period with a column per group, blank where a group has no value', () => {
    const sheet = trendsSheet(RESULT, RESULT.criteria[0], '', TEXT);
    expect(sheet.columns.map((c) => c.header)).toEqual([
      'period',
      'SELF_PRODUCED',
      'PURCHASED_SERVICE',
      'VOUCHER_SERVICE',
    ]);
    expect(sheet.rows).toEqual([
      ['2025-01', numberCell(4.04, 1, '%'), null, null],
      ['2025-02', numberCell(4.455, 1, '%'), numberCell(7.5, 1, '%'), null],
    ]);
    expect(sheet.rows[1][1]).toEqual({ n: 4.5, decimals: 1, unit: '%' });
  });

  it('lists bars and box plots per group with all producers last', () => {
    const bars = barsSheet(RESULT, RESULT.criteria[0], '', TEXT);
    expect(bars.rows.map((r) => r[0])).toEqual([
      'SELF_PRODUCED',
      'PURCHASED_SERVICE',
      'VOUCHER_SERVICE',
      'All',
    ]);
    const boxes = boxesSheet(RESULT, RESULT.criteria[0], '', TEXT);
    expect(boxes.rows[0]).toEqual([
      'SELF_PRODUCED',
      numberCell(3, 0),
      numberCell(-5.75, 1, '%'),
      numberCell(0.25, 1, '%'),
      numberCell(4.25, 1, '%'),
      numberCell(8.25, 1, '%'),
      numberCell(14.25, 1, '%'),
    ]);
  });

  it('places producers in the funnel around the pooled value and leaves out those without a denominator', () => {
    const criterion = RESULT.criteria[0];
    const points = producerPoints(RESULT, criterion, '');
    const funnel = funnelPoints(points, criterion);
    expect(funnel?.centre).toBeCloseTo(5.875);
    expect(funnel?.points.map((p) => [p.group.key, p.position])).toEqual([
      ['SELF_PRODUCED', 'inside'],
      ['PURCHASED_SERVICE', 'inside'],
    ]);
    const sheet = funnelSheet(funnel ?? { centre: 0, points: [] }, criterion, TEXT);
    expect(sheet.columns.map((c) => c.key)).toContain('upper998');
    expect(sheet.rows[0][2]).toEqual(numberCell(400, 0));
    expect(funnelPoints(points, RESULT.criteria[1])).toBeNull();
  });

  it('draws series in colours that stand out from white by at least 4.5 to 1, each with its own shape', () => {
    for (const style of SERIES_STYLES) expect(contrastOnWhite(style.colour)).toBeGreaterThanOrEqual(4.5);
    expect(new Set(SERIES_STYLES.map((s) => s.shape)).size).toBe(SERIES_STYLES.length);
    expect(new Set(SERIES_STYLES.map((s) => s.dash)).size).toBe(SERIES_STYLES.length);
  });
});
