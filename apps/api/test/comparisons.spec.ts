import { ComparisonResult, Page, Producer, ReportObligation, ReportValueInput } from '@sopu/shared';
import { ComparisonQueryDto, ComparisonsService } from '@sopu/api/reporting';
import { AuthContext } from '@sopu/api/platform';
import { acceptReport, submitReport } from './report-values';
import { percentile } from './statistics';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

const month = (date: string) => date.slice(0, 7);

/** A staff member as the guard would establish them, for calling the service directly. */
async function staffAuth(api: TestApi, email: string, role: AuthContext['role']): Promise<AuthContext> {
  const [user] = await api.dataSource.query(`SELECT id, organiser_id FROM app_user WHERE email = $1`, [
    email,
  ]);
  return {
    userId: user.id,
    sessionId: 'test',
    organiserId: user.organiser_id,
    role,
    producerId: null,
    email,
    language: 'en',
  };
}

/**
 * Two answers agree figure by figure: sums and counts exactly, derived figures within a millionth
 * (the summaries add measured values as floating point, the plain aggregate as exact decimals).
 */
function expectSameFigures(a: ComparisonResult, b: ComparisonResult): void {
  expect(a.periods).toEqual(b.periods);
  expect(a.groups).toEqual(b.groups);
  expect(a.criteria.map((c) => c.code)).toEqual(b.criteria.map((c) => c.code));
  const flat = (result: ComparisonResult) =>
    result.criteria.flatMap((criterion) =>
      [criterion.total, ...criterion.groups, ...criterion.groups.flatMap((g) => g.series)].flatMap(
        (figures) =>
          Object.entries(figures)
            .filter(([key]) => key !== 'series')
            .map(([key, value]) => ({ at: `${criterion.code}.${key}`, value })),
      ),
    );
  const [left, right] = [flat(a), flat(b)];
  expectCloseFigures(left, right);
}

function expectCloseFigures(
  left: { at: string; value: unknown }[],
  right: { at: string; value: unknown }[],
): void {
  expect(left.map((f) => f.at)).toEqual(right.map((f) => f.at));
  const apart = left.filter((f, i) => {
    const other = right[i].value;
    if (typeof f.value === 'number' && typeof other === 'number')
      return Math.abs(f.value - other) > 1e-6 * Math.max(1, Math.abs(other));
    return f.value !== other;
  });
  expect(apart).toEqual([]);
}

