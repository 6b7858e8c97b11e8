import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { ServiceUnit } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { ServiceUnitDialog, ServiceUnitDialogData } from './service-unit-dialog';

const PRODUCER = '7c1e2d5f-4a62-4b9f-8e5d-1f3b7a8c9d02';

const unit: ServiceUnit = {
  id: 'u1',
  producerId: PRODUCER,
  name: { fi: 'Kontulan palvelutalo', sv: 'Gårdsbacka servicehus', en: '' },
  streetAddress: 'Kontulankaari 1',
  postalCode: '00940',
  postOffice: 'Helsinki',
  district: 'EASTERN',
  languages: ['fi', 'sv'],
  capacity: 60,
  active: true,
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ServiceUnitDialog', () => {
  const close = jest.fn();
  let http: HttpTestingController;

  async function render(data: ServiceUnitDialogData) {
    close.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(ServiceUnitDialog);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
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
    await (await inputOf(fixture, label)).setValue(value);
  }

  it('has labelled fields with the three names side by side', async () => {
    const { fixture, loader } = await render({ producerId: PRODUCER, unit: null });
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    expect(await Promise.all(fields.map((f) => f.getLabel()))).toEqual([
      'Name in Finnish',
      'Name in Swedish',
      'Name in English',
      'Street address',
      'Postal code',
      'Post office',
      'Major district',
      'Capacity',
    ]);
    const checkboxes = await loader.getAllHarnesses(MatCheckboxHarness);
    expect(await Promise.all(checkboxes.map((c) => c.getLabelText()))).toEqual([
      'Suomi',
      'Svenska',
      'English',
      'Active',
    ]);
    expect(fixture.nativeElement.querySelector('legend').textContent).toContain('Name of the service unit');
  });

  it('checks the form before sending: Finnish name, postal code and a service language', async () => {
    const { fixture, loader } = await render({ producerId: PRODUCER, unit: null });
    await type(fixture, 'Postal code', '0094');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add service unit' }))).click();
    await settle(fixture);
    http.expectNone(`/api/producers/${PRODUCER}/units`);
    expect(await (await field(fixture, 'Name in Finnish')).getTextErrors()).toEqual([
      'This field is required.',
    ]);
    expect(await (await field(fixture, 'Name in Swedish')).getTextErrors()).toEqual([]);
    expect(await (await field(fixture, 'Postal code')).getTextErrors()).toEqual([
      'Write the postal code as five digits.',
    ]);
    expect(fixture.nativeElement.textContent).toContain('Choose at least one service language.');
  });

  it('adds a unit and closes with it', async () => {
    const { fixture, loader } = await render({ producerId: PRODUCER, unit: null });
    await type(fixture, 'Name in Finnish', 'Kontulan palvelutalo');
    await type(fixture, 'Name in Swedish', 'Gårdsbacka servicehus');
    await type(fixture, 'Street address', 'Kontulankaari 1');
    await type(fixture, 'Postal code', '00940');
    await type(fixture, 'Post office', 'Helsinki');
    await type(fixture, 'Capacity', '60');
    const district = await selectOf(fixture, 'Major district');
    await district.open();
    await district.clickOptions({ text: 'Eastern' });
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Svenska' }))).check();
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Suomi' }))).check();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Add service unit' }))).click();

    const request = http.expectOne({ method: 'POST', url: `/api/producers/${PRODUCER}/units` });
    expect(request.request.body).toEqual({
      name: { fi: 'Kontulan palvelutalo', sv: 'Gårdsbacka servicehus', en: '' },
      streetAddress: 'Kontulankaari 1',
      postalCode: '00940',
      postOffice: 'Helsinki',
      district: 'EASTERN',
      languages: ['fi', 'sv'],
      capacity: 60,
      active: true,
    });
    request.flush(unit);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(unit);
  });

  it('edits a unit and shows the API field errors on the fields', async () => {
    const { fixture, loader } = await render({ producerId: PRODUCER, unit });
    expect(await (await inputOf(fixture, 'Name in Swedish')).getValue()).toBe('Gårdsbacka servicehus');
    expect(await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Svenska' }))).isChecked()).toBe(
      true,
    );
    await (await loader.getHarness(MatCheckboxHarness.with({ label: 'Active' }))).uncheck();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();

    const request = http.expectOne({ method: 'PATCH', url: `/api/producers/${PRODUCER}/units/u1` });
    expect(request.request.body).toMatchObject({ active: false, languages: ['fi', 'sv'] });
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are not valid.',
        fields: [
          {
            field: 'postalCode',
            problem: 'postalCode',
            message: 'must be a Finnish postal code of five digits',
          },
          { field: 'name.sv', problem: 'maxLength', message: 'must be at most 4000 characters' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    expect(await (await field(fixture, 'Postal code')).getTextErrors()).toEqual([
      'Must be a Finnish postal code of five digits.',
    ]);
    expect((await (await field(fixture, 'Name in Swedish')).getTextErrors()).length).toBe(1);
    expect(close).not.toHaveBeenCalled();
  });
});
