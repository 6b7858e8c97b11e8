import { randomUUID } from 'node:crypto';
import { AuthUser, Page, Role } from '@sopu/shared';
import {
  addSecondOrganiser,
  Answer,
  call,
  DEMO_ACCOUNTS,
  ESPOO,
  signIn,
  startTestApi,
  TestApi,
} from './test-api';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route the running app really serves, read from the Express router. */
function servedRoutes(api: TestApi): { method: string; path: string }[] {
  const express = api.app.getHttpAdapter().getInstance() as { router: { stack: RouteLayer[] } };
  return express.router.stack
    .filter((layer) => layer.route?.path.startsWith('/api/') && !layer.route.path.startsWith('/api/docs'))
    .flatMap((layer) =>
      Object.keys(layer.route?.methods ?? {}).map((method) => ({
        method: method.toUpperCase(),
        path: layer.route?.path ?? '',
      })),
    );
}

const ALL: readonly Role[] = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST', 'PROVIDER_REPORTER'];
const STAFF: readonly Role[] = ['ADMIN', 'CONTRACT_MANAGER', 'ANALYST'];
const STEERS: readonly Role[] = ['ADMIN', 'CONTRACT_MANAGER'];
const FILLERS: readonly Role[] = ['ADMIN', 'CONTRACT_MANAGER', 'PROVIDER_REPORTER'];
const ADMIN: readonly Role[] = ['ADMIN'];

/** A body no DTO accepts: an allowed caller is stopped by validation (400) after the guard, nothing changes. */
const BOGUS = { notAField: 1 };
/** An id ParseUUIDPipe refuses (400) after the guard, so a write is probed without touching a record. */
const NOT_UUID = 'not-a-uuid';

/** A minimal PDF, recognised from its content as the uploads require. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(400, 32), Buffer.from('\n%%EOF\n')]);

interface Probe {
  /** The path with {placeholders} from the fixture ids (A = the reporter's producer, B = another). */
  url: string;
  body?: unknown;
  raw?: Buffer;
  headers?: Record<string, string>;
}

interface Policy {
  /** The roles the route lets in. Everyone else gets 403. */
  roles: readonly Role[];
  /** Reaches the handler for an allowed caller without changing anything (or harmlessly). */
  probe: Probe;
  /** The allowed callers must get a 2xx from the probe: it uses real ids from the demo data. */
  ok?: true;
  /** A reporter's API token is refused although the role is let in (a person's account, or a token maker). */
  noToken?: true;
  /** The probe ends the caller's session: it is run with a fresh sign-in. */
  fresh?: true;
  /**
   * For routes reporters may call: how producer A's reporter is kept to their own records.
   * `record`: the call on A's record succeeds (a 2xx for reads; for writes past authorization) and the
   * same call on B's record is refused with 403/404. `list`: every row listed is A's.
   * A string: why there is no producer to scope by.
   */
  scope?: { record: Probe } | { list: Probe; producers: (body: unknown) => string[] } | string;
}

const items = (body: unknown) =>
  (Array.isArray(body) ? body : ((body as Page<unknown>).items ?? [])) as Record<string, unknown>[];
const producerIds = (body: unknown) => items(body).map((row) => String(row['producerId']));

/**
 * The declared policy of every served route. A served route missing here, or an entry for a route
 * that is no longer served, fails the test: a new endpoint cannot ship without saying who may call it.
 */
