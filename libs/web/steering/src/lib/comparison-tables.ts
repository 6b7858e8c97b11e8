import {
  ComparisonCell,
  ComparisonCriterion,
  ComparisonGroup,
  ComparisonResult,
  PRODUCER_TYPES,
  ProducerType,
} from '@sopu/shared';
import { Sheet, SheetCell, SheetColumn, numberCell } from './comparison-sheet';
import { ComparisonView } from './comparison-state';
import { FunnelPosition, funnelLimits, funnelPosition, hasFunnel, pooledValue } from './funnel-limits';

/** The columns of the comparison table, in order. */
export const TABLE_COLUMNS = [
  'criterion',
  'group',
  'producers',
  'coverage',
  'value',
  'median',
  'q1',
  'q3',
  'min',
  'max',
  'meetingTarget',
  'green',
  'amber',
  'red',
  'unitPrice',
] as const;
export type TableColumn = (typeof TABLE_COLUMNS)[number];

/** Headers of the other views' tables. */
export type ExtraColumn =
  'unit' | 'period' | 'type' | 'denominator' | 'lower998' | 'lower95' | 'upper95' | 'upper998' | 'position';

/** The words the tables need, in the UI language (the page makes them from the dictionaries). */
export interface ComparisonText {
  column(key: TableColumn | ExtraColumn): string;
  /** A group's name; null names all producers together. */
  group(group: ComparisonGroup | null): string;
  producerType(type: ProducerType): string;
  criterion(criterion: ComparisonCriterion): string;
  /** The criterion's unit as shown beside its values. */
  unit(criterion: ComparisonCriterion): string;
  period(periodStart: string): string;
  position(position: FunnelPosition): string;
  view(view: ComparisonView): string;
}

export const PERCENT = '%';
export const EURO = '€';
/** Coverage and shares are shown with one decimal; unit prices in cents. */
const SHARE_DECIMALS = 1;
const PRICE_DECIMALS = 2;

/** Shares of yes are percentages; the other measure types keep the criterion's own unit and decimals. */
export function valueFormat(
  criterion: ComparisonCriterion,
  text: Pick<ComparisonText, 'unit'>,
): { decimals: number; unit: string } {
  if (criterion.measureType === 'BOOLEAN')
    return { decimals: Math.max(SHARE_DECIMALS, criterion.decimals), unit: PERCENT };
  return { decimals: criterion.decimals, unit: text.unit(criterion) };
}

/** One row of the table: a criterion's figures for one group, or for all producers (`group` null). */
export interface ComparisonRow {
  id: string;
  criterion: ComparisonCriterion;
  group: ComparisonGroup | null;
  cells: Record<TableColumn, SheetCell>;
}

/** Groups that a drill-down keeps: every group, or the producers of one type. */
export function visibleGroups(result: ComparisonResult, type: ProducerType | ''): ComparisonGroup[] {
  return type ? result.groups.filter((g) => g.producerType === type) : result.groups;
}

/** All producers' coverage and volume-weighted unit price, from the groups (which split the producers). */
function totalGroup(groups: readonly ComparisonGroup[]): Pick<ComparisonGroup, 'coverage' | 'unitPrice'> {
  const expected = groups.reduce((sum, g) => sum + g.expected, 0);
  const submitted = groups.reduce((sum, g) => sum + g.submitted, 0);
  const priced = groups.filter((g) => g.unitPrice !== null && g.estimatedVolume > 0);
  const volume = priced.reduce((sum, g) => sum + g.estimatedVolume, 0);
  return {
    coverage: expected > 0 ? (submitted / expected) * 100 : null,
    unitPrice:
      volume > 0 ? priced.reduce((sum, g) => sum + (g.unitPrice ?? 0) * g.estimatedVolume, 0) / volume : null,
  };
}

function rowCells(
  criterion: ComparisonCriterion,
  figures: ComparisonCriterion['total'],
  group: Pick<ComparisonGroup, 'coverage' | 'unitPrice'>,
  groupName: string,
  text: ComparisonText,
): Record<TableColumn, SheetCell> {
  const { decimals, unit } = valueFormat(criterion, text);
  const value = (n: number | null) => numberCell(n, decimals, unit);
  return {
    criterion: text.criterion(criterion),
    group: groupName,
    producers: numberCell(figures.producers, 0),
    coverage: numberCell(group.coverage, SHARE_DECIMALS, PERCENT),
    value: value(figures.value),
    median: value(figures.median),
    q1: value(figures.q1),
    q3: value(figures.q3),
    min: value(figures.min),
    max: value(figures.max),
    meetingTarget: numberCell(figures.meetingTarget, SHARE_DECIMALS, PERCENT),
    green: numberCell(figures.green, 0),
    amber: numberCell(figures.amber, 0),
    red: numberCell(figures.red, 0),
    unitPrice: numberCell(group.unitPrice, PRICE_DECIMALS, EURO),
  };
}

/**
 * The table's rows: for each criterion its groups in the API's order, then all producers together (left out in
 * a drill-down, where "all" would not be the producers shown).
 */
