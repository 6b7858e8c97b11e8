import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import { BENCHMARK_MIN_PRODUCERS, BenchmarkRow, CODE_PATTERN, CompletenessRow, ROLES } from '@sopu/shared';
import { Access, Auth, AuthContext, DomainError, IsIsoDate } from '@sopu/api/platform';
import { helsinkiToday } from './obligations-job';
import { SqlFilter } from './sql-filter';

const GROUPS = ['producerType', 'producer'] as const;

export class CompletenessQueryDto {
  @ApiPropertyOptional({ example: 'HOME_CARE' }) @IsOptional() @Matches(CODE_PATTERN) service?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Periods starting on or after' })
  @IsOptional()
  @IsIsoDate()
  from?: string;
  @ApiPropertyOptional({ format: 'date', description: 'Periods starting on or before' })
  @IsOptional()
  @IsIsoDate()
  to?: string;
  @ApiPropertyOptional({ enum: GROUPS, default: 'producerType' })
  @IsOptional()
  @IsIn(GROUPS)
  groupBy?: (typeof GROUPS)[number];
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() producerId?: string;
}

export class BenchmarkQueryDto {
  @ApiProperty({ example: 'HOME_CARE' }) @Matches(CODE_PATTERN) service!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Staff: whose figures to set against the others' })
  @IsOptional()
  @IsUUID()
  producerId?: string;
}

/**
 * Read-only steering figures computed in PostgreSQL: completeness and timeliness of reporting,
 * and a producer's own values against the anonymised distribution of the others.
 */
@Injectable()
export class SteeringViews {
  constructor(private readonly dataSource: DataSource) {}

  async completeness(auth: AuthContext, query: CompletenessQueryDto): Promise<CompletenessRow[]> {
    const byProducer = query.groupBy === 'producer' || auth.role === 'PROVIDER_REPORTER';
    // $2 is today, for "missing" and "open".
    const { where, params } = new SqlFilter('r', auth, query.producerId, [helsinkiToday()])
      .add('r.service_code = ?', query.service)
      .add('r.period_start >= ?', query.from)
      .add('r.period_start <= ?', query.to);
    const group = byProducer ? 'p.id, p.name, p.type' : 'p.type';
    const rows: Record<string, string | number | null>[] = await this.dataSource.query(
      `SELECT r.service_code, r.period_type, to_char(r.period_start, 'YYYY-MM-DD') AS period_start,
              p.type AS producer_type, ${byProducer ? 'p.id AS producer_id, p.name AS producer_name' : 'NULL AS producer_id, NULL AS producer_name'},
              count(*)::int AS expected,
              count(*) FILTER (WHERE r.revision_count > 0)::int AS submitted,
              count(*) FILTER (WHERE r.status = 'ACCEPTED')::int AS accepted,
              count(*) FILTER (WHERE first.late = false)::int AS on_time,
              count(*) FILTER (WHERE first.late)::int AS late,
              count(*) FILTER (WHERE r.revision_count = 0 AND r.due_date < $2)::int AS missing,
              count(*) FILTER (WHERE r.revision_count = 0 AND r.due_date >= $2)::int AS open
         FROM report r
         JOIN producer p ON p.id = r.producer_id
         LEFT JOIN report_revision first ON first.report_id = r.id AND first.number = 1
        ${where}
        GROUP BY r.service_code, r.period_type, r.period_start, ${group}
        ORDER BY r.period_start DESC, r.service_code, r.period_type, ${byProducer ? 'p.name' : 'p.type'}`,
      params,
    );
    return rows.map((row) => ({
      serviceCode: row['service_code'] as string,
      periodType: row['period_type'] as CompletenessRow['periodType'],
      periodStart: row['period_start'] as string,
      producerType: row['producer_type'] as CompletenessRow['producerType'],
      producerId: row['producer_id'] as string | null,
      producerName: row['producer_name'] as string | null,
      expected: row['expected'] as number,
      submitted: row['submitted'] as number,
      accepted: row['accepted'] as number,
      onTime: row['on_time'] as number,
      late: row['late'] as number,
      missing: row['missing'] as number,
      open: row['open'] as number,
    }));
  }

