import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthContext } from '@sopu/api/platform';
import { Deviation, DeviationKind, Page } from '@sopu/shared';
import { ReportEntity } from './report.entity';
import { DeviationQueryDto } from './deviations.dto';
import { SqlFilter } from './sql-filter';

interface DeviationRow {
  id: string;
  report_id: string;
  contract_id: string;
  producer_id: string;
  producer_name: string;
  service_code: string;
  period_start: string;
  kind: DeviationKind;
  criterion_code: string;
  measured: string | null;
  first_revision: number;
  last_revision: number;
  status: Deviation['status'];
  detected_at: Date;
  cleared_at: Date | null;
  corrective_action_id: string | null;
}

const SELECT = `
  SELECT d.id, d.report_id, d.contract_id, d.producer_id, p.name AS producer_name, d.service_code,
         to_char(d.period_start, 'YYYY-MM-DD') AS period_start, d.kind, d.criterion_code, d.measured,
         d.first_revision, d.last_revision, d.status, d.detected_at, d.cleared_at,
         a.id AS corrective_action_id
    FROM deviation d
    JOIN producer p ON p.id = d.producer_id
    LEFT JOIN corrective_action a ON a.deviation_id = d.id`;

function toDeviation(row: DeviationRow): Deviation {
  return {
    id: row.id,
    reportId: row.report_id,
    contractId: row.contract_id,
    producerId: row.producer_id,
    producerName: row.producer_name,
    serviceCode: row.service_code,
    periodStart: row.period_start,
    kind: row.kind,
    criterionCode: row.criterion_code === '' ? null : row.criterion_code,
    measured: row.measured === null ? null : Number(row.measured),
    firstRevision: row.first_revision,
    lastRevision: row.last_revision,
    status: row.status,
    detectedAt: row.detected_at.toISOString(),
    clearedAt: row.cleared_at?.toISOString() ?? null,
    correctiveActionId: row.corrective_action_id,
  };
}

export interface FoundDeviation {
  kind: DeviationKind;
  /** '' for a late report. */
  criterionCode: string;
  measured: number | null;
}

/**
 * Deviations are found on each submission. One row per report, kind and criterion: a later
 * revision that shows it again keeps the row (and its corrective action); one that no longer
 * shows it clears it. Lateness is a fact of the period and is never cleared by a resubmission.
 */
@Injectable()
export class DeviationsService {
  constructor(private readonly dataSource: DataSource) {}

  async record(
    em: EntityManager,
    report: ReportEntity,
    revision: number,
    found: readonly FoundDeviation[],
  ): Promise<Deviation[]> {
    for (const deviation of found) {
      await em.query(
        `INSERT INTO deviation (organiser_id, report_id, contract_id, producer_id, service_code, period_start,
                                kind, criterion_code, measured, first_revision, last_revision)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)
         ON CONFLICT (report_id, kind, criterion_code) DO UPDATE
           SET measured = EXCLUDED.measured, last_revision = EXCLUDED.last_revision,
               status = 'OPEN', cleared_at = NULL`,
        [
          report.organiserId,
          report.id,
          report.contractId,
          report.producerId,
          report.serviceCode,
          report.periodStart,
          deviation.kind,
          deviation.criterionCode,
          deviation.measured,
          revision,
        ],
      );
    }
    await em.query(
      `UPDATE deviation SET status = 'CLEARED', cleared_at = now()
        WHERE report_id = $1 AND status = 'OPEN' AND kind <> 'LATE' AND last_revision < $2`,
      [report.id, revision],
    );
    return this.ofRevision(em, report.id, revision);
  }

  /** The deviations a revision showed. */
  async ofRevision(em: EntityManager, reportId: string, revision: number): Promise<Deviation[]> {
    const rows: DeviationRow[] = await em.query(
      `${SELECT} WHERE d.report_id = $1 AND d.first_revision <= $2 AND d.last_revision >= $2
       ORDER BY d.kind, d.criterion_code`,
      [reportId, revision],
    );
    return rows.map(toDeviation);
  }

  async list(auth: AuthContext, query: DeviationQueryDto): Promise<Page<Deviation>> {
    const { where: filter, params } = new SqlFilter('d', auth, query.producerId)
      .add('d.report_id = ?', query.reportId)
      .add('d.service_code = ?', query.service)
      .add('d.kind = ?', query.kind)
      .add('d.status = ?', query.status)
      .add('d.criterion_code = ?', query.criterion)
      .add('d.period_start >= ?', query.from)
      .add('d.period_start <= ?', query.to)
      .when(query.withoutAction === true, 'a.id IS NULL');
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const em = this.dataSource.manager;
    const [rows, [{ total }]] = await Promise.all([
      em.query(
        `${SELECT} ${filter} ORDER BY d.period_start DESC, d.detected_at DESC, d.id
         LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        params,
      ) as Promise<DeviationRow[]>,
      em.query(
        `SELECT count(*)::int AS total FROM deviation d LEFT JOIN corrective_action a ON a.deviation_id = d.id ${filter}`,
        params,
      ) as Promise<{ total: number }[]>,
    ]);
    return { items: rows.map(toDeviation), total, page, pageSize };
  }
}
