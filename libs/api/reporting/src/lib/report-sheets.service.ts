import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, FindOptionsWhere, In, LessThanOrEqual } from 'typeorm';
import {
  FieldProblem,
  fieldMessage,
  Language,
  MeasureType,
  ReportFormItem,
  ReportValueInput,
  SHEET_COLUMNS,
  SHEET_ENTRY_COLUMNS,
  SHEET_KEY_COLUMNS,
  SheetColumn,
  SheetImportResult,
  SheetProblem,
  validateValue,
  ValueField,
} from '@sopu/shared';
import { AuthContext, DomainError, FieldIssue } from '@sopu/api/platform';
import { helsinkiToday } from './obligations-job';
import { ReportEntity } from './report.entity';
import { normaliseValues } from './report-values';
import { ReadSheet, readSheet, SheetRow, writeCsv, writeXlsx } from './report-sheets.codec';
import { SheetTemplateQueryDto } from './report-sheets.dto';
import { ReportWorkService } from './report-work.service';

/** Reports whose draft a producer may still fill (the period must also have begun). */
const OPEN_STATUSES = ['EXPECTED', 'DRAFT', 'RETURNED'] as const;
const MAX_LISTED = 1000;
/** Each report costs a locked read; a year of monthly reports for many services stays far below. */
const MAX_REPORTS = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type EntryColumn = (typeof SHEET_ENTRY_COLUMNS)[number];
type EntryField = Exclude<keyof ReportValueInput, undefined>;

const FIELD_OF_COLUMN: Record<EntryColumn, EntryField> = {
  value: 'value',
  numerator: 'numerator',
  denominator: 'denominator',
  respondents: 'respondents',
  flag: 'flag',
  text: 'text',
  not_applicable: 'notApplicable',
  not_applicable_reason: 'notApplicableReason',
  comment: 'comment',
};
const COLUMN_OF_FIELD = Object.fromEntries(
  Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, column]),
) as Record<EntryField, EntryColumn>;

/** The value columns each measure type fills; a value in another one is a mistake worth naming. */
const VALUE_COLUMNS: Record<MeasureType, readonly EntryColumn[]> = {
  PERCENTAGE: ['numerator', 'denominator'],
  RATE: ['numerator', 'denominator'],
  COUNT: ['value'],
  RATIO: ['value'],
  DURATION_DAYS: ['value'],
  CURRENCY_EUR: ['value'],
  SCALE: ['value', 'respondents'],
  BOOLEAN: ['flag'],
  TEXT: ['text'],
};
const TYPED_COLUMNS = ['value', 'numerator', 'denominator', 'respondents', 'text'] as const;

/** Yes and no as people write them in Finnish, Swedish and English (the template writes 1 and 0). */
const YES = new Set(['1', 'yes', 'true', 'kyllä', 'kylla', 'ja']);
const NO = new Set(['0', 'no', 'false', 'ei', 'nej']);

function yesNo(text: string | undefined): boolean | null | 'invalid' {
  const word = (text ?? '').trim().toLowerCase();
  if (word === '') return null;
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return 'invalid';
}

interface Finding {
  row: number;
  column: string | null;
  problem: FieldProblem;
  params?: Record<string, string | number>;
}

interface Planned {
  report: ReportEntity;
  values: Record<string, ReportValueInput>;
  criteria: number;
}

interface Examined {
  problems: Finding[];
  warnings: Finding[];
  planned: Planned[];
}

export interface SheetFile {
  filename: string;
  mediaType: string;
  content: Buffer;
}

/** The spreadsheet column letter of a 1-based column number (28 → AB). */
function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Findings in reading order: by row, then by the column's place in the template. */
function byPlace(findings: Finding[]): Finding[] {
  const place = (column: string | null) => {
    const index = column === null ? -1 : (SHEET_COLUMNS as readonly string[]).indexOf(column);
    return index < 0 && column !== null ? SHEET_COLUMNS.length : index;
  };
  return [...findings].sort((a, b) => a.row - b.row || place(a.column) - place(b.column));
}

/**
 * Spreadsheet templates of a producer's open reports, and their import back as drafts. The import
 * checks every row first and stores all reports' drafts in one transaction, or nothing.
 */
