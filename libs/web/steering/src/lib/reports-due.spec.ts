import { ReportObligation } from '@sopu/shared';
import { addDays, helsinkiToday, reportsNeedingWork } from './reports-due';

const report = (id: string, status: ReportObligation['status'], dueDate: string): ReportObligation => ({
  id,
  contractId: 'c1',
  contractServiceId: 's1',
  producerId: 'p1',
  serviceCode: 'HOME_CARE',
  termsId: 't1',
  periodType: 'MONTH',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  dueDate,
  status,
});

describe('reportsNeedingWork', () => {
  it('sorts unsubmitted reports into due soon and overdue, and lists returned ones', () => {
    const work = reportsNeedingWork(
      [
        report('late', 'EXPECTED', '2026-11-01'),
        report('draft-late', 'DRAFT', '2026-10-15'),
        report('today', 'DRAFT', '2026-11-20'),
        report('in14', 'EXPECTED', '2026-12-04'),
        report('in15', 'EXPECTED', '2026-12-05'),
        report('sent', 'SUBMITTED', '2026-11-25'),
        report('accepted', 'ACCEPTED', '2026-10-01'),
        report('returned', 'RETURNED', '2026-11-10'),
      ],
      '2026-11-20',
    );
    expect(work.overdue.map((r) => r.id)).toEqual(['draft-late', 'late']);
    expect(work.dueSoon.map((r) => r.id)).toEqual(['today', 'in14']);
    expect(work.returned.map((r) => r.id)).toEqual(['returned']);
  });

  it('counts days across months and gives Helsinki’s date', () => {
    expect(addDays('2026-12-25', 14)).toBe('2027-01-08');
    // 23:30 UTC on 31 December is already New Year's Day in Helsinki.
    expect(helsinkiToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
