import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { I18n, LANGUAGE_STORAGE_KEY } from './i18n';
import { TranslatePipe } from './translate-pipe';

@Component({
  imports: [TranslatePipe],
  template: `<p>{{ 'nav.users' | t }}</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {}

describe('I18n', () => {
  beforeEach(() => localStorage.clear());

  it('switches language, sets <html lang> and remembers the choice', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('sv');
    expect(i18n.t('nav.users')).toBe('Användare');
    expect(document.documentElement.lang).toBe('sv');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sv');
  });

  it('starts in the remembered language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(TestBed.inject(I18n).lang()).toBe('en');
  });

  it('fills placeholders', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('fi');
    expect(i18n.t('home.greeting', { name: 'Aino' })).toBe('Tervetuloa, Aino');
  });

  it('translates API errors from the shared catalogue, with the wait from Retry-After', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('fi');
    const tooMany = new HttpErrorResponse({
      status: 429,
      error: {
        statusCode: 429,
        code: 'TOO_MANY_ATTEMPTS',
        message: 'Too many failed sign-in attempts. Try again in 15 min.',
      },
      headers: new HttpHeaders({ 'Retry-After': '840' }),
    });
    expect(i18n.errorText(tooMany)).toBe(
      'Liian monta epäonnistunutta kirjautumisyritystä. Yritä uudelleen 14 min kuluttua.',
    );
    const unknown = new HttpErrorResponse({ status: 500, error: { code: 'SOMETHING_NEW' } });
    expect(i18n.errorText(unknown)).toBe('Palvelussa tapahtui virhe. Virhe on kirjattu.');
  });

  it('translates field errors', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('sv');
    const error = new HttpErrorResponse({
      status: 400,
      error: {
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'email', problem: 'isEmail', message: 'must be an email address' }],
      },
    });
    expect(i18n.fieldErrors(error)).toEqual({ email: 'måste vara en e-postadress' });
  });

  it('re-renders the t pipe when the language changes', async () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('en');
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Users');
    i18n.setLanguage('fi');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Käyttäjät');
  });

  it('writes a calendar date the local way without a time zone moving it a day', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLanguage('fi');
    expect(i18n.date('2026-03-01')).toBe('1.3.2026');
    i18n.setLanguage('en');
    expect(i18n.date('2026-12-31')).toBe('31/12/2026');
    expect(i18n.date('not a date')).toBe('not a date');
  });
});