describe('comparisons on the demo history', () => {
  let api: TestApi;
  let analyst: string;
  let auth: AuthContext;

  beforeAll(async () => {
    api = await startTestApi();
    analyst = await signIn(api, DEMO_ACCOUNTS.analyst.email);
    auth = await staffAuth(api, DEMO_ACCOUNTS.analyst.email, 'ANALYST');
  });
  afterAll(() => api.close());

  const get = <T>(path: string, token = analyst) => call<T>(api, 'GET', path, { token });

  it('answers from the summaries exactly as the plain aggregate over the values does, for every service', async () => {
    const services: { service_code: string; first: string; last: string }[] = await api.dataSource.query(
      `SELECT service_code, to_char(min(period_start), 'YYYY-MM') AS first, to_char(max(period_start), 'YYYY-MM') AS last
         FROM report WHERE accepted_revision IS NOT NULL GROUP BY service_code ORDER BY service_code`,
    );
    expect(services.length).toBeGreaterThanOrEqual(5);
    const comparisons = api.app.get(ComparisonsService);
    for (const { service_code: service, first, last } of services) {
      // The whole history, and a window that cuts through it (running totals subtracted at its start).
      const middle = `${Number(first.slice(0, 4)) + 1}-${first.slice(5)}`;
      for (const [from, to] of [
        [first, last],
        [middle, last],
        [first, middle],
      ]) {
        const query = Object.assign(new ComparisonQueryDto(), { service, from, to });
        const fromSummaries = await comparisons.compare(auth, query);
        const fromValues = await comparisons.compare(auth, query, 'values');
        expectSameFigures(fromSummaries, fromValues);
        const answer = await get<ComparisonResult>(
          `/api/comparisons?service=${service}&from=${from}&to=${to}`,
        );
        expect(answer.status).toBe(200);
        expectSameFigures(answer.body, fromValues);
      }
    }
  });

  it('gives the same totals whether producers are grouped by type, producer, district or language', async () => {
    const base = '/api/comparisons?service=HOME_CARE&from=2020-01&to=2029-12';
    const byType = (await get<ComparisonResult>(base)).body;
    expect(byType.groups.map((g) => g.key)).toEqual([
      'SELF_PRODUCED',
      'PURCHASED_SERVICE',
      'VOUCHER_SERVICE',
    ]);
    const producers = (await get<Producer[]>('/api/producers')).body;
    for (const groupBy of ['producer', 'district', 'language'] as const) {
      const other = (await get<ComparisonResult>(`${base}&groupBy=${groupBy}`)).body;
      expect(other.groupBy).toBe(groupBy);
      const figures = (result: ComparisonResult) =>
        result.criteria.flatMap((c) =>
          Object.entries(c.total).map(([key, value]) => ({ at: `${c.code}.${key}`, value })),
        );
      expectCloseFigures(figures(other), figures(byType));
      for (const criterion of other.criteria) {
        expect(criterion.groups.reduce((sum, g) => sum + g.values, 0)).toBe(criterion.total.values);
      }
      if (groupBy === 'producer') {
        for (const group of other.groups) {
          const producer = producers.find((p) => p.id === group.key);
          expect(group).toMatchObject({ label: producer?.name, producerType: producer?.type });
        }
        // Each type's producers add up to the type's figures.
        for (const type of byType.groups) {
          const members = other.groups.filter((g) => g.producerType === type.key).map((g) => g.key);
          const criterion = other.criteria[0];
          const sum = criterion.groups
            .filter((g) => members.includes(g.key))
            .reduce((s, g) => s + g.numerator, 0);
          expect(sum).toBe(byType.criteria[0].groups.find((g) => g.key === type.key)?.numerator);
        }
      }
      if (groupBy === 'language')
        expect(other.groups.every((g) => /^(NONE|[a-z]{2}(\+[a-z]{2})*)$/.test(g.key))).toBe(true);
    }
  });

  it('refuses a reporter, who keeps only the anonymised benchmark', async () => {
    const reporter = await signIn(api, DEMO_ACCOUNTS.voucher.email);
    const answer = await get<unknown>('/api/comparisons?service=HOME_CARE&from=2024-01&to=2025-12', reporter);
    expect(answer.status).toBe(403);
    const benchmark = await get<unknown>('/api/benchmarks?service=HOME_CARE', reporter);
    expect(benchmark.status).toBe(200);
    const names = (await get<Producer[]>('/api/producers')).body.map((p) => p.name);
    expect(names.length).toBeGreaterThan(10);
    const own = (await get<Page<ReportObligation>>('/api/reports?pageSize=1', reporter)).body.items[0];
    const ownName = (await get<Producer[]>('/api/producers')).body.find((p) => p.id === own.producerId)?.name;
    for (const name of names.filter((n) => n !== ownName))
      expect(JSON.stringify(benchmark.body)).not.toContain(name);
  });

  it('says which field is wrong and why', async () => {
    const cases: [string, number, string, string][] = [
      ['service=HOME_CARE&from=2025-13&to=2025-12', 400, 'from', 'month'],
      ['service=HOME_CARE&from=2025-06&to=2025-01', 400, 'to', 'endBeforeStart'],
      ['service=HOME_CARE&from=2010-01&to=2025-01', 400, 'to', 'rangeTooLong'],
      [
        'service=HOME_CARE&from=2025-01&to=2025-02&criteria=FALLS_RATE',
        400,
        'criteria.FALLS_RATE',
        'notCriterionOfService',
      ],
      ['service=HOME_CARE&from=2025-01&to=2025-02&groupBy=postcode', 400, 'groupBy', 'isIn'],
      ['service=home-care&from=2025-01&to=2025-02', 400, 'service', 'invalid'],
    ];
    for (const [query, status, field, problem] of cases) {
      const answer = await get<{ fields: { field: string; problem: string; message: string }[] }>(
        `/api/comparisons?${query}`,
      );
      expect({ query, status: answer.status }).toEqual({ query, status });
      expect(answer.body.fields).toEqual(
        expect.arrayContaining([expect.objectContaining({ field, problem })]),
      );
    }
    expect((await get('/api/comparisons?service=NO_SUCH_SERVICE&from=2025-01&to=2025-02')).status).toBe(404);
  });
});

