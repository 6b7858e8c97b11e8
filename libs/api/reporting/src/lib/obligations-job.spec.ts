import { helsinkiToday } from './obligations-job';

describe("Helsinki's calendar day", () => {
  it('turns at midnight Finnish time, not UTC', () => {
    // 22:30 UTC on 31 December is already New Year's Day in Helsinki (UTC+2 in winter).
    expect(helsinkiToday(new Date('2025-12-31T22:30:00Z'))).toBe('2026-01-01');
    expect(helsinkiToday(new Date('2025-12-31T21:59:00Z'))).toBe('2025-12-31');
    // In summer Helsinki is UTC+3.
    expect(helsinkiToday(new Date('2026-06-30T21:30:00Z'))).toBe('2026-07-01');
  });
});
