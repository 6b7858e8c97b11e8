import { DataSource } from 'typeorm';
import { MIGRATIONS } from './migration-list';

/** How many of the known migrations have not run on this database yet. */
export async function pendingMigrationCount(dataSource: DataSource): Promise<number> {
  const exists: { present: boolean }[] = await dataSource.query(
    `SELECT to_regclass('public.migrations') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) return MIGRATIONS.length;
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM migrations`);
  const done = new Set(rows.map((row) => row.name));
  return MIGRATIONS.filter((migration) => !done.has(migration.name)).length;
}
