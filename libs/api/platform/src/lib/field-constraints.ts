import { ValidateIf, ValidationOptions, registerDecorator } from 'class-validator';
import { isValidBusinessId, MONTH_PATTERN, TEXT_MAX_LENGTH } from '@sopu/shared';

/**
 * A class-validator constraint under its own name: the error mapper turns the name into a field
 * problem (`CONSTRAINT_PROBLEMS`), so the client gets a message that says what is wrong.
 */
function constraint(name: string, validate: (value: unknown) => boolean) {
  return (options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: String(propertyName),
        options,
        validator: { validate },
      });
}

/** Whether the text is a calendar date that exists, written `YYYY-MM-DD` (2025-02-30 is not). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    year >= 1900 &&
    year <= 2199 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
  );
}

/** A month written `YYYY-MM` (problem `month`). */
export const IsMonth = constraint('month', (value) => typeof value === 'string' && MONTH_PATTERN.test(value));

/** A real calendar date `YYYY-MM-DD` (problem `isoDate`). */
export const IsIsoDate = constraint('isoDate', isIsoDate);

/** A Finnish business ID with the right check digit (problem `businessId`). */
export const IsBusinessId = constraint(
  'businessId',
  (value) => typeof value === 'string' && isValidBusinessId(value),
);

/** A Finnish postal code: five digits (problem `postalCode`). */
export const IsPostalCode = constraint(
  'postalCode',
  (value) => typeof value === 'string' && /^\d{5}$/.test(value),
);

/** An object of texts by key, each at most TEXT_MAX_LENGTH characters (problem `invalid`). */
export const IsTextRecord = constraint(
  'textRecord',
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((text) => typeof text === 'string' && text.length <= TEXT_MAX_LENGTH),
);

/**
 * The field may be left out, but null is refused. `@IsOptional()` lets null through as well, and a
 * null for a NOT NULL column then failed in the database (500) instead of answering 400.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** The largest magnitude of a bound, target or threshold: far beyond any measure, far below 1e308. */
export const MEASURE_MAX = 1_000_000_000_000;

/**
 * A finite number within ±MEASURE_MAX with at most 6 decimals (problem `measure`). class-validator's
 * IsNumber({ maxDecimalPlaces }) throws on a value written with an exponent (5e-324), a 500.
 */
export const IsMeasure = constraint(
  'measure',
  (value) =>
    typeof value === 'number' &&
    Number.isFinite(value) &&
    Math.abs(value) <= MEASURE_MAX &&
    Number(value.toFixed(6)) === value,
);
