import { seedDemo } from '@sopu/api/seeding';
import { call, DEMO_PASSWORD, startTestApi, TestApi } from './test-api';

describe('operations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('reports health with the database kind, version and no pending migrations', async () => {
    const res = await call<{
      status: string;
      database: { kind: string; version: string; migrationsPending: number };
    }>(api, 'GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.kind).toBe(process.env['TEST_DATABASE_URL'] ? 'server' : 'embedded');
    expect(res.body.database.version).toMatch(/^PostgreSQL \d+/);
    expect(res.body.database.migrationsPending).toBe(0);
  });

  it('loads the demo data idempotently: a second run changes nothing', async () => {
    const snapshot = () =>
      api.dataSource.query(
        `SELECT (SELECT count(*) FROM organiser) AS o, (SELECT count(*) FROM producer) AS p,
                (SELECT string_agg(email || password_hash || updated_at::text, ',' ORDER BY email) FROM app_user) AS u`,
      );
    const before = await snapshot();
    const again = await seedDemo(api.dataSource, api.config.seedsDir, DEMO_PASSWORD);
    expect(again).toEqual({
      organisers: 0,
      producers: 0,
      serviceUnits: 0,
      users: 0,
      serviceDescriptions: 0,
      criteria: 0,
      terms: 0,
      contracts: 0,
      expectedReports: 0,
      reportsFilled: 0,
      reportRevisions: 0,
      deviations: 0,
      correctiveActions: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('gives every answer a request id and security headers, never a stack trace', async () => {
    const res = await call<Record<string, unknown>>(api, 'GET', '/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body['code']).toBe('NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \w+ \(/);
    expect(res.headers.get('x-request-id')).toEqual(expect.any(String));
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers an invalid id in the path with 400, not 500', async () => {
    const login = await call<{ accessToken: string }>(api, 'POST', '/api/auth/login', {
      body: { email: 'admin@demo.sopu.test', password: DEMO_PASSWORD },
    });
    const res = await call(api, 'PATCH', '/api/users/not-a-uuid', {
      token: login.body.accessToken,
      body: {},
    });
    expect(res.status).toBe(400);
  });
});
