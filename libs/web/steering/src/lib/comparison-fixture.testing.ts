import { ComparisonCell, ComparisonCriterion, ComparisonGroup, ComparisonResult } from '@sopu/shared';
import { ComparisonText, PERCENT } from './comparison-tables';

const figures = (value: number | null, extra: Partial<ComparisonCell> = {}): ComparisonCell => ({
  key: '',
  values: 12,
  numerator: 0,
  denominator: 0,
  respondents: 0,
  green: 8,
  amber: 3,
  red: 1,
  notApplicable: 0,
  producers: 3,
  value,
  min: value === null ? null : value - 10,
  q1: value === null ? null : value - 4,
  median: value,
  q3: value === null ? null : value + 4,
  max: value === null ? null : value + 10,
  meetingTarget: 66.66666,
  series: [],
  ...extra,
});

const group = (
  key: ComparisonGroup['producerType'] & string,
  extra: Partial<ComparisonGroup> = {},
): ComparisonGroup => ({
  key,
  label: null,
  producerType: key,
  expected: 36,
  submitted: 30,
  accepted: 28,
  coverage: 83.33333,
  unitPrice: 41.255,
  estimatedVolume: 1000,
  ...extra,
});

const percentage: ComparisonCriterion = {
  code: 'MISSED_VISITS_SHARE',
  name: { fi: 'Peruuntuneet käynnit', sv: 'Inställda besök', en: 'Missed visits' },
  unit: { fi: '%', sv: '%', en: '%' },
  measureType: 'PERCENTAGE',
  direction: 'LOWER_IS_BETTER',
  decimals: 1,
  rateMultiplier: null,
  target: 5,
  groups: [
    figures(4.25, {
      key: 'SELF_PRODUCED',
      numerator: 17,
      denominator: 400,
      series: [
        {
          periodStart: '2025-01-01',
          producers: 3,
          values: 3,
          value: 4.04,
          median: 4,
          numerator: 8,
          denominator: 198,
        },
        {
          periodStart: '2025-02-01',
          producers: 3,
          values: 3,
          value: 4.455,
          median: 4.4,
          numerator: 9,
          denominator: 202,
        },
      ],
    }),
    figures(7.5, {
      key: 'PURCHASED_SERVICE',
      numerator: 30,
      denominator: 400,
      series: [
        {
          periodStart: '2025-02-01',
          producers: 2,
          values: 2,
          value: 7.5,
          median: 7.5,
          numerator: 30,
          denominator: 400,
        },
      ],
    }),
    figures(null, { key: 'VOUCHER_SERVICE', producers: 0, values: 0 }),
  ],
  total: { ...figures(5.875), numerator: 47, denominator: 800, producers: 6 },
};

const days: ComparisonCriterion = {
  code: 'WAIT_DAYS',
  name: { fi: 'Odotusaika', sv: 'Väntetid', en: 'Waiting time' },
  unit: { fi: 'päivää', sv: 'dagar', en: 'days' },
  measureType: 'DURATION_DAYS',
  direction: 'LOWER_IS_BETTER',
  decimals: 0,
  rateMultiplier: null,
  target: null,
  groups: [
    figures(1234.5, { key: 'SELF_PRODUCED', meetingTarget: null }),
    figures(-2.5, { key: 'PURCHASED_SERVICE' }),
  ],
  total: figures(12),
};

export const RESULT: ComparisonResult = {
  service: {
    code: 'HOME_CARE',
    name: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' },
    outputUnit: 'VISIT',
  },
  from: '2025-01',
  to: '2025-02',
  groupBy: 'producerType',
  status: 'accepted',
  periods: ['2025-01-01', '2025-02-01'],
  groups: [
    group('SELF_PRODUCED'),
    group('PURCHASED_SERVICE', {
      coverage: 100,
      unitPrice: 50,
      estimatedVolume: 3000,
      expected: 24,
      submitted: 24,
    }),
    group('VOUCHER_SERVICE', {
      coverage: null,
      unitPrice: null,
      estimatedVolume: 0,
      expected: 0,
      submitted: 0,
    }),
  ],
  criteria: [percentage, days],
};

/** English words without the dictionaries: enough to tell the tables' columns and groups apart. */
export const TEXT: ComparisonText = {
  column: (key) => key,
  group: (g) => (g ? (g.label ?? g.key) : 'All'),
  producerType: (type) => type,
  criterion: (c) => c.name.en,
  unit: (c) => (c.measureType === 'PERCENTAGE' ? PERCENT : c.unit.en),
  period: (p) => p.slice(0, 7),
  position: (p) => p,
  view: (v) => v,
};
