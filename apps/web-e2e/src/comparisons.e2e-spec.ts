import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';
import { choose, newPage, Portal, seriousViolations, signIn, startPortal } from './portal';
import { parse } from 'csv-parse/sync';

const ANALYST = 'analyst@demo.sopu.test';
const REPORTER = 'reporter.purchased@demo.sopu.test';

/** `YYYY-MM`, `back` months before this month: the demo reports cover the last 24 months. */
function monthBefore(back: number): string {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)).toISOString().slice(0, 7);
}

/** The CSV as a spreadsheet reads it: a byte order mark, semicolons, quoted fields. */
function parseCsv(text: string): string[][] {
  return parse(text, { bom: true, delimiter: ';', relaxColumnCount: true, skipEmptyLines: true });
}

/** The text of every cell of a table, header row first. */
async function tableCells(page: Page, name: RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name });
  await table.waitFor();
  return table.evaluate((element) =>
    Array.from((element as HTMLTableElement).rows, (row) =>
      Array.from(row.cells, (cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()),
    ),
  );
}

describe('comparison in a browser', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal?.close());

  it('compares home care by producer type, drills down, draws the trends and exports what is shown', async () => {
    const from = monthBefore(12);
    const to = monthBefore(1);
    const page = await newPage(portal);
    await signIn(page, portal, ANALYST);
    await page.getByRole('link', { name: 'Comparison', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Comparison of producers' }).waitFor();
    await page.getByText('Choose a service to compare.').waitFor();

    await choose(page, 'Service', 'Home care');
    await page.getByLabel('From month').fill(from);
    await page.getByLabel('To month').fill(to);
    await page.waitForURL(
      (url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to,
    );
    expect(new URL(page.url()).searchParams.get('service')).toBe('HOME_CARE');

    // The table: a row per criterion and producer type, with figures; the types lead to their producers.
    const table = page.getByRole('table', { name: 'Comparison by criterion and group' });
    const inHouse = table.getByRole('link', { name: /^In-house production/ }).first();
    await inHouse.waitFor();
    const allRow = table.getByRole('row').filter({ hasText: 'All producers' }).first();
    expect(await allRow.getByRole('cell').nth(4).innerText()).toMatch(/\d/);
    expect(await seriousViolations(page)).toEqual([]);

    await inHouse.click();
    await page.waitForURL(/type=SELF_PRODUCED/);
    await page.getByText('Showing the producers of: In-house production.').waitFor();
    const producer = table.getByRole('link', { name: /: show the producer's reports$/ }).first();
    await producer.waitFor();
    expect(await producer.getAttribute('href')).toMatch(
      /^\/reports\?producer=[0-9a-f-]{36}&service=HOME_CARE$/,
    );
    await page.getByRole('link', { name: 'Back to all producer types' }).click();
    await page.waitForURL((url) => !url.searchParams.has('type'));

    // Trends: one line per producer type, the same figures as a table, and the CSV holds exactly those.
    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.waitForURL(/view=trends/);
    const chart = page.getByRole('img', { name: /per period from .* for \d+ groups/ });
    await chart.waitFor();
    await page.getByRole('button', { name: 'Show as table' }).click();
    const shown = await tableCells(page, /^Trends – /);
    expect(shown[0][0]).toBe('Period');
    expect(shown[0].slice(1).some((header) => header.startsWith('In-house production'))).toBe(true);
    expect(shown.length).toBeGreaterThan(6);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^comparison-home_care-${from}-${to}-trends-[a-z0-9_]+\\.csv$`),
    );
    const bytes = readFileSync((await download.path()) as string);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = parseCsv(bytes.toString('utf8'));
    expect(csv).toHaveLength(shown.length);
    expect(csv[0]).toEqual(shown[0]);
    let numbers = 0;
    shown.slice(1).forEach((row, r) =>
      row.forEach((text, c) => {
        const exported = csv[r + 1][c];
        if (c === 0) expect(exported).toBe(text);
        else {
          // The table writes thousands with commas and a missing value as a dash; the CSV writes neither.
          expect({ r, c, exported }).toEqual({ r, c, exported: text === '–' ? '' : text.replace(/,/g, '') });
          if (exported) numbers++;
        }
      }),
    );
    expect(numbers).toBeGreaterThan(6);
    expect(await seriousViolations(page)).toEqual([]);

    // The shared link opens the same view.
    const again = await newPage(portal);
    await signIn(again, portal, ANALYST);
    await again.goto(page.url());
    await again.getByRole('img', { name: /per period from .* for \d+ groups/ }).waitFor();
  }, 300_000);

  it('is not offered to a provider reporter', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, REPORTER);
    await page
      .getByRole('navigation', { name: 'Main navigation' })
      .getByRole('link', { name: 'Home' })
      .waitFor();
    expect(await page.getByRole('link', { name: 'Comparison', exact: true }).count()).toBe(0);
    await page.goto(`${portal.url}/comparisons?service=HOME_CARE`);
    // A fresh load speaks the reporter's own stored language.
    await page
      .getByRole('heading', { level: 1, name: /^(Page not found|Sivua ei löytynyt|Sidan hittades inte)$/ })
      .waitFor();
  }, 120_000);
});
