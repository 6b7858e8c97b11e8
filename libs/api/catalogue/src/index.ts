export * from './lib/catalogue.module';
export * from './lib/criteria/criterion.entity';
export * from './lib/criteria/criterion-rules';
export * from './lib/monitoring-terms/monitoring-terms.entity';
export * from './lib/service-descriptions/service-description.entity';
export { toTermsItem } from './lib/monitoring-terms/monitoring-terms.service';
export { toCriterion } from './lib/criteria/criteria.service';
