import { Language, Localized } from '@sopu/shared';

/**
 * Euros from the API's exact decimal text ("52.40") in the UI locale ("52,40 €"). Intl formats a
 * numeric string exactly (ES2023); our `lib` typing is ES2022, hence the cast.
 */
export function formatEuros(text: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(
    text as unknown as number,
  );
}

/** A decimal amount ("12000.00") in the UI locale, without insignificant decimals. */
export function formatDecimal(text: string, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(text as unknown as number);
}

/**
 * What a person types as money or volume ("1 234,5") as the API's decimal text ("1234.5"), or null when
 * it is not a number with at most two decimals. The value stays text all the way: no cent is lost.
 */
export function decimalText(input: string, integerDigits = 10): string | null {
  const text = input.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  const pattern = new RegExp(`^\\d{1,${integerDigits}}(\\.\\d{1,2})?$`);
  return pattern.test(text) ? text : null;
}

/** The text in the UI language, or the Finnish one where that is empty. */
export function localized(text: Localized | null | undefined, lang: Language): string {
  if (!text) return '';
  return text[lang] || text.fi || text.en || text.sv;
}

/** Today in the browser's calendar, as the API writes dates. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
