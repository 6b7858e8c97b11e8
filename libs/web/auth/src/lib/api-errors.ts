import { HttpContext, HttpContextToken } from '@angular/common/http';

/**
 * Whether a failed `/api` call should be announced globally (a snack bar). Pages that show the error themselves,
 * next to the form that caused it, turn this off with `showsOwnErrors()`.
 */
export const SHOW_ERROR_NOTICE = new HttpContextToken<boolean>(() => true);

export function showsOwnErrors(): HttpContext {
  return new HttpContext().set(SHOW_ERROR_NOTICE, false);
}

export function isApiUrl(url: string): boolean {
  return url.startsWith('/api/') || url.startsWith('api/');
}
