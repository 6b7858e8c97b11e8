import { Band, ReportDetail, ReportFormItem, ReportValueInput } from '@sopu/shared';
import { call, TestApi } from './test-api';

/** An entry whose measured value is `measured`, in the shape the item's measure type asks for. */
export function entryMeasuring(form: ReportFormItem, measured: number): ReportValueInput {
  const { criterion } = form;
  switch (criterion.measureType) {
    case 'PERCENTAGE':
      return { numerator: String(Math.round(measured * 10)), denominator: '1000' };
    case 'RATE': {
      const multiplier = criterion.rateMultiplier ?? 1;
      return { numerator: String(Math.round(measured * 100)), denominator: String(multiplier * 100) };
    }
    case 'COUNT':
      return { value: String(Math.round(measured)) };
    case 'RATIO':
    case 'DURATION_DAYS':
    case 'CURRENCY_EUR':
      return { value: measured.toFixed(Math.min(criterion.decimals, 2)) };
    case 'SCALE':
      return { value: measured.toFixed(criterion.decimals), respondents: '50' };
    case 'BOOLEAN':
      return { flag: measured >= 0.5 };
    case 'TEXT':
      return { text: 'Toiminta jatkui suunnitellusti.' };
  }
}

function lowest(form: ReportFormItem): number {
  const { criterion } = form;
  if (criterion.measureType === 'SCALE') return criterion.scaleMin ?? 0;
  if (criterion.measureType === 'BOOLEAN') return 0;
  return criterion.minValue ?? 0;
}

function highest(form: ReportFormItem): number {
  const { criterion } = form;
  if (criterion.measureType === 'SCALE') return criterion.scaleMax ?? 10;
  if (criterion.measureType === 'BOOLEAN') return 1;
  if (criterion.measureType === 'PERCENTAGE') return Math.min(criterion.maxValue ?? 100, 100);
  return criterion.maxValue ?? 1000;
}

function inside(band: Band, low: number, high: number): number {
  const min = band.min ?? low;
  const max = band.max ?? high;
  return (Math.max(min, low) + Math.min(max, high)) / 2;
}

/** A value inside the green band (or any allowed value when the item has no bands). */
export function greenEntry(form: ReportFormItem): ReportValueInput {
  const band = form.item.green;
  const low = lowest(form);
  const high = highest(form);
  return entryMeasuring(form, band ? inside(band, low, high) : low);
}

/** A value outside both bands but inside the criterion's bounds, or null where none exists. */
export function redMeasure(form: ReportFormItem): number | null {
  const outer = form.item.amber ?? form.item.green;
  if (!outer || form.criterion.measureType === 'TEXT') return null;
  const low = lowest(form);
  const high = highest(form);
  if (form.criterion.measureType === 'BOOLEAN') return outer.min !== null && outer.min > 0 ? 0 : null;
  if (outer.min !== null && outer.min - 1 >= low) return Math.max(low, outer.min - 1);
  if (outer.max !== null && outer.max + 1 <= high) return Math.min(high, outer.max + 1);
  return null;
}

/** A small but real PDF, as evidence. */
export const EVIDENCE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n% Omavalvontasuunnitelma\n'),
  Buffer.alloc(600, 32),
  Buffer.from('\n%%EOF\n'),
]);

/** Uploads a PDF for every value whose terms require evidence; returns the report as it then is. */
export async function attachEvidence(
  url: string,
  token: string,
  report: ReportDetail,
  filename = 'omavalvontasuunnitelma.pdf',
): Promise<ReportDetail> {
  let current = report;
  for (const form of report.items.filter((f) => f.item.evidenceRequired)) {
    const res = await fetch(
      `${url}/api/reports/${report.id}/attachments?criterion=${form.criterion.code}&filename=${encodeURIComponent(filename)}`,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(EVIDENCE_PDF),
      },
    );
    if (res.status !== 201) throw new Error(`attaching evidence answered ${res.status}: ${await res.text()}`);
    current = (await res.json()) as ReportDetail;
  }
  return current;
}

/**
 * Fills a report with green values and `entryFor(form)` for the criterion `code`, attaches the
 * evidence the terms ask for, and submits it under the key `key-{id}`.
 */
export async function submitReport(
  api: TestApi,
  token: string,
  id: string,
  code: string,
  entryFor: (form: ReportFormItem) => ReportValueInput,
  key: string,
): Promise<void> {
  const report = (await call<ReportDetail>(api, 'GET', `/api/reports/${id}`, { token })).body;
  const values = Object.fromEntries(
    report.items.map((form) => [
      form.criterion.code,
      form.criterion.code === code ? entryFor(form) : greenEntry(form),
    ]),
  );
  const saved = await call<ReportDetail>(api, 'PUT', `/api/reports/${id}/values`, {
    token,
    body: { draftVersion: report.draftVersion, values },
  });
  expect(saved.status).toBe(200);
  await attachEvidence(api.url, token, saved.body);
  const submitted = await call(api, 'POST', `/api/reports/${id}/submit`, {
    token,
    headers: { 'idempotency-key': `${key}-${id}` },
  });
  expect(submitted.status).toBe(201);
}

export async function acceptReport(api: TestApi, token: string, id: string): Promise<void> {
  const accepted = await call(api, 'POST', `/api/reports/${id}/review`, {
    token,
    body: { decision: 'ACCEPT' },
  });
  expect(accepted.status).toBe(200);
}
