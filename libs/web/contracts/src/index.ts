export * from './lib/contract.routes';
export * from './lib/contracts-api';
export { localized } from './lib/contract-format';
export * from './lib/service-names';
