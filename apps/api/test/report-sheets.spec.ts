import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { Workbook, Worksheet } from 'exceljs';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  ReportDetail,
  ReportFormItem,
  ReportValueInput,
  SHEET_COLUMNS,
  SheetImportResult,
  SheetProblem,
} from '@sopu/shared';
import { greenEntry } from './report-values';
import { call, DEMO_ACCOUNTS, signIn, startTestApi, TestApi } from './test-api';

interface ErrorBody {
  code: string;
  message: string;
  fields?: { field: string; problem: string; message: string }[];
}

type Row = Record<string, string>;

/** What the server adds to each value of `GET /api/reports/{id}`, beside what was entered. */
const DERIVED = new Set(['criterionCode', 'measured', 'light', 'issues', 'attachments']);
const FORMULA_COMMENT = '=HYPERLINK("x")';

/** What the sheet says for one criterion, as the draft should hold it. */
function entryOfRow(row: Row): ReportValueInput {
  const entry: ReportValueInput = {};
  for (const key of ['value', 'numerator', 'denominator', 'respondents'] as const)
    if (row[key].trim() !== '') entry[key] = row[key].trim();
  if (row['flag'] !== '') entry.flag = row['flag'] === '1';
  if (row['text'] !== '') entry.text = row['text'];
  if (row['not_applicable'] === '1') entry.notApplicable = true;
  if (row['not_applicable_reason'] !== '') entry.notApplicableReason = row['not_applicable_reason'];
  if (row['comment'] !== '') entry.comment = row['comment'];
  return entry;
}

/** A green value written the way a Finnish producer types it: decimals with a comma. */
function fillRow(row: Row, form: ReportFormItem): void {
  const entry = greenEntry(form);
  for (const key of ['value', 'numerator', 'denominator', 'respondents'] as const)
    row[key] = (entry[key] ?? '').replace('.', ',');
  row['flag'] = entry.flag === undefined ? '' : entry.flag ? '1' : '0';
  row['text'] = entry.text ?? '';
  row['not_applicable'] = '';
  row['not_applicable_reason'] = '';
  row['comment'] = '';
}

function sheetRows(sheet: Worksheet): Row[] {
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Row[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Object.fromEntries(headers.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')])));
  });
  return rows;
}

function csvRows(content: Buffer): { headers: string[]; rows: Row[] } {
  const records: string[][] = parse(content, { bom: true, delimiter: ';' });
  const [headers, ...data] = records;
  return { headers, rows: data.map((record) => Object.fromEntries(headers.map((h, i) => [h, record[i]]))) };
}

/** A CSV as a spreadsheet program would save it back (`;`, BOM); neutralised cells keep their `'`. */
function csvOf(headers: readonly string[], rows: Row[], delimiter = ';'): Buffer {
  const text = stringify([headers, ...rows.map((row) => headers.map((h) => row[h] ?? ''))], { delimiter });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
}

