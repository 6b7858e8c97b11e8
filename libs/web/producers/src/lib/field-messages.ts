import { I18n } from '@sopu/web/i18n';

/** The API's field messages ("is required") as sentences to show on a field ("Is required."). */
export function fieldMessages(i18n: I18n, error: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [field, message] of Object.entries(i18n.fieldErrors(error))) result[field] = sentence(message);
  return result;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
