export * from './lib/contract.routes';
export * from './lib/contracts-api';
