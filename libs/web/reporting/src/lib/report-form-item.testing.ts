import { Criterion, ReportFormItem, TermsItem } from '@sopu/shared';

/** A form item for tests: by default a required percentage, lower is better, green ≤ 2, amber ≤ 5. */
const text = (fi: string, en = fi, sv = fi) => ({ fi, en, sv });

export function formItem(criterion: Partial<Criterion>, item: Partial<TermsItem> = {}): ReportFormItem {
  const code = criterion.code ?? 'MISSED_VISITS_SHARE';
  return {
    criterion: {
      id: `c-${code}`,
      code,
      measureType: 'PERCENTAGE',
      direction: 'LOWER_IS_BETTER',
      unit: text('%'),
      name: text('Peruuntuneet käynnit', 'Missed visits'),
      definition: text('Määritelmä', 'Definition'),
      interpretation: text('Tulkinta', 'Interpretation'),
      numeratorDefinition: text('Peruuntuneet', 'Missed visits'),
      denominatorDefinition: text('Kaikki', 'All planned visits'),
      minValue: 0,
      maxValue: 100,
      decimals: 1,
      scaleMin: null,
      scaleMax: null,
      rateMultiplier: null,
      allowNotApplicable: false,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
      ...criterion,
    },
    item: {
      id: `i-${code}`,
      criterionId: `c-${code}`,
      criterionCode: code,
      required: true,
      target: 1,
      green: { min: null, max: 2 },
      amber: { min: null, max: 5 },
      evidenceRequired: false,
      frequency: 'MONTHLY',
      note: null,
      position: 1,
      ...item,
    },
  };
}
