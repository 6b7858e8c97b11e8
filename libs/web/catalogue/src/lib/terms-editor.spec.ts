import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Router, provideRouter } from '@angular/router';
import { Criterion, Direction, MonitoringTerms, TermsUpdate } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { TermsEditor } from './terms-editor';

function criterion(
  id: string,
  code: string,
  direction: Direction,
  maxValue: number | null = null,
): Criterion {
  const text = { fi: code, sv: code, en: code };
  return {
    id,
    code,
    measureType: 'RATIO',
    direction,
    minValue: 0,
    maxValue,
    decimals: 2,
    scaleMin: null,
    scaleMax: null,
    rateMultiplier: null,
    allowNotApplicable: false,
    unit: { fi: 'hlö', sv: 'pers.', en: 'persons' },
    name: { fi: `${code} fi`, sv: `${code} sv`, en: `${code} name` },
    definition: text,
    interpretation: text,
    numeratorDefinition: null,
    denominatorDefinition: null,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

const criteria = [
  criterion('c1', 'NURSE_RATIO', 'TARGET_RANGE'),
  criterion('c2', 'SATISFACTION', 'HIGHER_IS_BETTER', 100),
  criterion('c3', 'STAFF_TURNOVER', 'LOWER_IS_BETTER', 100),
];

const draft: MonitoringTerms = {
  id: 't2',
  serviceDescriptionId: 'd1',
  serviceCode: 'HOME_CARE',
  version: 2,
  status: 'DRAFT',
  validFrom: null,
  publishedAt: null,
  items: [
    {
      id: 'i1',
      criterionId: 'c1',
      criterionCode: 'NURSE_RATIO',
      required: true,
      target: 0.7,
      green: { min: 0.6, max: 0.8 },
      amber: { min: 0.5, max: 0.9 },
      frequency: 'MONTHLY',
      evidenceRequired: false,
      note: null,
      position: 0,
    },
  ],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('TermsEditor', () => {
  let http: HttpTestingController;

  async function render(terms: MonitoringTerms = draft) {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = TestBed.createComponent(TermsEditor);
    fixture.componentRef.setInput('id', terms.id);
    await settle(fixture);
    http.expectOne('/api/criteria').flush(criteria);
    http.expectOne(`/api/monitoring-terms/${terms.id}`).flush(terms);
    await settle(fixture);
    return { fixture, navigate, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  const field = (label: string) => MatFormFieldHarness.with({ floatingLabelText: label });

  afterEach(() => http.verify());

  it('flags a band open the wrong way as soon as it is typed, with the shared rule', async () => {
    const { fixture, loader } = await render();
    const greenMax = await loader.getHarness(field('Green maximum – NURSE_RATIO'));
    expect(await greenMax.getTextErrors()).toEqual([]);

    // A target range needs closed bands: emptying the maximum leaves the green band open upwards.
    await (await greenMax.getControl(MatInputHarness))?.setValue('');
    await settle(fixture);

    const greenMin = await loader.getHarness(field('Green minimum – NURSE_RATIO'));
    const greenMinInput = await greenMin.getControl(MatInputHarness);
    expect(await (await greenMinInput?.host())?.getAttribute('aria-invalid')).toBe('true');
    expect(await greenMin.getTextErrors()).toContain(
      'Green band: is open in the wrong direction for the criterion',
    );
    expect(fixture.nativeElement.textContent).toContain('cannot be published until they are fixed');

    await (await greenMax.getControl(MatInputHarness))?.setValue('0,8');
    await settle(fixture);
    expect(await greenMin.getTextErrors()).toEqual([]);
  });

  it('shows only the band ends the direction uses and flags a target outside the green band', async () => {
    const { fixture, loader } = await render();
    const search = await loader.getHarness(MatAutocompleteHarness);
    await search.enterText('SATIS');
    await search.selectOption({ text: 'SATISFACTION – SATISFACTION name' });
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add criterion/ }))).click();
    await settle(fixture);

    expect(await loader.getHarnessOrNull(field('Green minimum – SATISFACTION'))).not.toBeNull();
    expect(await loader.getHarnessOrNull(field('Amber minimum – SATISFACTION'))).not.toBeNull();
    expect(await loader.getHarnessOrNull(field('Green maximum – SATISFACTION'))).toBeNull();
    expect(await loader.getHarnessOrNull(field('Amber maximum – SATISFACTION'))).toBeNull();

    await (
      await (await loader.getHarness(field('Green minimum – SATISFACTION'))).getControl(MatInputHarness)
    )?.setValue('90');
    await (
      await (await loader.getHarness(field('Amber minimum – SATISFACTION'))).getControl(MatInputHarness)
    )?.setValue('80');
    const target = await loader.getHarness(field('Target – SATISFACTION'));
    await (await target.getControl(MatInputHarness))?.setValue('85');
    await settle(fixture);
    expect(await target.getTextErrors()).toEqual(['must lie inside the green band']);

    // The criterion just added is no longer offered.
    await search.clear();
    await search.enterText('SATIS');
    expect(await search.getOptions()).toEqual([]);
  });

  it('saves the start date and the whole item list, then opens the version', async () => {
    const { fixture, loader, navigate } = await render();
    const validFrom = await loader.getHarness(field('Valid from'));
    await (await validFrom.getControl(MatInputHarness))?.setValue('2026-01-01');
    const search = await loader.getHarness(MatAutocompleteHarness);
    await search.enterText('STAFF');
    await search.selectOption({ text: /^STAFF_TURNOVER/ });
    await (await loader.getHarness(MatButtonHarness.with({ text: /Add criterion/ }))).click();
    await settle(fixture);
    await (
      await (await loader.getHarness(field('Green maximum – STAFF_TURNOVER'))).getControl(MatInputHarness)
    )?.setValue('10');
    await (
      await (await loader.getHarness(field('Amber maximum – STAFF_TURNOVER'))).getControl(MatInputHarness)
    )?.setValue('15');
    await (
      await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="Move STAFF_TURNOVER up"]' }))
    ).click();

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    const request = http.expectOne({ method: 'PATCH', url: '/api/monitoring-terms/t2' });
    const body = request.request.body as TermsUpdate;
    expect(body.validFrom).toBe('2026-01-01');
    expect(body.items?.map((item) => item.criterionId)).toEqual(['c3', 'c1']);
    expect(body.items?.[0]).toEqual({
      criterionId: 'c3',
      required: true,
      target: null,
      green: { min: null, max: 10 },
      amber: { min: null, max: 15 },
      frequency: 'QUARTERLY',
      evidenceRequired: false,
      note: null,
    });
    request.flush({ ...draft, validFrom: '2026-01-01' });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith(['/catalogue/terms', 't2']);
  });

  it('lists the fields the API refused', async () => {
    const { fixture, loader, navigate } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Save' }))).click();
    http.expectOne({ method: 'PATCH', url: '/api/monitoring-terms/t2' }).flush(
      {
        statusCode: 422,
        code: 'RULE_VIOLATION',
        message: 'The values do not fit together.',
        fields: [{ field: 'items[0].criterionId', problem: 'notFound', message: 'was not found' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const alert = fixture.nativeElement.querySelector('sopu-terms-issues [role="alert"]') as HTMLElement;
    expect(alert.textContent).toContain('The values do not fit together. See the fields listed.');
    expect(alert.textContent).toContain('NURSE_RATIO – Quality criterion: was not found');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not offer a published version for editing', async () => {
    const { fixture, loader } = await render({
      ...draft,
      status: 'PUBLISHED',
      publishedAt: '2025-01-02T00:00:00Z',
    });
    expect(fixture.nativeElement.textContent).toContain('This version is published and frozen');
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: 'Save' }))).toBeNull();
  });
});
