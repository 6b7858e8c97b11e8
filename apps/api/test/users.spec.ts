import { AuditEventView, Page, ProducerSummary, UserSummary } from '@sopu/shared';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

describe('user administration', () => {
  let api: TestApi;
  let admin: string;
  let producers: ProducerSummary[];
  beforeAll(async () => {
    api = await startTestApi();
    admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
    producers = (await call<ProducerSummary[]>(api, 'GET', '/api/producers', { token: admin })).body;
  });
  afterAll(() => api.close());

  it('creates a reporter who signs in with the temporary password shown once', async () => {
    const created = await call<{ user: UserSummary; temporaryPassword: string }>(api, 'POST', '/api/users', {
      token: admin,
      body: {
        email: 'New.Reporter@Example.fi',
        displayName: 'New Reporter',
        role: 'PROVIDER_REPORTER',
        producerId: producers[0].id,
        language: 'sv',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      email: 'new.reporter@example.fi',
      role: 'PROVIDER_REPORTER',
      producerName: producers[0].name,
    });
    const token = await signIn(api, 'new.reporter@example.fi', created.body.temporaryPassword);
    expect((await call<{ language: string }>(api, 'GET', '/api/auth/me', { token })).body.language).toBe(
      'sv',
    );
  });

  it('refuses a duplicate email with 409 and a reporter without producer with 422', async () => {
    const dup = await call<{ code: string }>(api, 'POST', '/api/users', {
      token: admin,
      body: {
        email: DEMO_ACCOUNTS.analyst.email.toUpperCase(),
        displayName: 'Dup',
        role: 'ANALYST',
        language: 'fi',
      },
    });
    expect([dup.status, dup.body.code]).toEqual([409, 'EMAIL_TAKEN']);
    const noProducer = await call<{ code: string }>(api, 'POST', '/api/users', {
      token: admin,
      body: { email: 'x@example.fi', displayName: 'X', role: 'PROVIDER_REPORTER', language: 'fi' },
    });
    expect([noProducer.status, noProducer.body.code]).toEqual([422, 'PRODUCER_REQUIRED']);
    const badRole = await call<{ fields: { field: string }[] }>(api, 'POST', '/api/users', {
      token: admin,
      body: { email: 'not-an-email', displayName: 'X', role: 'KING', language: 'fi' },
    });
    expect(badRole.status).toBe(400);
    expect(badRole.body.fields.map((f) => f.field).sort()).toEqual(['email', 'role']);
  });

  it('deactivates a user: their token dies and they cannot sign in', async () => {
    const list = await call<Page<UserSummary>>(
      api,
      'GET',
      `/api/users?search=${encodeURIComponent('analyst@')}`,
      { token: admin },
    );
    const analyst = list.body.items[0];
    const analystToken = await signIn(api, DEMO_ACCOUNTS.analyst.email);
    const res = await call<UserSummary>(api, 'PATCH', `/api/users/${analyst.id}`, {
      token: admin,
      body: { active: false },
    });
    expect(res.body.active).toBe(false);
    expect((await call(api, 'GET', '/api/auth/me', { token: analystToken })).status).toBe(401);
    expect(
      (
        await call(api, 'POST', '/api/auth/login', {
          body: { email: DEMO_ACCOUNTS.analyst.email, password: 'Sopu-demo-2026!' },
        })
      ).status,
    ).toBe(401);
    const inactive = await call<Page<UserSummary>>(api, 'GET', '/api/users?active=false', { token: admin });
    expect(inactive.body.items.map((u) => u.email)).toEqual([DEMO_ACCOUNTS.analyst.email]);
  });

  it('resets a password: old sessions end, the new one works', async () => {
    const list = await call<Page<UserSummary>>(api, 'GET', '/api/users?role=CONTRACT_MANAGER', {
      token: admin,
    });
    const manager = list.body.items[0];
    const old = await signIn(api, DEMO_ACCOUNTS.manager.email);
    const reset = await call<{ temporaryPassword: string }>(
      api,
      'POST',
      `/api/users/${manager.id}/reset-password`,
      { token: admin },
    );
    expect(reset.status).toBe(200);
    expect((await call(api, 'GET', '/api/auth/me', { token: old })).status).toBe(401);
    expect(await signIn(api, DEMO_ACCOUNTS.manager.email, reset.body.temporaryPassword)).toEqual(
      expect.any(String),
    );
  });

  it('keeps an admin from locking themselves out', async () => {
    const me = await call<{ id: string }>(api, 'GET', '/api/auth/me', { token: admin });
    const res = await call<{ code: string }>(api, 'PATCH', `/api/users/${me.body.id}`, {
      token: admin,
      body: { active: false },
    });
    expect([res.status, res.body.code]).toEqual([422, 'CANNOT_DEACTIVATE_SELF']);
  });

  it('writes every change to the audit log with before and after, and no password hash', async () => {
    const log = await call<Page<AuditEventView>>(
      api,
      'GET',
      '/api/audit-events?entityType=user&pageSize=200',
      { token: admin },
    );
    const actions = log.body.items.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['user.create', 'user.deactivate', 'user.reset_password', 'auth.sign_in']),
    );
    const deactivation = log.body.items.find((e) => e.action === 'user.deactivate');
    expect(deactivation?.before).toMatchObject({ active: true, email: DEMO_ACCOUNTS.analyst.email });
    expect(deactivation?.after).toMatchObject({ active: false });
    expect(deactivation?.actorEmail).toBe(DEMO_ACCOUNTS.admin.email);
    expect(deactivation?.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(log.body)).not.toMatch(/argon2|passwordHash/);
  });

  it('rolls back a change whose audit event cannot be written', async () => {
    const before = await api.dataSource.query(`SELECT count(*)::int AS n FROM app_user`);
    // An invalid language is caught by validation; here the database refuses the audit row instead.
    await api.dataSource.query(
      `ALTER TABLE audit_event ADD CONSTRAINT ck_test_block CHECK (action <> 'user.create') NOT VALID`,
    );
    try {
      const res = await call(api, 'POST', '/api/users', {
        token: admin,
        body: {
          email: 'rolled.back@example.fi',
          displayName: 'Rolled Back',
          role: 'ANALYST',
          language: 'fi',
        },
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
    } finally {
      await api.dataSource.query(`ALTER TABLE audit_event DROP CONSTRAINT ck_test_block`);
    }
    expect(await api.dataSource.query(`SELECT count(*)::int AS n FROM app_user`)).toEqual(before);
  });

  it('refuses to change or delete audit events, even in SQL', async () => {
    await expect(api.dataSource.query(`UPDATE audit_event SET action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.dataSource.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
  });
});
