import { TestBed } from '@angular/core/testing';
import { I18n } from '@sopu/web/i18n';
import { fakeAuthStore } from './fake-auth-store.testing';
import { HomePage } from './home-page';

describe('HomePage', () => {
  it('greets a provider reporter by name and names their producer and its type', async () => {
    TestBed.configureTestingModule({
      providers: [
        fakeAuthStore('PROVIDER_REPORTER', {
          displayName: 'Anna Lind',
          producerName: 'Hoivakoti Oy',
          producerType: 'PURCHASED_SERVICE',
        }),
      ],
    });
    TestBed.inject(I18n).setLanguage('sv');
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    const element: HTMLElement = fixture.nativeElement;
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Välkommen, Anna Lind');
    expect(element.textContent).toContain(
      'Du rapporterar serviceuppgifterna för Hoivakoti Oy (Köpt tjänst) till staden.',
    );
    expect(element.textContent).toContain('Inloggad som Rapportör för serviceproducent, Helsingin kaupunki.');
  });

  it('tells an administrator what the role does, in Finnish', async () => {
    TestBed.configureTestingModule({ providers: [fakeAuthStore('ADMIN')] });
    TestBed.inject(I18n).setLanguage('fi');
    const fixture = TestBed.createComponent(HomePage);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Pääkäyttäjänä hallinnoit Sopun käyttäjiä');
  });
});
