import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { TranslatePipe } from '@sopu/web/i18n';
import { axisTicks, linePath, linearScale, markerPath } from './chart-scale';
import { ComparisonChart, shorten, typeLegend, typeStyle } from './comparison-chart';
import { ComparisonChartFrame, LegendEntry } from './comparison-chart-frame';
import { ComparisonPlot, PlotBox, PlotSegment, across } from './comparison-plot';
import { FunnelPoint } from './comparison-tables';
import { funnelLimits, funnelSteps } from './funnel-limits';

const BOX: PlotBox = { width: 720, height: 400, left: 64, right: 24, top: 28, bottom: 48 };

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
  imports: [ComparisonChartFrame, ComparisonPlot, PlotSegment, TranslatePipe],
  template: `
    <sopu-comparison-chart-frame [sheet]="sheet()" [summary]="summary()" [legend]="legend()">
      <svg [sopuComparisonPlot]="chart().plot">
        <path class="limit998" [attr.d]="chart().upper998" />
        <path class="limit998" [attr.d]="chart().lower998" />
        <path class="limit95" [attr.d]="chart().upper95" />
        <path class="limit95" [attr.d]="chart().lower95" />
        <line class="centre" [sopuSegment]="chart().centre" />
        @for (point of chart().points; track point.key) {
          <path [attr.d]="point.d" [attr.fill]="point.colour" stroke="#fff" stroke-width="1">
            <title>{{ point.title }}</title>
          </path>
          @if (point.outlier) {
            <text class="tick" [attr.x]="point.x + 8" [attr.y]="point.y - 6">{{ point.label }}</text>
          }
        }
      </svg>
      <p class="note" chartNotes>{{ 'comparison.funnel.how' | t }}</p>
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonFunnel extends ComparisonChart {
  readonly funnel = input.required<{ centre: number; points: FunnelPoint[] }>();

  protected readonly legend = computed<LegendEntry[]>(() => [
    ...typeLegend(this.funnel().points, this.text()),
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
    const x = linearScale([0, ...denominators], [BOX.left, BOX.width - BOX.right]);
    // The limits at the smallest denominators can run far off; the scale follows the points and the limits
    // from the smallest producer onwards, and the curves are cut at the drawing's edge.
    const y = linearScale(
      [
        centre,
        ...points.map((p) => p.value),
        ...points.flatMap((p) => [p.limits.lower998, p.limits.upper998]),
      ],
      [BOX.height - BOX.bottom, BOX.top],
    );
    const [low, high] = y.domain;
    const path = (pick: (c: (typeof curve)[number]) => number) =>
      linePath(curve.map((c) => (pick(c) < low || pick(c) > high ? null : { x: x(c.n), y: y(pick(c)) })));
    return {
      plot: {
        box: BOX,
        xTicks: axisTicks(x, locale),
        xGrid: false,
        yTicks: axisTicks(y, locale),
        yTitle: this.valueTitle(),
        xTitle: this.i18n.t('comparison.col.denominator'),
      },
      centre: across(BOX, y(centre)),
      upper95: path((c) => c.upper95),
      lower95: path((c) => c.lower95),
      upper998: path((c) => c.upper998),
      lower998: path((c) => c.lower998),
      points: points.map((p) => {
        const style = typeStyle(p.type);
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
          title: `${name}: ${this.show(p.value)} (${this.text().position(p.position)})`,
        };
      }),
    };
  });

  protected readonly summary = computed(() => {
    const { centre, points } = this.funnel();
    if (!points.length) return this.emptySummary();
    const outside95 = points.filter((p) => p.position !== 'inside').length;
    const outside998 = points.filter((p) => p.position === 'above998' || p.position === 'below998');
    return this.i18n.t('comparison.summary.funnel', {
      count: points.length,
      criterion: this.criterionName(),
      centre: this.show(centre),
      outside95,
      outside998: outside998.length,
      names: outside998.map((p) => this.text().group(p.group)).join(', ') || '–',
    });
  });
}
