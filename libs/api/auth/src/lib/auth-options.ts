/** What the auth module needs from the configuration. */
export interface AuthOptions {
  /** HMAC secret for access tokens; when absent one is generated once and kept in the database. */
  signingSecret?: string;
  sessionHours: number;
  /** Send cookies only over HTTPS (set behind a TLS proxy). */
  cookieSecure: boolean;
  /** Failed sign-ins within the window before the account, or the address, must wait. */
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  failureWindowMinutes: number;
}

export const AUTH_OPTIONS = 'SOPU_AUTH_OPTIONS';

export const SESSION_COOKIE = 'sopu_session';
export const XSRF_COOKIE = 'XSRF-TOKEN';
export const XSRF_HEADER = 'x-xsrf-token';
