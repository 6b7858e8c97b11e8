export * from './lib/catalogue.routes';
export * from './lib/catalogue-api';
export * from './lib/localized-fields';