describe('report sheets: XLSX and CSV templates and their import as drafts', () => {
  let api: TestApi;
  let manager: string;
  let reporter: string;
  let otherReporter: string;

  beforeAll(async () => {
    api = await startTestApi();
    [manager, reporter, otherReporter] = await Promise.all([
      signIn(api, DEMO_ACCOUNTS.manager.email),
      signIn(api, DEMO_ACCOUNTS.purchased.email),
      signIn(api, DEMO_ACCOUNTS.voucher.email),
    ]);
  });
  afterAll(() => api.close());

  async function template(format: 'csv' | 'xlsx', token = reporter, query = '', language = 'en') {
    const res = await fetch(`${api.url}/api/report-sheets/template?format=${format}${query}`, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': language },
    });
    return { status: res.status, headers: res.headers, content: Buffer.from(await res.arrayBuffer()) };
  }

  async function upload<T = SheetImportResult>(
    body: Buffer,
    dryRun: boolean,
    options: { token?: string; type?: string; language?: string } = {},
  ) {
    const res = await fetch(`${api.url}/api/report-sheets/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${options.token ?? reporter}`,
        'content-type': options.type ?? 'application/octet-stream',
        'accept-language': options.language ?? 'en',
      },
      body: new Uint8Array(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  const detail = async (id: string, token = reporter) =>
    (await call<ReportDetail>(api, 'GET', `/api/reports/${id}`, { token })).body;

  /** The draft version and values of reports, to prove a refused sheet stored nothing. */
  const snapshot = async (ids: string[]) =>
    Promise.all(
      ids.map(async (id) => {
        const report = await detail(id, manager);
        return { id, draftVersion: report.draftVersion, status: report.status, values: report.values };
      }),
    );

  async function xlsxTemplate(token = reporter, query = '', language = 'en') {
    const file = await template('xlsx', token, query, language);
    expect(file.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(file.content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    return workbook;
  }

  async function csvTemplate(token = reporter, query = '') {
    const file = await template('csv', token, query);
    expect(file.status).toBe(200);
    return { ...csvRows(file.content), raw: file.content };
  }

  /** The reporter's open reports as the CSV template lists them, each with its form. */
  async function openReports(token = reporter) {
    const { rows } = await csvTemplate(token);
    const ids = [...new Set(rows.map((row) => row['report_id']))];
    return Promise.all(ids.map((id) => detail(id, token)));
  }

  it('gives a reporter an XLSX of their own open reports: frozen text header, instructions in their language', async () => {
    const workbook = await xlsxTemplate(reporter, '', 'fi');
    const sheet = workbook.getWorksheet('Report') as Worksheet;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SHEET_COLUMNS]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(1).width).toBeGreaterThan(30);
    const rows = sheetRows(sheet);
    expect(rows.length).toBeGreaterThan(0);
    const instructions = workbook.getWorksheet('Instructions') as Worksheet;
    expect(String(instructions.getRow(1).getCell(1).value)).toContain('laaturaportin pohja');

    const own = await openReports();
    const ownIds = new Set(own.map((report) => report.id));
    expect(rows.every((row) => ownIds.has(row['report_id']))).toBe(true);
    expect(own.every((report) => ['EXPECTED', 'DRAFT', 'RETURNED'].includes(report.status))).toBe(true);
    const first = own[0];
    const firstRows = rows.filter((row) => row['report_id'] === first.id);
    expect(firstRows.map((row) => row['criterion_code'])).toEqual(first.items.map((i) => i.criterion.code));
    expect(firstRows[0]).toMatchObject({
      contract_number: first.contractNumber,
      period_start: first.periodStart,
      criterion_name: first.items[0].criterion.name.fi,
      measure_type: first.items[0].criterion.measureType,
    });
    const foreign = await openReports(otherReporter);
    expect(rows.some((row) => foreign.some((report) => report.id === row['report_id']))).toBe(false);

    // Staff name the producer; without one the answer says what is missing.
    const staff = await template('csv', manager);
    expect(staff.status).toBe(400);
    const named = await csvTemplate(manager, `&producerId=${first.producerId}`);
    expect(new Set(named.rows.map((row) => row['report_id']))).toEqual(ownIds);
    expect((await template('csv', reporter, `&reportId=${foreign[0].id}`)).status).toBe(404);
  });

  it('round-trips an XLSX: checked clean, stored exactly as written, formula-like text neutralised on export', async () => {
    const [report] = await openReports();
    const workbook = await xlsxTemplate();
    const sheet = workbook.getWorksheet('Report') as Worksheet;
    const headers = SHEET_COLUMNS as readonly string[];
    const nonApplicable = report.items.find((form) => form.criterion.allowNotApplicable);
    const expected = new Map<string, ReportValueInput>();
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const cells: Row = Object.fromEntries(
        headers.map((h, i) => [h, String(row.getCell(i + 1).value ?? '')]),
      );
      if (cells['report_id'] !== report.id) return;
      const form = report.items.find((f) => f.criterion.code === cells['criterion_code']) as ReportFormItem;
      fillRow(cells, form);
      if (form === nonApplicable) {
        for (const key of ['value', 'numerator', 'denominator', 'respondents', 'flag', 'text'])
          cells[key] = '';
        cells['not_applicable'] = '1';
        cells['not_applicable_reason'] = 'Ei asiakkaita tällä kaudella.';
      } else if (![...expected.values()].some((entry) => entry.comment)) {
        cells['comment'] = FORMULA_COMMENT;
      }
      headers.forEach((h, i) => (row.getCell(i + 1).value = cells[h]));
      expected.set(cells['criterion_code'], entryOfRow(cells));
    });
    expect([...expected.values()].some((entry) => entry.comment === FORMULA_COMMENT)).toBe(true);
    expect([...expected.values()].some((entry) => /,/.test(entry.value ?? ''))).toBe(true);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    const check = await upload(file, true);
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ dryRun: true, format: 'xlsx', stored: false, problems: [] });
    expect((await detail(report.id)).draftVersion).toBe(report.draftVersion);

    const stored = await upload(file, false);
    expect(stored.status).toBe(200);
    expect(stored.body.stored).toBe(true);
    expect(stored.body.reports).toContainEqual({
      reportId: report.id,
      criteria: report.items.length,
      draftVersion: report.draftVersion + 1,
    });

    const after = await detail(report.id);
    expect(after.draftVersion).toBe(report.draftVersion + 1);
    for (const value of after.values) {
      const entry = Object.fromEntries(Object.entries(value).filter(([key]) => !DERIVED.has(key)));
      expect({ [value.criterionCode]: entry }).toEqual({
        [value.criterionCode]: expected.get(value.criterionCode),
      });
    }

    // The next export shows the comment, never as a formula.
    const csv = await csvTemplate();
    const row = csv.rows.find((r) => r['report_id'] === report.id && r['comment'] !== '') as Row;
    expect(row['comment']).toBe(`'${FORMULA_COMMENT}`);
    expect(csv.raw.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const again = (await xlsxTemplate()).getWorksheet('Report') as Worksheet;
    let formulaCell: unknown;
    again.eachRow((r) =>
      r.eachCell((cell) => {
        if (cell.value === FORMULA_COMMENT) formulaCell = cell;
      }),
    );
    expect(formulaCell).toBeDefined();
    expect((formulaCell as { formula?: string }).formula).toBeUndefined();
    expect(typeof (formulaCell as { value: unknown }).value).toBe('string');
  });

  it('round-trips a CSV with `,` between columns and clears a value whose row is emptied', async () => {
    const reports = await openReports();
    const report = reports[1];
    const { headers, rows } = await csvTemplate();
    const mine = rows.filter((row) => row['report_id'] === report.id);
    mine.forEach((row, index) => {
      const form = report.items.find((f) => f.criterion.code === row['criterion_code']) as ReportFormItem;
      fillRow(row, form);
      if (index === 0) row['comment'] = '-huom: laskettu 1.–31. päivä';
    });
    const first = await upload(csvOf(headers, mine, ','), false, { type: 'text/csv' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ format: 'csv', stored: true, problems: [] });
    let after = await detail(report.id);
    for (const row of mine) {
      const value = after.values.find((v) => v.criterionCode === row['criterion_code']);
      expect(value).toMatchObject(entryOfRow(row));
    }
    expect(after.values[0].comment).toBe('-huom: laskettu 1.–31. päivä');

    // Only the first criterion again, emptied: it is cleared, the others keep their values.
    const cleared = { ...mine[0] };
    for (const key of ['value', 'numerator', 'denominator', 'respondents', 'flag', 'text', 'comment'])
      cleared[key] = '';
    const second = await upload(csvOf(headers, [cleared]), false);
    expect(second.status).toBe(200);
    after = await detail(report.id);
    expect(after.draftVersion).toBe(report.draftVersion + 2);
    expect(after.values[0]).not.toHaveProperty('comment');
    expect(after.values[0].numerator ?? after.values[0].value ?? after.values[0].flag).toBeUndefined();
    expect(after.values[1]).toMatchObject(entryOfRow(mine[1]));
  });

  it('describes both routes and the column codes in the OpenAPI document', async () => {
    const docs = await call<{ paths: Record<string, Record<string, { description?: string }>> }>(
      api,
      'GET',
      '/api/docs-json',
    );
    expect(docs.body.paths['/api/report-sheets/template'].get.description).toContain(
      SHEET_COLUMNS.join(', '),
    );
    expect(docs.body.paths['/api/report-sheets/import'].post.description).toContain('one transaction');
  });

  describe('refuses bad sheets with clear messages and stores nothing', () => {
    let ids: string[];
    let headers: string[];
    let rows: Row[];
    let forms: ReportDetail[];

    beforeAll(async () => {
      forms = await openReports();
      ids = forms.map((report) => report.id);
      ({ headers, rows } = await csvTemplate());
      for (const row of rows) {
        const report = forms.find((r) => r.id === row['report_id']) as ReportDetail;
        fillRow(row, report.items.find((f) => f.criterion.code === row['criterion_code']) as ReportFormItem);
      }
    });

    /** Both a dry run and a real import refuse; the reports are as they were. */
    async function refused(file: Buffer, language = 'en'): Promise<SheetProblem[]> {
      const before = await snapshot(ids);
      const check = await upload(file, true, { language });
      expect(check.status).toBe(200);
      expect(check.body.problems.length).toBeGreaterThan(0);
      const commit = await upload<ErrorBody>(file, false, { language });
      expect(commit.status).toBe(400);
      expect(commit.body.code).toBe('SHEET_INVALID');
      expect(commit.body.fields?.length).toBeGreaterThan(0);
      expect(await snapshot(ids)).toEqual(before);
      return check.body.problems;
    }

    it('names missing and unknown columns', async () => {
      const wrong = headers.filter((h) => h !== 'flag').concat('bogus');
      const problems = await refused(csvOf(wrong, rows));
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ row: 1, column: 'flag', problem: 'missingColumn' }),
          expect.objectContaining({ row: 1, column: 'bogus', problem: 'unknownColumn' }),
        ]),
      );
    });

    it('names a text in a number column by row and column, in the caller’s language', async () => {
      const bad = rows.map((row) => ({ ...row }));
      const index = bad.findIndex((row) => row['value'] !== '' || row['numerator'] !== '');
      const column = bad[index]['value'] !== '' ? 'value' : 'numerator';
      bad[index][column] = 'paljon';
      const problems = await refused(csvOf(headers, bad), 'fi');
      expect(problems).toEqual([{ row: index + 2, column, problem: 'notNumber', message: 'on oltava luku' }]);
    });

    it('treats a report of another producer exactly like a missing one', async () => {
      const [foreign] = await openReports(otherReporter);
      const theirs = { ...rows[0], report_id: foreign.id, criterion_code: foreign.items[0].criterion.code };
      const invented = { ...rows[0], report_id: randomUUID() };
      const problems = await refused(csvOf(headers, [...rows, theirs, invented]));
      expect(problems).toEqual([
        { row: rows.length + 2, column: 'report_id', problem: 'notFound', message: 'was not found' },
        { row: rows.length + 3, column: 'report_id', problem: 'notFound', message: 'was not found' },
      ]);
      expect((await detail(foreign.id, manager)).draftVersion).toBe(foreign.draftVersion);
    });

    it('refuses a duplicated row, naming the first one', async () => {
      const problems = await refused(csvOf(headers, [...rows, rows[2]]));
      expect(problems).toEqual([
        expect.objectContaining({ row: rows.length + 2, column: 'criterion_code', problem: 'duplicateRow' }),
      ]);
      expect(problems[0].message).toBe('repeats the report and criterion of row 4: keep one row for each');
    });

    it('stores all reports or none: one bad report stops the good one', async () => {
      const good = rows.filter((row) => row['report_id'] === ids[0]);
      const bad = rows.filter((row) => row['report_id'] === ids[1]).map((row) => ({ ...row }));
      const target = bad.find((row) => row['numerator'] !== '') ?? bad[0];
      target['numerator'] = '3,5';
      const problems = await refused(csvOf(headers, [...good, ...bad]));
      expect(problems.length).toBeGreaterThan(0);
      expect(problems.every((p) => p.row > good.length + 1)).toBe(true);
    });

    it('refuses values for a report that was submitted, with the plain reason', async () => {
      const report = forms[0];
      const draft = await detail(report.id);
      const values = Object.fromEntries(report.items.map((form) => [form.criterion.code, greenEntry(form)]));
      expect(
        (
          await call(api, 'PUT', `/api/reports/${report.id}/values`, {
            token: reporter,
            body: { draftVersion: draft.draftVersion, values },
          })
        ).status,
      ).toBe(200);
      const submitted = await call(api, 'POST', `/api/reports/${report.id}/submit`, {
        token: reporter,
        headers: { 'idempotency-key': `sheet-test-${randomUUID()}` },
      });
      expect(submitted.status).toBe(201);
      const problems = await refused(
        csvOf(
          headers,
          rows.filter((row) => row['report_id'] === report.id),
        ),
      );
      expect(problems[0]).toMatchObject({
        column: 'report_id',
        problem: 'reportAwaitingReview',
        message: 'is locked: the report has been submitted and is waiting for review',
      });
    });

    it('answers 413 to a 10 MB upload and 415 to binary junk, storing nothing', async () => {
      const before = await snapshot(ids);
      const huge = await upload<ErrorBody>(randomBytes(10 * 1024 * 1024), false);
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('BODY_TOO_LARGE');
      const junk = await upload<ErrorBody>(randomBytes(4096), false);
      expect(junk.status).toBe(415);
      expect(junk.body).toMatchObject({ code: 'UNSUPPORTED_SHEET' });
      expect(junk.body.message).toContain('XLSX');
      const fakeZip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), randomBytes(2048)]);
      expect((await upload<ErrorBody>(fakeZip, true)).status).toBe(415);
      expect(await snapshot(ids)).toEqual(before);
    });
  });
});
