import { ComparisonCriterion, ComparisonGroup, ComparisonGrouping, Language } from '@sopu/shared';
import { localized } from '@sopu/web/contracts';
import { I18n } from '@sopu/web/i18n';
import { ComparisonText, PERCENT } from './comparison-tables';

/** A period start ("2025-03-01") as a month and year in the UI language ("Mar 2025"). */
export function periodLabel(periodStart: string, locale: string): string {
  const date = new Date(`${periodStart.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return periodStart;
  return new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** A group's name: producer types and languages in words, a producer by its name, a district as it is. */
export function groupName(i18n: I18n, grouping: ComparisonGrouping, group: ComparisonGroup | null): string {
  if (!group) return i18n.t('comparison.allProducers');
  if (group.label) return group.label;
  if (group.key === 'NONE') return i18n.t('comparison.group.none');
  if (group.key === 'MULTIPLE') return i18n.t('comparison.group.multiple');
  if (grouping === 'producerType' && group.producerType) return i18n.producerType(group.producerType);
  if (grouping === 'language')
    return group.key
      .split('+')
      .map((lang) => (['fi', 'sv', 'en'].includes(lang) ? i18n.languageName(lang as Language) : lang))
      .join(' + ');
  return group.key;
}

/** The words of the comparison's tables and charts in the UI language. */
export function comparisonText(i18n: I18n, grouping: ComparisonGrouping): ComparisonText {
  const lang = i18n.lang();
  const locale = i18n.locale();
  return {
    column: (key) => i18n.t(`comparison.col.${key}`),
    group: (group) => groupName(i18n, grouping, group),
    producerType: (type) => i18n.producerType(type),
    criterion: (criterion) => localized(criterion.name, lang) || criterion.code,
    unit: (criterion: ComparisonCriterion) =>
      criterion.measureType === 'PERCENTAGE' ? PERCENT : localized(criterion.unit, lang),
    period: (periodStart) => periodLabel(periodStart, locale),
    position: (position) => i18n.t(`comparison.funnel.position.${position}`),
    view: (view) => i18n.t(`comparison.view.${view}`),
  };
}
