export * from './lib/report.routes';
export * from './lib/reports-api';
