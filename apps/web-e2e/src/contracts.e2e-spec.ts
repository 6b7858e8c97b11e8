import { isValidBusinessId } from '@sopu/shared';
import { choose, newPage, Portal, saveDialog, seriousViolations, signIn, startPortal } from './portal';

/** A business ID nobody in the demo data has, with the right check digit. */
function freshBusinessId(seed: number): string {
  for (let n = seed % 9_000_000; ; n++) {
    const digits = String(1_000_000 + n).slice(-7);
    for (let check = 0; check <= 9; check++) {
      const id = `${digits}-${check}`;
      if (isValidBusinessId(id)) return id;
    }
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the month `months` before today, as a date input takes it. */
function monthStart(monthsBack: number): string {
  const today = new Date();
  const date = new Date(today.getFullYear(), today.getMonth() - monthsBack, 1);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-01`;
}

describe('contracts in a browser', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal?.close());

  it('lets a contract manager approve a new voucher provider under published terms and see its expected reports', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, 'manager@demo.sopu.test');
    const stamp = Date.now();
    const producerName = `E2E Hoivapalvelu ${stamp}`;
    const unitName = `E2E Hoivakoti ${stamp}`;
    const number = `E2E-${stamp}`;

    // The voucher provider and its service unit.
    await page.getByRole('link', { name: 'Producers' }).click();
    await page.getByRole('link', { name: 'New producer' }).click();
    await page.getByLabel('Name', { exact: true }).fill(producerName);
    await choose(page, 'Type', 'Service voucher');
    await page.getByLabel('Business ID').fill(freshBusinessId(stamp));
    await page.getByRole('button', { name: 'Create producer' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: producerName }).waitFor();

    await page.getByRole('button', { name: 'Add service unit' }).click();
    const unitDialog = page.getByRole('dialog');
    await unitDialog.getByLabel('Name in Finnish').fill(unitName);
    await unitDialog.getByLabel('Street address').fill('Kalliolankatu 1');
    await unitDialog.getByLabel('Postal code').fill('00530');
    await unitDialog.getByLabel('Post office').fill('Helsinki');
    await choose(page, 'Major district', 'Central');
    await unitDialog.getByRole('checkbox', { name: 'Suomi' }).check();
    await saveDialog(unitDialog, 'Add service unit');
    await page.getByRole('cell', { name: unitName, exact: true }).waitFor();

    // The approval, step by step, from the producer's page.
    await page.getByRole('link', { name: 'New contract' }).click();
    const step = page.locator('.mat-horizontal-stepper-content-current');
    await step.getByText('Voucher approval').waitFor();
    await step.getByLabel('Contract number').fill(number);
    await step.getByLabel('Title').fill('Kotihoidon palvelusetelituottajan hyväksyminen');
    expect(await seriousViolations(page)).toEqual([]);
    await step.getByRole('button', { name: 'Next' }).click();

    await step.getByRole('button', { name: 'Add service' }).click();
    await choose(page, 'Service', 'Home care');
    await choose(page, 'Monitoring terms version', /^version 1\b/);
    await step.getByRole('checkbox', { name: unitName }).check();
    expect(await seriousViolations(page)).toEqual([]);
    await step.getByRole('button', { name: 'Next' }).click();

    await step.getByLabel('Voucher value – Home care').fill('38,50');
    await step.getByLabel('Estimated volume a year – Home care').fill('1200');
    await step.getByRole('button', { name: 'Next' }).click();

    const validFrom = monthStart(3);
    await step.getByLabel('Reports due (days)').fill('20');
    await step.getByLabel('Valid from').fill(validFrom);
    await step.getByRole('button', { name: 'Next' }).click();

    await step.getByRole('heading', { name: 'Check the contract' }).waitFor();
    await step.getByText('Voucher approval').waitFor();
    await step.getByText(unitName).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await step.getByRole('button', { name: 'Save' }).click();

    // The draft, activated with a reason.
    await page.getByRole('heading', { level: 1 }).filter({ hasText: number }).waitFor();
    await page.getByText('Reports are expected once the contract is activated.').waitFor();
    await page.getByRole('button', { name: 'Activate' }).click();
    const statusDialog = page.getByRole('dialog');
    await statusDialog.getByLabel('Reason').fill('Approved as a voucher provider');
    await statusDialog.getByRole('button', { name: 'Activate' }).click();
    await statusDialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Active' }).waitFor();

    // The expected reports are there at once: a month for every month since the start.
    const reports = page.getByRole('table', { name: 'Expected reports' });
    await reports.getByRole('cell', { name: 'Month', exact: true }).first().waitFor();
    const months = await reports.getByRole('row').filter({ hasText: 'Month' }).count();
    expect(months).toBeGreaterThanOrEqual(3);
    expect(await reports.getByRole('cell', { name: 'Expected', exact: true }).count()).toBeGreaterThanOrEqual(
      3,
    );
    const [year, month] = validFrom.split('-');
    await reports
      .getByRole('cell', { name: new RegExp(`^01/${month}/${year}–`) })
      .first()
      .waitFor();
    await page.getByText('Status changed').waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // And the list finds it.
    await page.getByRole('link', { name: 'All contracts' }).click();
    await page.getByLabel('Search').fill(number);
    await page.getByRole('link', { name: number }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
