import { INestApplication } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createTestDatabase, DatabaseRuntime } from '@sopu/api/database';
import { hashPassword } from '@sopu/api/auth';
import { readConfig, SopuConfig } from '../src/app/config';
import { createApp } from '../src/app/create-app';

export const DEMO_PASSWORD = 'Sopu-demo-2026!';

export const DEMO_ACCOUNTS = {
  admin: { email: 'admin@demo.sopu.test', role: 'ADMIN' },
  manager: { email: 'manager@demo.sopu.test', role: 'CONTRACT_MANAGER' },
  analyst: { email: 'analyst@demo.sopu.test', role: 'ANALYST' },
  inhouse: { email: 'reporter.inhouse@demo.sopu.test', role: 'PROVIDER_REPORTER' },
  purchased: { email: 'reporter.purchased@demo.sopu.test', role: 'PROVIDER_REPORTER' },
  voucher: { email: 'reporter.voucher@demo.sopu.test', role: 'PROVIDER_REPORTER' },
} as const;

/** The second organiser of the fixtures: proves that one organiser never sees another's records. */
export const ESPOO = {
  businessId: '0101263-6',
  admin: 'admin@espoo.sopu.test',
  reporter: 'reporter@espoo.sopu.test',
  password: 'Espoo-fixture-2026!',
};

export interface TestApi {
  url: string;
  app: INestApplication;
  dataSource: DataSource;
  config: SopuConfig;
  close(): Promise<void>;
}

/**
 * The real API on a fresh database (server or embedded) listening on a loopback port, with demo
 * data; or on the database given (the fault tests' private server), which it leaves open.
 */
export async function startTestApi(
  overrides: Partial<SopuConfig> = {},
  given?: DatabaseRuntime,
): Promise<TestApi> {
  const database: DatabaseRuntime = given ?? (await createTestDatabase());
  const config: SopuConfig = {
    ...readConfig({}),
    port: 0,
    host: '127.0.0.1',
    demo: true,
    demoPassword: DEMO_PASSWORD,
    webDir: '/nonexistent',
    seedsDir: join(__dirname, '../../../seeds'),
    logLevel: 'error',
    ...overrides,
  };
  const app = await createApp(config, database);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    dataSource: app.get(DataSource),
    config,
    close: async () => {
      await app.close();
      if (!given) await database.close();
    },
  };
}

/**
 * The API as `npm start` runs it without DATABASE_URL: PGlite in `dataDir`, the demo data loaded
 * when the folder is empty, on a free loopback port.
 */
export async function startEmbeddedApp(
  dataDir: string,
): Promise<{ app: INestApplication; url: string; config: SopuConfig }> {
  const config: SopuConfig = {
    ...readConfig({ SOPU_DATA_DIR: dataDir }),
    databaseUrl: undefined,
    webDir: '/nonexistent',
    seedsDir: join(__dirname, '../../../seeds'),
    demoPassword: DEMO_PASSWORD,
    logLevel: 'error',
  };
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`, config };
}

/** Adds the Espoo organiser with an admin, a producer and its reporter. */
export async function addSecondOrganiser(
  dataSource: DataSource,
): Promise<{ organiserId: string; producerId: string }> {
  const hash = await hashPassword(ESPOO.password);
  const [org] = await dataSource.query(
    `INSERT INTO organiser (business_id, name_fi, name_sv, name_en) VALUES ($1, 'Espoon kaupunki', 'Esbo stad', 'City of Espoo') RETURNING id`,
    [ESPOO.businessId],
  );
  const [producer] = await dataSource.query(
    `INSERT INTO producer (organiser_id, name, type, business_id) VALUES ($1, 'Espoon kotihoito', 'SELF_PRODUCED', $2) RETURNING id`,
    [org.id, ESPOO.businessId],
  );
  await dataSource.query(
    `INSERT INTO app_user (organiser_id, email, display_name, role, language, password_hash) VALUES ($1, $2, 'Espoo Admin', 'ADMIN', 'fi', $3)`,
    [org.id, ESPOO.admin, hash],
  );
  await dataSource.query(
    `INSERT INTO app_user (organiser_id, email, display_name, role, producer_id, language, password_hash) VALUES ($1, $2, 'Espoo Reporter', 'PROVIDER_REPORTER', $3, 'fi', $4)`,
    [org.id, ESPOO.reporter, producer.id, hash],
  );
  return { organiserId: org.id, producerId: producer.id };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** Real HTTP with fetch; the bearer token when given. */
export async function call<T = unknown>(
  api: TestApi,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  } else if (body !== undefined) {
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${api.url}${path}`, { method, headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // Not JSON: the test sees the text.
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function signIn(api: TestApi, email: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await call<{ accessToken: string }>(api, 'POST', '/api/auth/login', {
    body: { email, password },
  });
  if (res.status !== 200)
    throw new Error(`sign-in of ${email} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.accessToken;
}
