import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideHttpClient } from '@angular/common/http';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideRouter } from '@angular/router';
import { I18n } from '@sopu/web/i18n';
import { SignInPage } from './sign-in-page';

/** Lets the rejected HTTP promise reach the component, then renders. */
async function settle(fixture: ComponentFixture<unknown>) {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}

describe('SignInPage', () => {
  async function setUp(lang: 'fi' | 'sv' | 'en') {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    TestBed.inject(I18n).setLanguage(lang);
    const fixture = TestBed.createComponent(SignInPage);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const http = TestBed.inject(HttpTestingController);
    const email = await loader.getHarness(MatInputHarness.with({ selector: '[type=email]' }));
    const password = await loader.getHarness(MatInputHarness.with({ selector: '[type=password]' }));
    const submit = await loader.getHarness(MatButtonHarness.with({ text: /Kirjaudu|Logga in|Sign in/ }));
    return { fixture, http, email, password, submit };
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('labels the fields and the button in English', async () => {
    const { fixture, submit } = await setUp('en');
    const fields = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatFormFieldHarness);
    expect(await Promise.all(fields.map((field) => field.getLabel()))).toEqual(['Email', 'Password']);
    expect(await submit.getText()).toBe('Sign in');
  });

  it('shows the Finnish error text when the password is wrong', async () => {
    const { fixture, http, email, password, submit } = await setUp('fi');
    await email.setValue('aino@example.fi');
    await password.setValue('wrong password');
    await submit.click();

    const request = http.expectOne('/api/auth/login');
    expect(request.request.body).toEqual({ email: 'aino@example.fi', password: 'wrong password' });
    request.flush(
      { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'The email address or password is wrong.' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await settle(fixture);

    const alert: HTMLElement = fixture.nativeElement.querySelector('[role=alert]');
    expect(alert.textContent?.trim()).toBe('Sähköpostiosoite tai salasana on väärin.');
    expect(await password.getValue()).toBe('');
  });

  it('tells how long to wait after too many attempts, in the chosen language', async () => {
    const { fixture, http, email, password, submit } = await setUp('sv');
    await email.setValue('aino@example.fi');
    await password.setValue('wrong password');
    await submit.click();
    http.expectOne('/api/auth/login').flush(
      {
        statusCode: 429,
        code: 'TOO_MANY_ATTEMPTS',
        message: 'Too many failed sign-in attempts. Try again in 15 min.',
      },
      { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '900' } },
    );
    await settle(fixture);
    expect(fixture.nativeElement.querySelector('[role=alert]').textContent.trim()).toBe(
      'För många misslyckade inloggningsförsök. Försök igen om 15 min.',
    );
  });

  it('asks for both fields before calling the API', async () => {
    const { fixture, submit } = await setUp('en');
    await submit.click();
    await fixture.whenStable();
    const fields = await TestbedHarnessEnvironment.loader(fixture).getAllHarnesses(MatFormFieldHarness);
    expect(await Promise.all(fields.map((field) => field.getTextErrors()))).toEqual([
      ['This field is required.'],
      ['This field is required.'],
    ]);
  });
});
