import { TextFieldModule } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, inject, input, model, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import {
  ReportFormItem,
  ReportValueInput,
  TEXT_MAX_LENGTH,
  TrafficLight,
  ValueCheck,
  ValueField,
} from '@sopu/shared';
import { I18n, TranslatePipe, TranslationKey } from '@sopu/web/i18n';
import { FieldMessages, bandText, formatNumber, inputsOf, localized } from './report-values';

/** The text input of a numeric entry field: how a screen reader and a phone keyboard should treat it. */
const NUMBER_FIELDS: Partial<Record<ValueField, { label: TranslationKey; mode: 'numeric' | 'decimal' }>> = {
  numerator: { label: 'reports.field.numerator', mode: 'numeric' },
  denominator: { label: 'reports.field.denominator', mode: 'numeric' },
  respondents: { label: 'reports.field.respondents', mode: 'numeric' },
};

export const LIGHT_ICONS: Record<TrafficLight, string> = {
  GREEN: 'check_circle',
  AMBER: 'warning',
  RED: 'error',
};

/**
 * One criterion of a report: its definition and interpretation, the target and green band, the input its
 * measure type needs, "not applicable" with a reason where allowed, a comment, the live traffic light in words,
 * and the reviewer's comment. A fieldset whose legend is the criterion's name labels every input in it.
 */
@Component({
  selector: 'sopu-report-value-field',
  imports: [
    FormsModule,
    TextFieldModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatRadioModule,
    TranslatePipe,
  ],
  templateUrl: './report-value-field.html',
  styleUrl: './report-value-field.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportValueField {
  protected readonly i18n = inject(I18n);

  readonly item = input.required<ReportFormItem>();
  readonly entry = input.required<ReportValueInput>();
  readonly check = input.required<ValueCheck>();
  /** What to say on each entry field now: the page decides when (touched, tried to submit, server refused). */
  readonly messages = input<FieldMessages>({});
  readonly readonly = input(false);
  /** The reviewer's comment on this value when the report was returned. */
  readonly reviewComment = input<string | null>(null);
  /** The reviewer is writing a comment on this value. */
  readonly reviewing = input(false);
  readonly reviewerComment = model('');

  readonly edited = output<Partial<ReportValueInput>>();
  readonly touched = output<void>();

  protected readonly textMax = TEXT_MAX_LENGTH;
  protected readonly criterion = computed(() => this.item().criterion);
  protected readonly terms = computed(() => this.item().item);
  protected readonly base = computed(() => `value-${this.criterion().code}`);
  protected readonly inputs = computed(() => inputsOf(this.criterion().measureType));
  protected readonly notApplicable = computed(() => this.entry().notApplicable === true);

  protected readonly name = computed(() => localized(this.criterion().name, this.i18n.lang()));
  protected readonly definition = computed(() => localized(this.criterion().definition, this.i18n.lang()));
  protected readonly interpretation = computed(() =>
    localized(this.criterion().interpretation, this.i18n.lang()),
  );
  protected readonly unit = computed(() => localized(this.criterion().unit, this.i18n.lang()));
  protected readonly note = computed(() => localized(this.terms().note, this.i18n.lang()));

  /** "Target 4.5 asteikko 1–5 · green ≥ 4.2 · amber ≥ 3.8", as far as the terms give them. */
  protected readonly targetText = computed(() => {
    const terms = this.terms();
    const locale = this.i18n.locale();
    const parts: string[] = [];
    if (terms.target !== null)
      parts.push(
        this.i18n.t('reports.target', { target: formatNumber(terms.target, locale, 6), unit: this.unit() }),
      );
    if (terms.green) parts.push(this.i18n.t('reports.greenBand', { band: bandText(terms.green, locale) }));
    if (terms.amber) parts.push(this.i18n.t('reports.amberBand', { band: bandText(terms.amber, locale) }));
    return parts.join(' · ').replace(/\s+/g, ' ');
  });

  /** The result the shared rules computed, in words: "Result 2.5 %" / "per 1000 care days". */
  protected readonly resultText = computed(() => {
    const measured = this.check().measured;
    const type = this.criterion().measureType;
    if (measured === null || type === 'BOOLEAN' || type === 'TEXT') return '';
    const value = formatNumber(measured, this.i18n.locale(), Math.max(this.criterion().decimals, 1));
    return this.i18n.t('reports.result', { value, unit: this.unit() }).trim();
  });

  protected readonly light = computed(() => this.check().light);

  protected readonly matchers = computed(() => {
    const messages = this.messages();
    const matcher = (field: ValueField): ErrorStateMatcher => ({ isErrorState: () => !!messages[field] });
    return {
      value: matcher('value'),
      numerator: matcher('numerator'),
      denominator: matcher('denominator'),
      respondents: matcher('respondents'),
      text: matcher('text'),
      notApplicableReason: matcher('notApplicableReason'),
    } as Record<ValueField, ErrorStateMatcher>;
  });

  protected numberField(field: ValueField) {
    return NUMBER_FIELDS[field];
  }

  /** The label of the single value field of COUNT, RATIO, DURATION_DAYS, CURRENCY_EUR and SCALE. */
  protected valueLabel(): TranslationKey {
    switch (this.criterion().measureType) {
      case 'COUNT':
        return 'reports.field.count';
      case 'SCALE':
        return 'reports.field.scaleValue';
      default:
        return 'reports.field.value';
    }
  }

  protected valueMode(): 'numeric' | 'decimal' {
    return this.criterion().measureType === 'COUNT' ? 'numeric' : 'decimal';
  }

  /** The hint below an entry field: the numerator's and denominator's definitions, the scale. */
  protected hint(field: ValueField): string {
    const c = this.criterion();
    const lang = this.i18n.lang();
    if (field === 'numerator') return localized(c.numeratorDefinition, lang);
    if (field === 'denominator') return localized(c.denominatorDefinition, lang);
    if (field === 'value' && c.measureType === 'SCALE')
      return this.i18n.t('reports.scaleHint', { min: c.scaleMin ?? '', max: c.scaleMax ?? '' });
    if (field === 'value' && c.measureType === 'COUNT') return this.i18n.t('reports.wholeNumberHint');
    return '';
  }

  protected entryText(field: ValueField): string {
    const value = this.entry()[field as keyof ReportValueInput];
    return typeof value === 'string' ? value : '';
  }

  protected lightKey(light: TrafficLight): TranslationKey {
    return `reports.light.${light}`;
  }

  protected lightIcon(light: TrafficLight): string {
    return LIGHT_ICONS[light];
  }

  protected change(field: keyof ReportValueInput, value: string | boolean | null): void {
    this.edited.emit({ [field]: value });
  }
}
