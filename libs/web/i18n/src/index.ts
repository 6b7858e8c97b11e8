export * from './lib/dictionaries';
export * from './lib/i18n';
export * from './lib/translate-pipe';
