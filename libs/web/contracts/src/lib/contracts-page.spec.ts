import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSlideToggleHarness } from '@angular/material/slide-toggle/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ContractSummary, Role, ServiceDescription } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ContractsPage } from './contracts-page';

const homeCare = {
  id: 'd1',
  code: 'HOME_CARE',
  version: 1,
  status: 'PUBLISHED',
  name: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' },
} as ServiceDescription;

const contract: ContractSummary = {
  id: '0b4f7c1e-3a51-4a8e-9d4c-0e2a6f7b8c91',
  number: 'HEL-2026-0042',
  title: 'Kotihoidon ostopalvelu',
  producerId: '5b0d1c4e-3f51-4a8e-9d4c-0e2a6f7b8c91',
  producerName: 'Hoiva Oy',
  producerType: 'PURCHASED_SERVICE',
  kind: 'PURCHASE_CONTRACT',
  status: 'ACTIVE',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  managerId: null,
  managerName: null,
  serviceCodes: ['HOME_CARE'],
};

async function settle(harness: RouterTestingHarness) {
  await new Promise((resolve) => setTimeout(resolve));
  await harness.fixture.whenStable();
}

describe('ContractsPage', () => {
  let http: HttpTestingController;

  async function render(url = '/contracts', role: Role = 'CONTRACT_MANAGER') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'contracts', component: ContractsPage }], withComponentInputBinding()),
        { provide: AuthStore, useValue: { role: signal<Role>(role) } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness);
    http.expectOne('/api/service-descriptions').flush([homeCare]);
    return { harness, loader: TestbedHarnessEnvironment.loader(harness.fixture) };
  }

  const expectList = () => http.expectOne((req) => req.url === '/api/contracts');

  afterEach(() => http.verify());

  it('lists contracts with translated kinds and statuses, dates in the UI locale and service names', async () => {
    const { harness, loader } = await render();
    const request = expectList();
    expect(request.request.params.keys()).toEqual([]);
    request.flush([contract]);
    await settle(harness);

    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual(['Number', 'Title', 'Producer', 'Kind', 'Status', 'Valid', 'Services']);
    const rows = await table.getCellTextByColumnName();
    expect(rows['number'].text).toEqual(['HEL-2026-0042']);
    expect(rows['kind'].text).toEqual(['Purchase contract']);
    expect(rows['status'].text).toEqual(['Active']);
    expect(rows['validity'].text).toEqual(['01/01/2026–31/12/2026']);
    expect(rows['services'].text).toEqual(['Home care']);
    const link = harness.fixture.nativeElement.querySelector('td a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/contracts/${contract.id}`);
    expect(harness.fixture.nativeElement.querySelector('a[href="/contracts/new"]')?.textContent).toContain(
      'New contract',
    );
  });

  it('puts a chosen filter into the URL and the query', async () => {
    const { harness, loader } = await render();
    expectList().flush([contract]);
    await settle(harness);

    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '.status-filter' }))
    ).clickOptions({
      text: 'Suspended',
    });
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/contracts?status=SUSPENDED');
    const request = expectList();
    expect(request.request.params.get('status')).toBe('SUSPENDED');
    request.flush([]);
    await settle(harness);

    await (
      await loader.getHarness(MatSelectHarness.with({ selector: '.service-filter' }))
    ).clickOptions({
      text: 'Home care',
    });
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/contracts?status=SUSPENDED&service=HOME_CARE');
    const second = expectList();
    expect(second.request.params.get('service')).toBe('HOME_CARE');
    expect(second.request.params.get('status')).toBe('SUSPENDED');
    second.flush([]);
    await settle(harness);
  });

  it('shows the contracts ending within 90 days with the toggle, and a shared link opens that view', async () => {
    const { harness, loader } = await render('/contracts?kind=VOUCHER_APPROVAL');
    const first = expectList();
    expect(first.request.params.get('kind')).toBe('VOUCHER_APPROVAL');
    first.flush([]);
    await settle(harness);
    const kind = await loader.getHarness(MatSelectHarness.with({ selector: '.kind-filter' }));
    expect(await kind.getValueText()).toBe('Voucher approval');

    const toggle = await loader.getHarness(MatSlideToggleHarness);
    expect(await toggle.getLabelText()).toBe('Ending within 90 days');
    await toggle.toggle();
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/contracts?kind=VOUCHER_APPROVAL&endingWithinDays=90');
    const request = expectList();
    expect(request.request.params.get('endingWithinDays')).toBe('90');
    request.flush([contract]);
    await settle(harness);
    expect(await toggle.isChecked()).toBe(true);
  });

  it('ignores unknown filter values in the URL instead of sending them', async () => {
    await render('/contracts?status=LOST&kind=x&service=drop%20table&endingWithinDays=7');
    const request = expectList();
    expect(request.request.params.keys()).toEqual([]);
    request.flush([]);
  });

  it.each<Role>(['ANALYST', 'PROVIDER_REPORTER'])('offers no "New contract" to a %s', async (role) => {
    const { harness } = await render('/contracts', role);
    expectList().flush([contract]);
    await settle(harness);
    expect(harness.fixture.nativeElement.querySelector('a[href="/contracts/new"]')).toBeNull();
  });
});
