import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { provideRouter } from '@angular/router';
import { Criterion, Role } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { CriteriaPage } from './criteria-page';

const criterion: Criterion = {
  id: 'c1',
  code: 'FALLS',
  measureType: 'RATE',
  direction: 'LOWER_IS_BETTER',
  unit: { fi: 'kaatumista', sv: 'fall', en: 'falls' },
  name: { fi: 'Kaatumiset', sv: '', en: 'Falls' },
  definition: { fi: 'M', sv: 'D', en: 'D' },
  interpretation: { fi: 'T', sv: 'T', en: 'I' },
  numeratorDefinition: null,
  denominatorDefinition: null,
  minValue: 0,
  maxValue: null,
  decimals: 1,
  scaleMin: null,
  scaleMax: null,
  rateMultiplier: 1000,
  allowNotApplicable: false,
  missingLanguages: ['sv'],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('CriteriaPage', () => {
  let http: HttpTestingController;

  async function render(role: Role) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: AuthStore, useValue: { role: signal<Role>(role) } },
      ],
    });
    TestBed.inject(I18n).setLanguage('fi');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(CriteriaPage);
    await settle(fixture);
    http.expectOne((req) => req.url === '/api/criteria').flush([criterion]);
    await settle(fixture);
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  afterEach(() => http.verify());

  it('lists criteria in the UI language with a missing Swedish flag', async () => {
    const { loader } = await render('CONTRACT_MANAGER');
    const rows = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(rows['name'].text).toEqual(['Kaatumiset']);
    expect(rows['measureType'].text).toEqual(['Suhdeluku (per N)']);
    expect(rows['direction'].text).toEqual(['Pienempi on parempi']);
    expect(rows['languages'].text[0]).toMatch(/Ruotsi puuttuu$/);
  });

  it('asks the API again with the measure type and missing language chosen', async () => {
    const { fixture, loader } = await render('CONTRACT_MANAGER');
    const type = await loader.getHarness(MatSelectHarness.with({ selector: '.measure-type-filter' }));
    await type.open();
    await type.clickOptions({ text: 'Prosenttiosuus' });
    await settle(fixture);
    http.expectOne((req) => req.params.get('measureType') === 'PERCENTAGE').flush([]);
    const missing = await loader.getHarness(MatSelectHarness.with({ selector: '.missing-filter' }));
    await missing.open();
    await missing.clickOptions({ text: 'Englanti puuttuu' });
    await settle(fixture);
    const request = http.expectOne((req) => req.url === '/api/criteria');
    expect(request.request.params.get('missingLanguage')).toBe('en');
    expect(request.request.params.get('measureType')).toBe('PERCENTAGE');
    request.flush([]);
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('Suodattimia vastaavia kriteerejä ei löytynyt.');
  });

  it('offers a new criterion to editors but not to provider reporters', async () => {
    const { fixture } = await render('PROVIDER_REPORTER');
    expect(fixture.nativeElement.textContent).not.toContain('Uusi kriteeri');
  });
});
