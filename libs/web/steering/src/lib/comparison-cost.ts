import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ComparisonCriterion, PRODUCER_TYPES } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { formatTick, linearScale, markerPath } from './chart-scale';
import { ComparisonChartFrame, LegendEntry } from './comparison-chart-frame';
import { Sheet, formatCell, numberCell } from './comparison-sheet';
import { ComparisonText, EURO, ProducerPoint, SERIES_STYLES, valueFormat } from './comparison-tables';

const WIDTH = 720;
const HEIGHT = 380;
const LEFT = 64;
const RIGHT = 24;
const TOP = 28;
const BOTTOM = 48;

/** Each producer as a point: its unit price across, its value up; the producer type by colour and shape. */
@Component({
  selector: 'sopu-comparison-cost',
  imports: [ComparisonChartFrame, TranslatePipe],
  template: `
    <sopu-comparison-chart-frame
      [heading]="sheet().title"
      [summary]="summary()"
      [sheet]="sheet()"
      [legend]="legend()"
    >
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + height" aria-hidden="true" focusable="false">
        @for (tick of chart().yTicks; track tick.value) {
          <line
            class="grid"
            [attr.x1]="left"
            [attr.x2]="width - right"
            [attr.y1]="tick.y"
            [attr.y2]="tick.y"
          />
          <text class="tick" [attr.x]="left - 6" [attr.y]="tick.y + 4" text-anchor="end">
            {{ tick.label }}
          </text>
        }
        @for (tick of chart().xTicks; track tick.value) {
          <line
            class="grid"
            [attr.x1]="tick.x"
            [attr.x2]="tick.x"
            [attr.y1]="top"
            [attr.y2]="height - bottom"
          />
          <text class="tick" [attr.x]="tick.x" [attr.y]="height - bottom + 16" text-anchor="middle">
            {{ tick.label }}
          </text>
        }
        <line class="axis" [attr.x1]="left" [attr.x2]="left" [attr.y1]="top" [attr.y2]="height - bottom" />
        <line
          class="axis"
          [attr.x1]="left"
          [attr.x2]="width - right"
          [attr.y1]="height - bottom"
          [attr.y2]="height - bottom"
        />
        @for (point of chart().points; track point.key) {
          <path [attr.d]="point.d" [attr.fill]="point.colour" stroke="#fff" stroke-width="1">
            <title>{{ point.title }}</title>
          </path>
        }
        <text class="axis-title" x="4" [attr.y]="top - 10">{{ valueTitle() }}</text>
        <text class="axis-title" [attr.x]="width - right" [attr.y]="height - 6" text-anchor="end">
          {{ priceTitle() }}
        </text>
      </svg>
      @if (unplaced()) {
        <p class="note" chartNotes>{{ 'comparison.cost.unplaced' | t: { count: unplaced() } }}</p>
      }
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonCost {
  private readonly i18n = inject(I18n);
  readonly points = input.required<ProducerPoint[]>();
  readonly criterion = input.required<ComparisonCriterion>();
  readonly text = input.required<ComparisonText>();
  readonly sheet = input.required<Sheet>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly left = LEFT;
  protected readonly right = RIGHT;
  protected readonly top = TOP;
  protected readonly bottom = BOTTOM;

  private readonly placed = computed(() =>
    this.points().filter((p) => p.group.unitPrice !== null && p.cell.value !== null),
  );
  protected readonly unplaced = computed(() => this.points().length - this.placed().length);

  protected readonly valueTitle = computed(() => {
    const unit = valueFormat(this.criterion(), this.text()).unit;
    const name = this.text().criterion(this.criterion());
    return unit ? `${name} (${unit})` : name;
  });
  protected readonly priceTitle = computed(() => `${this.text().column('unitPrice')} (${EURO})`);

  protected readonly legend = computed<LegendEntry[]>(() =>
    PRODUCER_TYPES.filter((type) => this.points().some((p) => p.type === type)).map((type) => ({
      label: this.text().producerType(type),
      style: SERIES_STYLES[PRODUCER_TYPES.indexOf(type)],
    })),
  );

  protected readonly chart = computed(() => {
    const points = this.placed();
    const locale = this.i18n.locale();
    const format = valueFormat(this.criterion(), this.text());
    const x = linearScale(
      points.map((p) => p.group.unitPrice),
      [LEFT, WIDTH - RIGHT],
    );
    const y = linearScale(
      points.map((p) => p.cell.value),
      [HEIGHT - BOTTOM, TOP],
    );
    return {
      xTicks: x.ticks.map((value) => ({ value, x: x(value), label: formatTick(value, locale) })),
      yTicks: y.ticks.map((value) => ({ value, y: y(value), label: formatTick(value, locale) })),
      points: points.map((p) => {
        const style = SERIES_STYLES[p.type ? PRODUCER_TYPES.indexOf(p.type) : 5];
        const price = formatCell(numberCell(p.group.unitPrice, 2, EURO), locale);
        const value = formatCell(numberCell(p.cell.value, format.decimals, format.unit), locale);
        return {
          key: p.group.key,
          colour: style.colour,
          d: markerPath(style.shape, x(p.group.unitPrice ?? 0), y(p.cell.value ?? 0), 5),
          title: `${this.text().group(p.group)}: ${price}, ${value}`,
        };
      }),
    };
  });

  protected readonly summary = computed(() => {
    const points = this.placed();
    if (!points.length) return this.i18n.t('comparison.summary.empty', { title: this.sheet().title });
    const locale = this.i18n.locale();
    const format = valueFormat(this.criterion(), this.text());
    const prices = points.map((p) => p.group.unitPrice ?? 0);
    const values = points.map((p) => p.cell.value ?? 0);
    const price = (n: number) => formatCell(numberCell(n, 2, EURO), locale);
    const value = (n: number) => formatCell(numberCell(n, format.decimals, format.unit), locale);
    return this.i18n.t('comparison.summary.cost', {
      count: points.length,
      criterion: this.text().criterion(this.criterion()),
      minPrice: price(Math.min(...prices)),
      maxPrice: price(Math.max(...prices)),
      minValue: value(Math.min(...values)),
      maxValue: value(Math.max(...values)),
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
