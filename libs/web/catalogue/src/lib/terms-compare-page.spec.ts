import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { TermsComparison, TermsItem } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { TermsComparePage } from './terms-compare-page';

const item = (criterionCode: string, changes: Partial<TermsItem> = {}): TermsItem => ({
  id: criterionCode,
  criterionId: criterionCode,
  criterionCode,
  required: true,
  target: 95,
  green: { min: 95, max: null },
  amber: { min: 85, max: null },
  frequency: 'QUARTERLY',
  evidenceRequired: false,
  note: null,
  position: 0,
  ...changes,
});

const comparison: TermsComparison = {
  from: { id: 't1', version: 1 },
  to: { id: 't2', version: 2 },
  validFrom: { from: '2025-01-01', to: '2026-01-01' },
  added: [item('FALLS')],
  removed: [item('WAIT_DAYS')],
  changed: [
    {
      criterionCode: 'SATISFACTION',
      fields: [
        { field: 'green', from: { min: 90, max: null }, to: { min: 95, max: null } },
        { field: 'frequency', from: 'MONTHLY', to: 'QUARTERLY' },
        { field: 'evidenceRequired', from: false, to: true },
      ],
    },
  ],
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('TermsComparePage', () => {
  let http: HttpTestingController;

  async function render(answer: TermsComparison) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TermsComparePage);
    fixture.componentRef.setInput('id', 't1');
    fixture.componentRef.setInput('otherId', 't2');
    await settle(fixture);
    http.expectOne('/api/criteria').flush([]);
    http.expectOne('/api/monitoring-terms/t1/compare/t2').flush(answer);
    await settle(fixture);
    return fixture;
  }

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  afterEach(() => http.verify());

  it('shows the new start date and the added, removed and changed criteria', async () => {
    const fixture = await render(comparison);
    const page = fixture.nativeElement as HTMLElement;
    expect(text(page.querySelector('h1'))).toBe('Changes from version 1 to version 2');
    expect(text(page.querySelector('.valid-from p'))).toBe(
      'Valid from changed from 01/01/2025 to 01/01/2026.',
    );
    expect(text(page.querySelector('.added'))).toContain('Added criteria (1)');
    expect(text(page.querySelector('.added li'))).toContain('FALLS');
    expect(text(page.querySelector('.added li'))).toContain('Green: ≥ 95');
    expect(text(page.querySelector('.removed li'))).toContain('WAIT_DAYS');
    const rows = Array.from(page.querySelectorAll('.changed tbody tr')).map((row) =>
      Array.from(row.children).map((cell) => text(cell)),
    );
    expect(text(page.querySelector('.changed caption'))).toBe('SATISFACTION');
    expect(rows).toEqual([
      ['Green band', '≥ 90', '≥ 95'],
      ['Reporting frequency', 'Monthly', 'Quarterly'],
      ['Evidence required', 'No', 'Yes'],
    ]);
  });

  it('says so when nothing changed', async () => {
    const fixture = await render({ ...comparison, validFrom: null, added: [], removed: [], changed: [] });
    expect(text(fixture.nativeElement)).toContain('The versions have the same terms.');
  });
});
