export * from './lib/organiser.entity';
