import type { Page, ReportDetail, ReportObligation } from '@sopu/shared';
import { attachEvidence, greenEntry, EVIDENCE_PDF } from './report-values';
import {
  acceptableTexts,
  FieldKind,
  Hostile,
  hostileBodies,
  hostileQueryValues,
  refusedFor,
  TYPED_NUMBERS,
  UNKNOWN_ID,
} from './hostile-corpus';
import {
  addSecondOrganiser,
  call,
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  ESPOO,
  signIn,
  startTestApi,
  TestApi,
} from './test-api';

/**
 * Hostile input on every write route: each case answers 4xx with a JSON error that has a message,
 * never 5xx and never a hang, and the database stays as it was (row counts and a checksum of every
 * table). Free texts that are legitimately accepted (HTML, formulas, emoji…) run apart and must come
 * back verbatim.
 */

type Who = 'anonymous' | 'manager' | 'admin' | 'analyst' | 'reporterA' | 'reporterB';

interface Template {
  who: Who;
  /** Valid values of the path parameters. */
  params?: Record<string, string>;
  /** Ids of another producer's or organiser's records, per path parameter or body field. */
  foreign?: Record<string, string[]>;
  /** A valid JSON body; null: the route reads none. */
  body: Record<string, unknown> | null;
  /** A raw upload instead of JSON (its query parameters are the fields). */
  upload?: { query: Record<string, string>; content: Buffer; contentType?: string; hostile: Hostile[] };
  /** Fields (dotted, array elements as `.0`) that take any text. */
  freeText?: string[];
  /** Fields that hold a number as text (a finite JSON number is accepted too). */
  numberText?: string[];
  /** Fields that take any finite number, so negatives and fractions are valid. */
  anyNumber?: string[];
  /** Fields for which null is a valid value. */
  nullable?: string[];
  /** Fields that may be left out. */
  optional?: string[];
  /** The route is a partial update: leaving a field out is valid. */
  partial?: boolean;
  /** Fields whose hostile value would be accepted for another reason (e.g. any password). */
  skip?: string[];
  headers?: Record<string, string>;
  /** Reads the valid body as it is now, where it carries a version that moves on every change. */
  fresh?: () => Promise<Record<string, unknown>>;
}

/** Tables that change on a refused request, and why. */
const CHANGING_TABLES: Record<string, string> = {
  login_failure: 'a refused sign-in is counted against the address and account (throttling)',
};

const HOSTILE_PARAMS: Hostile[] = [
  { label: 'not a uuid', raw: 'not-a-uuid' },
  { label: 'SQL in the id', raw: encodeURIComponent("1' OR '1'='1") },
  { label: 'NUL in the id', raw: '%00' },
  { label: 'unknown id', raw: UNKNOWN_ID },
  { label: 'invalid percent-encoding', raw: '%E0%A4%A' },
];

