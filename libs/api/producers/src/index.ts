export * from './lib/producer.entity';
export * from './lib/producers.module';
export * from './lib/producers.service';
