import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

export type DatabaseKind = 'embedded' | 'server';

/** Where the API's PostgreSQL is: a server, or an embedded PGlite served on a loopback port. */
export interface DatabaseRuntime {
  kind: DatabaseKind;
  url: string;
  /** Embedded PGlite takes one connection at a time; a server takes a real pool. */
  poolSize: number;
  close(): Promise<void>;
}

export interface DatabaseSettings {
  /** A PostgreSQL server; when absent the embedded store is used. */
  url?: string;
  /** Folder of the embedded store; 'memory' keeps it in memory (tests). */
  dataDir: string;
  poolSize: number;
}

/**
 * Opens the database the settings name. The embedded store is PGlite behind
 * pglite-socket, so TypeORM talks to it with the ordinary `pg` driver exactly as to a server:
 * the same migrations, the same type parsing, the same transactions.
 */
export async function openDatabase(settings: DatabaseSettings): Promise<DatabaseRuntime> {
  if (settings.url) {
    return { kind: 'server', url: settings.url, poolSize: settings.poolSize, close: async () => undefined };
  }
  // Loaded only when needed: PGlite is large and a server deployment never touches it.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  let dataDir: string | undefined;
  if (settings.dataDir !== 'memory') {
    dataDir = resolve(settings.dataDir);
    mkdirSync(dataDir, { recursive: true });
  }
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  const [host, port] = server.getServerConn().split(':');
  return {
    kind: 'embedded',
    url: `postgres://postgres@${host}:${port}/postgres`,
    poolSize: 1,
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}
