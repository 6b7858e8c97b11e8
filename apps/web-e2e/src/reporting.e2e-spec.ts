import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { readFileSync } from 'node:fs';
import { Locator, Page } from 'playwright-core';
import { choose, newPage, Portal, saveDialog, seriousViolations, signIn, startPortal } from './portal';

/** Waits until the autosave says it has stored every edit. */
async function saved(page: Page): Promise<void> {
  await page
    .locator('.save-state')
    .filter({ hasText: /^\s*Saved \d/ })
    .waitFor();
}

/** Fills every value of the form with a plausible one that the shared rules accept. */
async function fillEveryValue(page: Page): Promise<void> {
  const criteria = page.locator('fieldset.criterion');
  const count = await criteria.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const criterion = criteria.nth(i);
    const fill = async (label: string, text: string) => {
      const field = criterion.getByLabel(label, { exact: true });
      if (await field.count()) await field.fill(text);
    };
    await fill('Numerator', '1');
    await fill('Denominator', '100');
    await fill('Mean score', '4.5');
    await fill('Respondents', '30');
    await fill('Number', '1');
    await fill('Value', '1');
    await fill('Answer', 'Kaikki palvelut toteutuivat suunnitellusti.');
    const yes = criterion.getByRole('radio', { name: 'Yes' });
    if (await yes.count()) await yes.check();
  }
}

/** A yes/no criterion whose "No" is red under the terms, or the first criterion when there is none. */
async function criterionWithRadio(page: Page): Promise<Locator> {
  return page
    .locator('fieldset.criterion')
    .filter({ has: page.getByRole('radio', { name: 'No' }) })
    .first();
}

