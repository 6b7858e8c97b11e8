import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { createTestDatabase } from './test-database';
import { DatabaseRuntime } from './database-runtime';
import { MIGRATIONS } from './migration-list';
import { pendingMigrationCount } from './migration-status';

const tables = async (ds: DataSource) =>
  (
    (await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations' ORDER BY 1`,
    )) as { table_name: string }[]
  ).map((r) => r.table_name);

describe('migrations', () => {
  let runtime: DatabaseRuntime;
  let ds: DataSource;
  beforeAll(async () => {
    runtime = await createTestDatabase();
    ds = await new DataSource(dataSourceOptions(runtime, [])).initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await runtime.close();
  });

  it('run up on an empty database, down to nothing, and up again', async () => {
    expect(await pendingMigrationCount(ds)).toBe(MIGRATIONS.length);
    await ds.runMigrations({ transaction: 'each' });
    expect(await pendingMigrationCount(ds)).toBe(0);
    const created = await tables(ds);
    expect(created).toEqual(
      expect.arrayContaining(['organiser', 'producer', 'app_user', 'auth_session', 'audit_event']),
    );
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    expect(await tables(ds)).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect(await tables(ds)).toEqual(created);
  });

  it('give every domain table an organiser, so the data can be distributed by organiser', async () => {
    const rows: { table_name: string }[] = await ds.query(
      `SELECT t.table_name FROM information_schema.tables t
        WHERE t.table_schema = 'public'
          AND t.table_name NOT IN ('migrations', 'organiser', 'app_setting', 'login_failure', 'job_run')
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                           WHERE c.table_name = t.table_name AND c.column_name = 'organiser_id')`,
    );
    expect(rows).toEqual([]);
  });
});
