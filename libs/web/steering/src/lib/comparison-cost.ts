import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@sopu/web/i18n';
import { axisTicks, linearScale, markerPath } from './chart-scale';
import { ComparisonChart, typeLegend, typeStyle } from './comparison-chart';
import { ComparisonChartFrame } from './comparison-chart-frame';
import { ComparisonPlot, PlotBox } from './comparison-plot';
import { formatCell, numberCell } from './comparison-sheet';
import { EURO, ProducerPoint } from './comparison-tables';

const BOX: PlotBox = { width: 720, height: 380, left: 64, right: 24, top: 28, bottom: 48 };

/** Each producer as a point: its unit price across, its value up; the producer type by colour and shape. */
@Component({
  selector: 'sopu-comparison-cost',
  imports: [ComparisonChartFrame, ComparisonPlot, TranslatePipe],
  template: `
    <sopu-comparison-chart-frame [sheet]="sheet()" [summary]="summary()" [legend]="legend()">
      <svg [sopuComparisonPlot]="chart().plot">
        @for (point of chart().points; track point.key) {
          <path [attr.d]="point.d" [attr.fill]="point.colour" stroke="#fff" stroke-width="1">
            <title>{{ point.title }}</title>
          </path>
        }
      </svg>
      @if (unplaced()) {
        <p class="note" chartNotes>{{ 'comparison.cost.unplaced' | t: { count: unplaced() } }}</p>
      }
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonCost extends ComparisonChart {
  readonly points = input.required<ProducerPoint[]>();

  private readonly placed = computed(() =>
    this.points().filter((p) => p.group.unitPrice !== null && p.cell.value !== null),
  );
  protected readonly unplaced = computed(() => this.points().length - this.placed().length);

  protected readonly legend = computed(() => typeLegend(this.points(), this.text()));

  private price(n: number | null): string {
    return formatCell(numberCell(n, 2, EURO), this.i18n.locale());
  }

  protected readonly chart = computed(() => {
    const points = this.placed();
    const locale = this.i18n.locale();
    const x = linearScale(
      points.map((p) => p.group.unitPrice),
      [BOX.left, BOX.width - BOX.right],
    );
    const y = linearScale(
      points.map((p) => p.cell.value),
      [BOX.height - BOX.bottom, BOX.top],
    );
    return {
      plot: {
        box: BOX,
        xTicks: axisTicks(x, locale),
        yTicks: axisTicks(y, locale),
        yTitle: this.valueTitle(),
        xTitle: `${this.text().column('unitPrice')} (${EURO})`,
      },
      points: points.map((p) => {
        const style = typeStyle(p.type);
        return {
          key: p.group.key,
          colour: style.colour,
          d: markerPath(style.shape, x(p.group.unitPrice ?? 0), y(p.cell.value ?? 0), 5),
          title: `${this.text().group(p.group)}: ${this.price(p.group.unitPrice)}, ${this.show(p.cell.value)}`,
        };
      }),
    };
  });

  protected readonly summary = computed(() => {
    const points = this.placed();
    if (!points.length) return this.emptySummary();
    const prices = points.map((p) => p.group.unitPrice ?? 0);
    const values = points.map((p) => p.cell.value ?? 0);
    return this.i18n.t('comparison.summary.cost', {
      count: points.length,
      criterion: this.criterionName(),
      minPrice: this.price(Math.min(...prices)),
      maxPrice: this.price(Math.max(...prices)),
      minValue: this.show(Math.min(...values)),
      maxValue: this.show(Math.max(...values)),
      correlation: this.i18n.t(`comparison.correlation.${correlationWord(prices, values)}`),
    });
  });
}

/** Pearson's r in words: whether dearer producers tend to have higher values. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n < 3 || ys.length !== n) return null;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
    syy += (ys[i] - my) ** 2;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : null;
}

export function correlationWord(
  xs: readonly number[],
  ys: readonly number[],
): 'none' | 'positive' | 'negative' | 'unknown' {
  const r = correlation(xs, ys);
  if (r === null) return 'unknown';
  return r >= 0.3 ? 'positive' : r <= -0.3 ? 'negative' : 'none';
}
