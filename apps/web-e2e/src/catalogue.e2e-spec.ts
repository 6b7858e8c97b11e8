import { Page } from 'playwright-core';
import { choose, newPage, Portal, seriousViolations, signIn, startPortal } from './portal';

const CODE = 'E2E_MESSAGES_ANSWERED';

async function fillTexts(page: Page, label: string, fi: string, sv: string, en: string): Promise<void> {
  await page.getByLabel(`${label} – Finnish`, { exact: true }).fill(fi);
  await page.getByLabel(`${label} – Swedish`, { exact: true }).fill(sv);
  await page.getByLabel(`${label} – English`, { exact: true }).fill(en);
}

describe('the catalogue in a browser', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal?.close());

  it('lets a contract manager create a criterion, add it to a new terms version, publish it and find it frozen', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, 'manager@demo.sopu.test');

    // A new criterion, written in three languages.
    await page.getByRole('link', { name: 'Quality criteria' }).click();
    await page
      .getByRole('link', { name: 'New criterion' })
      .or(page.getByRole('button', { name: 'New criterion' }))
      .click();
    await page.getByLabel('Code', { exact: true }).fill(CODE);
    await choose(page, 'Measure type', 'Percentage');
    await choose(page, 'Direction', 'Higher is better');
    await fillTexts(
      page,
      'Name',
      'Viestit vastattu ajoissa',
      'Meddelanden besvarade i tid',
      'Messages answered in time',
    );
    await fillTexts(page, 'Unit', '%', '%', '%');
    await fillTexts(
      page,
      'Definition',
      'Kahdessa arkipäivässä vastattujen viestien osuus',
      'Andelen meddelanden som besvarats inom två vardagar',
      'Share of messages answered within two working days',
    );
    await fillTexts(page, 'Interpretation', 'Suurempi on parempi', 'Högre är bättre', 'Higher is better');
    await fillTexts(page, 'Numerator', 'Ajoissa vastatut', 'Besvarade i tid', 'Answered in time');
    await fillTexts(page, 'Denominator', 'Kaikki viestit', 'Alla meddelanden', 'All messages');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Create criterion' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Messages answered in time' }).waitFor();

    // A new draft version of home care's published terms, with the criterion added.
    await page.goto(`${portal.url}/catalogue/terms?service=HOME_CARE`);
    await page.getByRole('link', { name: 'Version 1' }).click();
    await page.getByRole('button', { name: 'New version' }).click();
    await page.getByLabel('Valid from').waitFor();
    await page.getByLabel('Quality criterion to add').fill(CODE);
    await page.getByRole('option', { name: new RegExp(CODE) }).click();
    await page.getByRole('button', { name: 'Add criterion' }).click();
    await page.getByLabel(`Target – ${CODE}`).fill('95');
    await page.getByLabel(`Green minimum – ${CODE}`).fill('90');
    await page.getByLabel(`Amber minimum – ${CODE}`).fill('75');
    await page.getByLabel('Valid from').fill('2027-01-01');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Save' }).click();

    // Published after a confirmation, and frozen from then on.
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('button', { name: 'Yes, publish' }).click();
    await page.getByText('This version is published and frozen').waitFor();
    expect(await page.getByRole('button', { name: 'Publish' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await page
      .getByRole('cell', { name: new RegExp(CODE) })
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The API agrees: the published version in force from 2027 holds the criterion, and refuses a change.
    const terms = await page.evaluate(async () => {
      const res = await fetch('/api/monitoring-terms?service=HOME_CARE&date=2027-01-01');
      return res.json();
    });
    expect(terms.status).toBe('PUBLISHED');
    expect(terms.items.map((i: { criterionCode: string }) => i.criterionCode)).toContain(CODE);
    const refused = await page.evaluate(async (id: string) => {
      const xsrf = document.cookie.match(/XSRF-TOKEN=([^;]+)/)?.[1] ?? '';
      const res = await fetch(`/api/monitoring-terms/${id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', 'x-xsrf-token': decodeURIComponent(xsrf) },
        body: JSON.stringify({ validFrom: '2027-02-01' }),
      });
      return { status: res.status, code: (await res.json()).code };
    }, terms.id);
    expect(refused).toEqual({ status: 409, code: 'TERMS_FROZEN' });
  });

  it('flags a service description without its Swedish text for a contract manager', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, 'manager@demo.sopu.test');
    await page.goto(`${portal.url}/catalogue/services/new`);
    await page.getByLabel('Code', { exact: true }).fill('E2E_NO_SWEDISH');
    await choose(page, 'Service area', 'Services for older people');
    await choose(page, 'Output unit', 'Visit');
    await page.getByLabel('Name – Finnish', { exact: true }).fill('Kokeilupalvelu');
    await page.getByLabel('Name – English', { exact: true }).fill('Trial service');
    await page.getByRole('button', { name: 'Create service description' }).click();
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /Kokeilupalvelu|Trial service/ })
      .waitFor();
    await page
      .getByText(/Swedish missing/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
