import { boxGeometry, linePath, linearScale, markerPath, niceStep, niceTicks } from './chart-scale';

describe('chart scales', () => {
  it('puts ticks on round numbers that cover the values', () => {
    expect(niceStep(100, 5)).toBe(20);
    expect(niceStep(9, 4)).toBe(2.5);
    expect(niceTicks(3.2, 97.1)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0.1, 0.35)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3, 0.35]);
    expect(niceTicks(-7, 12)).toEqual([-10, -5, 0, 5, 10, 15]);
  });

  it('gives a single value room around it', () => {
    expect(niceTicks(50, 50)[0]).toBeLessThan(50);
    expect(niceTicks(50, 50).at(-1)).toBeGreaterThan(50);
    expect(niceTicks(0, 0)).toEqual([-1, -0.5, 0, 0.5, 1]);
  });

  it('maps the domain onto the range, also upside down for a y axis, and skips missing values', () => {
    const x = linearScale([12, null, 88], [100, 600], { includeZero: true });
    expect(x.domain).toEqual([0, 100]);
    expect(x(0)).toBe(100);
    expect(x(50)).toBe(350);
    expect(x(100)).toBe(600);
    const y = linearScale([20, 40], [300, 20]);
    expect(y(y.domain[0])).toBe(300);
    expect(y(y.domain[1])).toBe(20);
    expect(y(30)).toBeCloseTo(160);
  });

  it('draws a box over the quartiles with whiskers to the extremes, or nothing when a figure is missing', () => {
    const scale = linearScale([0, 100], [0, 500]);
    expect(boxGeometry({ min: 10, q1: 20, median: 30, q3: 60, max: 90 }, scale)).toEqual({
      whiskerLow: 50,
      boxStart: 100,
      median: 150,
      boxEnd: 300,
      whiskerHigh: 450,
      boxWidth: 200,
    });
    expect(boxGeometry({ min: 10, q1: null, median: 30, q3: 60, max: 90 }, scale)).toBeNull();
    const reversed = linearScale([0, 100], [500, 0]);
    const box = boxGeometry({ min: 10, q1: 20, median: 30, q3: 60, max: 90 }, reversed);
    expect(box?.boxWidth).toBe(200);
    expect(box?.boxStart).toBeLessThan(box?.boxEnd ?? 0);
  });

  it('breaks a line where a period has no value', () => {
    expect(linePath([{ x: 0, y: 1 }, { x: 10, y: 2 }, null, { x: 30, y: 4 }, { x: 40.04, y: 5 }])).toBe(
      'M0,1L10,2M30,4L40,5',
    );
    expect(linePath([null, null])).toBe('');
  });

  it('draws every marker shape as a closed path around its point', () => {
    for (const shape of ['circle', 'square', 'triangle', 'diamond', 'cross', 'star'] as const) {
      const d = markerPath(shape, 100, 50, 5);
      expect(d.startsWith('M')).toBe(true);
      expect(d.endsWith('Z')).toBe(true);
      const numbers = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(numbers.every((n) => Number.isFinite(n))).toBe(true);
    }
  });
});
