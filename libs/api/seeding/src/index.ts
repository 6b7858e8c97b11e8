export * from './lib/demo-seed';