describe('comparisons as reports are accepted', () => {
  let api: TestApi;
  let manager: string;

  beforeAll(async () => {
    api = await startTestApi({ demoReports: false });
    manager = await signIn(api, DEMO_ACCOUNTS.manager.email);
  });
  afterAll(() => api.close());

  const get = <T>(path: string) => call<T>(api, 'GET', path, { token: manager });

  /** The open HOME_CARE reports of voucher producers for one month, one per producer. */
  async function voucherReports(count: number, offset: number): Promise<ReportObligation[]> {
    const vouchers = new Set(
      (await get<Producer[]>('/api/producers')).body
        .filter((p) => p.type === 'VOUCHER_SERVICE')
        .map((p) => p.id),
    );
    const open = (
      await get<Page<ReportObligation>>(
        '/api/reports?status=EXPECTED&periodType=MONTH&service=HOME_CARE&pageSize=500',
      )
    ).body.items.filter((r) => vouchers.has(r.producerId));
    const months = [...new Set(open.map((r) => r.periodStart))].sort().reverse();
    for (const start of months.slice(offset)) {
      const reports = [
        ...new Map(open.filter((r) => r.periodStart === start).map((r) => [r.producerId, r])).values(),
      ];
      if (reports.length >= count) return reports.slice(0, count);
    }
    throw new Error(`fewer than ${count} voucher producers have open HOME_CARE reports in one month`);
  }

  /** Fills a report with green values and `entry` for one criterion, and submits it. */
  const submit = (id: string, code: string, entry: ReportValueInput) =>
    submitReport(api, manager, id, code, () => entry, 'comparison');
  const accept = (id: string) => acceptReport(api, manager, id);

  const voucherCell = (result: ComparisonResult, code: string) =>
    result.criteria.find((c) => c.code === code)?.groups.find((g) => g.key === 'VOUCHER_SERVICE');

  it('pools percentages (10/10 and 1/100 give 11/110 = 10 %), counts an accepted report at once and a submitted one only when asked', async () => {
    const [a, b] = await voucherReports(2, 0);
    const code = 'MISSED_VISITS_SHARE';
    const path = `/api/comparisons?service=HOME_CARE&from=${month(a.periodStart)}&to=${month(a.periodStart)}&criteria=${code}`;
    const before = (await get<ComparisonResult>(path)).body;
    expect(before.criteria.map((c) => c.code)).toEqual([code]);
    expect(voucherCell(before, code)).toMatchObject({ producers: 0, values: 0, value: null });

    await submit(a.id, code, { numerator: '10', denominator: '10' });
    await submit(b.id, code, { numerator: '1', denominator: '100' });
    expect(voucherCell((await get<ComparisonResult>(path)).body, code)).toMatchObject({ producers: 0 });
    const submitted = (await get<ComparisonResult>(`${path}&status=submitted`)).body;
    expect(voucherCell(submitted, code)).toMatchObject({
      producers: 2,
      numerator: 11,
      denominator: 110,
      value: 10,
    });

    await accept(a.id);
    expect(voucherCell((await get<ComparisonResult>(path)).body, code)).toMatchObject({
      producers: 1,
      numerator: 10,
      denominator: 10,
      value: 100,
    });
    await accept(b.id);
    const after = (await get<ComparisonResult>(path)).body;
    const cell = voucherCell(after, code);
    // Pooled, not the mean of 100 % and 1 % (50.5 %).
    expect(cell).toMatchObject({ producers: 2, values: 2, numerator: 11, denominator: 110, value: 10 });
    expect(cell?.min).toBe(1);
    expect(cell?.max).toBe(100);
    expect(cell?.series).toEqual([
      {
        periodStart: a.periodStart,
        producers: 2,
        values: 2,
        value: 10,
        median: 50.5,
        numerator: 11,
        denominator: 110,
      },
    ]);
    // The voucher group's coverage counts the two submitted reports.
    const group = after.groups.find((g) => g.key === 'VOUCHER_SERVICE');
    expect(group?.submitted).toBe(2);
    expect(group?.accepted).toBe(2);
    expect(group?.coverage).toBeCloseTo((100 * 2) / (group?.expected ?? 1), 6);
    expect(group?.unitPrice).toBeGreaterThan(0);
  });

  it('gives the quartiles, minimum and maximum of the producers’ own values and the share meeting the target', async () => {
    const reports = await voucherReports(5, 1);
    const code = 'MISSED_VISITS_SHARE';
    const shares = [2, 4, 5, 8, 20];
    for (const [i, report] of reports.entries()) {
      await submit(report.id, code, { numerator: String(shares[i] * 10), denominator: '1000' });
      await accept(report.id);
    }
    const at = month(reports[0].periodStart);
    const result = (
      await get<ComparisonResult>(`/api/comparisons?service=HOME_CARE&from=${at}&to=${at}&criteria=${code}`)
    ).body;
    const cell = voucherCell(result, code);
    expect(cell).toMatchObject({ producers: 5, min: 2, max: 20 });
    expect(cell?.q1).toBeCloseTo(percentile(shares, 0.25), 9);
    expect(cell?.median).toBeCloseTo(percentile(shares, 0.5), 9);
    expect(cell?.q3).toBeCloseTo(percentile(shares, 0.75), 9);
    expect(cell?.value).toBeCloseTo((100 * 390) / 5000, 9);
    const target = result.criteria[0].target;
    if (target === null) throw new Error(`${code} has no target in the demo terms`);
    const meeting = shares.filter((share) => share <= target).length;
    expect(cell?.meetingTarget).toBeCloseTo((100 * meeting) / 5, 9);
    expect((cell?.green ?? 0) + (cell?.amber ?? 0) + (cell?.red ?? 0)).toBe(5);

    // The summaries kept in step with each acceptance answer as the values themselves do.
    const comparisons = api.app.get(ComparisonsService);
    const auth = await staffAuth(api, DEMO_ACCOUNTS.manager.email, 'CONTRACT_MANAGER');
    const query = Object.assign(new ComparisonQueryDto(), {
      service: 'HOME_CARE',
      from: '2020-01',
      to: '2029-12',
    });
    expectSameFigures(
      await comparisons.compare(auth, query),
      await comparisons.compare(auth, query, 'values'),
    );
  });
});
