import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { ContractSummary, ProducerDetail, Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ProducerPage } from './producer-page';

const ID = '7c1e2d5f-4a62-4b9f-8e5d-1f3b7a8c9d02';

const kontula: ProducerDetail = {
  id: ID,
  name: 'Kontulan seniorikeskus',
  type: 'SELF_PRODUCED',
  businessId: '0201256-6',
  status: 'ACTIVE',
  costCentre: '4711',
  contactName: 'Aino Virtanen',
  contactEmail: 'aino.virtanen@hel.fi',
  contactPhone: null,
  districts: ['EASTERN'],
  languages: ['fi', 'sv'],
  unitCount: 2,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  units: [
    {
      id: 'u1',
      producerId: ID,
      name: { fi: 'Kontulan palvelutalo', sv: 'Gårdsbacka servicehus', en: '' },
      streetAddress: 'Kontulankaari 1',
      postalCode: '00940',
      postOffice: 'Helsinki',
      district: 'EASTERN',
      languages: ['fi', 'sv'],
      capacity: 60,
      active: true,
    },
    {
      id: 'u2',
      producerId: ID,
      name: { fi: 'Kontulan kotihoito', sv: '', en: 'Kontula home care' },
      streetAddress: 'Ostostie 4',
      postalCode: '00940',
      postOffice: 'Helsinki',
      district: 'EASTERN',
      languages: ['fi'],
      capacity: null,
      active: false,
    },
  ],
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ProducerPage', () => {
  let http: HttpTestingController;

  async function render(role: Role = 'CONTRACT_MANAGER', lang: 'en' | 'sv' = 'en') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { role: signal<Role>(role) } },
      ],
    });
    TestBed.inject(I18n).setLanguage(lang);
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ProducerPage);
    fixture.componentRef.setInput('id', ID);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  afterEach(() => http.verify());

  function flushContracts(contracts: ContractSummary[] = []) {
    const request = http.expectOne((req) => req.url === '/api/contracts');
    expect(request.request.params.get('producerId')).toBe(ID);
    request.flush(contracts);
  }

  it("shows the producer's data and its service units", async () => {
    const { fixture, loader } = await render();
    http.expectOne(`/api/producers/${ID}`).flush(kontula);
    flushContracts();
    await settle(fixture);

    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelector('h1')?.textContent).toContain('Kontulan seniorikeskus');
    const facts = Array.from(page.querySelectorAll('dt')).map((dt) => [
      dt.textContent?.trim(),
      dt.nextElementSibling?.textContent?.trim(),
    ]);
    expect(facts).toEqual([
      ['Type', 'In-house production'],
      ['Business ID', '0201256-6'],
      ['Cost centre', '4711'],
      ['Contact person', 'Aino Virtanen'],
      ['Contact email', 'aino.virtanen@hel.fi'],
      ['Contact phone', 'Not given'],
    ]);

    const table = await loader.getHarness(MatTableHarness);
    const rows = await table.getCellTextByColumnName();
    // An empty English name falls back to the Finnish one.
    expect(rows['name'].text).toEqual(['Kontulan palvelutalo', 'Kontula home care']);
    expect(rows['address'].text).toEqual(['Kontulankaari 1, 00940 Helsinki', 'Ostostie 4, 00940 Helsinki']);
    expect(rows['district'].text).toEqual(['Eastern', 'Eastern']);
    expect(rows['languages'].text).toEqual(['Suomi, Svenska', 'Suomi']);
    expect(rows['capacity'].text).toEqual(['60', '']);
    expect(rows['active'].text).toEqual(['Active', 'Inactive']);
  });

  it('names the units in the UI language', async () => {
    const { fixture, loader } = await render('ANALYST', 'sv');
    http.expectOne(`/api/producers/${ID}`).flush(kontula);
    flushContracts();
    await settle(fixture);
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['name'].text).toEqual(['Gårdsbacka servicehus', 'Kontulan kotihoito']);
    expect(rows['district'].text).toEqual(['Östra', 'Östra']);
  });

  it('lets an editor edit the producer, add a unit and edit a unit in a dialog', async () => {
    const { fixture, loader } = await render('ADMIN');
    http.expectOne(`/api/producers/${ID}`).flush(kontula);
    flushContracts();
    await settle(fixture);

    const edit = fixture.nativeElement.querySelector('a[href$="/edit"]') as HTMLAnchorElement;
    expect(edit.textContent).toContain('Edit');
    expect(edit.getAttribute('href')).toBe(`/producers/${ID}/edit`);

    await (
      await loader.getHarness(
        MatButtonHarness.with({ selector: '[aria-label="Edit service unit Kontula home care"]' }),
      )
    ).click();
    await settle(fixture);
    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Edit service unit');
    await dialog.close();
    await settle(fixture);

    await (await loader.getHarness(MatButtonHarness.with({ text: /Add service unit/ }))).click();
    await settle(fixture);
    // The newest dialog: on a busy machine the closed one may still be fading out beside it.
    const dialogs =
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getAllHarnesses(MatDialogHarness);
    const add = dialogs[dialogs.length - 1];
    expect(await add.getTitleText()).toBe('New service unit');
    await add.close();
  });

  it.each<Role>(['ANALYST', 'PROVIDER_REPORTER'])('hides every edit button from a %s', async (role) => {
    const { fixture, loader } = await render(role);
    http.expectOne(`/api/producers/${ID}`).flush(kontula);
    flushContracts();
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('a[href$="/edit"]')).toBeNull();
    expect(await loader.getAllHarnesses(MatButtonHarness)).toEqual([]);
    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).not.toContain('Actions');
  });

  it('says so when the producer cannot be shown', async () => {
    const { fixture } = await render('PROVIDER_REPORTER');
    http
      .expectOne(`/api/producers/${ID}`)
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'The requested item was not found.' },
        { status: 404, statusText: 'Not Found' },
      );
    flushContracts();
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'The requested item was not found.',
    );
    expect(fixture.nativeElement.querySelector('h1')).toBeNull();
  });

  it("lists the producer's contracts with links, and offers an editor a new contract for this producer", async () => {
    const { fixture, loader } = await render('CONTRACT_MANAGER');
    http.expectOne(`/api/producers/${ID}`).flush(kontula);
    flushContracts([
      {
        id: '0b4f7c1e-3a51-4a8e-9d4c-0e2a6f7b8c91',
        number: 'HEL-2026-0007',
        title: 'Kotihoidon sisäinen palvelusopimus',
        producerId: ID,
        producerName: kontula.name,
        producerType: 'SELF_PRODUCED',
        kind: 'IN_HOUSE_AGREEMENT',
        status: 'ACTIVE',
        validFrom: '2026-01-01',
        validTo: null,
        managerId: null,
        managerName: null,
        serviceCodes: ['HOME_CARE'],
      },
    ]);
    await settle(fixture);
    const table = await loader.getHarness(MatTableHarness.with({ selector: '.contracts' }));
    const rows = await table.getCellTextByColumnName();
    expect(rows['number'].text).toEqual(['HEL-2026-0007']);
    expect(rows['kind'].text).toEqual(['In-house service agreement']);
    expect(rows['status'].text).toEqual(['Active']);
    expect(rows['validity'].text).toEqual(['01/01/2026–until further notice']);
    const page: HTMLElement = fixture.nativeElement;
    expect(page.querySelector('a[href="/contracts/0b4f7c1e-3a51-4a8e-9d4c-0e2a6f7b8c91"]')).not.toBeNull();
    const create = page.querySelector(`a[href="/contracts/new?producer=${ID}"]`);
    expect(create?.textContent).toContain('New contract');
  });
});
