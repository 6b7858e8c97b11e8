import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  DeviationKind,
  ReportAttachment,
  ReportDetail,
  ReportFormItem,
  ReportLock,
  ReportRevision,
  ReportRevisionSummary,
  ReportValueInput,
  ReportReview,
  ReportValueView,
  ReviewInput,
  SubmitResult,
} from '@sopu/shared';
import { AuditService } from '@sopu/api/audit';
import { toCriterion, toTermsItem, CriterionEntity, MonitoringTermsItemEntity } from '@sopu/api/catalogue';
import { AuthContext, checkedDocument, DomainError, FieldIssue, organiserRow } from '@sopu/api/platform';
import { helsinkiToday } from './obligations-job';
import { notify } from './notifications';
import { ReportEntity } from './report.entity';
import {
  checkValues,
  CheckedValue,
  decimalText,
  normaliseValues,
  valueFieldIssues,
  valueView,
} from './report-values';
import { DeviationsService } from './deviations.service';

const FREQUENCY_OF_PERIOD = { MONTH: 'MONTHLY', QUARTER: 'QUARTERLY', YEAR: 'YEARLY' } as const;
const KEY_PATTERN = /^[\x21-\x7e]{8,200}$/;

export type SubmissionChannel = 'WEB' | 'API' | 'SHEET' | 'SEED';

interface RevisionRow {
  id: string;
  number: number;
  submitted_at: Date;
  submitted_by_email: string | null;
  late: boolean;
  values: ReportValueView[];
  report_id: string;
}

function summary(row: RevisionRow): ReportRevisionSummary {
  return {
    id: row.id,
    number: row.number,
    submittedAt: row.submitted_at.toISOString(),
    submittedByEmail: row.submitted_by_email,
    late: row.late,
    reds: row.values.filter((value) => value.light === 'RED').length,
  };
}

function withAttachments(
  view: ReportValueView,
  attachments: Map<string, ReportAttachment[]>,
): ReportValueView {
  const files = attachments.get(view.criterionCode);
  return files ? { ...view, attachments: files } : view;
}

/**
 * Filling, submitting and reviewing one report. Every write locks the report row, so two saves,
 * two submissions or a save and a review of one report run one after the other, on one API
 * instance or several.
 */
