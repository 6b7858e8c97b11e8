/**
 * Finnish working days for response clocks and due dates ("due in N working days").
 *
 * A working day is Monday–Friday that is neither a public holiday nor a de facto day off (Midsummer Eve,
 * Christmas Eve), as classified in shared/data/fi-holidays (see fi-holidays.generated.ts). Dates are ISO
 * `YYYY-MM-DD` calendar dates without time or time zone. The holiday data covers whole years only, so every
 * function throws a RangeError for a date outside WORKING_DAYS_COVERED (or a result that would fall outside
 * it) instead of guessing; regenerate the data with tools/generate-fi-holidays.mjs to extend it.
 */
import { FI_DAYS_OFF, FI_HOLIDAY_YEARS } from './fi-holidays.generated';

export const WORKING_DAYS_COVERED: { readonly from: string; readonly to: string } = Object.freeze({
  from: `${FI_HOLIDAY_YEARS.from}-01-01`,
  to: `${FI_HOLIDAY_YEARS.to}-12-31`,
});

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a valid ISO calendar date; a RangeError for anything else. */
function dayNumber(date: string): number {
  const match = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date) : null;
  const ms = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  // Date.UTC rolls 2026-02-30 over to March; comparing back refuses such dates.
  if (Number.isNaN(ms) || isoDate(ms / MS_PER_DAY) !== date) {
    throw new RangeError(`Not an ISO calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  }
  return ms / MS_PER_DAY;
}

function isoDate(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

interface Calendar {
  first: number;
  last: number;
  /** workingUpTo[i]: working days from the first covered day up to and including first + i. */
  workingUpTo: number[];
  /** Day numbers of all covered working days, ascending. */
  workingDays: number[];
}

let calendar: Calendar | undefined;

// Built on first use, not at import, so that a bundle importing @sopu/shared without these functions pays nothing.
function getCalendar(): Calendar {
  if (calendar) return calendar;
  const first = dayNumber(WORKING_DAYS_COVERED.from);
  const last = dayNumber(WORKING_DAYS_COVERED.to);
  const daysOff = new Set(FI_DAYS_OFF.map(dayNumber));
  const workingUpTo: number[] = [];
  const workingDays: number[] = [];
  for (let day = first; day <= last; day++) {
    const weekday = new Date(day * MS_PER_DAY).getUTCDay(); // 0 = Sunday, 6 = Saturday
    if (weekday !== 0 && weekday !== 6 && !daysOff.has(day)) workingDays.push(day);
    workingUpTo.push(workingDays.length);
  }
  calendar = { first, last, workingUpTo, workingDays };
  return calendar;
}

/** The date's index in the calendar; a RangeError if it is malformed or outside the covered years. */
function indexOf(date: string): number {
  const day = dayNumber(date);
  const { first, last } = getCalendar();
  if (day < first || day > last) {
    throw new RangeError(
      `${date} is outside the Finnish holiday data (${WORKING_DAYS_COVERED.from} – ${WORKING_DAYS_COVERED.to})`,
    );
  }
  return day - first;
}

/** True for Monday–Friday that is not a Finnish public holiday, Midsummer Eve or Christmas Eve. */
export function isWorkingDay(date: string): boolean {
  const index = indexOf(date);
  const { workingUpTo } = getCalendar();
  return workingUpTo[index] !== (index === 0 ? 0 : workingUpTo[index - 1]);
}

/**
 * The date `days` working days after `date`: the start date itself never counts, working day or not.
 * From a Friday, 1 gives the next Monday and 2 the Tuesday (if neither is a holiday); from a Saturday, 1 gives
 * Monday. For `days` ≥ 1 the result is always a working day.
 *
 * `days` = 0 returns `date` itself, unchanged, even on a weekend or holiday: zero working days after a date is
 * that date. This keeps `workingDaysBetween(date, addWorkingDays(date, n)) === n` for every date and n; rolling
 * a Saturday forward to Monday for 0 would give the same Monday as for 1. A caller that wants a due date on a
 * working day should ask for at least 1 day.
 *
 * `days` must be a non-negative integer. RangeError if `date` or the result is outside WORKING_DAYS_COVERED.
 */
export function addWorkingDays(date: string, days: number): string {
  const index = indexOf(date);
  if (!Number.isSafeInteger(days) || days < 0) {
    throw new RangeError(`Working days to add must be a whole number ≥ 0, got ${days}`);
  }
  if (days === 0) return date;
  const { workingUpTo, workingDays } = getCalendar();
  // workingDays[workingUpTo[index]] is the first working day after the date.
  const result = workingDays[workingUpTo[index] + days - 1];
  if (result === undefined) {
    throw new RangeError(
      `${days} working days after ${date} falls beyond the Finnish holiday data (until ${WORKING_DAYS_COVERED.to})`,
    );
  }
  return isoDate(result);
}

/**
 * Working days after `from` up to and including `to`; 0 when they are the same date, and the negative count of
 * working days after `to` up to and including `from` when `to` is earlier (so the result changes sign when the
 * arguments are swapped). The inverse of addWorkingDays: `workingDaysBetween(d, addWorkingDays(d, n)) === n`.
 * RangeError if either date is outside WORKING_DAYS_COVERED.
 */
export function workingDaysBetween(from: string, to: string): number {
  const fromIndex = indexOf(from);
  const toIndex = indexOf(to);
  const { workingUpTo } = getCalendar();
  return workingUpTo[toIndex] - workingUpTo[fromIndex];
}
