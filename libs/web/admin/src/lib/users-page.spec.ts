import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatDialogHarness } from '@angular/material/dialog/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { Page, UserSummary } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { UsersPage } from './users-page';

const users: UserSummary[] = [
  {
    id: 'u1',
    email: 'anna.virtanen@hel.fi',
    displayName: 'Anna Virtanen',
    role: 'CONTRACT_MANAGER',
    producerId: null,
    producerName: null,
    language: 'fi',
    active: true,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  },
  {
    id: 'u2',
    email: 'erik@hoiva.fi',
    displayName: 'Erik Lind',
    role: 'PROVIDER_REPORTER',
    producerId: 'p1',
    producerName: 'Hoiva Oy',
    language: 'sv',
    active: false,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  },
];

function page(items: UserSummary[], total = items.length): Page<UserSummary> {
  return { items, total, page: 1, pageSize: 20 };
}

async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('UsersPage', () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(I18n).setLanguage('fi');
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UsersPage);
    await fixture.whenStable();
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  afterEach(() => http.verify());

  it('lists users with translated roles and statuses', async () => {
    const { fixture, loader } = await render();
    const request = http.expectOne((req) => req.url === '/api/users');
    expect(request.request.params.get('page')).toBe('1');
    expect(request.request.params.get('pageSize')).toBe('20');
    request.flush(page(users, 42));
    await settle(fixture);

    const table = await loader.getHarness(MatTableHarness);
    const headers = await (await table.getHeaderRows())[0].getCellTextByIndex();
    expect(headers).toEqual([
      'Nimi',
      'Sähköposti',
      'Rooli',
      'Palveluntuottaja',
      'Kieli',
      'Tila',
      'Toiminnot',
    ]);
    const rows = await table.getCellTextByColumnName();
    expect(rows['displayName'].text).toEqual(['Anna Virtanen', 'Erik Lind']);
    expect(rows['role'].text).toEqual(['Sopimusohjaaja', 'Palveluntuottajan raportoija']);
    expect(rows['status'].text).toEqual(['Käytössä', 'Poistettu käytöstä']);
    expect(await (await loader.getHarness(MatPaginatorHarness)).getRangeLabel()).toBe('1–20 / 42');
  });

  it('asks the API again when the role filter changes', async () => {
    const { fixture, loader } = await render();
    http.expectOne((req) => req.url === '/api/users').flush(page(users));
    await settle(fixture);

    const roleFilter = await loader.getHarness(MatSelectHarness.with({ selector: '.filters mat-select' }));
    await roleFilter.open();
    await roleFilter.clickOptions({ text: 'Pääkäyttäjä' });
    await settle(fixture);
    const request = http.expectOne((req) => req.url === '/api/users');
    expect(request.request.params.get('role')).toBe('ADMIN');
    request.flush(page([]));
    await settle(fixture);
    expect(fixture.nativeElement.textContent).toContain('Suodattimia vastaavia käyttäjiä ei löytynyt.');
  });

  it('shows the temporary password once after a reset, with a copy button and a warning', async () => {
    const { fixture, loader } = await render();
    http.expectOne((req) => req.url === '/api/users').flush(page(users));
    await settle(fixture);

    const reset = await loader.getHarness(
      MatButtonHarness.with({ selector: '[aria-label="Nollaa salasana: Erik Lind"]' }),
    );
    await reset.click();
    http
      .expectOne({ method: 'POST', url: '/api/users/u2/reset-password' })
      .flush({ temporaryPassword: 'kuusi-kala-38-pilvi' });
    await settle(fixture);

    const dialog = await TestbedHarnessEnvironment.documentRootLoader(fixture).getHarness(MatDialogHarness);
    expect(await dialog.getTitleText()).toBe('Tilapäinen salasana');
    const text = await dialog.getContentText();
    expect(text).toContain('kuusi-kala-38-pilvi');
    expect(text).toContain('Salasana näytetään vain kerran.');
    expect(await dialog.getHarnessOrNull(MatButtonHarness.with({ text: /Kopioi salasana$/ }))).not.toBeNull();
    expect(await dialog.getHarnessOrNull(MatButtonHarness.with({ text: 'Sulje' }))).not.toBeNull();
    await dialog.close();
  });
});
