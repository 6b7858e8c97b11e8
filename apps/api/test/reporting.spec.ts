import {
  AuditEventView,
  Deviation,
  MeasureType,
  MEASURE_TYPES,
  Page,
  ReportDetail,
  ReportFormItem,
  ReportObligation,
  ReportRevision,
  ReportValueInput,
  SubmitResult,
} from '@sopu/shared';
import { attachEvidence, EVIDENCE_PDF, entryMeasuring, greenEntry, redMeasure } from './report-values';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

interface ErrorBody {
  code: string;
  message: string;
  fields?: { field: string; problem: string; message: string }[];
}

/** For each measure type: bad entries and the problem the server must name for each field. */
const BAD_VALUES: Record<MeasureType, { entry: ReportValueInput; field: string; problem: string }[]> = {
  PERCENTAGE: [
    { entry: { numerator: 'paljon', denominator: '10' }, field: 'numerator', problem: 'notNumber' },
    {
      entry: { numerator: '11', denominator: '10' },
      field: 'numerator',
      problem: 'numeratorAboveDenominator',
    },
    { entry: { numerator: '1', denominator: '0' }, field: 'denominator', problem: 'denominatorZero' },
  ],
  RATE: [
    { entry: { numerator: '1.5', denominator: '100' }, field: 'numerator', problem: 'notWhole' },
    { entry: { numerator: '3', denominator: '0' }, field: 'denominator', problem: 'denominatorZero' },
  ],
  COUNT: [
    { entry: { value: '-3' }, field: 'value', problem: 'negative' },
    { entry: { value: '2,5' }, field: 'value', problem: 'notWhole' },
  ],
  RATIO: [{ entry: { value: '1/2' }, field: 'value', problem: 'notNumber' }],
  DURATION_DAYS: [
    { entry: { value: '-1' }, field: 'value', problem: 'belowMin' },
    { entry: { value: 'viikko' }, field: 'value', problem: 'notNumber' },
  ],
  CURRENCY_EUR: [{ entry: { value: '12.345' }, field: 'value', problem: 'tooManyDecimals' }],
  SCALE: [
    { entry: { value: '99', respondents: '10' }, field: 'value', problem: 'outOfScale' },
    { entry: { value: '3', respondents: '0' }, field: 'respondents', problem: 'belowMin' },
  ],
  // Yes/no and free text are refused by their shape already when the draft is saved (400).
  BOOLEAN: [{ entry: { flag: 'kyllä' as unknown as boolean }, field: 'flag', problem: 'invalid' }],
  TEXT: [{ entry: { text: 'x'.repeat(4001) }, field: 'text', problem: 'tooLong' }],
};

