import { HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatStepHarness, MatStepperHarness, MatStepperNextHarness } from '@angular/material/stepper/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  AuthUser,
  Contract,
  MonitoringTerms,
  Producer,
  ProducerDetail,
  Role,
  ServiceDescription,
} from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ContractEditor } from './contract-editor';

const PRODUCER = '5b0d1c4e-3f51-4a8e-9d4c-0e2a6f7b8c91';
const UNIT = '7c1e2d5f-4a62-4b9f-8e5d-1f3b7a8c9d02';
const TERMS_1 = '11111111-1111-4111-8111-111111111111';
const TERMS_2 = '22222222-2222-4222-8222-222222222222';
const DRAFT_TERMS = '33333333-3333-4333-8333-333333333333';
const ID = '0b4f7c1e-3a51-4a8e-9d4c-0e2a6f7b8c91';
const MANAGER = '99999999-9999-4999-8999-999999999999';

const voucherProducer = {
  id: PRODUCER,
  name: 'Hoiva Oy',
  type: 'VOUCHER_SERVICE',
  status: 'ACTIVE',
} as Producer;
const otherProducer = {
  id: '6b0d1c4e-3f51-4a8e-9d4c-0e2a6f7b8c91',
  name: 'Kontulan kotihoito',
  type: 'SELF_PRODUCED',
  status: 'ACTIVE',
} as Producer;
const producerDetail = {
  ...voucherProducer,
  units: [{ id: UNIT, name: { fi: 'Hoivakoti Kallio', sv: '', en: '' }, active: true }],
} as unknown as ProducerDetail;

const homeCare = {
  code: 'HOME_CARE',
  name: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' },
} as ServiceDescription;

const terms = (id: string, version: number, status: 'PUBLISHED' | 'DRAFT', validFrom: string) =>
  ({ id, serviceCode: 'HOME_CARE', version, status, validFrom }) as MonitoringTerms;
const homeCareTerms = [
  terms(DRAFT_TERMS, 3, 'DRAFT', '2027-01-01'),
  terms(TERMS_2, 2, 'PUBLISHED', '2026-01-01'),
  terms(TERMS_1, 1, 'PUBLISHED', '2025-01-01'),
];

const active: Contract = {
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
  managerId: MANAGER,
  managerName: 'Maija',
  serviceCodes: ['HOME_CARE'],
  options: [],
  reportingDueDays: 30,
  services: [
    {
      id: 's1',
      serviceCode: 'HOME_CARE',
      unitPrice: '52.40',
      estimatedVolume: '1000.00',
      unitIds: [UNIT],
      terms: [{ termsId: TERMS_2, version: 2, effectiveFrom: '2026-01-01' }],
    },
  ],
  createdAt: '2026-01-01T08:00:00Z',
  updatedAt: '2026-01-01T08:00:00Z',
};

@Component({ template: '' })
class Blank {}

async function settle(harness: RouterTestingHarness) {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }
}

