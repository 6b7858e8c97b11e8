import { MeasureType } from '@sopu/shared';

/** Two-sided z of the funnel plot's limits: 95 % (about 2 standard errors) and 99.8 % (about 3). */
export const Z_95 = 1.959964;
export const Z_998 = 3.090232;

/** Funnel plots are drawn for values that are a number of events out of a denominator. */
export function hasFunnel(measureType: MeasureType): boolean {
  return measureType === 'PERCENTAGE' || measureType === 'RATE';
}

/** What one displayed unit is of the proportion: 100 for a percentage, the multiplier for a rate per 1000 etc. */
export function valueScale(measureType: MeasureType, rateMultiplier: number | null): number {
  return measureType === 'PERCENTAGE' ? 100 : (rateMultiplier ?? 1);
}

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

/**
 * The control limits for a producer with `denominator` around the pooled value `centre` (in displayed units),
 * by the normal approximation of the binomial: p ± z·√(p(1−p)/n), clamped to 0–100 %. A rate may exceed one
 * event per unit, so it uses the Poisson form p ± z·√(p/n) (the binomial's limit when events are rare) and is
 * clamped at zero only.
 */
export function funnelLimits(
  centre: number,
  denominator: number,
  measureType: MeasureType,
  rateMultiplier: number | null,
): FunnelLimits {
  const scale = valueScale(measureType, rateMultiplier);
  const p = centre / scale;
  const variance = measureType === 'PERCENTAGE' ? (p * (1 - p)) / denominator : p / denominator;
  const se = Math.sqrt(Math.max(0, variance));
  const clamp = (q: number) => (measureType === 'PERCENTAGE' ? Math.min(1, Math.max(0, q)) : Math.max(0, q));
  const at = (z: number) => clamp(p + z * se) * scale;
  return { lower95: at(-Z_95), upper95: at(Z_95), lower998: at(-Z_998), upper998: at(Z_998) };
}

export type FunnelPosition = 'inside' | 'above95' | 'below95' | 'above998' | 'below998';

/** Where a producer's value lies against the limits for its denominator. */
export function funnelPosition(value: number, limits: FunnelLimits): FunnelPosition {
  if (value > limits.upper998) return 'above998';
  if (value < limits.lower998) return 'below998';
  if (value > limits.upper95) return 'above95';
  if (value < limits.lower95) return 'below95';
  return 'inside';
}

/** The pooled value of all producers (Σ numerators / Σ denominators) in displayed units, or null. */
export function pooledValue(
  total: { numerator: number; denominator: number },
  measureType: MeasureType,
  rateMultiplier: number | null,
): number | null {
  if (!(total.denominator > 0)) return null;
  return (total.numerator / total.denominator) * valueScale(measureType, rateMultiplier);
}

/**
 * Denominators at which to draw the limit curves between the smallest and the largest producer: spaced
 * evenly on a square-root scale, where the funnel narrows fastest at small denominators.
 */
export function funnelSteps(minDenominator: number, maxDenominator: number, steps = 40): number[] {
  const low = Math.max(1, minDenominator);
  const high = Math.max(low, maxDenominator);
  const a = Math.sqrt(low);
  const b = Math.sqrt(high);
  return Array.from({ length: steps + 1 }, (_, i) => (a + ((b - a) * i) / steps) ** 2);
}