export function comparisonRows(
  result: ComparisonResult,
  type: ProducerType | '',
  text: ComparisonText,
): ComparisonRow[] {
  const groups = visibleGroups(result, type);
  const rows: ComparisonRow[] = [];
  for (const criterion of result.criteria) {
    const cells = new Map(criterion.groups.map((cell) => [cell.key, cell]));
    for (const group of groups) {
      const cell = cells.get(group.key);
      if (!cell) continue;
      rows.push({
        id: `${criterion.code}|${group.key}`,
        criterion,
        group,
        cells: rowCells(criterion, cell, group, text.group(group), text),
      });
    }
    if (!type)
      rows.push({
        id: `${criterion.code}|`,
        criterion,
        group: null,
        cells: rowCells(criterion, criterion.total, totalGroup(result.groups), text.group(null), text),
      });
  }
  return rows;
}

const column = (key: TableColumn | ExtraColumn, text: ComparisonText, numeric: boolean, unit?: string) => ({
  key,
  header: text.column(key),
  numeric,
  ...(unit ? { unit } : {}),
});

/** The table as a sheet: its rows in the order shown, with a unit column beside the criterion. */
export function tableSheet(rows: readonly ComparisonRow[], text: ComparisonText): Sheet {
  const columns: SheetColumn[] = [];
  for (const key of TABLE_COLUMNS) {
    const unit =
      key === 'coverage' || key === 'meetingTarget' ? PERCENT : key === 'unitPrice' ? EURO : undefined;
    columns.push(column(key, text, key !== 'criterion' && key !== 'group', unit));
    if (key === 'criterion') columns.push(column('unit', text, false));
  }
  return {
    title: text.view('table'),
    columns,
    rows: rows.map((row) =>
      TABLE_COLUMNS.flatMap((key) =>
        key === 'criterion'
          ? [row.cells.criterion, valueFormat(row.criterion, text).unit || null]
          : [row.cells[key]],
      ),
    ),
  };
}

/** The groups shown that have figures for the criterion, each with its figures. */
export function groupCells(
  result: ComparisonResult,
  criterion: ComparisonCriterion,
  type: ProducerType | '',
) {
  const cells = new Map(criterion.groups.map((cell) => [cell.key, cell]));
  return visibleGroups(result, type)
    .map((group) => ({ group, cell: cells.get(group.key) }))
    .filter((g): g is { group: ComparisonGroup; cell: ComparisonCell } => g.cell !== undefined);
}

/** A sheet of one criterion over the groups shown (in a drill-down, the producers of one type). */
export type GroupSheet = (
  result: ComparisonResult,
  criterion: ComparisonCriterion,
  type: ProducerType | '',
  text: ComparisonText,
) => Sheet;

/** A chart's title: its view and criterion. */
const chartTitle = (view: ComparisonView, criterion: ComparisonCriterion, text: ComparisonText) =>
  `${text.view(view)} – ${text.criterion(criterion)}`;

/** Bars: the chosen criterion's value per group, with all producers last (outside a drill-down). */
export const barsSheet: GroupSheet = (result, criterion, type, text) => {
  const { decimals, unit } = valueFormat(criterion, text);
  const rows: SheetCell[][] = groupCells(result, criterion, type).map(({ group, cell }) => [
    text.group(group),
    numberCell(cell.value, decimals, unit),
    numberCell(cell.producers, 0),
  ]);
  if (!type)
    rows.push([
      text.group(null),
      numberCell(criterion.total.value, decimals, unit),
      numberCell(criterion.total.producers, 0),
    ]);
  return {
    title: chartTitle('bars', criterion, text),
    columns: [
      column('group', text, false),
      column('value', text, true, unit),
      column('producers', text, true),
    ],
    rows,
  };
};

/** Trends: one row per period, one column per group. */
export const trendsSheet: GroupSheet = (result, criterion, type, text) => {
  const { decimals, unit } = valueFormat(criterion, text);
  const groups = groupCells(result, criterion, type);
  const byPeriod = groups.map(({ cell }) => new Map(cell.series.map((p) => [p.periodStart, p.value])));
  return {
    title: chartTitle('trends', criterion, text),
    columns: [
      column('period', text, false),
      ...groups.map(({ group }) => ({
        key: group.key,
        header: text.group(group),
        numeric: true,
        ...(unit ? { unit } : {}),
      })),
    ],
    rows: result.periods.map((period) => [
      text.period(period),
      ...byPeriod.map((values) => numberCell(values.get(period) ?? null, decimals, unit)),
    ]),
  };
};

/** Box plots: the five figures of each group's producers. */
export const boxesSheet: GroupSheet = (result, criterion, type, text) => {
  const { decimals, unit } = valueFormat(criterion, text);
  const figures = groupCells(result, criterion, type).map(({ group, cell }) => ({
    name: text.group(group),
    cell,
  }));
  if (!type) figures.push({ name: text.group(null), cell: { ...criterion.total, key: '', series: [] } });
  return {
    title: chartTitle('boxes', criterion, text),
    columns: [
      column('group', text, false),
      column('producers', text, true),
      ...(['min', 'q1', 'median', 'q3', 'max'] as const).map((key) => column(key, text, true, unit)),
    ],
    rows: figures.map(({ name, cell }) => [
      name,
      numberCell(cell.producers, 0),
      ...[cell.min, cell.q1, cell.median, cell.q3, cell.max].map((n) => numberCell(n, decimals, unit)),
    ]),
  };
};

