import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthUser } from '@sopu/shared';
import { authInterceptor } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { appRoutes } from './app.routes';

const analyst: AuthUser = {
  id: 'u1',
  email: 'aino@example.fi',
  displayName: 'Aino Virtanen',
  role: 'ANALYST',
  producerId: null,
  producerName: null,
  producerType: null,
  organiserId: 'o1',
  organiserName: 'Helsingin kaupunki',
  language: 'en',
};

describe('app routes', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(I18n).setLanguage('en');
    http = TestBed.inject(HttpTestingController);
  });

  async function navigate(harness: RouterTestingHarness, url: string, me: AuthUser | null) {
    const navigation = harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.match('/api/auth/me');
    for (const call of request) {
      if (me) call.flush(me);
      else call.flush({ code: 'NOT_SIGNED_IN' }, { status: 401, statusText: 'Unauthorized' });
    }
    await navigation;
    await harness.fixture.whenStable();
  }

  it('sends a signed-out visitor to sign in, remembering where they were going', async () => {
    const harness = await RouterTestingHarness.create();
    await navigate(harness, '/admin/users', null);
    expect(TestBed.inject(Router).url).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent).toBe('Sign in');
  });

  it('shows "not found" to a non-administrator who opens an admin page', async () => {
    const harness = await RouterTestingHarness.create();
    await navigate(harness, '/admin/users', analyst);
    expect(TestBed.inject(Router).url).toBe('/admin/users');
    expect(harness.fixture.nativeElement.querySelector('h1')?.textContent).toBe('Page not found');
  });
});
