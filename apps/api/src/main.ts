import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { backupDatabase, dataSourceOptions, openDatabase, restoreDatabase } from '@sopu/api/database';
import { JsonLogger } from '@sopu/api/platform';
import { seedDemo } from '@sopu/api/seeding';
import { readConfig } from './app/config';
import { createApp, migrate } from './app/create-app';
import { ENTITIES } from './app/entities';

/**
 * `node main.js` serves the portal; `migrate`, `revert` and `seed` run the database commands
 * with the same data-source definition and then exit; `backup FILE` and `restore FILE` copy the
 * database (server or embedded store) to a file and back into an empty one.
 */
async function main(command: string, file?: string): Promise<void> {
  const config = readConfig(process.env);
  Logger.overrideLogger(new JsonLogger(config.logLevel));
  const log = new Logger('Sopu');
  if (command === 'backup' || command === 'restore') {
    if (!file) throw new Error(`${command} needs a file: ${command} FILE`);
    const target = { url: config.databaseUrl, dataDir: config.dataDir };
    await (command === 'backup' ? backupDatabase(target, file) : restoreDatabase(target, file));
    log.log({ msg: command === 'backup' ? 'backup written' : 'backup restored', file });
    return;
  }
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
      throw new Error(
        `Unknown command "${command}": use serve, migrate, revert, seed, backup FILE or restore FILE`,
      );
    }
  } finally {
    await dataSource.destroy();
    await runtime.close();
  }
}

main(process.argv[2] ?? 'serve', process.argv[3]).catch((error: unknown) => {
  new Logger('Sopu').fatal(
    { msg: 'stopped', error: error instanceof Error ? error.message : String(error) },
    error instanceof Error ? error.stack : undefined,
  );
  process.exit(1);
});
