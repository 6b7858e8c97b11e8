import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the running app really serves, read from the Express router. */
function servedRoutes(api: TestApi): { method: string; path: string }[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route?.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route?.methods ?? {}).map((method) => ({
        method: method.toUpperCase(),
        path: layer.route?.path ?? '',
      })),
    );
}

const PUBLIC_ROUTES = ['POST /api/auth/login', 'GET /api/health'];
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';

describe('authorization by default-deny', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('finds the routes', () => {
    expect(servedRoutes(api).length).toBeGreaterThan(8);
  });

  it('refuses every route but the public ones to the anonymous with 401 (an undeclared route answers 403)', async () => {
    const answers: string[] = [];
    for (const route of servedRoutes(api)) {
      const key = `${route.method} ${route.path}`;
      const path = route.path.replace(/:(\w+)/g, SAMPLE_ID);
      const res = await call(api, route.method, path, { body: route.method === 'GET' ? undefined : {} });
      answers.push(`${key} -> ${PUBLIC_ROUTES.includes(key) ? 'public' : res.status}`);
    }
    expect(answers.filter((a) => !a.endsWith('-> 401') && !a.endsWith('-> public'))).toEqual([]);
  });

  it('documents every served route in OpenAPI', async () => {
    const docs = await call<{ paths: Record<string, Record<string, unknown>> }>(api, 'GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    const documented = Object.entries(docs.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    for (const route of servedRoutes(api)) expect(documented).toContain(`${route.method} ${route.path}`);
  });

  it('lets only ADMIN administer users and read the audit log', async () => {
    const adminOnly: [string, string][] = [
      ['GET', '/api/users'],
      ['POST', '/api/users'],
      ['PATCH', `/api/users/${SAMPLE_ID}`],
      ['POST', `/api/users/${SAMPLE_ID}/reset-password`],
      ['GET', '/api/audit-events'],
    ];
    for (const account of [DEMO_ACCOUNTS.manager, DEMO_ACCOUNTS.analyst, DEMO_ACCOUNTS.inhouse]) {
      const token = await signIn(api, account.email);
      for (const [method, path] of adminOnly) {
        const res = await call(api, method, path, { token, body: method === 'GET' ? undefined : {} });
        expect(`${account.role} ${method} ${path} ${res.status}`).toBe(
          `${account.role} ${method} ${path} 403`,
        );
      }
    }
  });
});
