export * from './lib/api-errors';
export * from './lib/auth-store';
export * from './lib/auth-guard';
export * from './lib/auth-interceptor';
export * from './lib/language-menu';
export * from './lib/sign-in-page';
export * from './lib/account-page';
