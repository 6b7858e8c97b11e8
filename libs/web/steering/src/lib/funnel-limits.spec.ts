import {
  Z_95,
  Z_998,
  funnelLimits,
  funnelPosition,
  funnelSteps,
  hasFunnel,
  pooledValue,
} from './funnel-limits';

describe('funnel plot limits', () => {
  it('puts the binomial limits around a pooled percentage', () => {
    // p = 0.5, n = 100: the standard error is 0.05, i.e. 5 percentage points.
    const limits = funnelLimits(50, 100, 'PERCENTAGE', null);
    expect(limits.lower95).toBeCloseTo(50 - Z_95 * 5, 6);
    expect(limits.upper95).toBeCloseTo(50 + Z_95 * 5, 6);
    expect(limits.lower998).toBeCloseTo(50 - Z_998 * 5, 6);
    expect(limits.upper998).toBeCloseTo(50 + Z_998 * 5, 6);
    expect(limits.upper95).toBeCloseTo(59.8, 1);
  });

  it('narrows as the denominator grows', () => {
    const small = funnelLimits(50, 25, 'PERCENTAGE', null);
    const large = funnelLimits(50, 2500, 'PERCENTAGE', null);
    expect(small.upper998 - small.lower998).toBeCloseTo(10 * (large.upper998 - large.lower998), 6);
  });

  it('keeps percentages between 0 and 100', () => {
    const limits = funnelLimits(2, 10, 'PERCENTAGE', null);
    expect(limits.lower95).toBe(0);
    expect(limits.lower998).toBe(0);
    expect(funnelLimits(99, 5, 'PERCENTAGE', null).upper998).toBe(100);
  });

  it('works in the rate’s own unit, per its multiplier', () => {
    // 3 falls per 1000 care days over 10 000 days: p = 0.003, se = √(0.003/10000) per day.
    const limits = funnelLimits(3, 10_000, 'RATE', 1000);
    const se = Math.sqrt(0.003 / 10_000) * 1000;
    expect(limits.upper95).toBeCloseTo(3 + Z_95 * se, 6);
    expect(limits.lower998).toBeCloseTo(3 - Z_998 * se, 6);
  });

  it('tells where a value lies against the limits', () => {
    const limits = funnelLimits(50, 100, 'PERCENTAGE', null);
    expect(funnelPosition(50, limits)).toBe('inside');
    expect(funnelPosition(62, limits)).toBe('above95');
    expect(funnelPosition(38, limits)).toBe('below95');
    expect(funnelPosition(66, limits)).toBe('above998');
    expect(funnelPosition(34, limits)).toBe('below998');
  });

  it('pools the total as Σ numerators / Σ denominators in displayed units', () => {
    expect(pooledValue({ numerator: 47, denominator: 800 }, 'PERCENTAGE', null)).toBeCloseTo(5.875);
    expect(pooledValue({ numerator: 6, denominator: 2000 }, 'RATE', 1000)).toBeCloseTo(3);
    expect(pooledValue({ numerator: 0, denominator: 0 }, 'PERCENTAGE', null)).toBeNull();
    expect(hasFunnel('PERCENTAGE')).toBe(true);
    expect(hasFunnel('RATE')).toBe(true);
    expect(hasFunnel('SCALE')).toBe(false);
  });

  it('steps the curves from the smallest to the largest denominator', () => {
    const steps = funnelSteps(4, 400, 10);
    expect(steps).toHaveLength(11);
    expect(steps[0]).toBeCloseTo(4);
    expect(steps[10]).toBeCloseTo(400);
    expect(steps.every((n, i) => i === 0 || n > steps[i - 1])).toBe(true);
  });
});