  /**
   * For each criterion of the service, the producer's value in the latest period it had accepted,
   * against the quartiles of the other producers' accepted values for that period. Names and single
   * values of others never leave the database; with fewer than three others nothing is shown.
   */
  async benchmark(auth: AuthContext, query: BenchmarkQueryDto): Promise<BenchmarkRow[]> {
    const producerId = auth.role === 'PROVIDER_REPORTER' ? auth.producerId : query.producerId;
    if (!producerId)
      throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'producerId', problem: 'isDefined' }]);
    const rows: {
      criterion_code: string;
      period_start: string;
      mine: string | null;
      producers: number;
      q1: number | null;
      median: number | null;
      q3: number | null;
    }[] = await this.dataSource.query(
      `WITH accepted AS (
         SELECT v.criterion_code, v.period_start, v.producer_id, v.measured
           FROM report r
           JOIN report_revision rv ON rv.report_id = r.id AND rv.number = r.revision_count
           JOIN report_value v ON v.revision_id = rv.id
          WHERE r.organiser_id = $1 AND r.service_code = $2 AND r.status = 'ACCEPTED' AND v.measured IS NOT NULL
       ),
       latest AS (
         SELECT criterion_code, max(period_start) AS period_start FROM accepted
          WHERE producer_id = $3 GROUP BY criterion_code
       ),
       others AS (
         -- One value per other producer (a producer with two contracts counts once, by its mean).
         SELECT a.criterion_code, a.producer_id, avg(a.measured) AS measured
           FROM accepted a JOIN latest l USING (criterion_code, period_start)
          WHERE a.producer_id <> $3
          GROUP BY a.criterion_code, a.producer_id
       )
       SELECT l.criterion_code, to_char(l.period_start, 'YYYY-MM-DD') AS period_start,
              (SELECT avg(measured) FROM accepted a
                WHERE a.producer_id = $3 AND a.criterion_code = l.criterion_code AND a.period_start = l.period_start) AS mine,
              count(o.producer_id)::int AS producers,
              percentile_cont(0.25) WITHIN GROUP (ORDER BY o.measured) AS q1,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY o.measured) AS median,
              percentile_cont(0.75) WITHIN GROUP (ORDER BY o.measured) AS q3
         FROM latest l LEFT JOIN others o USING (criterion_code)
        GROUP BY l.criterion_code, l.period_start
        ORDER BY l.criterion_code`,
      [auth.organiserId, query.service, producerId],
    );
    return rows.map((row) => {
      const shown = row.producers >= BENCHMARK_MIN_PRODUCERS;
      return {
        criterionCode: row.criterion_code,
        periodStart: row.period_start,
        mine: row.mine === null ? null : Number(row.mine),
        producers: row.producers,
        q1: shown && row.q1 !== null ? Number(row.q1) : null,
        median: shown && row.median !== null ? Number(row.median) : null,
        q3: shown && row.q3 !== null ? Number(row.q3) : null,
      };
    });
  }
}

@ApiTags('reports')
@ApiBearerAuth()
@Controller()
export class SteeringViewsController {
  constructor(private readonly views: SteeringViews) {}

  @Get('completeness')
  @Access.producerScoped(...ROLES)
  @ApiOperation({
    summary:
      'Expected, submitted, accepted, on time, late, missing and open reports per service, period and producer type (or producer)',
  })
  completeness(@Auth() auth: AuthContext, @Query() query: CompletenessQueryDto): Promise<CompletenessRow[]> {
    return this.views.completeness(auth, query);
  }

  @Get('benchmarks')
  @Access.producerScoped(...ROLES)
  @ApiOperation({
    summary:
      "A producer's own latest accepted values against the quartiles of the other producers, without names",
  })
  benchmark(@Auth() auth: AuthContext, @Query() query: BenchmarkQueryDto): Promise<BenchmarkRow[]> {
    return this.views.benchmark(auth, query);
  }
}
