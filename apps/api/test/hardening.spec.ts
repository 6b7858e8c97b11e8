import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthUser, Page, UserSummary } from '@sopu/shared';
import { Answer, call, DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, startTestApi, TestApi } from './test-api';

/** The voucher reporter's password after the password-change test. */
const CHANGED_PASSWORD = 'Hardening-test-2026!';

/** The headers every answer carries, the API's JSON and the web app's files alike. */
function expectSecurityHeaders(res: { headers: Headers }): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

/** Nothing of the server's inside shows: no stack frames, SQL, driver errors or file paths. */
function expectNoInternals(label: string, res: Answer): void {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  const leaks = [
    /\bat [\w.<>]+ \(/,
    /\n\s+at /,
    /QueryFailedError|TypeORMError|PGlite|node-postgres|ECONNREFUSED/i,
    /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/,
    /node_modules|\/work\/|\/home\/|\/usr\/|\.ts:\d+|\.js:\d+/,
    /<html|<pre>/i,
  ].filter((pattern) => pattern.test(text));
  expect(`${label}: ${leaks.join(' ')}`).toBe(`${label}: `);
}

describe('hardening', () => {
  let api: TestApi;
  let webDir: string;
  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'sopu-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(
      join(webDir, 'index.html'),
      '<!doctype html><html><head><link rel="stylesheet" href="styles.css"></head><body><app-root></app-root><script src="main.js" type="module"></script></body></html>',
    );
    writeFileSync(join(webDir, 'main.js'), 'console.log("sopu");');
    api = await startTestApi({ webDir });
  }, 120_000);
  afterAll(async () => {
    await api.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  async function cookieSignIn(
    email: string,
    password = DEMO_PASSWORD,
  ): Promise<{ cookie: string; xsrf: string }> {
    const res = await fetch(`${api.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(res.status).toBe(200);
    const pairs = res.headers.getSetCookie().map((c) => c.split(';')[0]);
    const xsrf = pairs.find((p) => p.startsWith('XSRF-TOKEN='))?.split('=')[1] ?? '';
    return { cookie: pairs.join('; '), xsrf };
  }

  describe('security headers', () => {
    it('come with the API answers, errors included', async () => {
      const token = await signIn(api, DEMO_ACCOUNTS.analyst.email);
      for (const res of [
        await call(api, 'GET', '/api/health'),
        await call(api, 'GET', '/api/auth/me', { token }),
        await call(api, 'GET', '/api/auth/me'),
        await call(api, 'GET', '/api/no-such-route'),
        await call(api, 'POST', '/api/auth/login', { rawBody: '{' }),
      ]) {
        expectSecurityHeaders(res);
      }
    });

    it('come with the served web app, its deep links and its files', async () => {
      for (const path of ['/', '/reports/123', '/main.js']) {
        const res = await fetch(`${api.url}${path}`);
        expect(`${path} ${res.status}`).toBe(`${path} 200`);
        expectSecurityHeaders(res);
      }
      const index = await (await fetch(`${api.url}/`)).text();
      expect(index).toContain('<app-root>');
    });
  });

  describe('CSRF protection of the cookie session', () => {
    it('refuses a cookie write without the XSRF header, with a wrong one, or from another origin', async () => {
      const { cookie, xsrf } = await cookieSignIn(DEMO_ACCOUNTS.manager.email);
      const write = (headers: Record<string, string>) =>
        call<{ code: string; message: string }>(api, 'PATCH', '/api/auth/me', {
          headers: { cookie, 'accept-language': 'en', ...headers },
          body: { displayName: 'Matti Sopimusohjaaja' },
        });
      for (const [label, headers] of [
        ['no header', {}],
        ['a wrong token', { 'x-xsrf-token': `${xsrf.slice(0, -2)}xx` }],
        ['another site', { 'x-xsrf-token': xsrf, origin: 'https://evil.example' }],
        ['a sibling port', { 'x-xsrf-token': xsrf, origin: api.url.replace(/:(\d+)$/, ':1') }],
        ['a sandboxed frame', { 'x-xsrf-token': xsrf, origin: 'null' }],
      ] as const) {
        const res = await write(headers);
        expect(`${label}: ${res.status} ${res.body.code}`).toBe(`${label}: 403 CSRF_FAILED`);
        expect(res.body.message).toBe('The request could not be verified. Reload the page and try again.');
      }
      expect((await write({ 'x-xsrf-token': xsrf })).status).toBe(200);
      expect((await write({ 'x-xsrf-token': xsrf, origin: api.url })).status).toBe(200);
      // Reading needs no token.
      expect((await call(api, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(200);
    });

    it('says so in Finnish and Swedish too', async () => {
      const { cookie } = await cookieSignIn(DEMO_ACCOUNTS.manager.email);
      const messages: string[] = [];
      for (const language of ['fi', 'sv']) {
        const res = await call<{ message: string }>(api, 'POST', '/api/notifications/read', {
          headers: { cookie, 'accept-language': language },
        });
        expect(res.status).toBe(403);
        messages.push(res.body.message);
      }
      expect(messages).toEqual([
        'Pyyntöä ei voitu varmentaa. Lataa sivu uudelleen ja yritä uudestaan.',
        'Begäran kunde inte verifieras. Ladda om sidan och försök igen.',
      ]);
    });

    it('leaves bearer-token calls alone: a browser cannot send them on its own', async () => {
      const token = await signIn(api, DEMO_ACCOUNTS.manager.email);
      const res = await call(api, 'PATCH', '/api/auth/me', {
        token,
        headers: { origin: 'https://integration.example' },
        body: { displayName: 'Matti Sopimusohjaaja' },
      });
      expect(res.status).toBe(200);
    });
  });

  describe('sessions end', () => {
    it('on sign-out, for the cookie and the XSRF cookie is cleared', async () => {
      const { cookie, xsrf } = await cookieSignIn(DEMO_ACCOUNTS.analyst.email);
      const out = await fetch(`${api.url}/api/auth/logout`, {
        method: 'POST',
        headers: { cookie, 'x-xsrf-token': xsrf },
      });
      expect(out.status).toBe(204);
      const cleared = out.headers.getSetCookie().map((c) => c.split(';')[0]);
      expect(cleared).toEqual(expect.arrayContaining(['sopu_session=', 'XSRF-TOKEN=']));
      expect((await call(api, 'GET', '/api/auth/me', { headers: { cookie } })).status).toBe(401);
    });

    it('on a password change, for every other cookie and token of the user', async () => {
      const browser = await cookieSignIn(DEMO_ACCOUNTS.voucher.email);
      const token = await signIn(api, DEMO_ACCOUNTS.voucher.email);
      const changed = await call(api, 'POST', '/api/auth/password', {
        token,
        body: { currentPassword: DEMO_PASSWORD, newPassword: CHANGED_PASSWORD },
      });
      expect(changed.status).toBe(200);
      expect((await call(api, 'GET', '/api/auth/me', { headers: { cookie: browser.cookie } })).status).toBe(
        401,
      );
      expect((await call(api, 'GET', '/api/auth/me', { token })).status).toBe(401);
    });

    it("on deactivation by an admin, for the user's cookies, tokens and the API tokens they made", async () => {
      const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
      const browser = await cookieSignIn(DEMO_ACCOUNTS.purchased.email);
      const token = await signIn(api, DEMO_ACCOUNTS.purchased.email);
      const apiToken = await call<{ token: string }>(api, 'POST', '/api/api-tokens', {
        token,
        body: { name: 'Leaving with me' },
      });
      expect(apiToken.status).toBe(201);
      expect((await call(api, 'GET', '/api/reports', { token: apiToken.body.token })).status).toBe(200);
      const me = await call<AuthUser>(api, 'GET', '/api/auth/me', { token });
      const off = await call<UserSummary>(api, 'PATCH', `/api/users/${me.body.id}`, {
        token: admin,
        body: { active: false },
      });
      expect(off.status).toBe(200);
      expect((await call(api, 'GET', '/api/auth/me', { headers: { cookie: browser.cookie } })).status).toBe(
        401,
      );
      expect((await call(api, 'GET', '/api/auth/me', { token })).status).toBe(401);
      expect((await call(api, 'GET', '/api/reports', { token: apiToken.body.token })).status).toBe(401);
      const users = await call<Page<UserSummary>>(api, 'GET', '/api/users?active=false', { token: admin });
      expect(users.body.items.map((u) => u.email)).toContain(DEMO_ACCOUNTS.purchased.email);
    });

    it('for the API tokens a reporter made, once the reporter moves to another producer or role', async () => {
      const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
      const reporter = await signIn(api, DEMO_ACCOUNTS.voucher.email, CHANGED_PASSWORD);
      const me = (await call<AuthUser>(api, 'GET', '/api/auth/me', { token: reporter })).body;
      const make = async () =>
        (
          await call<{ token: string }>(api, 'POST', '/api/api-tokens', {
            token: reporter,
            body: { name: 'Mine' },
          })
        ).body.token;
      const first = await make();
      const [other] = await api.dataSource.query(
        `SELECT id FROM producer WHERE organiser_id = $1 AND id <> $2 ORDER BY name LIMIT 1`,
        [me.organiserId, me.producerId],
      );
      const managerToken = await signIn(api, DEMO_ACCOUNTS.manager.email);
      const staffMade = await call<{ token: string }>(api, 'POST', '/api/api-tokens', {
        token: managerToken,
        body: { name: 'Made by staff', producerId: me.producerId },
      });
      expect((await call(api, 'GET', '/api/reports', { token: first })).status).toBe(200);
      const moved = await call(api, 'PATCH', `/api/users/${me.id}`, {
        token: admin,
        body: { producerId: other.id },
      });
      expect(moved.status).toBe(200);
      expect((await call(api, 'GET', '/api/reports', { token: first })).status).toBe(401);
      // A token made by staff for the producer is not the reporter's and goes on working.
      expect((await call(api, 'GET', '/api/reports', { token: staffMade.body.token })).status).toBe(200);
      const toAnalyst = await call(api, 'PATCH', `/api/users/${me.id}`, {
        token: admin,
        body: { role: 'ANALYST', producerId: null },
      });
      expect(toAnalyst.status).toBe(200);
      expect((await call(api, 'GET', '/api/reports', { token: first })).status).toBe(401);
    });

    it('on a password reset by an admin', async () => {
      const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
      const browser = await cookieSignIn(DEMO_ACCOUNTS.inhouse.email);
      const me = await call<AuthUser>(api, 'GET', '/api/auth/me', { headers: { cookie: browser.cookie } });
      const reset = await call(api, 'POST', `/api/users/${me.body.id}/reset-password`, { token: admin });
      expect(reset.status).toBe(200);
      expect((await call(api, 'GET', '/api/auth/me', { headers: { cookie: browser.cookie } })).status).toBe(
        401,
      );
    });
  });

  describe('error answers', () => {
    it('never carry a stack trace, SQL or a file path, and are never 5xx for what a client sent', async () => {
      const token = await signIn(api, DEMO_ACCOUNTS.manager.email);
      const raw = async (
        method: string,
        path: string,
        headers: Record<string, string>,
        body?: string | Buffer,
      ) => {
        const res = await fetch(`${api.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...headers },
          body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
        });
        const text = await res.text();
        return { status: res.status, body: text, headers: res.headers } as Answer;
      };
      const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
      const cases: [string, () => Promise<Answer>][] = [
        ['malformed JSON', () => call(api, 'POST', '/api/auth/login', { rawBody: '{"email": ' })],
        ['wrong types', () => call(api, 'POST', '/api/auth/login', { body: { email: 5, password: [] } })],
        ['an array body', () => call(api, 'POST', '/api/auth/login', { rawBody: '[]' })],
        ['a string body', () => call(api, 'POST', '/api/auth/login', { rawBody: '"x"' })],
        [
          'prototype keys',
          () => call(api, 'POST', '/api/auth/login', { rawBody: '{"__proto__":{"admin":true}}' }),
        ],
        ['an unknown route', () => call(api, 'GET', '/api/no-such-route', { token })],
        ['an unknown method', () => call(api, 'DELETE', '/api/reports', { token })],
        ['an id that is not a uuid', () => call(api, 'GET', '/api/reports/not-a-uuid', { token })],
        [
          'a uuid of nothing',
          () => call(api, 'GET', '/api/reports/00000000-0000-4000-8000-000000000000', { token }),
        ],
        [
          'a revision number beyond integers',
          () =>
            call(
              api,
              'GET',
              '/api/reports/00000000-0000-4000-8000-000000000000/revisions/99999999999999999999',
              {
                token,
              },
            ),
        ],
        [
          'a page beyond integers',
          () => call(api, 'GET', '/api/reports?page=99999999999999999999', { token }),
        ],
        [
          'a NUL in a text',
          () => call(api, 'PATCH', '/api/auth/me', { token, body: { displayName: 'a\u0000b' } }),
        ],
        ['a broken escape in the path', () => call(api, 'GET', '/api/reports/%E0%A4%A', { token })],
        ['deep nesting', () => call(api, 'POST', '/api/auth/login', { rawBody: deep })],
        [
          'an unknown charset',
          () => raw('POST', '/api/auth/login', { 'content-type': 'application/json; charset=utf-7' }, '{}'),
        ],
        [
          'a broken gzip body',
          () =>
            raw(
              'POST',
              '/api/auth/login',
              { 'content-type': 'application/json', 'content-encoding': 'gzip' },
              'not gzip',
            ),
        ],
        [
          'an unknown encoding',
          () =>
            raw(
              'POST',
              '/api/auth/login',
              { 'content-type': 'application/json', 'content-encoding': 'br2' },
              '{}',
            ),
        ],
        [
          'too many form fields',
          () =>
            raw(
              'POST',
              '/api/auth/login',
              { 'content-type': 'application/x-www-form-urlencoded' },
              Array.from({ length: 1500 }, (_, i) => `f${i}=1`).join('&'),
            ),
        ],
        [
          'a form instead of JSON',
          () =>
            raw(
              'POST',
              '/api/auth/login',
              { 'content-type': 'application/x-www-form-urlencoded' },
              'email=a&password=b',
            ),
        ],
        [
          'text instead of JSON',
          () => raw('POST', '/api/auth/login', { 'content-type': 'text/plain' }, 'hello'),
        ],
        ['a forged token', () => call(api, 'GET', '/api/auth/me', { token: 'eyJhbGciOiJub25lIn0.e30.' })],
        [
          'a bad multipart upload',
          () =>
            raw(
              'POST',
              '/api/contracts/00000000-0000-4000-8000-000000000000/documents?filename=a.pdf',
              { 'content-type': 'multipart/form-data; boundary=x' },
              '--x\r\n',
            ),
        ],
      ];
      const answers: string[] = [];
      for (const [label, send] of cases) {
        const res = await send();
        answers.push(`${label}: ${res.status >= 400 && res.status < 500 ? '4xx' : res.status}`);
        expectNoInternals(label, res);
        expect(`${label}: ${res.headers.get('content-type')}`).toMatch(/application\/json/);
        const body = (typeof res.body === 'string' ? JSON.parse(res.body) : res.body) as {
          code?: string;
          message?: string;
        };
        expect(`${label}: ${typeof body.code} ${typeof body.message}`).toBe(`${label}: string string`);
      }
      expect(answers).toEqual(cases.map(([label]) => `${label}: 4xx`));
    });

    it('refuses a body nested deeper than any request needs with its own message, and takes ordinary ones', async () => {
      const deep = await call<{ code: string; message: string }>(api, 'POST', '/api/auth/login', {
        rawBody: `{"email":${'['.repeat(40)}${']'.repeat(40)}}`,
        headers: { 'accept-language': 'sv' },
      });
      expect(deep.status).toBe(400);
      expect(deep.body).toMatchObject({
        code: 'BODY_TOO_DEEP',
        message: 'Begärans innehåll är för djupt nästlat (högst 32 nivåer).',
      });
      const ordinary = await call(api, 'POST', '/api/auth/login', {
        body: { email: DEMO_ACCOUNTS.analyst.email, password: DEMO_PASSWORD },
      });
      expect(ordinary.status).toBe(200);
    });
  });
});
