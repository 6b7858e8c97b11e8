import { AuditEventView, Page, Producer, ProducerDetail, ServiceUnit } from '@sopu/shared';
import { addSecondOrganiser, call, DEMO_ACCOUNTS, ESPOO, signIn, startTestApi, TestApi } from './test-api';

interface ErrorBody {
  code: string;
  fields?: { field: string; problem: string; message: string }[];
}

const HELSINKI = '0201256-6';

function unitBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: { fi: 'Testiyksikkö', sv: 'Testenheten', en: 'Test unit' },
    streetAddress: 'Testikatu 1',
    postalCode: '00100',
    postOffice: 'Helsinki',
    district: 'SOUTHERN',
    languages: ['fi', 'sv'],
    capacity: 30,
    ...overrides,
  };
}

describe('producers and service units', () => {
  let api: TestApi;
  let manager: string;
  let analyst: string;
  let reporter: string;

  beforeAll(async () => {
    api = await startTestApi();
    manager = await signIn(api, DEMO_ACCOUNTS.manager.email);
    analyst = await signIn(api, DEMO_ACCOUNTS.analyst.email);
    reporter = await signIn(api, DEMO_ACCOUNTS.purchased.email);
  });
  afterAll(() => api.close());

  const get = <T>(path: string, token = manager) => call<T>(api, 'GET', path, { token });
  const post = <T>(path: string, body: unknown, token = manager) =>
    call<T>(api, 'POST', path, { token, body });
  const patch = <T>(path: string, body: unknown, token = manager) =>
    call<T>(api, 'PATCH', path, { token, body });

  it('seeds at least 40 producers of all three types, in-house ones with the city ID and a cost centre', async () => {
    const res = await get<Producer[]>('/api/producers');
    expect(res.status).toBe(200);
    expect(res.body.length).toBeGreaterThanOrEqual(40);
    const types = new Set(res.body.map((p) => p.type));
    expect([...types].sort()).toEqual(['PURCHASED_SERVICE', 'SELF_PRODUCED', 'VOUCHER_SERVICE']);
    for (const p of res.body.filter((p) => p.type === 'SELF_PRODUCED')) {
      expect([p.name, p.businessId, Boolean(p.costCentre)]).toEqual([p.name, HELSINKI, true]);
    }
    for (const p of res.body.filter((p) => p.type !== 'SELF_PRODUCED')) {
      expect(p.name).toMatch(/\(fiktiivinen\)$/);
      expect(p.costCentre).toBeNull();
    }
    for (const name of ['Kinaporin', 'Kontulan', 'Riistavuoren', 'Roihuvuoren', 'Syystien', 'Töölön'])
      expect(res.body.map((p) => p.name)).toContain(`${name} seniorikeskus`);
    expect(res.body.every((p) => p.unitCount >= 1)).toBe(true);
  });

  it('filters the registry by type, district and service language', async () => {
    const voucher = await get<Producer[]>('/api/producers?type=VOUCHER_SERVICE');
    expect(voucher.body.length).toBeGreaterThan(0);
    expect(voucher.body.every((p) => p.type === 'VOUCHER_SERVICE')).toBe(true);
    const eastern = await get<Producer[]>('/api/producers?district=EASTERN');
    expect(eastern.body.map((p) => p.name)).toContain('Kontulan seniorikeskus');
    expect(eastern.body.every((p) => p.districts.includes('EASTERN'))).toBe(true);
    const swedish = await get<Producer[]>('/api/producers?language=sv');
    expect(swedish.body.map((p) => p.name)).toContain('Kinaporin seniorikeskus');
    expect(swedish.body.map((p) => p.name)).not.toContain('Kontulan seniorikeskus');
    expect(swedish.body.every((p) => p.languages.includes('sv'))).toBe(true);
    const search = await get<Producer[]>('/api/producers?search=kinapor');
    expect(search.body.map((p) => p.name)).toEqual(['Kinaporin seniorikeskus']);
    const wrong = await get<ErrorBody>('/api/producers?district=ATLANTIS');
    expect([wrong.status, wrong.body.fields?.[0].field]).toEqual([400, 'district']);
  });

  it("shows a reporter only their own producer: another producer's id answers 404, writes 403", async () => {
    const own = await get<Producer[]>('/api/producers', reporter);
    expect(own.body.map((p) => p.name)).toEqual(['Hoivapolku Oy (fiktiivinen)']);
    const detail = await get<ProducerDetail>(`/api/producers/${own.body[0].id}`, reporter);
    expect([detail.status, detail.body.units.length]).toEqual([200, detail.body.unitCount]);
    const [kinapori] = (await get<Producer[]>('/api/producers?search=kinapor')).body;
    expect((await get(`/api/producers/${kinapori.id}`, reporter)).status).toBe(404);
    expect((await get(`/api/producers/${kinapori.id}`, analyst)).status).toBe(200);
    expect((await patch(`/api/producers/${own.body[0].id}`, { contactName: 'Me' }, reporter)).status).toBe(
      403,
    );
    expect((await post(`/api/producers/${own.body[0].id}/units`, unitBody(), reporter)).status).toBe(403);
    expect((await post('/api/producers', { name: 'X', type: 'PURCHASED_SERVICE' }, analyst)).status).toBe(
      403,
    );
  });

  it('checks business IDs: a wrong check digit 400, a foreign ID on an in-house unit 422, the city ID by default', async () => {
    const wrongDigit = await post<ErrorBody>('/api/producers', {
      name: 'Testihoiva Oy',
      type: 'PURCHASED_SERVICE',
      businessId: '1618033-4',
    });
    expect(wrongDigit.status).toBe(400);
    expect(wrongDigit.body.fields?.map((f) => [f.field, f.problem])).toEqual([['businessId', 'businessId']]);
    // The city's own ID with its last digit wrong, answered in the language asked for.
    const cityTypo = await call<ErrorBody>(api, 'POST', '/api/producers', {
      token: manager,
      body: { name: 'Kirjoitusvirhe Oy', type: 'PURCHASED_SERVICE', businessId: '0201256-5' },
      headers: { 'accept-language': 'fi' },
    });
    expect(cityTypo.status).toBe(400);
    expect(cityTypo.body.fields).toEqual([
      {
        field: 'businessId',
        problem: 'businessId',
        message: 'businessId: ei ole kelvollinen Y-tunnus (muoto 1234567-8 ja oikea tarkistusnumero)',
      },
    ]);
    const noId = await post<ErrorBody>('/api/producers', {
      name: 'Testihoiva Oy',
      type: 'PURCHASED_SERVICE',
    });
    expect([noId.status, noId.body.fields?.map((f) => f.field)]).toEqual([422, ['businessId']]);
    const foreign = await post<ErrorBody>('/api/producers', {
      name: 'Testin seniorikeskus',
      type: 'SELF_PRODUCED',
      businessId: '1618033-3',
      costCentre: 'TEST-1',
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.fields?.map((f) => [f.field, f.problem])).toEqual([
      ['businessId', 'ownBusinessIdRequired'],
    ]);
    const inHouse = await post<ProducerDetail>('/api/producers', {
      name: 'Testin seniorikeskus',
      type: 'SELF_PRODUCED',
      costCentre: 'TEST-1',
    });
    expect(inHouse.status).toBe(201);
    expect(inHouse.body).toMatchObject({
      businessId: HELSINKI,
      costCentre: 'TEST-1',
      status: 'ACTIVE',
      units: [],
    });
    const twice = await post<ErrorBody>('/api/producers', {
      name: 'Testin seniorikeskus',
      type: 'SELF_PRODUCED',
      costCentre: 'TEST-2',
    });
    expect([twice.status, twice.body.code]).toEqual([409, 'PRODUCER_NAME_TAKEN']);
    const count: { n: number }[] = await api.dataSource.query(
      `SELECT count(*)::int AS n FROM producer WHERE name = 'Testin seniorikeskus'`,
    );
    expect(count[0].n).toBe(1);
  });

  it('adds and edits service units, refusing a bad postal code and an unknown language', async () => {
    const created = await post<ProducerDetail>('/api/producers', {
      name: 'Yksikkötesti Oy',
      type: 'VOUCHER_SERVICE',
      businessId: '1414213-0',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const bad = await post<ErrorBody>(
      `/api/producers/${id}/units`,
      unitBody({ postalCode: '1000', languages: ['fi', 'de'] }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body.fields?.map((f) => f.field).sort()).toEqual(['languages', 'postalCode']);
    const unit = await post<ServiceUnit>(`/api/producers/${id}/units`, unitBody());
    expect(unit.status).toBe(201);
    expect(unit.body).toMatchObject({
      district: 'SOUTHERN',
      languages: ['fi', 'sv'],
      capacity: 30,
      active: true,
    });
    const moved = await patch<ServiceUnit>(`/api/producers/${id}/units/${unit.body.id}`, {
      district: 'NORTHERN',
      languages: ['sv'],
    });
    expect([moved.status, moved.body.district, moved.body.languages]).toEqual([200, 'NORTHERN', ['sv']]);
    const northern = await get<Producer[]>(
      '/api/producers?district=NORTHERN&language=sv&type=VOUCHER_SERVICE',
    );
    expect(northern.body.map((p) => p.name)).toContain('Yksikkötesti Oy');
    for (const p of northern.body)
      expect([p.type, p.districts.includes('NORTHERN'), p.languages.includes('sv')]).toEqual([
        'VOUCHER_SERVICE',
        true,
        true,
      ]);
    // A unit belongs to its producer: reaching it through another producer's id finds nothing.
    const [kinapori] = (await get<Producer[]>('/api/producers?search=kinapor')).body;
    expect((await patch(`/api/producers/${kinapori.id}/units/${unit.body.id}`, { capacity: 1 })).status).toBe(
      404,
    );

    const admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
    const events = await call<Page<AuditEventView>>(api, 'GET', '/api/audit-events?pageSize=100', {
      token: admin,
    });
    const actions = events.body.items.map((e) => e.action);
    for (const action of ['producers.producer.create', 'producers.unit.create', 'producers.unit.update'])
      expect(actions).toContain(action);
    const update = events.body.items.find((e) => e.action === 'producers.unit.update');
    expect(update?.before).toMatchObject({ district: 'SOUTHERN' });
    expect(update?.after).toMatchObject({ district: 'NORTHERN' });
  });

  it("keeps organisers apart: Espoo's staff never see Helsinki's producers", async () => {
    await addSecondOrganiser(api.dataSource);
    const espoo = await signIn(api, ESPOO.admin, ESPOO.password);
    const [kinapori] = (await get<Producer[]>('/api/producers?search=kinapor')).body;
    expect((await get<Producer[]>('/api/producers', espoo)).body.map((p) => p.name)).toEqual([
      'Espoon kotihoito',
    ]);
    expect((await get(`/api/producers/${kinapori.id}`, espoo)).status).toBe(404);
    expect((await patch(`/api/producers/${kinapori.id}`, { contactName: 'x' }, espoo)).status).toBe(404);
    expect((await post(`/api/producers/${kinapori.id}/units`, unitBody(), espoo)).status).toBe(404);
  });
});
