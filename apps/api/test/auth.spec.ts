import { AuthUser } from '@sopu/shared';
import { call, DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, startTestApi, TestApi } from './test-api';

describe('sign-in and sessions', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it.each(Object.entries(DEMO_ACCOUNTS))(
    'signs in the demo account %s and /me shows its role',
    async (_key, account) => {
      const token = await signIn(api, account.email);
      const me = await call<AuthUser>(api, 'GET', '/api/auth/me', { token });
      expect(me.status).toBe(200);
      expect(me.body.role).toBe(account.role);
      expect(me.body.email).toBe(account.email);
      expect(me.body.organiserName).toMatch(/Helsin/);
      if (account.role === 'PROVIDER_REPORTER') expect(me.body.producerId).toEqual(expect.any(String));
      else expect(me.body.producerId).toBeNull();
    },
  );

  it('gives the reporters producers of all three types', async () => {
    const types = [];
    for (const account of [DEMO_ACCOUNTS.inhouse, DEMO_ACCOUNTS.purchased, DEMO_ACCOUNTS.voucher]) {
      const me = await call<AuthUser>(api, 'GET', '/api/auth/me', {
        token: await signIn(api, account.email),
      });
      types.push(me.body.producerType);
    }
    expect(types).toEqual(['SELF_PRODUCED', 'PURCHASED_SERVICE', 'VOUCHER_SERVICE']);
  });

  it('refuses a wrong password with 401 and a translated message', async () => {
    const res = await call<{ code: string; message: string }>(api, 'POST', '/api/auth/login', {
      body: { email: DEMO_ACCOUNTS.analyst.email, password: 'wrong-password' },
      headers: { 'accept-language': 'sv' },
    });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('INVALID_CREDENTIALS');
    expect(res.body.message).toBe('E-postadressen eller lösenordet är fel.');
  });

  it('answers 401 to the anonymous and 403 to a reporter on the audit log', async () => {
    expect((await call(api, 'GET', '/api/audit-events')).status).toBe(401);
    const reporter = await signIn(api, DEMO_ACCOUNTS.purchased.email);
    expect((await call(api, 'GET', '/api/audit-events', { token: reporter })).status).toBe(403);
    const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
    expect((await call(api, 'GET', '/api/audit-events', { token: admin })).status).toBe(200);
  });

  it('meets 15 wrong passwords in a row with 429 and Retry-After, even for the right one then', async () => {
    const email = DEMO_ACCOUNTS.voucher.email;
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push(
        (await call(api, 'POST', '/api/auth/login', { body: { email, password: `guess-${i}` } })).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    const locked = await call(api, 'POST', '/api/auth/login', { body: { email, password: DEMO_PASSWORD } });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account from the same address is not locked by it.
    expect(
      (
        await call(api, 'POST', '/api/auth/login', {
          body: { email: DEMO_ACCOUNTS.manager.email, password: DEMO_PASSWORD },
        })
      ).status,
    ).toBe(200);
  });

  it('refuses a 2 MB body with 413 and an unknown field with 400 naming it', async () => {
    const big = await call<{ code: string }>(api, 'POST', '/api/auth/login', {
      rawBody: JSON.stringify({ email: 'a@b.fi', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('BODY_TOO_LARGE');
    const unknown = await call<{ fields: { field: string; problem: string }[] }>(
      api,
      'POST',
      '/api/auth/login',
      {
        body: { email: 'a@b.fi', password: 'x', isAdmin: true },
      },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toContainEqual(
      expect.objectContaining({ field: 'isAdmin', problem: 'unknownField' }),
    );
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const res = await call<{ code: string }>(api, 'POST', '/api/auth/login', { rawBody: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('MALFORMED_JSON');
  });

  it('ends the token on sign-out', async () => {
    const token = await signIn(api, DEMO_ACCOUNTS.analyst.email);
    expect((await call(api, 'POST', '/api/auth/logout', { token })).status).toBe(204);
    expect((await call(api, 'GET', '/api/auth/me', { token })).status).toBe(401);
  });

  it('ends every session on a password change and issues a new one', async () => {
    const first = await signIn(api, DEMO_ACCOUNTS.inhouse.email);
    const second = await signIn(api, DEMO_ACCOUNTS.inhouse.email);
    const wrong = await call(api, 'POST', '/api/auth/password', {
      token: first,
      body: { currentPassword: 'not-it', newPassword: 'A-new-password-2026' },
    });
    expect(wrong.status).toBe(422);
    const changed = await call<{ accessToken: string }>(api, 'POST', '/api/auth/password', {
      token: first,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'A-new-password-2026' },
    });
    expect(changed.status).toBe(200);
    expect((await call(api, 'GET', '/api/auth/me', { token: first })).status).toBe(401);
    expect((await call(api, 'GET', '/api/auth/me', { token: second })).status).toBe(401);
    expect((await call(api, 'GET', '/api/auth/me', { token: changed.body.accessToken })).status).toBe(200);
    expect(await signIn(api, DEMO_ACCOUNTS.inhouse.email, 'A-new-password-2026')).toEqual(expect.any(String));
  });

  it('refuses a forged token', async () => {
    const token = await signIn(api, DEMO_ACCOUNTS.analyst.email);
    const [header, payload] = token.split('.');
    expect((await call(api, 'GET', '/api/auth/me', { token: `${header}.${payload}.forged` })).status).toBe(
      401,
    );
  });

  it('remembers the language per user', async () => {
    const token = await signIn(api, DEMO_ACCOUNTS.manager.email);
    const res = await call<AuthUser>(api, 'PATCH', '/api/auth/me', { token, body: { language: 'sv' } });
    expect(res.body.language).toBe('sv');
    const again = await call<AuthUser>(api, 'GET', '/api/auth/me', {
      token: await signIn(api, DEMO_ACCOUNTS.manager.email),
    });
    expect(again.body.language).toBe('sv');
    expect((await call(api, 'PATCH', '/api/auth/me', { token, body: { language: 'de' } })).status).toBe(400);
  });

  describe('the web app cookie', () => {
    async function cookieSignIn(): Promise<{ cookie: string; xsrf: string }> {
      const res = await fetch(`${api.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO_ACCOUNTS.analyst.email, password: DEMO_PASSWORD }),
      });
      const setCookies = res.headers.getSetCookie();
      const session = setCookies.find((c) => c.startsWith('sopu_session='));
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Strict/i);
      const xsrf = setCookies.find((c) => c.startsWith('XSRF-TOKEN='));
      expect(xsrf).not.toMatch(/HttpOnly/i);
      const pairs = setCookies.map((c) => c.split(';')[0]);
      return { cookie: pairs.join('; '), xsrf: (xsrf ?? '').split(';')[0].split('=')[1] };
    }

    it('signs in with the httpOnly cookie and refuses a write without the XSRF header', async () => {
      const { cookie, xsrf } = await cookieSignIn();
      expect((await call(api, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(200);
      const forged = await call<{ code: string }>(api, 'PATCH', '/api/auth/me', {
        headers: { cookie },
        body: { language: 'en' },
      });
      expect(forged.status).toBe(403);
      expect(forged.body.code).toBe('CSRF_FAILED');
      const real = await call(api, 'PATCH', '/api/auth/me', {
        headers: { cookie, 'x-xsrf-token': xsrf },
        body: { language: 'en' },
      });
      expect(real.status).toBe(200);
    });
  });
});
