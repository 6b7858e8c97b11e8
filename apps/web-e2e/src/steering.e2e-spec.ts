import { Page } from 'playwright-core';
import { DEMO_PASSWORD, newPage, Portal, seriousViolations, signIn, startPortal } from './portal';

const REPORTER = 'reporter.purchased@demo.sopu.test';
const MANAGER = 'manager@demo.sopu.test';

interface Deviation {
  id: string;
  producerName: string;
  serviceCode: string;
  periodStart: string;
  kind: 'RED' | 'MISSING' | 'LATE';
  correctiveActionId: string | null;
}

interface FormItem {
  criterion: { code: string; measureType: string; scaleMin: number | null; scaleMax: number | null };
}

/** A value each measure type accepts; whether it is red does not matter, the report is late anyway. */
function plausible(item: FormItem): Record<string, unknown> {
  const { measureType, scaleMin, scaleMax } = item.criterion;
  switch (measureType) {
    case 'PERCENTAGE':
    case 'RATE':
      return { numerator: '1', denominator: '100' };
    case 'SCALE':
      return { value: String(((scaleMin ?? 1) + (scaleMax ?? 5)) / 2), respondents: '30' };
    case 'BOOLEAN':
      return { flag: true };
    case 'TEXT':
      return { text: 'Palvelut toteutuivat suunnitellusti.' };
    default:
      return { value: '1' };
  }
}

