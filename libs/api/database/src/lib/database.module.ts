import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSourceOptions } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { DatabaseRuntime } from './database-runtime';
import { HealthController } from './health.controller';

import { DATABASE_RUNTIME } from './database-tokens';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(runtime: DatabaseRuntime, entities: DataSourceOptions['entities']): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(runtime, entities),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
      ],
      controllers: [HealthController],
      providers: [{ provide: DATABASE_RUNTIME, useValue: runtime }],
      exports: [DATABASE_RUNTIME],
    };
  }
}