describe('quality reporting in a browser', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal?.close());

  it('runs a report through fill, submit, return with a value comment, fix, resubmit and accept', async () => {
    // The provider reporter opens an open report that asks a yes/no question (the demo's yearly ones do).
    const reporter = await newPage(portal);
    await signIn(reporter, portal, 'reporter.purchased@demo.sopu.test');
    await reporter.getByRole('link', { name: 'Reports', exact: true }).click();
    await reporter.getByRole('heading', { level: 1, name: 'Quality reports' }).waitFor();
    await choose(reporter, 'Status', 'Expected');
    await reporter.waitForURL(/status=EXPECTED/);
    const rows = reporter.locator('tbody tr');
    await rows.first().getByRole('link').waitFor();
    const links = await rows
      .getByRole('link')
      .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    let found = false;
    for (const link of links) {
      await reporter.goto(link);
      await reporter.locator('fieldset.criterion').first().waitFor();
      if (await reporter.getByRole('radio', { name: 'No' }).count()) {
        found = true;
        break;
      }
    }
    if (!found) throw new Error('none of the open reports asks a yes/no question');
    const reportUrl = reporter.url();
    await reporter.locator('fieldset.criterion').first().waitFor();
    expect(await reporter.locator('.lock').count()).toBe(0);

    // Instant validation with the shared rules and messages, before anything reaches the server.
    const first = reporter.locator('fieldset.criterion').first();
    const numberField = first.locator('input').first();
    await numberField.fill('abc');
    await numberField.blur();
    await first.getByText('must be a number').waitFor();
    expect(await numberField.getAttribute('aria-invalid')).toBe('true');

    await fillEveryValue(reporter);
    // Evidence where the terms ask for it: a small PDF, shown in the list once the API has it.
    const evidenceInputs = reporter.locator('sopu-report-evidence input[type=file]');
    for (let i = 0; i < (await evidenceInputs.count()); i++) {
      await evidenceInputs.nth(i).setInputFiles({
        name: 'omavalvontasuunnitelma.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('%PDF-1.7\n% Sopu e2e\n%%EOF\n'),
      });
      await reporter
        .locator('sopu-report-evidence')
        .nth(i)
        .getByRole('link', { name: 'omavalvontasuunnitelma.pdf' })
        .waitFor();
    }
    const flagged = await criterionWithRadio(reporter);
    const flaggedName = ((await flagged.locator('legend').innerText()) ?? '').replace(
      /\s*\(required\)\s*$/,
      '',
    );
    await flagged.getByRole('radio', { name: 'No' }).check();
    await flagged.getByText('Red: outside the accepted range').waitFor();
    await saved(reporter);
    expect(await seriousViolations(reporter)).toEqual([]);

    await reporter.getByRole('button', { name: 'Submit the report' }).click();
    await saveDialog(reporter.getByRole('dialog'), 'Submit');
    await reporter.getByText('The report was submitted (revision 1).').waitFor();
    await reporter.getByText(/has been submitted and is waiting for review/).waitFor();
    expect(await reporter.getByRole('button', { name: 'Submit the report' }).count()).toBe(0);

    // The contract manager returns it with a comment on the red value.
    const manager = await newPage(portal);
    await signIn(manager, portal, 'manager@demo.sopu.test');
    await manager.goto(reportUrl);
    await manager.getByRole('heading', { name: 'Review' }).waitFor();
    await manager.getByText('Red value', { exact: true }).waitFor();
    const comment = 'Päivitä omavalvontasuunnitelma ja raportoi uudelleen.';
    const managerFlagged = manager.locator('fieldset.criterion').filter({ hasText: flaggedName }).first();
    await managerFlagged.getByLabel("Reviewer's comment on this value").fill(comment);
    await manager.getByRole('button', { name: 'Return to the producer' }).click();
    await saveDialog(manager.getByRole('dialog'), 'Return to the producer');
    await manager.getByText('The report was returned to the producer.').waitFor();

    // The reporter sees the comment beside the value, fixes it and submits again.
    await reporter.reload();
    await reporter.getByRole('heading', { name: 'Returned for changes (revision 1)' }).waitFor();
    const returned = reporter.locator('fieldset.criterion').filter({ hasText: flaggedName }).first();
    await returned.getByRole('note').filter({ hasText: comment }).waitFor();
    await returned.getByRole('radio', { name: 'Yes' }).check();
    await returned.getByText('Green: meets the target').waitFor();
    await saved(reporter);
    expect(await seriousViolations(reporter)).toEqual([]);
    await reporter.getByRole('button', { name: 'Submit the report' }).click();
    await saveDialog(reporter.getByRole('dialog'), 'Submit');
    await reporter.getByText('The report was submitted (revision 2).').waitFor();

    // The manager compares the two revisions and accepts.
    await manager.reload();
    await manager.getByRole('heading', { name: 'Review' }).waitFor();
    const compare = manager.getByRole('region', { name: 'Revisions side by side' });
    const changedRow = compare.getByRole('row').filter({ hasText: flaggedName });
    await changedRow.getByText('Changed').waitFor();
    await changedRow.getByText('No').waitFor();
    await changedRow.getByText('Yes').waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await manager.getByRole('button', { name: 'Accept', exact: true }).click();
    await saveDialog(manager.getByRole('dialog'), 'Accept');
    await manager.getByText('The report was accepted.').waitFor();
    await manager.getByText(/has been accepted and is locked/).waitFor();

    // The red value's deviation is cleared by the fix.
    const deviations = manager.getByRole('region', { name: 'Deviations' });
    const red = deviations.getByRole('row').filter({ hasText: 'Red value' });
    await red.getByText('Cleared').waitFor();
    expect(await red.innerText()).toContain(flaggedName);

    await reporter.reload();
    await reporter.getByText(/has been accepted and is locked/).waitFor();
    await reporter
      .getByRole('region', { name: 'Deviations' })
      .getByRole('row')
      .filter({ hasText: 'Red value' })
      .getByText('Cleared')
      .waitFor();
    expect(await seriousViolations(reporter)).toEqual([]);
  });

  it('takes a filled spreadsheet: lists its problems by row and column, then stores it whole', async () => {
    const page = await newPage(portal);
    await signIn(page, portal, 'reporter.voucher@demo.sopu.test');
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('link', { name: 'Fill by spreadsheet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reports by spreadsheet' }).waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    const rows: Record<string, string>[] = parse(readFileSync((await download.path()) as string, 'utf8'), {
      bom: true,
      columns: true,
      delimiter: ';',
    });
    const index = rows.findIndex((row) => ['COUNT', 'DURATION_DAYS'].includes(row['measure_type']));
    if (index < 0) throw new Error('the open reports have no count or duration to fill');
    const target = rows[index];
    const sheet = (value: string) =>
      Buffer.from(
        stringify(
          rows.map((row, i) => (i === index ? { ...row, value } : row)),
          { header: true, delimiter: ';' },
        ),
      );
    const upload = page.getByLabel('Filled sheet (XLSX or CSV)');

    // A word where a number belongs: listed with its row (the header is row 1) and column, nothing stored.
    await upload.setInputFiles({ name: 'raportit.csv', mimeType: 'text/csv', buffer: sheet('kolme') });
    const problems = page.getByRole('region', { name: 'Problems by row and column' });
    const problem = problems.getByRole('row').filter({ hasText: 'must be a number' });
    await problem.waitFor();
    expect(await problem.innerText()).toContain(String(index + 2));
    expect(await problem.innerText()).toContain('value');
    expect(await page.getByRole('button', { name: 'Store the values' }).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    await upload.setInputFiles({ name: 'raportit.csv', mimeType: 'text/csv', buffer: sheet('3') });
    const clean = page.getByText(/No problems in \d+ rows/);
    await clean
      .or(problems)
      .or(page.getByRole('alert').filter({ hasText: /\S/ }))
      .first()
      .waitFor();
    if (!(await clean.count()))
      throw new Error(`the corrected sheet was refused: ${await page.locator('section').last().innerText()}`);
    await page.getByRole('button', { name: 'Store the values' }).click();
    await page.getByText(/Stored \d+ rows as drafts of \d+ reports/).waitFor();

    // The report's own form shows the stored value.
    await page.goto(`${portal.url}/reports/${target['report_id']}`);
    const field = page.locator('fieldset.criterion').filter({ hasText: target['criterion_name'] }).first();
    await field.waitFor();
    expect(await field.locator('input').first().inputValue()).toBe('3');
  });
});
