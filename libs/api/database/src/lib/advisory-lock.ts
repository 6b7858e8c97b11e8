import { DataSource } from 'typeorm';

/** Lock keys of the work that must run once across every API instance on one database. */
export const ADVISORY_LOCKS = {
  migrations: 702_001,
  demoSeed: 702_002,
  obligations: 702_003,
} as const;

/**
 * Runs `work` while holding a PostgreSQL session advisory lock, so that several API instances
 * starting together do it one after another. With a single-connection pool (embedded) there is
 * only one process, so the lock is not needed and would starve `work` of its connection.
 */
export async function withAdvisoryLock<T>(
  dataSource: DataSource,
  key: number,
  work: () => Promise<T>,
): Promise<T> {
  const poolSize = (dataSource.options as { poolSize?: number }).poolSize ?? 10;
  if (poolSize <= 1) return work();
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    await runner.release();
  }
}
