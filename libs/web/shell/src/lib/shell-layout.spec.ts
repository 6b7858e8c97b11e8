import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { provideRouter } from '@angular/router';
import { Role } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { fakeAuthStore } from './fake-auth-store.testing';
import { ShellLayout } from './shell-layout';

/** Harness texts include the icon ligature (hidden from assistive technology); people see only the words. */
const withoutIcon = (text: string) => text.replace(/^[a-z_]*/, '');

describe('ShellLayout', () => {
  async function render(role: Role) {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), fakeAuthStore(role)],
    });
    TestBed.inject(I18n).setLanguage('en');
    const fixture = TestBed.createComponent(ShellLayout);
    await fixture.whenStable();
    return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  async function navTitles(role: Role): Promise<string[]> {
    const { loader } = await render(role);
    const nav = await loader.getHarness(MatNavListHarness);
    return Promise.all((await nav.getItems()).map((item) => item.getTitle()));
  }

  const steering = ['Deviations', 'Corrective actions'];
  const catalogue = ['Service descriptions', 'Quality criteria', 'Monitoring terms'];

  it('shows Users and Audit log to an administrator', async () => {
    expect(await navTitles('ADMIN')).toEqual([
      'Home',
      'Producers',
      'Contracts',
      'Reports',
      ...steering,
      'Completeness',
      'Comparison',
      ...catalogue,
      'API tokens',
      'Users',
      'Audit log',
      'Account',
    ]);
  });

  // Completeness and comparison are for the organiser's staff (a reporter keeps the anonymised benchmark on the
  // home page); API tokens for those who keep them (not analysts).
  it.each<[Role, string[]]>([
    ['CONTRACT_MANAGER', ['Completeness', 'Comparison', ...catalogue, 'API tokens']],
    ['ANALYST', ['Completeness', 'Comparison', ...catalogue]],
    ['PROVIDER_REPORTER', [...catalogue, 'API tokens']],
  ])('hides the admin pages from %s', async (role, middle) => {
    expect(await navTitles(role)).toEqual([
      'Home',
      'Producers',
      'Contracts',
      'Reports',
      ...steering,
      ...middle,
      'Account',
    ]);
  });

  it('labels the navigation, the user menu and the language menu', async () => {
    const { fixture, loader } = await render('ANALYST');
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('[role=navigation]')?.getAttribute('aria-label')).toBe('Main navigation');
    expect(element.querySelector('main#main')).not.toBeNull();
    expect(element.querySelector('a.skip-link')?.textContent?.trim()).toBe('Skip to content');

    const userMenu = await loader.getHarness(MatMenuHarness.with({ selector: '[aria-label="User menu"]' }));
    await userMenu.open();
    const items = await Promise.all((await userMenu.getItems()).map((item) => item.getText()));
    expect(items.map(withoutIcon)).toEqual(['Account', 'Sign out']);

    const languageMenu = await loader.getHarness(
      MatMenuHarness.with({ selector: '[aria-label="Change language"]' }),
    );
    await languageMenu.open();
    const languages = await Promise.all((await languageMenu.getItems()).map((item) => item.getText()));
    expect(languages.map(withoutIcon)).toEqual(['Suomi', 'Svenska', 'English']);
    const langs = Array.from(document.querySelectorAll('.mat-mdc-menu-panel [lang]')).map((el) =>
      el.getAttribute('lang'),
    );
    expect(langs).toEqual(['fi', 'sv', 'en']);
  });

  it('translates the navigation when the language changes', async () => {
    const { fixture, loader } = await render('ADMIN');
    TestBed.inject(I18n).setLanguage('sv');
    await fixture.whenStable();
    const nav = await loader.getHarness(MatNavListHarness);
    const titles = await Promise.all((await nav.getItems()).map((item) => item.getTitle()));
    expect(titles).toEqual([
      'Startsida',
      'Serviceproducenter',
      'Avtal',
      'Rapporter',
      'Avvikelser',
      'Korrigerande åtgärder',
      'Fullständighet',
      'Jämförelse',
      'Tjänstebeskrivningar',
      'Kvalitetskriterier',
      'Uppföljningsvillkor',
      'API-nycklar',
      'Användare',
      'Händelselogg',
      'Mitt konto',
    ]);
    expect(fixture.nativeElement.querySelector('a[href="#main"]').textContent.trim()).toBe(
      'Hoppa till innehållet',
    );
  });
});
