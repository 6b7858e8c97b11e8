import {
  AuditEventView,
  Criterion,
  LANGUAGES,
  MonitoringTerms,
  Page,
  ServiceDescription,
  TermsComparison,
  TermsItemInput,
} from '@sopu/shared';
import { addSecondOrganiser, call, DEMO_ACCOUNTS, ESPOO, signIn, startTestApi, TestApi } from './test-api';

interface ErrorBody {
  code: string;
  fields?: { field: string; problem: string }[];
}

/** The body of a new criterion; `overrides` replace fields. */
function criterionBody(code: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const text = (fi: string, sv: string, en: string) => ({ fi, sv, en });
  return {
    code,
    measureType: 'PERCENTAGE',
    direction: 'HIGHER_IS_BETTER',
    decimals: 1,
    unit: text('%', '%', '%'),
    name: text('Testiosuus', 'Testandel', 'Test share'),
    definition: text('Määritelmä', 'Definition', 'Definition'),
    interpretation: text('Suurempi on parempi', 'Högre är bättre', 'Higher is better'),
    numeratorDefinition: text('Osoittaja', 'Täljare', 'Numerator'),
    denominatorDefinition: text('Nimittäjä', 'Nämnare', 'Denominator'),
    ...overrides,
  };
}

function item(criterionId: string, overrides: Partial<TermsItemInput> = {}): TermsItemInput {
  return {
    criterionId,
    required: true,
    target: 95,
    green: { min: 90, max: null },
    amber: { min: 80, max: null },
    frequency: 'MONTHLY',
    evidenceRequired: false,
    note: null,
    ...overrides,
  };
}

