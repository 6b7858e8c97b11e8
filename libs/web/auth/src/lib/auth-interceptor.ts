import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { I18n } from '@sopu/web/i18n';
import { catchError, throwError } from 'rxjs';
import { isApiUrl } from './api-errors';
import { AuthStore } from './auth-store';

/** These answer 401 as part of their normal work, so they must not end the session in the UI. */
const OWN_401 = ['GET /api/auth/me', 'POST /api/auth/login'];

/** Every `/api` call gets the UI language; a 401 elsewhere means the session ended, so go and sign in again. */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url)) return next(request);
  const i18n = inject(I18n);
  const store = inject(AuthStore);
  const router = inject(Router);
  const withLanguage = request.clone({ setHeaders: { 'Accept-Language': i18n.lang() } });
  return next(withLanguage).pipe(
    catchError((error: unknown) => {
      const path = request.url.split('?')[0].replace(/^api\//, '/api/');
      if (
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        !OWN_401.includes(`${request.method} ${path}`)
      ) {
        store.clear();
        const returnUrl = router.url.startsWith('/sign-in') ? undefined : router.url;
        void router.navigate(['/sign-in'], { queryParams: returnUrl ? { returnUrl } : {} });
      }
      return throwError(() => error);
    }),
  );
};
