import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { ProducerDetail } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { ProducerEditor } from './producer-editor';

const ID = '5b0d1c4e-3f51-4a8e-9d4c-0e2a6f7b8c91';

const hoiva: ProducerDetail = {
  id: ID,
  name: 'Hoiva Oy',
  type: 'PURCHASED_SERVICE',
  businessId: '0201256-6',
  status: 'ACTIVE',
  costCentre: null,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  districts: [],
  languages: [],
  unitCount: 0,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
  units: [],
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ProducerEditor', () => {
  let http: HttpTestingController;

  async function render(id?: string) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ProducerEditor);
    if (id) fixture.componentRef.setInput('id', id);
    await settle(fixture);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    return { fixture, loader, navigate };
  }

  afterEach(() => http.verify());

  async function field(fixture: ComponentFixture<unknown>, label: string) {
    return TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatFormFieldHarness.with({ floatingLabelText: label }),
    );
  }
  async function inputOf(fixture: ComponentFixture<unknown>, label: string): Promise<MatInputHarness> {
    const input = await (await field(fixture, label)).getControl(MatInputHarness);
    if (!input) throw new Error(`No input labelled ${label}`);
    return input;
  }

  async function selectOf(fixture: ComponentFixture<unknown>, label: string): Promise<MatSelectHarness> {
    const select = await (await field(fixture, label)).getControl(MatSelectHarness);
    if (!select) throw new Error(`No select labelled ${label}`);
    return select;
  }

  async function type(fixture: ComponentFixture<unknown>, label: string, value: string) {
    const input = await inputOf(fixture, label);
    await input.setValue(value);
  }

  async function chooseType(fixture: ComponentFixture<unknown>, text: string) {
    const select = await selectOf(fixture, 'Type');
    await select.open();
    await select.clickOptions({ text });
    await settle(fixture);
  }

  async function labels(fixture: ComponentFixture<unknown>) {
    const fields = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatFormFieldHarness);
    return Promise.all(fields.map((f) => f.getLabel()));
  }

  it('asks for a cost centre only for in-house production and says the city business ID is the default', async () => {
    const { fixture } = await render();
    expect(await labels(fixture)).toEqual([
      'Name',
      'Type',
      'Status',
      'Business ID',
      'Contact person',
      'Contact email',
      'Contact phone',
    ]);

    await chooseType(fixture, 'In-house production');
    expect(await labels(fixture)).toContain('Cost centre');
    expect(await (await field(fixture, 'Business ID')).getTextHints()).toEqual([
      "For in-house production the city's own business ID is used when this is empty.",
    ]);

    await chooseType(fixture, 'Service voucher');
    expect(await labels(fixture)).not.toContain('Cost centre');
  });

  it('flags a wrong check digit as soon as it is typed and sends nothing', async () => {
    const { fixture, loader } = await render();
    await type(fixture, 'Name', 'Hoiva Oy');
    await chooseType(fixture, 'Purchased service');
    await type(fixture, 'Business ID', '0201256-5');
    await settle(fixture);
    // Still focused in the field: the error shows without leaving it.
    expect(await (await field(fixture, 'Business ID')).getTextErrors()).toEqual([
      'The check digit does not match the business ID. Check the number.',
    ]);

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create producer' }))).click();
    await settle(fixture);
    http.expectNone('/api/producers');

    await type(fixture, 'Business ID', '0201256-6');
    await settle(fixture);
    expect(await (await field(fixture, 'Business ID')).getTextErrors()).toEqual([]);
  });

  it('requires a business ID from an external producer', async () => {
    const { fixture, loader } = await render();
    await type(fixture, 'Name', 'Hoiva Oy');
    await chooseType(fixture, 'Purchased service');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create producer' }))).click();
    await settle(fixture);
    http.expectNone('/api/producers');
    expect(await (await field(fixture, 'Business ID')).getTextErrors()).toEqual(['This field is required.']);
  });

  it('creates an in-house producer without a business ID and opens its page', async () => {
    const { fixture, loader, navigate } = await render();
    await type(fixture, 'Name', 'Kontulan seniorikeskus');
    await chooseType(fixture, 'In-house production');
    await type(fixture, 'Cost centre', '4711');
    await type(fixture, 'Contact email', 'aino.virtanen@hel.fi');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create producer' }))).click();

    const request = http.expectOne({ method: 'POST', url: '/api/producers' });
    expect(request.request.body).toEqual({
      name: 'Kontulan seniorikeskus',
      type: 'SELF_PRODUCED',
      businessId: null,
      costCentre: '4711',
      contactName: null,
      contactEmail: 'aino.virtanen@hel.fi',
      contactPhone: null,
      status: 'ACTIVE',
    });
    request.flush({ ...hoiva, name: 'Kontulan seniorikeskus', type: 'SELF_PRODUCED', costCentre: '4711' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/producers', ID]);
  });

  it("shows the API's rule and field errors on the fields", async () => {
    const { fixture, loader } = await render();
    await type(fixture, 'Name', 'Kontulan seniorikeskus');
    await chooseType(fixture, 'In-house production');
    await type(fixture, 'Business ID', '1234567-1');
    await type(fixture, 'Cost centre', '4711');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create producer' }))).click();
    http.expectOne({ method: 'POST', url: '/api/producers' }).flush(
      {
        statusCode: 422,
        code: 'RULE_VIOLATION',
        message: 'The values do not fit together. See the fields listed.',
        fields: [
          {
            field: 'businessId',
            problem: 'ownBusinessIdRequired',
            message: "must be the organiser's own business ID for in-house production",
          },
        ],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(await (await field(fixture, 'Business ID')).getTextErrors()).toEqual([
      "Must be the organiser's own business ID for in-house production.",
    ]);
    expect(fixture.nativeElement.querySelector('[role=alert] .error')?.textContent).toContain(
      'The values do not fit together.',
    );
  });

  it('edits an existing producer, showing a taken name on the name field', async () => {
    const { fixture, loader, navigate } = await render(ID);
    http.expectOne(`/api/producers/${ID}`).flush(hoiva);
    await settle(fixture);
    expect(await (await inputOf(fixture, 'Name')).getValue()).toBe('Hoiva Oy');

    await type(fixture, 'Name', 'Kotihoito Oy');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    const request = http.expectOne({ method: 'PATCH', url: `/api/producers/${ID}` });
    expect(request.request.body).toMatchObject({
      name: 'Kotihoito Oy',
      businessId: '0201256-6',
      costCentre: null,
    });
    request.flush(
      {
        statusCode: 409,
        code: 'PRODUCER_NAME_TAKEN',
        message: 'The organiser already has a producer with this name.',
        fields: [{ field: 'name', problem: 'duplicate', message: 'is already in use' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(await (await field(fixture, 'Name')).getTextErrors()).toEqual([
      'The organiser already has a producer with this name.',
    ]);
    expect(navigate).not.toHaveBeenCalled();
  });
});