const POLICY: Record<string, Policy> = {
  'GET /api/health': { roles: [], probe: { url: '/api/health' } },
  'POST /api/auth/login': { roles: [], probe: { url: '/api/auth/login', body: BOGUS } },
  'POST /api/auth/logout': {
    roles: ALL,
    probe: { url: '/api/auth/logout' },
    ok: true,
    noToken: true,
    fresh: true,
    scope: "the caller's own session",
  },
  'GET /api/auth/me': {
    roles: ALL,
    probe: { url: '/api/auth/me' },
    ok: true,
    noToken: true,
    scope: 'the caller themself',
  },
  'PATCH /api/auth/me': {
    roles: ALL,
    probe: { url: '/api/auth/me', body: BOGUS },
    noToken: true,
    scope: 'the caller themself',
  },
  'POST /api/auth/password': {
    roles: ALL,
    probe: { url: '/api/auth/password', body: BOGUS },
    noToken: true,
    scope: 'the caller themself',
  },
  'GET /api/users': { roles: ADMIN, probe: { url: '/api/users' }, ok: true },
  'POST /api/users': { roles: ADMIN, probe: { url: '/api/users', body: BOGUS } },
  'PATCH /api/users/:id': { roles: ADMIN, probe: { url: '/api/users/{manager}', body: BOGUS } },
  'POST /api/users/:id/reset-password': {
    roles: ADMIN,
    probe: { url: `/api/users/${NOT_UUID}/reset-password` },
  },
  'GET /api/audit-events': { roles: ADMIN, probe: { url: '/api/audit-events' }, ok: true },
  'POST /api/api-tokens': {
    roles: FILLERS,
    probe: { url: '/api/api-tokens', body: { name: 'matrix probe' } },
    noToken: true,
    scope: 'a reporter always gets a token of their own producer (api-tokens.spec.ts)',
  },
  'GET /api/api-tokens': {
    roles: FILLERS,
    probe: { url: '/api/api-tokens' },
    ok: true,
    scope: { list: { url: '/api/api-tokens?producerId={producerB}' }, producers: producerIds },
  },
  'DELETE /api/api-tokens/:id': {
    roles: FILLERS,
    probe: { url: `/api/api-tokens/${NOT_UUID}` },
    scope: { record: { url: '/api/api-tokens/{spareTokenA}' } },
  },
  'GET /api/producers': {
    roles: ALL,
    probe: { url: '/api/producers' },
    ok: true,
    scope: { list: { url: '/api/producers' }, producers: (body) => items(body).map((p) => String(p['id'])) },
  },
  'GET /api/producers/:id': {
    roles: ALL,
    probe: { url: '/api/producers/{producerA}' },
    ok: true,
    scope: { record: { url: '/api/producers/{producerA}' } },
  },
  'POST /api/producers': { roles: STEERS, probe: { url: '/api/producers', body: BOGUS } },
  'PATCH /api/producers/:id': { roles: STEERS, probe: { url: '/api/producers/{producerA}', body: BOGUS } },
  'POST /api/producers/:id/units': {
    roles: STEERS,
    probe: { url: '/api/producers/{producerA}/units', body: BOGUS },
  },
  'PATCH /api/producers/:id/units/:unitId': {
    roles: STEERS,
    probe: { url: '/api/producers/{producerA}/units/{unitA}', body: BOGUS },
  },
  'GET /api/service-descriptions': {
    roles: ALL,
    probe: { url: '/api/service-descriptions' },
    ok: true,
    scope: "the organiser's catalogue, the same for every producer",
  },
  'GET /api/service-descriptions/:id': {
    roles: ALL,
    probe: { url: '/api/service-descriptions/{serviceDescription}' },
    ok: true,
    scope: "the organiser's catalogue, the same for every producer",
  },
  'GET /api/service-descriptions/:id/versions': {
    roles: ALL,
    probe: { url: '/api/service-descriptions/{serviceDescription}/versions' },
    ok: true,
    scope: "the organiser's catalogue, the same for every producer",
  },
  'POST /api/service-descriptions': {
    roles: STEERS,
    probe: { url: '/api/service-descriptions', body: BOGUS },
  },
  'PATCH /api/service-descriptions/:id': {
    roles: STEERS,
    probe: { url: '/api/service-descriptions/{serviceDescription}', body: BOGUS },
  },
  'POST /api/service-descriptions/:id/publish': {
    roles: STEERS,
    probe: { url: `/api/service-descriptions/${NOT_UUID}/publish` },
  },
  'GET /api/criteria': {
    roles: ALL,
    probe: { url: '/api/criteria' },
    ok: true,
    scope: "the organiser's catalogue, the same for every producer",
  },
  'GET /api/criteria/:id': {
    roles: ALL,
    probe: { url: '/api/criteria/{criterion}' },
    ok: true,
    scope: "the organiser's catalogue, the same for every producer",
  },
  'POST /api/criteria': { roles: STEERS, probe: { url: '/api/criteria', body: BOGUS } },
  'PATCH /api/criteria/:id': { roles: STEERS, probe: { url: '/api/criteria/{criterion}', body: BOGUS } },
  'GET /api/monitoring-terms': {
    roles: ALL,
    probe: { url: '/api/monitoring-terms' },
    ok: true,
    scope: 'published terms are public to the producers that report against them',
  },
  'GET /api/monitoring-terms/:id': {
    roles: ALL,
    probe: { url: '/api/monitoring-terms/{terms}' },
    ok: true,
    scope: 'published terms are public to the producers that report against them',
  },
  'GET /api/monitoring-terms/:id/compare/:otherId': {
    roles: ALL,
    probe: { url: '/api/monitoring-terms/{terms}/compare/{otherTerms}' },
    ok: true,
    scope: 'published terms are public to the producers that report against them',
  },
  'POST /api/monitoring-terms': { roles: STEERS, probe: { url: '/api/monitoring-terms', body: BOGUS } },
  'PATCH /api/monitoring-terms/:id': {
    roles: STEERS,
    probe: { url: '/api/monitoring-terms/{terms}', body: BOGUS },
  },
  'POST /api/monitoring-terms/:id/publish': {
    roles: STEERS,
    probe: { url: `/api/monitoring-terms/${NOT_UUID}/publish` },
  },
  'POST /api/monitoring-terms/:id/new-version': {
    roles: STEERS,
    probe: { url: `/api/monitoring-terms/${NOT_UUID}/new-version` },
  },
  'GET /api/contracts': {
    roles: ALL,
    probe: { url: '/api/contracts' },
    ok: true,
    scope: { list: { url: '/api/contracts?producerId={producerB}' }, producers: producerIds },
  },
  'GET /api/contracts/:id': {
    roles: ALL,
    probe: { url: '/api/contracts/{contractA}' },
    ok: true,
    scope: { record: { url: '/api/contracts/{contractA}' } },
  },
  'GET /api/contracts/:id/history': {
    roles: ALL,
    probe: { url: '/api/contracts/{contractA}/history' },
    ok: true,
    scope: { record: { url: '/api/contracts/{contractA}/history' } },
  },
  'GET /api/contracts/:id/obligations': {
    roles: ALL,
    probe: { url: '/api/contracts/{contractA}/obligations' },
    ok: true,
    scope: { record: { url: '/api/contracts/{contractA}/obligations' } },
  },
  'POST /api/contracts': { roles: STEERS, probe: { url: '/api/contracts', body: BOGUS } },
  'PATCH /api/contracts/:id': { roles: STEERS, probe: { url: '/api/contracts/{contractA}', body: BOGUS } },
  'POST /api/contracts/:id/status': {
    roles: STEERS,
    probe: { url: '/api/contracts/{contractA}/status', body: BOGUS },
  },
  'GET /api/contracts/:id/documents': {
    roles: ALL,
    probe: { url: '/api/contracts/{contractA}/documents' },
    ok: true,
    scope: { record: { url: '/api/contracts/{contractA}/documents' } },
  },
  'POST /api/contracts/:id/documents': {
    roles: STEERS,
    probe: { url: `/api/contracts/${NOT_UUID}/documents?filename=a.pdf` },
  },
  'GET /api/contracts/:id/documents/:documentId': {
    roles: ALL,
    probe: { url: '/api/contracts/{contractA}/documents/{documentA}' },
    ok: true,
    scope: { record: { url: '/api/contracts/{contractA}/documents/{documentA}' } },
  },
  'GET /api/completeness': {
    roles: ALL,
    probe: { url: '/api/completeness' },
    ok: true,
    scope: {
      list: { url: '/api/completeness?groupBy=producer&producerId={producerB}' },
      producers: (body) =>
        items(body).flatMap((row) => (row['producerId'] ? [String(row['producerId'])] : [])),
    },
  },
  'GET /api/benchmarks': {
    roles: ALL,
    probe: { url: '/api/benchmarks?service={serviceA}&producerId={producerA}' },
    ok: true,
    scope:
      "a reporter's benchmark is always their own producer's against anonymous quartiles (checked below)",
  },
  'GET /api/comparisons': {
    roles: STAFF,
    probe: { url: '/api/comparisons?service={serviceA}&from=2024-01&to=2026-12' },
    ok: true,
  },
  'GET /api/reports': {
    roles: ALL,
    probe: { url: '/api/reports' },
    ok: true,
    scope: { list: { url: '/api/reports?producerId={producerB}' }, producers: producerIds },
  },
  'GET /api/reports/:id': {
    roles: ALL,
    probe: { url: '/api/reports/{reportA}' },
    ok: true,
    scope: { record: { url: '/api/reports/{reportA}' } },
  },
  'PUT /api/reports/:id/values': {
    roles: FILLERS,
    probe: { url: '/api/reports/{draftA}/values', body: BOGUS },
    scope: { record: { url: '/api/reports/{draftA}/values', body: { draftVersion: 0, values: {} } } },
  },
  'POST /api/reports/:id/submit': {
    roles: FILLERS,
    probe: { url: `/api/reports/${NOT_UUID}/submit` },
    scope: {
      record: { url: '/api/reports/{draftA}/submit', headers: { 'idempotency-key': 'matrix-submit-1' } },
    },
  },
  'POST /api/reports/:id/review': {
    roles: STEERS,
    probe: { url: '/api/reports/{reportA}/review', body: BOGUS },
  },
  'POST /api/reports/:id/corrections': {
    roles: FILLERS,
    probe: { url: `/api/reports/${NOT_UUID}/corrections` },
    scope: { record: { url: '/api/reports/{reportA}/corrections' } },
  },
  'POST /api/reports/:id/attachments': {
    roles: FILLERS,
    probe: { url: `/api/reports/${NOT_UUID}/attachments?criterion=X&filename=a.pdf` },
    scope: {
      record: { url: '/api/reports/{draftA}/attachments?criterion={criterionA}&filename=a.pdf', raw: PDF },
    },
  },
  'DELETE /api/reports/:id/attachments/:attachmentId': {
    roles: FILLERS,
    probe: { url: `/api/reports/${NOT_UUID}/attachments/${NOT_UUID}` },
    scope: { record: { url: '/api/reports/{draftA}/attachments/{spareAttachmentA}' } },
  },
  'GET /api/reports/:id/attachments/:attachmentId': {
    roles: ALL,
    probe: { url: '/api/reports/{draftA}/attachments/{attachmentA}' },
    ok: true,
    scope: { record: { url: '/api/reports/{draftA}/attachments/{attachmentA}' } },
  },
  'GET /api/reports/:id/revisions/:number': {
    roles: ALL,
    probe: { url: '/api/reports/{reportA}/revisions/1' },
    ok: true,
    scope: { record: { url: '/api/reports/{reportA}/revisions/1' } },
  },
  'GET /api/deviations': {
    roles: ALL,
    probe: { url: '/api/deviations' },
    ok: true,
    scope: { list: { url: '/api/deviations?producerId={producerB}' }, producers: producerIds },
  },
  'GET /api/notifications': {
    roles: ALL,
    probe: { url: '/api/notifications' },
    ok: true,
    scope: { list: { url: '/api/notifications' }, producers: () => [] },
  },
  'POST /api/notifications/read': {
    roles: ALL,
    probe: { url: '/api/notifications/read' },
    ok: true,
    scope: "the caller's own notifications",
  },
  'POST /api/notifications/:id/read': {
    roles: ALL,
    probe: { url: `/api/notifications/${NOT_UUID}/read` },
    scope: { record: { url: '/api/notifications/{notificationA}/read' } },
  },
  'GET /api/corrective-actions': {
    roles: ALL,
    probe: { url: '/api/corrective-actions' },
    ok: true,
    scope: { list: { url: '/api/corrective-actions?producerId={producerB}' }, producers: producerIds },
  },
  'GET /api/corrective-actions/:id': {
    roles: ALL,
    probe: { url: '/api/corrective-actions/{actionA}' },
    ok: true,
    scope: { record: { url: '/api/corrective-actions/{actionA}' } },
  },
  'POST /api/corrective-actions': { roles: STEERS, probe: { url: '/api/corrective-actions', body: BOGUS } },
  'POST /api/corrective-actions/:id/plan': {
    roles: FILLERS,
    probe: { url: '/api/corrective-actions/{actionA}/plan', body: BOGUS },
    scope: {
      record: { url: '/api/corrective-actions/{actionA}/plan', body: { version: 1, plan: 'Matrix plan' } },
    },
  },
  'POST /api/corrective-actions/:id/decision': {
    roles: STEERS,
    probe: { url: '/api/corrective-actions/{actionA}/decision', body: BOGUS },
  },
  'POST /api/corrective-actions/:id/close': {
    roles: STEERS,
    probe: { url: '/api/corrective-actions/{actionA}/close', body: BOGUS },
  },
  'POST /api/corrective-actions/:id/evidence': {
    roles: FILLERS,
    probe: { url: `/api/corrective-actions/${NOT_UUID}/evidence?filename=a.pdf` },
    scope: { record: { url: '/api/corrective-actions/{actionA}/evidence?filename=a.pdf', raw: PDF } },
  },
  'GET /api/corrective-actions/:id/evidence/:evidenceId': {
    roles: ALL,
    probe: { url: '/api/corrective-actions/{actionA}/evidence/{evidenceA}' },
    ok: true,
    scope: { record: { url: '/api/corrective-actions/{actionA}/evidence/{evidenceA}' } },
  },
  'GET /api/report-sheets/template': {
    roles: FILLERS,
    probe: { url: '/api/report-sheets/template?format=csv&producerId={producerA}' },
    ok: true,
    scope: { record: { url: '/api/report-sheets/template?format=csv&reportId={draftA}' } },
  },
  'POST /api/report-sheets/import': {
    roles: FILLERS,
    probe: { url: '/api/report-sheets/import?notAField=1' },
    scope: "rows naming another producer's report are refused as missing (report-sheets.spec.ts)",
  },
};

