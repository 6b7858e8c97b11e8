import { ValidationOptions, registerDecorator } from 'class-validator';

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

/** A real calendar date `YYYY-MM-DD` (constraint name `isoDate`). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: { validate: isIsoDate },
    });
}