describe('hostile input on every write route', () => {
  let api: TestApi;
  const tokens: Partial<Record<Who, string>> = {};
  let templates: Record<string, Template>;

  async function checksums(): Promise<Record<string, string>> {
    const tables: { table_name: string }[] = await api.dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const sums: Record<string, string> = {};
    for (const { table_name: table } of tables) {
      if (table in CHANGING_TABLES) continue;
      const [row] = await api.dataSource.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum FROM "${table}" t`,
      );
      sums[table] = `${row.n} rows, ${row.sum}`;
    }
    return sums;
  }

  async function send(
    method: string,
    path: string,
    who: Who,
    body: string | Buffer | undefined,
    contentType = 'application/json',
    headers: Record<string, string> = {},
  ): Promise<{ status: number; text: string; type: string }> {
    const all: Record<string, string> = { ...headers };
    const token = tokens[who];
    if (token) all['authorization'] = `Bearer ${token}`;
    if (body !== undefined) all['content-type'] = contentType;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(`${api.url}${path}`, {
          method,
          headers: all,
          body: body === undefined ? undefined : typeof body === 'string' ? body : new Uint8Array(body),
          signal: AbortSignal.timeout(15_000),
        });
        return { status: res.status, text: await res.text(), type: res.headers.get('content-type') ?? '' };
      } catch (error) {
        // A kept-alive socket the server has just closed fails once; a hang (timeout) never retries.
        if (attempt === 1 && (error as Error).name !== 'TimeoutError') continue;
        return { status: 0, text: `no answer: ${String(error)}`, type: '' };
      }
    }
  }

  /** The problem with an answer that should be a refusal, or null when it is one. */
  function refusalProblem(answer: { status: number; text: string; type: string }): string | null {
    if (answer.status < 400 || answer.status >= 500) return `${answer.status} ${answer.text.slice(0, 300)}`;
    if (!answer.type.includes('application/json'))
      return `${answer.status} not JSON: ${answer.text.slice(0, 200)}`;
    const error = JSON.parse(answer.text) as {
      statusCode?: number;
      code?: string;
      message?: string;
      fields?: { field?: string; problem?: string; message?: string }[];
    };
    if (error.statusCode !== answer.status || !error.code || !error.message)
      return `${answer.status} error without statusCode, code or message: ${answer.text.slice(0, 200)}`;
    if (error.fields?.some((f) => !f.field || !f.problem || !f.message))
      return `${answer.status} field without field, problem or message: ${answer.text.slice(0, 200)}`;
    return null;
  }

  function pathOf(route: string, params: Record<string, string>): string {
    return route.replace(/:(\w+)/g, (_m, name: string) => params[name] ?? UNKNOWN_ID);
  }

  function withQuery(path: string, query: Record<string, string>): string {
    const search = new URLSearchParams(query).toString();
    return search ? `${path}?${search}` : path;
  }

  /** Every leaf and inner field of a body, as dotted paths with the value there. */
  function fieldsOf(value: unknown, prefix = ''): [string, unknown][] {
    if (value === null || typeof value !== 'object') return [];
    const entries = Array.isArray(value)
      ? value.slice(0, 1).map((v, i) => [String(i), v] as const)
      : Object.entries(value);
    return entries.flatMap(([key, v]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      return [[path, v] as [string, unknown], ...fieldsOf(v, path)];
    });
  }

  const MARK = '\u0001hostile\u0001';

  /** The valid body as JSON text with the field at `path` replaced by `raw` (or left out). */
  function mutated(body: Record<string, unknown>, path: string, raw: string | null): string {
    const copy = structuredClone(body) as Record<string, unknown>;
    const keys = path.split('.');
    let at: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) at = at[key] as Record<string, unknown>;
    const last = keys[keys.length - 1];
    if (raw === null) {
      if (Array.isArray(at)) at.splice(Number(last), 1);
      else delete at[last];
      return JSON.stringify(copy);
    }
    at[last] = MARK;
    return JSON.stringify(copy).replace(JSON.stringify(MARK), raw);
  }

  function kindOf(template: Template, path: string, value: unknown): FieldKind {
    if (Array.isArray(value)) return 'array';
    if (value !== null && typeof value === 'object') return 'object';
    if (typeof value === 'boolean') return 'bool';
    if (typeof value === 'number') return template.anyNumber?.includes(path) ? 'number' : 'int';
    const text = String(value);
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)) return 'id';
    if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'date';
    if (template.numberText?.includes(path)) return 'numberText';
    return template.freeText?.includes(path) ? 'text' : 'pattern';
  }

  interface Case {
    label: string;
    path: string;
    body?: string | Buffer;
    contentType?: string;
  }

  /** Every case that must be refused for one route. */
  function refusedCases(route: string, template: Template): Case[] {
    const [method, pattern] = route.split(' ');
    const params = template.params ?? {};
    const validPath = pathOf(pattern, params);
    const cases: Case[] = [];
    const validBody = template.body === null ? undefined : JSON.stringify(template.body);
    const upload = template.upload;
    const bodyFor = (): string | Buffer | undefined => (upload ? upload.content : validBody);
    const typeFor = upload?.contentType ?? (upload ? 'application/octet-stream' : 'application/json');

    for (const name of Object.keys(params)) {
      const hostile = [
        ...HOSTILE_PARAMS,
        ...(template.foreign?.[name] ?? []).map((id, i) => ({ label: `foreign id ${i + 1}`, raw: id })),
      ];
      for (const value of hostile)
        cases.push({
          label: `:${name} = ${value.label}`,
          path: withQuery(pathOf(pattern, { ...params, [name]: value.raw }), upload?.query ?? {}),
          body: bodyFor(),
          contentType: typeFor,
        });
    }

    if (upload) {
      for (const [name, valid] of Object.entries(upload.query)) {
        const kind = template.freeText?.includes(name) ? 'text' : 'pattern';
        const values = hostileQueryValues(kind).map((h) => ({ ...h, value: JSON.parse(h.raw) as string }));
        const missing =
          template.partial || template.optional?.includes(name) ? [] : [{ label: 'missing', value: null }];
        for (const value of [...values, ...missing]) {
          const query = { ...upload.query };
          if (value.value === null) delete query[name];
          else query[name] = value.value;
          if (value.value === valid) continue;
          cases.push({
            label: `?${name} = ${value.label}`,
            path: withQuery(validPath, query),
            body: upload.content,
            contentType: typeFor,
          });
        }
      }
      for (const content of upload.hostile)
        cases.push({
          label: `content: ${content.label}`,
          path: withQuery(validPath, upload.query),
          body: content.raw,
          contentType: typeFor,
        });
      return cases;
    }

    for (const body of hostileBodies(validBody ?? '{}')) {
      // A route that reads no body ignores a well-formed one; only what the parser refuses counts.
      if (template.body === null && !['malformed JSON', 'NaN literal', 'body over 1 MB'].includes(body.label))
        continue;
      // A partial update without fields is a valid update of nothing.
      if (template.partial && (body.label === 'empty body' || body.label.startsWith('valid JSON sent as')))
        continue;
      cases.push({
        label: `body: ${body.label}`,
        path: validPath,
        body: body.raw,
        contentType: body.contentType,
      });
    }
    if (!template.body) return cases;

    for (const [field, value] of fieldsOf(template.body)) {
      // A null in the valid body says nothing of the field's type; sv and en are the same DTO as fi.
      if (template.skip?.includes(field) || value === null || /\.(sv|en)$/.test(field)) continue;
      const kind = kindOf(template, field, value);
      const hostile = refusedFor(kind, value, `${route} ${field}`, {
        nullable: template.nullable?.includes(field) ?? false,
        foreignIds: template.foreign?.[field] ?? [],
      });
      const element = /\.\d+$/.test(field);
      if (
        !template.partial &&
        !element &&
        !template.nullable?.includes(field) &&
        !template.optional?.includes(field)
      )
        cases.push({ label: `${field} missing`, path: validPath, body: mutated(template.body, field, null) });
      for (const h of hostile)
        cases.push({
          label: `${field} = ${h.label}`,
          path: validPath,
          body: mutated(template.body, field, h.raw),
        });
    }
    void method;
    return cases;
  }

  beforeAll(async () => {
    api = await startTestApi();
    const espoo = await addSecondOrganiser(api.dataSource);
    tokens.manager = await signIn(api, DEMO_ACCOUNTS.manager.email);
    tokens.admin = await signIn(api, DEMO_ACCOUNTS.admin.email);
    tokens.reporterA = await signIn(api, DEMO_ACCOUNTS.inhouse.email);
    tokens.reporterB = await signIn(api, DEMO_ACCOUNTS.purchased.email);
    const espooAdmin = await signIn(api, ESPOO.admin, ESPOO.password);
    const get = async <T>(path: string, who: Who): Promise<T> => {
      const res = await call<T>(api, 'GET', path, { token: tokens[who] });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      return res.body;
    };
    const post = async <T>(path: string, who: Who, body: unknown): Promise<T> => {
      const res = await call<T>(api, 'POST', path, { token: tokens[who], body });
      if (res.status >= 300)
        throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
      return res.body;
    };

    const producerA = (await get<{ producerId: string }>('/api/auth/me', 'reporterA')).producerId;
    const producerB = (await get<{ producerId: string }>('/api/auth/me', 'reporterB')).producerId;
    const unitB = (await get<{ units: { id: string }[] }>(`/api/producers/${producerB}`, 'manager')).units[0]
      .id;
    const users = await get<{ items?: { id: string; email: string }[] } | { id: string; email: string }[]>(
      '/api/users?pageSize=200',
      'admin',
    );
    const userList = Array.isArray(users) ? users : (users.items ?? []);
    const analystId = userList.find((u) => u.email === DEMO_ACCOUNTS.analyst.email)?.id ?? UNKNOWN_ID;
    const espooUsers = await call<{ items?: { id: string }[] } | { id: string }[]>(api, 'GET', '/api/users', {
      token: espooAdmin,
    });
    const espooUserIds = (
      Array.isArray(espooUsers.body) ? espooUsers.body : (espooUsers.body.items ?? [])
    ).map((u) => u.id);
    const homeCare = await get<{ id: string }>(
      '/api/monitoring-terms?service=HOME_CARE&date=2025-06-01',
      'manager',
    );

    const text = (fi: string) => ({ fi, sv: `${fi} (sv)`, en: `${fi} (en)` });
    const description = (code: string) => ({
      code,
      area: 'OLDER_PEOPLE',
      outputUnit: 'CARE_DAY',
      name: text('Vihamielinen palvelu'),
      description: text('Kuvaus'),
      inclusions: text('Sisältää'),
      targetGroup: text('Kohderyhmä'),
    });
    const draftDescription = await post<{ id: string }>(
      '/api/service-descriptions',
      'manager',
      description('HOSTILE_DRAFT'),
    );
    const base = await post<{ id: string }>(
      '/api/service-descriptions',
      'manager',
      description('HOSTILE_BASE'),
    );
    await post(`/api/service-descriptions/${base.id}/publish`, 'manager', {});
    const draftTerms = await post<{ id: string }>('/api/monitoring-terms', 'manager', {
      serviceCode: 'HOSTILE_BASE',
    });
    const criterionBody = (code: string) => ({
      code,
      measureType: 'PERCENTAGE',
      direction: 'HIGHER_IS_BETTER',
      decimals: 1,
      unit: text('%'),
      name: text('Vihamielinen osuus'),
      definition: text('Määritelmä'),
      interpretation: text('Suurempi on parempi'),
      numeratorDefinition: text('Osoittaja'),
      denominatorDefinition: text('Nimittäjä'),
      minValue: 0,
      maxValue: 100,
    });
    const criterion = await post<{ id: string }>('/api/criteria', 'manager', criterionBody('HOSTILE_SHARE'));
    const contractBody = (number: string) => ({
      number,
      title: 'Vihamielinen sopimus',
      producerId: producerB,
      kind: 'PURCHASE_CONTRACT',
      validFrom: '2027-01-01',
      validTo: '2027-12-31',
      reportingDueDays: 15,
      services: [
        { serviceCode: 'HOME_CARE', termsId: homeCare.id, unitPrice: '52.40', estimatedVolume: '1000' },
      ],
    });
    const contract = await post<{ id: string }>('/api/contracts', 'manager', contractBody('HOSTILE-1'));
    const token = await post<{ id: string }>('/api/api-tokens', 'reporterA', {
      name: 'Vihamielinen järjestelmä',
    });

    const reportsOf = async (who: Who, status: string) =>
      (await get<Page<ReportObligation>>(`/api/reports?status=${status}&pageSize=500`, who)).items.sort(
        (a, b) => a.periodStart.localeCompare(b.periodStart),
      );
    const [draftA] = await reportsOf('reporterA', 'EXPECTED');
    const [draftB] = await reportsOf('reporterB', 'EXPECTED');
    const [submitted] = await reportsOf('manager', 'SUBMITTED');
    const [acceptedA] = await reportsOf('reporterA', 'ACCEPTED');
    const [acceptedB] = await reportsOf('reporterB', 'ACCEPTED');
    const detailA = await get<ReportDetail>(`/api/reports/${draftA.id}`, 'reporterA');
    const evidenceCode = detailA.items[0].criterion.code;
    const upload = await fetch(
      `${api.url}/api/reports/${draftA.id}/attachments?criterion=${evidenceCode}&filename=perusta.pdf`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.reporterA}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(EVIDENCE_PDF),
      },
    );
    const afterUpload = await attachEvidence(
      api.url,
      tokens.reporterA ?? '',
      (await upload.json()) as ReportDetail,
    );
    const attachmentId = /"id":"([0-9a-f-]{36})","filename":"perusta\.pdf"/.exec(
      JSON.stringify(afterUpload),
    )?.[1];
    if (!attachmentId) throw new Error(`no attachment in ${JSON.stringify(afterUpload).slice(0, 500)}`);
    const values = Object.fromEntries(
      afterUpload.items.map((form) => [form.criterion.code, greenEntry(form)]),
    );

    // Corrective actions on deviations of producers A and B: one to open, one open, one with a plan.
    const deviations = (
      await get<Page<{ id: string; producerId: string; status: string; correctiveActionId: string | null }>>(
        '/api/deviations?pageSize=500',
        'manager',
      )
    ).items.filter(
      (d) =>
        d.status === 'OPEN' &&
        !d.correctiveActionId &&
        (d.producerId === producerA || d.producerId === producerB),
    );
    if (deviations.length < 4)
      throw new Error(`the demo data has ${deviations.length} deviations without an action`);
    const ownerOf = (producerId: string): Who => (producerId === producerA ? 'reporterA' : 'reporterB');
    const openAction = (deviationId: string) =>
      post<{ id: string; version: number; producerId: string }>('/api/corrective-actions', 'manager', {
        deviationId,
        description: 'Korjatkaa.',
        severity: 'HIGH',
        workingDays: 10,
      });
    const open = await openAction(deviations[1].id);
    const planned = await openAction(deviations[2].id);
    const plannedNow = await post<{ version: number }>(
      `/api/corrective-actions/${planned.id}/plan`,
      ownerOf(planned.producerId),
      { version: planned.version, plan: 'Suunnitelma.' },
    );
    const foreignAction = await openAction(deviations[3].id);
    const openOwner = ownerOf(open.producerId);
    const otherOwner: Who = openOwner === 'reporterA' ? 'reporterB' : 'reporterA';
    const inbox = await get<{ items: { id: string }[] }>('/api/notifications', openOwner);
    const otherInbox = await get<{ items: { id: string }[] }>('/api/notifications', otherOwner);
    const reviewCode = (await get<ReportDetail>(`/api/reports/${submitted.id}`, 'manager')).items[0].criterion
      .code;
    const versionOf = async (id: string) =>
      (await get<{ version: number }>(`/api/corrective-actions/${id}`, 'manager')).version;
    const sheet = await fetch(`${api.url}/api/report-sheets/template?format=csv&reportId=${draftA.id}`, {
      headers: { authorization: `Bearer ${tokens.reporterA}` },
    });
    if (sheet.status !== 200) throw new Error(`the sheet template answered ${sheet.status}`);
    const sheetContent = Buffer.from(await sheet.arrayBuffer());

    templates = {
      'POST /api/auth/login': {
        who: 'anonymous',
        body: { email: DEMO_ACCOUNTS.voucher.email, password: DEMO_PASSWORD },
        skip: ['password'],
      },
      'PATCH /api/auth/me': {
        who: 'analyst',
        body: { language: 'sv', displayName: 'Analyytikko' },
        freeText: ['displayName'],
        partial: true,
      },
      'POST /api/users': {
        who: 'admin',
        body: {
          email: 'hostile.new@demo.sopu.test',
          displayName: 'Uusi',
          role: 'PROVIDER_REPORTER',
          producerId: producerB,
          language: 'fi',
        },
        freeText: ['displayName'],
        foreign: { producerId: [espoo.producerId] },
      },
      'PATCH /api/users/:id': {
        who: 'admin',
        params: { id: analystId },
        foreign: { id: espooUserIds },
        body: { displayName: 'Analyytikko', role: 'ANALYST', language: 'fi', active: true },
        freeText: ['displayName'],
        partial: true,
      },
      'POST /api/users/:id/reset-password': {
        who: 'admin',
        params: { id: analystId },
        foreign: { id: espooUserIds },
        body: null,
      },
      'POST /api/api-tokens': {
        who: 'manager',
        body: { name: 'Järjestelmä', producerId: producerB },
        freeText: ['name'],
        foreign: { producerId: [espoo.producerId] },
      },
      'DELETE /api/api-tokens/:id': { who: 'reporterA', params: { id: token.id }, body: null },
      'POST /api/producers': {
        who: 'manager',
        body: {
          name: 'Vihamielinen Oy',
          type: 'PURCHASED_SERVICE',
          businessId: '1618033-3',
          costCentre: null,
          contactName: 'Yhteys',
          contactEmail: 'yhteys@example.fi',
          contactPhone: '+358 9 123',
          status: 'ACTIVE',
        },
        freeText: ['name', 'contactName', 'contactPhone'],
        nullable: ['businessId', 'costCentre', 'contactName', 'contactEmail', 'contactPhone'],
        optional: ['status'],
      },
      'PATCH /api/producers/:id': {
        who: 'manager',
        params: { id: producerB },
        foreign: { id: [espoo.producerId] },
        body: { name: 'Lähihoiva', contactName: 'Yhteys', status: 'ACTIVE' },
        freeText: ['name', 'contactName'],
        nullable: ['contactName'],
        partial: true,
      },
      'POST /api/producers/:id/units': {
        who: 'manager',
        params: { id: producerB },
        foreign: { id: [espoo.producerId] },
        body: {
          name: text('Toimipiste'),
          streetAddress: 'Kinaporinkatu 9',
          postalCode: '00500',
          postOffice: 'Helsinki',
          district: 'SOUTHERN',
          languages: ['fi', 'sv'],
          capacity: 40,
        },
        freeText: ['name.fi', 'name.sv', 'name.en', 'streetAddress', 'postOffice'],
        nullable: ['capacity'],
      },
      'PATCH /api/producers/:id/units/:unitId': {
        who: 'manager',
        params: { id: producerB, unitId: unitB },
        foreign: { id: [espoo.producerId, producerA] },
        body: { streetAddress: 'Kinaporinkatu 9', capacity: 40, active: true },
        freeText: ['streetAddress'],
        nullable: ['capacity'],
        partial: true,
      },
      'POST /api/contracts': {
        who: 'manager',
        body: contractBody('HOSTILE-2'),
        freeText: ['title'],
        foreign: { producerId: [espoo.producerId] },
        nullable: ['validTo'],
        optional: ['services'],
      },
      'PATCH /api/contracts/:id': {
        who: 'manager',
        params: { id: contract.id },
        body: { title: 'Vihamielinen sopimus', validTo: '2027-12-31', reportingDueDays: 20 },
        freeText: ['title'],
        nullable: ['validTo'],
        partial: true,
      },
      'POST /api/contracts/:id/status': {
        who: 'manager',
        params: { id: contract.id },
        body: { status: 'ACTIVE', reason: 'Alkaa', effectiveDate: '2027-01-01' },
        freeText: ['reason'],
      },
      'POST /api/contracts/:id/documents': {
        who: 'manager',
        params: { id: contract.id },
        body: {},
        upload: { query: { filename: 'sopimus.pdf' }, content: EVIDENCE_PDF, hostile: FILE_CONTENTS },
        freeText: ['filename'],
      },
      'POST /api/criteria': {
        who: 'manager',
        body: criterionBody('HOSTILE_NEW'),
        freeText: [
          'unit.fi',
          'unit.sv',
          'unit.en',
          'name.fi',
          'name.sv',
          'name.en',
          'definition.fi',
          'definition.sv',
          'definition.en',
          'interpretation.fi',
          'interpretation.sv',
          'interpretation.en',
          'numeratorDefinition.fi',
          'numeratorDefinition.sv',
          'numeratorDefinition.en',
          'denominatorDefinition.fi',
          'denominatorDefinition.sv',
          'denominatorDefinition.en',
        ],
        anyNumber: ['minValue', 'maxValue'],
        nullable: ['numeratorDefinition', 'denominatorDefinition', 'minValue', 'maxValue'],
        optional: ['decimals'],
      },
      'PATCH /api/criteria/:id': {
        who: 'manager',
        params: { id: criterion.id },
        body: { name: text('Vihamielinen osuus'), minValue: 0, maxValue: 100 },
        freeText: ['name.fi', 'name.sv', 'name.en'],
        anyNumber: ['minValue', 'maxValue'],
        nullable: ['minValue', 'maxValue'],
        partial: true,
      },
      'POST /api/service-descriptions': {
        who: 'manager',
        body: description('HOSTILE_NEW'),
        freeText: [
          'name.fi',
          'name.sv',
          'name.en',
          'description.fi',
          'description.sv',
          'description.en',
          'inclusions.fi',
          'inclusions.sv',
          'inclusions.en',
          'targetGroup.fi',
          'targetGroup.sv',
          'targetGroup.en',
        ],
      },
      'PATCH /api/service-descriptions/:id': {
        who: 'manager',
        params: { id: draftDescription.id },
        body: { name: text('Vihamielinen palvelu'), outputUnit: 'CARE_DAY' },
        freeText: ['name.fi', 'name.sv', 'name.en'],
        partial: true,
      },
      'POST /api/service-descriptions/:id/publish': {
        who: 'manager',
        params: { id: draftDescription.id },
        body: null,
      },
      'POST /api/monitoring-terms': { who: 'manager', body: { serviceCode: 'HOSTILE_DRAFT' } },
      'PATCH /api/monitoring-terms/:id': {
        who: 'manager',
        params: { id: draftTerms.id },
        body: {
          validFrom: '2027-01-01',
          items: [
            {
              criterionId: criterion.id,
              required: true,
              target: 95,
              green: { min: 90, max: null },
              amber: { min: 80, max: null },
              frequency: 'MONTHLY',
              evidenceRequired: false,
              note: text('Huomio'),
            },
          ],
        },
        freeText: ['items.0.note.fi', 'items.0.note.sv', 'items.0.note.en'],
        anyNumber: [
          'items.0.target',
          'items.0.green.min',
          'items.0.amber.min',
          'items.0.green.max',
          'items.0.amber.max',
        ],
        nullable: [
          'validFrom',
          'items.0.target',
          'items.0.green',
          'items.0.amber',
          'items.0.green.min',
          'items.0.amber.min',
          'items.0.green.max',
          'items.0.amber.max',
          'items.0.note',
        ],
        partial: true,
      },
      'POST /api/monitoring-terms/:id/publish': { who: 'manager', params: { id: draftTerms.id }, body: null },
      'POST /api/monitoring-terms/:id/new-version': {
        who: 'manager',
        params: { id: homeCare.id },
        body: null,
      },
      'PUT /api/reports/:id/values': {
        who: 'reporterA',
        params: { id: draftA.id },
        foreign: { id: [draftB.id, acceptedB?.id ?? UNKNOWN_ID] },
        body: { draftVersion: afterUpload.draftVersion, values },
        fresh: async () => ({
          draftVersion: (await get<ReportDetail>(`/api/reports/${draftA.id}`, 'reporterA')).draftVersion,
          values,
        }),
        freeText: Object.keys(values).flatMap((code) => [`values.${code}.text`, `values.${code}.comment`]),
        numberText: Object.keys(values).flatMap((code) =>
          ['value', 'numerator', 'denominator', 'respondents'].map((field) => `values.${code}.${field}`),
        ),
        // A null entry field is a cleared one, as in the form.
        nullable: Object.keys(values).flatMap((code) =>
          ['value', 'numerator', 'denominator', 'respondents', 'flag', 'text'].map(
            (field) => `values.${code}.${field}`,
          ),
        ),
        partial: true,
      },
      'POST /api/reports/:id/submit': {
        who: 'reporterA',
        params: { id: draftA.id },
        foreign: { id: [draftB.id] },
        body: null,
        headers: { 'idempotency-key': 'hostile-submit' },
      },
      'POST /api/reports/:id/review': {
        who: 'manager',
        params: { id: submitted.id },
        body: { decision: 'RETURN', comment: 'Täydennä.', valueComments: { [reviewCode]: 'Tarkista.' } },
        freeText: ['comment', `valueComments.${reviewCode}`],
        nullable: ['comment'],
        optional: ['valueComments', `valueComments.${reviewCode}`],
      },
      'POST /api/reports/:id/corrections': {
        who: 'reporterA',
        params: { id: acceptedA?.id ?? UNKNOWN_ID },
        foreign: { id: [acceptedB?.id ?? UNKNOWN_ID] },
        body: null,
      },
      'POST /api/reports/:id/attachments': {
        who: 'reporterA',
        params: { id: draftA.id },
        foreign: { id: [draftB.id] },
        body: {},
        upload: {
          query: { criterion: evidenceCode, filename: 'liite.pdf' },
          content: EVIDENCE_PDF,
          hostile: FILE_CONTENTS,
        },
        freeText: ['filename'],
      },
      'DELETE /api/reports/:id/attachments/:attachmentId': {
        who: 'reporterA',
        params: { id: draftA.id, attachmentId },
        foreign: { id: [draftB.id] },
        body: null,
      },
      'POST /api/notifications/read': { who: 'reporterA', body: null },
      'POST /api/notifications/:id/read': {
        who: openOwner,
        params: { id: inbox.items[0]?.id ?? UNKNOWN_ID },
        foreign: { id: otherInbox.items.slice(0, 1).map((n) => n.id) },
        body: null,
      },
      'POST /api/report-sheets/import': {
        who: 'reporterA',
        body: {},
        upload: {
          query: { dryRun: 'false' },
          content: sheetContent,
          contentType: 'text/csv',
          hostile: SHEET_CONTENTS,
        },
        optional: ['dryRun'],
      },
      'POST /api/corrective-actions': {
        who: 'manager',
        body: { deviationId: deviations[0].id, description: 'Korjatkaa.', severity: 'HIGH', workingDays: 10 },
        freeText: ['description'],
      },
      'POST /api/corrective-actions/:id/plan': {
        who: openOwner,
        params: { id: open.id },
        foreign: { id: [foreignAction.producerId === open.producerId ? UNKNOWN_ID : foreignAction.id] },
        body: { version: open.version, plan: 'Suunnitelma.' },
        fresh: async () => ({ version: await versionOf(open.id), plan: 'Suunnitelma.' }),
        freeText: ['plan'],
      },
      'POST /api/corrective-actions/:id/decision': {
        who: 'manager',
        params: { id: planned.id },
        body: { version: plannedNow.version, decision: 'REJECT', comment: 'Tarkenna.' },
        fresh: async () => ({
          version: await versionOf(planned.id),
          decision: 'REJECT',
          comment: 'Tarkenna.',
        }),
        freeText: ['comment'],
        nullable: ['comment'],
      },
      'POST /api/corrective-actions/:id/close': {
        who: 'manager',
        params: { id: open.id },
        body: { version: open.version, reason: 'Korjattu.' },
        fresh: async () => ({ version: await versionOf(open.id), reason: 'Korjattu.' }),
        freeText: ['reason'],
        nullable: ['reason'],
      },
      'POST /api/corrective-actions/:id/evidence': {
        who: openOwner,
        params: { id: open.id },
        body: {},
        upload: { query: { filename: 'näyttö.pdf' }, content: EVIDENCE_PDF, hostile: FILE_CONTENTS },
        freeText: ['filename'],
      },
      'POST /api/auth/password': {
        who: 'reporterB',
        body: { currentPassword: 'Sopu-demo-2026!', newPassword: 'A-new-password-2026' },
        skip: ['currentPassword', 'newPassword'],
      },
      'POST /api/auth/logout': { who: 'admin', body: null },
    };
    tokens.analyst = await signIn(api, DEMO_ACCOUNTS.analyst.email);
  }, 300_000);
  afterAll(() => api?.close());

  function writeRoutes(): string[] {
    interface Layer {
      route?: { path: string; methods: Record<string, boolean> };
    }
    const express = api.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
    return express.router.stack
      .filter((layer) => layer.route?.path.startsWith('/api/'))
      .flatMap((layer) =>
        Object.keys(layer.route?.methods ?? {})
          .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
          .map((m) => `${m.toUpperCase()} ${layer.route?.path}`),
      );
  }

  it('has a valid body and a corpus for every write route the app serves', () => {
    const served = writeRoutes();
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((route) => !(route in templates))).toEqual([]);
    expect(Object.keys(templates).filter((route) => !served.includes(route))).toEqual([]);
  });

  it('refuses every hostile case with 4xx and a message, and leaves the database as it was', async () => {
    const before = await checksums();
    const problems: string[] = [];
    let count = 0;
    for (const [route, template] of Object.entries(templates)) {
      const [method] = route.split(' ');
      for (const c of refusedCases(route, template)) {
        count++;
        const answer = await send(method, c.path, template.who, c.body, c.contentType, template.headers);
        const problem = refusalProblem(answer);
        if (problem) problems.push(`${route} ${c.label}: ${problem}`);
      }
    }
    console.log(`hostile input: ${count} refused cases on ${Object.keys(templates).length} routes`);
    expect(problems).toEqual([]);
    expect(await checksums()).toEqual(before);
  }, 600_000);

  /** Whether some string in the answer is exactly `text`. */
  function echoes(value: unknown, text: string): boolean {
    const stack = [value];
    while (stack.length > 0) {
      const item = stack.pop();
      if (item === text) return true;
      if (item !== null && typeof item === 'object') stack.push(...Object.values(item));
    }
    return false;
  }

  it('keeps HTML, SQL, formulas, emoji and invisible characters in free texts verbatim, or refuses them with a message', async () => {
    const problems: string[] = [];
    let accepted = 0;
    let count = 0;
    for (const [route, template] of Object.entries(templates)) {
      // Partial updates only: each leaves the record valid for the next, and nothing moves on.
      if (!template.partial || !template.body) continue;
      const [method, pattern] = route.split(' ');
      for (const [field] of fieldsOf(template.body)) {
        // sv and en are the same DTO as fi.
        if (/\.(sv|en)$/.test(field)) continue;
        const texts = template.freeText?.includes(field)
          ? acceptableTexts(`${route} ${field}`)
          : template.numberText?.includes(field)
            ? [...TYPED_NUMBERS, ...acceptableTexts(`${route} ${field}`).slice(0, 4)]
            : [];
        for (const text of texts) {
          count++;
          const body = template.fresh ? await template.fresh() : template.body;
          const answer = await send(
            method,
            pathOf(pattern, template.params ?? {}),
            template.who,
            mutated(body, field, text.raw),
          );
          const value = JSON.parse(text.raw) as string;
          if (answer.status >= 200 && answer.status < 300) {
            accepted++;
            if (!answer.type.includes('application/json') || !echoes(JSON.parse(answer.text), value))
              problems.push(`${route} ${field} = ${text.label}: accepted but not returned verbatim`);
          } else {
            const problem = refusalProblem(answer);
            if (problem) problems.push(`${route} ${field} = ${text.label}: ${problem}`);
          }
        }
      }
    }
    console.log(`hostile input: ${accepted} of ${count} free-text cases accepted and returned verbatim`);
    expect(problems).toEqual([]);
    expect(accepted).toBeGreaterThan(count / 2);
  }, 300_000);

  it('accepts every valid body the corpus starts from, so each refusal was the hostile value’s doing', async () => {
    const FIRST = ['POST /api/report-sheets/import'];
    const LAST = [
      'POST /api/reports/:id/submit',
      'POST /api/corrective-actions/:id/close',
      'POST /api/auth/password',
      'POST /api/auth/logout',
    ];
    const rank = (route: string) =>
      FIRST.includes(route) ? -1 : LAST.includes(route) ? LAST.indexOf(route) + 1 : 0;
    const keys = Object.keys(templates);
    const order = [...keys].sort((a, b) => rank(a) - rank(b) || keys.indexOf(a) - keys.indexOf(b));
    const problems: string[] = [];
    for (const route of order) {
      const template = templates[route];
      const [method, pattern] = route.split(' ');
      const path = withQuery(pathOf(pattern, template.params ?? {}), template.upload?.query ?? {});
      const body = template.upload
        ? template.upload.content
        : template.body === null
          ? undefined
          : JSON.stringify(template.fresh ? await template.fresh() : template.body);
      const type = template.upload
        ? (template.upload.contentType ?? 'application/octet-stream')
        : 'application/json';
      const answer = await send(method, path, template.who, body, type, template.headers);
      if (answer.status < 200 || answer.status >= 300)
        problems.push(`${route}: ${answer.status} ${answer.text.slice(0, 300)}`);
    }
    expect(problems).toEqual([]);
  }, 120_000);
});

/** File contents an upload must refuse: neither PDF, DOCX nor XLSX. */
const FILE_CONTENTS: Hostile[] = [
  { label: 'JSON text', raw: '{"a":1}' },
  { label: 'empty file', raw: '' },
  { label: 'HTML page', raw: '<html><script>alert(1)</script></html>' },
  { label: 'ZIP header and garbage', raw: 'PK\u0003\u0004' + 'x'.repeat(200) },
  { label: 'PDF magic only', raw: '%PDF' },
];

/** Sheets an import must refuse: garbage, broken ZIP, NUL bytes, formulas in unknown columns. */
const SHEET_CONTENTS: Hostile[] = [
  { label: 'empty file', raw: '' },
  { label: 'ZIP header and garbage', raw: 'PK\u0003\u0004' + 'x'.repeat(200) },
  { label: 'NUL bytes', raw: 'a;b\u0000;c\n\u0000\u0000' },
  { label: 'formulas', raw: '=CMD();+1;-1;@SUM(A1)\n=HYPERLINK("x");1;2;3\n' },
  { label: 'HTML', raw: '<html><body>x</body></html>' },
  { label: 'deep quotes', raw: '"'.repeat(10_000) },
  { label: '10,000 columns', raw: Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(';') },
];
