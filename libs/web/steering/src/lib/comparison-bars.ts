import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { ComparisonCriterion, ComparisonResult, ProducerType } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { formatTick, linearScale } from './chart-scale';
import { ComparisonChartFrame } from './comparison-chart-frame';
import { Sheet, formatCell, numberCell } from './comparison-sheet';
import { ComparisonText, seriesStyle, valueFormat, visibleGroups } from './comparison-tables';

const WIDTH = 720;
const LEFT = 210;
const RIGHT = 90;
const TOP = 28;
const ROW = 30;

/** Label text longer than this is shortened in the drawing; the table beside it has the whole name. */
export function shorten(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The chosen criterion's value per group as horizontal bars, each labelled with its group and value. */
@Component({
  selector: 'sopu-comparison-bars',
  imports: [ComparisonChartFrame],
  template: `
    <sopu-comparison-chart-frame [heading]="sheet().title" [summary]="summary()" [sheet]="sheet()">
      <svg [attr.viewBox]="'0 0 ' + width + ' ' + chart().height" aria-hidden="true" focusable="false">
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
        @for (tick of chart().ticks; track tick.value) {
          <line
            class="grid"
            [attr.x1]="tick.x"
            [attr.x2]="tick.x"
            [attr.y1]="top - 6"
            [attr.y2]="chart().height - 24"
          />
          <text class="tick" [attr.x]="tick.x" [attr.y]="chart().height - 8" text-anchor="middle">
            {{ tick.label }}
          </text>
        }
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
        <line
          class="axis"
          [attr.x1]="chart().zero"
          [attr.x2]="chart().zero"
          [attr.y1]="top - 6"
          [attr.y2]="chart().height - 24"
        />
        @if (chart().target; as target) {
          <line
            class="target"
            [attr.x1]="target.x"
            [attr.x2]="target.x"
            [attr.y1]="top - 10"
            [attr.y2]="chart().height - 24"
          />
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
export class ComparisonBars {
  private readonly i18n = inject(I18n);
  readonly result = input.required<ComparisonResult>();
  readonly criterion = input.required<ComparisonCriterion>();
  readonly type = input<ProducerType | ''>('');
  readonly text = input.required<ComparisonText>();
  readonly sheet = input.required<Sheet>();

  protected readonly width = WIDTH;
  protected readonly left = LEFT;
  protected readonly top = TOP;

  private readonly items = computed(() => {
    const criterion = this.criterion();
    const text = this.text();
    const cells = new Map(criterion.groups.map((c) => [c.key, c]));
    const byType = this.result().groupBy === 'producerType' && !this.type();
    const items = visibleGroups(this.result(), this.type())
      .filter((g) => cells.has(g.key))
      .map((group, i) => ({
        key: group.key,
        label: text.group(group),
        value: cells.get(group.key)?.value ?? null,
        colour: seriesStyle(group, i, byType).colour,
        total: false,
      }));
    if (!this.type())
      items.push({ key: '', label: text.group(null), value: criterion.total.value, colour: '', total: true });
    return items;
  });

  protected readonly chart = computed(() => {
    const criterion = this.criterion();
    const format = valueFormat(criterion, this.text());
    const locale = this.i18n.locale();
    const items = this.items();
    const scale = linearScale([...items.map((i) => i.value), criterion.target], [LEFT, WIDTH - RIGHT], {
      includeZero: true,
    });
    const zero = scale(Math.max(0, scale.domain[0]));
    const show = (n: number | null) => formatCell(numberCell(n, format.decimals, format.unit), locale);
    return {
      height: TOP + items.length * ROW + 30,
      zero,
      ticks: scale.ticks.map((value) => ({ value, x: scale(value), label: formatTick(value, locale) })),
      bars: items.map((item, i) => {
        const end = item.value === null ? zero : scale(item.value);
        return {
          ...item,
          label: shorten(item.label),
          y: TOP + i * ROW,
          x: Math.min(zero, end),
          end: Math.max(zero, end),
          width: item.value === null ? null : Math.max(1, Math.abs(end - zero)),
          value: item.value === null ? this.i18n.t('comparison.noValue') : show(item.value),
        };
      }),
      target:
        criterion.target === null
          ? null
          : {
              x: scale(criterion.target),
              label: this.i18n.t('comparison.target', { value: show(criterion.target) }),
            },
    };
  });

  protected readonly summary = computed(() => {
    const format = valueFormat(this.criterion(), this.text());
    const locale = this.i18n.locale();
    const known = this.items().filter((i) => !i.total && i.value !== null);
    if (!known.length) return this.i18n.t('comparison.summary.empty', { title: this.sheet().title });
    const high = known.reduce((a, b) => ((b.value ?? 0) > (a.value ?? 0) ? b : a));
    const low = known.reduce((a, b) => ((b.value ?? 0) < (a.value ?? 0) ? b : a));
    const show = (n: number | null) => formatCell(numberCell(n, format.decimals, format.unit), locale);
    return this.i18n.t('comparison.summary.bars', {
      criterion: this.text().criterion(this.criterion()),
      high: `${high.label} ${show(high.value)}`,
      low: `${low.label} ${show(low.value)}`,
      total: show(this.criterion().total.value),
    });
  });
}
