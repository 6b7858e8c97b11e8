import fc from 'fast-check';
import { CriterionRule, MEASURE_TYPES, MeasureType, TermsItemRule, TrafficLight } from './catalogue';
import { parseDecimal, termsItemProblems, validateValue } from './value-validation';

function criterion(measureType: MeasureType, overrides: Partial<CriterionRule> = {}): CriterionRule {
  return {
    code: 'T',
    measureType,
    direction: 'HIGHER_IS_BETTER',
    minValue: null,
    maxValue: null,
    decimals: 2,
    scaleMin: measureType === 'SCALE' ? 1 : null,
    scaleMax: measureType === 'SCALE' ? 5 : null,
    rateMultiplier: measureType === 'RATE' ? 1000 : null,
    allowNotApplicable: false,
    ...overrides,
  };
}

const item = (overrides: Partial<TermsItemRule> = {}): TermsItemRule => ({
  required: true,
  target: 90,
  green: { min: 90, max: null },
  amber: { min: 80, max: null },
  evidenceRequired: false,
  ...overrides,
});

const RANK: Record<TrafficLight, number> = { RED: 0, AMBER: 1, GREEN: 2 };

describe('validateValue', () => {
  it('computes a percentage from numerator and denominator and gives it a light', () => {
    const check = validateValue(criterion('PERCENTAGE'), item(), { numerator: '85', denominator: '100' });
    expect(check).toMatchObject({ valid: true, measured: 85, light: 'AMBER' });
  });

  it('never lets a percentage numerator exceed its denominator', () => {
    fc.assert(
      fc.property(fc.nat(1e6), fc.nat(1e6), (a, b) => {
        const [numerator, denominator] = [a, b].map(String);
        const check = validateValue(criterion('PERCENTAGE'), item(), { numerator, denominator });
        if (b === 0) return check.issues.some((i) => i.problem === 'denominatorZero');
        if (a > b) return !check.valid && check.issues.some((i) => i.problem === 'numeratorAboveDenominator');
        return check.valid && check.measured !== null && check.measured >= 0 && check.measured <= 100;
      }),
    );
  });

  it('computes rates per the multiplier', () => {
    const check = validateValue(criterion('RATE', { direction: 'LOWER_IS_BETTER' }), null, {
      numerator: '3',
      denominator: '1500',
    });
    expect(check.measured).toBeCloseTo(2);
  });

  it('accepts only whole, non-negative counts', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.nat(99), (whole, fraction) => {
        const asWhole = validateValue(criterion('COUNT'), null, { value: String(whole) });
        const asFraction = validateValue(criterion('COUNT'), null, { value: `${whole}.${fraction + 1}` });
        return asWhole.valid === whole >= 0 && !asFraction.valid;
      }),
    );
  });

  it('refuses more decimals than the criterion allows, accepts a decimal comma', () => {
    expect(validateValue(criterion('DURATION_DAYS', { decimals: 1 }), null, { value: '3,5' }).valid).toBe(
      true,
    );
    expect(
      validateValue(criterion('DURATION_DAYS', { decimals: 1 }), null, { value: '3.55' }).issues,
    ).toEqual([{ field: 'value', problem: 'tooManyDecimals', params: { max: 1 } }]);
    expect(validateValue(criterion('CURRENCY_EUR', { decimals: 4 }), null, { value: '10.123' }).valid).toBe(
      false,
    );
  });

  it('keeps scale values within the scale and needs respondents', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20, max: 20 }),
        fc.integer({ min: 0, max: 500 }),
        (score, respondents) => {
          const check = validateValue(criterion('SCALE'), null, {
            value: String(score),
            respondents: String(respondents),
          });
          return check.valid === (score >= 1 && score <= 5 && respondents >= 1);
        },
      ),
    );
  });

  it('needs a required value and a reason for "not applicable" where allowed', () => {
    expect(validateValue(criterion('BOOLEAN'), item(), {}).issues).toEqual([
      { field: 'flag', problem: 'required' },
    ]);
    expect(validateValue(criterion('COUNT'), item({ required: false }), {}).valid).toBe(true);
    expect(
      validateValue(criterion('COUNT'), item(), { notApplicable: true }).issues.map((i) => i.problem),
    ).toEqual(['notApplicableNotAllowed', 'reasonRequired']);
    expect(
      validateValue(criterion('COUNT', { allowNotApplicable: true }), item(), {
        notApplicable: true,
        notApplicableReason: 'No clients',
      }).valid,
    ).toBe(true);
  });

  it('never throws, and says valid exactly when it lists no issue, whatever is typed', () => {
    const text = fc.option(
      fc.oneof(fc.string(), fc.constantFrom('1e5', 'NaN', 'Infinity', '-0', ' 12 ', '1,2,3', '٣', '\u0000')),
      { nil: undefined },
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...MEASURE_TYPES),
        fc.record({
          value: text,
          numerator: text,
          denominator: text,
          respondents: text,
          text,
          notApplicableReason: text,
        }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.boolean(),
        (type, fields, flag, notApplicable) => {
          const check = validateValue(criterion(type, { allowNotApplicable: true }), item(), {
            ...fields,
            flag,
            notApplicable,
          });
          return check.valid === (check.issues.length === 0) && (check.light === null || check.valid);
        },
      ),
    );
  });

  it('never gives a better light to a worse value (higher is better)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.nat(100),
        fc.nat(100),
        (a, b, x, y) => {
          const [amberMin, greenMin] = [Math.min(a, b), Math.max(a, b)];
          const rule = item({
            target: null,
            green: { min: greenMin, max: null },
            amber: { min: amberMin, max: null },
          });
          const [low, high] = [Math.min(x, y), Math.max(x, y)];
          const lightOf = (n: number) =>
            validateValue(criterion('PERCENTAGE'), rule, { numerator: String(n), denominator: '100' }).light;
          return RANK[lightOf(low) as TrafficLight] <= RANK[lightOf(high) as TrafficLight];
        },
      ),
    );
  });
});

