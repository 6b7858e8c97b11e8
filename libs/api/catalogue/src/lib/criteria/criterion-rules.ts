import { Criterion, CriterionRule, Localized } from '@sopu/shared';
import { FieldIssue } from '@sopu/api/platform';
import { missingTextFields } from '../localized-text';

/** What a criterion is, as far as its rules go: the stored shape, texts included. */
export type CriterionShape = CriterionRule &
  Pick<
    Criterion,
    'unit' | 'name' | 'definition' | 'interpretation' | 'numeratorDefinition' | 'denominatorDefinition'
  >;

/** Reported as numerator and denominator: both need a definition before terms can use them. */
export function isPooled(criterion: Pick<CriterionRule, 'measureType'>): boolean {
  return criterion.measureType === 'PERCENTAGE' || criterion.measureType === 'RATE';
}

/** The fields a published terms version relies on: frozen once such terms use the criterion. */
export const FROZEN_WHEN_USED = [
  'code',
  'measureType',
  'direction',
  'minValue',
  'maxValue',
  'decimals',
  'scaleMin',
  'scaleMax',
  'rateMultiplier',
] as const;

/** Whether the measure type, direction, bounds and scale of a criterion fit together. */
export function criterionRuleIssues(c: CriterionShape): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (c.minValue !== null && c.maxValue !== null && c.minValue > c.maxValue)
    issues.push({ field: 'minValue', problem: 'max', params: { max: c.maxValue } });
  if (c.measureType === 'PERCENTAGE') {
    if (c.minValue !== null && c.minValue < 0)
      issues.push({ field: 'minValue', problem: 'min', params: { min: 0 } });
    if (c.maxValue !== null && c.maxValue > 100)
      issues.push({ field: 'maxValue', problem: 'max', params: { max: 100 } });
  }
  if (c.measureType === 'RATE') {
    if (c.rateMultiplier === null) issues.push({ field: 'rateMultiplier', problem: 'isNotEmpty' });
    else if (c.rateMultiplier <= 0)
      issues.push({ field: 'rateMultiplier', problem: 'min', params: { min: 1 } });
  } else if (c.rateMultiplier !== null) {
    issues.push({ field: 'rateMultiplier', problem: 'notAllowed' });
  }
  if (c.measureType === 'SCALE') {
    if (c.scaleMin === null) issues.push({ field: 'scaleMin', problem: 'isNotEmpty' });
    if (c.scaleMax === null) issues.push({ field: 'scaleMax', problem: 'isNotEmpty' });
    if (c.scaleMin !== null && c.scaleMax !== null && c.scaleMin >= c.scaleMax)
      issues.push({ field: 'scaleMin', problem: 'mustBeLess', params: { other: 'scaleMax' } });
  } else {
    if (c.scaleMin !== null) issues.push({ field: 'scaleMin', problem: 'notAllowed' });
    if (c.scaleMax !== null) issues.push({ field: 'scaleMax', problem: 'notAllowed' });
  }
  if (!isPooled(c)) {
    if (c.numeratorDefinition !== null) issues.push({ field: 'numeratorDefinition', problem: 'notAllowed' });
    if (c.denominatorDefinition !== null)
      issues.push({ field: 'denominatorDefinition', problem: 'notAllowed' });
  }
  // A free text or yes/no answer has no better end to compare along, except yes/no may prefer yes.
  if (c.measureType === 'TEXT' && c.direction !== 'NONE')
    issues.push({ field: 'direction', problem: 'noDirectionForText' });
  if (c.decimals < 0 || c.decimals > 6)
    issues.push({ field: 'decimals', problem: 'max', params: { max: 6 } });
  return issues;
}

/** Every text a published terms version needs of the criterion, as fields under `prefix`. */
export function missingCriterionTexts(c: CriterionShape, prefix = ''): string[] {
  const texts: [string, Localized | null][] = [
    ['name', c.name],
    ['definition', c.definition],
    ['interpretation', c.interpretation],
  ];
  // A yes/no or free-text answer may have no unit at all; a unit given in one language needs all.
  if (missingTextFields('unit', c.unit).length < 3) texts.push(['unit', c.unit]);
  if (isPooled(c))
    texts.push(
      ['numeratorDefinition', c.numeratorDefinition],
      ['denominatorDefinition', c.denominatorDefinition],
    );
  return texts.flatMap(([field, text]) => missingTextFields(`${prefix}${field}`, text));
}
