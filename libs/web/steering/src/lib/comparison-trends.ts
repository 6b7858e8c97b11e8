import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ComparisonCriterion, ComparisonResult, ProducerType } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { formatTick, linePath, linearScale, markerPath } from './chart-scale';
import { ComparisonChartFrame, LegendEntry } from './comparison-chart-frame';
import { Sheet, formatCell, numberCell } from './comparison-sheet';
import { ComparisonText, seriesStyle, valueFormat, visibleGroups } from './comparison-tables';

const WIDTH = 720;
const HEIGHT = 340;
const LEFT = 64;
const RIGHT = 24;
const TOP = 16;
const BOTTOM = 56;
/** Period labels are thinned out to about this many, so that they never overlap. */
const MAX_LABELS = 12;

/** The chosen criterion's value per period as one line per group, each with its own colour, pattern and marker. */
@Component({
  selector: 'sopu-comparison-trends',
  imports: [ComparisonChartFrame],
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
        @for (tick of chart().xTicks; track tick.x) {
          <text
            class="tick"
            [attr.x]="tick.x"
            [attr.y]="height - bottom + 16"
            text-anchor="end"
            [attr.transform]="'rotate(-35 ' + tick.x + ' ' + (height - bottom + 16) + ')'"
          >
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
        @if (chart().target !== null) {
          <line
            class="target"
            [attr.x1]="left"
            [attr.x2]="width - right"
            [attr.y1]="chart().target"
            [attr.y2]="chart().target"
          />
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
        <text class="axis-title" x="4" [attr.y]="top - 4">{{ unit() }}</text>
      </svg>
      @if (criterion().target !== null) {
        <p class="note" chartNotes>{{ targetNote() }}</p>
      }
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonTrends {
  private readonly i18n = inject(I18n);
  readonly result = input.required<ComparisonResult>();
  readonly criterion = input.required<ComparisonCriterion>();
  readonly type = input<ProducerType | ''>('');
  readonly text = input.required<ComparisonText>();
  readonly sheet = input.required<Sheet>();

  protected readonly width = WIDTH;
  protected readonly height = HEIGHT;
  protected readonly left = LEFT;
  protected readonly right = RIGHT;
  protected readonly top = TOP + 12;
  protected readonly bottom = BOTTOM;

  protected readonly unit = computed(() => valueFormat(this.criterion(), this.text()).unit);

  private readonly series = computed(() => {
    const criterion = this.criterion();
    const cells = new Map(criterion.groups.map((c) => [c.key, c]));
    const byType = this.result().groupBy === 'producerType' && !this.type();
    return visibleGroups(this.result(), this.type())
      .filter((g) => cells.has(g.key))
      .map((group, i) => {
        const values = new Map((cells.get(group.key)?.series ?? []).map((p) => [p.periodStart, p.value]));
        return {
          key: group.key,
          label: this.text().group(group),
          style: seriesStyle(group, i, byType),
          values: this.result().periods.map((p) => values.get(p) ?? null),
        };
      });
  });

  protected readonly legend = computed<LegendEntry[]>(() =>
    this.series().map((s) => ({ label: s.label, style: s.style, line: true })),
  );

  protected readonly chart = computed(() => {
    const periods = this.result().periods;
    const series = this.series();
    const locale = this.i18n.locale();
    const target = this.criterion().target;
    const y = linearScale([...series.flatMap((s) => s.values), target], [HEIGHT - BOTTOM, this.top]);
    const step = periods.length > 1 ? (WIDTH - RIGHT - LEFT - 16) / (periods.length - 1) : 0;
    const x = (i: number) => LEFT + 8 + (periods.length > 1 ? i * step : (WIDTH - RIGHT - LEFT) / 2);
    const every = Math.max(1, Math.ceil(periods.length / MAX_LABELS));
    return {
      yTicks: y.ticks.map((value) => ({ value, y: y(value), label: formatTick(value, locale) })),
      xTicks: periods
        .map((p, i) => ({ x: x(i), label: this.text().period(p), i }))
        .filter((t) => t.i % every === 0 || t.i === periods.length - 1),
      target: target === null ? null : y(target),
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

  protected readonly targetNote = computed(() => {
    const format = valueFormat(this.criterion(), this.text());
    return this.i18n.t('comparison.targetLine', {
      value: formatCell(
        numberCell(this.criterion().target, format.decimals, format.unit),
        this.i18n.locale(),
      ),
    });
  });

  protected readonly summary = computed(() => {
    const periods = this.result().periods;
    const format = valueFormat(this.criterion(), this.text());
    const locale = this.i18n.locale();
    if (!periods.length || !this.series().length)
      return this.i18n.t('comparison.summary.empty', { title: this.sheet().title });
    const last = this.series()
      .map((s) => {
        const value = [...s.values].reverse().find((v) => v !== null) ?? null;
        return `${s.label} ${formatCell(numberCell(value, format.decimals, format.unit), locale)}`;
      })
      .join(', ');
    return this.i18n.t('comparison.summary.trends', {
      criterion: this.text().criterion(this.criterion()),
      count: this.series().length,
      from: this.text().period(periods[0]),
      to: this.text().period(periods[periods.length - 1]),
      last,
    });
  });
}
