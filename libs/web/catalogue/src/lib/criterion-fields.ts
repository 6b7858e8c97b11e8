import { MeasureType } from '@sopu/shared';

/** The texts of a criterion, in the order a reader meets them. */
export const CRITERION_TEXT_FIELDS = [
  'name',
  'unit',
  'definition',
  'interpretation',
  'numeratorDefinition',
  'denominatorDefinition',
] as const;
export type CriterionTextField = (typeof CRITERION_TEXT_FIELDS)[number];

/** Percentages and rates are reported as a numerator and a denominator, so they define both. */
export const usesFraction = (type: MeasureType | '' | null) => type === 'PERCENTAGE' || type === 'RATE';
export const usesScale = (type: MeasureType | '' | null) => type === 'SCALE';
export const usesRateMultiplier = (type: MeasureType | '' | null) => type === 'RATE';

/** The texts a criterion of this measure type has, each with its label; only the name and unit are single lines. */
export function criterionTexts(type: MeasureType | '' | null) {
  return CRITERION_TEXT_FIELDS.filter(
    (field) => usesFraction(type) || (field !== 'numeratorDefinition' && field !== 'denominatorDefinition'),
  ).map((field) => ({
    field,
    key: `criteria.field.${field}` as const,
    multiline: field !== 'name' && field !== 'unit',
  }));
}
