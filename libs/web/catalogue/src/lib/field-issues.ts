import { signal } from '@angular/core';
import { FormGroup } from '@angular/forms';
import { LANGUAGES, Language, isLanguage } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';

/** One field the API refused, ready to be listed: a readable name and why. */
export interface FieldIssue {
  field: string;
  label: string;
  message: string;
}

/** The names of the three languages, for column headings ("Finnish", "Swedish", "English"). */
export const LANGUAGE_COLUMNS = LANGUAGES.map((lang) => ({
  lang,
  key: `catalogue.language.${lang}` as const,
}));

/** "Name – Swedish", in the UI language: the label of one language of a text. */
export function localizedLabel(i18n: I18n, label: string, lang: Language): string {
  return i18n.t('catalogue.localized.label', { label, language: i18n.t(`catalogue.language.${lang}`) });
}

/** The API's field messages ("is required") as sentences to show on a field ("Is required."). */
function fieldMessages(i18n: I18n, error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(i18n.fieldErrors(error))) result[field] = sentence(message);
  return result;
}

/** The messages of one localized text (`name.sv` → `{ sv: … }`); a message on the whole text goes to each. */
function languageMessages(
  messages: Record<string, string>,
  field: string,
): Partial<Record<Language, string>> {
  const result: Partial<Record<Language, string>> = {};
  for (const lang of LANGUAGES) {
    const message = messages[`${field}.${lang}`] ?? messages[field];
    if (message) result[lang] = message;
  }
  return result;
}

/**
 * What the API said about a saved form: a message on each field it names (`code`, `name.sv`), and one sentence
 * for the form as a whole. A refused code (CODE_TAKEN) is said on the code field alone.
 */
export class ServerErrors {
  /** Messages by field path. */
  readonly fields = signal<Record<string, string>>({});
  readonly general = signal<string | null>(null);

  constructor(
    private readonly i18n: I18n,
    private readonly form: FormGroup,
  ) {}

  reset(): void {
    this.fields.set({});
    this.general.set(null);
  }

  show(error: unknown): void {
    const messages = fieldMessages(this.i18n, error);
    const codeTaken = this.i18n.errorCode(error) === 'CODE_TAKEN';
    if (codeTaken) messages['code'] = this.i18n.errorText(error);
    this.fields.set(messages);
    for (const [name, control] of Object.entries(this.form.controls)) {
      if (!messages[name]) continue;
      control.setErrors({ ...control.errors, server: true });
      control.markAsTouched();
    }
    if (!codeTaken) this.general.set(this.i18n.errorText(error));
  }

  /** Forgets what the API said about a field the user has since changed (`name` also forgets `name.sv`). */
  forget(name: string): void {
    const errors = Object.entries(this.fields());
    const kept = errors.filter(([key]) => key !== name && !key.startsWith(`${name}.`));
    if (kept.length === errors.length) return;
    this.fields.set(Object.fromEntries(kept));
    this.form.get(name)?.updateValueAndValidity();
  }

  /** The messages of each localized text, by language, for `sopu-localized-fields`. */
  texts<F extends string>(fields: readonly F[]): Record<F, Partial<Record<Language, string>>> {
    const messages = this.fields();
    return Object.fromEntries(fields.map((field) => [field, languageMessages(messages, field)])) as Record<
      F,
      Partial<Record<Language, string>>
    >;
  }
}

/**
 * Every refused field of an API answer, for a list above the form or beside the publish button.
 * `labelOf` names a field by its path ("name" or "name.sv" → "Name", "Name – Swedish").
 */
export function fieldIssues(
  i18n: I18n,
  error: unknown,
  labelOf: (field: string) => string | null,
): FieldIssue[] {
  return Object.entries(i18n.fieldErrors(error)).map(([field, message]) => ({
    field,
    label: textFieldLabel(i18n, field, labelOf) ?? field,
    message,
  }));
}

function textFieldLabel(i18n: I18n, field: string, labelOf: (field: string) => string | null): string | null {
  const dot = field.lastIndexOf('.');
  const lang = field.slice(dot + 1);
  if (dot > 0 && isLanguage(lang)) {
    const label = labelOf(field.slice(0, dot));
    return label ? localizedLabel(i18n, label, lang) : null;
  }
  return labelOf(field);
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
