export * from './lib/contract.entity';
export * from './lib/contracts.module';
export * from './lib/contracts.service';
export * from './lib/document-type';
