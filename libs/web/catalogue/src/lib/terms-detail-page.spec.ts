import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter } from '@angular/router';
import { MonitoringTerms, Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { TermsDetailPage } from './terms-detail-page';

const published: MonitoringTerms = {
  id: 't1',
  serviceDescriptionId: 'd1',
  serviceCode: 'HOME_CARE',
  version: 1,
  status: 'PUBLISHED',
  validFrom: '2025-01-01',
  publishedAt: '2024-12-01T10:00:00Z',
  items: [
    {
      id: 'i1',
      criterionId: 'c1',
      criterionCode: 'SATISFACTION',
      required: true,
      target: 90,
      green: { min: 90, max: null },
      amber: { min: 80, max: null },
      frequency: 'QUARTERLY',
      evidenceRequired: true,
      note: { fi: 'Kysely', sv: 'Enkät', en: 'Survey' },
      position: 0,
    },
    {
      id: 'i2',
      criterionId: 'c2',
      criterionCode: 'WAIT_DAYS',
      required: false,
      target: 10,
      green: { min: null, max: 14 },
      amber: { min: null, max: 21 },
      frequency: 'MONTHLY',
      evidenceRequired: false,
      note: null,
      position: 1,
    },
  ],
  createdAt: '2024-11-01T00:00:00Z',
  updatedAt: '2024-12-01T10:00:00Z',
};
const draft: MonitoringTerms = {
  ...published,
  id: 't2',
  version: 2,
  status: 'DRAFT',
  validFrom: null,
  publishedAt: null,
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

/** The dialog reports its result after its closing animation. */
async function dialogClosed(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  await settle(fixture);
}

describe('TermsDetailPage', () => {
  let http: HttpTestingController;

  async function render(terms: MonitoringTerms, role: Role = 'CONTRACT_MANAGER') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { role: signal(role) } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(TermsDetailPage);
    fixture.componentRef.setInput('id', terms.id);
    await settle(fixture);
    http.expectOne('/api/criteria').flush([]);
    http.expectOne('/api/service-descriptions').flush([]);
    http.expectOne(`/api/monitoring-terms/${terms.id}`).flush(terms);
    await settle(fixture);
    http
      .expectOne((req) => req.url === '/api/monitoring-terms' && req.params.get('service') === 'HOME_CARE')
      .flush([draft, published]);
    await settle(fixture);
    return {
      fixture,
      navigate,
      loader: TestbedHarnessEnvironment.loader(fixture),
      root: TestbedHarnessEnvironment.documentRootLoader(fixture),
    };
  }

  afterEach(() => http.verify());

  it('shows the items with readable bands', async () => {
    const { loader } = await render(published);
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['criterion'].text).toEqual(['SATISFACTION', 'WAIT_DAYS']);
    expect(rows['green'].text).toEqual(['≥ 90', '≤ 14']);
    expect(rows['amber'].text).toEqual(['≥ 80', '≤ 21']);
    expect(rows['frequency'].text).toEqual(['Quarterly', 'Monthly']);
    expect(rows['evidenceRequired'].text).toEqual(['Yes', 'No']);
    expect(rows['note'].text).toEqual(['Survey', '']);
  });

  it('shows a published version as frozen, without Edit, and copies it into a new draft', async () => {
    const { fixture, loader, navigate } = await render(published);
    expect(fixture.nativeElement.textContent).toContain(
      'This version is published and frozen: it can no longer be changed.',
    );
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Edit/ }))).toBeNull();
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /^publish Publish$/ }))).toBeNull();

    await (await loader.getHarness(MatButtonHarness.with({ text: /New version/ }))).click();
    http.expectOne({ method: 'POST', url: '/api/monitoring-terms/t1/new-version' }).flush(draft);
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/catalogue/terms', 't2', 'edit']);
  });

  it('shows no edit actions to an analyst', async () => {
    const { loader } = await render(draft, 'ANALYST');
    expect(
      await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Edit|Publish|New version/ })),
    ).toBeNull();
  });

  it('asks before publishing and lists each field the API refused', async () => {
    const { fixture, loader, root } = await render(draft);
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Edit/ }))).not.toBeNull();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Publish/ }))).click();
    await settle(fixture);

    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Publish the monitoring terms?');
    expect(await dialog.getContentText()).toContain('cannot be changed');
    http.expectNone({ method: 'POST' });
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Yes, publish' }))).click();
    await dialogClosed(fixture);

    http.expectOne({ method: 'POST', url: '/api/monitoring-terms/t2/publish' }).flush(
      {
        statusCode: 422,
        code: 'PUBLISH_INCOMPLETE',
        message: 'This cannot be published yet: complete the fields listed.',
        fields: [
          { field: 'validFrom', problem: 'isNotEmpty', message: 'is required' },
          { field: 'items[1].green', problem: 'bandOpenWrongWay', message: 'is open in the wrong direction' },
          { field: 'criteria.WAIT_DAYS.name.sv', problem: 'isNotEmpty', message: 'is required' },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const items = [...fixture.nativeElement.querySelectorAll('sopu-terms-issues li')].map((li: Element) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items).toEqual([
      'Valid from: is required',
      'WAIT_DAYS – Green band: is open in the wrong direction for the criterion',
      'Quality criterion WAIT_DAYS, name (Svenska): is required',
    ]);
    expect(fixture.nativeElement.textContent).toContain('This cannot be published yet');
  });

  it('publishes nothing when the confirmation is cancelled', async () => {
    const { fixture, loader, root } = await render(draft);
    await (await loader.getHarness(MatButtonHarness.with({ text: /Publish/ }))).click();
    await settle(fixture);
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await dialogClosed(fixture);
    http.expectNone({ method: 'POST' });
  });
});
