import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { provideRouter } from '@angular/router';
import { Role, ServiceDescription } from '@sopu/shared';
import { AuthStore } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { ServiceDescriptionPage } from './service-description-page';

const draft: ServiceDescription = {
  id: 'd3',
  code: 'HOME_CARE',
  version: 3,
  status: 'DRAFT',
  area: 'OLDER_PEOPLE',
  outputUnit: 'VISIT',
  name: { fi: 'Kotihoito', sv: '', en: 'Home care' },
  description: { fi: 'Kuvaus', sv: 'Beskrivning', en: 'Description' },
  inclusions: { fi: 'Sisältyy', sv: 'Ingår', en: 'Included' },
  targetGroup: { fi: 'Ikäihmiset', sv: 'Äldre', en: 'Older people' },
  missingLanguages: ['sv'],
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};
const published: ServiceDescription = {
  ...draft,
  id: 'd2',
  version: 2,
  status: 'PUBLISHED',
  name: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care' },
  missingLanguages: [],
};

async function settle(fixture: ComponentFixture<unknown>, ms = 0) {
  await new Promise((resolve) => setTimeout(resolve, ms));
  await fixture.whenStable();
}

describe('ServiceDescriptionPage', () => {
  let http: HttpTestingController;

  async function render(role: Role = 'CONTRACT_MANAGER', shown = draft) {
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
    const fixture = TestBed.createComponent(ServiceDescriptionPage);
    fixture.componentRef.setInput('id', shown.id);
    await settle(fixture);
    http.expectOne(`/api/service-descriptions/${shown.id}`).flush(shown);
    http.expectOne(`/api/service-descriptions/${shown.id}/versions`).flush([draft, published]);
    await settle(fixture);
    return {
      fixture,
      loader: TestbedHarnessEnvironment.loader(fixture),
      root: TestbedHarnessEnvironment.documentRootLoader(fixture),
    };
  }

  afterEach(() => http.verify());

  it('shows every text in three languages, the missing Swedish and the version history', async () => {
    const { fixture } = await render();
    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('Swedish missing');
    expect(text).toContain('All three languages are needed before publishing.');
    expect(fixture.nativeElement.querySelector('td[lang=sv]').textContent.trim()).toBe('Text missing');
    expect(text).toContain('Beskrivning');
    const versions = [...fixture.nativeElement.querySelectorAll('.versions a')].map(
      (a: HTMLAnchorElement) => [a.textContent?.trim(), a.getAttribute('href')],
    );
    expect(versions).toEqual([
      ['Version 3', '/catalogue/services/d3'],
      ['Version 2', '/catalogue/services/d2'],
    ]);
    const terms: HTMLAnchorElement = fixture.nativeElement.querySelector('a[href^="/catalogue/terms"]');
    expect(terms.getAttribute('href')).toBe('/catalogue/terms?service=HOME_CARE');
  });

  it('asks for confirmation before publishing and sends nothing when cancelled', async () => {
    const { fixture, loader, root } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Publish$/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Publish version 3?');
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Cancel' }))).click();
    await settle(fixture, 300);
    http.expectNone({ method: 'POST' });
  });

  it('lists the fields that stop publishing', async () => {
    const { fixture, loader, root } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Publish$/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Publish' }))).click();
    // The dialog reports its answer once its closing animation has ended.
    await settle(fixture, 300);
    http.expectOne({ method: 'POST', url: '/api/service-descriptions/d3/publish' }).flush(
      {
        statusCode: 422,
        code: 'PUBLISH_INCOMPLETE',
        message: 'This cannot be published yet: complete the fields listed.',
        fields: [{ field: 'name.sv', problem: 'isNotEmpty', message: 'is required' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    const alert: HTMLElement = fixture.nativeElement.querySelector('[role=alert]');
    expect(alert.textContent).toContain('This cannot be published yet: complete the fields listed.');
    expect(alert.textContent).toContain('Name – Swedish: is required');
  });

  it('publishes after confirmation and shows the new state', async () => {
    const { fixture, loader, root } = await render();
    await (await loader.getHarness(MatButtonHarness.with({ text: /Publish$/ }))).click();
    const dialog = await root.getHarness(MatDialogHarness);
    await (await dialog.getHarness(MatButtonHarness.with({ text: 'Publish' }))).click();
    // The dialog reports its answer once its closing animation has ended.
    await settle(fixture, 300);
    const done = { ...draft, status: 'PUBLISHED' as const, missingLanguages: [] };
    http.expectOne({ method: 'POST', url: '/api/service-descriptions/d3/publish' }).flush(done);
    await settle(fixture);
    http.expectOne('/api/service-descriptions/d3').flush(done);
    http.expectOne('/api/service-descriptions/d3/versions').flush([done]);
    await settle(fixture);
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Publish$/ }))).toBeNull();
  });

  it('hides edit and publish from analysts', async () => {
    const { loader } = await render('ANALYST');
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Publish$/ }))).toBeNull();
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Edit$/ }))).toBeNull();
  });

  it('offers edit but not publish on a published version', async () => {
    const { loader } = await render('ADMIN', published);
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Publish$/ }))).toBeNull();
    expect(await loader.getHarnessOrNull(MatButtonHarness.with({ text: /Edit$/ }))).not.toBeNull();
  });
});
