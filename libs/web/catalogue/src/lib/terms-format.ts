import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  ApiFieldError,
  Band,
  Criterion,
  FIELD_MESSAGES,
  FieldProblem,
  LANGUAGES,
  Localized,
  ReportingFrequency,
  ServiceDescription,
  TermsItem,
  TermsStatus,
  fieldMessage,
} from '@sopu/shared';
import { I18n, TranslationKey } from '@sopu/web/i18n';
import { FieldIssue } from './field-issues';

/** The item fields a person recognises, by the name the API and the comparison use. */
const ITEM_FIELD_LABELS: Record<string, TranslationKey> = {
  criterionId: 'terms.col.criterion',
  required: 'terms.col.required',
  target: 'terms.col.target',
  green: 'terms.subject.green',
  amber: 'terms.subject.amber',
  frequency: 'terms.col.frequency',
  evidenceRequired: 'terms.col.evidence',
  note: 'terms.col.note',
};

const ITEM_FIELD = /^items\[(\d+)\]\.(\w+)$/;
const LANGUAGE_SUFFIX = /\.(fi|sv|en)$/;

/** How monitoring terms read on screen, in the UI language: numbers, bands, dates and refused fields. */
@Injectable({ providedIn: 'root' })
export class TermsFormat {
  private readonly i18n = inject(I18n);

  number(value: number | null | undefined): string {
    if (value === null || value === undefined) return this.i18n.t('terms.none');
    return new Intl.NumberFormat(this.i18n.locale(), { maximumFractionDigits: 10 }).format(value);
  }

  /** "≥ 90" for a band open upwards, "≤ 14" downwards, "90–110" closed. */
  band(band: Band | null | undefined): string {
    if (!band || (band.min === null && band.max === null)) return this.i18n.t('terms.none');
    if (band.max === null) return `≥ ${this.number(band.min)}`;
    if (band.min === null) return `≤ ${this.number(band.max)}`;
    return `${this.number(band.min)}–${this.number(band.max)}`;
  }

  /** A calendar date (YYYY-MM-DD) or the date part of a timestamp, in the local short form. */
  date(value: string | null | undefined): string {
    return value ? this.i18n.date(value) : this.i18n.t('catalogue.notSet');
  }

  yesNo(value: boolean): string {
    return this.i18n.t(value ? 'catalogue.yes' : 'catalogue.no');
  }

  status(status: TermsStatus): string {
    return this.i18n.t(`catalogue.status.${status}`);
  }

  frequency(frequency: ReportingFrequency): string {
    return this.i18n.t(`terms.frequency.${frequency}`);
  }

  /** A text in the UI language, or in another language when that one is still empty. */
  text(value: Localized | null | undefined): string {
    if (!value) return '';
    const lang = this.i18n.lang();
    return value[lang] || LANGUAGES.map((other) => value[other]).find(Boolean) || '';
  }

  /** The name of each service code: of its published description, else of its latest version. */
  serviceNames(descriptions: readonly ServiceDescription[]): Map<string, string> {
    const chosen = new Map<string, ServiceDescription>();
    for (const description of descriptions) {
      const current = chosen.get(description.code);
      const better =
        !current ||
        (description.status === 'PUBLISHED' && current.status !== 'PUBLISHED') ||
        (description.status === current.status && description.version > current.version);
      if (better) chosen.set(description.code, description);
    }
    return new Map([...chosen].map(([code, description]) => [code, this.text(description.name)]));
  }

  criterionName(criterion: Criterion | undefined): string {
    return criterion ? this.text(criterion.name) : '';
  }

  /** A value of a compared field, as the detail page shows it. */
  fieldValue(field: string, value: unknown): string {
    if (value === null || value === undefined) return this.i18n.t('terms.none');
    switch (field) {
      case 'required':
      case 'evidenceRequired':
        return this.yesNo(Boolean(value));
      case 'green':
      case 'amber':
        return this.band(value as Band);
      case 'target':
        return this.number(value as number);
      case 'frequency':
        return this.frequency(value as ReportingFrequency);
      case 'note':
        return this.text(value as Localized) || this.i18n.t('terms.none');
      default:
        return String(value);
    }
  }

  fieldName(field: string): string {
    const key = ITEM_FIELD_LABELS[field];
    return key ? this.i18n.t(key) : field;
  }

  /**
   * Every refused field of an API error, each with a name a person recognises. Unlike `I18n.fieldErrors`, which
   * keeps one message per field, this keeps them all: an item's band can be refused for several reasons at once.
   */
  issues(error: unknown, items: readonly Pick<TermsItem, 'criterionCode'>[]): FieldIssue[] {
    if (!(error instanceof HttpErrorResponse)) return [];
    const body: unknown = error.error;
    const fields =
      typeof body === 'object' && body !== null ? ((body as { fields?: ApiFieldError[] }).fields ?? []) : [];
    return fields.map((issue) => ({
      field: issue.field,
      label: this.issueLabel(issue.field, items),
      message: this.issueMessage(issue),
    }));
  }

  private issueMessage(issue: ApiFieldError): string {
    if (Object.hasOwn(FIELD_MESSAGES, issue.problem)) {
      const text = fieldMessage(issue.problem as FieldProblem, this.i18n.lang());
      if (!/\{\w+\}/.test(text)) return text;
    }
    return issue.message || this.i18n.t('validation.required');
  }

  private issueLabel(field: string, items: readonly Pick<TermsItem, 'criterionCode'>[]): string {
    const item = ITEM_FIELD.exec(field);
    if (item) {
      const code = items[Number(item[1])]?.criterionCode ?? `#${Number(item[1]) + 1}`;
      return this.i18n.t('terms.field.item', { code, field: this.fieldName(item[2]) });
    }
    if (field === 'validFrom') return this.i18n.t('terms.validFrom');
    if (field === 'items') return this.i18n.t('terms.itemsTitle');
    if (field === 'serviceCode') return this.i18n.t('terms.field.service');
    if (field.startsWith('serviceDescription.'))
      return this.i18n.t('terms.field.serviceDescription', {
        path: this.textPath(field.slice('serviceDescription.'.length)),
      });
    if (field.startsWith('criteria.')) {
      const [, code, ...rest] = field.split('.');
      return this.i18n.t('terms.field.criterion', { code, path: this.textPath(rest.join('.')) });
    }
    return field;
  }

  /** "name.sv" reads as "name (Svenska)". */
  private textPath(path: string): string {
    const language = LANGUAGE_SUFFIX.exec(path);
    if (!language) return path;
    const name = this.i18n.languageName(language[1] as (typeof LANGUAGES)[number]);
    return `${path.slice(0, -3)} (${name})`;
  }
}

/** Where the terms pages live; the catalogue routes are mounted at /catalogue. */
export const TERMS_PATH = '/catalogue/terms';
