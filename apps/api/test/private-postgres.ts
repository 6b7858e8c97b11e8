import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

const BIN = process.env['SOPU_PG_BIN'] ?? '/usr/lib/postgresql/15/bin';
const OS_USER = 'postgres';

/** A free loopback port, as the kernel hands it out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL server of the test's own (initdb in a temporary folder, its own port), so a fault
 * test may stop and start it without disturbing the machine's shared server. PostgreSQL refuses
 * to run as root: when the tests run as root, the server runs as the `postgres` OS user.
 */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(): Promise<PrivatePostgres> {
    if (!existsSync(join(BIN, 'initdb')))
      throw new Error(`PostgreSQL binaries not found in ${BIN} (set SOPU_PG_BIN): the fault tests need them`);
    const dir = mkdtempSync(join(tmpdir(), 'sopu-faults-pg-'));
    chmodSync(dir, 0o700);
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', OS_USER]).toString().trim());
      const gid = Number(execFileSync('id', ['-g', OS_USER]).toString().trim());
      chownSync(dir, uid, gid);
    }
    const pg = new PrivatePostgres(dir, await freePort());
    await pg.run('initdb', [
      '-D',
      pg.data,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
      '--no-instructions',
    ]);
    await pg.start();
    return pg;
  }

  get data(): string {
    return join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and returns once it accepts connections. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      `-k ${this.dir}`,
      `-c listen_addresses=127.0.0.1`,
      `-c fsync=off`,
      `-c synchronous_commit=off`,
      `-c full_page_writes=off`,
      `-c max_connections=60`,
    ].join(' ');
    await this.run('pg_ctl', [
      '-D',
      this.data,
      '-o',
      options,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '30',
      'start',
    ]);
  }

  /** Stops the server: `fast` ends every session with admin_shutdown, `immediate` like a crash. */
  async stop(mode: 'fast' | 'immediate' = 'fast'): Promise<void> {
    await this.run('pg_ctl', ['-D', this.data, '-m', mode, '-w', '-t', '30', 'stop']);
  }

  async createDatabase(name: string): Promise<string> {
    const admin = new Client({ connectionString: this.url() });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } finally {
      await admin.end();
    }
    return this.url(name);
  }

  /** Stops the server if it runs and removes its folder. */
  remove(): void {
    try {
      if (existsSync(join(this.data, 'postmaster.pid'))) {
        const [file, argv] = this.command('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
        execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000, cwd: this.dir });
      }
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  private command(program: string, args: string[]): [string, string[]] {
    const command = join(BIN, program);
    return process.getuid?.() === 0 ? ['runuser', ['-u', OS_USER, '--', command, ...args]] : [command, args];
  }

  /** Runs a server program without blocking the event loop: an API in this process keeps answering. */
  private async run(program: string, args: string[]): Promise<void> {
    const [file, argv] = this.command(program, args);
    try {
      await promisify(execFile)(file, argv, { timeout: 60_000, cwd: this.dir });
    } catch (error) {
      const e = error as { stderr?: string; stdout?: string; message: string };
      throw new Error(`${program} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
  }
}
