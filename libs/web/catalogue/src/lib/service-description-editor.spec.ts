import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { ServiceDescription } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { ServiceDescriptionEditor } from './service-description-editor';

const published: ServiceDescription = {
  id: 'd2',
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

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('ServiceDescriptionEditor', () => {
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function render(id?: string) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(ServiceDescriptionEditor);
    if (id) fixture.componentRef.setInput('id', id);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  async function input(loader: ReturnType<typeof TestbedHarnessEnvironment.loader>, label: string) {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = await field.getControl(MatInputHarness);
    if (!control) throw new Error(`No input labelled ${label}`);
    return control;
  }

  afterEach(() => http.verify());

  it('creates a draft and shows the API field errors on the fields', async () => {
    const { fixture, loader } = await render();
    await (await input(loader, 'Code')).setValue('DENTAL');
    const area = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=area]' }));
    await area.open();
    await area.clickOptions({ text: 'Oral health care' });
    const unit = await loader.getHarness(MatSelectHarness.with({ selector: '[formControlName=outputUnit]' }));
    await unit.open();
    await unit.clickOptions({ text: 'Visit' });
    await (await input(loader, 'Name – Finnish')).setValue('Hammashoito');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create service description' }))).click();

    const request = http.expectOne({ method: 'POST', url: '/api/service-descriptions' });
    expect(request.request.body).toMatchObject({
      code: 'DENTAL',
      area: 'ORAL_HEALTH',
      outputUnit: 'VISIT',
      name: { fi: 'Hammashoito', sv: '', en: '' },
    });
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'Some fields are not valid.',
        fields: [{ field: 'name.sv', problem: 'maxLength', message: 'must be at most 4000 characters' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle(fixture);
    const swedish = await loader.getHarness(
      MatFormFieldHarness.with({ floatingLabelText: 'Name – Swedish' }),
    );
    expect(await swedish.getTextErrors()).toEqual(['Must be at most 4000 characters.']);
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'Some fields are not valid.',
    );
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shows a taken code on the code field', async () => {
    const { fixture, loader } = await render('d2');
    http.expectOne('/api/service-descriptions/d2').flush({ ...published, status: 'DRAFT', version: 1 });
    await settle(fixture);
    await (await input(loader, 'Code')).setValue('DENTAL');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    http.expectOne({ method: 'PATCH', url: '/api/service-descriptions/d2' }).flush(
      {
        statusCode: 409,
        code: 'CODE_TAKEN',
        message: 'The code DENTAL is already in use. Choose another code.',
        fields: [{ field: 'code', problem: 'invalid', message: 'is not valid' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    const code = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Code' }));
    expect(await code.getTextErrors()).toEqual(['The code DENTAL is already in use. Choose another code.']);
  });

  it('tells that saving a published version makes a new draft, and opens that draft', async () => {
    const { fixture, loader } = await render('d2');
    http.expectOne('/api/service-descriptions/d2').flush(published);
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain(
      'Version 2 is published, so saving creates a new draft version.',
    );
    expect(await (await input(loader, 'Code')).isDisabled()).toBe(true);

    await (await input(loader, 'Name – English')).setValue('Home care services');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/service-descriptions/d2' });
    expect(request.request.body.code).toBeUndefined();
    expect(request.request.body.name).toEqual({ fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care services' });
    request.flush(
      { ...published, id: 'd3', version: 3, status: 'DRAFT' },
      { status: 201, statusText: 'Created' },
    );
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/catalogue/services', 'd3']);
  });
});
