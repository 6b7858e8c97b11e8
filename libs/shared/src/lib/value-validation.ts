import { Band, CriterionRule, Direction, TermsItemRule, TrafficLight } from './catalogue';

/**
 * The one implementation of a reported value's rules: run in the browser for instant feedback and
 * on the server for the truth. Pure TypeScript, no framework.
 */

/** One entered value. Numbers arrive as text, as typed ("12,5" and "12.5" are both accepted). */
export interface ValueEntry {
  /** COUNT, RATIO, DURATION_DAYS, CURRENCY_EUR, and SCALE (the mean score). */
  value?: string | null;
  /** PERCENTAGE and RATE are reported as numerator and denominator, never as a bare percentage. */
  numerator?: string | null;
  denominator?: string | null;
  /** SCALE: how many answered. */
  respondents?: string | null;
  /** BOOLEAN. */
  flag?: boolean | null;
  /** TEXT. */
  text?: string | null;
  notApplicable?: boolean | null;
  notApplicableReason?: string | null;
}

export type ValueField = Exclude<keyof ValueEntry, 'notApplicable'> | 'notApplicable';

export const VALUE_PROBLEMS = [
  'required',
  'notNumber',
  'tooManyDecimals',
  'notWhole',
  'negative',
  'belowMin',
  'aboveMax',
  'numeratorAboveDenominator',
  'denominatorZero',
  'outOfScale',
  'notApplicableNotAllowed',
  'reasonRequired',
  'tooLong',
] as const;
export type ValueProblem = (typeof VALUE_PROBLEMS)[number];

export interface ValueIssue {
  field: ValueField;
  problem: ValueProblem;
  params?: Record<string, number>;
}

export interface ValueCheck {
  valid: boolean;
  issues: ValueIssue[];
  /** Nothing entered (and not marked not applicable). */
  empty: boolean;
  /** The value compared with thresholds: a percentage, a rate per multiplier, the value, 1/0 for yes/no. */
  measured: number | null;
  light: TrafficLight | null;
}

export const TEXT_MAX_LENGTH = 4000;

const DECIMAL = /^-?\d{1,15}(?:\.(\d{1,10}))?$/;

interface ParsedNumber {
  value: number;
  decimals: number;
}

/** Parses typed decimal text; null for anything that is not a plain decimal number. */
export function parseDecimal(text: string): ParsedNumber | null {
  const normalised = text.trim().replace(/\s/g, '').replace(',', '.');
  const match = DECIMAL.exec(normalised);
  if (!match) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? { value, decimals: match[1]?.length ?? 0 } : null;
}

function isBlank(text: string | null | undefined): boolean {
  return text === null || text === undefined || text.trim() === '';
}

function inBand(value: number, band: Band | null): boolean {
  if (!band) return false;
  return (band.min === null || value >= band.min) && (band.max === null || value <= band.max);
}

/** GREEN inside the green band, AMBER inside the amber band, RED outside both; none without bands. */
export function trafficLight(
  item: Pick<TermsItemRule, 'green' | 'amber'> | null,
  measured: number | null,
): TrafficLight | null {
  if (!item || measured === null || (!item.green && !item.amber)) return null;
  if (inBand(measured, item.green)) return 'GREEN';
  if (inBand(measured, item.amber)) return 'AMBER';
  return 'RED';
}

