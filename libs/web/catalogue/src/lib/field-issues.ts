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
export function fieldMessages(i18n: I18n, error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(i18n.fieldErrors(error))) result[field] = sentence(message);
  return result;
}

/** The messages of one localized text (`name.sv` → `{ sv: … }`); a message on the whole text goes to each. */
export function languageMessages(
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
