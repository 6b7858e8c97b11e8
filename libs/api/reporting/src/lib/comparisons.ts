import { Controller, Get, Injectable, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { DataSource } from 'typeorm';
import {
  CODE_PATTERN,
  COMPARISON_GROUPINGS,
  COMPARISON_MAX_MONTHS,
  COMPARISON_STATUSES,
  ComparisonCriterion,
  ComparisonGroup,
  ComparisonGrouping,
  ComparisonPoint,
  ComparisonResult,
  ComparisonStatus,
  Direction,
  Localized,
  MeasureType,
  OutputUnit,
  PRODUCER_TYPES,
  ProducerType,
} from '@sopu/shared';
import { Access, Auth, AuthContext, DomainError, IsMonth } from '@sopu/api/platform';
import {
  addSums,
  emptySums,
  groupFigures,
  MeasureRule,
  rounded,
  seriesPoint,
  Sums,
  sumsOf,
  SUM_FIELDS,
} from './comparison-figures';
import { helsinkiToday } from './obligations-job';

const CODE_LIST = new RegExp(`^${CODE_PATTERN.source.slice(1, -1)}(,${CODE_PATTERN.source.slice(1, -1)})*$`);

export class ComparisonQueryDto {
  @ApiProperty({ example: 'HOME_CARE' }) @Matches(CODE_PATTERN) service!: string;
  @ApiProperty({
    example: '2024-01',
    description: 'First month of the range (periods starting in it or later)',
  })
  @IsMonth()
  from!: string;
  @ApiProperty({
    example: '2025-12',
    description: 'Last month of the range (periods starting in it or earlier)',
  })
  @IsMonth()
  to!: string;
  @ApiPropertyOptional({
    example: 'MISSED_VISITS_SHARE,CLIENT_SATISFACTION',
    description: 'Criterion codes, comma-separated; all by default',
  })
  @IsOptional()
  @Matches(CODE_LIST)
  criteria?: string;
  @ApiPropertyOptional({ enum: COMPARISON_GROUPINGS, default: 'producerType' })
  @IsOptional()
  @IsIn(COMPARISON_GROUPINGS)
  groupBy?: ComparisonGrouping;
  @ApiPropertyOptional({
    enum: COMPARISON_STATUSES,
    default: 'accepted',
    description: 'Also count revisions awaiting review',
  })
  @IsOptional()
  @IsIn(COMPARISON_STATUSES)
  status?: ComparisonStatus;
}

interface CriterionRow {
  code: string;
  name: Localized;
  unit: Localized;
  measure_type: MeasureType;
  direction: Direction;
  decimals: number;
  rate_multiplier: string | null;
  target: string | null;
}

/** One producer's sums for one criterion over the range, in one group. */
interface ProducerSums {
  criterion: string;
  key: string;
  producerId: string;
  sums: Sums;
}

/** One group's sums for one criterion and period. */
interface PeriodSums {
  criterion: string;
  key: string;
  periodStart: string;
  producers: number;
  sums: Sums;
  median: number | null;
}

interface Range {
  organiserId: string;
  service: string;
  from: string;
  to: string;
  /** The month before `from`: the running totals there are subtracted. */
  before: string;
  /** The last day of the `to` month. */
  toEnd: string;
  criteria: string[];
}

/** Σ columns over `v` (report_value) with `c` (criterion) and `ti` (terms item) for the target. */
const VALUE_SUMS = `
  count(v.measured) AS n, coalesce(sum(v.numerator), 0) AS num, coalesce(sum(v.denominator), 0) AS den,
  coalesce(sum(v.measured * v.respondents), 0) AS wsum, coalesce(sum(v.respondents), 0) AS resp,
  coalesce(sum(v.measured), 0) AS vsum,
  count(*) FILTER (WHERE v.light = 'GREEN') AS green, count(*) FILTER (WHERE v.light = 'AMBER') AS amber,
  count(*) FILTER (WHERE v.light = 'RED') AS red,
  count(*) FILTER (WHERE meets_target(c.direction, ti.target, v.measured, v.light)) AS meets,
  count(meets_target(c.direction, ti.target, v.measured, v.light)) AS targeted,
  count(*) FILTER (WHERE v.not_applicable) AS na`;

/** Each contract service's district and languages, from the service units it names (or all the producer's). */
const UNIT_KEYS = `
  unit_keys AS (
    SELECT cs.id AS contract_service_id,
           CASE count(DISTINCT u.district) WHEN 0 THEN 'NONE' WHEN 1 THEN min(u.district) ELSE 'MULTIPLE' END AS district,
           coalesce(string_agg(DISTINCT l.lang, '+' ORDER BY l.lang), 'NONE') AS language
      FROM contract_service cs
      JOIN contract ct ON ct.id = cs.contract_id
      LEFT JOIN service_unit u ON u.producer_id = ct.producer_id AND (cardinality(cs.unit_ids) = 0 OR u.id = ANY (cs.unit_ids))
      LEFT JOIN LATERAL unnest(u.languages) AS l (lang) ON true
     WHERE cs.organiser_id = $1 AND cs.service_code = $2
     GROUP BY cs.id
  )`;

/** Each grouping's key over `p` (producer) or `k` (unit_keys, joined only when the key needs it). */
const GROUP_KEYS: Record<ComparisonGrouping, { key: string; byUnits: boolean }> = {
  producerType: { key: 'p.type', byUnits: false },
  producer: { key: 'p.id::text', byUnits: false },
  district: { key: 'k.district', byUnits: true },
  language: { key: 'k.language', byUnits: true },
};

/**
 * The comparison of producers on one service's criteria. The usual question (accepted values by
 * producer type) is answered from the summaries kept in step with acceptance; other groupings and
 * revisions awaiting review are aggregated from the values themselves. Both give the same figures,
 * which the tests check.
 */
@Injectable()
export class ComparisonsService {
  constructor(private readonly dataSource: DataSource) {}

  /** `from: 'values'` skips the summaries: the plain aggregate, for checking them. */
  async compare(
    auth: AuthContext,
    query: ComparisonQueryDto,
    from: 'summaries' | 'values' = 'summaries',
  ): Promise<ComparisonResult> {
    const groupBy = query.groupBy ?? 'producerType';
    const status = query.status ?? 'accepted';
    const range = this.range(auth, query);
    const service: { code: string; name: Localized; output_unit: OutputUnit }[] = await this.dataSource.query(
      `SELECT code, name, output_unit FROM service_description
        WHERE organiser_id = $1 AND code = $2 AND status <> 'DRAFT'
        ORDER BY (status = 'PUBLISHED') DESC, version DESC LIMIT 1`,
      [auth.organiserId, query.service],
    );
    if (service.length === 0) throw new DomainError('NOT_FOUND');
    const criteria = await this.criteria(range);

    const fast = from === 'summaries' && groupBy === 'producerType' && status === 'accepted';
    const [producerSums, periodSums, groups] = await Promise.all([
      fast ? this.runningSums(range) : this.valueSums(range, groupBy, status),
      fast ? this.typePeriodSums(range) : this.valuePeriodSums(range, groupBy, status),
      this.groups(range, groupBy),
    ]);
    const keys = new Set(groups.map((group) => group.key));
    for (const row of producerSums) keys.add(row.key);
    const ordered = this.orderGroups(groupBy, groups, keys);

    const periods = [...new Set(periodSums.map((row) => row.periodStart))].sort();
    return {
      service: { code: service[0].code, name: service[0].name, outputUnit: service[0].output_unit },
      from: query.from,
      to: query.to,
      groupBy,
      status,
      periods,
      groups: ordered,
      criteria: criteria.map((criterion) =>
        this.criterionFigures(criterion, ordered, producerSums, periodSums),
      ),
    };
  }

  private range(auth: AuthContext, query: ComparisonQueryDto): Range {
    const [fromYear, fromMonth] = query.from.split('-').map(Number);
    const [toYear, toMonth] = query.to.split('-').map(Number);
    const months = (toYear - fromYear) * 12 + (toMonth - fromMonth);
    if (months < 0)
      throw new DomainError('VALIDATION_FAILED', {}, [{ field: 'to', problem: 'endBeforeStart' }]);
    if (months >= COMPARISON_MAX_MONTHS)
      throw new DomainError('VALIDATION_FAILED', {}, [
        { field: 'to', problem: 'rangeTooLong', params: { max: COMPARISON_MAX_MONTHS - 1 } },
      ]);
    const month = (year: number, index: number) => {
      const date = new Date(Date.UTC(year, index, 1));
      return date.toISOString().slice(0, 10);
    };
    return {
      organiserId: auth.organiserId,
      service: query.service,
      from: month(fromYear, fromMonth - 1),
      to: month(toYear, toMonth - 1),
      before: month(fromYear, fromMonth - 2),
      toEnd: new Date(Date.UTC(toYear, toMonth, 0)).toISOString().slice(0, 10),
      criteria: query.criteria ? [...new Set(query.criteria.split(','))] : [],
    };
  }

  /**
   * The service's criteria in the order of its latest published terms, each with the target of the
   * latest terms version in force by the end of the range.
   */
  private async criteria(range: Range): Promise<CriterionRow[]> {
    const rows: CriterionRow[] = await this.dataSource.query(
      `WITH terms AS (
         SELECT t.id, t.version, t.valid_from FROM monitoring_terms t
          WHERE t.organiser_id = $1 AND t.service_code = $2 AND t.status = 'PUBLISHED'
       ),
       items AS (
         SELECT DISTINCT ON (ti.criterion_id) ti.criterion_id, ti.position, ti.target
           FROM monitoring_terms_item ti JOIN terms t ON t.id = ti.terms_id
          ORDER BY ti.criterion_id, (t.valid_from <= $3) DESC, t.version DESC
       )
       SELECT c.code, c.name, c.unit, c.measure_type, c.direction, c.decimals, c.rate_multiplier, i.target
         FROM items i JOIN criterion c ON c.id = i.criterion_id
        WHERE c.measure_type <> 'TEXT'
        ORDER BY i.position, c.code`,
      [range.organiserId, range.service, range.toEnd],
    );
    const known = new Set(rows.map((row) => row.code));
    const unknown = range.criteria.filter((code) => !known.has(code));
    if (unknown.length > 0)
      throw new DomainError(
        'VALIDATION_FAILED',
        {},
        unknown.map((code) => ({ field: `criteria.${code}`, problem: 'notCriterionOfService' })),
      );
    return range.criteria.length ? rows.filter((row) => range.criteria.includes(row.code)) : rows;
  }

  /** Producers' sums for the range from the running totals: the row at its end minus the one before it. */
  private async runningSums(range: Range): Promise<ProducerSums[]> {
    const difference = SUM_FIELDS.map((field) => `e.${field} - coalesce(s.${field}, 0) AS ${field}`).join(
      ', ',
    );
    // The row at the range's end is the one in its last month, or a producer's last row inside the
    // range; two index-only scans, since both are in the covering indexes.
    const columns = `criterion_code, producer_id, producer_type, ${SUM_FIELDS.join(', ')}`;
    const rows: Record<string, string>[] = await this.dataSource.query(
      `WITH e AS (
         SELECT ${columns} FROM comparison_running
          WHERE organiser_id = $1 AND service_code = $2 AND period_start = $4
         UNION ALL
         SELECT ${columns} FROM comparison_running
          WHERE organiser_id = $1 AND service_code = $2 AND is_last AND period_start >= $3 AND period_start < $4
       ),
       s AS (
         SELECT ${columns} FROM comparison_running
          WHERE organiser_id = $1 AND service_code = $2 AND period_start = $5
       )
       SELECT e.criterion_code, e.producer_type AS group_key, e.producer_id, ${difference}
         FROM e LEFT JOIN s ON s.producer_id = e.producer_id AND s.criterion_code = e.criterion_code
        WHERE cardinality($6::varchar[]) = 0 OR e.criterion_code = ANY ($6::varchar[])`,
      [range.organiserId, range.service, range.from, range.to, range.before, range.criteria],
    );
    return rows
      .map((row) => ({
        criterion: row['criterion_code'],
        key: row['group_key'],
        producerId: row['producer_id'],
        sums: sumsOf(row),
      }))
      .filter((row) => row.sums.n > 0 || row.sums.na > 0);
  }

  private async typePeriodSums(range: Range): Promise<PeriodSums[]> {
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT criterion_code, to_char(period_start, 'YYYY-MM-DD') AS period_start, producer_type AS group_key,
              producers, n, num, den, wsum, resp, vsum, green, amber, red, meets, targeted, na, median
         FROM comparison_type_period
        WHERE organiser_id = $1 AND service_code = $2 AND period_start BETWEEN $3 AND $4
          AND (cardinality($5::varchar[]) = 0 OR criterion_code = ANY ($5::varchar[]))`,
      [range.organiserId, range.service, range.from, range.to, range.criteria],
    );
    return rows.map(periodRow);
  }

  /** The values themselves: the revision each report counts with, its values and the group key. */
  private valueSource(groupBy: ComparisonGrouping, status: ComparisonStatus): { sql: string; key: string } {
    const revision =
      status === 'accepted'
        ? 'r.accepted_revision'
        : `CASE WHEN r.status = 'SUBMITTED' THEN r.revision_count ELSE r.accepted_revision END`;
    const { key, byUnits } = GROUP_KEYS[groupBy];
    return {
      key,
      sql: `
        FROM report r
        JOIN report_revision rv ON rv.report_id = r.id AND rv.number = ${revision}
        JOIN report_value v ON v.revision_id = rv.id
        JOIN producer p ON p.id = r.producer_id
        LEFT JOIN criterion c ON c.organiser_id = r.organiser_id AND c.code = v.criterion_code
        LEFT JOIN monitoring_terms_item ti ON ti.terms_id = r.terms_id AND ti.criterion_id = c.id
        ${byUnits ? 'JOIN unit_keys k ON k.contract_service_id = r.contract_service_id' : ''}
       WHERE r.organiser_id = $1 AND r.service_code = $2 AND r.period_start BETWEEN $3 AND $4
         AND (cardinality($5::varchar[]) = 0 OR v.criterion_code = ANY ($5::varchar[]))`,
    };
  }

  private async valueSums(
    range: Range,
    groupBy: ComparisonGrouping,
    status: ComparisonStatus,
  ): Promise<ProducerSums[]> {
    const source = this.valueSource(groupBy, status);
    const rows: Record<string, string>[] = await this.dataSource.query(
      `WITH ${UNIT_KEYS}
       SELECT v.criterion_code, ${source.key} AS group_key, r.producer_id, ${VALUE_SUMS}
       ${source.sql}
       GROUP BY v.criterion_code, ${source.key}, r.producer_id`,
      [range.organiserId, range.service, range.from, range.to, range.criteria],
    );
    return rows.map((row) => ({
      criterion: row['criterion_code'],
      key: row['group_key'],
      producerId: row['producer_id'],
      sums: sumsOf(row),
    }));
  }

  private async valuePeriodSums(
    range: Range,
    groupBy: ComparisonGrouping,
    status: ComparisonStatus,
  ): Promise<PeriodSums[]> {
    const source = this.valueSource(groupBy, status);
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `WITH ${UNIT_KEYS}
       SELECT v.criterion_code, to_char(r.period_start, 'YYYY-MM-DD') AS period_start, ${source.key} AS group_key,
              count(DISTINCT r.producer_id) AS producers, ${VALUE_SUMS},
              percentile_cont(0.5) WITHIN GROUP (ORDER BY v.measured) AS median
       ${source.sql}
       GROUP BY v.criterion_code, r.period_start, ${source.key}`,
      [range.organiserId, range.service, range.from, range.to, range.criteria],
    );
    return rows.map(periodRow);
  }

  /** Each group's reporting coverage and its contracts' unit prices. */
  private async groups(range: Range, groupBy: ComparisonGrouping): Promise<ComparisonGroup[]> {
    const { key, byUnits } = GROUP_KEYS[groupBy];
    const [coverage, cost]: [Record<string, string>[], Record<string, string>[]] = await Promise.all([
      this.dataSource.query(
        `WITH ${UNIT_KEYS}
         SELECT ${key} AS group_key, min(p.name) AS label, min(p.type) AS producer_type,
                count(*) FILTER (WHERE r.revision_count > 0 OR r.due_date < $5) AS expected,
                count(*) FILTER (WHERE r.revision_count > 0) AS submitted,
                count(*) FILTER (WHERE r.accepted_revision IS NOT NULL) AS accepted
           FROM report r
           JOIN producer p ON p.id = r.producer_id
           ${byUnits ? 'JOIN unit_keys k ON k.contract_service_id = r.contract_service_id' : ''}
          WHERE r.organiser_id = $1 AND r.service_code = $2 AND r.period_start BETWEEN $3 AND $4
          GROUP BY ${key}`,
        [range.organiserId, range.service, range.from, range.to, helsinkiToday()],
      ),
      this.dataSource.query(
        `WITH ${UNIT_KEYS}
         SELECT ${key} AS group_key, min(p.name) AS label, min(p.type) AS producer_type,
                sum(cs.unit_price * cs.estimated_volume) AS spend, sum(cs.estimated_volume) AS volume,
                avg(cs.unit_price) AS mean_price
           FROM contract_service cs
           JOIN contract ct ON ct.id = cs.contract_id
           JOIN producer p ON p.id = ct.producer_id
           ${byUnits ? 'JOIN unit_keys k ON k.contract_service_id = cs.id' : ''}
          WHERE cs.organiser_id = $1 AND cs.service_code = $2 AND ct.status <> 'DRAFT'
            AND ct.valid_from <= $4 AND (ct.valid_to IS NULL OR ct.valid_to >= $3)
          GROUP BY ${key}`,
        [range.organiserId, range.service, range.from, range.toEnd],
      ),
    ]);
    const groups = new Map<string, ComparisonGroup>();
    const groupOf = (row: Record<string, string>) => {
      let group = groups.get(row['group_key']);
      if (!group) {
        group = emptyGroup(
          row['group_key'],
          groupBy === 'producer' ? row['label'] : null,
          groupBy === 'producerType'
            ? (row['group_key'] as ProducerType)
            : groupBy === 'producer'
              ? (row['producer_type'] as ProducerType)
              : null,
        );
        groups.set(group.key, group);
      }
      return group;
    };
    for (const row of coverage) {
      const group = groupOf(row);
      group.expected = Number(row['expected']);
      group.submitted = Number(row['submitted']);
      group.accepted = Number(row['accepted']);
      group.coverage = rounded(
        group.expected > 0 ? (100 * Math.min(group.submitted, group.expected)) / group.expected : null,
      );
    }
    for (const row of cost) {
      const group = groupOf(row);
      const volume = Number(row['volume']);
      group.estimatedVolume = volume;
      group.unitPrice = rounded(volume > 0 ? Number(row['spend']) / volume : Number(row['mean_price']));
    }
    return [...groups.values()];
  }

  private orderGroups(
    groupBy: ComparisonGrouping,
    groups: ComparisonGroup[],
    keys: Set<string>,
  ): ComparisonGroup[] {
    const byKey = new Map(groups.map((group) => [group.key, group]));
    for (const key of keys) {
      if (!byKey.has(key))
        byKey.set(key, emptyGroup(key, null, groupBy === 'producerType' ? (key as ProducerType) : null));
    }
    const typeOrder = (type: ProducerType | null) =>
      type ? PRODUCER_TYPES.indexOf(type) : PRODUCER_TYPES.length;
    return [...byKey.values()].sort(
      (a, b) =>
        typeOrder(a.producerType) - typeOrder(b.producerType) ||
        (a.label ?? a.key).localeCompare(b.label ?? b.key, 'fi'),
    );
  }

  private criterionFigures(
    row: CriterionRow,
    groups: readonly ComparisonGroup[],
    producerSums: readonly ProducerSums[],
    periodSums: readonly PeriodSums[],
  ): ComparisonCriterion {
    const rule: MeasureRule = {
      measureType: row.measure_type,
      rateMultiplier: row.rate_multiplier === null ? null : Number(row.rate_multiplier),
    };
    const mine = producerSums.filter((sums) => sums.criterion === row.code);
    const periods = periodSums.filter((sums) => sums.criterion === row.code);
    // All producers together: a producer in two groups (two districts) counts once, with both.
    const byProducer = new Map<string, Sums>();
    for (const one of mine)
      byProducer.set(one.producerId, addSums(byProducer.get(one.producerId) ?? emptySums(), one.sums));
    return {
      code: row.code,
      name: row.name,
      unit: row.unit,
      measureType: row.measure_type,
      direction: row.direction,
      decimals: row.decimals,
      rateMultiplier: rule.rateMultiplier,
      target: row.target === null ? null : Number(row.target),
      groups: groups.map((group) => ({
        key: group.key,
        ...groupFigures(
          rule,
          mine.filter((one) => one.key === group.key).map((one) => one.sums),
        ),
        series: periods
          .filter((one) => one.key === group.key)
          .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
          .map((one): ComparisonPoint =>
            seriesPoint(rule, one.periodStart, one.producers, one.sums, one.median),
          ),
      })),
      total: groupFigures(rule, [...byProducer.values()]),
    };
  }
}

function emptyGroup(key: string, label: string | null, producerType: ProducerType | null): ComparisonGroup {
  return {
    key,
    label,
    producerType,
    expected: 0,
    submitted: 0,
    accepted: 0,
    coverage: null,
    unitPrice: null,
    estimatedVolume: 0,
  };
}

function periodRow(row: Record<string, unknown>): PeriodSums {
  return {
    criterion: row['criterion_code'] as string,
    key: row['group_key'] as string,
    periodStart: row['period_start'] as string,
    producers: Number(row['producers']),
    sums: sumsOf(row),
    median: row['median'] === null ? null : Number(row['median']),
  };
}

@ApiTags('comparisons')
@ApiBearerAuth()
@Controller('comparisons')
export class ComparisonsController {
  constructor(private readonly comparisons: ComparisonsService) {}

  @Get()
  @Access.roles('ADMIN', 'CONTRACT_MANAGER', 'ANALYST')
  @ApiOperation({
    summary:
      "In-house, purchased and voucher production (or producers, districts, languages) on one service's criteria over a period range: pooled values, distribution, coverage, target share, traffic lights, series per period and unit prices",
  })
  @ApiOkResponse({ description: 'ComparisonResult (see libs/shared comparisons.ts)' })
  compare(@Auth() auth: AuthContext, @Query() query: ComparisonQueryDto): Promise<ComparisonResult> {
    return this.comparisons.compare(auth, query);
  }
}
