import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  addWorkingDays,
  CorrectiveAction,
  CorrectiveActionCloseInput,
  CorrectiveActionDecisionInput,
  CorrectiveActionEvidence,
  CorrectiveActionInput,
  CorrectiveActionStatus,
  CorrectiveActionStep,
  DeviationKind,
  DeviationStatus,
  Page,
  ReportValueView,
  SanctionSuggestion,
  WORKING_DAYS_COVERED,
} from '@sopu/shared';
import { AuditService } from '@sopu/api/audit';
import { AuthContext, checkedDocument, DomainError, FieldIssue } from '@sopu/api/platform';
import { CorrectiveActionQueryDto } from './corrective-actions.dto';
import { DeviationsService } from './deviations.service';
import { notify } from './notifications';
import { SqlFilter } from './sql-filter';
import { helsinkiToday } from './obligations-job';

/** Red on the same criterion in this many consecutive periods suggests a sanction. */
const SANCTION_RUN = 3;
const ENTITY = 'correctiveAction';

interface ActionRow {
  id: string;
  producer_id: string;
  producer_name: string;
  contract_id: string;
  contract_number: string;
  manager_id: string | null;
  service_code: string;
  description: string;
  severity: CorrectiveAction['severity'];
  working_days: number;
  due_date: string;
  status: CorrectiveActionStatus;
  plan: string | null;
  plan_submitted_at: Date | null;
  decision_comment: string | null;
  decided_at: Date | null;
  close_reason: string | null;
  closed_by_report_id: string | null;
  closed_at: Date | null;
  created_at: Date;
  updated_at: Date;
  version: number;
  deviation_id: string;
  deviation_report_id: string;
  deviation_kind: DeviationKind;
  deviation_criterion: string;
  deviation_period: string;
  deviation_measured: string | null;
  deviation_status: DeviationStatus;
}

const SELECT = `
  SELECT a.id, a.producer_id, p.name AS producer_name, a.contract_id, c.number AS contract_number, c.manager_id,
         d.service_code, a.description, a.severity, a.working_days, to_char(a.due_date, 'YYYY-MM-DD') AS due_date,
         a.status, a.plan, a.plan_submitted_at, a.decision_comment, a.decided_at, a.close_reason,
         a.closed_by_report_id, a.closed_at, a.created_at, a.updated_at, a.version,
         d.id AS deviation_id, d.report_id AS deviation_report_id, d.kind AS deviation_kind,
         d.criterion_code AS deviation_criterion, to_char(d.period_start, 'YYYY-MM-DD') AS deviation_period,
         d.measured AS deviation_measured, d.status AS deviation_status
    FROM corrective_action a
    JOIN deviation d ON d.id = a.deviation_id
    JOIN producer p ON p.id = a.producer_id
    JOIN contract c ON c.id = a.contract_id`;

/** What the caller may change next, and what each step writes to the history. */
const FROM: Record<'plan' | 'decision' | 'close', readonly CorrectiveActionStatus[]> = {
  plan: ['OPEN', 'PLAN_REJECTED'],
  decision: ['PLAN_SUBMITTED'],
  close: ['OPEN', 'PLAN_SUBMITTED', 'PLAN_ACCEPTED', 'PLAN_REJECTED'],
};

/**
 * Corrective actions: one per deviation, opened by the organiser's staff, answered by the
 * producer's reporters. Every change locks the action row, names the version the caller saw and
 * writes its audit event (which is also the action's status history) in the same transaction.
 */
