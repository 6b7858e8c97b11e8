import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ReportDetail, Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ReportPage } from './report-page';
import { formItem } from './report-form-item.testing';

const ID = '0b4f7c1e-3a51-4a8e-9d4c-0e2a6f7b8c91';

const report = (changes: Partial<ReportDetail> = {}): ReportDetail => ({
  id: ID,
  contractId: 'c1',
  contractNumber: 'HEL-2026-0042',
  contractServiceId: 's1',
  producerId: 'p1',
  producerName: 'Hoivapolku Oy',
  producerType: 'PURCHASED_SERVICE',
  serviceCode: 'HOME_CARE',
  serviceName: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' },
  termsId: 't1',
  termsVersion: 1,
  periodType: 'MONTH',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-31',
  dueDate: '2026-02-15',
  status: 'DRAFT',
  draftVersion: 3,
  draftSavedAt: null,
  lock: null,
  items: [
    formItem({}),
    formItem(
      { code: 'PLAN', measureType: 'BOOLEAN', direction: 'HIGHER_IS_BETTER' },
      { green: { min: 1, max: null }, amber: { min: 1, max: null } },
    ),
  ],
  values: [
    {
      criterionCode: 'MISSED_VISITS_SHARE',
      numerator: '1',
      denominator: '100',
      measured: 1,
      light: 'GREEN',
      issues: [],
    },
  ],
  revisions: [],
  reviews: [],
  ...changes,
});

describe('ReportPage', () => {
  async function render(detail: ReportDetail, role: Role = 'PROVIDER_REPORTER') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { role: signal<Role>(role) } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ReportPage);
    fixture.componentRef.setInput('id', ID);
    fixture.detectChanges();
    http.expectOne(`/api/reports/${ID}`).flush(detail);
    http
      .expectOne((req) => req.url === '/api/deviations')
      .flush({ items: [], total: 0, page: 1, pageSize: 500 });
    await fixture.whenStable();
    // Catalogue of service names etc. are not asked by this page; nothing else is pending.
    return { fixture, http, element: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('labels every criterion with a fieldset and legend, and shows the live light in words', async () => {
    const { element } = await render(report());
    const legends = Array.from(element.querySelectorAll('fieldset.criterion legend')).map((l) =>
      l.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(legends).toEqual(['Missed visits (required)', 'Missed visits (required)']);
    const first = element.querySelector('fieldset.criterion') as HTMLElement;
    expect(first.querySelector('label')?.textContent).toContain('Numerator');
    expect(first.textContent).toContain('Green: meets the target');
    expect(first.textContent).toContain('Target 1 % · green ≤ 2 · amber ≤ 5');
    expect(element.querySelectorAll('mat-radio-button').length).toBe(2);
  });

  it('shows a locked report read-only with the reason in plain words', async () => {
    const { element } = await render(report({ status: 'SUBMITTED', lock: 'awaitingReview' }));
    expect(element.querySelector('.lock')?.textContent).toContain('waiting for review');
    expect(element.querySelector('button.submit')).toBeNull();
    expect((element.querySelector('#value-MISSED_VISITS_SHARE-numerator') as HTMLInputElement).readOnly).toBe(
      true,
    );
  });

  it("puts the server's refusal beside the input it names, and retries a lost submission with the same key", async () => {
    const { fixture, http, element } = await render(
      report({
        values: [
          ...report().values,
          { criterionCode: 'PLAN', flag: true, measured: 1, light: 'GREEN', issues: [] },
        ],
      }),
    );
    const page = fixture.componentInstance as unknown as { submitReport(): Promise<void> };
    const dialog = jest.spyOn(
      fixture.componentInstance as unknown as { confirm(d: unknown): Promise<boolean> },
      'confirm',
    );
    dialog.mockResolvedValue(true);

    const first = page.submitReport();
    await fixture.whenStable();
    const lost = http.expectOne(`/api/reports/${ID}/submit`);
    const key = lost.request.headers.get('Idempotency-Key');
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    lost.error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await first;

    const second = page.submitReport();
    await fixture.whenStable();
    const refused = http.expectOne(`/api/reports/${ID}/submit`);
    expect(refused.request.headers.get('Idempotency-Key')).toBe(key);
    refused.flush(
      {
        statusCode: 422,
        code: 'REPORT_INCOMPLETE',
        message: 'The report cannot be submitted yet: correct the values listed.',
        fields: [
          { field: 'values.PLAN.flag', problem: 'required', message: 'values.PLAN.flag: is required' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await second;
    await fixture.whenStable();

    const group = element.querySelector('[data-code="PLAN"] mat-radio-group') as HTMLElement;
    const errorId = group.getAttribute('aria-describedby') as string;
    expect(element.querySelector(`#${errorId}`)?.textContent).toBe('is required');
    expect(element.querySelector('.problems')?.textContent).toContain('Missed visits');
    expect(element.textContent).toContain('The report cannot be submitted yet');
  });
});