describe('parseDecimal', () => {
  it('reads back every number it is given as plain text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.nat(9999), (whole, fraction) => {
        const text = `${whole}.${String(fraction).padStart(4, '0')}`;
        const parsed = parseDecimal(text);
        return parsed !== null && parsed.decimals === 4 && Math.abs(parsed.value - Number(text)) < 1e-6;
      }),
    );
    expect(parseDecimal('1e5')).toBeNull();
    expect(parseDecimal('')).toBeNull();
  });
});

describe('termsItemProblems', () => {
  it('accepts bands that follow the direction, and refuses green outside amber', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (a, b) => {
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        const higher = { direction: 'HIGHER_IS_BETTER' as const, minValue: 0, maxValue: 100 };
        const good = termsItemProblems(higher, {
          target: high,
          green: { min: high, max: null },
          amber: { min: low, max: null },
        });
        const swapped = termsItemProblems(higher, {
          target: null,
          green: { min: low, max: null },
          amber: { min: high, max: null },
        });
        return good.length === 0 && (low === high || swapped.includes('greenOutsideAmber'));
      }),
    );
  });

  it('names bands open the wrong way and targets outside the bounds', () => {
    const lower = { direction: 'LOWER_IS_BETTER' as const, minValue: 0, maxValue: 100 };
    expect(
      termsItemProblems(lower, { target: 120, green: { min: 10, max: null }, amber: { min: null, max: 20 } }),
    ).toEqual(expect.arrayContaining(['bandOpenWrongWay', 'targetOutsideBounds']));
    expect(
      termsItemProblems(
        { direction: 'NONE', minValue: null, maxValue: null },
        { target: null, green: null, amber: null },
      ),
    ).toEqual([]);
  });
});
