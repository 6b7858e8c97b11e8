import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { dataSourceOptions, openDatabase } from '@sopu/api/database';
import { JsonLogger } from '@sopu/api/platform';
import { seedDemo } from '@sopu/api/seeding';
import { readConfig } from './app/config';
import { createApp, migrate } from './app/create-app';
import { ENTITIES } from './app/entities';

/**
 * `node main.js` serves the portal; `migrate`, `revert` and `seed` run the database commands
 * with the same data-source definition and then exit.
 */
async function main(command: string): Promise<void> {
  const config = readConfig(process.env);
  Logger.overrideLogger(new JsonLogger(config.logLevel));
  const log = new Logger('Sopu');
  if (command === 'serve') {
    const app = await createApp(config);
    await app.listen(config.port, config.host);
    log.log({ msg: `Sopu listening on http://localhost:${config.port}`, port: config.port });
    return;
  }
  const runtime = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  const dataSource = new DataSource(dataSourceOptions(runtime, ENTITIES));
  await dataSource.initialize();
  try {
    if (command === 'migrate') {
      log.log({ msg: 'migrations applied', count: await migrate(dataSource) });
    } else if (command === 'revert') {
      await dataSource.undoLastMigration({ transaction: 'each' });
      log.log({ msg: 'last migration reverted' });
    } else if (command === 'seed') {
      await migrate(dataSource);
      await seedDemo(dataSource, config.seedsDir, config.demoPassword, { reports: config.demoReports });
    } else {
      throw new Error(`Unknown command "${command}": use serve, migrate, revert or seed`);
    }
  } finally {
    await dataSource.destroy();
    await runtime.close();
  }
}

main(process.argv[2] ?? 'serve').catch((error: unknown) => {
  new Logger('Sopu').fatal(
    { msg: 'stopped', error: error instanceof Error ? error.message : String(error) },
    error instanceof Error ? error.stack : undefined,
  );
  process.exit(1);
});