@Injectable()
export class CorrectiveActionsService {
  /** Today in Helsinki; replaceable so that due dates and overdue can be tested on fixed days. */
  today: () => string = () => helsinkiToday();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly deviations: DeviationsService,
  ) {}

  async list(auth: AuthContext, query: CorrectiveActionQueryDto): Promise<Page<CorrectiveAction>> {
    const { where: filter, params } = new SqlFilter('a', auth, query.producerId)
      .add('a.status = ?', query.status)
      .add('a.contract_id = ?', query.contractId)
      .add('a.deviation_id = ?', query.deviationId)
      .add('d.service_code = ?', query.service)
      .add(`(a.due_date < ?::date AND a.status <> 'CLOSED')`, query.overdue === true ? this.today() : null)
      .add(`(a.due_date >= ?::date OR a.status = 'CLOSED')`, query.overdue === false ? this.today() : null);
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const em = this.dataSource.manager;
    const [rows, [{ total }]] = await Promise.all([
      em.query(
        `${SELECT} ${filter} ORDER BY a.due_date, a.created_at, a.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ) as Promise<ActionRow[]>,
      em.query(
        `SELECT count(*)::int AS total FROM corrective_action a JOIN deviation d ON d.id = a.deviation_id ${filter}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { items: await this.views(em, auth, rows), total, page, pageSize };
  }

  async detail(auth: AuthContext, id: string): Promise<CorrectiveAction> {
    const em = this.dataSource.manager;
    return this.view(em, auth, await this.rowFor(em, auth, id));
  }

  /** The action when the caller may see it; another producer's or organiser's is "not found". */
  async rowFor(em: EntityManager, auth: AuthContext, id: string, lock = false): Promise<ActionRow> {
    const [row]: ActionRow[] = await em.query(
      `${SELECT} WHERE a.id = $1 AND a.organiser_id = $2 ${lock ? 'FOR UPDATE OF a' : ''}`,
      [id, auth.organiserId],
    );
    if (!row || (auth.role === 'PROVIDER_REPORTER' && row.producer_id !== auth.producerId))
      throw new DomainError('NOT_FOUND');
    return row;
  }

  /**
   * Attaches evidence (PDF, DOCX or XLSX recognised from the content, at most 20 MB) to an action
   * that is not closed. Evidence is kept beside the action and does not change its version, so a
   * plan being written is not made stale by an upload.
   */
  async addEvidence(
    auth: AuthContext,
    id: string,
    filename: string,
    content: Buffer,
  ): Promise<CorrectiveAction> {
    const { mediaType, sha256 } = checkedDocument(filename, content);
    return this.dataSource.transaction(async (em) => {
      const row = await this.rowFor(em, auth, id, true);
      if (row.status === 'CLOSED') throw new DomainError('ILLEGAL_TRANSITION');
      const [saved]: { id: string }[] = await em.query(
        `INSERT INTO corrective_action_evidence
           (organiser_id, action_id, filename, media_type, size, sha256, content, uploaded_by, uploaded_by_email)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [auth.organiserId, id, filename, mediaType, content.length, sha256, content, auth.userId, auth.email],
      );
      await this.audit.record(em, {
        organiserId: auth.organiserId,
        actor: auth,
        action: `${ENTITY}.evidenceAdded`,
        entityType: ENTITY,
        entityId: id,
        after: { evidenceId: saved.id, filename, mediaType, size: content.length, sha256 },
      });
      return this.view(em, auth, row);
    });
  }

  /** One evidence file of an action the caller may see. */
  async evidenceFile(
    auth: AuthContext,
    id: string,
    evidenceId: string,
  ): Promise<{ filename: string; mediaType: string; sha256: string; content: Buffer }> {
    const em = this.dataSource.manager;
    await this.rowFor(em, auth, id);
    const [file]: { filename: string; media_type: string; sha256: string; content: Buffer }[] =
      await em.query(
        `SELECT filename, media_type, sha256, content FROM corrective_action_evidence WHERE id = $1 AND action_id = $2`,
        [evidenceId, id],
      );
    if (!file) throw new DomainError('NOT_FOUND');
    return {
      filename: file.filename,
      mediaType: file.media_type,
      sha256: file.sha256,
      content: file.content,
    };
  }

  async open(auth: AuthContext, input: CorrectiveActionInput): Promise<CorrectiveAction> {
    return this.dataSource.transaction(async (em) => {
      const [deviation]: {
        id: string;
        producer_id: string;
        contract_id: string;
        status: DeviationStatus;
        service_code: string;
        period_start: string;
        kind: DeviationKind;
        criterion_code: string;
        action_id: string | null;
      }[] = await em.query(
        `SELECT d.id, d.producer_id, d.contract_id, d.status, d.service_code, d.kind, d.criterion_code,
                to_char(d.period_start, 'YYYY-MM-DD') AS period_start,
                (SELECT a.id FROM corrective_action a WHERE a.deviation_id = d.id) AS action_id
           FROM deviation d WHERE d.id = $1 AND d.organiser_id = $2 FOR UPDATE OF d`,
        [input.deviationId, auth.organiserId],
      );
      if (!deviation)
        throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'deviationId', problem: 'notFound' }]);
      if (deviation.action_id) throw new DomainError('ACTION_EXISTS', { id: deviation.action_id });
      if (deviation.status === 'CLEARED')
        throw new DomainError('VALIDATION_FAILED', {}, [
          { field: 'deviationId', problem: 'deviationCleared' },
        ]);
      const dueDate = this.dueDate(input.workingDays);
      const [{ id }]: { id: string }[] = await em.query(
        `INSERT INTO corrective_action (organiser_id, deviation_id, producer_id, contract_id, description, severity,
                                        working_days, due_date, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [
          auth.organiserId,
          deviation.id,
          deviation.producer_id,
          deviation.contract_id,
          input.description,
          input.severity,
          input.workingDays,
          dueDate,
          auth.userId,
        ],
      );
      await notify(
        em,
        auth.organiserId,
        { producerId: deviation.producer_id },
        'correctiveActionOpened',
        {
          service: deviation.service_code,
          period: deviation.period_start,
          criterion: deviation.criterion_code,
          dueDate,
        },
        `/corrective-actions/${id}`,
      );
      await this.record(em, auth, 'correctiveAction.opened', id, null, {
        status: 'OPEN',
        version: 1,
        deviationId: deviation.id,
        severity: input.severity,
        workingDays: input.workingDays,
        dueDate,
        comment: input.description,
      });
      return this.view(em, auth, await this.rowFor(em, auth, id));
    });
  }

  /** The producer's plan: OPEN or PLAN_REJECTED → PLAN_SUBMITTED; the reviewers are told. */
  async submitPlan(auth: AuthContext, id: string, version: number, plan: string): Promise<CorrectiveAction> {
    return this.change(auth, id, version, 'plan', async (em, row) => {
      await em.query(
        `UPDATE corrective_action SET status = 'PLAN_SUBMITTED', plan = $2, plan_submitted_at = now(),
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, plan],
      );
      await notify(
        em,
        auth.organiserId,
        { reviewersOf: { organiserId: auth.organiserId, managerId: row.manager_id } },
        'correctiveActionAnswered',
        { producer: row.producer_name, service: row.service_code, period: row.deviation_period },
        `/corrective-actions/${id}`,
      );
      return { action: 'correctiveAction.planSubmitted', status: 'PLAN_SUBMITTED', comment: plan };
    });
  }

  /** Accepts or rejects the submitted plan; a rejection says why. The producer is told. */
  async decide(
    auth: AuthContext,
    id: string,
    input: CorrectiveActionDecisionInput,
  ): Promise<CorrectiveAction> {
    const comment = input.comment?.trim() || null;
    if (input.decision === 'REJECT' && !comment)
      throw new DomainError('VALIDATION_FAILED', {}, [
        { field: 'comment', problem: 'rejectCommentRequired' },
      ]);
    const status = input.decision === 'ACCEPT' ? 'PLAN_ACCEPTED' : 'PLAN_REJECTED';
    return this.change(auth, id, input.version, 'decision', async (em, row) => {
      await em.query(
        `UPDATE corrective_action SET status = $2, decision_comment = $3, decided_at = now(),
                version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, status, comment],
      );
      await notify(
        em,
        auth.organiserId,
        { producerId: row.producer_id },
        'correctiveActionDecided',
        { decision: input.decision, service: row.service_code, period: row.deviation_period },
        `/corrective-actions/${id}`,
      );
      return {
        action:
          input.decision === 'ACCEPT' ? 'correctiveAction.planAccepted' : 'correctiveAction.planRejected',
        status,
        comment,
      };
    });
  }

  /**
   * Closes the action on a later report of the same contract service whose latest revision no
   * longer shows the deviation, or on a written reason; without either it stays open (422).
   */
  async close(auth: AuthContext, id: string, input: CorrectiveActionCloseInput): Promise<CorrectiveAction> {
    const reason = input.reason?.trim() || null;
    const reportId = input.reportId || null;
    if (!reason && !reportId)
      throw new DomainError('ACTION_NOT_CLOSABLE', {}, [
        { field: 'reason', problem: 'closeGroundsRequired' },
      ]);
    return this.change(auth, id, input.version, 'close', async (em, row) => {
      if (reportId) await this.assertClean(em, auth, row, reportId);
      await em.query(
        `UPDATE corrective_action SET status = 'CLOSED', close_reason = $2, closed_by_report_id = $3,
                closed_at = now(), version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, reason, reportId],
      );
      await notify(
        em,
        auth.organiserId,
        { producerId: row.producer_id },
        'correctiveActionDecided',
        { decision: 'CLOSE', service: row.service_code, period: row.deviation_period },
        `/corrective-actions/${id}`,
      );
      return { action: 'correctiveAction.closed', status: 'CLOSED', comment: reason, reportId };
    });
  }

  /** Refuses a report that cannot show the deviation fixed, with the reason on `reportId`. */
  private async assertClean(
    em: EntityManager,
    auth: AuthContext,
    row: ActionRow,
    reportId: string,
  ): Promise<void> {
    const refuse = (problem: FieldIssue['problem'], params?: Record<string, string>): never => {
      throw new DomainError('ACTION_NOT_CLOSABLE', {}, [{ field: 'reportId', problem, params }]);
    };
    const [later]: { id: string; revision_count: number; values: ReportValueView[] | null }[] =
      await em.query(
        `SELECT r.id, r.revision_count, v.values
         FROM report r
         JOIN report own ON own.id = $3
         LEFT JOIN report_revision v ON v.report_id = r.id AND v.number = r.revision_count
        WHERE r.id = $1 AND r.organiser_id = $2 AND r.contract_id = own.contract_id
          AND r.contract_service_id = own.contract_service_id AND r.period_start > own.period_start
          AND r.status IN ('SUBMITTED', 'ACCEPTED') AND r.revision_count > 0`,
        [reportId, auth.organiserId, row.deviation_report_id],
      );
    if (!later) return refuse('notLaterReport');
    const shown = await this.deviations.ofRevision(em, later.id, later.revision_count);
    const criterion = row.deviation_criterion;
    if (shown.some((d) => d.kind === row.deviation_kind && (d.criterionCode ?? '') === criterion))
      return refuse('deviationRepeats');
    if (row.deviation_kind !== 'LATE') {
      const value = (later.values ?? []).find((v) => v.criterionCode === criterion);
      const reported =
        value && !value.notApplicable && (value.measured !== null || (value.text ?? '').trim() !== '');
      if (!reported) refuse('criterionNotReported', { criterion });
    }
  }

  /** Locks the action, checks the caller's version and the step's starting status, applies and audits it. */
  private async change(
    auth: AuthContext,
    id: string,
    version: number,
    step: keyof typeof FROM,
    apply: (
      em: EntityManager,
      row: ActionRow,
    ) => Promise<{
      action: string;
      status: CorrectiveActionStatus;
      comment: string | null;
      reportId?: string | null;
    }>,
  ): Promise<CorrectiveAction> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.rowFor(em, auth, id, true);
      if (row.version !== version) throw new DomainError('STALE_VERSION', { current: row.version });
      if (!FROM[step].includes(row.status))
        throw new DomainError('ILLEGAL_TRANSITION', {}, [
          {
            field: 'status',
            problem: 'actionStatus',
            params: { status: row.status, expected: FROM[step].join(', ') },
          },
        ]);
      const { action, ...after } = await apply(em, row);
      await this.record(
        em,
        auth,
        action,
        id,
        { status: row.status, version: row.version },
        {
          ...after,
          version: row.version + 1,
        },
      );
      return this.view(em, auth, await this.rowFor(em, auth, id));
    });
  }

  private record(
    em: EntityManager,
    auth: AuthContext,
    action: string,
    id: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(em, {
      organiserId: auth.organiserId,
      actor: auth,
      action,
      entityType: ENTITY,
      entityId: id,
      ...(before ? { before } : {}),
      after,
    });
  }

  private dueDate(workingDays: number): string {
    try {
      return addWorkingDays(this.today(), workingDays);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      throw new DomainError('VALIDATION_FAILED', {}, [
        { field: 'workingDays', problem: 'beyondCalendar', params: { to: WORKING_DAYS_COVERED.to } },
      ]);
    }
  }

  private async view(em: EntityManager, auth: AuthContext, row: ActionRow): Promise<CorrectiveAction> {
    const [action] = await this.views(em, auth, [row]);
    return action;
  }

  /** The rows as the API shows them, with history, evidence and sanction suggestions in one query each. */
  private async views(em: EntityManager, auth: AuthContext, rows: ActionRow[]): Promise<CorrectiveAction[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((row) => row.id);
    const [steps, evidence, sanctions] = await Promise.all([
      this.history(em, auth.organiserId, ids),
      this.evidence(em, ids),
      this.sanctions(em, ids),
    ]);
    const today = this.today();
    return rows.map((row) => ({
      id: row.id,
      version: row.version,
      status: row.status,
      severity: row.severity,
      description: row.description,
      workingDays: row.working_days,
      dueDate: row.due_date,
      overdue: row.status !== 'CLOSED' && row.due_date < today,
      producerId: row.producer_id,
      producerName: row.producer_name,
      contractId: row.contract_id,
      contractNumber: row.contract_number,
      serviceCode: row.service_code,
      deviation: {
        id: row.deviation_id,
        reportId: row.deviation_report_id,
        kind: row.deviation_kind,
        criterionCode: row.deviation_criterion === '' ? null : row.deviation_criterion,
        periodStart: row.deviation_period,
        measured: row.deviation_measured === null ? null : Number(row.deviation_measured),
        status: row.deviation_status,
      },
      plan: row.plan,
      planSubmittedAt: row.plan_submitted_at?.toISOString() ?? null,
      decisionComment: row.decision_comment,
      decidedAt: row.decided_at?.toISOString() ?? null,
      closeReason: row.close_reason,
      closedByReportId: row.closed_by_report_id,
      closedAt: row.closed_at?.toISOString() ?? null,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      history: steps.get(row.id) ?? [],
      evidence: evidence.get(row.id) ?? [],
      sanctionSuggested: sanctions.get(row.id) ?? null,
    }));
  }

  /** The status steps, read back from the audit events written with each change. */
  private async history(
    em: EntityManager,
    organiserId: string,
    ids: string[],
  ): Promise<Map<string, CorrectiveActionStep[]>> {
    const rows: {
      entity_id: string;
      status: CorrectiveActionStatus;
      occurred_at: Date;
      actor_email: string | null;
      comment: string | null;
    }[] = await em.query(
      `SELECT entity_id, after->>'status' AS status, occurred_at, actor_email, after->>'comment' AS comment
         FROM audit_event
        WHERE organiser_id = $1 AND entity_type = $2 AND entity_id = ANY($3::text[]) AND after->>'status' IS NOT NULL
        ORDER BY occurred_at, (after->>'version')::int`,
      [organiserId, ENTITY, ids],
    );
    const byAction = new Map<string, CorrectiveActionStep[]>();
    for (const row of rows) {
      const steps = byAction.get(row.entity_id) ?? [];
      steps.push({
        status: row.status,
        at: row.occurred_at.toISOString(),
        actorEmail: row.actor_email,
        comment: row.comment,
      });
      byAction.set(row.entity_id, steps);
    }
    return byAction;
  }

  private async evidence(em: EntityManager, ids: string[]): Promise<Map<string, CorrectiveActionEvidence[]>> {
    const rows: {
      id: string;
      action_id: string;
      filename: string;
      media_type: string;
      size: number;
      sha256: string;
      created_at: Date;
      uploaded_by_email: string | null;
    }[] = await em.query(
      `SELECT id, action_id, filename, media_type, size, sha256, created_at, uploaded_by_email
         FROM corrective_action_evidence WHERE action_id = ANY($1::uuid[]) ORDER BY created_at, id`,
      [ids],
    );
    const byAction = new Map<string, CorrectiveActionEvidence[]>();
    for (const row of rows) {
      const list = byAction.get(row.action_id) ?? [];
      list.push({
        id: row.id,
        filename: row.filename,
        mediaType: row.media_type,
        size: row.size,
        sha256: row.sha256,
        uploadedAt: row.created_at.toISOString(),
        uploadedByEmail: row.uploaded_by_email,
      });
      byAction.set(row.action_id, list);
    }
    return byAction;
  }

  /**
   * A sanction may be considered when the action's red deviation belongs to a run of at least three
   * consecutive periods of the same contract service (its reports in period order, submitted or
   * not) whose latest revision is red on the same criterion. Only a suggestion: nothing is imposed.
   */
  private async sanctions(em: EntityManager, ids: string[]): Promise<Map<string, SanctionSuggestion>> {
    const rows: { action_id: string; criterion_code: string; periods: string[] }[] = await em.query(
      `WITH target AS (
         SELECT a.id AS action_id, d.criterion_code, r.contract_service_id, r.period_type, r.period_start
           FROM corrective_action a
           JOIN deviation d ON d.id = a.deviation_id
           JOIN report r ON r.id = d.report_id
          WHERE a.id = ANY($1::uuid[]) AND d.kind = 'RED'
       ), periods AS (
         SELECT t.action_id, r.period_start,
                EXISTS (SELECT 1 FROM deviation x
                         WHERE x.report_id = r.id AND x.kind = 'RED' AND x.status = 'OPEN'
                           AND x.criterion_code = t.criterion_code) AS red
           FROM target t
           JOIN report r ON r.contract_service_id = t.contract_service_id AND r.period_type = t.period_type
       ), runs AS (
         SELECT action_id, period_start, red,
                row_number() OVER (PARTITION BY action_id ORDER BY period_start)
                  - row_number() OVER (PARTITION BY action_id, red ORDER BY period_start) AS run
           FROM periods
       )
       SELECT t.action_id, t.criterion_code,
              array_agg(to_char(s.period_start, 'YYYY-MM-DD') ORDER BY s.period_start) AS periods
         FROM runs s JOIN target t ON t.action_id = s.action_id
        WHERE s.red
        GROUP BY t.action_id, t.criterion_code, t.period_start, s.run
       HAVING count(*) >= ${SANCTION_RUN} AND bool_or(s.period_start = t.period_start)`,
      [ids],
    );
    return new Map(
      rows.map((row) => [
        row.action_id,
        {
          reason:
            `${row.criterion_code} was red in ${row.periods.length} consecutive periods ` +
            `(${row.periods.join(', ')}) under the same contract service; a contract sanction may be considered.`,
          criterionCode: row.criterion_code,
          periods: row.periods,
        },
      ]),
    );
  }
}
