import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { Role, ServiceDescription } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ServiceDescriptionsPage } from './service-descriptions-page';

const homeCare: ServiceDescription = {
  id: 'd1',
  code: 'HOME_CARE',
  version: 2,
  status: 'PUBLISHED',
  area: 'OLDER_PEOPLE',
  outputUnit: 'VISIT',
  name: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' },
  description: { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' },
  inclusions: { fi: 'Sisältyy', sv: 'Ingår', en: 'Included' },
  targetGroup: { fi: 'Ikäihmiset', sv: 'Äldre', en: 'Older people' },
  missingLanguages: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

const dental: ServiceDescription = {
  ...homeCare,
  id: 'd2',
  code: 'DENTAL',
  version: 1,
  status: 'DRAFT',
  area: 'ORAL_HEALTH',
  name: { fi: 'Hammashoito', sv: '', en: 'Dental care' },
  missingLanguages: ['sv'],
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ServiceDescriptionsPage', () => {
  let http: HttpTestingController;

  async function render(role: Role = 'CONTRACT_MANAGER') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { role: signal<Role>(role) } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ServiceDescriptionsPage);
    await settle(fixture);
    http.expectOne((req) => req.url === '/api/service-descriptions').flush([dental, homeCare]);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  afterEach(() => http.verify());

  it('lists the latest versions with translated labels and flags a missing Swedish text', async () => {
    const { loader } = await render();
    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();
    expect(rows['code'].text).toEqual(['DENTAL', 'HOME_CARE']);
    expect(rows['name'].text).toEqual(['Dental care', 'Home care']);
    expect(rows['area'].text).toEqual(['Oral health care', 'Services for older people']);
    expect(rows['status'].text).toEqual(['Draft', 'Published']);
    expect(rows['languages'].text[0]).toMatch(/Swedish missing$/);
    expect(rows['languages'].text[1]).toMatch(/All languages$/);
  });

  it('sends the chosen filters and the debounced search to the API', async () => {
    const { fixture, loader } = await render();
    const area = await loader.getHarness(MatSelectHarness.with({ selector: '.area-filter' }));
    await area.open();
    await area.clickOptions({ text: 'Oral health care' });
    await settle(fixture);
    let request = http.expectOne((req) => req.url === '/api/service-descriptions');
    expect(request.request.params.get('area')).toBe('ORAL_HEALTH');
    request.flush([dental]);

    const missing = await loader.getHarness(MatSelectHarness.with({ selector: '.missing-filter' }));
    await missing.open();
    await missing.clickOptions({ text: 'Swedish missing' });
    await settle(fixture);
    request = http.expectOne((req) => req.url === '/api/service-descriptions');
    expect(request.request.params.get('missingLanguage')).toBe('sv');
    expect(request.request.params.has('status')).toBe(false);
    request.flush([dental]);

    await (await loader.getHarness(MatInputHarness.with({ selector: '[type=search]' }))).setValue('hamm');
    await new Promise((resolve) => setTimeout(resolve, 350));
    await settle(fixture);
    request = http.expectOne((req) => req.url === '/api/service-descriptions');
    expect(request.request.params.get('search')).toBe('hamm');
    expect(request.request.params.get('area')).toBe('ORAL_HEALTH');
    request.flush([dental]);
  });

  it('offers a new service description to contract managers only', async () => {
    const { fixture } = await render('CONTRACT_MANAGER');
    expect(fixture.nativeElement.textContent).toContain('New service description');
  });

  it('hides the new service description button from analysts', async () => {
    const { fixture } = await render('ANALYST');
    expect(fixture.nativeElement.textContent).not.toContain('New service description');
  });
});
