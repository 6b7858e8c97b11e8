export * from './lib/users-api';
export * from './lib/audit-api';
export * from './lib/users-page';
export * from './lib/user-dialog';
export * from './lib/temporary-password-dialog';
export * from './lib/audit-log-page';
