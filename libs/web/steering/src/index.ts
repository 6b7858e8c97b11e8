export * from './lib/steering.routes';
export * from './lib/steering-api';
export * from './lib/inbox-button';
export * from './lib/provider-home';
export * from './lib/staff-home';
export * from './lib/notification-text';
export * from './lib/benchmark-summary';