@Injectable()
export class ReportSheetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly work: ReportWorkService,
  ) {}

  async template(auth: AuthContext, query: SheetTemplateQueryDto, language: Language): Promise<SheetFile> {
    const em = this.dataSource.manager;
    const reports = await this.openReports(em, auth, query);
    const numbers = await this.contractNumbers(
      em,
      reports.map((report) => report.contractId),
    );
    const forms = new Map<string, Promise<ReportFormItem[]>>();
    const rows: Record<SheetColumn, string>[] = [];
    for (const report of reports) {
      const key = `${report.termsId}/${report.periodType}`;
      if (!forms.has(key)) forms.set(key, this.work.formItems(em, report));
      for (const { criterion } of (await forms.get(key)) ?? []) {
        const entry: ReportValueInput = report.draft[criterion.code] ?? {};
        rows.push({
          report_id: report.id,
          contract_number: numbers.get(report.contractId) ?? '',
          service_code: report.serviceCode,
          period_start: report.periodStart,
          period_end: report.periodEnd,
          due_date: report.dueDate,
          criterion_code: criterion.code,
          criterion_name: criterion.name[language] || criterion.name.fi,
          measure_type: criterion.measureType,
          unit: criterion.unit[language] || criterion.unit.fi,
          value: entry.value ?? '',
          numerator: entry.numerator ?? '',
          denominator: entry.denominator ?? '',
          respondents: entry.respondents ?? '',
          flag: entry.flag === true ? '1' : entry.flag === false ? '0' : '',
          text: entry.text ?? '',
          not_applicable: entry.notApplicable ? '1' : '',
          not_applicable_reason: entry.notApplicableReason ?? '',
          comment: entry.comment ?? '',
        });
      }
    }
    const name = `sopu-reports-${helsinkiToday()}`;
    return query.format === 'xlsx'
      ? {
          filename: `${name}.xlsx`,
          mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: await writeXlsx(rows, language),
        }
      : { filename: `${name}.csv`, mediaType: 'text/csv; charset=utf-8', content: writeCsv(rows) };
  }

  /** The caller's reports that can be filled now, oldest period first. */
  private async openReports(
    em: EntityManager,
    auth: AuthContext,
    query: SheetTemplateQueryDto,
  ): Promise<ReportEntity[]> {
    const where: FindOptionsWhere<ReportEntity> = {
      organiserId: auth.organiserId,
      status: In([...OPEN_STATUSES]),
      periodStart: LessThanOrEqual(helsinkiToday()),
    };
    if (query.reportId) {
      // Answers 404 for a report the caller may not see, exactly like a missing one.
      await this.work.reportFor(em, auth, query.reportId);
      where.id = query.reportId;
    }
    if (auth.role === 'PROVIDER_REPORTER') {
      if (!auth.producerId) return [];
      where.producerId = auth.producerId;
    } else if (query.producerId) where.producerId = query.producerId;
    else if (!query.reportId)
      throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'producerId', problem: 'required' }]);
    if (query.service) where.serviceCode = query.service;
    return em.find(ReportEntity, {
      where,
      order: { periodStart: 'ASC', serviceCode: 'ASC', id: 'ASC' },
    });
  }

  private async contractNumbers(em: EntityManager, ids: string[]): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows: { id: string; number: string }[] = await em.query(
      `SELECT id, number FROM contract WHERE id IN (${unique.map((_, i) => `$${i + 1}`).join(', ')})`,
      unique,
    );
    return new Map(rows.map((row) => [row.id, row.number]));
  }

  /**
   * Reads and checks the sheet; with `dryRun` false stores every report's draft in one
   * transaction, and with any problem refuses the whole sheet (400 SHEET_INVALID) storing nothing.
   */
  async import(
    auth: AuthContext,
    content: Buffer,
    dryRun: boolean,
    language: Language,
  ): Promise<SheetImportResult> {
    const sheet = await readSheet(content);
    if (dryRun) {
      const examined = await this.examine(this.dataSource.manager, auth, sheet, false);
      return this.result(sheet, examined, language, { dryRun: true, stored: false });
    }
    return this.dataSource.transaction(async (em) => {
      const examined = await this.examine(em, auth, sheet, true);
      if (examined.problems.length > 0) {
        const fields: FieldIssue[] = examined.problems.slice(0, MAX_LISTED).map((finding) => ({
          field: finding.column ? `row ${finding.row}, ${finding.column}` : `row ${finding.row}`,
          problem: finding.problem,
          ...(finding.params ? { params: finding.params } : {}),
        }));
        throw new DomainError('SHEET_INVALID', { count: examined.problems.length }, fields);
      }
      for (const { report, values } of examined.planned)
        await this.work.storeDraft(em, auth, report, values, 'SHEET');
      return this.result(sheet, examined, language, { dryRun: false, stored: true });
    });
  }

  private result(
    sheet: ReadSheet,
    examined: Examined,
    language: Language,
    outcome: { dryRun: boolean; stored: boolean },
  ): SheetImportResult {
    const say = (finding: Finding): SheetProblem => ({
      row: finding.row,
      column: finding.column,
      problem: finding.problem,
      message: fieldMessage(finding.problem, language, finding.params),
    });
    return {
      dryRun: outcome.dryRun,
      format: sheet.format,
      rows: sheet.rows.length,
      stored: outcome.stored,
      reports: examined.planned.map(({ report, criteria }) => ({
        reportId: report.id,
        criteria,
        draftVersion: outcome.stored ? report.draftVersion + 1 : null,
      })),
      problems: examined.problems.slice(0, MAX_LISTED).map(say),
      warnings: examined.warnings.slice(0, MAX_LISTED).map(say),
      truncated: examined.problems.length > MAX_LISTED || examined.warnings.length > MAX_LISTED,
    };
  }

  /** Every problem of the sheet, and the draft each report would get. Locks the reports when asked. */
  private async examine(
    em: EntityManager,
    auth: AuthContext,
    sheet: ReadSheet,
    lock: boolean,
  ): Promise<Examined> {
    const problems: Finding[] = [];
    const warnings: Finding[] = [];
    const planned: Planned[] = [];

    const known = new Set<string>(SHEET_COLUMNS);
    const seenHeaders = new Set<string>();
    sheet.headers.forEach((header, index) => {
      const column = header === '' ? columnLetter(index + 1) : header;
      if (header !== '' && !known.has(header)) problems.push({ row: 1, column, problem: 'unknownColumn' });
      else if (header !== '' && seenHeaders.has(header))
        problems.push({ row: 1, column, problem: 'duplicate' });
      seenHeaders.add(header);
    });
    const missing = [...SHEET_KEY_COLUMNS, ...SHEET_ENTRY_COLUMNS].filter(
      (column) => !seenHeaders.has(column),
    );
    for (const column of missing) problems.push({ row: 1, column, problem: 'missingColumn' });
    if (sheet.broken) problems.push({ row: sheet.broken.row, column: null, problem: 'invalid' });
    // Without every column the rows cannot be read as the producer meant them.
    if (missing.length > 0) return { problems, warnings, planned };
    if (sheet.rows.length === 0 && !sheet.broken) problems.push({ row: 1, column: null, problem: 'noRows' });

    const byReport = new Map<string, SheetRow[]>();
    const firstRowOf = new Map<string, number>();
    for (const row of sheet.rows) {
      for (const column of row.formulas) problems.push({ row: row.row, column, problem: 'formula' });
      for (const column of row.extra)
        problems.push({ row: row.row, column: columnLetter(column), problem: 'unknownColumn' });
      const id = (row.cells['report_id'] ?? '').trim().toLowerCase();
      const code = (row.cells['criterion_code'] ?? '').trim();
      if (id === '') problems.push({ row: row.row, column: 'report_id', problem: 'required' });
      else if (!UUID.test(id)) problems.push({ row: row.row, column: 'report_id', problem: 'notFound' });
      if (code === '') problems.push({ row: row.row, column: 'criterion_code', problem: 'required' });
      if (id === '' || !UUID.test(id) || code === '') continue;
      const key = `${id}/${code}`;
      const first = firstRowOf.get(key);
      if (first !== undefined) {
        problems.push({
          row: row.row,
          column: 'criterion_code',
          problem: 'duplicateRow',
          params: { row: first },
        });
        continue;
      }
      if (!byReport.has(id) && byReport.size >= MAX_REPORTS) {
        problems.push({
          row: row.row,
          column: 'report_id',
          problem: 'tooManyReports',
          params: { max: MAX_REPORTS },
        });
        break;
      }
      firstRowOf.set(key, row.row);
      const group = byReport.get(id);
      if (group) group.push(row);
      else byReport.set(id, [row]);
    }

    // Locked in one order, so two imports of overlapping sheets cannot deadlock.
    for (const id of [...byReport.keys()].sort()) {
      const rows = byReport.get(id) ?? [];
      const report = await this.work.reportFor(em, auth, id, lock).catch((error: unknown) => {
        if (error instanceof DomainError && error.code === 'NOT_FOUND') return null;
        throw error;
      });
      if (!report) {
        for (const row of rows) problems.push({ row: row.row, column: 'report_id', problem: 'notFound' });
        continue;
      }
      const locked = this.lockProblem(report);
      if (locked) {
        for (const row of rows) problems.push({ row: row.row, column: 'report_id', problem: locked });
        continue;
      }
      const items = new Map(
        (await this.work.formItems(em, report)).map((item) => [item.criterion.code, item] as const),
      );
      const values: Record<string, ReportValueInput> = { ...report.draft };
      for (const row of rows) {
        const code = (row.cells['criterion_code'] ?? '').trim();
        const item = items.get(code);
        if (!item) {
          problems.push({ row: row.row, column: 'criterion_code', problem: 'unknownCriterion' });
          continue;
        }
        const entry = this.entryOf(row, item, problems, warnings);
        if (entry === null) delete values[code];
        else if (entry !== undefined) values[code] = entry;
      }
      planned.push({ report, values, criteria: rows.length });
    }
    return { problems: byPlace(problems), warnings: byPlace(warnings), planned };
  }

  /** The plain reason a report cannot take values now, by the same rule as a save from the form. */
  private lockProblem(report: ReportEntity): FieldProblem | null {
    try {
      this.work.assertEditable(report);
      return null;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'REPORT_AWAITING_REVIEW') return 'reportAwaitingReview';
      if (error.code === 'REPORT_ACCEPTED') return 'reportAccepted';
      if (error.code === 'REPORT_NOT_OPEN') return 'reportNotOpen';
      throw error;
    }
  }

  /**
   * The entry a row gives its criterion: null clears it (every entry cell empty), undefined when the
   * row has problems (recorded in `problems`).
   */
  private entryOf(
    row: SheetRow,
    form: ReportFormItem,
    problems: Finding[],
    warnings: Finding[],
  ): ReportValueInput | null | undefined {
    const { criterion, item } = form;
    const at = (column: string, problem: FieldProblem, params?: Record<string, string | number>) =>
      problems.push({ row: row.row, column, problem, ...(params ? { params } : {}) });
    const before = problems.length;
    const cell = (column: EntryColumn) => row.cells[column] ?? '';
    const blank = (column: EntryColumn) => cell(column).trim() === '';
    const used = new Set<EntryColumn>(VALUE_COLUMNS[criterion.measureType]);
    const raw: Record<string, unknown> = {};

    const notApplicable = yesNo(cell('not_applicable'));
    if (notApplicable === 'invalid') at('not_applicable', 'notYesNo');
    else if (notApplicable === true) raw['notApplicable'] = true;
    for (const column of TYPED_COLUMNS) {
      if (blank(column)) continue;
      if (!used.has(column) || notApplicable === true) at(column, 'notAllowed');
      else raw[FIELD_OF_COLUMN[column]] = column === 'text' ? cell(column) : cell(column).trim();
    }
    if (!blank('flag')) {
      const flag = yesNo(cell('flag'));
      if (!used.has('flag') || notApplicable === true) at('flag', 'notAllowed');
      else if (flag === 'invalid') at('flag', 'notYesNo');
      else if (flag !== null) raw['flag'] = flag;
    }
    if (!blank('not_applicable_reason')) {
      if (notApplicable !== true) at('not_applicable_reason', 'notAllowed');
      else raw['notApplicableReason'] = cell('not_applicable_reason');
    }
    if (!blank('comment')) raw['comment'] = cell('comment');
    if (problems.length > before) return undefined;

    const code = criterion.code;
    const shaped = normaliseValues({ [code]: raw }, new Set([code]));
    for (const issue of shaped.issues) {
      const field = issue.field.split('.').pop() as EntryField;
      at(COLUMN_OF_FIELD[field] ?? field, issue.problem, issue.params);
    }
    if (problems.length > before) return undefined;

    const entry = shaped.values[code] ?? {};
    const check = validateValue(criterion, item, entry);
    for (const issue of check.issues) {
      const finding = {
        row: row.row,
        column: COLUMN_OF_FIELD[issue.field as ValueField],
        problem: issue.problem,
        ...(issue.params ? { params: issue.params } : {}),
      };
      // A draft may leave a required value empty; submitting it will ask for the value.
      if (issue.problem === 'required' && check.empty) warnings.push(finding);
      else problems.push(finding);
    }
    if (problems.length > before) return undefined;
    return Object.keys(entry).length === 0 ? null : entry;
  }
}
