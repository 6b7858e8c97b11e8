import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AuditModule } from '@sopu/api/audit';
import { AuthModule } from '@sopu/api/auth';
import { CatalogueModule } from '@sopu/api/catalogue';
import { ContractsModule } from '@sopu/api/contracts';
import { DatabaseModule, DatabaseRuntime } from '@sopu/api/database';
import { ErrorFilter, validationErrorFactory } from '@sopu/api/platform';
import { ProducersModule } from '@sopu/api/producers';
import { ReportingModule } from '@sopu/api/reporting';
import { SopuConfig } from './config';
import { ENTITIES } from './entities';

@Module({})
export class AppModule {
  static forRoot(config: SopuConfig, database: DatabaseRuntime): DynamicModule {
    // The built web app is served from the same port; tests of the API alone run without it.
    const web = existsSync(join(config.webDir, 'index.html'))
      ? [ServeStaticModule.forRoot({ rootPath: config.webDir, exclude: ['/api/{*path}'] })]
      : [];
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ sopu: config })] }),
        DatabaseModule.forRoot(database, ENTITIES),
        AuditModule,
        AuthModule.forRoot({
          signingSecret: config.authSecret,
          sessionHours: config.sessionHours,
          cookieSecure: config.cookieSecure,
          maxFailuresPerAccount: config.maxFailuresPerAccount,
          maxFailuresPerAddress: config.maxFailuresPerAddress,
          failureWindowMinutes: config.failureWindowMinutes,
        }),
        ProducersModule,
        CatalogueModule,
        ContractsModule,
        ReportingModule,
        ...web,
      ],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
            exceptionFactory: validationErrorFactory,
          }),
        },
        { provide: APP_FILTER, useClass: ErrorFilter },
      ],
    };
  }
}
