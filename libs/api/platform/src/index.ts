export * from './lib/access';
export * from './lib/domain-error';
export * from './lib/error-filter';
export * from './lib/http-setup';
export * from './lib/json-logger';
export * from './lib/request-context';
export * from './lib/localized-dto';
export * from './lib/iso-date';
