import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter } from '@angular/router';
import { MonitoringTerms, Role, ServiceDescription } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { TermsListPage } from './terms-list-page';

const terms = (
  id: string,
  serviceCode: string,
  version: number,
  status: MonitoringTerms['status'],
): MonitoringTerms => ({
  id,
  serviceDescriptionId: 'd',
  serviceCode,
  version,
  status,
  validFrom: status === 'PUBLISHED' ? '2025-01-01' : null,
  publishedAt: status === 'PUBLISHED' ? '2024-12-01T10:00:00Z' : null,
  items: [],
  createdAt: '2024-11-01T00:00:00Z',
  updatedAt: '2024-12-01T10:00:00Z',
});

const description = (code: string, name: string) =>
  ({
    id: code,
    code,
    version: 1,
    status: 'PUBLISHED',
    name: { fi: name, sv: name, en: name },
  }) as ServiceDescription;

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('TermsListPage', () => {
  let http: HttpTestingController;

  async function render(role: Role = 'CONTRACT_MANAGER') {
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
    const fixture = TestBed.createComponent(TermsListPage);
    await settle(fixture);
    http
      .expectOne('/api/service-descriptions')
      .flush([description('HOME_CARE', 'Home care'), description('DENTAL', 'Dental care')]);
    http
      .expectOne('/api/monitoring-terms')
      .flush([
        terms('t1', 'HOME_CARE', 1, 'PUBLISHED'),
        terms('t2', 'HOME_CARE', 2, 'DRAFT'),
        terms('t3', 'DENTAL', 1, 'PUBLISHED'),
      ]);
    await settle(fixture);
    return {
      fixture,
      navigate,
      loader: TestbedHarnessEnvironment.loader(fixture),
      root: TestbedHarnessEnvironment.documentRootLoader(fixture),
    };
  }

  afterEach(() => http.verify());

  it('lists the versions by service, newest first, and filters by the service in the URL', async () => {
    const { fixture, loader } = await render();
    const table = await loader.getHarness(MatTableHarness);
    let rows = await table.getCellTextByColumnName();
    expect(rows['service'].text).toEqual([
      'DENTAL Dental care',
      'HOME_CARE Home care',
      'HOME_CARE Home care',
    ]);
    expect(rows['version'].text).toEqual(['Version 1', 'Version 2', 'Version 1']);
    expect(rows['status'].text).toEqual(['Published', 'Draft', 'Published']);

    fixture.componentRef.setInput('service', 'HOME_CARE');
    await settle(fixture);
    rows = await table.getCellTextByColumnName();
    expect(rows['version'].text).toEqual(['Version 2', 'Version 1']);

    const status = (await loader.getAllHarnesses(MatSelectHarness))[1];
    await status.open();
    await status.clickOptions({ text: 'Draft' });
    rows = await table.getCellTextByColumnName();
    expect(rows['version'].text).toEqual(['Version 2']);
  });

  it('starts a draft for a service that has none and opens its editor', async () => {
    const { fixture, loader, root, navigate } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /New draft/ }))).click();
    await settle(fixture);
    const dialog = await root.getHarness(MatDialogHarness);
    const service = await dialog.getHarness(MatSelectHarness);
    await service.open();
    // HOME_CARE already has a draft, so only DENTAL is offered.
    expect(await Promise.all((await service.getOptions()).map((o) => o.getText()))).toEqual([
      'DENTAL – Dental care',
    ]);
    await service.clickOptions({ text: 'DENTAL – Dental care' });
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Create draft' }))).click();
    const request = http.expectOne({ method: 'POST', url: '/api/monitoring-terms' });
    expect(request.request.body).toEqual({ serviceCode: 'DENTAL' });
    request.flush(terms('t4', 'DENTAL', 2, 'DRAFT'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['t4', 'edit'], expect.anything());
  });

  it('offers no new draft to a provider reporter', async () => {
    const { loader } = await render('PROVIDER_REPORTER');
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /New draft/ }))).toBeNull();
  });
});
