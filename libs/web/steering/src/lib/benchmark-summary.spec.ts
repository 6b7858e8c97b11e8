import { TestBed } from '@angular/core/testing';
import { BenchmarkRow } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { benchmarkPosition, benchmarkSummaryKeys, benchmarkVerdict } from './benchmark-summary';

const row = (mine: number | null, q: [number, number, number] | null, producers = 5): BenchmarkRow => ({
  criterionCode: 'MISSED_VISITS_SHARE',
  periodStart: '2026-09-01',
  mine,
  producers,
  q1: q?.[0] ?? null,
  median: q?.[1] ?? null,
  q3: q?.[2] ?? null,
});

describe('benchmark summary', () => {
  it('places the value among the quartiles', () => {
    expect(benchmarkPosition(row(9, [2, 4, 6]))).toBe('aboveQ3');
    expect(benchmarkPosition(row(6, [2, 4, 6]))).toBe('aboveMedian');
    expect(benchmarkPosition(row(4, [2, 4, 6]))).toBe('atMedian');
    expect(benchmarkPosition(row(3, [2, 4, 6]))).toBe('belowMedian');
    expect(benchmarkPosition(row(1, [2, 4, 6]))).toBe('belowQ1');
  });

  it('says nothing about a distribution that is withheld or a value that is missing', () => {
    expect(benchmarkPosition(row(3, null, 2))).toBe('withheld');
    expect(benchmarkPosition(row(null, [2, 4, 6]))).toBe('noValue');
  });

  it('calls a position better or worse only when the criterion has a direction', () => {
    expect(benchmarkVerdict('aboveQ3', 'HIGHER_IS_BETTER')).toBe('better');
    expect(benchmarkVerdict('aboveMedian', 'LOWER_IS_BETTER')).toBe('worse');
    expect(benchmarkVerdict('belowQ1', 'LOWER_IS_BETTER')).toBe('better');
    expect(benchmarkVerdict('belowMedian', 'TARGET_RANGE')).toBeNull();
    expect(benchmarkVerdict('atMedian', 'HIGHER_IS_BETTER')).toBeNull();
  });

  it('reads as one line in every language', () => {
    const i18n = TestBed.inject(I18n);
    const text = (r: BenchmarkRow) =>
      benchmarkSummaryKeys(r, 'LOWER_IS_BETTER')
        .map((key) => i18n.t(key, { count: r.producers }))
        .join(' ');
    i18n.setLanguage('en');
    expect(text(row(1, [2, 4, 6]))).toBe(
      'Below the lower quartile: lower than three quarters of the others. For this criterion that is better than most.',
    );
    expect(text(row(5, null, 2))).toBe('Too few other producers to compare (2).');
    i18n.setLanguage('fi');
    expect(text(row(5, [2, 4, 6]))).toBe(
      'Mediaanin yläpuolella. Tässä kriteerissä se on heikompi kuin useimmilla.',
    );
    i18n.setLanguage('sv');
    expect(text(row(4, [2, 4, 6]))).toBe('Vid medianen.');
  });
});
