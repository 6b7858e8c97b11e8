import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { Browser, chromium, Locator, Page } from 'playwright-core';
import { createTestDatabase, DatabaseRuntime } from '@sopu/api/database';

const ROOT = resolve(__dirname, '../../..');
export const DEMO_PASSWORD = 'Sopu-demo-2026!';
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export interface Portal {
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? done(address.port) : fail(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, log: string[]): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the API stopped (${child.exitCode}):\n${log.join('')}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the API did not become healthy:\n${log.join('')}`);
}

/**
 * The built portal (dist/) as `npm start` runs it, on its own port and a fresh database with the
 * demo data, and a headless Debian Chromium to drive it.
 */
export async function startPortal(): Promise<Portal> {
  const main = join(ROOT, 'dist/apps/api/main.js');
  if (!existsSync(main) || !existsSync(join(ROOT, 'dist/apps/web/browser/index.html'))) {
    throw new Error('Build first: npx nx run-many -t build -p api web (npm test does it)');
  }
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium`);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'sopu-e2e-'));
  const database: DatabaseRuntime | null = process.env['TEST_DATABASE_URL']
    ? await createTestDatabase()
    : null;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SOPU_DATA_DIR: dataDir,
    SOPU_DEMO_PASSWORD: DEMO_PASSWORD,
    SOPU_LOG_LEVEL: 'warn',
    NODE_OPTIONS: '',
  };
  if (database) {
    env['DATABASE_URL'] = database.url;
    env['SOPU_DEMO'] = '1';
  } else {
    delete env['DATABASE_URL'];
  }
  const log: string[] = [];
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, log);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    url,
    browser,
    close: async () => {
      await browser.close();
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await database?.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function newPage(
  portal: Portal,
  options: { width?: number; locale?: string } = {},
): Promise<Page> {
  const context = await portal.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'en-GB',
  });
  const page = await context.newPage();
  // A step that has not happened in 30 s will not happen: fail with the step named. (15 s proved
  // too tight on two busy cores, where the first visit of a lazily loaded page can take a while.)
  page.setDefaultTimeout(30_000);
  return page;
}

/** Signs in through the form and turns the portal to English. */
export async function signIn(page: Page, portal: Portal, email: string): Promise<void> {
  await page.goto(`${portal.url}/sign-in`);
  await chooseLanguage(page, 'English');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  // The portal now speaks the user's own stored language; the tests read it in English.
  await page
    .getByRole('heading', { level: 1 })
    .filter({ hasText: /Welcome|Tervetuloa|Välkommen/ })
    .waitFor();
  await chooseLanguage(page, 'English');
  await page
    .getByRole('heading', { level: 1 })
    .filter({ hasText: /Welcome/ })
    .waitFor();
}

export async function chooseLanguage(page: Page, name: 'Suomi' | 'Svenska' | 'English'): Promise<void> {
  await page.getByRole('button', { name: /Change language|Vaihda kieli|Byt språk/ }).click();
  await page.getByRole('menuitemradio', { name }).click();
}

/** WCAG 2.1 A and AA violations of serious or critical impact on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Half-faded elements (a snack bar sliding in, a dialog opening) are checked once they have settled,
  // so that contrast is measured on what the user reads, not on a frame of an animation. An animation
  // can still start while axe reads the page (a snack bar timing out), so a finding is confirmed by a
  // second reading once everything has settled again: a real violation is in both.
  let found: string[] = [];
  for (let reading = 1; reading <= 2; reading++) {
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    );
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    found = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    if (found.length === 0) return found;
    await page.waitForTimeout(500);
  }
  return found;
}

/**
 * Picks an option of a Material select and waits until the select shows it, so that a
 * click landing during the panel's opening animation is retried instead of lost.
 */
export async function choose(page: Page, combobox: string, option: string | RegExp): Promise<void> {
  const select = page.getByRole('combobox', { name: combobox });
  const exact = typeof option === 'string';
  for (let attempt = 1; ; attempt++) {
    await select.click();
    const item = page.getByRole('option', { name: option, exact }).first();
    const label = ((await item.textContent()) ?? '').trim();
    await item.click();
    for (const deadline = Date.now() + 5_000; Date.now() < deadline;) {
      if (((await select.textContent()) ?? '').includes(label)) return;
      await page.waitForTimeout(100);
    }
    if (attempt === 3) throw new Error(`The select "${combobox}" did not take the option "${label}"`);
    await page.keyboard.press('Escape');
  }
}

/**
 * Clicks a dialog's save button and waits for the dialog to close; when it stays open,
 * fails with what the dialog says (a validation or server message) instead of a bare timeout.
 */
export async function saveDialog(dialog: Locator, button: string): Promise<void> {
  await dialog.getByRole('button', { name: button }).click();
  try {
    await dialog.waitFor({ state: 'hidden' });
  } catch {
    const text = (await dialog.innerText().catch(() => '')).replace(/\s+/g, ' ');
    throw new Error(`The dialog stayed open after "${button}": ${text}`);
  }
}
