import { BenchmarkRow, Direction } from '@sopu/shared';
import { TranslationKey } from '@sopu/web/i18n';

/** Where the producer's own value lies among the others'. */
export type BenchmarkPosition =
  'noValue' | 'withheld' | 'belowQ1' | 'belowMedian' | 'atMedian' | 'aboveMedian' | 'aboveQ3';

/** Values this close are the same: measured values are rounded decimals. */
const EPSILON = 1e-9;

export function benchmarkPosition(row: BenchmarkRow): BenchmarkPosition {
  if (row.mine === null) return 'noValue';
  if (row.median === null || row.q1 === null || row.q3 === null) return 'withheld';
  if (Math.abs(row.mine - row.median) < EPSILON) return 'atMedian';
  if (row.mine > row.median) return row.mine > row.q3 + EPSILON ? 'aboveQ3' : 'aboveMedian';
  return row.mine < row.q1 - EPSILON ? 'belowQ1' : 'belowMedian';
}

/** Whether the position is good news, given which way the criterion points; null when it does not say. */
export function benchmarkVerdict(
  position: BenchmarkPosition,
  direction: Direction | null,
): 'better' | 'worse' | null {
  const above = position === 'aboveMedian' || position === 'aboveQ3';
  const below = position === 'belowMedian' || position === 'belowQ1';
  if (!above && !below) return null;
  if (direction === 'HIGHER_IS_BETTER') return above ? 'better' : 'worse';
  if (direction === 'LOWER_IS_BETTER') return below ? 'better' : 'worse';
  return null;
}

/** The keys of the one-line summary: where the value lies, and whether that is better or worse. */
export function benchmarkSummaryKeys(row: BenchmarkRow, direction: Direction | null): TranslationKey[] {
  const position = benchmarkPosition(row);
  const verdict = benchmarkVerdict(position, direction);
  const keys: TranslationKey[] = [`benchmark.position.${position}`];
  if (verdict) keys.push(`benchmark.verdict.${verdict}`);
  return keys;
}