/** One producer in the cost and funnel charts (a result grouped by producer). */
export interface ProducerPoint {
  group: ComparisonGroup;
  cell: ComparisonCell;
  type: ProducerType | null;
}

export function producerPoints(
  result: ComparisonResult,
  criterion: ComparisonCriterion,
  type: ProducerType | '',
): ProducerPoint[] {
  return groupCells(result, criterion, type).map(({ group, cell }) => ({
    group,
    cell,
    type: group.producerType,
  }));
}

/** Cost against quality: each producer's unit price and value. */
export function costSheet(
  points: readonly ProducerPoint[],
  criterion: ComparisonCriterion,
  text: ComparisonText,
): Sheet {
  const { decimals, unit } = valueFormat(criterion, text);
  return {
    title: chartTitle('cost', criterion, text),
    columns: [
      column('group', text, false),
      column('type', text, false),
      column('unitPrice', text, true, EURO),
      column('value', text, true, unit),
    ],
    rows: points.map((p) => [
      text.group(p.group),
      p.type ? text.producerType(p.type) : null,
      numberCell(p.group.unitPrice, PRICE_DECIMALS, EURO),
      numberCell(p.cell.value, decimals, unit),
    ]),
  };
}

/** A producer in the funnel: its denominator, value, the limits for its denominator and where it lies. */
export interface FunnelPoint extends ProducerPoint {
  denominator: number;
  value: number;
  limits: ReturnType<typeof funnelLimits>;
  position: FunnelPosition;
}

/** The funnel's centre (the pooled value) and its producers; null when the criterion has no funnel. */
export function funnelPoints(
  points: readonly ProducerPoint[],
  criterion: ComparisonCriterion,
): { centre: number; points: FunnelPoint[] } | null {
  if (!hasFunnel(criterion.measureType)) return null;
  const centre = pooledValue(criterion.total, criterion.measureType, criterion.rateMultiplier);
  if (centre === null) return null;
  const funnel: FunnelPoint[] = [];
  for (const p of points) {
    if (!(p.cell.denominator > 0) || p.cell.value === null) continue;
    const limits = funnelLimits(centre, p.cell.denominator, criterion.measureType, criterion.rateMultiplier);
    funnel.push({
      ...p,
      denominator: p.cell.denominator,
      value: p.cell.value,
      limits,
      position: funnelPosition(p.cell.value, limits),
    });
  }
  return { centre, points: funnel };
}

export function funnelSheet(
  funnel: { centre: number; points: readonly FunnelPoint[] },
  criterion: ComparisonCriterion,
  text: ComparisonText,
): Sheet {
  const { decimals, unit } = valueFormat(criterion, text);
  // The limits get one more decimal than the values, so that a value just outside does not read as equal.
  const limit = (n: number) => numberCell(n, decimals + 1, unit);
  return {
    title: chartTitle('funnel', criterion, text),
    columns: [
      column('group', text, false),
      column('type', text, false),
      column('denominator', text, true),
      column('value', text, true, unit),
      column('lower998', text, true, unit),
      column('lower95', text, true, unit),
      column('upper95', text, true, unit),
      column('upper998', text, true, unit),
      column('position', text, false),
    ],
    rows: funnel.points.map((p) => [
      text.group(p.group),
      p.type ? text.producerType(p.type) : null,
      numberCell(p.denominator, 0),
      numberCell(p.value, decimals, unit),
      limit(p.limits.lower998),
      limit(p.limits.lower95),
      limit(p.limits.upper95),
      limit(p.limits.upper998),
      text.position(p.position),
    ]),
  };
}

/** How a series is drawn: a colour with at least 3:1 contrast on white, a marker shape and a line pattern. */
export interface SeriesStyle {
  colour: string;
  shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star';
  dash: string;
}

/** Okabe–Ito hues darkened to at least 4.5:1 against white, so they read for colour-blind people too. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#005a8f', shape: 'circle', dash: '' },
  { colour: '#a63f00', shape: 'square', dash: '6 3' },
  { colour: '#00694d', shape: 'triangle', dash: '2 3' },
  { colour: '#8a3a73', shape: 'diamond', dash: '8 3 2 3' },
  { colour: '#6b5800', shape: 'cross', dash: '1 2' },
  { colour: '#3d3d3d', shape: 'star', dash: '10 4' },
];

/** A producer type always looks the same; other groups take the styles in turn. */
export function seriesStyle(
  group: Pick<ComparisonGroup, 'producerType'> | null,
  index: number,
  byType: boolean,
): SeriesStyle {
  if (byType && group?.producerType) return SERIES_STYLES[PRODUCER_TYPES.indexOf(group.producerType)];
  return SERIES_STYLES[index % SERIES_STYLES.length];
}
