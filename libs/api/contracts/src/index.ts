export * from './lib/contract.entity';
export * from './lib/contracts.module';
export * from './lib/contracts.service';
export { DOCUMENT_TYPES, documentTypeOf, extensionMatches } from '@sopu/api/platform';
