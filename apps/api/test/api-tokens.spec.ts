import { ApiToken, CreatedApiToken, Page, ReportDetail, ReportObligation, SubmitResult } from '@sopu/shared';
import { attachEvidence, greenEntry } from './report-values';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

describe("API tokens for producers' own systems", () => {
  let api: TestApi;
  let manager: string;
  let reporter: string;
  let otherReporter: string;

  beforeAll(async () => {
    // Reports start untouched, so each test knows the state it builds on (the seed has its own test).
    api = await startTestApi({ demoReports: false });
    [manager, reporter, otherReporter] = await Promise.all([
      signIn(api, DEMO_ACCOUNTS.manager.email),
      signIn(api, DEMO_ACCOUNTS.purchased.email),
      signIn(api, DEMO_ACCOUNTS.voucher.email),
    ]);
  });
  afterAll(() => api.close());

  const createToken = (name: string, token = reporter, producerId?: string) =>
    call<CreatedApiToken & { code: string }>(api, 'POST', '/api/api-tokens', {
      token,
      body: { name, ...(producerId ? { producerId } : {}) },
    });

  it('shows a token once, keeps only its hash and lets it fill and submit its own producer’s report', async () => {
    const created = await createToken('Asiakastietojärjestelmä');
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^sopu_[A-Za-z0-9_-]{43}$/);
    const secret = created.body.token;

    const listed = await call<ApiToken[]>(api, 'GET', '/api/api-tokens', { token: reporter });
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(listed.body.map((t) => t.id)).toContain(created.body.id);
    const stored = await api.dataSource.query(`SELECT * FROM api_token WHERE id = $1`, [created.body.id]);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(12));

    const reports = await call<Page<ReportObligation>>(
      api,
      'GET',
      '/api/reports?status=EXPECTED&pageSize=500',
      {
        token: secret,
      },
    );
    expect(reports.status).toBe(200);
    const own = reports.body.items.sort((a, b) => b.periodStart.localeCompare(a.periodStart))[0];
    const report = (await call<ReportDetail>(api, 'GET', `/api/reports/${own.id}`, { token: secret })).body;
    const values = Object.fromEntries(report.items.map((form) => [form.criterion.code, greenEntry(form)]));
    const saved = await call<ReportDetail>(api, 'PUT', `/api/reports/${own.id}/values`, {
      token: secret,
      body: { draftVersion: report.draftVersion, values },
    });
    expect(saved.status).toBe(200);
    await attachEvidence(api.url, secret, saved.body);
    const submitted = await call<SubmitResult>(api, 'POST', `/api/reports/${own.id}/submit`, {
      token: secret,
      headers: { 'idempotency-key': `system-${own.id}` },
    });
    expect(submitted.status).toBe(201);
    const [revision] = await api.dataSource.query(
      `SELECT via, submitted_by_email FROM report_revision WHERE id = $1`,
      [submitted.body.revision.id],
    );
    expect(revision).toEqual({ via: 'API', submitted_by_email: `api-token:${created.body.prefix}` });

    // Another producer's report is not found; a person's account is out of reach.
    const foreign = (
      await call<Page<ReportObligation>>(api, 'GET', '/api/reports?pageSize=1', { token: otherReporter })
    ).body.items[0];
    expect((await call(api, 'GET', `/api/reports/${foreign.id}`, { token: secret })).status).toBe(404);
    expect((await call(api, 'GET', '/api/auth/me', { token: secret })).status).toBe(403);
    expect((await createToken('Toinen', secret)).status).toBe(403);
    expect((await call(api, 'GET', '/api/users', { token: secret })).status).toBe(403);
  });

  it('stops a revoked token at once and lets only its own producer revoke it', async () => {
    const created = await createToken('Väliaikainen');
    const secret = created.body.token;
    expect((await call(api, 'GET', '/api/reports?pageSize=1', { token: secret })).status).toBe(200);

    const byOther = await call(api, 'DELETE', `/api/api-tokens/${created.body.id}`, { token: otherReporter });
    expect(byOther.status).toBe(404);
    expect((await call(api, 'GET', '/api/reports?pageSize=1', { token: secret })).status).toBe(200);

    expect(
      (await call(api, 'DELETE', `/api/api-tokens/${created.body.id}`, { token: reporter })).status,
    ).toBe(204);
    expect((await call(api, 'GET', '/api/reports?pageSize=1', { token: secret })).status).toBe(401);
    const forged = `sopu_${'A'.repeat(43)}`;
    expect((await call(api, 'GET', '/api/reports?pageSize=1', { token: forged })).status).toBe(401);
  });

  it('makes staff name the producer, and never hands a reporter a token for another producer', async () => {
    const missing = await createToken('Ilman tuottajaa', manager);
    expect(missing.status).toBe(400);
    const foreignReport = (
      await call<Page<ReportObligation>>(api, 'GET', '/api/reports?pageSize=1', { token: otherReporter })
    ).body.items[0];
    const forOther = await createToken('Vieras', reporter, foreignReport.producerId);
    expect(forOther.status).toBe(404);
    const forProducer = await createToken('Tuottajan järjestelmä', manager, foreignReport.producerId);
    expect(forProducer.status).toBe(201);
    expect(forProducer.body.producerId).toBe(foreignReport.producerId);
    const theirs = await call<ApiToken[]>(api, 'GET', '/api/api-tokens', { token: reporter });
    expect(theirs.body.some((t) => t.id === forProducer.body.id)).toBe(false);
  });
});