/** Talks to the API as one demo user, for arranging what the browser then works on. */
async function apiAs(portal: Portal, email: string) {
  const login = await fetch(`${portal.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(
    path: string,
    init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) => {
    const response = await fetch(`${portal.url}/api${path}`, {
      method: init.method ?? 'GET',
      headers: {
        Authorization: `Bearer ${accessToken}`,
        'Content-Type': 'application/json',
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    if (!response.ok)
      throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
}

/**
 * An open deviation of the purchased-service reporter's producer without a corrective action: the reporter
 * submits their oldest overdue report, which makes at least a "late report" deviation.
 */
async function arrangeDeviation(portal: Portal): Promise<Deviation> {
  const api = await apiAs(portal, REPORTER);
  const today = new Date().toISOString().slice(0, 10);
  const reports = await api<{ items: { id: string; status: string; dueDate: string }[] }>(
    '/reports?pageSize=500',
  );
  const overdue = reports.items
    .filter((r) => (r.status === 'EXPECTED' || r.status === 'DRAFT') && r.dueDate < today)
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0];
  if (!overdue) throw new Error('The demo data has no overdue report for the purchased-service reporter');
  const detail = await api<{ draftVersion: number; items: FormItem[] }>(`/reports/${overdue.id}`);
  const values = Object.fromEntries(detail.items.map((item) => [item.criterion.code, plausible(item)]));
  await api(`/reports/${overdue.id}/values`, {
    method: 'PUT',
    body: { draftVersion: detail.draftVersion, values },
  });
  const result = await api<{ deviations: Deviation[] }>(`/reports/${overdue.id}/submit`, {
    method: 'POST',
    body: {},
    headers: { 'Idempotency-Key': `steering-e2e-${Date.now()}` },
  });
  const late = result.deviations.find((d) => d.kind === 'LATE' && !d.correctiveActionId);
  if (!late) throw new Error(`No late-report deviation came of ${overdue.id}`);
  return late;
}

/** A calendar date as the portal writes it in English (en-GB). */
const shortDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

async function expectNoSeriousViolations(page: Page): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
}

describe('steering in a browser', () => {
  let portal: Portal;
  beforeAll(async () => {
    portal = await startPortal();
  });
  afterAll(() => portal?.close());

  it('runs a corrective action from a deviation through the plan, its acceptance and closing', async () => {
    const deviation = await arrangeDeviation(portal);
    const period = shortDate(deviation.periodStart);

    // The manager finds the deviation among those without an action and opens one.
    const manager = await newPage(portal);
    await signIn(manager, portal, MANAGER);
    await manager.getByRole('link', { name: 'Open deviations without a corrective action' }).click();
    await manager.getByRole('heading', { level: 1, name: 'Deviations' }).waitFor();
    await manager.waitForURL(/withoutAction=true/);
    const row = manager
      .getByRole('row')
      .filter({ hasText: deviation.producerName })
      .filter({ hasText: period })
      .filter({ hasText: 'Late report' });
    await row.first().waitFor();
    await expectNoSeriousViolations(manager);
    await row
      .first()
      .getByRole('button', { name: /^Open corrective action/ })
      .click();
    const dialog = manager.getByRole('dialog');
    await dialog.getByLabel('What is to be corrected').fill('Raportit on toimitettava määräajassa.');
    await dialog.getByLabel('Working days to answer').fill('5');
    await dialog.getByRole('button', { name: 'Open the action' }).click();
    await dialog
      .getByText(/The corrective action was opened\. Due date: \d\d\/\d\d\/\d{4} \(5 working days\)/)
      .waitFor();
    await dialog.getByRole('link', { name: 'View the action' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await manager.waitForURL(/\/corrective-actions\/[0-9a-f-]{36}$/);
    const actionUrl = manager.url();
    await manager.getByRole('heading', { level: 1, name: /^Corrective action: / }).waitFor();
    await manager.getByText('Open: waiting for a plan').first().waitFor();
    await expectNoSeriousViolations(manager);

    // The provider sees it on the home page and in the inbox, and answers with a plan.
    const reporter = await newPage(portal);
    await signIn(reporter, portal, REPORTER);
    const openActions = reporter.getByRole('region', { name: /^Open corrective actions/ });
    await openActions
      .getByRole('link', { name: new RegExp(`period ${period}`) })
      .first()
      .waitFor();
    await reporter.getByRole('region', { name: 'My figures against the benchmark' }).waitFor();
    await expectNoSeriousViolations(reporter);

    const inbox = reporter.getByRole('link', { name: /^Notifications, \d+ unread$/ });
    await inbox.click();
    await reporter.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    const note = reporter
      .getByRole('listitem')
      .filter({ hasText: `A corrective action was opened on` })
      .filter({ hasText: `period ${period}` })
      .first();
    await note.getByText('Unread').waitFor();
    await expectNoSeriousViolations(reporter);
    await note.getByRole('link', { name: 'Open' }).click();
    await reporter.waitForURL(actionUrl);
    await reporter.getByLabel('Corrective plan').fill('Raportoinnin vastuuhenkilö ja varahenkilö nimetään.');
    await reporter.getByRole('button', { name: 'Submit the plan' }).click();
    await reporter.getByText('Plan submitted').first().waitFor();
    await expectNoSeriousViolations(reporter);

    // The manager accepts the plan and closes the action with a reason.
    await manager.reload();
    await manager.getByText('Raportoinnin vastuuhenkilö ja varahenkilö nimetään.').first().waitFor();
    await manager.getByRole('button', { name: 'Accept the plan' }).click();
    await manager.getByText('Plan accepted').first().waitFor();
    await manager.getByLabel('Reason for closing').fill('Seuraavat raportit saapuivat ajallaan.');
    await manager.getByRole('button', { name: 'Close the action' }).click();
    await manager.getByRole('heading', { name: /^Closed / }).waitFor();
    await expectNoSeriousViolations(manager);

    // The provider's inbox tells of the decisions.
    await reporter.goto(`${portal.url}/notifications`);
    await reporter
      .getByText(/Your plan for the corrective action on .* was accepted\./)
      .first()
      .waitFor();
    await reporter
      .getByText(/The corrective action on .* was closed\./)
      .first()
      .waitFor();
    await reporter.getByRole('button', { name: 'Mark all as read' }).click();
    await reporter.getByRole('link', { name: 'Notifications', exact: true }).waitFor();
  }, 300_000);
});
