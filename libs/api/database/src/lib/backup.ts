import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Client } from 'pg';

/** Where the database to back up or restore into is: a server URL, or the embedded store's folder. */
export interface BackupTarget {
  url?: string;
  dataDir: string;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0 ? done() : fail(new Error(`${command} exited with ${code}: ${stderr.trim()}`)),
    );
  });
}

/**
 * Writes a backup to `file`: on a server `pg_dump --format=custom` (a consistent snapshot while the
 * API runs); for the embedded store PGlite's own gzipped tarball of the data folder, which needs the
 * API stopped, since only one process may open the folder.
 */
export async function backupDatabase(target: BackupTarget, file: string): Promise<void> {
  if (target.url) {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, `--dbname=${target.url}`]);
    return;
  }
  const dataDir = resolve(target.dataDir);
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0)
    throw new Error(`No embedded store in ${dataDir}: nothing to back up`);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir });
  try {
    const tarball = await db.dumpDataDir('gzip');
    await writeFile(file, Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await db.close();
  }
}

/**
 * Restores a backup made by `backupDatabase` into an empty database (server: `pg_restore` into a
 * database with no tables; embedded: a data folder that is absent or empty). Never overwrites data.
 */
export async function restoreDatabase(target: BackupTarget, file: string): Promise<void> {
  if (target.url) {
    const client = new Client({ connectionString: target.url });
    await client.connect();
    try {
      const [{ tables }] = (
        await client.query(
          `SELECT count(*)::int AS tables FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
        )
      ).rows;
      if (tables > 0) throw new Error('The database to restore into is not empty: create a new one');
    } finally {
      await client.end();
    }
    await run('pg_restore', ['--exit-on-error', '--no-owner', `--dbname=${target.url}`, file]);
    return;
  }
  const dataDir = resolve(target.dataDir);
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0)
    throw new Error(`${dataDir} is not empty: restore into a new folder (SOPU_DATA_DIR)`);
  mkdirSync(dataDir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir, loadDataDir: new Blob([await readFile(file)]) });
  await db.close();
}
