import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ComparisonCriterion, ComparisonFigures, ComparisonResult, ProducerType } from '@sopu/shared';
import { I18n, TranslatePipe } from '@sopu/web/i18n';
import { boxGeometry, formatTick, linearScale } from './chart-scale';
import { shorten } from './comparison-bars';
import { ComparisonChartFrame } from './comparison-chart-frame';
import { Sheet, formatCell, numberCell } from './comparison-sheet';
import { ComparisonText, seriesStyle, valueFormat, visibleGroups } from './comparison-tables';

const WIDTH = 720;
const LEFT = 210;
const RIGHT = 24;
const TOP = 16;
const ROW = 40;

/** The spread of the producers' own values in each group: whiskers to the extremes, a box over the quartiles, the median. */
@Component({
  selector: 'sopu-comparison-boxes',
  imports: [ComparisonChartFrame, TranslatePipe],
  template: `
    <sopu-comparison-chart-frame [heading]="sheet().title" [summary]="summary()" [sheet]="sheet()">
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + chart().height" aria-hidden="true" focusable="false">
        @for (tick of chart().ticks; track tick.value) {
          <line
            class="grid"
            [attr.x1]="tick.x"
            [attr.x2]="tick.x"
            [attr.y1]="top"
            [attr.y2]="chart().height - 24"
          />
          <text class="tick" [attr.x]="tick.x" [attr.y]="chart().height - 8" text-anchor="middle">
            {{ tick.label }}
          </text>
        }
        @for (row of chart().rows; track row.key) {
          <text class="label" [attr.x]="left - 8" [attr.y]="row.y + 4" text-anchor="end">
            {{ row.label }}
          </text>
          @if (row.box; as box) {
            <line
              class="whisker"
              [attr.stroke]="row.colour"
              [attr.x1]="box.whiskerLow"
              [attr.x2]="box.boxStart"
              [attr.y1]="row.y"
              [attr.y2]="row.y"
            />
            <line
              class="whisker"
              [attr.stroke]="row.colour"
              [attr.x1]="box.boxEnd"
              [attr.x2]="box.whiskerHigh"
              [attr.y1]="row.y"
              [attr.y2]="row.y"
            />
            <line
              class="whisker"
              [attr.stroke]="row.colour"
              [attr.x1]="box.whiskerLow"
              [attr.x2]="box.whiskerLow"
              [attr.y1]="row.y - 7"
              [attr.y2]="row.y + 7"
            />
            <line
              class="whisker"
              [attr.stroke]="row.colour"
              [attr.x1]="box.whiskerHigh"
              [attr.x2]="box.whiskerHigh"
              [attr.y1]="row.y - 7"
              [attr.y2]="row.y + 7"
            />
            <rect
              class="box"
              [attr.stroke]="row.colour"
              [attr.x]="box.boxStart"
              [attr.y]="row.y - 11"
              [attr.width]="box.boxWidth"
              height="22"
            />
            <line
              class="median"
              [attr.stroke]="row.colour"
              [attr.x1]="box.median"
              [attr.x2]="box.median"
              [attr.y1]="row.y - 11"
              [attr.y2]="row.y + 11"
            />
          } @else {
            <text class="value" [attr.x]="left + 6" [attr.y]="row.y + 4">{{ noValue() }}</text>
          }
        }
        <line
          class="axis"
          [attr.x1]="left"
          [attr.x2]="width - right"
          [attr.y1]="chart().height - 24"
          [attr.y2]="chart().height - 24"
        />
      </svg>
      <p class="note" chartNotes>{{ 'comparison.boxes.how' | t }}</p>
    </sopu-comparison-chart-frame>
  `,
  styleUrl: './comparison-chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ComparisonBoxes {
  private readonly i18n = inject(I18n);
  readonly result = input.required<ComparisonResult>();
  readonly criterion = input.required<ComparisonCriterion>();
  readonly type = input<ProducerType | ''>('');
  readonly text = input.required<ComparisonText>();
  readonly sheet = input.required<Sheet>();

  protected readonly width = WIDTH;
  protected readonly left = LEFT;
  protected readonly right = RIGHT;
  protected readonly top = TOP;
  protected readonly noValue = computed(() => this.i18n.t('comparison.noValue'));

  private readonly groups = computed(() => {
    const criterion = this.criterion();
    const cells = new Map(criterion.groups.map((c) => [c.key, c]));
    const byType = this.result().groupBy === 'producerType' && !this.type();
    const rows: { key: string; label: string; colour: string; figures: ComparisonFigures }[] = [];
    visibleGroups(this.result(), this.type()).forEach((group, i) => {
      const figures = cells.get(group.key);
      if (figures)
        rows.push({
          key: group.key,
          label: this.text().group(group),
          colour: seriesStyle(group, i, byType).colour,
          figures,
        });
    });
    if (!this.type())
      rows.push({ key: '', label: this.text().group(null), colour: '#3d3d3d', figures: criterion.total });
    return rows;
  });

  protected readonly chart = computed(() => {
    const rows = this.groups();
    const locale = this.i18n.locale();
    const scale = linearScale(
      rows.flatMap((r) => [r.figures.min, r.figures.max]),
      [LEFT, WIDTH - RIGHT],
    );
    return {
      height: TOP + rows.length * ROW + 34,
      ticks: scale.ticks.map((value) => ({ value, x: scale(value), label: formatTick(value, locale) })),
      rows: rows.map((row, i) => ({
        key: row.key,
        label: shorten(row.label),
        colour: row.colour,
        y: TOP + i * ROW + ROW / 2,
        box: boxGeometry(row.figures, scale),
      })),
    };
  });

  protected readonly summary = computed(() => {
    const format = valueFormat(this.criterion(), this.text());
    const locale = this.i18n.locale();
    const known = this.groups().filter((g) => g.figures.median !== null);
    if (!known.length) return this.i18n.t('comparison.summary.empty', { title: this.sheet().title });
    const show = (n: number | null) => formatCell(numberCell(n, format.decimals, format.unit), locale);
    return this.i18n.t('comparison.summary.boxes', {
      criterion: this.text().criterion(this.criterion()),
      medians: known
        .map((g) => `${g.label} ${show(g.figures.median)} (${show(g.figures.q1)}–${show(g.figures.q3)})`)
        .join('; '),
    });
  });
}
