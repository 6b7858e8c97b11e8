import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { backupDatabase, createTestDatabase, DatabaseRuntime, restoreDatabase } from '@sopu/api/database';
import { call, DEMO_ACCOUNTS, DEMO_PASSWORD, startEmbeddedApp, startTestApi, TestApi } from './test-api';

type Query = (sql: string) => Promise<Record<string, unknown>[]>;

/**
 * What "everything equal" means: per table its row count and the md5 of its rows in order, every
 * sequence's position, and every index and constraint by its definition.
 */
async function fingerprint(query: Query): Promise<Record<string, unknown>> {
  const tables = await query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const result: Record<string, unknown> = {};
  for (const { tablename } of tables) {
    const [row] = await query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS md5
         FROM public."${tablename}" t`,
    );
    result[`table ${tablename}`] = `${row['rows']} rows, md5 ${row['md5']}`;
  }
  for (const row of await query(
    `SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
  ))
    result[`sequence ${row['sequencename']}`] = String(row['last_value']);
  for (const row of await query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`,
  ))
    result[`index ${row['indexname']}`] = row['indexdef'];
  // A constraint by its kind, table and columns, not its text: PostgreSQL prints a restored
  // `IN (…)` check as `ARRAY[('A'::varchar)::text, …]` where the original says `ARRAY['A'::varchar, …]::text[]`.
  for (const row of await query(
    `SELECT conname, contype::text || ' on ' || conrelid::regclass::text || ' ' || coalesce(conkey::text, '') AS def
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conrelid::regclass::text, conname`,
  ))
    result[`constraint ${row['conname']}`] = row['def'];
  for (const row of await query(
    `SELECT viewname, definition FROM pg_views WHERE schemaname = 'public' ORDER BY 1`,
  ))
    result[`view ${row['viewname']}`] = row['definition'];
  return result;
}

async function serverFingerprint(url: string): Promise<Record<string, unknown>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fingerprint(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

async function embeddedFingerprint(dataDir: string): Promise<Record<string, unknown>> {
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir });
  try {
    return await fingerprint(async (sql) => (await db.query<Record<string, unknown>>(sql)).rows);
  } finally {
    await db.close();
  }
}

const REPORTER = DEMO_ACCOUNTS.inhouse.email;

/** One of the in-house reporter's accepted reports, with its first revision, as the API reads it. */
async function readReport(
  url: string,
  dataSource: DataSource,
): Promise<{ id: string; status: number; report: unknown; revision: unknown }> {
  const [{ id }]: { id: string }[] = await dataSource.query(
    `SELECT r.id FROM report r JOIN app_user u ON u.producer_id = r.producer_id
      WHERE u.email = $1 AND r.accepted_revision IS NOT NULL
      ORDER BY r.period_start DESC, r.id LIMIT 1`,
    [REPORTER],
  );
  const api = { url } as TestApi;
  const login = await call<{ accessToken: string }>(api, 'POST', '/api/auth/login', {
    body: { email: REPORTER, password: DEMO_PASSWORD },
  });
  const token = login.body.accessToken;
  const report = await call(api, 'GET', `/api/reports/${id}`, { token });
  const revision = await call(api, 'GET', `/api/reports/${id}/revisions/1`, { token });
  expect(revision.status).toBe(200);
  return { id, status: login.status, report: report.body, revision: revision.body };
}

const serverUrl = process.env['TEST_DATABASE_URL'];
const work = mkdtempSync(join(tmpdir(), 'sopu-backup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Each test loads the demo with its 24 months of filled reports and starts the API twice: give it time.
(serverUrl ? describe : describe.skip)('backup and restore on a PostgreSQL server', () => {
  it('pg_dump -Fc restored by pg_restore into a new database has every table equal, and the API serves it', async () => {
    const source = await createTestDatabase();
    const restored = await createTestDatabase();
    const keep = (db: DatabaseRuntime): DatabaseRuntime => ({ ...db, close: async () => undefined });
    try {
      const first: TestApi = await startTestApi({}, keep(source));
      const before = await readReport(first.url, first.dataSource);
      expect(before.status).toBe(200);
      await first.close();

      const file = join(work, 'server.dump');
      const expected = await serverFingerprint(source.url);
      expect(Object.keys(expected).filter((k) => k.startsWith('table ')).length).toBeGreaterThan(25);
      expect(expected['table report_value']).not.toMatch(/^0 rows/);
      await backupDatabase({ url: source.url, dataDir: 'unused' }, file);
      await expect(restoreDatabase({ url: source.url, dataDir: 'unused' }, file)).rejects.toThrow(
        /not empty/,
      );
      await restoreDatabase({ url: restored.url, dataDir: 'unused' }, file);
      expect(await serverFingerprint(restored.url)).toEqual(expected);

      const second = await startTestApi({ demo: false }, keep(restored));
      try {
        const after = await readReport(second.url, second.dataSource);
        expect(after).toEqual(before);
      } finally {
        await second.close();
      }
    } finally {
      await source.close();
      await restored.close();
    }
  }, 300_000);
});

(serverUrl ? describe.skip : describe)('backup and restore of the embedded store', () => {
  it("PGlite's tarball of a stopped store, loaded into a new data folder, has every table equal, and the API serves it", async () => {
    const original = join(work, 'original');
    const copy = join(work, 'restored');
    const file = join(work, 'embedded.tgz');

    const first = await startEmbeddedApp(original);
    let before;
    try {
      before = await readReport(first.url, first.app.get(DataSource));
    } finally {
      await first.app.close();
    }
    expect(before.status).toBe(200);

    const expected = await embeddedFingerprint(original);
    expect(expected['table report_value']).not.toMatch(/^0 rows/);
    await backupDatabase({ dataDir: original }, file);
    await expect(restoreDatabase({ dataDir: original }, file)).rejects.toThrow(/not empty/);
    await restoreDatabase({ dataDir: copy }, file);
    expect(await embeddedFingerprint(copy)).toEqual(expected);

    // The restored folder is not empty, so the API starts on it without loading the demo again.
    const second = await startEmbeddedApp(copy);
    try {
      expect(await readReport(second.url, second.app.get(DataSource))).toEqual(before);
    } finally {
      await second.app.close();
    }
  }, 400_000);
});
