import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { ADVISORY_LOCKS, DatabaseRuntime, openDatabase, withAdvisoryLock } from '@sopu/api/database';
import { applyHttpSetup, JsonLogger } from '@sopu/api/platform';
import { isEmptyInstallation, seedDemo } from '@sopu/api/seeding';
import { SopuConfig } from './config';
import { AppModule } from './app.module';

/** Runs the migrations that have not run; several instances starting together take turns. */
export async function migrate(dataSource: DataSource): Promise<number> {
  return withAdvisoryLock(dataSource, ADVISORY_LOCKS.migrations, async () => {
    const done = await dataSource.runMigrations({ transaction: 'each' });
    return done.length;
  });
}

/**
 * Builds the whole API as it runs in production: database, migrations, demo data when due,
 * HTTP setup, OpenAPI. The server and the tests both start it from here.
 */
export async function createApp(config: SopuConfig, database?: DatabaseRuntime): Promise<INestApplication> {
  const logger = new JsonLogger(config.logLevel);
  const runtime =
    database ??
    (await openDatabase({
      url: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: config.databasePoolSize,
    }));
  const app = await NestFactory.create(AppModule.forRoot(config, runtime), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  applyHttpSetup(app, { trustProxy: config.trustProxy });
  app.enableShutdownHooks();
  // The embedded store closes after Nest has closed its connections to it.
  if (!database) {
    const server = app.getHttpServer() as { on(event: string, cb: () => void): void };
    server.on('close', () => void runtime.close());
  }

  const dataSource = app.get(DataSource);
  const applied = await migrate(dataSource);
  const log = new Logger('Start');
  log.log({ msg: 'database ready', kind: runtime.kind, migrationsApplied: applied });
  if (config.demo === true || (config.demo === 'when-empty' && (await isEmptyInstallation(dataSource)))) {
    await seedDemo(dataSource, config.seedsDir, config.demoPassword, { reports: config.demoReports });
  }

  const openApi = new DocumentBuilder()
    .setTitle('Sopu API')
    .setDescription(
      'Contract steering portal: uniform service descriptions, monitoring terms and quality reports for in-house, purchased and voucher production. Errors are JSON `{statusCode, code, message, fields?, requestId}` with a truthful status; messages follow Accept-Language (fi, sv, en).',
    )
    .setVersion('1')
    .addBearerAuth()
    .addCookieAuth('sopu_session')
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs-json',
  });
  return app;
}
