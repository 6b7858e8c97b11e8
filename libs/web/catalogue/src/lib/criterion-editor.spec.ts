import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { Router, provideRouter } from '@angular/router';
import { Criterion } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { CriterionEditor } from './criterion-editor';

const text = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });
const criterion: Criterion = {
  id: 'c1',
  code: 'FALLS',
  measureType: 'RATE',
  direction: 'LOWER_IS_BETTER',
  unit: text('kaatumista'),
  name: text('Kaatumiset'),
  definition: text('Määritelmä'),
  interpretation: text('Tulkinta'),
  numeratorDefinition: text('Osoittaja'),
  denominatorDefinition: text('Nimittäjä'),
  minValue: 0,
  maxValue: null,
  decimals: 1,
  scaleMin: null,
  scaleMax: null,
  rateMultiplier: 1000,
  allowNotApplicable: false,
  missingLanguages: [],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('CriterionEditor', () => {
  let http: HttpTestingController;
  let navigate: jest.SpyInstance;

  async function render(id?: string) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(CriterionEditor);
    if (id) fixture.componentRef.setInput('id', id);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  async function labels(loader: ReturnType<typeof TestbedHarnessEnvironment.loader>) {
    const fields = await loader.getAllHarnesses(MatFormFieldHarness);
    return Promise.all(fields.map((field) => field.getLabel()));
  }

  async function input(loader: ReturnType<typeof TestbedHarnessEnvironment.loader>, label: string) {
    const field = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
    const control = await field.getControl(MatInputHarness);
    if (!control) throw new Error(`No input labelled ${label}`);
    return control;
  }

  async function choose(
    loader: ReturnType<typeof TestbedHarnessEnvironment.loader>,
    name: string,
    option: string,
  ) {
    const select = await loader.getHarness(MatSelectHarness.with({ selector: `[formControlName=${name}]` }));
    await select.open();
    await select.clickOptions({ text: option });
  }

  afterEach(() => http.verify());

  it('shows only the fields the measure type uses', async () => {
    const { fixture, loader } = await render();
    await choose(loader, 'measureType', 'Count');
    await settle(fixture);
    let shown = await labels(loader);
    expect(shown).not.toContain('Rate multiplier');
    expect(shown).not.toContain('Scale minimum');
    expect(shown).not.toContain('Numerator – Finnish');

    await choose(loader, 'measureType', 'Rate (per N)');
    await settle(fixture);
    shown = await labels(loader);
    expect(shown).toContain('Rate multiplier');
    expect(shown).toContain('Numerator – Finnish');
    expect(shown).toContain('Denominator – English');
    expect(shown).not.toContain('Scale minimum');

    await choose(loader, 'measureType', 'Scale');
    await settle(fixture);
    shown = await labels(loader);
    expect(shown).toContain('Scale minimum');
    expect(shown).toContain('Scale maximum');
    expect(shown).not.toContain('Rate multiplier');
  });

  it('creates a criterion and opens it', async () => {
    const { fixture, loader } = await render();
    await (await input(loader, 'Code')).setValue('SATISFACTION');
    await choose(loader, 'measureType', 'Scale');
    await choose(loader, 'direction', 'Higher is better');
    await settle(fixture);
    await (await input(loader, 'Scale minimum')).setValue('1');
    await (await input(loader, 'Scale maximum')).setValue('5');
    await (await input(loader, 'Name – Finnish')).setValue('Asiakastyytyväisyys');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Create criterion' }))).click();

    const request = http.expectOne({ method: 'POST', url: '/api/criteria' });
    expect(request.request.body).toMatchObject({
      code: 'SATISFACTION',
      measureType: 'SCALE',
      direction: 'HIGHER_IS_BETTER',
      scaleMin: 1,
      scaleMax: 5,
      rateMultiplier: null,
      numeratorDefinition: null,
      denominatorDefinition: null,
      decimals: 0,
      name: { fi: 'Asiakastyytyväisyys', sv: '', en: '' },
    });
    request.flush({ ...criterion, id: 'c9', code: 'SATISFACTION' }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/catalogue/criteria', 'c9']);
  });

  it('shows rule violations from the API on the fields', async () => {
    const { fixture, loader } = await render('c1');
    http.expectOne('/api/criteria/c1').flush(criterion);
    await settle(fixture);
    await (await input(loader, 'Rate multiplier')).setValue('2');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    http.expectOne({ method: 'PATCH', url: '/api/criteria/c1' }).flush(
      {
        statusCode: 422,
        code: 'RULE_VIOLATION',
        message: 'The values do not fit together. See the fields listed.',
        fields: [{ field: 'minValue', problem: 'max', message: 'must be at most 0' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const min = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Minimum value' }));
    expect(await min.getTextErrors()).toEqual(['Must be at most 0.']);
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'The values do not fit together.',
    );
  });

  it('explains that a criterion in use keeps its measure', async () => {
    const { fixture, loader } = await render('c1');
    http.expectOne('/api/criteria/c1').flush(criterion);
    await settle(fixture);
    await choose(loader, 'direction', 'Higher is better');
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/criteria/c1' });
    expect(request.request.body.direction).toBe('HIGHER_IS_BETTER');
    expect(request.request.body.rateMultiplier).toBe(1000);
    request.flush(
      {
        statusCode: 409,
        code: 'CRITERION_IN_USE',
        message: 'The criterion is used in published monitoring terms.',
        fields: [{ field: 'direction', problem: 'invalid', message: 'is not valid' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent).toContain(
      'The criterion is used in published monitoring terms, so its code, measure type, direction',
    );
    const direction = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: 'Direction' }));
    expect(await direction.getTextErrors()).toEqual(['Is not valid.']);
    expect(navigate).not.toHaveBeenCalled();
  });

  it('locks the measure of a criterion that published terms use, leaving its texts editable', async () => {
    const { fixture, loader } = await render('c1');
    http.expectOne('/api/criteria/c1').flush({ ...criterion, inUse: true });
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('Published monitoring terms use this criterion');
    expect(await (await input(loader, 'Code')).isDisabled()).toBe(true);
    expect(await (await input(loader, 'Rate multiplier')).isDisabled()).toBe(true);
    const direction = await loader.getHarness(
      MatSelectHarness.with({ selector: '[formControlName=direction]' }),
    );
    expect(await direction.isDisabled()).toBe(true);
    expect(await (await input(loader, 'Name – English')).isDisabled()).toBe(false);
  });

  it('says nothing of a lock when no published terms use the criterion', async () => {
    const { fixture, loader } = await render('c1');
    http.expectOne('/api/criteria/c1').flush({ ...criterion, inUse: false });
    await settle(fixture);
    expect(fixture.nativeElement.textContent).not.toContain('Published monitoring terms use this criterion');
    expect(await (await input(loader, 'Code')).isDisabled()).toBe(false);
  });
});
