import { ComparisonFigures, ComparisonPoint, MeasureType } from '@sopu/shared';

/**
 * The sums from which every figure is made, as columns of the summaries and of the value
 * aggregates: values with a measured number (`n`), numerators, denominators, Σ measured ×
 * respondents (`wsum`, scales), respondents, Σ measured (`vsum`), the traffic lights, values
 * meeting the target among those that have one, and values marked not applicable.
 */
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
] as const;
export type SumField = (typeof SUM_FIELDS)[number];

/** Measure types whose group value is the median of the producers' values, not a pooled total. */
const BY_MEDIAN: ReadonlySet<MeasureType> = new Set(['DURATION_DAYS', 'RATIO', 'CURRENCY_EUR']);

/**
 * SQL for a value from sums by the measure type's rule: percentages and rates as Σ numerators /
 * Σ denominators, scales weighted by respondents, counts summed, yes/no as the share of yes (%),
 * durations, ratios and euros as the mean of the periods. Free text has none. `sum` gives the SQL
 * of each sum (a column, or an aggregate of one), `mt` and `mult` that of the measure type and the
 * rate multiplier. One producer's value and a pooled group's come from the same rule.
 */
export function valueRule(sum: (field: SumField) => string, mt: string, mult: string): string {
  const [n, num, den, wsum, resp, vsum] = (['n', 'num', 'den', 'wsum', 'resp', 'vsum'] as const).map(sum);
  return `(CASE ${mt}
      WHEN 'PERCENTAGE' THEN 100 * ${num} / nullif(${den}, 0)
      WHEN 'RATE' THEN ${mult} * ${num} / nullif(${den}, 0)
      WHEN 'SCALE' THEN coalesce(${wsum} / nullif(${resp}, 0), ${vsum} / nullif(${n}, 0))
      WHEN 'COUNT' THEN CASE WHEN ${n} > 0 THEN ${vsum} END
      WHEN 'BOOLEAN' THEN 100 * ${vsum} / nullif(${n}, 0)
      WHEN 'TEXT' THEN NULL
      ELSE ${vsum} / nullif(${n}, 0) END)::double precision`;
}

/**
 * The end of the figures query, after `ps` (sums per criterion, group key and producer) and `rule`
 * (each criterion's `code`, `mt` and `mult`): each group's pooled sums and value, and the
 * distribution of its producers' own values; under the group key NULL, the same for all producers
 * together. When a producer can be in several groups (two districts), its sums over all of them
 * make its one value in the total.
 */
export function groupFigures(producerInOneGroup: boolean): string {
  const valued = (from: string) => `
    valued AS (
      SELECT u.*, r.mt, r.mult, ${valueRule((field) => `u.${field}`, 'r.mt', 'r.mult')} AS value
        FROM ${from} u JOIN rule r ON r.code = u.criterion_code
    )`;
  const figures = `
    SELECT criterion_code, group_key, ${SUM_FIELDS.map((field) => `sum(${field}) AS ${field}`).join(', ')},
           count(value) AS producers, ${valueRule((field) => `sum(${field})`, 'min(mt)', 'min(mult)')} AS pooled,
           min(value) AS min, percentile_cont(0.25) WITHIN GROUP (ORDER BY value) AS q1,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY value) AS median,
           percentile_cont(0.75) WITHIN GROUP (ORDER BY value) AS q3, max(value) AS max
      FROM valued`;
  if (producerInOneGroup)
    return `${valued('ps')}
      ${figures} GROUP BY GROUPING SETS ((criterion_code, group_key), (criterion_code))`;
  return `
    units AS (
      SELECT criterion_code, group_key, producer_id, ${SUM_FIELDS.join(', ')} FROM ps
      UNION ALL
      SELECT criterion_code, NULL, producer_id, ${SUM_FIELDS.map((field) => `sum(${field})`).join(', ')}
        FROM ps GROUP BY criterion_code, producer_id
    ),
    ${valued('units')}
    ${figures} GROUP BY criterion_code, group_key`;
}

/** Figures are rounded so that exact decimals and floating-point sums give the same answer. */
export function rounded(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 1e6) / 1e6;
}

const numberOrNull = (value: unknown) => (value === null || value === undefined ? null : Number(value));

/**
 * A group's figures from its row of the figures query: sums, producers, the pooled value, the
 * quartiles of the producers' values (`min`, `q1`, `median`, `q3`, `max`).
 */
export function figuresOf(measureType: MeasureType, row: Record<string, unknown>): ComparisonFigures {
  const sum = (field: SumField) => Number(row[field] ?? 0);
  const median = numberOrNull(row['median']);
  const targeted = sum('targeted');
  return {
    values: sum('n'),
    numerator: sum('num'),
    denominator: sum('den'),
    respondents: sum('resp'),
    green: sum('green'),
    amber: sum('amber'),
    red: sum('red'),
    notApplicable: sum('na'),
    producers: Number(row['producers'] ?? 0),
    value: rounded(BY_MEDIAN.has(measureType) ? median : numberOrNull(row['pooled'])),
    min: rounded(numberOrNull(row['min'])),
    q1: rounded(numberOrNull(row['q1'])),
    median: rounded(median),
    q3: rounded(numberOrNull(row['q3'])),
    max: rounded(numberOrNull(row['max'])),
    meetingTarget: rounded(targeted > 0 ? (100 * sum('meets')) / targeted : null),
  };
}

/** One period of a group's series from its row: producers, values, the pooled value and the median. */
export function seriesPointOf(measureType: MeasureType, row: Record<string, unknown>): ComparisonPoint {
  const median = numberOrNull(row['median']);
  return {
    periodStart: row['period_start'] as string,
    producers: Number(row['producers']),
    values: Number(row['n']),
    value: rounded(BY_MEDIAN.has(measureType) ? median : numberOrNull(row['pooled'])),
    median: rounded(median),
    numerator: Number(row['num']),
    denominator: Number(row['den']),
  };
}
