export * from './lib/advisory-lock';
export * from './lib/data-source-options';
export * from './lib/database-runtime';
export * from './lib/migration-list';
export * from './lib/migration-status';
export * from './lib/test-database';
export * from './lib/database.module';
export * from './lib/database-tokens';
