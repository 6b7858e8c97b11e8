import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AuthUser } from '@sopu/shared';
import { I18n } from '@sopu/web/i18n';
import { authGuard, roleGuard } from './auth-guard';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';

const analyst: AuthUser = {
  id: 'u1',
  email: 'aino@example.fi',
  displayName: 'Aino Analyytikko',
  role: 'ANALYST',
  producerId: null,
  producerName: null,
  producerType: null,
  organiserId: 'o1',
  organiserName: 'Helsingin kaupunki',
  language: 'sv',
};

describe('AuthStore', () => {
  let http: HttpTestingController;
  let store: AuthStore;
  let i18n: I18n;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    i18n = TestBed.inject(I18n);
    i18n.setLanguage('en');
  });

  afterEach(() => http.verify());

  it('treats 401 from /api/auth/me as signed out', async () => {
    const loaded = store.load();
    http
      .expectOne('/api/auth/me')
      .flush({ code: 'NOT_SIGNED_IN' }, { status: 401, statusText: 'Unauthorized' });
    expect(await loaded).toBeNull();
    expect(store.signedIn()).toBe(false);
  });

  it('switches the UI to the language stored for the user on sign-in', async () => {
    const signedIn = store.signIn('aino@example.fi', 'correct horse battery');
    const request = http.expectOne('/api/auth/login');
    expect(request.request.headers.get('Accept-Language')).toBe('en');
    request.flush({ accessToken: 't', expiresAt: '2030-01-01T00:00:00Z', user: analyst });
    await signedIn;
    expect(store.role()).toBe('ANALYST');
    expect(i18n.lang()).toBe('sv');
    expect(document.documentElement.lang).toBe('sv');
  });

  it('remembers a language switch for the signed-in user', async () => {
    const signedIn = store.signIn('aino@example.fi', 'correct horse battery');
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresAt: '', user: analyst });
    await signedIn;

    const changed = store.changeLanguage('fi');
    expect(i18n.lang()).toBe('fi');
    const patch = http.expectOne({ method: 'PATCH', url: '/api/auth/me' });
    expect(patch.request.body).toEqual({ language: 'fi' });
    patch.flush({ ...analyst, language: 'fi' });
    await changed;
    expect(store.user()?.language).toBe('fi');
  });

  it('signs out and goes to sign-in when another call answers 401', async () => {
    const signedIn = store.signIn('aino@example.fi', 'correct horse battery');
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresAt: '', user: analyst });
    await signedIn;
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);

    const changed = store.updateMe({ displayName: 'A' });
    http
      .expectOne('/api/auth/me')
      .flush({ code: 'NOT_SIGNED_IN' }, { status: 401, statusText: 'Unauthorized' });
    await expect(changed).rejects.toBeTruthy();
    expect(store.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], expect.anything());
  });

  it('guards: redirects to sign-in with the return URL, and lets only the listed roles in', async () => {
    const result = TestBed.runInInjectionContext(() =>
      authGuard({} as never, { url: '/admin/users' } as never),
    ) as Promise<unknown>;
    http.expectOne('/api/auth/me').flush({}, { status: 401, statusText: 'Unauthorized' });
    expect(String(await result)).toBe('/sign-in?returnUrl=%2Fadmin%2Fusers');

    const signedIn = store.signIn('aino@example.fi', 'correct horse battery');
    http.expectOne('/api/auth/login').flush({ accessToken: 't', expiresAt: '', user: analyst });
    await signedIn;
    const guard = roleGuard('ADMIN');
    expect(await TestBed.runInInjectionContext(() => guard({} as never, [] as never))).toBe(false);
    const analystGuard = roleGuard('ANALYST', 'ADMIN');
    expect(await TestBed.runInInjectionContext(() => analystGuard({} as never, [] as never))).toBe(true);
  });
});
