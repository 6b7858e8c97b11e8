import {
  addWorkingDays,
  AuditEventView,
  CorrectiveAction,
  Deviation,
  Page,
  ReportDetail,
  ReportObligation,
  ReportValueInput,
  SubmitResult,
} from '@sopu/shared';
import { CorrectiveActionsService, helsinkiToday } from '@sopu/api/reporting';
import { attachEvidence, entryMeasuring, greenEntry, redMeasure } from './report-values';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

interface ErrorBody {
  code: string;
  message: string;
  fields?: { field: string; problem: string; message: string }[];
}

describe('corrective actions: opening, plan, decision, closing and sanction suggestions', () => {
  let api: TestApi;
  let manager: string;
  let admin: string;
  let reporter: string;
  let otherReporter: string;
  let actions: CorrectiveActionsService;
  /** Five consecutive open periods of one contract service of the reporter's producer, oldest first. */
  let series: ReportObligation[];
  let criterion: string;
  const red: Deviation[] = [];

  const get = <T>(path: string, token: string) => call<T>(api, 'GET', path, { token });
  const post = <T = CorrectiveAction>(path: string, token: string, body: unknown, headers = {}) =>
    call<T>(api, 'POST', path, { token, body, headers });

  /** Fills the report (every value green, `criterion` red when asked) and submits it as the reporter. */
  async function submitReport(obligation: ReportObligation, redCode: string | null): Promise<SubmitResult> {
    const report = (await get<ReportDetail>(`/api/reports/${obligation.id}`, reporter)).body;
    const values: Record<string, ReportValueInput> = Object.fromEntries(
      report.items.map((form) => [
        form.criterion.code,
        form.criterion.code === redCode ? entryMeasuring(form, redMeasure(form) as number) : greenEntry(form),
      ]),
    );
    const saved = await call<ReportDetail>(api, 'PUT', `/api/reports/${report.id}/values`, {
      token: reporter,
      body: { draftVersion: report.draftVersion, values },
    });
    expect(saved.status).toBe(200);
    await attachEvidence(api.url, reporter, saved.body);
    const submitted = await call<SubmitResult>(api, 'POST', `/api/reports/${report.id}/submit`, {
      token: reporter,
      headers: { 'idempotency-key': `ca-test-${report.id}` },
    });
    expect(submitted.status).toBe(201);
    return submitted.body;
  }

  const open = (deviationId: string, workingDays = 10, token = manager) =>
    post('/api/corrective-actions', token, {
      deviationId,
      description: 'Korjatkaa kaatumisten ehkäisy: tarkistakaa riskiarviot.',
      severity: 'HIGH',
      workingDays,
    });

  beforeAll(async () => {
    // Reports start untouched, so each test knows the state it builds on (the seed has its own test).
    api = await startTestApi({ demoReports: false });
    actions = api.app.get(CorrectiveActionsService);
    [manager, admin, reporter, otherReporter] = await Promise.all([
      signIn(api, DEMO_ACCOUNTS.manager.email),
      signIn(api, DEMO_ACCOUNTS.admin.email),
      signIn(api, DEMO_ACCOUNTS.purchased.email),
      signIn(api, DEMO_ACCOUNTS.voucher.email),
    ]);

    // Five consecutive periods of one contract service, all still open, whose form can go red.
    const all = (await get<Page<ReportObligation>>('/api/reports?pageSize=500', reporter)).body.items;
    const byService = new Map<string, ReportObligation[]>();
    for (const report of all) {
      const key = `${report.contractServiceId}/${report.periodType}`;
      byService.set(key, [...(byService.get(key) ?? []), report]);
    }
    const today = helsinkiToday();
    search: for (const reports of byService.values()) {
      reports.sort((a, b) => a.periodStart.localeCompare(b.periodStart));
      for (let i = 0; i + 5 <= reports.length; i++) {
        const window = reports.slice(i, i + 5);
        if (window.some((r) => r.status !== 'EXPECTED' || r.periodStart > today)) continue;
        const form = (await get<ReportDetail>(`/api/reports/${window[0].id}`, reporter)).body.items.find(
          (f) => redMeasure(f) !== null,
        );
        if (!form) continue;
        series = window;
        criterion = form.criterion.code;
        break search;
      }
    }
    if (!series) throw new Error('the demo data has no five open consecutive periods that can go red');

    // Red in periods 1–4 on one criterion, green throughout period 5.
    for (const report of series.slice(0, 4)) {
      const result = await submitReport(report, criterion);
      red.push(result.deviations.find((d) => d.kind === 'RED' && d.criterionCode === criterion) as Deviation);
    }
    expect(red.every(Boolean)).toBe(true);
    expect((await submitReport(series[4], null)).deviations.filter((d) => d.kind === 'RED')).toEqual([]);
  });
  afterAll(async () => {
    actions.today = () => helsinkiToday();
    await api.close();
  });

  it('opens an action due in working days counted over Christmas, once per deviation, and tells the producer', async () => {
    // Tuesday 23 December 2025: Christmas Eve, Christmas Day, St Stephen's Day and a weekend follow.
    actions.today = () => '2025-12-23';
    const first = await open(red[0].id, 1);
    actions.today = () => helsinkiToday();
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: 'OPEN',
      version: 1,
      severity: 'HIGH',
      workingDays: 1,
      dueDate: '2025-12-29',
      overdue: false,
      producerId: series[0].producerId,
      serviceCode: series[0].serviceCode,
      deviation: { id: red[0].id, kind: 'RED', criterionCode: criterion, periodStart: series[0].periodStart },
    });
    expect(first.body.deviation.measured).toEqual(red[0].measured);
    // Read on a real day, long after 29 December 2025, it is overdue.
    const reread = await get<CorrectiveAction>(`/api/corrective-actions/${first.body.id}`, manager);
    expect(reread.body.overdue).toBe(true);
    expect(first.body.history.map((s) => s.status)).toEqual(['OPEN']);

    const second = await open(red[1].id, 5);
    expect(second.status).toBe(201);
    expect(second.body.dueDate).toBe(addWorkingDays(helsinkiToday(), 5));
    expect(second.body.overdue).toBe(false);

    const again = await open(red[0].id);
    expect([again.status, (again.body as unknown as ErrorBody).code]).toEqual([409, 'ACTION_EXISTS']);
    const byReporter = await open(red[2].id, 5, reporter);
    expect(byReporter.status).toBe(403);

    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM notification n JOIN app_user u ON u.id = n.user_id
        WHERE u.email = $1 AND n.kind = 'correctiveActionOpened' AND n.link = $2`,
      [DEMO_ACCOUNTS.purchased.email, `/corrective-actions/${first.body.id}`],
    );
    expect(count).toBe(1);
    const deviations = await get<Page<Deviation>>(
      `/api/deviations?reportId=${series[0].id}&kind=RED`,
      manager,
    );
    expect(deviations.body.items[0].correctiveActionId).toBe(first.body.id);
  });

  it('refuses bad input with 400 and a message per field in the asked language', async () => {
    const bad = await post<ErrorBody>(
      '/api/corrective-actions',
      manager,
      { deviationId: red[2].id, description: '   ', severity: 'URGENT', workingDays: 61 },
      { 'accept-language': 'sv' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.map((f) => `${f.field}:${f.problem}`).sort()).toEqual([
      'description:isNotEmpty',
      'severity:isIn',
      'workingDays:max',
    ]);
    expect(bad.body.fields?.find((f) => f.field === 'workingDays')?.message).toBe(
      'workingDays: får vara högst 60',
    );
    const zero = await post<ErrorBody>('/api/corrective-actions', manager, {
      deviationId: red[2].id,
      description: 'x',
      severity: 'LOW',
      workingDays: 0,
    });
    expect([zero.status, zero.body.fields?.[0].problem]).toEqual([400, 'min']);
    const unknown = await open('00000000-0000-4000-8000-000000000000');
    expect([unknown.status, (unknown.body as unknown as ErrorBody).fields?.[0].problem]).toEqual([
      400,
      'notFound',
    ]);
    // Past the holiday data the due date cannot be counted: a field message, not a 500.
    actions.today = () => '2030-12-20';
    const beyond = await post<ErrorBody>('/api/corrective-actions', manager, {
      deviationId: red[2].id,
      description: 'x',
      severity: 'LOW',
      workingDays: 20,
    });
    actions.today = () => helsinkiToday();
    expect([beyond.status, beyond.body.fields?.[0].problem]).toEqual([400, 'beyondCalendar']);
  });

  it("keeps a reporter to their own producer's actions: another's answers 404 for reading and writing", async () => {
    const [action] = (
      await get<Page<CorrectiveAction>>(`/api/corrective-actions?deviationId=${red[0].id}`, manager)
    ).body.items;
    expect((await get(`/api/corrective-actions/${action.id}`, reporter)).status).toBe(200);
    const read = await get<ErrorBody>(`/api/corrective-actions/${action.id}`, otherReporter);
    expect([read.status, read.body.code]).toEqual([404, 'NOT_FOUND']);
    const missing = await get<ErrorBody>(
      '/api/corrective-actions/00000000-0000-4000-8000-000000000000',
      otherReporter,
    );
    expect(missing.body).toMatchObject({ statusCode: 404, code: read.body.code, message: read.body.message });
    const write = await post<ErrorBody>(`/api/corrective-actions/${action.id}/plan`, otherReporter, {
      version: action.version,
      plan: 'Ei meidän.',
    });
    expect(write.status).toBe(404);
    const theirs = await get<Page<CorrectiveAction>>(
      `/api/corrective-actions?producerId=${action.producerId}`,
      otherReporter,
    );
    expect(theirs.body.total).toBe(0);
    expect((await get<CorrectiveAction>(`/api/corrective-actions/${action.id}`, manager)).body.version).toBe(
      1,
    );
  });

  it("keeps the provider's evidence with the action, recognised by content, out of other producers' reach", async () => {
    const [action] = (
      await get<Page<CorrectiveAction>>(`/api/corrective-actions?deviationId=${red[0].id}`, manager)
    ).body.items;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(1500, 3), Buffer.from('\n%%EOF\n')]);
    const upload = (filename: string, body: Buffer, token = reporter) =>
      fetch(
        `${api.url}/api/corrective-actions/${action.id}/evidence?filename=${encodeURIComponent(filename)}`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
          body: new Uint8Array(body),
        },
      );
    const added = await upload('perehdytyssuunnitelma.pdf', pdf);
    expect(added.status).toBe(201);
    const withEvidence = (await added.json()) as CorrectiveAction;
    expect(withEvidence.version).toBe(action.version);
    const [file] = withEvidence.evidence;
    expect(file).toMatchObject({
      filename: 'perehdytyssuunnitelma.pdf',
      mediaType: 'application/pdf',
      size: pdf.length,
    });

    const download = (token: string) =>
      fetch(`${api.url}/api/corrective-actions/${action.id}/evidence/${file.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
    const mine = await download(manager);
    expect(mine.status).toBe(200);
    expect(Buffer.from(await mine.arrayBuffer()).equals(pdf)).toBe(true);
    expect((await download(otherReporter)).status).toBe(404);
    expect((await upload('muuta.pdf', pdf, otherReporter)).status).toBe(404);
    // A renamed executable is not evidence.
    expect((await upload('raportti.pdf', Buffer.from('MZ\x90\x00 not a pdf'))).status).toBe(415);
    const after = (await get<CorrectiveAction>(`/api/corrective-actions/${action.id}`, manager)).body;
    expect(after.evidence).toHaveLength(1);
  });

  it('takes a plan, rejects it with a comment, takes a new one and accepts it; stale versions and illegal steps are 409', async () => {
    let action = (
      await get<Page<CorrectiveAction>>(`/api/corrective-actions?deviationId=${red[0].id}`, reporter)
    ).body.items[0];
    const tooLong = await post<ErrorBody>(`/api/corrective-actions/${action.id}/plan`, reporter, {
      version: action.version,
      plan: 'x'.repeat(4001),
    });
    expect([tooLong.status, tooLong.body.fields?.[0].problem]).toEqual([400, 'maxLength']);
    const early = await post<ErrorBody>(`/api/corrective-actions/${action.id}/decision`, manager, {
      version: action.version,
      decision: 'ACCEPT',
    });
    expect([early.status, early.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    const planned = await post(`/api/corrective-actions/${action.id}/plan`, reporter, {
      version: action.version,
      plan: 'Riskiarviot tehdään kaikille asiakkaille kuukauden sisällä.',
    });
    expect([planned.status, planned.body.status, planned.body.version]).toEqual([200, 'PLAN_SUBMITTED', 2]);
    const stale = await post<ErrorBody>(`/api/corrective-actions/${action.id}/plan`, reporter, {
      version: action.version,
      plan: 'Toinen suunnitelma samasta versiosta.',
    });
    expect([stale.status, stale.body.code]).toEqual([409, 'STALE_VERSION']);
    action = planned.body;

    const byReporter = await post(`/api/corrective-actions/${action.id}/decision`, reporter, {
      version: action.version,
      decision: 'ACCEPT',
    });
    expect(byReporter.status).toBe(403);
    const noComment = await post<ErrorBody>(`/api/corrective-actions/${action.id}/decision`, manager, {
      version: action.version,
      decision: 'REJECT',
      comment: '  ',
    });
    expect([noComment.status, noComment.body.fields?.[0]]).toEqual([
      400,
      expect.objectContaining({ field: 'comment', problem: 'rejectCommentRequired' }),
    ]);
    const rejected = await post(`/api/corrective-actions/${action.id}/decision`, manager, {
      version: action.version,
      decision: 'REJECT',
      comment: 'Suunnitelmasta puuttuu aikataulu.',
    });
    expect([rejected.body.status, rejected.body.decisionComment]).toEqual([
      'PLAN_REJECTED',
      'Suunnitelmasta puuttuu aikataulu.',
    ]);
    const replanned = await post(`/api/corrective-actions/${action.id}/plan`, reporter, {
      version: rejected.body.version,
      plan: 'Riskiarviot valmiit 15.1. mennessä; vastuuhoitajat nimetty.',
    });
    expect(replanned.body.status).toBe('PLAN_SUBMITTED');
    const accepted = await post(`/api/corrective-actions/${action.id}/decision`, manager, {
      version: replanned.body.version,
      decision: 'ACCEPT',
    });
    expect([accepted.body.status, accepted.body.version]).toEqual(['PLAN_ACCEPTED', 5]);
    const planAgain = await post<ErrorBody>(`/api/corrective-actions/${action.id}/plan`, reporter, {
      version: accepted.body.version,
      plan: 'Vielä yksi.',
    });
    expect([planAgain.status, planAgain.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    expect(accepted.body.history.map((s) => s.status)).toEqual([
      'OPEN',
      'PLAN_SUBMITTED',
      'PLAN_REJECTED',
      'PLAN_SUBMITTED',
      'PLAN_ACCEPTED',
    ]);
    expect(accepted.body.history[2]).toMatchObject({
      actorEmail: DEMO_ACCOUNTS.manager.email,
      comment: 'Suunnitelmasta puuttuu aikataulu.',
    });
    const told = await api.dataSource.query(
      `SELECT n.kind FROM notification n WHERE n.link = $1 GROUP BY n.kind, n.created_at ORDER BY n.created_at`,
      [`/corrective-actions/${action.id}`],
    );
    expect(told.map((n: { kind: string }) => n.kind)).toEqual([
      'correctiveActionOpened',
      'correctiveActionAnswered',
      'correctiveActionDecided',
      'correctiveActionAnswered',
      'correctiveActionDecided',
    ]);

    const events = await get<Page<AuditEventView>>(
      `/api/audit-events?entityId=${action.id}&pageSize=50`,
      admin,
    );
    expect(events.body.items.map((e) => e.action).reverse()).toEqual([
      'correctiveAction.opened',
      'correctiveAction.evidenceAdded',
      'correctiveAction.planSubmitted',
      'correctiveAction.planRejected',
      'correctiveAction.planSubmitted',
      'correctiveAction.planAccepted',
    ]);
    expect(events.body.items[0]).toMatchObject({
      entityType: 'correctiveAction',
      before: { status: 'PLAN_SUBMITTED', version: 4 },
      after: { status: 'PLAN_ACCEPTED', version: 5 },
    });
  });

  it('closes only on a later report without the deviation or on a reason', async () => {
    const action = (await open(red[2].id, 10)).body;
    const close = (body: Record<string, unknown>) =>
      post<CorrectiveAction & ErrorBody>(`/api/corrective-actions/${action.id}/close`, manager, {
        version: action.version,
        ...body,
      });

    const nothing = await close({});
    expect([nothing.status, nothing.body.code, nothing.body.fields?.[0].field]).toEqual([
      422,
      'ACTION_NOT_CLOSABLE',
      'reason',
    ]);
    const earlier = await close({ reportId: series[1].id });
    expect([earlier.status, earlier.body.fields?.[0].problem]).toEqual([422, 'notLaterReport']);
    const repeats = await close({ reportId: series[3].id });
    expect([repeats.status, repeats.body.fields?.[0].problem]).toEqual([422, 'deviationRepeats']);
    expect(repeats.body.fields?.[0].message).toMatch(/^reportId: /);
    const unsubmitted = await get<Page<ReportObligation>>(
      `/api/reports?status=EXPECTED&pageSize=500&contractId=${series[0].contractId}`,
      manager,
    );
    const later = unsubmitted.body.items.find(
      (r) => r.contractServiceId === series[0].contractServiceId && r.periodStart > series[4].periodStart,
    );
    if (later) {
      const notSubmitted = await close({ reportId: later.id });
      expect([notSubmitted.status, notSubmitted.body.fields?.[0].problem]).toEqual([422, 'notLaterReport']);
    }

    const closed = await close({ reportId: series[4].id });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'CLOSED', closedByReportId: series[4].id, overdue: false });
    const twice = await post<ErrorBody>(`/api/corrective-actions/${action.id}/close`, manager, {
      version: closed.body.version,
      reason: 'Uudelleen.',
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);

    const byReason = (
      await get<Page<CorrectiveAction>>(`/api/corrective-actions?deviationId=${red[1].id}`, manager)
    ).body.items[0];
    const reasoned = await post(`/api/corrective-actions/${byReason.id}/close`, manager, {
      version: byReason.version,
      reason: 'Tuottaja vaihtoi toimintamallin; seuranta jatkuu uudella sopimuksella.',
    });
    expect(reasoned.body).toMatchObject({
      status: 'CLOSED',
      closeReason: 'Tuottaja vaihtoi toimintamallin; seuranta jatkuu uudella sopimuksella.',
      closedByReportId: null,
    });
    expect(reasoned.body.history.at(-1)).toMatchObject({
      status: 'CLOSED',
      actorEmail: DEMO_ACCOUNTS.manager.email,
    });
    const events = await get<Page<AuditEventView>>(
      `/api/audit-events?entityId=${byReason.id}&pageSize=50`,
      admin,
    );
    expect(events.body.items.map((e) => e.action)).toEqual([
      'correctiveAction.closed',
      'correctiveAction.opened',
    ]);
  });

  it('filters overdue actions: past the due date and not closed', async () => {
    const overdue = await get<Page<CorrectiveAction>>('/api/corrective-actions?overdue=true', manager);
    expect(overdue.body.items.map((a) => a.deviation.id)).toEqual([red[0].id]);
    expect(overdue.body.items.every((a) => a.overdue)).toBe(true);
    const mine = await get<Page<CorrectiveAction>>('/api/corrective-actions?overdue=true', reporter);
    expect(mine.body.total).toBe(1);
    expect(
      (await get<Page<CorrectiveAction>>('/api/corrective-actions?overdue=true', otherReporter)).body.total,
    ).toBe(0);
    // When the due day comes, the action is overdue from the next day on.
    actions.today = () => '2025-12-29';
    expect(
      (await get<Page<CorrectiveAction>>('/api/corrective-actions?overdue=true', manager)).body.total,
    ).toBe(0);
    actions.today = () => '2025-12-30';
    expect(
      (await get<Page<CorrectiveAction>>('/api/corrective-actions?overdue=true', manager)).body.total,
    ).toBe(1);
    actions.today = () => helsinkiToday();

    const bad = await get<ErrorBody>('/api/corrective-actions?overdue=maybe&status=DONE', manager);
    expect([bad.status, bad.body.fields?.map((f) => f.field).sort()]).toEqual([400, ['overdue', 'status']]);
    const closed = await get<Page<CorrectiveAction>>(
      `/api/corrective-actions?status=CLOSED&service=${series[0].serviceCode}`,
      manager,
    );
    expect(closed.body.total).toBe(2);
  });

  it('suggests a sanction after three consecutive red periods on the same criterion, and never imposes one', async () => {
    const fourth = (await open(red[3].id, 10)).body;
    expect(fourth.sanctionSuggested).toMatchObject({
      criterionCode: criterion,
      periods: series.slice(0, 4).map((r) => r.periodStart),
    });
    expect(fourth.sanctionSuggested?.reason).toContain('4 consecutive periods');
    expect(fourth.status).toBe('OPEN');
    const listed = await get<Page<CorrectiveAction>>(
      `/api/corrective-actions?deviationId=${red[0].id}`,
      reporter,
    );
    expect(listed.body.items[0].sanctionSuggested?.periods).toHaveLength(4);

    // Fixing period 2 breaks the run: periods 1 and 3–4 alone are not three in a row.
    const report = (await get<ReportDetail>(`/api/reports/${series[1].id}`, manager)).body;
    const returned = await post(`/api/reports/${report.id}/review`, manager, {
      decision: 'RETURN',
      comment: 'Tarkistakaa luku.',
    });
    expect(returned.status).toBe(200);
    const draft = (await get<ReportDetail>(`/api/reports/${report.id}`, reporter)).body;
    const fixed = await call<ReportDetail>(api, 'PUT', `/api/reports/${report.id}/values`, {
      token: reporter,
      body: {
        draftVersion: draft.draftVersion,
        values: Object.fromEntries(draft.items.map((form) => [form.criterion.code, greenEntry(form)])),
      },
    });
    expect(fixed.status).toBe(200);
    const resubmitted = await call<SubmitResult>(api, 'POST', `/api/reports/${report.id}/submit`, {
      token: reporter,
      headers: { 'idempotency-key': `ca-test-fix-${report.id}` },
    });
    expect(resubmitted.status).toBe(201);
    const after = await get<CorrectiveAction>(`/api/corrective-actions/${fourth.id}`, manager);
    expect(after.body.sanctionSuggested).toBeNull();
  });
});
