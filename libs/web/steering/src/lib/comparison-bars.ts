import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { axisTicks, linearScale } from './chart-scale';
import { GroupChart, shorten } from './comparison-chart';
import { ComparisonChartFrame } from './comparison-chart-frame';
import { ComparisonPlot, PlotBox, PlotSegment } from './comparison-plot';
import { seriesStyle } from './comparison-tables';

const TOP = 28;
const ROW = 30;
/** The grid starts a little above the first bar; the tick labels stand below the last. The height follows the rows. */
const BOX: PlotBox = { width: 720, height: 0, left: 210, right: 90, top: TOP - 6, bottom: 24 };

/** The chosen criterion's value per group as horizontal bars, each labelled with its group and value. */
@Component({
  selector: 'sopu-comparison-bars',
  imports: [ComparisonChartFrame, ComparisonPlot, PlotSegment],
  template: `
    <sopu-comparison-chart-frame [sheet]="sheet()" [summary]="summary()">
      <svg [sopuComparisonPlot]="chart().plot">
        <defs>
          <pattern
            id="comparison-total-hatch"
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#5c5c5c" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" stroke-width="2" />
          </pattern>
        </defs>
        @for (bar of chart().bars; track bar.key) {
          <text class="label" [attr.x]="left - 8" [attr.y]="bar.y + 15" text-anchor="end">
            {{ bar.label }}
          </text>
          @if (bar.width !== null) {
            <rect
              [attr.x]="bar.x"
              [attr.y]="bar.y + 3"
              [attr.width]="bar.width"
              height="18"
              [attr.fill]="bar.total ? 'url(#comparison-total-hatch)' : bar.colour"
            />
            <text class="value" [attr.x]="bar.end + 6" [attr.y]="bar.y + 17">{{ bar.value }}</text>
          } @else {
            <text class="value" [attr.x]="left + 6" [attr.y]="bar.y + 17">{{ bar.value }}</text>
          }
        }
        <line class="axis" [sopuSegment]="chart().zeroLine" />
        @if (chart().target; as target) {
          <line class="target" [sopuSegment]="target.line" />
          <text class="tick" [attr.x]="target.x" [attr.y]="top - 14" text-anchor="middle">
            {{ target.label }}
          </text>
        }
      </svg>
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonBars extends GroupChart {
  protected readonly left = BOX.left;
  protected readonly top = TOP;

  private readonly items = computed(() => {
    const criterion = this.criterion();
    const text = this.text();
    const items = this.groupCells().map(({ group, cell }, i) => ({
      key: group.key,
      label: text.group(group),
      value: cell.value,
      colour: seriesStyle(group, i, this.byType()).colour,
      total: false,
    }));
    if (!this.type())
      items.push({ key: '', label: text.group(null), value: criterion.total.value, colour: '', total: true });
    return items;
  });

  protected readonly chart = computed(() => {
    const criterion = this.criterion();
    const items = this.items();
    const scale = linearScale(
      [...items.map((i) => i.value), criterion.target],
      [BOX.left, BOX.width - BOX.right],
      {
        includeZero: true,
      },
    );
    const zero = scale(Math.max(0, scale.domain[0]));
    const height = TOP + items.length * ROW + 30;
    const target = criterion.target === null ? null : scale(criterion.target);
    return {
      plot: { box: { ...BOX, height }, xTicks: axisTicks(scale, this.i18n.locale()), axes: 'none' as const },
      zeroLine: { x1: zero, x2: zero, y1: TOP - 6, y2: height - 24 },
      bars: items.map((item, i) => {
        const end = item.value === null ? zero : scale(item.value);
        return {
          ...item,
          label: shorten(item.label),
          y: TOP + i * ROW,
          x: Math.min(zero, end),
          end: Math.max(zero, end),
          width: item.value === null ? null : Math.max(1, Math.abs(end - zero)),
          value: item.value === null ? this.i18n.t('comparison.noValue') : this.show(item.value),
        };
      }),
      target:
        target === null
          ? null
          : {
              x: target,
              line: { x1: target, x2: target, y1: TOP - 10, y2: height - 24 },
              label: this.i18n.t('comparison.target', { value: this.show(criterion.target) }),
            },
    };
  });

  protected readonly summary = computed(() => {
    const known = this.items().filter((i) => !i.total && i.value !== null);
    if (!known.length) return this.emptySummary();
    const high = known.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
    const low = known.reduce((a, b) => ((b.value ?? 0) < (a.value ?? 0) ? b : a));
    return this.i18n.t('comparison.summary.bars', {
      criterion: this.criterionName(),
      high: `${high.label} ${this.show(high.value)}`,
      low: `${low.label} ${this.show(low.value)}`,
      total: this.show(this.criterion().total.value),
    });
  });
}
