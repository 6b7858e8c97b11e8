import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ComparisonCriterion, PRODUCER_TYPES } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { formatTick, linePath, linearScale, markerPath } from './chart-scale';
import { shorten } from './comparison-bars';
import { ComparisonChartFrame, LegendEntry } from './comparison-chart-frame';
import { Sheet, formatCell, numberCell } from './comparison-sheet';
import { ComparisonText, FunnelPoint, SERIES_STYLES, valueFormat } from './comparison-tables';
import { funnelLimits, funnelSteps } from './funnel-limits';

const WIDTH = 720;
const HEIGHT = 400;
const LEFT = 64;
const RIGHT = 24;
const TOP = 28;
const BOTTOM = 48;

const LIMIT_STYLE = {
  centre: { colour: '#1b1b1f', shape: 'circle', dash: '' },
  limit95: { colour: '#5f6168', shape: 'circle', dash: '6 4' },
  limit998: { colour: '#1b1b1f', shape: 'circle', dash: '2 3' },
} as const;

/**
 * A funnel plot: each producer's value against its denominator, with the 95 % and 99.8 % control limits around
 * the pooled value. A small producer's value varies more by chance, so its limits are wider; a point outside the
 * 99.8 % limits is unlikely to be chance alone.
 */
@Component({
  selector: 'sopu-comparison-funnel',
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
        <path class="limit998" [attr.d]="chart().upper998" />
        <path class="limit998" [attr.d]="chart().lower998" />
        <path class="limit95" [attr.d]="chart().upper95" />
        <path class="limit95" [attr.d]="chart().lower95" />
        <line
          class="centre"
          [attr.x1]="left"
          [attr.x2]="width - right"
          [attr.y1]="chart().centre"
          [attr.y2]="chart().centre"
        />
        @for (point of chart().points; track point.key) {
          <path [attr.d]="point.d" [attr.fill]="point.colour" stroke="#fff" stroke-width="1">
            <title>{{ point.title }}</title>
          </path>
          @if (point.outlier) {
            <text class="tick" [attr.x]="point.x + 8" [attr.y]="point.y - 6">{{ point.label }}</text>
          }
        }
        <text class="axis-title" x="4" [attr.y]="top - 10">{{ valueTitle() }}</text>
        <text class="axis-title" [attr.x]="width - right" [attr.y]="height - 6" text-anchor="end">
          {{ 'comparison.col.denominator' | t }}
        </text>
      </svg>
      <p class="note" chartNotes>{{ 'comparison.funnel.how' | t }}</p>
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonFunnel {
  private readonly i18n = inject(I18n);
  readonly funnel = input.required<{ centre: number; points: FunnelPoint[] }>();
  readonly criterion = input.required<ComparisonCriterion>();
  readonly text = input.required<ComparisonText>();
  readonly sheet = input.required<Sheet>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly left = LEFT;
  protected readonly right = RIGHT;
  protected readonly top = TOP;
  protected readonly bottom = BOTTOM;

  private readonly format = computed(() => valueFormat(this.criterion(), this.text()));
  protected readonly valueTitle = computed(() => {
    const name = this.text().criterion(this.criterion());
    return this.format().unit ? `${name} (${this.format().unit})` : name;
  });

  protected readonly legend = computed<LegendEntry[]>(() => [
    ...PRODUCER_TYPES.filter((type) => this.funnel().points.some((p) => p.type === type)).map((type) => ({
      label: this.text().producerType(type),
      style: SERIES_STYLES[PRODUCER_TYPES.indexOf(type)],
    })),
    { label: this.i18n.t('comparison.funnel.centre'), style: { ...LIMIT_STYLE.centre }, line: true },
    { label: this.i18n.t('comparison.funnel.limit95'), style: { ...LIMIT_STYLE.limit95 }, line: true },
    { label: this.i18n.t('comparison.funnel.limit998'), style: { ...LIMIT_STYLE.limit998 }, line: true },
  ]);

  protected readonly chart = computed(() => {
    const { centre, points } = this.funnel();
    const criterion = this.criterion();
    const locale = this.i18n.locale();
    const denominators = points.map((p) => p.denominator);
    const steps = funnelSteps(Math.min(...denominators, 1), Math.max(...denominators, 1));
    const curve = steps.map((n) => ({
      n,
      ...funnelLimits(centre, n, criterion.measureType, criterion.rateMultiplier),
    }));
    const x = linearScale([0, ...denominators], [LEFT, WIDTH - RIGHT]);
    // The limits at the smallest denominators can run far off; the scale follows the points and the limits
    // from the smallest producer onwards, and the curves are cut at the drawing's edge.
    const y = linearScale(
      [
        centre,
        ...points.map((p) => p.value),
        ...points.flatMap((p) => [p.limits.lower998, p.limits.upper998]),
      ],
      [HEIGHT - BOTTOM, TOP],
    );
    const [low, high] = y.domain;
    const path = (pick: (c: (typeof curve)[number]) => number) =>
      linePath(curve.map((c) => (pick(c) < low || pick(c) > high ? null : { x: x(c.n), y: y(pick(c)) })));
    const format = this.format();
    return {
      xTicks: x.ticks.map((value) => ({ value, x: x(value), label: formatTick(value, locale) })),
      yTicks: y.ticks.map((value) => ({ value, y: y(value), label: formatTick(value, locale) })),
      centre: y(centre),
      upper95: path((c) => c.upper95),
      lower95: path((c) => c.lower95),
      upper998: path((c) => c.upper998),
      lower998: path((c) => c.lower998),
      points: points.map((p) => {
        const style = SERIES_STYLES[p.type ? PRODUCER_TYPES.indexOf(p.type) : 5];
        const px = x(p.denominator);
        const py = y(p.value);
        const name = this.text().group(p.group);
        return {
          key: p.group.key,
          colour: style.colour,
          x: px,
          y: py,
          d: markerPath(style.shape, px, py, 5),
          outlier: p.position === 'above998' || p.position === 'below998',
          label: shorten(name, 24),
          title: `${name}: ${formatCell(numberCell(p.value, format.decimals, format.unit), locale)} (${this.text().position(p.position)})`,
        };
      }),
    };
  });

  protected readonly summary = computed(() => {
    const { centre, points } = this.funnel();
    if (!points.length) return this.i18n.t('comparison.summary.empty', { title: this.sheet().title });
    const format = this.format();
    const outside95 = points.filter((p) => p.position !== 'inside').length;
    const outside998 = points.filter((p) => p.position === 'above998' || p.position === 'below998');
    return this.i18n.t('comparison.summary.funnel', {
      count: points.length,
      criterion: this.text().criterion(this.criterion()),
      centre: formatCell(numberCell(centre, format.decimals, format.unit), this.i18n.locale()),
      outside95,
      outside998: outside998.length,
      names: outside998.map((p) => this.text().group(p.group)).join(', ') || '–',
    });
  });
}
