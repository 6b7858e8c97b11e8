import {
  ApiFieldError,
  Band,
  FIELD_MESSAGES,
  FieldProblem,
  Language,
  Localized,
  MeasureType,
  ReportFormItem,
  ReportValueInput,
  ReportValueView,
  ValueCheck,
  ValueField,
  ValueIssue,
  fieldMessage,
  validateValue,
} from '@sopu/shared';

/** The entry fields a measure type is reported with, in the order the form shows them. */
export function inputsOf(type: MeasureType): ValueField[] {
  switch (type) {
    case 'PERCENTAGE':
    case 'RATE':
      return ['numerator', 'denominator'];
    case 'SCALE':
      return ['value', 'respondents'];
    case 'BOOLEAN':
      return ['flag'];
    case 'TEXT':
      return ['text'];
    default:
      return ['value'];
  }
}

const ENTRY_KEYS = [
  'value',
  'numerator',
  'denominator',
  'respondents',
  'flag',
  'text',
  'notApplicable',
  'notApplicableReason',
  'comment',
] as const satisfies readonly (keyof ReportValueInput)[];

/** What the user entered for one criterion, without what the server derived from it. */
export function entryOf(view: Partial<ReportValueView> | undefined): ReportValueInput {
  const entry: ReportValueInput = {};
  if (!view) return entry;
  for (const key of ENTRY_KEYS) {
    const value = view[key];
    if (value !== undefined && value !== null) (entry as Record<string, unknown>)[key] = value;
  }
  return entry;
}

/** The saved draft of a report as the form edits it, by criterion code. */
export function draftOf(
  items: readonly ReportFormItem[],
  values: readonly ReportValueView[],
): Record<string, ReportValueInput> {
  const byCode = new Map(values.map((value) => [value.criterionCode, value]));
  return Object.fromEntries(
    items.map(({ criterion }) => [criterion.code, entryOf(byCode.get(criterion.code))]),
  );
}

/** The shared rules of a value, exactly as the server will run them. */
export function checkEntry(item: ReportFormItem, entry: ReportValueInput): ValueCheck {
  return validateValue(item.criterion, item.item, entry);
}

/** Messages by entry field, in the user's language: "must be a number", "may have at most 2 decimals". */
export type FieldMessages = Partial<Record<ValueField, string>>;

export function issueMessages(issues: readonly ValueIssue[], lang: Language): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of issues) messages[issue.field] ??= fieldMessage(issue.problem, lang, issue.params);
  return messages;
}

const PLACEHOLDER = /\{\w+\}/;

/**
 * The server's refusals of a submission (`values.CLIENT_SATISFACTION.value`), by criterion code and entry field.
 * The shared text is used where it needs no values the answer leaves out; otherwise the server's own message,
 * already in the requested language, without its field path.
 */
export function serverMessages(
  fields: readonly ApiFieldError[],
  lang: Language,
): Record<string, FieldMessages> {
  const result: Record<string, FieldMessages> = {};
  for (const { field, problem, message } of fields) {
    const match = /^values\.([^.]+)\.(\w+)$/.exec(field);
    if (!match) continue;
    const [, code, entryField] = match;
    const known = Object.hasOwn(FIELD_MESSAGES, problem);
    const shared = known ? fieldMessage(problem as FieldProblem, lang) : '';
    const text = shared && !PLACEHOLDER.test(shared) ? shared : message.replace(/^[^:]*:\s*/, '');
    (result[code] ??= {})[entryField as ValueField] = text;
  }
  return result;
}

/** A number in the user's locale with at most `decimals` decimals. */
export function formatNumber(value: number, locale: string, decimals = 2): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: decimals }).format(value);
}

/** A traffic-light band in words a reader knows: "≥ 4.2", "≤ 2", "0.6–0.8". */
export function bandText(band: Band | null, locale: string): string {
  if (!band) return '';
  const n = (value: number) => formatNumber(value, locale, 6);
  if (band.min !== null && band.max !== null) return `${n(band.min)}–${n(band.max)}`;
  if (band.min !== null) return `≥ ${n(band.min)}`;
  if (band.max !== null) return `≤ ${n(band.max)}`;
  return '';
}

/** The text in the user's language, or the Finnish one where that is empty. */
export function localized(text: Localized | null | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] || text.fi || text.en || text.sv;
}

/** Words for a yes/no value and for "not applicable", supplied by the page in the user's language. */
export interface ValueWords {
  yes: string;
  no: string;
  notApplicable: string;
  respondents: string;
}

/**
 * One value as a reader compares it: "12 / 480 = 2.5 %", "4.5 (30 respondents)", "Yes". Empty for nothing
 * entered. Used in the revision comparison, so that two revisions read alike.
 */
export function valueText(
  item: ReportFormItem,
  entry: ReportValueInput | undefined,
  measured: number | null | undefined,
  words: ValueWords,
  format: { locale: string; lang: Language },
): string {
  if (!entry) return '';
  if (entry.notApplicable) return `${words.notApplicable}: ${entry.notApplicableReason ?? ''}`.trim();
  const { criterion } = item;
  const result = (value: number | null | undefined) =>
    value === null || value === undefined ? '' : formatNumber(value, format.locale, criterion.decimals);
  switch (criterion.measureType) {
    case 'PERCENTAGE':
    case 'RATE': {
      if (!entry.numerator && !entry.denominator) return '';
      const ratio = `${entry.numerator ?? ''} / ${entry.denominator ?? ''}`;
      const computed = result(measured);
      const unit = localized(criterion.unit, format.lang);
      return computed ? `${ratio} = ${computed} ${unit}`.trim() : ratio;
    }
    case 'SCALE':
      if (!entry.value && !entry.respondents) return '';
      return `${entry.value ?? ''} (${words.respondents}: ${entry.respondents ?? ''})`;
    case 'BOOLEAN':
      return entry.flag === true ? words.yes : entry.flag === false ? words.no : '';
    case 'TEXT':
      return entry.text ?? '';
    default:
      return entry.value ?? '';
  }
}

/** One row of two revisions side by side. */
export interface RevisionDiffRow {
  code: string;
  item: ReportFormItem;
  left: string;
  right: string;
  changed: boolean;
}

/**
 * Two revisions' values side by side, one row per criterion of the form (and any the terms no longer have are
 * left out); a row is changed when the values or their comments read differently.
 */
export function revisionDiff(
  items: readonly ReportFormItem[],
  left: readonly ReportValueView[],
  right: readonly ReportValueView[],
  text: (item: ReportFormItem, value: ReportValueView | undefined) => string,
): RevisionDiffRow[] {
  const leftBy = new Map(left.map((value) => [value.criterionCode, value]));
  const rightBy = new Map(right.map((value) => [value.criterionCode, value]));
  return items.map((item) => {
    const code = item.criterion.code;
    const a = leftBy.get(code);
    const b = rightBy.get(code);
    const leftText = text(item, a);
    const rightText = text(item, b);
    const changed = leftText !== rightText || (a?.comment ?? '') !== (b?.comment ?? '');
    return { code, item, left: leftText, right: rightText, changed };
  });
}
