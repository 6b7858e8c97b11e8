/** A linear map from data values to pixels. */
export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  range: [number, number];
  ticks: number[];
}

/** A step of 1, 2, 2.5 or 5 × 10ⁿ that gives about `count` steps over `span`. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Ticks on round numbers that cover `min`–`max`; the scale's domain is widened to the outer ticks so that
 * every value lies on the chart. A single value (or none) gets a range around it.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    const pad = low === 0 ? 1 : Math.abs(low) * 0.1;
    low -= pad;
    high += pad;
  }
  const step = niceStep(high - low, count);
  const first = Math.floor(low / step + 1e-9) * step;
  const last = Math.ceil(high / step - 1e-9) * step;
  const ticks: number[] = [];
  // Rounded to the step's own precision, so that 0.1 + 0.2 reads 0.3.
  const digits = Math.max(0, -Math.floor(Math.log10(step)) + 2);
  for (let tick = first; tick <= last + step / 2; tick += step) ticks.push(Number(tick.toFixed(digits)));
  return ticks;
}

/**
 * A scale over the values (nulls skipped) onto `range`. `includeZero` starts bars and counts at zero; the domain
 * ends on nice ticks.
 */
export function linearScale(
  values: readonly (number | null | undefined)[],
  range: [number, number],
  options: { includeZero?: boolean; ticks?: number } = {},
): LinearScale {
  const known = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (options.includeZero) known.push(0);
  const ticks = known.length
    ? niceTicks(Math.min(...known), Math.max(...known), options.ticks ?? 5)
    : niceTicks(0, 1, options.ticks ?? 5);
  const domain: [number, number] = [ticks[0], ticks[ticks.length - 1]];
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const scale = ((value: number) => r0 + ((value - d0) / (d1 - d0)) * (r1 - r0)) as LinearScale;
  scale.domain = domain;
  scale.range = range;
  scale.ticks = ticks;
  return scale;
}

/** The five figures of a box plot. */
export interface FiveNumbers {
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

/** A box plot's positions in pixels, or null when any of its five figures is missing. */
export interface BoxGeometry {
  whiskerLow: number;
  boxStart: number;
  median: number;
  boxEnd: number;
  whiskerHigh: number;
  /** The box's width (never negative, also on a reversed scale). */
  boxWidth: number;
}

export function boxGeometry(figures: FiveNumbers, scale: (value: number) => number): BoxGeometry | null {
  const { min, q1, median, q3, max } = figures;
  if (min === null || q1 === null || median === null || q3 === null || max === null) return null;
  const [whiskerLow, boxStart, mid, boxEnd, whiskerHigh] = [min, q1, median, q3, max].map(scale);
  return {
    whiskerLow,
    boxStart: Math.min(boxStart, boxEnd),
    median: mid,
    boxEnd: Math.max(boxStart, boxEnd),
    whiskerHigh,
    boxWidth: Math.abs(boxEnd - boxStart),
  };
}

/** An SVG path through the points, broken where a value is missing (no line is drawn across a gap). */
export function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let path = '';
  let drawing = false;
  for (const point of points) {
    if (!point) {
      drawing = false;
      continue;
    }
    path += `${drawing ? 'L' : 'M'}${round(point.x)},${round(point.y)}`;
    drawing = true;
  }
  return path;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** The marker of a series at (x, y) with radius r, as an SVG path: shapes tell series apart without colour. */
export function markerPath(
  shape: 'circle' | 'square' | 'triangle' | 'diamond' | 'cross' | 'star',
  x: number,
  y: number,
  r: number,
): string {
  const p = (px: number, py: number) => `${round(px)},${round(py)}`;
  switch (shape) {
    case 'circle':
      return `M${p(x - r, y)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
    case 'square':
      return `M${p(x - r, y - r)}H${round(x + r)}V${round(y + r)}H${round(x - r)}Z`;
    case 'triangle':
      return `M${p(x, y - r * 1.2)}L${p(x + r * 1.1, y + r * 0.8)}L${p(x - r * 1.1, y + r * 0.8)}Z`;
    case 'diamond':
      return `M${p(x, y - r * 1.3)}L${p(x + r * 1.3, y)}L${p(x, y + r * 1.3)}L${p(x - r * 1.3, y)}Z`;
    case 'cross': {
      const t = r * 0.4;
      return (
        `M${p(x - t, y - r)}H${round(x + t)}V${round(y - t)}H${round(x + r)}V${round(y + t)}H${round(x + t)}` +
        `V${round(y + r)}H${round(x - t)}V${round(y + t)}H${round(x - r)}V${round(y - t)}H${round(x - t)}Z`
      );
    }
    default: {
      const points = Array.from({ length: 10 }, (_, i) => {
        const angle = (Math.PI / 5) * i - Math.PI / 2;
        const radius = i % 2 === 0 ? r * 1.3 : r * 0.55;
        return p(x + radius * Math.cos(angle), y + radius * Math.sin(angle));
      });
      return `M${points.join('L')}Z`;
    }
  }
}

/** An axis tick in the locale, with no more decimals than it has. */
export function formatTick(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value);
}

/** A tick on an axis: where it stands (x or y, in pixels) and its label. */
export interface Tick {
  at: number;
  label: string;
}

/** The scale's ticks, placed and labelled in the locale. */
export function axisTicks(scale: LinearScale, locale: string): Tick[] {
  return scale.ticks.map((value) => ({ at: scale(value), label: formatTick(value, locale) }));
}
