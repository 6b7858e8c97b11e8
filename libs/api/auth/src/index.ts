export * from './lib/auth-options';
export * from './lib/auth.module';
export * from './lib/passwords';
export * from './lib/user.entity';