@Injectable()
export class ReportWorkService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deviations: DeviationsService,
  ) {}

  /** The report when the caller may see it; another producer's report is "not found". */
  async reportFor(em: EntityManager, auth: AuthContext, id: string, lock = false): Promise<ReportEntity> {
    const report = await organiserRow(em, ReportEntity, auth, id, { lock });
    if (auth.role === 'PROVIDER_REPORTER' && report.producerId !== auth.producerId)
      throw new DomainError('NOT_FOUND');
    return report;
  }

  /** The criteria of the report's terms version that are reported at the report's frequency. */
  async formItems(em: EntityManager, report: ReportEntity): Promise<ReportFormItem[]> {
    const items = await em.find(MonitoringTermsItemEntity, {
      where: { termsId: report.termsId, frequency: FREQUENCY_OF_PERIOD[report.periodType] },
      order: { position: 'ASC' },
    });
    if (items.length === 0) return [];
    const criteria = await em.findBy(CriterionEntity, { id: In(items.map((item) => item.criterionId)) });
    const byId = new Map(criteria.map((criterion) => [criterion.id, criterion]));
    return items.map((item) => {
      const criterion = byId.get(item.criterionId) as CriterionEntity;
      // Criteria of published terms are in use by definition.
      return { criterion: toCriterion(criterion, true), item: toTermsItem(item, criterion.code) };
    });
  }

  /** Why the draft cannot be edited now, or null. */
  lockOf(report: ReportEntity, today = helsinkiToday()): ReportLock | null {
    if (report.status === 'SUBMITTED') return 'awaitingReview';
    if (report.status === 'ACCEPTED') return 'accepted';
    if (report.periodStart > today) return 'notYetOpen';
    return null;
  }

  /** Throws the plain-words reason when the report's draft cannot be changed now. */
  assertEditable(report: ReportEntity): void {
    const lock = this.lockOf(report);
    if (lock === 'awaitingReview') throw new DomainError('REPORT_AWAITING_REVIEW');
    if (lock === 'accepted') throw new DomainError('REPORT_ACCEPTED');
    if (lock === 'notYetOpen') throw new DomainError('REPORT_NOT_OPEN');
  }

  async detail(auth: AuthContext, id: string): Promise<ReportDetail> {
    return this.detailWith(
      this.dataSource.manager,
      auth,
      await this.reportFor(this.dataSource.manager, auth, id),
    );
  }

  private async detailWith(
    em: EntityManager,
    auth: AuthContext,
    report: ReportEntity,
  ): Promise<ReportDetail> {
    // One after another: inside a transaction they share its one connection, and outside one a
    // read need not hold four of the pool's connections at once.
    const items = await this.formItems(em, report);
    const [context] = await em.query(
      `SELECT c.number AS contract_number, p.name AS producer_name, p.type AS producer_type,
              d.name AS service_name, t.version AS terms_version
         FROM contract c
         JOIN producer p ON p.id = c.producer_id
         JOIN monitoring_terms t ON t.id = $2
         JOIN service_description d ON d.id = t.service_description_id
        WHERE c.id = $1`,
      [report.contractId, report.termsId],
    );
    const revisions = await this.revisionRows(em, report.id);
    const reviews = await this.reviews(em, report.id);
    const checked = checkValues(items, report.draft);
    const attachments = await this.attachments(em, report.id);
    return {
      id: report.id,
      contractId: report.contractId,
      contractNumber: context.contract_number,
      contractServiceId: report.contractServiceId,
      producerId: report.producerId,
      producerName: context.producer_name,
      producerType: context.producer_type,
      serviceCode: report.serviceCode,
      serviceName: context.service_name,
      termsId: report.termsId,
      termsVersion: context.terms_version,
      periodType: report.periodType,
      periodStart: report.periodStart,
      periodEnd: report.periodEnd,
      dueDate: report.dueDate,
      status: report.status,
      draftVersion: report.draftVersion,
      draftSavedAt: report.draftSavedAt?.toISOString() ?? null,
      lock: auth.role === 'ANALYST' ? (this.lockOf(report) ?? 'readOnly') : this.lockOf(report),
      items,
      values: checked.map((value) => withAttachments(valueView(value), attachments)),
      revisions: revisions.map(summary),
      reviews,
    };
  }

  private async revisionRows(em: EntityManager, reportId: string): Promise<RevisionRow[]> {
    return em.query(
      `SELECT id, number, submitted_at, submitted_by_email, late, values, report_id
         FROM report_revision WHERE report_id = $1 ORDER BY number`,
      [reportId],
    );
  }

  private async reviews(em: EntityManager, reportId: string): Promise<ReportReview[]> {
    const rows: {
      id: string;
      number: number;
      decision: ReportReview['decision'];
      comment: string | null;
      value_comments: Record<string, string>;
      reviewer_email: string | null;
      reviewed_at: Date;
    }[] = await em.query(
      `SELECT r.id, v.number, r.decision, r.comment, r.value_comments, r.reviewer_email, r.reviewed_at
         FROM report_review r JOIN report_revision v ON v.id = r.revision_id
        WHERE r.report_id = $1 ORDER BY r.reviewed_at`,
      [reportId],
    );
    return rows.map((row) => ({
      id: row.id,
      revisionNumber: row.number,
      decision: row.decision,
      comment: row.comment,
      valueComments: row.value_comments,
      reviewerEmail: row.reviewer_email,
      reviewedAt: row.reviewed_at.toISOString(),
    }));
  }

  async revision(auth: AuthContext, id: string, number: number): Promise<ReportRevision> {
    const em = this.dataSource.manager;
    const report = await this.reportFor(em, auth, id);
    const row = (await this.revisionRows(em, report.id)).find((r) => r.number === number);
    if (!row) throw new DomainError('NOT_FOUND');
    return { ...summary(row), values: row.values };
  }

  /** Saves the whole draft when `draftVersion` is the one on the server; otherwise 409. */
  async saveValues(
    auth: AuthContext,
    id: string,
    draftVersion: number,
    rawValues: unknown,
  ): Promise<ReportDetail> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.reportFor(em, auth, id, true);
      this.assertEditable(report);
      if (draftVersion !== report.draftVersion)
        throw new DomainError('STALE_DRAFT', { current: report.draftVersion });
      const items = await this.formItems(em, report);
      const { values, issues } = normaliseValues(rawValues, new Set(items.map((i) => i.criterion.code)));
      if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', {}, issues);
      await this.storeDraft(em, auth, report, values, 'WEB');
      return this.detailWith(em, auth, await this.reportFor(em, auth, id));
    });
  }

  /**
   * Stores clean values as the draft of a report locked by the caller's transaction, after the
   * checks of a save (editable, values normalised); the spreadsheet import uses it for each report.
   */
  async storeDraft(
    em: EntityManager,
    auth: AuthContext,
    report: ReportEntity,
    values: Record<string, ReportValueInput>,
    via: SubmissionChannel,
  ): Promise<void> {
    await em.query(
      `UPDATE report SET draft = $2, draft_version = draft_version + 1, draft_saved_at = now(),
              draft_saved_by = $3, status = CASE status WHEN 'EXPECTED' THEN 'DRAFT' ELSE status END,
              updated_at = now()
        WHERE id = $1`,
      [report.id, JSON.stringify(values), auth.userId],
    );
    await this.audit.record(em, {
      organiserId: auth.organiserId,
      actor: auth,
      action: 'report.draftSaved',
      entityType: 'report',
      entityId: report.id,
      before: { status: report.status, draftVersion: report.draftVersion, values: report.draft },
      after: { draftVersion: report.draftVersion + 1, via, values },
    });
  }

  /**
   * Submits the saved draft as a new immutable revision. The same Idempotency-Key again gives the
   * revision it made the first time (`replayed`), whatever happened to the report since.
   */
  async submit(
    auth: AuthContext,
    id: string,
    key: string | undefined,
    via: SubmissionChannel,
  ): Promise<{ result: SubmitResult; replayed: boolean }> {
    if (!key || !KEY_PATTERN.test(key))
      throw new DomainError('VALIDATION_FAILED', {}, [
        { field: 'Idempotency-Key', problem: key ? 'invalid' : 'required' },
      ]);
    return this.dataSource.transaction(async (em) => {
      const report = await this.reportFor(em, auth, id, true);
      const [earlier]: RevisionRow[] = await em.query(
        `SELECT id, number, submitted_at, submitted_by_email, late, values, report_id
           FROM report_revision WHERE organiser_id = $1 AND idempotency_key = $2`,
        [auth.organiserId, key],
      );
      if (earlier) {
        if (earlier.report_id !== report.id) throw new DomainError('IDEMPOTENCY_KEY_REUSED');
        const deviations = await this.deviations.ofRevision(em, report.id, earlier.number);
        return { result: { reportId: report.id, revision: summary(earlier), deviations }, replayed: true };
      }
      this.assertEditable(report);
      const items = await this.formItems(em, report);
      const checked = checkValues(items, report.draft);
      const attachments = await this.attachments(em, report.id);
      const problems = [
        ...valueFieldIssues(checked),
        ...checked
          .filter(({ item, entry }) => item.item.evidenceRequired && !entry.notApplicable)
          .filter(({ item }) => !attachments.has(item.criterion.code))
          .map(({ item }) => ({
            field: `values.${item.criterion.code}.evidence`,
            problem: 'evidenceRequired' as const,
          })),
      ];
      if (problems.length > 0) throw new DomainError('REPORT_INCOMPLETE', {}, problems);

      const number = report.revisionCount + 1;
      const late = helsinkiToday() > report.dueDate;
      const views = checked.map((value) => withAttachments(valueView(value), attachments));
      const [revision]: RevisionRow[] = await em.query(
        `INSERT INTO report_revision
           (organiser_id, report_id, number, idempotency_key, submitted_by, submitted_by_email, via, late, values)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         RETURNING id, number, submitted_at, submitted_by_email, late, values, report_id`,
        [auth.organiserId, report.id, number, key, auth.userId, auth.email, via, late, JSON.stringify(views)],
      );
      await this.storeValueRows(em, report, revision.id, checked);
      await em.query(
        `UPDATE report SET status = 'SUBMITTED', revision_count = $2, submitted_at = now(), updated_at = now()
          WHERE id = $1`,
        [report.id, number],
      );
      const found: { kind: DeviationKind; criterionCode: string; measured: number | null }[] = [
        ...checked
          .filter(({ check }) => check.light === 'RED')
          .map(({ item, check }) => ({
            kind: 'RED' as const,
            criterionCode: item.criterion.code,
            measured: check.measured,
          })),
        ...checked
          .filter(({ item, entry }) => item.item.required && entry.notApplicable)
          .map(({ item }) => ({
            kind: 'MISSING' as const,
            criterionCode: item.criterion.code,
            measured: null,
          })),
        ...(late ? [{ kind: 'LATE' as const, criterionCode: '', measured: null }] : []),
      ];
      const deviations = await this.deviations.record(em, report, number, found);
      const [contract]: { manager_id: string | null }[] = await em.query(
        `SELECT manager_id FROM contract WHERE id = $1`,
        [report.contractId],
      );
      await notify(
        em,
        auth.organiserId,
        { reviewersOf: { organiserId: auth.organiserId, managerId: contract.manager_id } },
        'reportSubmitted',
        { service: report.serviceCode, period: report.periodStart, revision: number },
        `/reports/${report.id}`,
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'report.submitted',
        entityType: 'report',
        entityId: report.id,
        before: { status: report.status, revisions: report.revisionCount },
        after: { status: 'SUBMITTED', revision: number, late, via, deviations: found },
      });
      return { result: { reportId: report.id, revision: summary(revision), deviations }, replayed: false };
    });
  }

  private async storeValueRows(
    em: EntityManager,
    report: ReportEntity,
    revisionId: string,
    checked: readonly CheckedValue[],
  ): Promise<void> {
    const rows = checked.filter(({ check, entry }) => !check.empty || entry.notApplicable);
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const tuples = rows.map(({ item, entry, check }) => {
      const values = [
        revisionId,
        item.criterion.code,
        report.organiserId,
        report.id,
        report.producerId,
        report.serviceCode,
        report.periodStart,
        item.criterion.measureType,
        decimalText(entry.numerator),
        decimalText(entry.denominator),
        decimalText(entry.value),
        decimalText(entry.respondents),
        entry.flag ?? null,
        entry.notApplicable ?? false,
        check.measured,
        check.light,
      ];
      const start = params.length;
      params.push(...values);
      return `(${values.map((_, i) => `$${start + i + 1}`).join(', ')})`;
    });
    await em.query(
      `INSERT INTO report_value (revision_id, criterion_code, organiser_id, report_id, producer_id,
         service_code, period_start, measure_type, numerator, denominator, value, respondents, flag,
         not_applicable, measured, light)
       VALUES ${tuples.join(', ')}`,
      params,
    );
  }

  /** The report's current attachments by criterion code. */
  private async attachments(em: EntityManager, reportId: string): Promise<Map<string, ReportAttachment[]>> {
    const rows: {
      id: string;
      criterion_code: string;
      filename: string;
      media_type: string;
      size: number;
      sha256: string;
      created_at: Date;
    }[] = await em.query(
      `SELECT id, criterion_code, filename, media_type, size, sha256, created_at FROM report_attachment
        WHERE report_id = $1 AND removed_at IS NULL ORDER BY created_at, id`,
      [reportId],
    );
    const byCode = new Map<string, ReportAttachment[]>();
    for (const row of rows) {
      byCode.set(row.criterion_code, [
        ...(byCode.get(row.criterion_code) ?? []),
        {
          id: row.id,
          filename: row.filename,
          mediaType: row.media_type,
          size: row.size,
          sha256: row.sha256,
          uploadedAt: row.created_at.toISOString(),
        },
      ]);
    }
    return byCode;
  }

  /** Attaches evidence (PDF, DOCX or XLSX recognised from content) to one value of an editable report. */
  async addAttachment(
    auth: AuthContext,
    id: string,
    criterionCode: string,
    filename: string,
    content: Buffer,
  ): Promise<ReportDetail> {
    const { mediaType, sha256 } = checkedDocument(filename, content);
    return this.dataSource.transaction(async (em) => {
      const report = await this.reportFor(em, auth, id, true);
      this.assertEditable(report);
      const items = await this.formItems(em, report);
      if (!items.some((item) => item.criterion.code === criterionCode))
        throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'criterion', problem: 'unknownCriterion' }]);
      const [saved]: { id: string }[] = await em.query(
        `INSERT INTO report_attachment (organiser_id, report_id, criterion_code, filename, media_type, size, sha256,
                                        content, uploaded_by, uploaded_by_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
        [
          auth.organiserId,
          report.id,
          criterionCode,
          filename,
          mediaType,
          content.length,
          sha256,
          content,
          auth.userId,
          auth.email,
        ],
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'report.attachmentAdded',
        entityType: 'report',
        entityId: report.id,
        after: { attachmentId: saved.id, criterionCode, filename, mediaType, size: content.length, sha256 },
      });
      return this.detailWith(em, auth, report);
    });
  }

  /** Takes an attachment off the draft; the file stays, so a revision that listed it keeps it. */
  async removeAttachment(auth: AuthContext, id: string, attachmentId: string): Promise<ReportDetail> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.reportFor(em, auth, id, true);
      this.assertEditable(report);
      // An UPDATE … RETURNING answers [rows, count].
      const [[removed]]: [{ criterion_code: string; filename: string }[], number] = await em.query(
        `UPDATE report_attachment SET removed_at = now()
          WHERE id = $1 AND report_id = $2 AND removed_at IS NULL RETURNING criterion_code, filename`,
        [attachmentId, report.id],
      );
      if (!removed) throw new DomainError('NOT_FOUND');
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'report.attachmentRemoved',
        entityType: 'report',
        entityId: report.id,
        before: { attachmentId, criterionCode: removed.criterion_code, filename: removed.filename },
      });
      return this.detailWith(em, auth, report);
    });
  }

  /** One attachment of a report the caller may see, removed or not (a revision may list it). */
  async attachmentFile(
    auth: AuthContext,
    id: string,
    attachmentId: string,
  ): Promise<{ filename: string; mediaType: string; sha256: string; content: Buffer }> {
    const em = this.dataSource.manager;
    const report = await this.reportFor(em, auth, id);
    const [file]: { filename: string; media_type: string; sha256: string; content: Buffer }[] =
      await em.query(
        `SELECT filename, media_type, sha256, content FROM report_attachment WHERE id = $1 AND report_id = $2`,
        [attachmentId, report.id],
      );
    if (!file) throw new DomainError('NOT_FOUND');
    return {
      filename: file.filename,
      mediaType: file.media_type,
      sha256: file.sha256,
      content: file.content,
    };
  }

  /** Accepts the latest revision, or returns it to the producer with comments. */
  async review(auth: AuthContext, id: string, input: ReviewInput): Promise<ReportDetail> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.reportFor(em, auth, id, true);
      if (report.status !== 'SUBMITTED') throw new DomainError('NOT_REVIEWABLE');
      const [latest] = (await this.revisionRows(em, report.id)).slice(-1);
      const codes = new Set(latest.values.map((value) => value.criterionCode));
      const valueComments = Object.fromEntries(
        Object.entries(input.valueComments ?? {})
          .map(([code, text]) => [code, text.trim()] as const)
          .filter(([, text]) => text !== ''),
      );
      const issues: FieldIssue[] = Object.keys(valueComments)
        .filter((code) => !codes.has(code))
        .map((code) => ({ field: `valueComments.${code}`, problem: 'unknownCriterion' }));
      const comment = input.comment?.trim() || null;
      if (input.decision === 'RETURN' && !comment && Object.keys(valueComments).length === 0)
        issues.push({ field: 'comment', problem: 'commentRequired' });
      if (issues.length > 0) throw new DomainError('VALIDATION_FAILED', {}, issues);

      await em.query(
        `INSERT INTO report_review (organiser_id, report_id, revision_id, decision, comment, value_comments,
                                    reviewer_id, reviewer_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [
          auth.organiserId,
          report.id,
          latest.id,
          input.decision,
          comment,
          JSON.stringify(valueComments),
          auth.userId,
          auth.email,
        ],
      );
      const accepted = input.decision === 'ACCEPT';
      await em.query(
        `UPDATE report SET status = $2::varchar, accepted_at = CASE WHEN $2::varchar = 'ACCEPTED' THEN now() ELSE accepted_at END,
                updated_at = now()
          WHERE id = $1`,
        [report.id, accepted ? 'ACCEPTED' : 'RETURNED'],
      );
      // The comparison summaries count the accepted values from this very transaction on.
      if (accepted)
        await em.query(`SELECT comparison_refresh($1, $2, $3, $4)`, [
          auth.organiserId,
          report.serviceCode,
          report.producerId,
          report.periodStart,
        ]);
      await notify(
        em,
        auth.organiserId,
        { producerId: report.producerId },
        accepted ? 'reportAccepted' : 'reportReturned',
        { service: report.serviceCode, period: report.periodStart, revision: latest.number },
        `/reports/${report.id}`,
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: accepted ? 'report.accepted' : 'report.returned',
        entityType: 'report',
        entityId: report.id,
        before: { status: report.status },
        after: {
          status: accepted ? 'ACCEPTED' : 'RETURNED',
          revision: latest.number,
          comment,
          valueComments,
        },
      });
      return this.detailWith(em, auth, await this.reportFor(em, auth, id));
    });
  }

  /** Opens an accepted report for a correction: a new draft from the accepted values, reviewed again. */
  async startCorrection(auth: AuthContext, id: string): Promise<ReportDetail> {
    return this.dataSource.transaction(async (em) => {
      const report = await this.reportFor(em, auth, id, true);
      if (report.status !== 'ACCEPTED') throw new DomainError('ILLEGAL_TRANSITION');
      await em.query(
        `UPDATE report SET status = 'DRAFT', draft_version = draft_version + 1, draft_saved_at = now(),
                draft_saved_by = $2, updated_at = now()
          WHERE id = $1`,
        [report.id, auth.userId],
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: 'report.correctionStarted',
        entityType: 'report',
        entityId: report.id,
        before: { status: 'ACCEPTED' },
        after: { status: 'DRAFT' },
      });
      return this.detailWith(em, auth, await this.reportFor(em, auth, id));
    });
  }
}
