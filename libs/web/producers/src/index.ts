export * from './lib/producer.routes';
