export * from './lib/producer.routes';
export * from './lib/producers-api';
