import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { MatSnackBar } from '@angular/material/snack-bar';
import { SHOW_ERROR_NOTICE, isApiUrl } from '@sopu/web/auth';
import { I18n } from '@sopu/web/i18n';
import { catchError, throwError } from 'rxjs';

/** Announces failures in a snack bar, in the current language, with the text of the shared error catalogue. */
@Injectable({ providedIn: 'root' })
export class ErrorNotifier {
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  notify(error: unknown): void {
    this.snackBar.open(this.i18n.errorText(error), this.i18n.t('common.close'), {
      duration: 10000,
      politeness: 'assertive',
    });
  }
}

/**
 * Shows every failed `/api` call that its caller does not show itself. A 401 is left to the auth interceptor,
 * which sends the user to sign in.
 */
export const errorNotifierInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiUrl(request.url) || !request.context.get(SHOW_ERROR_NOTICE)) return next(request);
  const notifier = inject(ErrorNotifier);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (!(error instanceof HttpErrorResponse && error.status === 401)) notifier.notify(error);
      return throwError(() => error);
    }),
  );
};