describe('quality reports: drafts, submission, review and deviations', () => {
  let api: TestApi;
  let manager: string;
  let analyst: string;
  let reporter: string;
  let otherReporter: string;

  beforeAll(async () => {
    // Reports start untouched, so each test knows the state it builds on (the seed has its own test).
    api = await startTestApi({ demoReports: false });
    [manager, analyst, reporter, otherReporter] = await Promise.all([
      signIn(api, DEMO_ACCOUNTS.manager.email),
      signIn(api, DEMO_ACCOUNTS.analyst.email),
      signIn(api, DEMO_ACCOUNTS.purchased.email),
      signIn(api, DEMO_ACCOUNTS.voucher.email),
    ]);
  });
  afterAll(() => api.close());

  const get = <T>(path: string, token: string) => call<T>(api, 'GET', path, { token });
  const save = <T = ReportDetail>(
    report: Pick<ReportDetail, 'id' | 'draftVersion'>,
    values: Record<string, ReportValueInput>,
    token: string,
    headers: Record<string, string> = {},
  ) =>
    call<T>(api, 'PUT', `/api/reports/${report.id}/values`, {
      token,
      headers,
      body: { draftVersion: report.draftVersion, values },
    });
  const submit = <T = SubmitResult>(id: string, key: string | null, token: string, headers = {}) =>
    call<T>(api, 'POST', `/api/reports/${id}/submit`, {
      token,
      headers: key === null ? headers : { ...headers, 'idempotency-key': key },
    });

  /** Open reports of the caller, oldest period first. */
  async function openReports(token: string): Promise<ReportObligation[]> {
    const list = await get<Page<ReportObligation>>('/api/reports?status=EXPECTED&pageSize=500', token);
    return [...list.body.items].sort(
      (a, b) => a.periodStart.localeCompare(b.periodStart) || a.id.localeCompare(b.id),
    );
  }

  const detail = async (id: string, token = manager) =>
    (await get<ReportDetail>(`/api/reports/${id}`, token)).body;

  /** Every value green: the report a well-run producer sends. */
  const allGreen = (report: ReportDetail) =>
    Object.fromEntries(report.items.map((form) => [form.criterion.code, greenEntry(form)]));

  it("keeps a reporter to their own producer's reports: another's answers 404 for reading and writing", async () => {
    const [own] = await openReports(reporter);
    const [foreign] = await openReports(otherReporter);
    expect(own.producerId).not.toBe(foreign.producerId);
    const mine = await get<Page<ReportObligation>>('/api/reports?pageSize=500', reporter);
    expect(mine.body.items.every((r) => r.producerId === own.producerId)).toBe(true);

    expect((await get<ErrorBody>(`/api/reports/${foreign.id}`, reporter)).status).toBe(404);
    expect((await save<ErrorBody>({ id: foreign.id, draftVersion: 0 }, {}, reporter)).status).toBe(404);
    expect((await submit<ErrorBody>(foreign.id, 'foreign-key-0001', reporter)).status).toBe(404);
    expect((await get<ErrorBody>(`/api/reports/${foreign.id}/revisions/1`, reporter)).status).toBe(404);
    const theirs = await get<Page<Deviation>>(`/api/deviations?producerId=${foreign.producerId}`, reporter);
    expect(theirs.body.items.every((d) => d.producerId === own.producerId)).toBe(true);
    // The foreign report was not touched.
    expect((await detail(foreign.id)).draftVersion).toBe(0);
  });

  it('lets only staff review and refuses an analyst writing a draft', async () => {
    const [own] = await openReports(reporter);
    const review = await call<ErrorBody>(api, 'POST', `/api/reports/${own.id}/review`, {
      token: reporter,
      body: { decision: 'ACCEPT' },
    });
    expect(review.status).toBe(403);
    expect((await save<ErrorBody>({ id: own.id, draftVersion: 0 }, {}, analyst)).status).toBe(403);
    expect((await detail(own.id, analyst)).lock).toBe('readOnly');
  });

  it('refuses a stale draft save with 409, so two people never overwrite each other', async () => {
    const [, report] = await openReports(reporter);
    const loaded = await detail(report.id, reporter);
    const first = await save(loaded, allGreen(loaded), reporter);
    expect(first.status).toBe(200);
    expect(first.body.draftVersion).toBe(loaded.draftVersion + 1);
    expect(first.body.status).toBe('DRAFT');

    // A colleague who loaded the same version saves later.
    const second = await save<ErrorBody>(loaded, {}, manager, { 'accept-language': 'fi' });
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('STALE_DRAFT');
    expect(second.body.message).toContain('Joku muu tallensi');
    const kept = await detail(report.id, reporter);
    expect(kept.values.filter((v) => !v.issues.length && v.measured !== null).length).toBeGreaterThan(0);
    expect(kept.draftVersion).toBe(first.body.draftVersion);
  });

  it('rejects every measure type’s bad values on the server with a message per field', async () => {
    // Find, among the manager's view of open reports, a form holding each measure type.
    const found = new Map<MeasureType, { report: ReportDetail; form: ReportFormItem }>();
    const seen = new Set<string>();
    for (const obligation of await openReports(manager)) {
      const shape = `${obligation.termsId}/${obligation.periodType}`;
      if (seen.has(shape)) continue;
      seen.add(shape);
      const report = await detail(obligation.id);
      for (const form of report.items)
        if (!found.has(form.criterion.measureType)) found.set(form.criterion.measureType, { report, form });
      if (found.size === MEASURE_TYPES.length) break;
    }
    expect([...found.keys()].sort()).toEqual([...MEASURE_TYPES].sort());

    for (const [type, { report, form }] of found) {
      for (const bad of BAD_VALUES[type]) {
        const current = await detail(report.id);
        const field = `values.${form.criterion.code}.${bad.field}`;
        const saved = await save<ReportDetail & ErrorBody>(
          current,
          { ...allGreen(current), [form.criterion.code]: bad.entry },
          manager,
          { 'accept-language': 'fi' },
        );
        let answer = saved;
        if (saved.status === 200) {
          // A draft keeps the mistake and says what it is; the submission refuses it.
          const value = saved.body.values.find((v) => v.criterionCode === form.criterion.code);
          expect(value?.issues.map((i) => i.problem)).toContain(bad.problem);
          answer = await submit<ReportDetail & ErrorBody>(report.id, `bad-${type}-${bad.problem}`, manager, {
            'accept-language': 'fi',
          });
          expect(answer.status).toBe(422);
          expect(answer.body.code).toBe('REPORT_INCOMPLETE');
        } else {
          expect(saved.status).toBe(400);
        }
        const message = answer.body.fields?.find((f) => f.field === field);
        expect({ type, field, problem: message?.problem }).toEqual({ type, field, problem: bad.problem });
        // In the asked language, naming the field.
        expect(message?.message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: \\S`));
        expect(message?.message).not.toMatch(/must|is required/);
      }
      // Nothing was submitted by the refused attempts.
      expect((await detail(report.id)).revisions).toHaveLength(0);
    }
  });

  it('submits once per Idempotency-Key, keeps the revision immutable and finds the deviations', async () => {
    const reports = await openReports(reporter);
    let report: ReportDetail | null = null;
    let red: ReportFormItem | null = null;
    for (const obligation of reports) {
      const candidate = await detail(obligation.id, reporter);
      const form = candidate.items.find((f) => redMeasure(f) !== null);
      if (candidate.draftVersion === 0 && form) {
        report = candidate;
        red = form;
        break;
      }
    }
    if (!report || !red) throw new Error('the demo data has no open report with a criterion that can go red');
    const values = {
      ...allGreen(report),
      [red.criterion.code]: {
        ...entryMeasuring(red, redMeasure(red) as number),
        comment: 'Henkilöstövajetta syksyllä.',
      },
    };
    const saved = await save(report, values, reporter);
    expect(saved.status).toBe(200);
    expect(saved.body.values.find((v) => v.criterionCode === red?.criterion.code)?.light).toBe('RED');
    await attachEvidence(api.url, reporter, saved.body);

    expect((await submit<ErrorBody>(report.id, null, reporter)).status).toBe(400);
    const key = `web-${report.id}`;
    const first = await submit(report.id, key, reporter);
    expect(first.status).toBe(201);
    expect(first.body.revision.number).toBe(1);
    const again = await submit(report.id, key, reporter);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body.revision.id).toBe(first.body.revision.id);

    const after = await detail(report.id, reporter);
    expect(after.status).toBe('SUBMITTED');
    expect(after.revisions).toHaveLength(1);
    expect(after.lock).toBe('awaitingReview');
    // Submitted data is never changed: a save now is refused, and so is a change by hand.
    const locked = await save<ErrorBody>(after, {}, reporter);
    expect([locked.status, locked.body.code]).toEqual([409, 'REPORT_AWAITING_REVIEW']);
    await expect(
      api.dataSource.query(`UPDATE report_revision SET late = NOT late WHERE id = $1`, [
        first.body.revision.id,
      ]),
    ).rejects.toThrow(/never changed/);

    // The same key for another report is refused, not silently replayed.
    const other = reports.find((r) => r.id !== report?.id) as ReportObligation;
    const reused = await submit<ErrorBody>(other.id, key, reporter);
    expect([reused.status, reused.body.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);

    // The red value and the late report (the demo periods are long past due) are deviations.
    const kinds = first.body.deviations.map((d) => `${d.kind}:${d.criterionCode ?? ''}`).sort();
    expect(kinds).toEqual([`LATE:`, `RED:${red.criterion.code}`].sort());
    const listed = await get<Page<Deviation>>(`/api/deviations?reportId=${report.id}&status=OPEN`, manager);
    expect(listed.body.total).toBe(2);
    const revision = await get<ReportRevision>(`/api/reports/${report.id}/revisions/1`, reporter);
    expect(revision.body.values.find((v) => v.criterionCode === red?.criterion.code)?.comment).toBe(
      'Henkilöstövajetta syksyllä.',
    );
  });

  it('returns a report with a comment on one value, takes the fix as revision 2 and clears the deviation on acceptance', async () => {
    const [submitted] = (
      await get<Page<ReportObligation>>('/api/reports?status=SUBMITTED&pageSize=500', reporter)
    ).body.items;
    const report = await detail(submitted.id, reporter);
    const red = report.values.find((v) => v.light === 'RED');
    if (!red) throw new Error('the submitted report has no red value');

    const noReason = await call<ErrorBody>(api, 'POST', `/api/reports/${report.id}/review`, {
      token: manager,
      body: { decision: 'RETURN' },
    });
    expect([noReason.status, noReason.body.fields?.[0].field]).toEqual([400, 'comment']);
    const returned = await call<ReportDetail>(api, 'POST', `/api/reports/${report.id}/review`, {
      token: manager,
      body: {
        decision: 'RETURN',
        valueComments: { [red.criterionCode]: 'Tarkista luku: onko tämä koko kuukausi?' },
      },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('RETURNED');
    expect(returned.body.lock).toBeNull();

    const reporterView = await detail(report.id, reporter);
    expect(reporterView.reviews.at(-1)?.valueComments[red.criterionCode]).toContain('Tarkista luku');
    const fixed = await save(
      reporterView,
      Object.fromEntries(
        reporterView.items.map((form) => [
          form.criterion.code,
          form.criterion.code === red.criterionCode
            ? greenEntry(form)
            : (reporterView.values.find((v) => v.criterionCode === form.criterion.code) ?? {}),
        ]),
      ),
      reporter,
    );
    expect(fixed.status).toBe(200);
    const second = await submit(report.id, `fix-${report.id}`, reporter);
    expect([second.status, second.body.revision.number]).toEqual([201, 2]);
    expect(second.body.deviations.map((d) => d.kind)).toEqual(['LATE']);

    const accepted = await call<ReportDetail>(api, 'POST', `/api/reports/${report.id}/review`, {
      token: manager,
      body: { decision: 'ACCEPT' },
    });
    expect([accepted.body.status, accepted.body.lock]).toEqual(['ACCEPTED', 'accepted']);
    const cleared = await get<Page<Deviation>>(`/api/deviations?reportId=${report.id}`, manager);
    const redDeviation = cleared.body.items.find((d) => d.kind === 'RED');
    expect(redDeviation).toMatchObject({ status: 'CLEARED', firstRevision: 1, lastRevision: 1 });

    // Revision 1 is still there, unchanged, beside revision 2.
    const one = await get<ReportRevision>(`/api/reports/${report.id}/revisions/1`, manager);
    const two = await get<ReportRevision>(`/api/reports/${report.id}/revisions/2`, manager);
    expect(one.body.values.find((v) => v.criterionCode === red.criterionCode)?.light).toBe('RED');
    expect(two.body.values.find((v) => v.criterionCode === red.criterionCode)?.light).not.toBe('RED');

    // Accepted is locked; a correction is a new draft that is reviewed again.
    const locked = await save<ErrorBody>(accepted.body, {}, reporter);
    expect([locked.status, locked.body.code]).toEqual([409, 'REPORT_ACCEPTED']);
    const correction = await call<ReportDetail>(api, 'POST', `/api/reports/${report.id}/corrections`, {
      token: reporter,
    });
    expect([correction.body.status, correction.body.lock]).toEqual(['DRAFT', null]);
    expect(correction.body.revisions).toHaveLength(2);

    const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
    const events = await get<Page<AuditEventView>>(
      `/api/audit-events?entityId=${report.id}&pageSize=50`,
      admin,
    );
    // (Evidence uploads, where the report's terms ask for them, are audited too, between these steps.)
    const steps = events.body.items
      .map((e) => e.action)
      .filter((action) => action !== 'report.attachmentAdded');
    expect(steps.reverse()).toEqual([
      'report.draftSaved',
      'report.submitted',
      'report.returned',
      'report.draftSaved',
      'report.submitted',
      'report.accepted',
      'report.correctionStarted',
    ]);
  });

  it('asks for evidence where the terms require it and keeps the files a revision was submitted with', async () => {
    let report: ReportDetail | null = null;
    for (const obligation of await openReports(reporter)) {
      const candidate = await detail(obligation.id, reporter);
      if (candidate.draftVersion === 0 && candidate.items.some((f) => f.item.evidenceRequired)) {
        report = candidate;
        break;
      }
    }
    if (!report) throw new Error('the demo data has no open report whose terms require evidence');
    const code = report.items.find((f) => f.item.evidenceRequired)?.criterion.code as string;
    const saved = await save(report, allGreen(report), reporter);
    const without = await submit<ErrorBody>(report.id, `no-evidence-${report.id}`, reporter, {
      'accept-language': 'en',
    });
    expect(without.status).toBe(422);
    expect(without.body.fields).toContainEqual({
      field: `values.${code}.evidence`,
      problem: 'evidenceRequired',
      message: `values.${code}.evidence: needs an attached document as evidence`,
    });

    const upload = (token: string, body: Buffer, filename = 'suunnitelma.pdf') =>
      fetch(`${api.url}/api/reports/${report?.id}/attachments?criterion=${code}&filename=${filename}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body),
      });
    expect((await upload(otherReporter, EVIDENCE_PDF)).status).toBe(404);
    expect((await upload(reporter, Buffer.from('not a pdf at all'))).status).toBe(415);
    const withWrong = await attachEvidence(api.url, reporter, saved.body, 'vanha.pdf');
    const wrong = withWrong.values.find((v) => v.criterionCode === code)?.attachments?.[0];
    const removed = await call<ReportDetail>(
      api,
      'DELETE',
      `/api/reports/${report.id}/attachments/${wrong?.id}`,
      {
        token: reporter,
      },
    );
    expect(removed.body.values.find((v) => v.criterionCode === code)?.attachments).toBeUndefined();
    const withRight = await attachEvidence(api.url, reporter, removed.body);
    const right = withRight.values.find((v) => v.criterionCode === code)?.attachments?.[0];
    expect(right?.filename).toBe('omavalvontasuunnitelma.pdf');

    const submitted = await submit(report.id, `evidence-${report.id}`, reporter);
    expect(submitted.status).toBe(201);
    const revision = await get<ReportRevision>(`/api/reports/${report.id}/revisions/1`, manager);
    expect(revision.body.values.find((v) => v.criterionCode === code)?.attachments?.map((a) => a.id)).toEqual(
      [right?.id],
    );
    const download = await fetch(`${api.url}/api/reports/${report.id}/attachments/${right?.id}`, {
      headers: { authorization: `Bearer ${manager}` },
    });
    expect(Buffer.from(await download.arrayBuffer()).equals(EVIDENCE_PDF)).toBe(true);
    const foreign = await fetch(`${api.url}/api/reports/${report.id}/attachments/${right?.id}`, {
      headers: { authorization: `Bearer ${otherReporter}` },
    });
    expect(foreign.status).toBe(404);
  });
});
