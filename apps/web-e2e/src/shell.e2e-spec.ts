import { Page } from 'playwright-core';
import { chooseLanguage, newPage, Portal, seriousViolations, signIn, startPortal } from './portal';

async function navigationLinks(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.waitFor();
  // Accessible names, as a screen reader announces them (icon ligatures are aria-hidden).
  const snapshot = await nav.ariaSnapshot();
  return [...snapshot.matchAll(/- link "([^"]+)"/g)].map((m) => m[1]);
}

describe('the portal in a browser', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal?.close());

  it('serves an accessible sign-in page in Finnish by default', async () => {
    const page = await newPage(portal, { locale: 'fi-FI' });
    await page.goto(`${portal.url}/`);
    await page.waitForURL(/\/sign-in/);
    await page.getByRole('button', { name: 'Kirjaudu' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fi');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('runs under the Content-Security-Policy with its styles and icon font loaded', async () => {
    const page = await newPage(portal);
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        violations.push(message.text());
    });
    await page.goto(`${portal.url}/sign-in`);
    await page.getByRole('button', { name: /Sign in|Kirjaudu|Logga in/ }).waitFor();
    const iconFont = await page.evaluate(async () => {
      await document.fonts.load('24px "Material Symbols Outlined"', 'language');
      return document.fonts.check('24px "Material Symbols Outlined"', 'language');
    });
    expect(violations).toEqual([]);
    expect(iconFont).toBe(true);
    // An icon drawn with the font is a square glyph, not the word "language" in letters.
    const box = await page.locator('mat-icon', { hasText: 'language' }).first().boundingBox();
    expect(box?.width).toBeLessThan(40);
  });

  it('switches the sign-in page between Finnish, Swedish and English', async () => {
    const page = await newPage(portal);
    await page.goto(`${portal.url}/sign-in`);
    await chooseLanguage(page, 'Svenska');
    await page.getByRole('button', { name: 'Logga in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    await chooseLanguage(page, 'English');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('shows a wrong password as a message in the chosen language', async () => {
    const page = await newPage(portal);
    await page.goto(`${portal.url}/sign-in`);
    await chooseLanguage(page, 'Svenska');
    await page.getByLabel('E-post').fill('analyst@demo.sopu.test');
    await page.getByLabel('Lösenord').fill('not-the-password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('E-postadressen eller lösenordet är fel.').first().waitFor();
  });

  // Everyone reads the registry, the contracts and the catalogue; only administrators see the admin pages.
  const domainPages = [
    'Producers',
    'Contracts',
    'Reports',
    'Service descriptions',
    'Quality criteria',
    'Monitoring terms',
  ];
  // Completeness and comparison are for the organiser's staff; API tokens for managers, administrators
  // and reporters.
  const withSteering = (staff: boolean, tokens: boolean) => [
    ...domainPages.slice(0, 3),
    'Deviations',
    'Corrective actions',
    ...(staff ? ['Completeness', 'Comparison'] : []),
    ...domainPages.slice(3),
    ...(tokens ? ['API tokens'] : []),
  ];
  const reporterNavigation = ['Home', ...withSteering(false, true), 'Account'];
  const expectedNavigation: [string, string[]][] = [
    ['admin@demo.sopu.test', ['Home', ...withSteering(true, true), 'Users', 'Audit log', 'Account']],
    ['manager@demo.sopu.test', ['Home', ...withSteering(true, true), 'Account']],
    ['analyst@demo.sopu.test', ['Home', ...withSteering(true, false), 'Account']],
    ['reporter.inhouse@demo.sopu.test', reporterNavigation],
    ['reporter.purchased@demo.sopu.test', reporterNavigation],
    ['reporter.voucher@demo.sopu.test', reporterNavigation],
  ];

  it.each(expectedNavigation)(
    'signs in %s, shows the navigation of the role, and signs out',
    async (email, links) => {
      const page = await newPage(portal);
      await signIn(page, portal, email);
      expect(await navigationLinks(page)).toEqual(links);
      await page.getByRole('button', { name: 'User menu' }).click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL(/\/sign-in/);
      // The session is gone on the server too: a deep link sends the user back to sign-in.
      await page.goto(`${portal.url}/account`);
      await page.waitForURL(/\/sign-in/);
    },
  );

  it('shows a reporter their producer on the home page, and the page passes axe', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, 'reporter.voucher@demo.sopu.test');
    await page
      .getByText(/Kotiapu Kaarna Oy/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('remembers the language per user across sessions', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, 'analyst@demo.sopu.test');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/me') && r.request().method() === 'PATCH',
    );
    await chooseLanguage(page, 'Svenska');
    await page.getByRole('link', { name: 'Startsida' }).waitFor();
    expect((await saved).status()).toBe(200);
    // The choice is saved on the server: a brand-new browser session opens in Swedish.
    const fresh = await newPage(portal);
    await fresh.goto(`${portal.url}/sign-in`);
    await fresh.getByLabel('Email').fill('analyst@demo.sopu.test');
    await fresh.getByLabel('Password').fill('Sopu-demo-2026!');
    await fresh.getByRole('button', { name: 'Sign in' }).click();
    await fresh.getByRole('heading', { level: 1, name: /Välkommen/ }).waitFor();
  });

  it('lets an admin reach user administration and keeps a reporter out of it', async () => {
    const admin = await newPage(portal);
    await signIn(admin, portal, 'admin@demo.sopu.test');
    await admin.getByRole('link', { name: 'Users' }).click();
    await admin.getByRole('cell', { name: 'reporter.voucher@demo.sopu.test' }).waitFor();
    expect(await seriousViolations(admin)).toEqual([]);
    const reporter = await newPage(portal);
    await signIn(reporter, portal, 'reporter.inhouse@demo.sopu.test');
    await reporter.goto(`${portal.url}/admin/users`);
    await reporter
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /not found/i })
      .waitFor();
  });

  it('fits a 360 px wide screen without sideways scrolling, with a deep link', async () => {
    const page = await newPage(portal, { width: 360 });
    await signIn(page, portal, 'manager@demo.sopu.test');
    await page.goto(`${portal.url}/account`);
    await page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: 'Navigation menu' }).click();
    await page.getByRole('link', { name: 'Home' }).waitFor();
  });

  it('shows a not-found page for an unknown address', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, 'manager@demo.sopu.test');
    await page.goto(`${portal.url}/no/such/page`);
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /not found/i })
      .waitFor();
  });
});
