export * from './lib/obligations';
export * from './lib/obligations-job';
export * from './lib/report.entity';
export * from './lib/reporting.module';
export * from './lib/reports.service';
export * from './lib/report-work.service';
export * from './lib/deviations.service';
export * from './lib/corrective-actions.service';
