import { ChangeDetectionStrategy, Component, computed } from '@angular/core';
import { ComparisonFigures } from '@sopu/shared';
import { TranslatePipe } from '@sopu/web/i18n';
import { axisTicks, boxGeometry, linearScale } from './chart-scale';
import { GroupChart, shorten } from './comparison-chart';
import { ComparisonChartFrame } from './comparison-chart-frame';
import { ComparisonPlot, PlotBox, PlotSegment } from './comparison-plot';
import { seriesStyle, visibleGroups } from './comparison-tables';

const TOP = 16;
const ROW = 40;
/** The tick labels stand below the axis, under the last row. The height follows the rows. */
const BOX: PlotBox = { width: 720, height: 0, left: 210, right: 24, top: TOP, bottom: 24 };

/** The spread of the producers' own values in each group: whiskers to the extremes, a box over the quartiles, the median. */
@Component({
  selector: 'sopu-comparison-boxes',
  imports: [ComparisonChartFrame, ComparisonPlot, PlotSegment, TranslatePipe],
  template: `
    <sopu-comparison-chart-frame [sheet]="sheet()" [summary]="summary()">
      <svg [sopuComparisonPlot]="chart().plot">
        @for (row of chart().rows; track row.key) {
          <text class="label" [attr.x]="left - 8" [attr.y]="row.y + 4" text-anchor="end">
            {{ row.label }}
          </text>
          @if (row.box; as box) {
            <rect
              class="box"
              [attr.stroke]="row.colour"
              [attr.x]="box.boxStart"
              [attr.y]="row.y - 11"
              [attr.width]="box.boxWidth"
              height="22"
            />
            @for (line of row.lines; track $index) {
              <line [class]="line.kind" [attr.stroke]="row.colour" [sopuSegment]="line" />
            }
          } @else {
            <text class="value" [attr.x]="left + 6" [attr.y]="row.y + 4">{{ noValue() }}</text>
          }
        }
      </svg>
      <p class="note" chartNotes>{{ 'comparison.boxes.how' | t }}</p>
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonBoxes extends GroupChart {
  protected readonly left = BOX.left;
  protected readonly noValue = computed(() => this.i18n.t('comparison.noValue'));

  private readonly groups = computed(() => {
    const criterion = this.criterion();
    const cells = new Map(criterion.groups.map((c) => [c.key, c]));
    const rows: { key: string; label: string; colour: string; figures: ComparisonFigures }[] = [];
    // Colours follow the groups' places among all shown, also those without figures.
    visibleGroups(this.result(), this.type()).forEach((group, i) => {
      const figures = cells.get(group.key);
      if (figures)
        rows.push({
          key: group.key,
          label: this.text().group(group),
          colour: seriesStyle(group, i, this.byType()).colour,
          figures,
        });
    });
    if (!this.type())
      rows.push({ key: '', label: this.text().group(null), colour: '#3d3d3d', figures: criterion.total });
    return rows;
  });

  protected readonly chart = computed(() => {
    const rows = this.groups();
    const scale = linearScale(
      rows.flatMap((r) => [r.figures.min, r.figures.max]),
      [BOX.left, BOX.width - BOX.right],
    );
    return {
      plot: {
        box: { ...BOX, height: TOP + rows.length * ROW + 34 },
        xTicks: axisTicks(scale, this.i18n.locale()),
        axes: 'bottom' as const,
      },
      rows: rows.map((row, i) => {
        const y = TOP + i * ROW + ROW / 2;
        const box = boxGeometry(row.figures, scale);
        return {
          key: row.key,
          label: shorten(row.label),
          colour: row.colour,
          y,
          box,
          // The whiskers from each extreme to the box with a cap at their ends, then the median across the box.
          lines: box
            ? [
                { kind: 'whisker', x1: box.whiskerLow, x2: box.boxStart, y1: y, y2: y },
                { kind: 'whisker', x1: box.boxEnd, x2: box.whiskerHigh, y1: y, y2: y },
                { kind: 'whisker', x1: box.whiskerLow, x2: box.whiskerLow, y1: y - 7, y2: y + 7 },
                { kind: 'whisker', x1: box.whiskerHigh, x2: box.whiskerHigh, y1: y - 7, y2: y + 7 },
                { kind: 'median', x1: box.median, x2: box.median, y1: y - 11, y2: y + 11 },
              ]
            : [],
        };
      }),
    };
  });

  protected readonly summary = computed(() => {
    const known = this.groups().filter((g) => g.figures.median !== null);
    if (!known.length) return this.emptySummary();
    return this.i18n.t('comparison.summary.boxes', {
      criterion: this.criterionName(),
      medians: known
        .map(
          (g) =>
            `${g.label} ${this.show(g.figures.median)} (${this.show(g.figures.q1)}–${this.show(g.figures.q3)})`,
        )
        .join('; '),
    });
  });
}
