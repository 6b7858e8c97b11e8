export * from './lib/filtered-list';
