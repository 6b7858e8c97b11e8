export * from './lib/navigation';
export * from './lib/shell-layout';
export * from './lib/home-page';
export * from './lib/not-found-page';
export * from './lib/error-notifier';
export * from './lib/translated-title-strategy';
