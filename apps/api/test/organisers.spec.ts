import { Page, ProducerSummary, UserSummary, AuditEventView } from '@sopu/shared';
import { addSecondOrganiser, call, DEMO_ACCOUNTS, ESPOO, signIn, startTestApi, TestApi } from './test-api';

describe('organisers and producers are kept apart', () => {
  let api: TestApi;
  let espoo: { organiserId: string; producerId: string };
  beforeAll(async () => {
    api = await startTestApi();
    espoo = await addSecondOrganiser(api.dataSource);
  });
  afterAll(() => api.close());

  it("shows an organiser's admin only its own users", async () => {
    const helsinki = await call<Page<UserSummary>>(api, 'GET', '/api/users', {
      token: await signIn(api, DEMO_ACCOUNTS.admin.email),
    });
    const espooAdmin = await call<Page<UserSummary>>(api, 'GET', '/api/users', {
      token: await signIn(api, ESPOO.admin, ESPOO.password),
    });
    expect(helsinki.body.items.map((u) => u.email)).toContain(DEMO_ACCOUNTS.admin.email);
    expect(helsinki.body.items.map((u) => u.email)).not.toContain(ESPOO.admin);
    expect(espooAdmin.body.items.map((u) => u.email).sort()).toEqual([ESPOO.admin, ESPOO.reporter]);
  });

  it("answers 404 when an admin touches another organiser's user", async () => {
    const helsinkiUsers = await call<Page<UserSummary>>(api, 'GET', '/api/users', {
      token: await signIn(api, DEMO_ACCOUNTS.admin.email),
    });
    const target = helsinkiUsers.body.items.find((u) => u.email === DEMO_ACCOUNTS.analyst.email);
    const token = await signIn(api, ESPOO.admin, ESPOO.password);
    expect(
      (await call(api, 'PATCH', `/api/users/${target?.id}`, { token, body: { active: false } })).status,
    ).toBe(404);
    expect((await call(api, 'POST', `/api/users/${target?.id}/reset-password`, { token })).status).toBe(404);
  });

  it("refuses to attach a user to another organiser's producer", async () => {
    const token = await signIn(api, DEMO_ACCOUNTS.admin.email);
    const res = await call(api, 'POST', '/api/users', {
      token,
      body: {
        email: 'sneaky@demo.sopu.test',
        displayName: 'Sneaky',
        role: 'PROVIDER_REPORTER',
        producerId: espoo.producerId,
        language: 'fi',
      },
    });
    expect(res.status).toBe(404);
  });

  it('shows a reporter only their own producer, staff all of their organiser', async () => {
    const reporter = await call<ProducerSummary[]>(api, 'GET', '/api/producers', {
      token: await signIn(api, DEMO_ACCOUNTS.voucher.email),
    });
    expect(reporter.body.map((p) => p.type)).toEqual(['VOUCHER_SERVICE']);
    const analyst = await call<ProducerSummary[]>(api, 'GET', '/api/producers', {
      token: await signIn(api, DEMO_ACCOUNTS.analyst.email),
    });
    const [{ n }]: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM producer p JOIN organiser o ON o.id = p.organiser_id WHERE o.business_id = '0201256-6'`,
    );
    expect(analyst.body).toHaveLength(n);
    expect(analyst.body.map((p) => p.id)).not.toContain(espoo.producerId);
  });

  it("keeps each organiser's audit log to itself", async () => {
    const espooToken = await signIn(api, ESPOO.admin, ESPOO.password);
    await signIn(api, DEMO_ACCOUNTS.manager.email);
    const log = await call<Page<AuditEventView>>(api, 'GET', '/api/audit-events?action=auth.sign_in', {
      token: espooToken,
    });
    expect(log.body.items.length).toBeGreaterThan(0);
    expect(log.body.items.every((e) => e.actorEmail === ESPOO.admin)).toBe(true);
  });
});
