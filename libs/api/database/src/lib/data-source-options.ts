import { DataSourceOptions } from 'typeorm';
import { DatabaseRuntime } from './database-runtime';
import { MIGRATIONS } from './migration-list';
import { TypeOrmJsonLogger } from './typeorm-logger';

/**
 * The one data-source definition: the API, the migration and seed commands and the tests all
 * build their DataSource from it. Entities and migrations are listed explicitly because the
 * bundled API has no source tree to glob.
 */
export function dataSourceOptions(
  runtime: DatabaseRuntime,
  entities: DataSourceOptions['entities'],
): DataSourceOptions {
  return {
    type: 'postgres',
    url: runtime.url,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    poolSize: runtime.poolSize,
    extra: {
      max: runtime.poolSize,
      // Embedded: keep the single connection open; a server pool may shrink when idle.
      idleTimeoutMillis: runtime.kind === 'embedded' ? 0 : 30_000,
      // A server that does not answer fails the request fast (503 with Retry-After) rather than
      // holding it; the embedded store's one connection may be busy longer with a big import.
      connectionTimeoutMillis: runtime.kind === 'embedded' ? 10_000 : 5_000,
      application_name: 'sopu-api',
    },
    logging: ['error', 'warn', 'migration'],
    logger: new TypeOrmJsonLogger(),
    maxQueryExecutionTime: 1000,
  };
}
