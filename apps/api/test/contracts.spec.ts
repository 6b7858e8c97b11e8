import {
  AuditEventView,
  Contract,
  ContractEvent,
  ContractSummary,
  MonitoringTerms,
  Page,
  Producer,
  ReportObligation,
} from '@sopu/shared';
import { helsinkiToday, ObligationsJob } from '@sopu/api/reporting';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

interface ErrorBody {
  code: string;
  fields?: { field: string; problem: string }[];
}

/** `YYYY-MM-DD` plus whole days. */
function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Months from the first month to the second, both counted. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

describe('contracts and reporting obligations', () => {
  let api: TestApi;
  let manager: string;
  let reporter: string;
  let producers: Producer[];
  let homeCareTerms: MonitoringTerms;

  beforeAll(async () => {
    // Expected reports as the contracts made them, before the demo's 24 months of filled ones.
    api = await startTestApi({ demoReports: false });
    manager = await signIn(api, DEMO_ACCOUNTS.manager.email);
    reporter = await signIn(api, DEMO_ACCOUNTS.purchased.email);
    producers = (await call<Producer[]>(api, 'GET', '/api/producers', { token: manager })).body;
    homeCareTerms = (
      await call<MonitoringTerms>(api, 'GET', '/api/monitoring-terms?service=HOME_CARE&date=2025-01-01', {
        token: manager,
      })
    ).body;
  });
  afterAll(() => api.close());

  const get = <T>(path: string, token = manager) => call<T>(api, 'GET', path, { token });
  const post = <T>(path: string, body: unknown, token = manager) =>
    call<T>(api, 'POST', path, { token, body });
  const patch = <T>(path: string, body: unknown, token = manager) =>
    call<T>(api, 'PATCH', path, { token, body });
  const producer = (name: string) => producers.find((p) => p.name.startsWith(name)) as Producer;
  const status = (id: string, to: string, effectiveDate: string, token = manager) =>
    post<Contract | ErrorBody>(
      `/api/contracts/${id}/status`,
      { status: to, reason: `To ${to}`, effectiveDate },
      token,
    );

  function contractBody(number: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      number,
      title: 'Testisopimus',
      producerId: producer('Lähihoiva Saarni').id,
      kind: 'PURCHASE_CONTRACT',
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      reportingDueDays: 15,
      services: [
        { serviceCode: 'HOME_CARE', termsId: homeCareTerms.id, unitPrice: '52.40', estimatedVolume: '1000' },
      ],
      ...overrides,
    };
  }

  it('seeds a contract for every producer, of the kind its type calls for, with 24 months of expected reports', async () => {
    const contracts = (await get<ContractSummary[]>('/api/contracts')).body;
    expect(contracts.length).toBeGreaterThanOrEqual(40);
    const kindOf = {
      SELF_PRODUCED: 'IN_HOUSE_AGREEMENT',
      PURCHASED_SERVICE: 'PURCHASE_CONTRACT',
      VOUCHER_SERVICE: 'VOUCHER_APPROVAL',
    };
    for (const c of contracts) expect([c.number, c.kind]).toEqual([c.number, kindOf[c.producerType]]);
    expect(new Set(contracts.map((c) => c.producerId)).size).toBeGreaterThanOrEqual(40);

    const [kinapori] = contracts.filter((c) => c.producerName === 'Kinaporin seniorikeskus');
    const reports = await get<Page<ReportObligation>>(`/api/contracts/${kinapori.id}/obligations`);
    const monthly = reports.body.items.filter((r) => r.periodType === 'MONTH');
    const today = helsinkiToday();
    expect(monthly).toHaveLength(monthsBetween('2024-11', today.slice(0, 7)));
    expect(monthly.length).toBeGreaterThanOrEqual(24);
    const first = monthly[monthly.length - 1];
    expect(first).toMatchObject({
      periodStart: '2024-11-01',
      periodEnd: '2024-11-30',
      dueDate: '2024-12-15',
      status: 'EXPECTED',
    });
    // The ended contract owes only the periods that began before its end.
    const [ended] = contracts.filter((c) => c.status === 'ENDED');
    const endedReports = (await get<Page<ReportObligation>>(`/api/contracts/${ended.id}/obligations`)).body
      .items;
    expect(endedReports.length).toBeGreaterThan(0);
    expect(endedReports.every((r) => r.periodStart <= '2025-12-31')).toBe(true);
  });

  it('shows a reporter only their own producer’s contracts and reports; others answer 404, writes 403', async () => {
    const own = (await get<ContractSummary[]>('/api/contracts', reporter)).body;
    expect(own.length).toBeGreaterThan(0);
    expect(new Set(own.map((c) => c.producerName))).toEqual(new Set(['Hoivapolku Oy (fiktiivinen)']));
    const all = (await get<ContractSummary[]>('/api/contracts')).body;
    const other = all.find((c) => c.producerName !== 'Hoivapolku Oy (fiktiivinen)') as ContractSummary;
    for (const path of ['', '/history', '/obligations', '/documents'])
      expect((await get(`/api/contracts/${other.id}${path}`, reporter)).status).toBe(404);
    const reports = (await get<Page<ReportObligation>>('/api/reports?pageSize=500', reporter)).body;
    expect(new Set(reports.items.map((r) => r.producerId))).toEqual(new Set([own[0].producerId]));
    expect((await post('/api/contracts', contractBody('R-1'), reporter)).status).toBe(403);
    expect((await status(own[0].id, 'SUSPENDED', '2026-01-01', reporter)).status).toBe(403);
    expect((await get<Contract>(`/api/contracts/${own[0].id}`)).body.status).toBe('ACTIVE');
  });

  it('refuses a wrong kind, terms of another service, another producer’s unit, a reversed period and a reused number', async () => {
    const other = await get<MonitoringTerms>(
      '/api/monitoring-terms?service=ORAL_HEALTH_CARE&date=2025-01-01',
    );
    const kinaporiUnit = (
      await get<{ units: { id: string }[] }>(`/api/producers/${producer('Kinaporin').id}`)
    ).body.units[0];
    const res = await post<ErrorBody>(
      '/api/contracts',
      contractBody('T-BAD', {
        kind: 'VOUCHER_APPROVAL',
        validTo: '2026-12-31',
        services: [
          {
            serviceCode: 'HOME_CARE',
            termsId: other.body.id,
            unitPrice: '52.40',
            estimatedVolume: '10',
            unitIds: [kinaporiUnit.id],
          },
        ],
      }),
    );
    expect(res.status).toBe(422);
    expect(res.body.fields?.map((f) => [f.field, f.problem])).toEqual([
      ['kind', 'kindMismatch'],
      ['validTo', 'endBeforeStart'],
      ['services[0].termsId', 'termsNotOfService'],
      ['services[0].unitIds', 'unitNotOfProducer'],
    ]);
    const money = await post<ErrorBody>(
      '/api/contracts',
      contractBody('T-MONEY', {
        services: [
          { serviceCode: 'HOME_CARE', termsId: homeCareTerms.id, unitPrice: '52.405', estimatedVolume: '1' },
        ],
      }),
    );
    expect([money.status, money.body.fields?.map((f) => f.field)]).toEqual([400, ['services[0].unitPrice']]);
    expect((await post('/api/contracts', contractBody('T-ONE'))).status).toBe(201);
    const again = await post<ErrorBody>('/api/contracts', contractBody('T-ONE'));
    expect([again.status, again.body.code]).toEqual([409, 'CONTRACT_NUMBER_TAKEN']);
    const [{ n }]: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM contract WHERE number IN ('T-BAD', 'T-MONEY', 'T-ONE')`,
    );
    expect(n).toBe(1);
  });

  it('moves through DRAFT → ACTIVE ⇄ SUSPENDED → ENDED, refuses the rest, and owes no report while suspended or after the end', async () => {
    const created = await post<Contract>('/api/contracts', contractBody('T-LIFE'));
    const id = created.body.id;
    const illegal = await status(id, 'ENDED', '2027-01-01');
    expect([illegal.status, (illegal.body as ErrorBody).code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    expect((await status(id, 'ACTIVE', '2027-01-01')).status).toBe(200);
    expect((await status(id, 'SUSPENDED', '2027-03-01')).status).toBe(200);
    expect((await status(id, 'ACTIVE', '2027-05-01')).status).toBe(200);
    expect((await status(id, 'ENDED', '2027-06-30')).status).toBe(200);
    const reopen = await status(id, 'ACTIVE', '2027-07-01');
    expect([reopen.status, (reopen.body as ErrorBody).code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const closed = await patch<ErrorBody>(`/api/contracts/${id}`, {
      title: 'Myöhäinen muutos',
      amendment: { reason: 'x', effectiveDate: '2027-07-01' },
    });
    expect([closed.status, closed.body.code]).toEqual([409, 'CONTRACT_CLOSED']);

    // The daily job, as it would run in October 2027.
    const outcome = await api.app.get(ObligationsJob).runDaily('2027-10-01');
    expect(outcome.ran).toBe(true);
    const reports = (await get<Page<ReportObligation>>(`/api/contracts/${id}/obligations`)).body.items;
    expect(
      reports
        .filter((r) => r.periodType === 'MONTH')
        .map((r) => r.periodStart)
        .sort(),
    ).toEqual(['2027-01-01', '2027-02-01', '2027-05-01', '2027-06-01']);
    expect(reports.every((r) => r.dueDate === addDays(r.periodEnd, 15))).toBe(true);
    const history = (await get<ContractEvent[]>(`/api/contracts/${id}/history`)).body;
    expect(history.map((e) => [e.kind, e.changes[0]?.to ?? null])).toEqual([
      ['STATUS', 'ENDED'],
      ['STATUS', 'ACTIVE'],
      ['STATUS', 'SUSPENDED'],
      ['STATUS', 'ACTIVE'],
      ['CREATED', null],
    ]);
  });

  it('records a change to an active contract as an amendment; a new terms version applies from its date only', async () => {
    const activeFrom = addDays(helsinkiToday(), -70).slice(0, 8) + '01';
    const created = await post<Contract>(
      '/api/contracts',
      contractBody('T-AMEND', { validFrom: activeFrom, validTo: null }),
    );
    const id = created.body.id;
    await status(id, 'ACTIVE', activeFrom);
    const before = (await get<Page<ReportObligation>>(`/api/contracts/${id}/obligations`)).body.items;
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((r) => r.termsId === homeCareTerms.id)).toBe(true);

    // Home care's terms get a new published version, valid from next month.
    const nextMonth = addDays(helsinkiToday(), 32).slice(0, 8) + '01';
    const draft = await post<MonitoringTerms>(`/api/monitoring-terms/${homeCareTerms.id}/new-version`, {});
    await patch(`/api/monitoring-terms/${draft.body.id}`, { validFrom: nextMonth });
    const published = await post<MonitoringTerms>(`/api/monitoring-terms/${draft.body.id}/publish`, {});
    expect(published.status).toBe(200);

    const services = [
      { serviceCode: 'HOME_CARE', termsId: published.body.id, unitPrice: '53.90', estimatedVolume: '1000' },
    ];
    const missing = await patch<ErrorBody>(`/api/contracts/${id}`, { services });
    expect([missing.status, missing.body.fields?.map((f) => f.field)]).toEqual([422, ['amendment']]);
    const amended = await patch<Contract>(`/api/contracts/${id}`, {
      services,
      amendment: { reason: 'Hintaindeksin tarkistus ja uudet seurantaehdot', effectiveDate: nextMonth },
    });
    expect(amended.status).toBe(200);
    expect(amended.body.services[0].unitPrice).toBe('53.90');
    expect(amended.body.services[0].terms.map((t) => [t.version, t.effectiveFrom])).toEqual([
      [homeCareTerms.version, activeFrom],
      [published.body.version, nextMonth],
    ]);
    const [amendment] = (await get<ContractEvent[]>(`/api/contracts/${id}/history`)).body;
    expect(amendment).toMatchObject({ kind: 'AMENDMENT', effectiveDate: nextMonth });
    expect(amendment.changes.map((c) => c.field)).toEqual([
      'services.HOME_CARE.unitPrice',
      'services.HOME_CARE.terms',
    ]);
    expect(amendment.changes[0]).toEqual({
      field: 'services.HOME_CARE.unitPrice',
      from: '52.40',
      to: '53.90',
    });

    // Earlier periods keep their version; periods from the effective date report against the new one.
    await api.app.get(ObligationsJob).runDaily(addDays(nextMonth, 40));
    const after = (await get<Page<ReportObligation>>(`/api/contracts/${id}/obligations`)).body.items;
    for (const r of after)
      expect([r.periodType, r.periodStart, r.termsId]).toEqual([
        r.periodType,
        r.periodStart,
        r.periodStart >= nextMonth ? published.body.id : homeCareTerms.id,
      ]);
    expect(after.some((r) => r.periodStart >= nextMonth)).toBe(true);
  });

  it('keeps PDF, DOCX and XLSX documents recognised by content, with their SHA-256, and refuses others', async () => {
    const [contract] = (await get<ContractSummary[]>('/api/contracts?search=Hoivapolku')).body;
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 7), Buffer.from('\n%%EOF\n')]);
    const upload = (filename: string, body: Buffer, token = manager) =>
      fetch(`${api.url}/api/contracts/${contract.id}/documents?filename=${encodeURIComponent(filename)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(body),
      });
    const res = await upload('sopimus.pdf', pdf);
    expect(res.status).toBe(201);
    const doc = await res.json();
    const { createHash } = await import('node:crypto');
    expect(doc).toMatchObject({ filename: 'sopimus.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect(doc.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));

    const download = await fetch(`${api.url}/api/contracts/${contract.id}/documents/${doc.id}`, {
      headers: { authorization: `Bearer ${reporter}` },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).equals(pdf)).toBe(true);

    const docx = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.from('....word/document.xml....'),
    ]);
    expect((await upload('liite.docx', docx)).status).toBe(201);
    const renamed = await upload(
      'kuva.pdf',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]),
    );
    expect([renamed.status, (await renamed.json()).code]).toEqual([415, 'UNSUPPORTED_DOCUMENT']);
    const wrongName = await upload('sopimus.xlsx', pdf);
    expect(wrongName.status).toBe(415);
    const huge = await upload(
      'iso.pdf',
      Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(21 * 1024 * 1024)]),
    );
    expect(huge.status).toBe(413);
    expect((await upload('x.pdf', pdf, reporter)).status).toBe(403);
    const listed = (await get<{ filename: string }[]>(`/api/contracts/${contract.id}/documents`)).body;
    expect(listed.map((d) => d.filename).sort()).toEqual(['liite.docx', 'sopimus.pdf']);
  });

  it('lists the contracts ending within 90 days', async () => {
    const today = helsinkiToday();
    const soon = await post<Contract>(
      '/api/contracts',
      contractBody('T-SOON', { validFrom: '2025-01-01', validTo: addDays(today, 30) }),
    );
    const later = await post<Contract>(
      '/api/contracts',
      contractBody('T-LATER', { validFrom: '2025-01-01', validTo: addDays(today, 120) }),
    );
    await status(soon.body.id, 'ACTIVE', '2025-01-01');
    await status(later.body.id, 'ACTIVE', '2025-01-01');
    const ending = (await get<ContractSummary[]>('/api/contracts?endingWithinDays=90')).body;
    expect(ending.map((c) => c.number)).toContain('T-SOON');
    expect(ending.map((c) => c.number)).not.toContain('T-LATER');
    for (const c of ending) {
      expect(['ACTIVE', 'SUSPENDED']).toContain(c.status);
      const validTo = c.validTo ?? '';
      expect(validTo >= today && validTo <= addDays(today, 90)).toBe(true);
    }
  });

  it('runs the daily job once, however many callers start it together', async () => {
    const job = api.app.get(ObligationsJob);
    const outcomes = await Promise.all([
      job.runDaily('2030-01-02'),
      job.runDaily('2030-01-02'),
      job.runDaily('2030-01-02'),
    ]);
    expect(outcomes.filter((o) => o.ran)).toHaveLength(1);
    const runs: unknown[] = await api.dataSource.query(`SELECT 1 FROM job_run WHERE run_date = '2030-01-02'`);
    expect(runs).toHaveLength(1);
    // Idempotent: a second day's run over the same contracts creates only the new periods.
    const [{ n }]: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT contract_service_id, period_type, period_start FROM report
        GROUP BY 1, 2, 3 HAVING count(*) > 1) d`,
    );
    expect(n).toBe(0);
  });

  it('writes an audit event for every contract change', async () => {
    const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
    const events = await call<Page<AuditEventView>>(
      api,
      'GET',
      '/api/audit-events?pageSize=200&entityType=contract',
      {
        token: admin,
      },
    );
    const actions = new Set(events.body.items.map((e) => e.action));
    for (const action of [
      'contracts.contract.create',
      'contracts.contract.status',
      'contracts.contract.amend',
      'contracts.document.add',
    ])
      expect(actions).toContain(action);
  });
});
