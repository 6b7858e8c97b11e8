import {
  BenchmarkRow,
  CompletenessRow,
  NotificationInbox,
  Page,
  Producer,
  ReportDetail,
  ReportFormItem,
  ReportObligation,
} from '@sopu/shared';
import { ObligationsJob } from '@sopu/api/reporting';
import { acceptReport, attachEvidence, entryMeasuring, greenEntry, submitReport } from './report-values';
import { percentile } from './statistics';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

describe('completeness, benchmarks and notifications', () => {
  let api: TestApi;
  let manager: string;
  let reporter: string;

  beforeAll(async () => {
    // Reports start untouched, so each test knows the state it builds on (the seed has its own test).
    api = await startTestApi({ demoReports: false });
    [manager, reporter] = await Promise.all([
      signIn(api, DEMO_ACCOUNTS.manager.email),
      signIn(api, DEMO_ACCOUNTS.purchased.email),
    ]);
  });
  afterAll(() => api.close());

  const get = <T>(path: string, token = manager) => call<T>(api, 'GET', path, { token });

  /** The latest period of a service in which at least `count` producers have untouched reports. */
  async function openGroup(count: number): Promise<ReportObligation[]> {
    const open = (
      await get<Page<ReportObligation>>('/api/reports?status=EXPECTED&periodType=MONTH&pageSize=500')
    ).body.items;
    const groups = new Map<string, ReportObligation[]>();
    for (const report of open) {
      const key = `${report.serviceCode}/${report.periodStart}`;
      groups.set(key, [...(groups.get(key) ?? []), report]);
    }
    const candidates = [...groups.values()]
      .map((reports) => [...new Map(reports.map((r) => [r.producerId, r])).values()])
      .filter((reports) => reports.length >= count)
      .sort((a, b) => b[0].periodStart.localeCompare(a[0].periodStart));
    if (candidates.length === 0)
      throw new Error(`no service has ${count} producers with open reports in one month`);
    return candidates[0].slice(0, count);
  }

  /** Fills a report with green values and `measured` on one criterion, submits it and accepts it. */
  async function reportAndAccept(id: string, code: string, measured: number): Promise<void> {
    await submitReport(api, manager, id, code, (form) => entryMeasuring(form, measured), 'bench');
    await acceptReport(api, manager, id);
  }

  it('counts expected, submitted, accepted and open reports per producer type, and sets a producer against the others’ quartiles without names', async () => {
    const group = await openGroup(5);
    const [first] = group;
    const form = (await get<ReportDetail>(`/api/reports/${first.id}`)).body.items.find(
      (f: ReportFormItem) => f.criterion.measureType === 'PERCENTAGE',
    );
    if (!form) throw new Error(`${first.serviceCode} has no percentage criterion`);
    const code = form.criterion.code;
    const measures = [55, 70, 80, 90, 97.5];
    for (const [i, report] of group.entries()) await reportAndAccept(report.id, code, measures[i]);

    const rows = (
      await get<CompletenessRow[]>(
        `/api/completeness?service=${first.serviceCode}&from=${first.periodStart}&to=${first.periodStart}`,
      )
    ).body.filter((row) => row.periodType === 'MONTH');
    const total = (key: keyof CompletenessRow) => rows.reduce((sum, row) => sum + (row[key] as number), 0);
    expect(total('submitted')).toBe(5);
    expect(total('accepted')).toBe(5);
    expect(total('expected')).toBe(total('submitted') + total('missing') + total('open'));
    expect(total('onTime') + total('late')).toBe(5);
    expect(new Set(rows.map((row) => row.producerType)).size).toBe(rows.length);

    const mine = (
      await get<BenchmarkRow[]>(`/api/benchmarks?service=${first.serviceCode}&producerId=${first.producerId}`)
    ).body.find((row) => row.criterionCode === code);
    const others = measures.slice(1);
    expect(mine).toMatchObject({ criterionCode: code, periodStart: first.periodStart, producers: 4 });
    // Percentages are measured from numerator and denominator: equal to the entered share within rounding.
    expect(mine?.mine).toBeCloseTo(55, 9);
    expect(mine?.q1).toBeCloseTo(percentile(others, 0.25), 9);
    expect(mine?.median).toBeCloseTo(percentile(others, 0.5), 9);
    expect(mine?.q3).toBeCloseTo(percentile(others, 0.75), 9);
  });

  it('gives a reporter only their own figures and the others’ distribution, never a name or a single value', async () => {
    const own = (await get<Page<ReportObligation>>('/api/reports?pageSize=1', reporter)).body.items[0];
    const names = (await get<Producer[]>('/api/producers')).body
      .filter((p) => p.id !== own.producerId)
      .map((p) => p.name);
    const answer = await get<BenchmarkRow[]>(
      `/api/benchmarks?service=${own.serviceCode}&producerId=${names[0]}`,
      reporter,
    );
    expect(answer.status).toBe(400);
    const benchmark = await get<BenchmarkRow[]>(`/api/benchmarks?service=${own.serviceCode}`, reporter);
    expect(benchmark.status).toBe(200);
    const text = JSON.stringify(benchmark.body);
    for (const name of names) expect(text).not.toContain(name);
    for (const row of benchmark.body)
      expect(Object.keys(row).sort()).toEqual([
        'criterionCode',
        'median',
        'mine',
        'periodStart',
        'producers',
        'q1',
        'q3',
      ]);
    const completeness = (await get<CompletenessRow[]>('/api/completeness', reporter)).body;
    expect(completeness.length).toBeGreaterThan(0);
    expect(completeness.every((row) => row.producerId === own.producerId)).toBe(true);
  });

  it('tells reviewers of a submission and the producer of a return, and reminds of deadlines once', async () => {
    const before = (await get<NotificationInbox>('/api/notifications?unread=true')).body.unread;
    const [report] = (
      await get<Page<ReportObligation>>('/api/reports?status=EXPECTED&pageSize=500', reporter)
    ).body.items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const detail = (await get<ReportDetail>(`/api/reports/${report.id}`, reporter)).body;
    const saved = await call<ReportDetail>(api, 'PUT', `/api/reports/${report.id}/values`, {
      token: reporter,
      body: {
        draftVersion: detail.draftVersion,
        values: Object.fromEntries(detail.items.map((f) => [f.criterion.code, greenEntry(f)])),
      },
    });
    await attachEvidence(api.url, reporter, saved.body);
    await call(api, 'POST', `/api/reports/${report.id}/submit`, {
      token: reporter,
      headers: { 'idempotency-key': `notify-${report.id}` },
    });
    const inbox = (await get<NotificationInbox>('/api/notifications?unread=true')).body;
    expect(inbox.unread).toBe(before + 1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'reportSubmitted',
      link: `/reports/${report.id}`,
      readAt: null,
    });

    await call(api, 'POST', `/api/reports/${report.id}/review`, {
      token: manager,
      body: { decision: 'RETURN', comment: 'Täydennä kommentit.' },
    });
    const theirs = (await get<NotificationInbox>('/api/notifications', reporter)).body;
    expect(theirs.items[0]).toMatchObject({ kind: 'reportReturned', link: `/reports/${report.id}` });
    // One person's notification is not another's to read.
    expect(
      (await call(api, 'POST', `/api/notifications/${inbox.items[0].id}/read`, { token: reporter })).status,
    ).toBe(404);
    expect(
      (await call(api, 'POST', `/api/notifications/${inbox.items[0].id}/read`, { token: manager })).status,
    ).toBe(204);
    expect((await get<NotificationInbox>('/api/notifications?unread=true')).body.unread).toBe(before);

    // The daily job reminds of reports due within three working days, once.
    const [due] = (
      await get<Page<ReportObligation>>('/api/reports?status=EXPECTED&pageSize=500', reporter)
    ).body.items.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const day = new Date(`${due.dueDate}T12:00:00Z`);
    day.setUTCDate(day.getUTCDate() - 1);
    const job = api.app.get(ObligationsJob);
    const reminders = async () =>
      (await get<NotificationInbox>('/api/notifications', reporter)).body.items.filter(
        (n) => n.kind === 'deadlineApproaching' && n.link === `/reports/${due.id}`,
      );
    expect(await reminders()).toHaveLength(0);
    expect((await job.runDaily(day.toISOString().slice(0, 10))).ran).toBe(true);
    const [reminder] = await reminders();
    expect(reminder.params).toMatchObject({ due: due.dueDate, service: due.serviceCode });
    day.setUTCDate(day.getUTCDate() + 1);
    expect((await job.runDaily(day.toISOString().slice(0, 10))).ran).toBe(true);
    expect(await reminders()).toHaveLength(1);
  });
});
