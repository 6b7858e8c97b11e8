import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import {
  Contract,
  ContractEvent,
  ProducerDetail,
  ReportObligation,
  Role,
  ServiceDescription,
} from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ContractPage } from './contract-page';

const ID = '0b4f7c1e-3a51-4a8e-9d4c-0e2a6f7b8c91';
const PRODUCER = '5b0d1c4e-3f51-4a8e-9d4c-0e2a6f7b8c91';
const TERMS_1 = '11111111-1111-4111-8111-111111111111';
const TERMS_2 = '22222222-2222-4222-8222-222222222222';

const contract: Contract = {
  id: ID,
  number: 'HEL-2026-0042',
  title: 'Kotihoidon palveluseteli',
  producerId: PRODUCER,
  producerName: 'Hoiva Oy',
  producerType: 'VOUCHER_SERVICE',
  kind: 'VOUCHER_APPROVAL',
  status: 'ACTIVE',
  validFrom: '2026-01-01',
  validTo: null,
  managerId: 'm1',
  managerName: 'Maija Manager',
  serviceCodes: ['HOME_CARE'],
  options: [],
  reportingDueDays: 30,
  services: [
    {
      id: 's1',
      serviceCode: 'HOME_CARE',
      unitPrice: '1234.50',
      estimatedVolume: '12000.00',
      unitIds: ['u1'],
      terms: [
        { termsId: TERMS_1, version: 1, effectiveFrom: '2026-01-01' },
        { termsId: TERMS_2, version: 2, effectiveFrom: '2026-07-01' },
      ],
    },
  ],
  createdAt: '2026-01-01T08:00:00Z',
  updatedAt: '2026-01-01T08:00:00Z',
};

const producer = {
  id: PRODUCER,
  name: 'Hoiva Oy',
  type: 'VOUCHER_SERVICE',
  units: [{ id: 'u1', name: { fi: 'Hoivakoti Kallio', sv: '', en: '' } }],
} as unknown as ProducerDetail;

const history: ContractEvent[] = [
  {
    id: 'e2',
    kind: 'AMENDMENT',
    reason: 'Index adjustment',
    effectiveDate: '2026-07-01',
    changes: [
      { field: 'services.HOME_CARE.unitPrice', from: '1200.00', to: '1234.50' },
      { field: 'services.HOME_CARE.terms', from: TERMS_1, to: TERMS_2 },
      { field: 'validTo', from: '2026-12-31', to: null },
    ],
    actorEmail: 'manager@demo.sopu.test',
    createdAt: '2026-06-15T09:00:00Z',
  },
  {
    id: 'e1',
    kind: 'CREATED',
    reason: '',
    effectiveDate: '2026-01-01',
    changes: [],
    actorEmail: 'manager@demo.sopu.test',
    createdAt: '2026-01-01T08:00:00Z',
  },
];

const obligation = (start: string, end: string, due: string, type: 'MONTH' | 'QUARTER' = 'MONTH') =>
  ({
    id: start + type,
    contractId: ID,
    contractServiceId: 's1',
    producerId: PRODUCER,
    serviceCode: 'HOME_CARE',
    termsId: TERMS_2,
    periodType: type,
    periodStart: start,
    periodEnd: end,
    dueDate: due,
    status: 'EXPECTED',
  }) as ReportObligation;

