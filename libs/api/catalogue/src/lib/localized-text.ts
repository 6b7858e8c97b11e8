import { LANGUAGES, Language, Localized } from '@sopu/shared';

export function isBlankText(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

/** The languages in which any of the texts is empty. */
export function missingLanguages(texts: (Localized | null)[]): Language[] {
  return LANGUAGES.filter((lang) => texts.some((text) => text !== null && isBlankText(text[lang])));
}

/** `prefix.sv` for every empty language of the text (`name.sv`, `criteria.X.name.sv`). */
export function missingTextFields(prefix: string, text: Localized | null): string[] {
  if (text === null) return LANGUAGES.map((lang) => `${prefix}.${lang}`);
  return LANGUAGES.filter((lang) => isBlankText(text[lang])).map((lang) => `${prefix}.${lang}`);
}
