import { Directive, computed, inject, input } from '@angular/core';
import { ComparisonCriterion, ComparisonResult, PRODUCER_TYPES, ProducerType } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { LegendEntry } from './comparison-chart-frame';
import { Sheet, formatCell, numberCell } from './comparison-sheet';
import { ComparisonText, SERIES_STYLES, SeriesStyle, groupCells, valueFormat } from './comparison-tables';

/** Label text longer than this is shortened in the drawing; the table beside it has the whole name. */
export function shorten(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A producer's style: its type's, or the last style for a producer with no type. */
export function typeStyle(type: ProducerType | null): SeriesStyle {
  return SERIES_STYLES[type ? PRODUCER_TYPES.indexOf(type) : 5];
}

/** The legend of the producer types among the points, in the types' order. */
export function typeLegend(
  points: readonly { type: ProducerType | null }[],
  text: ComparisonText,
): LegendEntry[] {
  return PRODUCER_TYPES.filter((type) => points.some((p) => p.type === type)).map((type) => ({
    label: text.producerType(type),
    style: typeStyle(type),
  }));
}

/** What every chart of one criterion takes: the criterion, the words, the sheet of its table alternative. */
@Directive()
export abstract class ComparisonChart {
  protected readonly i18n = inject(I18n);
  readonly criterion = input.required<ComparisonCriterion>();
  readonly text = input.required<ComparisonText>();
  readonly sheet = input.required<Sheet>();

  protected readonly format = computed(() => valueFormat(this.criterion(), this.text()));
  protected readonly criterionName = computed(() => this.text().criterion(this.criterion()));
  /** The value axis' title: the criterion with its unit. */
  protected readonly valueTitle = computed(() => {
    const unit = this.format().unit;
    return unit ? `${this.criterionName()} (${unit})` : this.criterionName();
  });

  /** A value as the table shows it, in the UI's language. */
  protected show(n: number | null): string {
    const { decimals, unit } = this.format();
    return formatCell(numberCell(n, decimals, unit), this.i18n.locale());
  }

  /** The summary of a chart with nothing to draw. */
  protected emptySummary(): string {
    return this.i18n.t('comparison.summary.empty', { title: this.sheet().title });
  }
}

/** A chart of the groups of a result (in a drill-down, the producers of one type). */
@Directive()
export abstract class GroupChart extends ComparisonChart {
  readonly result = input.required<ComparisonResult>();
  readonly type = input<ProducerType | ''>('');

  /** Whether the groups are the producer types themselves, which keep their own styles. */
  protected readonly byType = computed(() => this.result().groupBy === 'producerType' && !this.type());
  /** The groups shown that have figures for the criterion, with those figures. */
  protected readonly groupCells = computed(() => groupCells(this.result(), this.criterion(), this.type()));
}