describe('ContractEditor', () => {
  let http: HttpTestingController;

  async function render(url: string, role: Role = 'CONTRACT_MANAGER') {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'contracts/new', component: ContractEditor },
            { path: 'contracts/:id/edit', component: ContractEditor },
            { path: 'contracts/:id', component: Blank },
          ],
          withComponentInputBinding(),
        ),
        {
          provide: AuthStore,
          useValue: {
            role: signal<Role>(role),
            user: signal({ id: MANAGER, role } as AuthUser),
          },
        },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url);
    await settle(harness);
    http.expectOne('/api/service-descriptions').flush([homeCare]);
    http.expectOne('/api/producers').flush([voucherProducer, otherProducer]);
    return { harness, loader: TestbedHarnessEnvironment.loader(harness.fixture) };
  }

  afterEach(() => http.verify());

  async function currentStep(loader: HarnessLoader): Promise<MatStepHarness> {
    const stepper = await loader.getHarness(MatStepperHarness);
    const [step] = await stepper.getSteps({ selected: true });
    return step;
  }

  async function field(loader: HarnessLoader, label: string) {
    return (await currentStep(loader)).getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  }

  async function type(loader: HarnessLoader, label: string, value: string) {
    const input = await (await field(loader, label)).getControl(MatInputHarness);
    if (!input) throw new Error(`No input labelled ${label}`);
    await input.setValue(value);
  }

  async function choose(loader: HarnessLoader, label: string, option: string | RegExp) {
    const select = await (await field(loader, label)).getControl(MatSelectHarness);
    if (!select) throw new Error(`No select labelled ${label}`);
    await select.clickOptions({ text: option });
  }

  async function next(harness: RouterTestingHarness, loader: HarnessLoader) {
    await (await (await currentStep(loader)).getHarness(MatStepperNextHarness)).click();
    await settle(harness);
  }

  /** A new voucher approval for the producer chosen on its page, through every step up to the review. */
  async function fillNew(harness: RouterTestingHarness, loader: HarnessLoader) {
    http.expectOne(`/api/producers/${PRODUCER}`).flush(producerDetail);
    await settle(harness);
    expect((await currentStep(loader)) && (await (await currentStep(loader)).getLabel())).toBe('Producer');
    const select = await (await field(loader, 'Producer')).getControl(MatSelectHarness);
    expect(await select?.getValueText()).toBe('Hoiva Oy (Service voucher)');
    expect(harness.fixture.nativeElement.querySelector('.kind-value').textContent).toContain(
      'Voucher approval',
    );
    await type(loader, 'Contract number', 'HEL-2026-0042');
    await type(loader, 'Title', 'Kotihoidon palveluseteli');
    await next(harness, loader);

    expect(await (await currentStep(loader)).getLabel()).toBe('Services and terms');
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add service/ }))).click();
    await settle(harness);
    await choose(loader, 'Service', 'Home care');
    http.expectOne((req) => req.url === '/api/monitoring-terms').flush(homeCareTerms);
    await settle(harness);
    // Only published versions are offered, the newest chosen.
    const termsSelect = await (await field(loader, 'Monitoring terms version')).getControl(MatSelectHarness);
    if (!termsSelect) throw new Error('No terms select');
    expect(await termsSelect.getValueText()).toBe('version 2 (valid from 01/01/2026)');
    await termsSelect.open();
    expect(await Promise.all((await termsSelect.getOptions()).map((o) => o.getText()))).toEqual([
      'version 2 (valid from 01/01/2026)',
      'version 1 (valid from 01/01/2025)',
    ]);
    await termsSelect.close();
    await (
      await (await currentStep(loader)).getHarness(MatCheckboxHarness.with({ label: 'Hoivakoti Kallio' }))
    ).check();
    await next(harness, loader);

    expect(await (await currentStep(loader)).getLabel()).toBe('Prices and volumes');
    await type(loader, 'Voucher value – Home care', '52,40');
    await type(loader, 'Estimated volume a year – Home care', '1 000');
    await next(harness, loader);

    expect(await (await currentStep(loader)).getLabel()).toBe('Reporting and validity');
    await type(loader, 'Reports due (days)', '21');
    await type(loader, 'Valid from', '2026-01-01');
    await next(harness, loader);
    expect(await (await currentStep(loader)).getLabel()).toBe('Review');
  }

  it('sets the kind from the producer type and sends the contract a contract manager registers', async () => {
    const { harness, loader } = await render(`/contracts/new?producer=${PRODUCER}`);
    await fillNew(harness, loader);
    const review = harness.fixture.nativeElement.querySelector('.review').textContent.replace(/\s+/g, ' ');
    expect(review).toContain('Voucher approval');
    expect(review).toContain('€52.40');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    const request = http.expectOne('/api/contracts');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      number: 'HEL-2026-0042',
      title: 'Kotihoidon palveluseteli',
      producerId: PRODUCER,
      kind: 'VOUCHER_APPROVAL',
      validFrom: '2026-01-01',
      validTo: null,
      options: [],
      reportingDueDays: 21,
      managerId: MANAGER,
      services: [
        {
          serviceCode: 'HOME_CARE',
          termsId: TERMS_2,
          unitPrice: '52.40',
          estimatedVolume: '1000',
          unitIds: [UNIT],
        },
      ],
    });
    request.flush({ ...active, status: 'DRAFT' });
    await settle(harness);
    expect(TestBed.inject(Router).url).toBe(`/contracts/${ID}`);
  });

  it("shows the server's field error on the step and field it belongs to", async () => {
    const { harness, loader } = await render(`/contracts/new?producer=${PRODUCER}`);
    await fillNew(harness, loader);
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    http.expectOne('/api/contracts').flush(
      {
        statusCode: 422,
        code: 'RULE_VIOLATION',
        message: 'x',
        fields: [{ field: 'services[0].termsId', problem: 'termsNotOfService', message: 'x' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(harness);
    const step = await currentStep(loader);
    expect(await step.getLabel()).toBe('Services and terms');
    const terms = await field(loader, 'Monitoring terms version');
    expect(await terms.getTextErrors()).toEqual([
      'must be a published version of the monitoring terms of this service',
    ]);
  });

  it('asks for the reason and effective date of an amendment to an active contract', async () => {
    const { harness, loader } = await render(`/contracts/${ID}/edit`);
    http.expectOne(`/api/contracts/${ID}`).flush(active);
    await settle(harness);
    http.expectOne((req) => req.url === '/api/monitoring-terms').flush(homeCareTerms);
    http.expectOne(`/api/producers/${PRODUCER}`).flush(producerDetail);
    await settle(harness);
    expect(harness.fixture.nativeElement.querySelector('h1').textContent).toContain(
      'Amend contract HEL-2026-0042',
    );

    // Straight to the review: everything else is already valid.
    await next(harness, loader);
    await next(harness, loader);
    await type(loader, 'Voucher value – Home care', '54.10');
    await next(harness, loader);
    await next(harness, loader);
    expect(await (await currentStep(loader)).getLabel()).toBe('Review');
    await type(loader, 'Effective date', '');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    await settle(harness);
    http.expectNone(`/api/contracts/${ID}`);
    expect(await (await field(loader, 'Reason for the amendment')).getTextErrors()).toEqual([
      'This field is required.',
    ]);
    expect(await (await field(loader, 'Effective date')).getTextErrors()).toEqual([
      'This field is required.',
    ]);

    await type(loader, 'Reason for the amendment', 'Price index 2026');
    await type(loader, 'Effective date', '2026-07-01');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    const request = http.expectOne(`/api/contracts/${ID}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body.amendment).toEqual({
      reason: 'Price index 2026',
      effectiveDate: '2026-07-01',
    });
    expect(request.request.body.services).toEqual([
      {
        serviceCode: 'HOME_CARE',
        termsId: TERMS_2,
        unitPrice: '54.10',
        estimatedVolume: '1000.00',
        unitIds: [UNIT],
      },
    ]);
    expect(request.request.body.producerId).toBeUndefined();
    request.flush(active);
    await settle(harness);
  });

  it('chooses the kind of a purchase or in-house producer as it is chosen', async () => {
    const { harness, loader } = await render('/contracts/new');
    await choose(loader, 'Producer', /Kontulan kotihoito/);
    http.expectOne(`/api/producers/${otherProducer.id}`).flush({ ...otherProducer, units: [] });
    await settle(harness);
    expect(harness.fixture.nativeElement.querySelector('.kind-value').textContent).toContain(
      'In-house service agreement',
    );
  });
});