/** Producer A's record ids under {xA}, producer B's under {xB}, and the organiser's shared ones. */
type Ids = Record<string, string>;

function fill(template: string, ids: Ids): string {
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const id = ids[name];
    if (!id) throw new Error(`no fixture id for {${name}}`);
    return id;
  });
}

/** The same call on producer B's records. */
const foreign = (template: string) => template.replace(/\{(\w+)A\}/g, '{$1B}');

async function send(api: TestApi, method: string, probe: Probe, ids: Ids, token?: string): Promise<Answer> {
  const url = fill(probe.url, ids);
  if (probe.raw) {
    const res = await fetch(`${api.url}${url}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        'content-type': 'application/octet-stream',
        ...probe.headers,
      },
      body: new Uint8Array(probe.raw),
    });
    const text = await res.text();
    return { status: res.status, body: text, headers: res.headers };
  }
  return call(api, method, url, { token, body: probe.body, headers: probe.headers });
}

const refused = (status: number) => status === 403 || status === 404;
const passed = (status: number) => status !== 401 && status !== 403;

describe('authorization matrix', () => {
  let api: TestApi;
  const ids: Ids = {};
  const tokens: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    const q = <T = Record<string, string>>(sql: string, params: unknown[] = []): Promise<T[]> =>
      api.dataSource.query(sql, params);

    for (const [key, account] of Object.entries(DEMO_ACCOUNTS))
      tokens[key] = await signIn(api, account.email);
    const me = async (key: string) =>
      (await call<AuthUser>(api, 'GET', '/api/auth/me', { token: tokens[key] })).body;
    const reporterA = await me('purchased');
    const reporterB = await me('inhouse');
    ids['manager'] = (await me('manager')).id;

    for (const [side, reporter] of [
      ['A', reporterA],
      ['B', reporterB],
    ] as const) {
      const producer = reporter.producerId as string;
      ids[`producer${side}`] = producer;
      const [unit] = await q(`SELECT id FROM service_unit WHERE producer_id = $1 LIMIT 1`, [producer]);
      ids[`unit${side}`] = unit.id;
      const [report] = await q(
        `SELECT id, contract_id, service_code FROM report
          WHERE producer_id = $1 AND status = 'ACCEPTED' AND revision_count >= 1 ORDER BY period_start DESC LIMIT 1`,
        [producer],
      );
      ids[`report${side}`] = report.id;
      ids[`contract${side}`] = report.contract_id;
      ids[`service${side}`] = report.service_code;
      const [draft] = await q(
        `SELECT r.id, r.organiser_id, i.criterion_code FROM report r
           JOIN LATERAL (SELECT c.code AS criterion_code FROM monitoring_terms_item ti
                           JOIN criterion c ON c.id = ti.criterion_id WHERE ti.terms_id = r.terms_id LIMIT 1) i ON true
          WHERE r.producer_id = $1 AND r.status = 'DRAFT' LIMIT 1`,
        [producer],
      );
      ids[`draft${side}`] = draft.id;
      ids[`criterion${side}`] = draft.criterion_code;
      for (const name of ['attachment', 'spareAttachment']) {
        const [attachment] = await q(
          `INSERT INTO report_attachment (organiser_id, report_id, criterion_code, filename, media_type, size, sha256, content)
           VALUES ($1, $2, $3, 'matrix.pdf', 'application/pdf', $4, repeat('0', 64), $5) RETURNING id`,
          [draft.organiser_id, draft.id, draft.criterion_code, PDF.length, PDF],
        );
        ids[`${name}${side}`] = attachment.id;
      }
      const [document] = await q(
        `INSERT INTO contract_document (organiser_id, contract_id, filename, media_type, size, sha256, content)
         VALUES ($1, $2, 'matrix.pdf', 'application/pdf', $3, repeat('0', 64), $4) RETURNING id`,
        [draft.organiser_id, report.contract_id, PDF.length, PDF],
      );
      ids[`document${side}`] = document.id;

      const [deviation] = await q(
        `SELECT d.id FROM deviation d WHERE d.producer_id = $1
            AND NOT EXISTS (SELECT 1 FROM corrective_action a WHERE a.deviation_id = d.id) LIMIT 1`,
        [producer],
      );
      const action = await call<{ id: string }>(api, 'POST', '/api/corrective-actions', {
        token: tokens['manager'],
        body: { deviationId: deviation.id, description: 'Matrix fixture', severity: 'LOW', workingDays: 10 },
      });
      expect(action.status).toBe(201);
      ids[`action${side}`] = action.body.id;
      const [evidence] = await q(
        `INSERT INTO corrective_action_evidence (organiser_id, action_id, filename, media_type, size, sha256, content)
         VALUES ($1, $2, 'matrix.pdf', 'application/pdf', $3, repeat('0', 64), $4) RETURNING id`,
        [draft.organiser_id, action.body.id, PDF.length, PDF],
      );
      ids[`evidence${side}`] = evidence.id;
      const [notification] = await q(`SELECT id FROM notification WHERE user_id = $1 LIMIT 1`, [reporter.id]);
      ids[`notification${side}`] = notification.id;

      const reporterKey = side === 'A' ? 'purchased' : 'inhouse';
      for (const name of ['token', 'spareToken']) {
        const created = await call<{ id: string; token: string }>(api, 'POST', '/api/api-tokens', {
          token: tokens[reporterKey],
          body: { name: `matrix ${name}` },
        });
        expect(created.status).toBe(201);
        ids[`${name}${side}`] = created.body.id;
        if (name === 'token') tokens[`apiToken${side}`] = created.body.token;
      }
    }

    const [sd] = await q(`SELECT id FROM service_description ORDER BY code LIMIT 1`);
    ids['serviceDescription'] = sd.id;
    const [criterion] = await q(`SELECT id FROM criterion ORDER BY code LIMIT 1`);
    ids['criterion'] = criterion.id;
    const [terms, otherTerms] = await q(`SELECT id FROM monitoring_terms ORDER BY id LIMIT 2`);
    ids['terms'] = terms.id;
    ids['otherTerms'] = otherTerms.id;
  }, 120_000);
  afterAll(() => api.close());

  it('declares a policy for every served route and for no route that is not served', () => {
    const served = servedRoutes(api)
      .map((r) => `${r.method} ${r.path}`)
      .sort();
    expect(served.length).toBeGreaterThan(60);
    expect(Object.keys(POLICY).sort()).toEqual(served);
  });

  it('says for every route reporters may call how they are kept to their own producer', () => {
    const unscoped = Object.entries(POLICY)
      .filter(([, policy]) => policy.roles.includes('PROVIDER_REPORTER') && !policy.scope)
      .map(([key]) => key);
    expect(unscoped).toEqual([]);
  });

  it('refuses every route but the public ones to the anonymous with 401', async () => {
    const answers: string[] = [];
    for (const [key, policy] of Object.entries(POLICY)) {
      const [method] = key.split(' ');
      const res = await send(api, method, policy.probe, ids);
      const isPublic = policy.roles.length === 0;
      if (isPublic ? !passed(res.status) : res.status !== 401) answers.push(`${key} -> ${res.status}`);
    }
    expect(answers).toEqual([]);
  });

  it.each([
    ['ADMIN', 'admin'],
    ['CONTRACT_MANAGER', 'manager'],
    ['ANALYST', 'analyst'],
    ['PROVIDER_REPORTER', 'purchased'],
    ['PROVIDER_REPORTER (API token)', 'apiTokenA'],
  ])('lets %s call exactly the routes declared for it', async (label, key) => {
    const role = label.split(' ')[0] as Role;
    const viaToken = key === 'apiTokenA';
    const wrong: string[] = [];
    for (const [route, policy] of Object.entries(POLICY)) {
      if (policy.roles.length === 0) continue;
      const [method] = route.split(' ');
      const allowed = policy.roles.includes(role) && !(viaToken && policy.noToken);
      const token =
        policy.fresh && !viaToken ? await signIn(api, DEMO_ACCOUNTS[key as 'admin'].email) : tokens[key];
      const res = await send(api, method, policy.probe, ids, token);
      const right = allowed
        ? passed(res.status) && (!policy.ok || (res.status >= 200 && res.status < 300))
        : res.status === 403;
      if (!right)
        wrong.push(
          `${route} ${allowed ? 'allowed' : 'refused'} but ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  describe("a reporter of producer A on producer B's records", () => {
    const records = Object.entries(POLICY).flatMap(([route, policy]) =>
      typeof policy.scope === 'object' && 'record' in policy.scope
        ? [{ route, method: route.split(' ')[0], probe: policy.scope.record }]
        : [],
    );
    const lists = Object.entries(POLICY).flatMap(([route, policy]) =>
      typeof policy.scope === 'object' && 'list' in policy.scope ? [{ route, ...policy.scope }] : [],
    );

    it.each([
      ['signed in', 'purchased'],
      ['with an API token', 'apiTokenA'],
    ])('is refused on B and served on A, %s', async (_label, key) => {
      // Each caller takes off an attachment of its own.
      const [spare] = await api.dataSource.query(
        `INSERT INTO report_attachment (organiser_id, report_id, criterion_code, filename, media_type, size, sha256, content)
         SELECT organiser_id, id, $2, 'spare.pdf', 'application/pdf', $3, repeat('0', 64), $4 FROM report WHERE id = $1
         RETURNING id`,
        [ids['draftA'], ids['criterionA'], PDF.length, PDF],
      );
      ids['spareAttachmentA'] = spare.id;
      const wrong: string[] = [];
      for (const { route, method, probe } of records) {
        if (key === 'apiTokenA' && route === 'DELETE /api/api-tokens/:id') continue; // the token is needed below
        const theirs = await send(api, method, { ...probe, url: foreign(probe.url) }, ids, tokens[key]);
        if (!refused(theirs.status)) wrong.push(`${route} on B: ${theirs.status}`);
        const mine = await send(
          api,
          method,
          { ...probe, headers: probe.headers && { 'idempotency-key': `${key}-${randomUUID()}` } },
          ids,
          tokens[key],
        );
        const ok =
          method === 'GET'
            ? mine.status >= 200 && mine.status < 300
            : passed(mine.status) && mine.status !== 404;
        if (!ok) wrong.push(`${route} on A: ${mine.status} ${JSON.stringify(mine.body).slice(0, 160)}`);
      }
      expect(wrong).toEqual([]);
    });

    it.each([
      ['signed in', 'purchased'],
      ['with an API token', 'apiTokenA'],
    ])("lists none of B's records, even when asked for B's, %s", async (_label, key) => {
      const wrong: string[] = [];
      for (const { route, list, producers } of lists) {
        const res = await send(api, 'GET', list, ids, tokens[key]);
        if (refused(res.status)) continue;
        const seen = producers(res.body);
        if (res.status !== 200 || seen.some((producer) => producer !== ids['producerA']))
          wrong.push(`${route}: ${res.status} ${[...new Set(seen)].join(',')}`);
      }
      expect(wrong).toEqual([]);
      // The plain lists hold A's records (the check above is not passing on empty answers alone).
      for (const path of ['/api/reports', '/api/contracts', '/api/corrective-actions', '/api/deviations']) {
        const res = await call(api, 'GET', path, { token: tokens[key] });
        expect(new Set(producerIds(res.body))).toEqual(new Set([ids['producerA']]));
      }
    });

    it('gets their own benchmark whichever producer they name', async () => {
      const own = await call(api, 'GET', fill('/api/benchmarks?service={serviceA}', ids), {
        token: tokens['purchased'],
      });
      expect(own.status).toBe(200);
      const asked = await call(
        api,
        'GET',
        fill('/api/benchmarks?service={serviceA}&producerId={producerB}', ids),
        {
          token: tokens['purchased'],
        },
      );
      if (!refused(asked.status)) expect(asked.body).toEqual(own.body);
    });

    it('sees only their own notifications', async () => {
      const inbox = await call<{ items: { id: string }[] }>(api, 'GET', '/api/notifications', {
        token: tokens['purchased'],
      });
      const listed = inbox.body.items.map((n) => n.id);
      expect(listed).toContain(ids['notificationA']);
      expect(listed).not.toContain(ids['notificationB']);
    });
  });

  describe('the second organiser', () => {
    let espoo: { admin: string; reporter: string };
    beforeAll(async () => {
      await addSecondOrganiser(api.dataSource);
      espoo = {
        admin: await signIn(api, ESPOO.admin, ESPOO.password),
        reporter: await signIn(api, ESPOO.reporter, ESPOO.password),
      };
    });

    const helsinkiReads = () =>
      Object.entries(POLICY).flatMap(([route, policy]) => {
        const [method] = route.split(' ');
        if (method !== 'GET' || !/\{/.test(policy.probe.url)) return [];
        const probe =
          typeof policy.scope === 'object' && 'record' in policy.scope ? policy.scope.record : policy.probe;
        return [
          { route, url: policy.probe.url },
          { route, url: probe.url },
          { route, url: foreign(probe.url) },
        ];
      });

    it.each([
      ['admin', 'admin'],
      ['reporter', 'reporter'],
    ] as const)("never reads one of Helsinki's records (Espoo %s)", async (_label, who) => {
      const wrong: string[] = [];
      for (const { route, url } of helsinkiReads()) {
        if (
          route === 'GET /api/benchmarks' ||
          route === 'GET /api/comparisons' ||
          route === 'GET /api/report-sheets/template'
        )
          continue; // queries, not records: their lists are checked below
        const res = await call(api, 'GET', fill(url, ids), { token: espoo[who] });
        if (!refused(res.status)) wrong.push(`${route} ${url}: ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });

    it("lists none of Helsinki's records to Espoo's admin and reporter", async () => {
      const helsinki = new Set(Object.values(ids));
      const leaks: string[] = [];
      for (const [who, role] of [
        ['admin', 'ADMIN'],
        ['reporter', 'PROVIDER_REPORTER'],
      ] as const) {
        for (const [route, policy] of Object.entries(POLICY)) {
          const [method] = route.split(' ');
          if (method !== 'GET' || /\{/.test(policy.probe.url) || !policy.roles.includes(role)) continue;
          const res = await call(api, 'GET', policy.probe.url, { token: espoo[who] });
          const text = JSON.stringify(res.body);
          const leaked = [...helsinki].filter((id) => id.length >= 32 && text.includes(id));
          if (leaked.length || text.includes('demo.sopu.test'))
            leaks.push(`${who} ${route}: ${leaked.join(',')}`);
        }
      }
      expect(leaks).toEqual([]);
      const benchmark = await call(
        api,
        'GET',
        fill('/api/benchmarks?service={serviceA}&producerId={producerA}', ids),
        {
          token: espoo.admin,
        },
      );
      expect(refused(benchmark.status) || JSON.stringify(benchmark.body) === '[]').toBe(true);
    });

    it("cannot change Helsinki's records", async () => {
      const writes: [string, string, unknown][] = [
        ['PATCH', '/api/producers/{producerA}', { name: 'Espoo was here' }],
        ['PATCH', '/api/producers/{producerA}/units/{unitA}', {}],
        ['POST', '/api/reports/{reportA}/review', { decision: 'ACCEPT' }],
        ['POST', '/api/corrective-actions/{actionA}/close', { version: 1, reason: 'Espoo' }],
        [
          'POST',
          '/api/contracts/{contractA}/status',
          { status: 'TERMINATED', reason: 'Espoo', effectiveDate: '2026-01-01' },
        ],
        ['PATCH', '/api/users/{manager}', { active: false }],
      ];
      const wrong: string[] = [];
      for (const [method, url, body] of writes) {
        const res = await call(api, method, fill(url, ids), { token: espoo.admin, body });
        if (!refused(res.status))
          wrong.push(`${method} ${url}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
      expect(wrong).toEqual([]);
      const still = await call<{ active: boolean }>(api, 'GET', '/api/auth/me', { token: tokens['manager'] });
      expect(still.status).toBe(200);
    });
  });

  it('documents every served route in OpenAPI', async () => {
    const docs = await call<{ paths: Record<string, Record<string, unknown>> }>(api, 'GET', '/api/docs-json');
    expect(docs.status).toBe(200);
    const documented = Object.entries(docs.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    for (const route of servedRoutes(api)) expect(documented).toContain(`${route.method} ${route.path}`);
  });
});
