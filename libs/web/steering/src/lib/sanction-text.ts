import { SanctionSuggestion } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';

/**
 * The sanction suggestion in the reader's language, built from its criterion and periods (the server's `reason`
 * is English only). It says plainly that this is a suggestion: a sanction is decided under the contract.
 */
export function sanctionText(
  suggestion: SanctionSuggestion,
  i18n: I18n,
  criterionName: (code: string) => string,
): string {
  const periods = suggestion.periods.map((p) => i18n.date(p));
  const list = new Intl.ListFormat(i18n.locale(), { style: 'long', type: 'conjunction' }).format(periods);
  return i18n.t('actions.sanction.text', {
    criterion: criterionName(suggestion.criterionCode),
    count: suggestion.periods.length,
    periods: list,
  });
}
