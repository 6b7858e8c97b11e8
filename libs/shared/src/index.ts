export * from './lib/roles';
export * from './lib/languages';
export * from './lib/business-id';
export * from './lib/errors';
export * from './lib/auth';
export * from './lib/catalogue';
export * from './lib/value-validation';
export * from './lib/producers';
