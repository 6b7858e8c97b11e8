import { criterionRuleIssues, CriterionShape, missingCriterionTexts } from './criterion-rules';

const text = { fi: 'a', sv: 'b', en: 'c' };
const base: CriterionShape = {
  code: 'X',
  measureType: 'PERCENTAGE',
  direction: 'HIGHER_IS_BETTER',
  minValue: 0,
  maxValue: 100,
  decimals: 1,
  scaleMin: null,
  scaleMax: null,
  rateMultiplier: null,
  allowNotApplicable: false,
  unit: text,
  name: text,
  definition: text,
  interpretation: text,
  numeratorDefinition: text,
  denominatorDefinition: text,
};

describe('criterion rules', () => {
  it('accept a well-formed percentage', () => {
    expect(criterionRuleIssues(base)).toEqual([]);
  });

  it('ask a rate for its multiplier and a scale for a low end below its high end', () => {
    expect(criterionRuleIssues({ ...base, measureType: 'RATE', maxValue: null }).map((i) => i.field)).toEqual(
      ['rateMultiplier'],
    );
    const scale = {
      ...base,
      measureType: 'SCALE' as const,
      scaleMin: 5,
      scaleMax: 1,
      numeratorDefinition: null,
      denominatorDefinition: null,
    };
    expect(criterionRuleIssues(scale).map((i) => [i.field, i.problem])).toEqual([['scaleMin', 'mustBeLess']]);
  });

  it('name the missing texts a publication needs, numerator and denominator only for pooled measures', () => {
    expect(
      missingCriterionTexts({ ...base, name: { ...text, sv: ' ' }, numeratorDefinition: null }, 'c.'),
    ).toEqual([
      'c.name.sv',
      'c.numeratorDefinition.fi',
      'c.numeratorDefinition.sv',
      'c.numeratorDefinition.en',
    ]);
    const yesNo = {
      ...base,
      measureType: 'BOOLEAN' as const,
      unit: { fi: '', sv: '', en: '' },
      numeratorDefinition: null,
      denominatorDefinition: null,
    };
    expect(missingCriterionTexts(yesNo)).toEqual([]);
  });
});