const homeCare = {
  code: 'HOME_CARE',
  name: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' },
} as ServiceDescription;

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ContractPage', () => {
  let http: HttpTestingController;

  async function render(role: Role = 'CONTRACT_MANAGER', shown: Contract = contract) {
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
    const fixture = TestBed.createComponent(ContractPage);
    fixture.componentRef.setInput('id', ID);
    await settle(fixture);
    http.expectOne('/api/service-descriptions').flush([homeCare]);
    http.expectOne(`/api/contracts/${ID}`).flush(shown);
    await settle(fixture);
    http.expectOne(`/api/contracts/${ID}/history`).flush(history);
    http.expectOne(`/api/contracts/${ID}/obligations`).flush({
      items: [
        obligation('2026-03-01', '2026-03-31', '2026-04-30'),
        obligation('2026-02-01', '2026-02-28', '2026-03-30'),
        obligation('2026-01-01', '2026-03-31', '2026-04-30', 'QUARTER'),
      ],
      total: 3,
      page: 1,
      pageSize: 500,
    });
    http.expectOne(`/api/producers/${PRODUCER}`).flush(producer);
    await settle(fixture);
    http.expectOne(`/api/contracts/${ID}/documents`).flush([]);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  afterEach(() => http.verify());

  async function table(fixture: ComponentFixture<unknown>, label: string) {
    return TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatTableHarness.with({ selector: `[aria-label="${label}"]` }),
    );
  }

  it('shows the services with the voucher value in euros, the units and the terms versions in force and before', async () => {
    const { fixture } = await render();
    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelector('h1')?.textContent).toContain('HEL-2026-0042');
    const services = await (await table(fixture, 'Services')).getCellTextByColumnName();
    expect(services['service'].text).toEqual(['Home care']);
    expect(services['price'].text).toEqual(['€1,234.50']);
    expect(services['volume'].text).toEqual(['12,000']);
    expect(services['units'].text).toEqual(['Hoivakoti Kallio']);
    expect(services['terms'].text[0]).toContain('version 2 from 01/07/2026');
    expect(services['terms'].text[0]).toContain('earlier: version 1 from 01/01/2026');
    const headers = await (await (await table(fixture, 'Services')).getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toContain('Voucher value');
  });

  it('lists the expected reports with their periods, types, due dates and statuses', async () => {
    const { fixture } = await render();
    const rows = await (await table(fixture, 'Expected reports')).getCellTextByColumnName();
    expect(rows['period'].text).toEqual([
      '01/03/2026–31/03/2026',
      '01/02/2026–28/02/2026',
      '01/01/2026–31/03/2026',
    ]);
    expect(rows['periodType'].text).toEqual(['Month', 'Month', 'Quarter']);
    expect(rows['dueDate'].text).toEqual(['30/04/2026', '30/03/2026', '30/04/2026']);
    expect(rows['status'].text).toEqual(['Expected', 'Expected', 'Expected']);
  });

  it("renders an amendment's changes as a readable diff", async () => {
    const { fixture } = await render();
    const changes = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('.changes li'), (li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(changes).toEqual([
      'Home care: voucher value: €1,200.00 → changed to €1,234.50',
      'Home care: monitoring terms: version 1 → changed to version 2',
      'Valid until: 31/12/2026 → changed to until further notice',
    ]);
    expect(fixture.nativeElement.textContent).toContain('Index adjustment');
  });

  it('offers an editor the status changes allowed now and an amendment of an active contract', async () => {
    const { fixture, loader } = await render('CONTRACT_MANAGER');
    const buttons = await loader.getAllHarnesses(MatButtonHarness);
    const texts = await Promise.all(buttons.map((b) => b.getText()));
    expect(texts).toEqual(expect.arrayContaining(['edit_note Amend', 'Suspend', 'End', 'Terminate']));
    expect(texts).not.toContain('Activate');
    const amend = fixture.nativeElement.querySelector('a[href$="/edit"]') as HTMLAnchorElement;
    expect(amend.getAttribute('href')).toBe(`/contracts/${ID}/edit`);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Suspend' }))).click();
    await settle(fixture);
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Suspend contract HEL-2026-0042');
    await dialog.close();
  });

  it('offers "Edit" and "Activate" on a draft', async () => {
    const { loader } = await render('ADMIN', { ...contract, status: 'DRAFT' });
    const texts = await Promise.all((await loader.getAllHarnesses(MatButtonHarness)).map((b) => b.getText()));
    expect(texts).toEqual(['edit Edit', 'Activate']);
  });

  it.each<Role>(['ANALYST', 'PROVIDER_REPORTER'])('hides every edit button from a %s', async (role) => {
    const { fixture, loader } = await render(role);
    expect(fixture.nativeElement.querySelector('a[href$="/edit"]')).toBeNull();
    expect(await loader.getAllHarnesses(MatButtonHarness)).toEqual([]);
    expect(fixture.nativeElement.querySelector('input[type=file]')).toBeNull();
  });

  it('says so when the contract cannot be shown', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { role: signal<Role>('PROVIDER_REPORTER') } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ContractPage);
    fixture.componentRef.setInput('id', ID);
    await settle(fixture);
    http.expectOne('/api/service-descriptions').flush([]);
    http
      .expectOne(`/api/contracts/${ID}`)
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.' },
        { status: 404, statusText: 'Not Found' },
      );
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'The requested item was not found.',
    );
    expect(fixture.nativeElement.querySelector('h1')).toBeNull();
  });
});
