import { ChangeDetectionStrategy, Component, Directive, computed, input } from '@angular/core';
import { Tick } from './chart-scale';

/** The drawing's size and the margins around its plot area, in SVG units. */
export interface PlotBox {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** What a chart's drawing shares with the others: its size, the ticks and grid, the axes and their titles. */
export interface Plot {
  box: PlotBox;
  /** Ticks along the bottom, with grid lines up the plot unless `xGrid` is false. */
  xTicks?: Tick[];
  xGrid?: boolean;
  /** Tick labels turned, for long labels such as periods. */
  slanted?: boolean;
  /** Ticks up the left side, with grid lines across the plot. */
  yTicks?: Tick[];
  /** The axes drawn: left and bottom (the default), only the bottom, or none (the chart draws its own). */
  axes?: 'both' | 'bottom' | 'none';
  yTitle?: string;
  xTitle?: string;
}

/** A straight line in the drawing, from (x1, y1) to (x2, y2). */
export interface Segment {
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

/** A horizontal line across the plot area at `y`. */
export function across(box: PlotBox, y: number): Segment {
  return { x1: box.left, x2: box.width - box.right, y1: y, y2: y };
}

/** Puts a segment's ends on a `<line>`. */
@Directive({
  selector: '[sopuSegment]',
  host: {
    '[attr.x1]': 'segment().x1',
    '[attr.x2]': 'segment().x2',
    '[attr.y1]': 'segment().y1',
    '[attr.y2]': 'segment().y2',
  },
})
export class PlotSegment {
  readonly segment = input.required<Segment>({ alias: 'sopuSegment' });
}

/**
 * A chart's drawing: one SVG, hidden from screen readers (the frame around it says it in words), with the grid,
 * the axes and the tick labels, then the chart's own marks (its content), then the axes' titles.
 */
@Component({
  // The host is the chart's own <svg>, so that the marks the chart puts inside are SVG elements too.
  // eslint-disable-next-line @angular-eslint/component-selector
  selector: 'svg[sopuComparisonPlot]',
  imports: [PlotSegment],
  template: `
    @for (line of lines(); track $index) {
      <svg:line [class]="line.kind" [sopuSegment]="line" />
    }
    @for (label of labels(); track $index) {
      <svg:text
        class="tick"
        [attr.x]="label.x"
        [attr.y]="label.y"
        [attr.text-anchor]="label.anchor"
        [attr.transform]="label.transform"
      >
        {{ label.text }}
      </svg:text>
    }
    <ng-content />
    @if (plot().yTitle) {
      <svg:text class="axis-title" x="4" [attr.y]="plot().box.top - 10">{{ plot().yTitle }}</svg:text>
    }
    @if (plot().xTitle) {
      <svg:text class="axis-title" [attr.x]="right()" [attr.y]="plot().box.height - 6" text-anchor="end">
        {{ plot().xTitle }}
      </svg:text>
    }
  `,
  styleUrl: './comparison-chart.scss',
  host: {
    '[attr.viewBox]': "'0 0 ' + plot().box.width + ' ' + plot().box.height",
    'aria-hidden': 'true',
    focusable: 'false',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonPlot {
  readonly plot = input.required<Plot>({ alias: 'sopuComparisonPlot' });

  /** The plot area's right edge. */
  protected readonly right = computed(() => this.plot().box.width - this.plot().box.right);

  /** The grid lines, then the axes over them. */
  protected readonly lines = computed(() => {
    const { box, xTicks = [], yTicks = [], xGrid = true, axes = 'both' } = this.plot();
    const [left, right, top, bottom] = [box.left, this.right(), box.top, box.height - box.bottom];
    const lines: (Segment & { kind: 'grid' | 'axis' })[] = [
      ...yTicks.map((t) => ({ kind: 'grid' as const, x1: left, x2: right, y1: t.at, y2: t.at })),
      ...(xGrid ? xTicks : []).map((t) => ({
        kind: 'grid' as const,
        x1: t.at,
        x2: t.at,
        y1: top,
        y2: bottom,
      })),
    ];
    if (axes === 'both') lines.push({ kind: 'axis', x1: left, x2: left, y1: top, y2: bottom });
    if (axes !== 'none') lines.push({ kind: 'axis', x1: left, x2: right, y1: bottom, y2: bottom });
    return lines;
  });

  /** The tick labels: left of the plot, and below it (turned when slanted). */
  protected readonly labels = computed(() => {
    const { box, xTicks = [], yTicks = [], slanted = false } = this.plot();
    const below = box.height - box.bottom + 16;
    return [
      ...yTicks.map((t) => ({ x: box.left - 6, y: t.at + 4, anchor: 'end', transform: null, text: t.label })),
      ...xTicks.map((t) => ({
        x: t.at,
        y: below,
        anchor: slanted ? 'end' : 'middle',
        transform: slanted ? `rotate(-35 ${t.at} ${below})` : null,
        text: t.label,
      })),
    ];
  });
}
