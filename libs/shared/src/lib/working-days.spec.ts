import { WORKING_DAYS_COVERED, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

// Dates from shared/data/fi-holidays/fi_holidays_2024_2030.csv.
describe('Finnish working days', () => {
  it('covers the years of the holiday data', () => {
    expect(WORKING_DAYS_COVERED).toEqual({ from: '2024-01-01', to: '2030-12-31' });
  });

  it('takes Christmas Eve, Christmas Day and the weekend after it off (2026)', () => {
    expect(
      ['2026-12-23', '2026-12-24', '2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28'].map(isWorkingDay),
    ).toEqual([true, false, false, false, false, true]);
    // Wednesday before Christmas: the next working day is the Monday after.
    expect(addWorkingDays('2026-12-23', 1)).toBe('2026-12-28');
    expect(addWorkingDays('2026-12-23', 2)).toBe('2026-12-29');
    expect(workingDaysBetween('2026-12-23', '2026-12-28')).toBe(1);
  });

  it('takes Midsummer Eve off (Friday 19 June 2026)', () => {
    expect(isWorkingDay('2026-06-18')).toBe(true);
    expect(isWorkingDay('2026-06-19')).toBe(false);
    expect(isWorkingDay('2026-06-20')).toBe(false); // Midsummer Day, a Saturday
    expect(addWorkingDays('2026-06-18', 1)).toBe('2026-06-22');
    expect(workingDaysBetween('2026-06-17', '2026-06-23')).toBe(3); // Thu 18, Mon 22, Tue 23
  });

  it('takes Good Friday and Easter Monday off (26 and 29 March 2027)', () => {
    expect(['2027-03-25', '2027-03-26', '2027-03-29', '2027-03-30'].map(isWorkingDay)).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
    expect(addWorkingDays('2027-03-25', 2)).toBe('2027-03-31');
    expect(workingDaysBetween('2027-03-24', '2027-04-02')).toBe(5); // Thu 25, Tue 30, Wed 31, Thu 1, Fri 2
  });

  it('takes May Day off, with no day in lieu when it falls on a Saturday', () => {
    expect(isWorkingDay('2026-05-01')).toBe(false); // Friday
    expect(addWorkingDays('2026-04-30', 1)).toBe('2026-05-04');
    expect(isWorkingDay('2027-04-30')).toBe(true); // Friday before May Day 2027 (a Saturday)
    expect(addWorkingDays('2027-04-30', 1)).toBe('2027-05-03');
  });

  it('takes Independence Day off on a weekday (Monday 6 December 2027), not on a Sunday (2026)', () => {
    expect(isWorkingDay('2027-12-06')).toBe(false);
    expect(addWorkingDays('2027-12-03', 1)).toBe('2027-12-07');
    expect(isWorkingDay('2026-12-07')).toBe(true);
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
  });

  it('counts over a weekend: due in 2 working days from a Friday is the Tuesday', () => {
    expect(isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(isWorkingDay('2026-03-07')).toBe(false);
    expect(isWorkingDay('2026-03-08')).toBe(false);
    expect(addWorkingDays('2026-03-06', 1)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-06', 2)).toBe('2026-03-10');
    expect(addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(workingDaysBetween('2026-03-06', '2026-03-08')).toBe(0);
    expect(workingDaysBetween('2026-03-06', '2026-03-09')).toBe(1);
  });

  it('starts counting after the start date even when it is a day off', () => {
    expect(addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // Saturday → Monday
    expect(addWorkingDays('2026-12-25', 1)).toBe('2026-12-28'); // Christmas Day → Monday
    expect(workingDaysBetween('2026-03-07', '2026-03-09')).toBe(1);
  });

  it('returns the start date itself for 0 working days, working day or not', () => {
    expect(addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(addWorkingDays('2026-03-07', 0)).toBe('2026-03-07');
    expect(addWorkingDays('2026-12-24', 0)).toBe('2026-12-24');
  });

  it('crosses the turn of the year past New Year and Epiphany', () => {
    // Wed 30.12.2026 → Thu 31.12. (1), Fri 1.1.2027 off, weekend, Mon 4.1. (2), Tue 5.1. (3), Wed 6.1. off, Thu 7.1. (4)
    expect(addWorkingDays('2026-12-30', 1)).toBe('2026-12-31');
    expect(addWorkingDays('2026-12-30', 2)).toBe('2027-01-04');
    expect(addWorkingDays('2026-12-30', 4)).toBe('2027-01-07');
    expect(workingDaysBetween('2026-12-23', '2027-01-07')).toBe(7);
  });

  it('counts backwards as a negative number', () => {
    expect(workingDaysBetween('2027-01-07', '2026-12-23')).toBe(-7);
    expect(workingDaysBetween('2026-03-09', '2026-03-06')).toBe(-1);
    expect(workingDaysBetween('2026-03-09', '2026-03-09')).toBe(0);
  });

  it('finds 252 working days in 2026 (261 weekdays less 9 holidays and eves on a weekday)', () => {
    expect(workingDaysBetween('2025-12-31', '2026-12-31')).toBe(252);
  });

  it('lands exactly n working days later, on the first date that reaches n, for every day of 2026 and n = 0…10', () => {
    const dayAfter = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const dayBefore = (date: string) =>
      new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    let checked = 0;
    for (let date = '2026-01-01'; date <= '2026-12-31'; date = dayAfter(date)) {
      for (let n = 0; n <= 10; n++) {
        const due = addWorkingDays(date, n);
        expect([date, n, workingDaysBetween(date, due)]).toEqual([date, n, n]);
        expect([date, n, workingDaysBetween(due, date)]).toEqual([date, n, 0 - n]);
        if (n === 0) {
          expect(due).toBe(date);
        } else {
          expect([date, n, due > date, isWorkingDay(due), workingDaysBetween(date, dayBefore(due))]).toEqual([
            date,
            n,
            true,
            true,
            n - 1,
          ]);
        }
        checked++;
      }
    }
    expect(checked).toBe(365 * 11);
  });

  it('refuses dates outside the holiday data rather than guessing', () => {
    expect(() => isWorkingDay('2023-12-29')).toThrow(RangeError);
    expect(() => isWorkingDay('2031-01-02')).toThrow(
      /outside the Finnish holiday data \(2024-01-01 – 2030-12-31\)/,
    );
    expect(() => workingDaysBetween('2023-12-31', '2024-01-02')).toThrow(RangeError);
    expect(() => workingDaysBetween('2030-12-30', '2031-01-02')).toThrow(RangeError);
    expect(addWorkingDays('2030-12-30', 1)).toBe('2030-12-31');
    expect(() => addWorkingDays('2030-12-31', 1)).toThrow(/beyond the Finnish holiday data/);
    expect(() => addWorkingDays('2030-12-20', 10)).toThrow(RangeError);
  });

  it('refuses malformed dates and day counts', () => {
    expect(() => isWorkingDay('2026-02-29')).toThrow(/Not an ISO calendar date/);
    expect(() => isWorkingDay('2026-1-5')).toThrow(RangeError);
    expect(() => isWorkingDay('2026-01-05T00:00:00Z')).toThrow(RangeError);
    expect(isWorkingDay('2028-02-29')).toBe(true); // a leap day, Tuesday
    expect(() => addWorkingDays('2026-03-06', -1)).toThrow(/whole number ≥ 0/);
    expect(() => addWorkingDays('2026-03-06', 1.5)).toThrow(RangeError);
  });
});