export function validateValue(
  criterion: CriterionRule,
  item: TermsItemRule | null,
  entry: ValueEntry,
): ValueCheck {
  const issues: ValueIssue[] = [];
  const required = item?.required ?? false;

  if (entry.notApplicable) {
    if (!criterion.allowNotApplicable)
      issues.push({ field: 'notApplicable', problem: 'notApplicableNotAllowed' });
    if (isBlank(entry.notApplicableReason))
      issues.push({ field: 'notApplicableReason', problem: 'reasonRequired' });
    else if ((entry.notApplicableReason ?? '').length > TEXT_MAX_LENGTH)
      issues.push({ field: 'notApplicableReason', problem: 'tooLong', params: { max: TEXT_MAX_LENGTH } });
    return { valid: issues.length === 0, issues, empty: false, measured: null, light: null };
  }

  /** A number field: parsed, or an issue recorded. `whole` counts must be whole and not negative. */
  const number = (
    field: ValueField,
    text: string | null | undefined,
    options: { whole?: boolean; decimals?: number },
  ) => {
    if (isBlank(text)) {
      issues.push({ field, problem: 'required' });
      return null;
    }
    const parsed = parseDecimal(text as string);
    if (!parsed) {
      issues.push({ field, problem: 'notNumber' });
      return null;
    }
    if (options.whole && parsed.decimals > 0) {
      issues.push({ field, problem: 'notWhole' });
      return null;
    }
    if (options.whole && parsed.value < 0) {
      issues.push({ field, problem: 'negative' });
      return null;
    }
    if (options.decimals !== undefined && parsed.decimals > options.decimals) {
      issues.push({ field, problem: 'tooManyDecimals', params: { max: options.decimals } });
      return null;
    }
    return parsed.value;
  };

  const bounds = (field: ValueField, value: number, min: number | null, max: number | null) => {
    if (min !== null && value < min) issues.push({ field, problem: 'belowMin', params: { min } });
    if (max !== null && value > max) issues.push({ field, problem: 'aboveMax', params: { max } });
  };

  let empty = false;
  let measured: number | null = null;
  switch (criterion.measureType) {
    case 'PERCENTAGE':
    case 'RATE': {
      empty = isBlank(entry.numerator) && isBlank(entry.denominator);
      if (empty) break;
      const numerator = number('numerator', entry.numerator, { whole: true });
      const denominator = number('denominator', entry.denominator, { whole: true });
      if (numerator === null || denominator === null) break;
      if (denominator === 0) {
        issues.push({ field: 'denominator', problem: 'denominatorZero' });
        break;
      }
      if (criterion.measureType === 'PERCENTAGE' && numerator > denominator) {
        issues.push({ field: 'numerator', problem: 'numeratorAboveDenominator' });
        break;
      }
      measured =
        criterion.measureType === 'PERCENTAGE'
          ? (numerator / denominator) * 100
          : (numerator / denominator) * (criterion.rateMultiplier ?? 1);
      bounds('numerator', measured, criterion.minValue, criterion.maxValue);
      break;
    }
    case 'COUNT': {
      empty = isBlank(entry.value);
      if (empty) break;
      measured = number('value', entry.value, { whole: true });
      if (measured !== null) bounds('value', measured, criterion.minValue, criterion.maxValue);
      break;
    }
    case 'RATIO':
    case 'DURATION_DAYS':
    case 'CURRENCY_EUR': {
      empty = isBlank(entry.value);
      if (empty) break;
      const decimals =
        criterion.measureType === 'CURRENCY_EUR' ? Math.min(criterion.decimals, 2) : criterion.decimals;
      measured = number('value', entry.value, { decimals });
      if (measured === null) break;
      const min = criterion.minValue ?? (criterion.measureType === 'RATIO' ? null : 0);
      bounds('value', measured, min, criterion.maxValue);
      break;
    }
    case 'SCALE': {
      empty = isBlank(entry.value) && isBlank(entry.respondents);
      if (empty) break;
      measured = number('value', entry.value, { decimals: criterion.decimals });
      const respondents = number('respondents', entry.respondents, { whole: true });
      if (respondents !== null && respondents < 1)
        issues.push({ field: 'respondents', problem: 'belowMin', params: { min: 1 } });
      if (measured !== null) {
        const low = criterion.scaleMin ?? Number.NEGATIVE_INFINITY;
        const high = criterion.scaleMax ?? Number.POSITIVE_INFINITY;
        if (measured < low || measured > high) {
          issues.push({ field: 'value', problem: 'outOfScale', params: { min: low, max: high } });
          measured = null;
        }
      }
      break;
    }
    case 'BOOLEAN': {
      empty = entry.flag === null || entry.flag === undefined;
      if (!empty) measured = entry.flag ? 1 : 0;
      break;
    }
    case 'TEXT': {
      empty = isBlank(entry.text);
      if (!empty && (entry.text ?? '').length > TEXT_MAX_LENGTH)
        issues.push({ field: 'text', problem: 'tooLong', params: { max: TEXT_MAX_LENGTH } });
      break;
    }
  }
  if (empty && required) {
    const field: ValueField =
      criterion.measureType === 'PERCENTAGE' || criterion.measureType === 'RATE'
        ? 'numerator'
        : criterion.measureType === 'BOOLEAN'
          ? 'flag'
          : criterion.measureType === 'TEXT'
            ? 'text'
            : 'value';
    issues.push({ field, problem: 'required' });
  }
  const valid = issues.length === 0;
  return {
    valid,
    issues,
    empty,
    measured: valid ? measured : null,
    light: valid && criterion.direction !== 'NONE' ? trafficLight(item, measured) : null,
  };
}

export const TERMS_ITEM_PROBLEMS = [
  'bandsForNone',
  'bandsMissing',
  'bandOpenWrongWay',
  'bandInverted',
  'greenOutsideAmber',
  'targetOutsideBounds',
  'targetNotGreen',
] as const;
export type TermsItemProblem = (typeof TERMS_ITEM_PROBLEMS)[number];

/**
 * Whether an item's thresholds fit the criterion's direction and bounds. HIGHER_IS_BETTER bands
 * are open upwards, LOWER_IS_BETTER downwards, TARGET_RANGE bands closed; green lies inside amber.
 */
export function termsItemProblems(
  criterion: Pick<CriterionRule, 'direction' | 'minValue' | 'maxValue'>,
  item: Pick<TermsItemRule, 'green' | 'amber' | 'target'>,
): TermsItemProblem[] {
  const problems: TermsItemProblem[] = [];
  const direction: Direction = criterion.direction;
  const bands = [item.green, item.amber].filter((b): b is Band => b !== null);
  if (direction === 'NONE') {
    if (bands.length > 0) problems.push('bandsForNone');
  } else if (!item.green || !item.amber) {
    problems.push('bandsMissing');
  } else {
    for (const band of bands) {
      const open =
        direction === 'HIGHER_IS_BETTER'
          ? band.min === null || band.max !== null
          : direction === 'LOWER_IS_BETTER'
            ? band.max === null || band.min !== null
            : band.min === null || band.max === null;
      if (open) problems.push('bandOpenWrongWay');
      if (band.min !== null && band.max !== null && band.min > band.max) problems.push('bandInverted');
    }
    const { green, amber } = item;
    const lowOk = amber.min === null || (green.min !== null && green.min >= amber.min);
    const highOk = amber.max === null || (green.max !== null && green.max <= amber.max);
    if (!lowOk || !highOk) problems.push('greenOutsideAmber');
  }
  if (item.target !== null) {
    if (
      (criterion.minValue !== null && item.target < criterion.minValue) ||
      (criterion.maxValue !== null && item.target > criterion.maxValue)
    )
      problems.push('targetOutsideBounds');
    if (item.green && !inBand(item.target, item.green)) problems.push('targetNotGreen');
  }
  return [...new Set(problems)];
}
