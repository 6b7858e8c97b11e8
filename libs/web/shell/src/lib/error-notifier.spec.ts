import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { showsOwnErrors } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { firstValueFrom } from 'rxjs';
import { errorNotifierInterceptor } from './error-notifier';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Host {}

describe('errorNotifierInterceptor', () => {
  function setUp() {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorNotifierInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(I18n).setLanguage('fi');
    const fixture = TestBed.createComponent(Host);
    return {
      http: TestBed.inject(HttpClient),
      backend: TestBed.inject(HttpTestingController),
      loader: TestbedHarnessEnvironment.documentRootLoader(fixture),
    };
  }

  it('shows a failed API call in the current language', async () => {
    const { http, backend, loader } = setUp();
    const call = firstValueFrom(http.get('/api/users'));
    backend.expectOne('/api/users').flush(
      { statusCode: 403, code: 'FORBIDDEN', message: 'You do not have permission to do this.' },
      {
        status: 403,
        statusText: 'Forbidden',
      },
    );
    await expect(call).rejects.toBeTruthy();
    const snackBar = await loader.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Sinulla ei ole oikeutta tähän toimintoon.');
    expect(await snackBar.getActionDescription()).toBe('Sulje');
  });

  it('falls back to the general error for unknown answers, and stays quiet when the page shows the error', async () => {
    const { http, backend, loader } = setUp();
    const quiet = firstValueFrom(http.get('/api/users', { context: showsOwnErrors() }));
    backend.expectOne('/api/users').flush('oops', { status: 500, statusText: 'Server Error' });
    await expect(quiet).rejects.toBeTruthy();
    expect(await loader.getAllHarnesses(MatSnackBarHarness)).toHaveLength(0);

    const loud = firstValueFrom(http.get('/api/producers'));
    backend.expectOne('/api/producers').flush('oops', { status: 502, statusText: 'Bad Gateway' });
    await expect(loud).rejects.toBeTruthy();
    const snackBar = await loader.getHarness(MatSnackBarHarness);
    expect(await snackBar.getMessage()).toBe('Palvelussa tapahtui virhe. Virhe on kirjattu.');
  });
});
