import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { axisTicks, linePath, linearScale, markerPath } from './chart-scale';
import { GroupChart } from './comparison-chart';
import { ComparisonChartFrame, LegendEntry } from './comparison-chart-frame';
import { ComparisonPlot, PlotBox, PlotSegment, across } from './comparison-plot';
import { seriesStyle } from './comparison-tables';

const BOX: PlotBox = { width: 720, height: 340, left: 64, right: 24, top: 28, bottom: 56 };
/** Period labels are thinned out to about this many, so that they never overlap. */
const MAX_LABELS = 12;

/** The chosen criterion's value per period as one line per group, each with its own colour, pattern and marker. */
@Component({
  selector: 'sopu-comparison-trends',
  imports: [ComparisonChartFrame, ComparisonPlot, PlotSegment],
  template: `
    <sopu-comparison-chart-frame [sheet]="sheet()" [summary]="summary()" [legend]="legend()">
      <svg [sopuComparisonPlot]="chart().plot">
        @if (chart().target; as target) {
          <line class="target" [sopuSegment]="target" />
        }
        @for (line of chart().lines; track line.key) {
          <path
            [attr.d]="line.path"
            fill="none"
            [attr.stroke]="line.style.colour"
            stroke-width="2.5"
            [attr.stroke-dasharray]="line.style.dash || null"
          />
          @for (point of line.points; track $index) {
            <path [attr.d]="point" [attr.fill]="line.style.colour" stroke="#fff" stroke-width="1" />
          }
        }
        <text class="axis-title" x="4" [attr.y]="box.top - 4">{{ format().unit }}</text>
      </svg>
      @if (criterion().target !== null) {
        <p class="note" chartNotes>{{ targetNote() }}</p>
      }
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonTrends extends GroupChart {
  protected readonly box = BOX;

  private readonly series = computed(() => {
    const periods = this.result().periods;
    return this.groupCells().map(({ group, cell }, i) => {
      const values = new Map(cell.series.map((p) => [p.periodStart, p.value]));
      return {
        key: group.key,
        label: this.text().group(group),
        style: seriesStyle(group, i, this.byType()),
        values: periods.map((p) => values.get(p) ?? null),
      };
    });
  });

  protected readonly legend = computed<LegendEntry[]>(() =>
    this.series().map((s) => ({ label: s.label, style: s.style, line: true })),
  );

  protected readonly chart = computed(() => {
    const periods = this.result().periods;
    const series = this.series();
    const target = this.criterion().target;
    const { width, left, right } = BOX;
    const y = linearScale([...series.flatMap((s) => s.values), target], [BOX.height - BOX.bottom, BOX.top]);
    const step = periods.length > 1 ? (width - right - left - 16) / (periods.length - 1) : 0;
    const x = (i: number) => left + 8 + (periods.length > 1 ? i * step : (width - right - left) / 2);
    const every = Math.max(1, Math.ceil(periods.length / MAX_LABELS));
    return {
      plot: {
        box: BOX,
        yTicks: axisTicks(y, this.i18n.locale()),
        xTicks: periods
          .map((p, i) => ({ at: x(i), label: this.text().period(p), i }))
          .filter((t) => t.i % every === 0 || t.i === periods.length - 1),
        xGrid: false,
        slanted: true,
      },
      target: target === null ? null : across(BOX, y(target)),
      lines: series.map((s) => {
        const points = s.values.map((v, i) => (v === null ? null : { x: x(i), y: y(v) }));
        return {
          key: s.key,
          style: s.style,
          path: linePath(points),
          points: points.filter((p) => p !== null).map((p) => markerPath(s.style.shape, p.x, p.y, 4)),
        };
      }),
    };
  });

  protected readonly targetNote = computed(() =>
    this.i18n.t('comparison.targetLine', { value: this.show(this.criterion().target) }),
  );

  protected readonly summary = computed(() => {
    const periods = this.result().periods;
    if (!periods.length || !this.series().length) return this.emptySummary();
    const last = this.series()
      .map((s) => `${s.label} ${this.show([...s.values].reverse().find((v) => v !== null) ?? null)}`)
      .join(', ');
    return this.i18n.t('comparison.summary.trends', {
      criterion: this.criterionName(),
      count: this.series().length,
      from: this.text().period(periods[0]),
      to: this.text().period(periods[periods.length - 1]),
      last,
    });
  });
}