describe('service catalogue and monitoring terms', () => {
  let api: TestApi;
  let manager: string;
  let reporter: string;

  beforeAll(async () => {
    api = await startTestApi();
    manager = await signIn(api, DEMO_ACCOUNTS.manager.email);
    reporter = await signIn(api, DEMO_ACCOUNTS.inhouse.email);
  });
  afterAll(() => api.close());

  const get = <T>(path: string, token = manager) => call<T>(api, 'GET', path, { token });
  const post = <T>(path: string, body?: unknown, token = manager) =>
    call<T>(api, 'POST', path, { token, body: body ?? {} });
  const patch = <T>(path: string, body: unknown, token = manager) =>
    call<T>(api, 'PATCH', path, { token, body });

  /** A published description with a fresh draft of terms for it. */
  async function newServiceWithDraftTerms(
    code: string,
  ): Promise<{ description: ServiceDescription; terms: MonitoringTerms }> {
    const text = { fi: 'Teksti', sv: 'Text', en: 'Text' };
    const created = await post<ServiceDescription>('/api/service-descriptions', {
      code,
      area: 'OLDER_PEOPLE',
      outputUnit: 'CARE_DAY',
      name: text,
      description: text,
      inclusions: text,
      targetGroup: text,
    });
    expect(created.status).toBe(201);
    expect((await post(`/api/service-descriptions/${created.body.id}/publish`)).status).toBe(200);
    const terms = await post<MonitoringTerms>('/api/monitoring-terms', { serviceCode: code });
    expect(terms.status).toBe(201);
    return { description: created.body, terms: terms.body };
  }

  it('seeds a trilingual catalogue: ≥ 8 services with terms in force, ≥ 30 criteria of ≥ 5 measure types', async () => {
    const services = await get<ServiceDescription[]>('/api/service-descriptions');
    expect(services.status).toBe(200);
    const seeded = services.body.filter((s) => s.status === 'PUBLISHED');
    expect(seeded.length).toBeGreaterThanOrEqual(8);
    expect(seeded.map((s) => s.code)).toEqual(
      expect.arrayContaining(['HOME_CARE', 'SERVICE_HOUSING_24H', 'EMERGENCY_MEDICAL_SERVICE']),
    );
    for (const s of seeded) {
      expect(`${s.code} ${s.missingLanguages.join()}`).toBe(`${s.code} `);
      for (const lang of LANGUAGES) expect(s.name[lang].length).toBeGreaterThan(0);
    }
    const criteria = await get<Criterion[]>('/api/criteria');
    expect(criteria.body.length).toBeGreaterThanOrEqual(30);
    expect(new Set(criteria.body.map((c) => c.measureType)).size).toBeGreaterThanOrEqual(5);
    for (const c of criteria.body)
      expect(`${c.code} ${(c.missingLanguages ?? []).join()}`).toBe(`${c.code} `);
    for (const s of seeded) {
      const inForce = await get<MonitoringTerms>(`/api/monitoring-terms?service=${s.code}&date=2025-06-01`);
      expect(`${s.code} ${inForce.status}`).toBe(`${s.code} 200`);
      expect(inForce.body.status).toBe('PUBLISHED');
      expect(inForce.body.items.length).toBeGreaterThanOrEqual(4);
      expect(inForce.body.items.length).toBeLessThanOrEqual(8);
    }
    expect((await get('/api/monitoring-terms?service=HOME_CARE&date=2023-12-31')).status).toBe(404);
  });

  it('freezes published terms: PATCH answers 409 and the database refuses an UPDATE of an item', async () => {
    const terms = await get<MonitoringTerms>('/api/monitoring-terms?service=HOME_CARE&date=2025-06-01');
    const res = await patch<ErrorBody>(`/api/monitoring-terms/${terms.body.id}`, { validFrom: '2025-01-01' });
    expect([res.status, res.body.code]).toEqual([409, 'TERMS_FROZEN']);
    await expect(
      api.dataSource.query(`UPDATE monitoring_terms_item SET required = false WHERE id = $1`, [
        terms.body.items[0].id,
      ]),
    ).rejects.toThrow(/frozen/);
    await expect(
      api.dataSource.query(`DELETE FROM monitoring_terms WHERE id = $1`, [terms.body.id]),
    ).rejects.toThrow(/frozen/);
    const again = await get<MonitoringTerms>(`/api/monitoring-terms/${terms.body.id}`);
    expect(again.body).toEqual(terms.body);
  });

  it('refuses to publish a description without its Swedish name, naming the field', async () => {
    const created = await post<ServiceDescription>('/api/service-descriptions', {
      code: 'TEST_NO_SWEDISH',
      area: 'HEALTH_STATIONS',
      outputUnit: 'VISIT',
      name: { fi: 'Testi', sv: '', en: 'Test' },
      description: { fi: 'a', sv: 'b', en: 'c' },
      inclusions: { fi: 'a', sv: 'b', en: 'c' },
      targetGroup: { fi: 'a', sv: 'b', en: 'c' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, status: 'DRAFT', missingLanguages: ['sv'] });
    const missing = await get<ServiceDescription[]>('/api/service-descriptions?missingLanguage=sv');
    expect(missing.body.map((d) => d.code)).toEqual(['TEST_NO_SWEDISH']);
    const res = await post<ErrorBody>(`/api/service-descriptions/${created.body.id}/publish`);
    expect([res.status, res.body.code]).toEqual([422, 'PUBLISH_INCOMPLETE']);
    expect(res.body.fields).toEqual([
      { field: 'name.sv', problem: 'isNotEmpty', message: expect.any(String) },
    ]);
  });

  it('versions a published description: PATCH makes a new draft (201), publishing it retires the old', async () => {
    const [homeCare] = (await get<ServiceDescription[]>('/api/service-descriptions?search=HOME_CARE')).body;
    const res = await patch<ServiceDescription>(`/api/service-descriptions/${homeCare.id}`, {
      inclusions: {
        fi: 'Kotikäynnit ja etäkäynnit',
        sv: 'Hembesök och distansbesök',
        en: 'Home and remote visits',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ code: 'HOME_CARE', version: 2, status: 'DRAFT' });
    expect((await get<ServiceDescription>(`/api/service-descriptions/${homeCare.id}`)).body.status).toBe(
      'PUBLISHED',
    );
    expect((await get(`/api/service-descriptions/${res.body.id}`, reporter)).status).toBe(404);
    const edited = await patch<ServiceDescription>(`/api/service-descriptions/${res.body.id}`, {
      name: { fi: 'Kotihoito', sv: 'Hemvård', en: 'Home care service' },
    });
    expect([edited.status, edited.body.version]).toEqual([200, 2]);
    expect((await post(`/api/service-descriptions/${res.body.id}/publish`)).status).toBe(200);
    const versions = await get<ServiceDescription[]>(`/api/service-descriptions/${homeCare.id}/versions`);
    expect(versions.body.map((v) => [v.version, v.status])).toEqual([
      [2, 'PUBLISHED'],
      [1, 'RETIRED'],
    ]);
  });

  it('lets only contract managers and admins write: a reporter creating a criterion gets 403', async () => {
    const res = await post<ErrorBody>('/api/criteria', criterionBody('REPORTER_TRY'), reporter);
    expect(res.status).toBe(403);
    const analyst = await signIn(api, DEMO_ACCOUNTS.analyst.email);
    expect((await post('/api/monitoring-terms', { serviceCode: 'HOME_CARE' }, analyst)).status).toBe(403);
    expect((await get<Criterion[]>('/api/criteria', reporter)).body.length).toBeGreaterThanOrEqual(30);
  });

  it('checks criterion rules: duplicate code 409, a scale the wrong way round 422, RATE without multiplier 422', async () => {
    const dup = await post<ErrorBody>('/api/criteria', criterionBody('STAFF_TURNOVER'));
    expect([dup.status, dup.body.code]).toEqual([409, 'CODE_TAKEN']);
    const scale = await post<ErrorBody>(
      '/api/criteria',
      criterionBody('TEST_SCALE', {
        measureType: 'SCALE',
        scaleMin: 5,
        scaleMax: 1,
        numeratorDefinition: null,
        denominatorDefinition: null,
      }),
    );
    expect([scale.status, scale.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(scale.body.fields?.map((f) => f.field)).toEqual(['scaleMin']);
    const rate = await post<ErrorBody>('/api/criteria', criterionBody('TEST_RATE', { measureType: 'RATE' }));
    expect(rate.body.fields?.map((f) => [f.field, f.problem])).toEqual([['rateMultiplier', 'isNotEmpty']]);
    const bad = await post<ErrorBody>('/api/criteria', criterionBody('lower_case', { decimals: 7 }));
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.map((f) => f.field).sort()).toEqual(['code', 'decimals']);
  });

  it('keeps a criterion used by published terms from changing its meaning, but lets texts be corrected', async () => {
    const [turnover] = (await get<Criterion[]>('/api/criteria?search=STAFF_TURNOVER')).body;
    expect(turnover.inUse).toBe(true);
    expect((await get<Criterion>(`/api/criteria/${turnover.id}`)).body.inUse).toBe(true);
    const res = await patch<ErrorBody>(`/api/criteria/${turnover.id}`, {
      direction: 'HIGHER_IS_BETTER',
      maxValue: 50,
    });
    expect([res.status, res.body.code]).toEqual([409, 'CRITERION_IN_USE']);
    expect(res.body.fields?.map((f) => f.field)).toEqual(['direction', 'maxValue']);
    const fixed = await patch<Criterion>(`/api/criteria/${turnover.id}`, {
      interpretation: { fi: 'Pienempi on parempi.', sv: 'Lägre är bättre.', en: 'Lower is better.' },
    });
    expect(fixed.status).toBe(200);
    expect(fixed.body.interpretation.en).toBe('Lower is better.');
    const unused = await post<Criterion>('/api/criteria', criterionBody('TEST_UNUSED'));
    expect(unused.body.inUse).toBe(false);
    const changed = await patch<Criterion>(`/api/criteria/${unused.body.id}`, {
      direction: 'LOWER_IS_BETTER',
    });
    expect([changed.status, changed.body.direction]).toEqual([200, 'LOWER_IS_BETTER']);
  });

  it('names every publishing problem: missing date, Swedish criterion name, definitions and inconsistent thresholds', async () => {
    const { terms } = await newServiceWithDraftTerms('TEST_PUBLISH_RULES');
    const noSwedish = await post<Criterion>(
      '/api/criteria',
      criterionBody('TEST_NO_SV_NAME', { name: { fi: 'Nimi', sv: '', en: 'Name' } }),
    );
    const noDefinitions = await post<Criterion>(
      '/api/criteria',
      criterionBody('TEST_NO_DEFS', { numeratorDefinition: null, denominatorDefinition: null }),
    );
    const lower = await post<Criterion>(
      '/api/criteria',
      criterionBody('TEST_LOWER', {
        direction: 'LOWER_IS_BETTER',
        measureType: 'DURATION_DAYS',
        numeratorDefinition: null,
        denominatorDefinition: null,
      }),
    );
    expect([noSwedish.status, noDefinitions.status, lower.status]).toEqual([201, 201, 201]);
    const updated = await patch<MonitoringTerms>(`/api/monitoring-terms/${terms.id}`, {
      items: [
        item(noSwedish.body.id),
        item(noDefinitions.body.id),
        // Higher-is-better bands on a lower-is-better criterion.
        item(lower.body.id, { target: 10, green: { min: 10, max: null }, amber: { min: 5, max: null } }),
      ],
    });
    expect(updated.status).toBe(200);
    expect(updated.body.items.map((i) => i.criterionCode)).toEqual([
      'TEST_NO_SV_NAME',
      'TEST_NO_DEFS',
      'TEST_LOWER',
    ]);
    const res = await post<ErrorBody>(`/api/monitoring-terms/${terms.id}/publish`);
    expect([res.status, res.body.code]).toEqual([422, 'PUBLISH_INCOMPLETE']);
    const fields = res.body.fields?.map((f) => f.field) ?? [];
    expect(fields).toEqual(
      expect.arrayContaining([
        'validFrom',
        'criteria.TEST_NO_SV_NAME.name.sv',
        'criteria.TEST_NO_DEFS.numeratorDefinition.sv',
        'criteria.TEST_NO_DEFS.denominatorDefinition.fi',
        'items[2].green',
      ]),
    );
    expect(fields.some((f) => f.startsWith('items[0]') || f.startsWith('items[1]'))).toBe(false);
    expect(res.body.fields?.find((f) => f.field === 'items[2].green')?.problem).toBe('bandOpenWrongWay');
  });

  it('validates the items of a draft: unknown and duplicate criteria are named', async () => {
    const { terms } = await newServiceWithDraftTerms('TEST_ITEM_CHECKS');
    const [criterion] = (await get<Criterion[]>('/api/criteria?search=WOULD_RECOMMEND')).body;
    const res = await patch<ErrorBody>(`/api/monitoring-terms/${terms.id}`, {
      items: [item(criterion.id), item(criterion.id), item('00000000-0000-4000-8000-000000000000')],
    });
    expect([res.status, res.body.code]).toEqual([422, 'RULE_VIOLATION']);
    expect(res.body.fields?.map((f) => [f.field, f.problem])).toEqual([
      ['items[1].criterionId', 'duplicate'],
      ['items[2].criterionId', 'notFound'],
    ]);
  });

  it('copies a version into a draft, compares exactly the change, and picks the version in force by date', async () => {
    const current = await get<MonitoringTerms>(
      '/api/monitoring-terms?service=HEALTH_STATION_NON_URGENT&date=2025-06-01',
    );
    const copy = await post<MonitoringTerms>(`/api/monitoring-terms/${current.body.id}/new-version`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ status: 'DRAFT', validFrom: null, version: current.body.version + 1 });
    expect(copy.body.items.map((i) => i.criterionCode)).toEqual(
      current.body.items.map((i) => i.criterionCode),
    );
    // One draft per service at a time, and a start date that exists.
    const second = await post<ErrorBody>(`/api/monitoring-terms/${current.body.id}/new-version`);
    expect([second.status, second.body.code]).toEqual([409, 'DRAFT_EXISTS']);
    const badDate = await patch<ErrorBody>(`/api/monitoring-terms/${copy.body.id}`, {
      validFrom: '2025-02-30',
    });
    expect([badDate.status, badDate.body.fields?.map((f) => [f.field, f.problem])]).toEqual([
      400,
      [['validFrom', 'isoDate']],
    ]);

    // The care guarantee tightens: green from 95 % up to 97 %.
    const items: TermsItemInput[] = copy.body.items.map(
      ({ id: _id, criterionCode: _code, position: _p, ...rest }) => rest,
    );
    const guarantee = copy.body.items.findIndex((i) => i.criterionCode === 'CARE_GUARANTEE_14D');
    items[guarantee] = { ...items[guarantee], green: { min: 97, max: null } };
    const updated = await patch<MonitoringTerms>(`/api/monitoring-terms/${copy.body.id}`, {
      validFrom: '2025-09-01',
      items,
    });
    expect(updated.status).toBe(200);
    const compare = await get<TermsComparison>(
      `/api/monitoring-terms/${current.body.id}/compare/${copy.body.id}`,
    );
    expect(compare.status).toBe(200);
    expect(compare.body).toEqual({
      from: { id: current.body.id, version: current.body.version },
      to: { id: copy.body.id, version: copy.body.version },
      validFrom: { from: '2024-01-01', to: '2025-09-01' },
      added: [],
      removed: [],
      changed: [
        {
          criterionCode: 'CARE_GUARANTEE_14D',
          fields: [{ field: 'green', from: { min: 95, max: null }, to: { min: 97, max: null } }],
        },
      ],
    });

    // A reporter sees no drafts at all.
    expect((await get(`/api/monitoring-terms/${copy.body.id}`, reporter)).status).toBe(404);
    const reporterList = await get<MonitoringTerms[]>(
      '/api/monitoring-terms?service=HEALTH_STATION_NON_URGENT',
      reporter,
    );
    expect(reporterList.body.map((t) => t.status)).toEqual(['PUBLISHED']);
    const reporterDescriptions = await get<ServiceDescription[]>('/api/service-descriptions', reporter);
    expect(reporterDescriptions.body.some((d) => d.status === 'DRAFT')).toBe(false);

    const published = await post<MonitoringTerms>(`/api/monitoring-terms/${copy.body.id}/publish`);
    expect([published.status, published.body.status]).toEqual([200, 'PUBLISHED']);
    const twice = await post<ErrorBody>(`/api/monitoring-terms/${copy.body.id}/publish`);
    expect([twice.status, twice.body.code]).toEqual([409, 'ALREADY_PUBLISHED']);
    const inForce = (date: string) =>
      get<MonitoringTerms>(`/api/monitoring-terms?service=HEALTH_STATION_NON_URGENT&date=${date}`);
    expect((await inForce('2025-08-31')).body.id).toBe(current.body.id);
    expect((await inForce('2025-09-01')).body.id).toBe(copy.body.id);
    expect((await inForce('2030-01-01')).body.id).toBe(copy.body.id);

    // Another version starting on the same day is refused: one version in force per date.
    const third = await post<MonitoringTerms>(`/api/monitoring-terms/${copy.body.id}/new-version`);
    await patch(`/api/monitoring-terms/${third.body.id}`, { validFrom: '2025-09-01' });
    const clash = await post<ErrorBody>(`/api/monitoring-terms/${third.body.id}/publish`);
    expect([clash.status, clash.body.code]).toEqual([409, 'VALID_FROM_TAKEN']);
    const all = await get<MonitoringTerms[]>('/api/monitoring-terms?service=HEALTH_STATION_NON_URGENT');
    expect(all.body.map((t) => [t.version, t.status])).toEqual([
      [3, 'DRAFT'],
      [2, 'PUBLISHED'],
      [1, 'PUBLISHED'],
    ]);
  });

  it('writes an audit event for every change, in the same transaction', async () => {
    const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
    const events = await call<Page<AuditEventView>>(api, 'GET', '/api/audit-events?pageSize=200', {
      token: admin,
    });
    const actions = new Set(events.body.items.map((e) => e.action));
    for (const action of [
      'catalogue.service_description.create',
      'catalogue.service_description.new_version',
      'catalogue.service_description.publish',
      'catalogue.criterion.create',
      'catalogue.criterion.update',
      'catalogue.terms.create',
      'catalogue.terms.update',
      'catalogue.terms.new_version',
      'catalogue.terms.publish',
    ])
      expect(actions).toContain(action);
    const publish = events.body.items.find((e) => e.action === 'catalogue.terms.publish');
    expect(publish?.before).toMatchObject({ status: 'DRAFT' });
    expect(publish?.after).toMatchObject({ status: 'PUBLISHED' });
  });

  it("keeps organisers apart: Espoo's admin sees none of Helsinki's catalogue", async () => {
    await addSecondOrganiser(api.dataSource);
    const espoo = await signIn(api, ESPOO.admin, ESPOO.password);
    const [helsinkiCriterion] = (await get<Criterion[]>('/api/criteria')).body;
    const [helsinkiService] = (await get<ServiceDescription[]>('/api/service-descriptions')).body;
    const helsinkiTerms = await get<MonitoringTerms>(
      '/api/monitoring-terms?service=HOME_CARE&date=2025-06-01',
    );
    expect((await get<Criterion[]>('/api/criteria', espoo)).body).toEqual([]);
    expect((await get<ServiceDescription[]>('/api/service-descriptions', espoo)).body).toEqual([]);
    expect((await get(`/api/criteria/${helsinkiCriterion.id}`, espoo)).status).toBe(404);
    expect((await get(`/api/service-descriptions/${helsinkiService.id}`, espoo)).status).toBe(404);
    expect((await get(`/api/monitoring-terms/${helsinkiTerms.body.id}`, espoo)).status).toBe(404);
    expect((await get('/api/monitoring-terms?service=HOME_CARE&date=2025-06-01', espoo)).status).toBe(404);
    expect((await patch(`/api/criteria/${helsinkiCriterion.id}`, { decimals: 2 }, espoo)).status).toBe(404);
    // Espoo may use the same code for its own criterion.
    expect((await post('/api/criteria', criterionBody('STAFF_TURNOVER'), espoo)).status).toBe(201);
  });
});
