import { ComparisonFigures, ComparisonPoint, ComparisonTotals, MeasureType } from '@sopu/shared';

/** Sums of values as the database gives them: the raw material of every figure. */
export interface Sums {
  /** Values with a measured number. */
  n: number;
  num: number;
  den: number;
  /** Σ measured × respondents (scales). */
  wsum: number;
  resp: number;
  /** Σ measured. */
  vsum: number;
  green: number;
  amber: number;
  red: number;
  meets: number;
  targeted: number;
  na: number;
}

export const SUM_FIELDS = [
  'n',
  'num',
  'den',
  'wsum',
  'resp',
  'vsum',
  'green',
  'amber',
  'red',
  'meets',
  'targeted',
  'na',
] as const satisfies readonly (keyof Sums)[];

export function emptySums(): Sums {
  return {
    n: 0,
    num: 0,
    den: 0,
    wsum: 0,
    resp: 0,
    vsum: 0,
    green: 0,
    amber: 0,
    red: 0,
    meets: 0,
    targeted: 0,
    na: 0,
  };
}

export function addSums(into: Sums, more: Sums): Sums {
  for (const field of SUM_FIELDS) into[field] += more[field];
  return into;
}

/** Reads the sum columns of a database row (numeric and bigint arrive as text). */
export function sumsOf(row: Record<string, unknown>): Sums {
  const sums = emptySums();
  for (const field of SUM_FIELDS) sums[field] = Number(row[field] ?? 0);
  return sums;
}

/** Measure types whose group value is the median of the producers' values, not a pooled total. */
const BY_MEDIAN: ReadonlySet<MeasureType> = new Set(['DURATION_DAYS', 'RATIO', 'CURRENCY_EUR']);

export interface MeasureRule {
  measureType: MeasureType;
  rateMultiplier: number | null;
}

/**
 * One producer's value (or a pooled group's) from its sums: percentages and rates as Σ numerators
 * / Σ denominators, scales weighted by respondents, counts summed, yes/no as the share of yes (%),
 * durations, ratios and euros as the mean of the producer's periods. Free text has none.
 */
export function pooledValue(rule: MeasureRule, sums: Sums): number | null {
  switch (rule.measureType) {
    case 'PERCENTAGE':
      return sums.den > 0 ? (100 * sums.num) / sums.den : null;
    case 'RATE':
      return sums.den > 0 ? ((rule.rateMultiplier ?? 1) * sums.num) / sums.den : null;
    case 'SCALE':
      if (sums.resp > 0) return sums.wsum / sums.resp;
      return sums.n > 0 ? sums.vsum / sums.n : null;
    case 'COUNT':
      return sums.n > 0 ? sums.vsum : null;
    case 'BOOLEAN':
      return sums.n > 0 ? (100 * sums.vsum) / sums.n : null;
    case 'TEXT':
      return null;
    default:
      return sums.n > 0 ? sums.vsum / sums.n : null;
  }
}

/** The p-quantile of sorted numbers with linear interpolation (PostgreSQL's percentile_cont). */
export function quantile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const at = p * (sorted.length - 1);
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low] + (sorted[high] - sorted[low]) * (at - low);
}

/** Figures are rounded so that exact decimals and floating-point sums give the same answer. */
export function rounded(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 1e6) / 1e6;
}

function totals(sums: Sums): ComparisonTotals {
  return {
    values: sums.n,
    numerator: sums.num,
    denominator: sums.den,
    respondents: sums.resp,
    green: sums.green,
    amber: sums.amber,
    red: sums.red,
    notApplicable: sums.na,
  };
}

/** A group's figures from its producers' sums for the range. */
export function groupFigures(rule: MeasureRule, producers: readonly Sums[]): ComparisonFigures {
  const pooled = producers.reduce((all, one) => addSums(all, one), emptySums());
  const values = producers
    .map((one) => pooledValue(rule, one))
    .filter((value): value is number => value !== null)
    .sort((a, b) => a - b);
  const median = quantile(values, 0.5);
  return {
    ...totals(pooled),
    producers: values.length,
    value: rounded(BY_MEDIAN.has(rule.measureType) ? median : pooledValue(rule, pooled)),
    min: rounded(values.length ? values[0] : null),
    q1: rounded(quantile(values, 0.25)),
    median: rounded(median),
    q3: rounded(quantile(values, 0.75)),
    max: rounded(values.length ? values[values.length - 1] : null),
    meetingTarget: rounded(pooled.targeted > 0 ? (100 * pooled.meets) / pooled.targeted : null),
  };
}

/** One period of a group's series: its sums, the number of producers and the median of its values. */
export function seriesPoint(
  rule: MeasureRule,
  periodStart: string,
  producers: number,
  sums: Sums,
  median: number | null,
): ComparisonPoint {
  return {
    periodStart,
    producers,
    values: sums.n,
    value: rounded(BY_MEDIAN.has(rule.measureType) ? median : pooledValue(rule, sums)),
    median: rounded(median),
    numerator: sums.num,
    denominator: sums.den,
  };
}
