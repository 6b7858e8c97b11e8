import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { Producer, Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ProducersPage } from './producers-page';

const hoiva: Producer = {
  id: '5b0d1c4e-3f51-4a8e-9d4c-0e2a6f7b8c91',
  name: 'Hoiva Oy',
  type: 'PURCHASED_SERVICE',
  businessId: '1234567-1',
  status: 'ACTIVE',
  costCentre: null,
  contactName: 'Erik Lind',
  contactEmail: 'erik@hoiva.fi',
  contactPhone: null,
  districts: ['EASTERN', 'SOUTHEASTERN'],
  languages: ['fi', 'sv'],
  unitCount: 3,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const kontula: Producer = {
  ...hoiva,
  id: '7c1e2d5f-4a62-4b9f-8e5d-1f3b7a8c9d02',
  name: 'Kontulan seniorikeskus',
  type: 'SELF_PRODUCED',
  businessId: '0201256-6',
  status: 'INACTIVE',
  costCentre: '1234',
  districts: [],
  languages: [],
  unitCount: 0,
};

async function settle(harness: RouterTestingHarness) {
  await new Promise((resolve) => setTimeout(resolve));
  await harness.fixture.whenStable();
}

describe('ProducersPage', () => {
  let http: HttpTestingController;

  async function render(url = '/producers', role: Role = 'CONTRACT_MANAGER') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'producers', component: ProducersPage }], withComponentInputBinding()),
        { provide: AuthStore, useValue: { role: signal<Role>(role) } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness);
    return { harness, loader: TestbedHarnessEnvironment.loader(harness.fixture) };
  }

  function expectList() {
    return http.expectOne((req) => req.url === '/api/producers');
  }

  afterEach(() => http.verify());

  it('lists producers with translated types, districts, languages and statuses, linking to each', async () => {
    const { harness, loader } = await render();
    const request = expectList();
    expect(request.request.params.keys()).toEqual([]);
    request.flush([hoiva, kontula]);
    await settle(harness);

    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual([
      'Name',
      'Type',
      'Business ID',
      'Major districts',
      'Service languages',
      'Service units',
      'Status',
    ]);
    const rows = await table.getCellTextByColumnName();
    expect(rows['name'].text).toEqual(['Hoiva Oy', 'Kontulan seniorikeskus']);
    expect(rows['type'].text).toEqual(['Purchased service', 'In-house production']);
    expect(rows['businessId'].text).toEqual(['1234567-1', '0201256-6']);
    expect(rows['districts'].text).toEqual(['Eastern, Southeastern', '']);
    expect(rows['languages'].text).toEqual(['Suomi, Svenska', '']);
    expect(rows['units'].text).toEqual(['3', '0']);
    expect(rows['status'].text).toEqual(['Active', 'Inactive']);
    const link = harness.fixture.nativeElement.querySelector('td a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/producers/${hoiva.id}`);
  });

  it('opens a shared link with its filters applied and shown', async () => {
    const { harness, loader } = await render('/producers?type=PURCHASED_SERVICE&language=sv&search=hoiva');
    const request = expectList();
    expect(request.request.params.get('type')).toBe('PURCHASED_SERVICE');
    expect(request.request.params.get('language')).toBe('sv');
    expect(request.request.params.get('search')).toBe('hoiva');
    expect(request.request.params.has('district')).toBe(false);
    request.flush([hoiva]);
    await settle(harness);

    const type = await loader.getHarness(MatSelectHarness.with({ selector: '.type-filter' }));
    expect(await type.getValueText()).toBe('Purchased service');
    const search = await loader.getHarness(MatInputHarness.with({ selector: '.search-input' }));
    expect(await search.getValue()).toBe('hoiva');
  });

  it('ignores unknown filter values in the URL instead of sending them', async () => {
    await render('/producers?type=NONSENSE&status=ACTIVE');
    const request = expectList();
    expect(request.request.params.has('type')).toBe(false);
    expect(request.request.params.get('status')).toBe('ACTIVE');
    request.flush([]);
  });

  it('puts a chosen filter into the API query and the URL, and clears them all again', async () => {
    const { harness, loader } = await render();
    expectList().flush([hoiva, kontula]);
    await settle(harness);

    const district = await loader.getHarness(MatSelectHarness.with({ selector: '.district-filter' }));
    await district.open();
    await district.clickOptions({ text: 'Eastern' });
    await settle(harness);
    let request = expectList();
    expect(request.request.params.get('district')).toBe('EASTERN');
    request.flush([hoiva]);
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/producers?district=EASTERN');

    const status = await loader.getHarness(MatSelectHarness.with({ selector: '.status-filter' }));
    await status.open();
    await status.clickOptions({ text: 'Inactive' });
    await settle(harness);
    request = expectList();
    expect(request.request.params.get('district')).toBe('EASTERN');
    expect(request.request.params.get('status')).toBe('INACTIVE');
    request.flush([]);
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/producers?district=EASTERN&status=INACTIVE');
    expect(harness.fixture.nativeElement.textContent).toContain('No producers match the filters.');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Clear filters' }))).click();
    await settle(harness);
    expectList().flush([hoiva, kontula]);
    expect(TestBed.inject(Router).url).toBe('/producers');
  });

  it('searches once the user pauses typing, and keeps the search in the URL', async () => {
    const { harness, loader } = await render();
    expectList().flush([hoiva, kontula]);
    await settle(harness);

    const search = await loader.getHarness(MatInputHarness.with({ selector: '.search-input' }));
    await search.setValue('kontu');
    await settle(harness);
    http.expectNone((req) => req.url === '/api/producers');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(harness);
    const request = expectList();
    expect(request.request.params.get('search')).toBe('kontu');
    request.flush([kontula]);
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe('/producers?search=kontu');
  });

  it.each<[Role, boolean]>([
    ['CONTRACT_MANAGER', true],
    ['ADMIN', true],
    ['ANALYST', false],
    ['PROVIDER_REPORTER', false],
  ])('shows "New producer" to a %s: %s', async (role, shown) => {
    const { harness, loader } = await render('/producers', role);
    expectList().flush([hoiva]);
    await settle(harness);
    const button = await loader.getHarnessOrNull(MatButtonHarness.with({ text: /New producer/ }));
    expect(button !== null).toBe(shown);
  });
});
