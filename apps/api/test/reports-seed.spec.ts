import {
  CorrectiveAction,
  Deviation,
  Page,
  ReportDetail,
  ReportFormItem,
  ReportObligation,
  ReportRevision,
  ReportValueView,
  validateValue,
} from '@sopu/shared';
import { helsinkiToday } from '@sopu/api/reporting';
import { seedDemo } from '@sopu/api/seeding';
import { call, DEMO_ACCOUNTS, DEMO_PASSWORD, signIn, startTestApi, TestApi } from './test-api';

interface ReportRow {
  id: string;
  producer_id: string;
  service_code: string;
  terms_id: string;
  period_type: string;
  period_start: string;
  due_date: string;
  status: string;
  revision_count: number;
}

interface RevisionRow {
  id: string;
  report_id: string;
  number: number;
  late: boolean;
  values: ReportValueView[];
}

/** A Finnish personal identity code (ddmmyy-nnnC): never in demo texts. */
const IDENTITY_CODE = /\b\d{6}[-+A]\d{3}[0-9A-Y]\b/;

describe('demo reports: 24 months of history with a realistic spread', () => {
  let api: TestApi;
  let manager: string;
  let reports: ReportRow[];
  let revisions: RevisionRow[];
  const today = helsinkiToday();

  const get = async <T>(path: string, token = manager): Promise<T> => {
    const answer = await call<T>(api, 'GET', path, { token });
    expect([path, answer.status]).toEqual([path, 200]);
    return answer.body;
  };
  const latestOf = (report: ReportRow) =>
    revisions.find((r) => r.report_id === report.id && r.number === report.revision_count) as RevisionRow;

  beforeAll(async () => {
    api = await startTestApi();
    manager = await signIn(api, DEMO_ACCOUNTS.manager.email);
    reports = await api.dataSource.query(
      `SELECT r.id, r.producer_id, r.service_code, r.terms_id, r.period_type,
              to_char(r.period_start, 'YYYY-MM-DD') AS period_start, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
              r.status, r.revision_count
         FROM report r ORDER BY r.period_start`,
    );
    revisions = await api.dataSource.query(
      `SELECT id, report_id, number, late, values FROM report_revision ORDER BY report_id, number`,
    );
  });
  afterAll(() => api.close());

  it('spreads the statuses: mostly accepted, some returned, awaiting review, drafts, overdue and late', async () => {
    const count = (predicate: (r: ReportRow) => boolean) => reports.filter(predicate).length;
    const pastDue = reports.filter((r) => r.due_date < today);
    const accepted = count((r) => r.status === 'ACCEPTED');
    expect(accepted).toBeGreaterThan(pastDue.length * 0.8);
    expect(count((r) => r.status === 'RETURNED')).toBeGreaterThanOrEqual(3);
    expect(count((r) => r.status === 'SUBMITTED')).toBeGreaterThanOrEqual(3);
    expect(count((r) => r.status === 'DRAFT')).toBeGreaterThanOrEqual(3);
    expect(count((r) => r.status === 'EXPECTED' && r.due_date < today)).toBeGreaterThanOrEqual(3);
    // Resubmitted after a return, and accepted.
    expect(count((r) => r.status === 'ACCEPTED' && r.revision_count === 2)).toBeGreaterThanOrEqual(3);
    const late = revisions.filter((r) => r.late);
    expect(late.length).toBeGreaterThan(revisions.length * 0.03);
    expect(late.length).toBeLessThan(revisions.length * 0.25);
    // Awaiting review only in recent months.
    for (const r of reports.filter((x) => x.status === 'SUBMITTED'))
      expect(r.period_start >= '2026-01-01').toBe(true);

    // Through the API as well: the manager's list counts the same.
    for (const status of ['ACCEPTED', 'RETURNED', 'SUBMITTED', 'DRAFT', 'EXPECTED']) {
      const page = await get<Page<ReportObligation>>(`/api/reports?status=${status}&pageSize=1`);
      expect([status, page.total]).toEqual([status, count((r) => r.status === status)]);
    }
  });

  it('keeps revisions, value rows, counts and reviews consistent', async () => {
    const problems: unknown[] = await api.dataSource.query(`
      SELECT r.id, 'revision_count' AS problem FROM report r
       WHERE r.revision_count <> COALESCE((SELECT max(number) FROM report_revision v WHERE v.report_id = r.id), 0)
      UNION ALL
      SELECT v.id, 'value rows' FROM report_revision v
       WHERE (SELECT count(*) FROM report_value x WHERE x.revision_id = v.id) <>
             (SELECT count(*) FROM jsonb_array_elements(v.values) e
               WHERE e->>'measured' IS NOT NULL OR (e->>'notApplicable')::boolean IS TRUE
                  OR COALESCE(e->>'text', '') <> '')
      UNION ALL
      SELECT x.revision_id, 'value differs' FROM report_value x
        JOIN report_revision v ON v.id = x.revision_id
        JOIN LATERAL jsonb_array_elements(v.values) e ON e->>'criterionCode' = x.criterion_code
       WHERE x.measured IS DISTINCT FROM (e->>'measured')::numeric OR x.light IS DISTINCT FROM e->>'light'
          OR x.numerator IS DISTINCT FROM (e->>'numerator')::numeric
          OR x.value IS DISTINCT FROM (e->>'value')::numeric
      UNION ALL
      SELECT r.id, 'status ' || r.status FROM report r
        LEFT JOIN report_revision v ON v.report_id = r.id AND v.number = r.revision_count
        LEFT JOIN report_review w ON w.revision_id = v.id
       WHERE NOT CASE r.status
               WHEN 'ACCEPTED' THEN w.decision = 'ACCEPT' AND r.accepted_at IS NOT NULL
               WHEN 'RETURNED' THEN w.decision = 'RETURN'
               WHEN 'SUBMITTED' THEN v.id IS NOT NULL AND w.id IS NULL
               ELSE r.revision_count = 0 END
      UNION ALL
      SELECT w.id, 'review before submission' FROM report_review w
        JOIN report_revision v ON v.id = w.revision_id WHERE w.reviewed_at <= v.submitted_at
      UNION ALL
      SELECT v.id, 'in the future' FROM report_revision v WHERE v.submitted_at > now()`);
    expect(problems).toEqual([]);
    // A returned report carries a comment on the value to fix.
    const returns: { value_comments: Record<string, string> }[] = await api.dataSource.query(
      `SELECT value_comments FROM report_review WHERE decision = 'RETURN'`,
    );
    expect(returns.length).toBeGreaterThan(0);
    expect(returns.every((r) => Object.keys(r.value_comments).length === 1)).toBe(true);
  });

  it("stores only values the server's own rules accept, with the light they give", async () => {
    // The form of each terms version and period type, as the API gives it.
    const forms = new Map<string, ReportFormItem[]>();
    for (const report of reports) {
      const shape = `${report.terms_id}/${report.period_type}`;
      if (!forms.has(shape)) forms.set(shape, (await get<ReportDetail>(`/api/reports/${report.id}`)).items);
    }
    const byId = new Map(reports.map((r) => [r.id, r]));
    let checked = 0;
    for (const revision of revisions) {
      const report = byId.get(revision.report_id) as ReportRow;
      const items = forms.get(`${report.terms_id}/${report.period_type}`) as ReportFormItem[];
      expect(revision.values.map((v) => v.criterionCode)).toEqual(items.map((f) => f.criterion.code));
      for (const form of items) {
        const value = revision.values.find((v) => v.criterionCode === form.criterion.code) as ReportValueView;
        const result = validateValue(form.criterion, form.item, value);
        expect({ code: form.criterion.code, issues: result.issues }).toEqual({
          code: form.criterion.code,
          issues: [],
        });
        expect([result.measured, result.light]).toEqual([value.measured, value.light]);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    // And a sample read back through the API is the same revision.
    for (const report of reports.filter((r) => r.revision_count > 0).slice(0, 40)) {
      const revision = await get<ReportRevision>(
        `/api/reports/${report.id}/revisions/${report.revision_count}`,
      );
      expect(revision.values).toEqual(latestOf(report).values);
    }
  });

  it('has exactly the deviations the submission rules give for each latest revision', async () => {
    const forms = new Map<string, ReportFormItem[]>();
    const rows: {
      report_id: string;
      kind: string;
      criterion_code: string;
      first_revision: number;
      last_revision: number;
      status: string;
    }[] = await api.dataSource.query(
      `SELECT report_id, kind, criterion_code, first_revision, last_revision, status FROM deviation`,
    );
    for (const report of reports.filter((r) => r.revision_count > 0)) {
      const shape = `${report.terms_id}/${report.period_type}`;
      if (!forms.has(shape)) forms.set(shape, (await get<ReportDetail>(`/api/reports/${report.id}`)).items);
      const items = forms.get(shape) as ReportFormItem[];
      const latest = latestOf(report);
      const expected = [
        ...latest.values.filter((v) => v.light === 'RED').map((v) => `RED:${v.criterionCode}`),
        ...items
          .filter(
            (f) =>
              f.item.required &&
              latest.values.find((v) => v.criterionCode === f.criterion.code)?.notApplicable,
          )
          .map((f) => `MISSING:${f.criterion.code}`),
        ...(latest.late ? ['LATE:'] : []),
      ].sort();
      const shown = rows
        .filter(
          (d) =>
            d.report_id === report.id &&
            d.first_revision <= latest.number &&
            d.last_revision >= latest.number,
        )
        .map((d) => `${d.kind}:${d.criterion_code}`)
        .sort();
      expect({ report: report.id, shown }).toEqual({ report: report.id, shown: expected });
      // What a later revision no longer shows is cleared; lateness stays.
      for (const d of rows.filter((x) => x.report_id === report.id && x.last_revision < latest.number))
        expect([d.kind, d.status]).toEqual([d.kind, d.kind === 'LATE' ? 'OPEN' : 'CLEARED']);
    }
    const kinds = new Set(rows.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['LATE', 'MISSING', 'RED']);
    expect(rows.some((d) => d.status === 'CLEARED')).toBe(true);
    // The API lists them all.
    const listed = await get<Page<Deviation>>('/api/deviations?pageSize=1');
    expect(listed.total).toBe(rows.length);
  });

  it('makes producers of one service clearly different on a pooled percentage', async () => {
    const pooled: { producer_id: string; type: string; share: number }[] = await api.dataSource.query(
      `SELECT x.producer_id, p.type, 100 * sum(x.numerator) / sum(x.denominator) AS share
         FROM report_value x
         JOIN report r ON r.id = x.report_id AND r.status = 'ACCEPTED'
         JOIN report_revision v ON v.id = x.revision_id AND v.number = r.revision_count
         JOIN producer p ON p.id = x.producer_id
        WHERE x.service_code = 'HOME_CARE' AND x.criterion_code = 'MISSED_VISITS_SHARE'
        GROUP BY x.producer_id, p.type ORDER BY share`,
    );
    expect(pooled.length).toBeGreaterThanOrEqual(10);
    const best = Number(pooled[0].share);
    const worst = Number(pooled[pooled.length - 1].share);
    expect(worst - best).toBeGreaterThan(1);
    expect(worst / best).toBeGreaterThan(1.6);
    // Summer is harder for staffing: July above March, pooled over all producers.
    const [season]: { july: number; march: number }[] = await api.dataSource.query(
      `SELECT sum(numerator) FILTER (WHERE extract(month FROM period_start) = 7) /
                sum(denominator) FILTER (WHERE extract(month FROM period_start) = 7) AS july,
              sum(numerator) FILTER (WHERE extract(month FROM period_start) = 3) /
                sum(denominator) FILTER (WHERE extract(month FROM period_start) = 3) AS march
         FROM report_value WHERE criterion_code = 'MISSED_VISITS_SHARE'`,
    );
    expect(Number(season.july)).toBeGreaterThan(Number(season.march));
  });

  it('gives every demo reporter a returned report and an open one', async () => {
    for (const account of [DEMO_ACCOUNTS.purchased, DEMO_ACCOUNTS.voucher, DEMO_ACCOUNTS.inhouse]) {
      const token = await signIn(api, account.email);
      const own = (await get<Page<ReportObligation>>('/api/reports?pageSize=500', token)).items;
      const statuses = new Set(own.map((r) => r.status));
      expect([account.email, statuses.has('RETURNED')]).toEqual([account.email, true]);
      expect([account.email, statuses.has('EXPECTED') || statuses.has('DRAFT')]).toEqual([
        account.email,
        true,
      ]);
      const returned = own.find((r) => r.status === 'RETURNED') as ReportObligation;
      const detail = await get<ReportDetail>(`/api/reports/${returned.id}`, token);
      expect(detail.lock).toBeNull();
      expect(Object.keys(detail.reviews.at(-1)?.valueComments ?? {})).toHaveLength(1);
    }
  });

  it('steers deviations with corrective actions in every state, some overdue, and one red run of three periods', async () => {
    const actions: CorrectiveAction[] = [];
    for (let page = 1; ; page++) {
      const list = await get<Page<CorrectiveAction>>(`/api/corrective-actions?pageSize=500&page=${page}`);
      actions.push(...list.items);
      if (actions.length >= list.total) break;
    }
    const states = new Set(actions.map((a) => a.status));
    expect([...states].sort()).toEqual([
      'CLOSED',
      'OPEN',
      'PLAN_ACCEPTED',
      'PLAN_REJECTED',
      'PLAN_SUBMITTED',
    ]);
    expect(actions.some((a) => a.overdue)).toBe(true);
    expect(actions.some((a) => a.status === 'CLOSED' && a.closedByReportId)).toBe(true);
    expect(actions.some((a) => a.status === 'CLOSED' && a.closeReason)).toBe(true);
    // History read back from the audit events matches the status.
    for (const a of actions) expect(a.history.at(-1)?.status).toBe(a.status);
    expect(actions.filter((a) => a.sanctionSuggested).length).toBeGreaterThanOrEqual(3);
    for (const a of actions) {
      expect(a.dueDate > a.createdAt.slice(0, 10)).toBe(true);
      for (const text of [a.description, a.plan, a.decisionComment, a.closeReason])
        expect(IDENTITY_CODE.test(text ?? '')).toBe(false);
    }
    for (const r of revisions)
      for (const v of r.values) expect(IDENTITY_CODE.test(`${v.comment ?? ''} ${v.text ?? ''}`)).toBe(false);
  });

  it('adds nothing when the demo seed runs again', async () => {
    const snapshot = () =>
      api.dataSource.query(
        `SELECT (SELECT count(*) FROM report_revision) AS v, (SELECT count(*) FROM deviation) AS d,
                (SELECT count(*) FROM corrective_action) AS a, (SELECT count(*) FROM audit_event) AS e,
                (SELECT string_agg(status || draft_version, ',' ORDER BY id) FROM report) AS r`,
      );
    const before = await snapshot();
    const again = await seedDemo(api.dataSource, api.config.seedsDir, DEMO_PASSWORD);
    expect(again).toMatchObject({
      reportsFilled: 0,
      reportRevisions: 0,
      deviations: 0,
      correctiveActions: 0,
    });
    expect(await snapshot()).toEqual(before);
  });
});
