export * from './lib/demo-seed';
export * from './lib/reports-seed';
