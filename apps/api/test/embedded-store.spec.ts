import { INestApplication } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, startEmbeddedApp } from './test-api';

/** The default a new user gets: no DATABASE_URL, PGlite in a data folder, demo data on first start. */
describe('the embedded store in a data folder', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'sopu-embedded-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  async function start(): Promise<{ app: INestApplication; url: string }> {
    const started = await startEmbeddedApp(dataDir);
    expect(started.config.demo).toBe('when-empty');
    return started;
  }

  async function signIn(url: string, email: string, password: string): Promise<Response> {
    return fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
  }

  // Two full starts of the API on a data folder, each with PGlite's own start: give it time on 2 busy cores.
  it('keeps its data across a restart and loads the demo data only once', async () => {
    const first = await start();
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health.database.kind).toBe('embedded');
    const login = await (await signIn(first.url, 'admin@demo.sopu.test', DEMO_PASSWORD)).json();
    const created = await fetch(`${first.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${login.accessToken}` },
      body: JSON.stringify({
        email: 'kept@example.fi',
        displayName: 'Kept',
        role: 'ANALYST',
        language: 'fi',
      }),
    });
    const { temporaryPassword } = await created.json();
    await first.app.close();

    const second = await start();
    try {
      expect((await signIn(second.url, 'kept@example.fi', temporaryPassword)).status).toBe(200);
      const admin = await (await signIn(second.url, 'admin@demo.sopu.test', DEMO_PASSWORD)).json();
      const users = await (
        await fetch(`${second.url}/api/users?pageSize=200`, {
          headers: { authorization: `Bearer ${admin.accessToken}` },
        })
      ).json();
      expect(users.total).toBe(7);
    } finally {
      await second.app.close();
    }
  }, 180_000);
});
