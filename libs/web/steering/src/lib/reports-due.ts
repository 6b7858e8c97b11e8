import { ReportObligation } from '@sopu/shared';

/** "Due soon" looks this many days ahead. */
export const DUE_SOON_DAYS = 14;

export interface ReportsNeedingWork {
  /** Not submitted and due within DUE_SOON_DAYS (today included), soonest first. */
  dueSoon: ReportObligation[];
  /** Past the due date and never submitted, oldest first. */
  overdue: ReportObligation[];
  /** Returned by the reviewer for changes. */
  returned: ReportObligation[];
}

const UNSUBMITTED = new Set(['EXPECTED', 'DRAFT']);

/** A calendar date `days` after `iso` ("2026-03-01"), without time zones. */
export function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const byDue = (a: ReportObligation, b: ReportObligation) => a.dueDate.localeCompare(b.dueDate);

/** Sorts a producer's reports into what needs doing now. Dates are ISO calendar dates, so text order is date order. */
export function reportsNeedingWork(reports: ReportObligation[], today: string): ReportsNeedingWork {
  const horizon = addDays(today, DUE_SOON_DAYS);
  return {
    dueSoon: reports
      .filter((r) => UNSUBMITTED.has(r.status) && r.dueDate >= today && r.dueDate <= horizon)
      .sort(byDue),
    overdue: reports.filter((r) => UNSUBMITTED.has(r.status) && r.dueDate < today).sort(byDue),
    returned: reports.filter((r) => r.status === 'RETURNED').sort(byDue),
  };
}

/** Today's date in Helsinki, where due dates are counted. */
export function helsinkiToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Helsinki' }).format(now);
}
