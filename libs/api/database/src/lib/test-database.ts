import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseRuntime, openDatabase } from './database-runtime';

/**
 * A fresh, empty database for one test file: a new database on the server TEST_DATABASE_URL
 * names, or an in-memory PGlite when it is unset, so a new machine passes the tests too.
 */
export async function createTestDatabase(): Promise<DatabaseRuntime> {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) return openDatabase({ dataDir: 'memory', poolSize: 1 });
  const name = `sopu_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'server',
    url: url.toString(),
    poolSize: 5,
    close: async () => {
      const dropper = new Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}
