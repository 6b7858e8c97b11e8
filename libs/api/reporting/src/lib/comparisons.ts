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
import { figuresOf, groupFigures, rounded, seriesPointOf, SUM_FIELDS, valueRule } from './comparison-figures';
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

/** Rows of the figures and series queries, by criterion and then by group key (null: all producers). */
type RowsByCriterion = Map<string, Map<string | null, Record<string, unknown>[]>>;

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

/** A query's SQL and parameters; `$rule` in it becomes the criteria's measure rules. */
interface Sql {
  text: string;
  params: unknown[];
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

/**
 * Each grouping's key over `p` (producer) or `k` (unit_keys, joined only when the key needs it; a
 * producer's contracts may then put it in several groups).
 */
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
    const [figureRows, seriesRows, groups] = await Promise.all([
      this.run(criteria, fast ? this.runningFigures(range) : this.valueFigures(range, groupBy, status)),
      this.run(criteria, fast ? this.typePeriodSeries(range) : this.valueSeries(range, groupBy, status)),
      this.groups(range, groupBy),
    ]);
    const keys = new Set(groups.map((group) => group.key));
    for (const row of figureRows) if (row['group_key'] !== null) keys.add(row['group_key'] as string);
    const ordered = this.orderGroups(groupBy, groups, keys);
    const figures = byCriterionAndGroup(figureRows);
    const series = byCriterionAndGroup(seriesRows);

    return {
      service: { code: service[0].code, name: service[0].name, outputUnit: service[0].output_unit },
      from: query.from,
      to: query.to,
      groupBy,
      status,
      periods: [...new Set(seriesRows.map((row) => row['period_start'] as string))].sort(),
      groups: ordered,
      criteria: criteria.map((criterion) =>
        this.criterionFigures(criterion, ordered, figures.get(criterion.code), series.get(criterion.code)),
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

  /**
   * Runs a figures or series query with the criteria's measure rules: the query's `$rule` becomes
   * the relation `rule` (`code`, `mt`, `mult`), and `$codes` the array of the criteria's codes.
   */
  private run(criteria: readonly CriterionRow[], sql: Sql): Promise<Record<string, unknown>[]> {
    const first = sql.params.length + 1;
    const rule = `rule AS (
      SELECT * FROM unnest($${first}::varchar[], $${first + 1}::varchar[], $${first + 2}::double precision[])
        AS rule (code, mt, mult))`;
    return this.dataSource.query(
      sql.text.replace('$rule', rule).replaceAll('$codes', `$${first}::varchar[]`),
      [
        ...sql.params,
        criteria.map((criterion) => criterion.code),
        criteria.map((criterion) => criterion.measure_type),
        criteria.map((criterion) =>
          criterion.rate_multiplier === null ? 1 : Number(criterion.rate_multiplier),
        ),
      ],
    );
  }

  /**
   * The figures from the running totals: each producer's sums for the range are the row at its
   * end minus the one before it; the row at the end is the one in its last month, or a producer's
   * last row inside the range. Three index-only scans, since all of it is in the covering indexes.
   */
  private runningFigures(range: Range): Sql {
    const columns = `criterion_code, producer_id, producer_type, ${SUM_FIELDS.join(', ')}`;
    const difference = SUM_FIELDS.map((field) => `e.${field} - coalesce(s.${field}, 0) AS ${field}`).join(
      ', ',
    );
    return {
      text: `WITH $rule,
       e AS (
         SELECT ${columns} FROM comparison_running
          WHERE organiser_id = $1 AND service_code = $2 AND period_start = $4 AND criterion_code = ANY ($codes)
         UNION ALL
         SELECT ${columns} FROM comparison_running
          WHERE organiser_id = $1 AND service_code = $2 AND is_last AND period_start >= $3 AND period_start < $4
            AND criterion_code = ANY ($codes)
       ),
       s AS (
         SELECT ${columns} FROM comparison_running
          WHERE organiser_id = $1 AND service_code = $2 AND period_start = $5 AND criterion_code = ANY ($codes)
       ),
       ps AS (
         SELECT * FROM (
           SELECT e.criterion_code, e.producer_type AS group_key, e.producer_id, ${difference}
             FROM e LEFT JOIN s ON s.producer_id = e.producer_id AND s.criterion_code = e.criterion_code
         ) d WHERE n > 0 OR na > 0
       ),
       ${groupFigures(true)}`,
      params: [range.organiserId, range.service, range.from, range.to, range.before],
    };
  }

  /** The series from the summaries of each producer type and period. */
  private typePeriodSeries(range: Range): Sql {
    return {
      text: `WITH $rule
       SELECT t.criterion_code, to_char(t.period_start, 'YYYY-MM-DD') AS period_start, t.producer_type AS group_key,
              t.producers, t.n, t.num, t.den, t.median, ${valueRule((field) => `t.${field}`, 'rule.mt', 'rule.mult')} AS pooled
         FROM comparison_type_period t JOIN rule ON rule.code = t.criterion_code
        WHERE t.organiser_id = $1 AND t.service_code = $2 AND t.period_start BETWEEN $3 AND $4
        ORDER BY t.period_start`,
      params: [range.organiserId, range.service, range.from, range.to],
    };
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
         AND v.criterion_code = ANY ($codes)`,
    };
  }

  /** The figures aggregated from the values: the plain aggregate, for any grouping and status. */
  private valueFigures(range: Range, groupBy: ComparisonGrouping, status: ComparisonStatus): Sql {
    const source = this.valueSource(groupBy, status);
    return {
      text: `WITH ${UNIT_KEYS}, $rule,
       ps AS (
         SELECT v.criterion_code, ${source.key} AS group_key, r.producer_id, ${VALUE_SUMS}
         ${source.sql}
         GROUP BY v.criterion_code, ${source.key}, r.producer_id
       ),
       ${groupFigures(!GROUP_KEYS[groupBy].byUnits)}`,
      params: [range.organiserId, range.service, range.from, range.to],
    };
  }

  /** The series aggregated from the values. */
  private valueSeries(range: Range, groupBy: ComparisonGrouping, status: ComparisonStatus): Sql {
    const source = this.valueSource(groupBy, status);
    return {
      text: `WITH ${UNIT_KEYS}, $rule,
       g AS (
         SELECT v.criterion_code, r.period_start, ${source.key} AS group_key,
                count(DISTINCT r.producer_id) AS producers, ${VALUE_SUMS},
                percentile_cont(0.5) WITHIN GROUP (ORDER BY v.measured) AS median
         ${source.sql}
         GROUP BY v.criterion_code, r.period_start, ${source.key}
       )
       SELECT g.criterion_code, to_char(g.period_start, 'YYYY-MM-DD') AS period_start, g.group_key,
              g.producers, g.n, g.num, g.den, g.median, ${valueRule((field) => `g.${field}`, 'rule.mt', 'rule.mult')} AS pooled
         FROM g JOIN rule ON rule.code = g.criterion_code
        ORDER BY g.period_start`,
      params: [range.organiserId, range.service, range.from, range.to],
    };
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
    figures: Map<string | null, Record<string, unknown>[]> | undefined,
    series: Map<string | null, Record<string, unknown>[]> | undefined,
  ): ComparisonCriterion {
    const type = row.measure_type;
    const figuresOfGroup = (key: string | null) => figuresOf(type, figures?.get(key)?.[0] ?? {});
    return {
      code: row.code,
      name: row.name,
      unit: row.unit,
      measureType: type,
      direction: row.direction,
      decimals: row.decimals,
      rateMultiplier: row.rate_multiplier === null ? null : Number(row.rate_multiplier),
      target: row.target === null ? null : Number(row.target),
      groups: groups.map((group) => ({
        key: group.key,
        ...figuresOfGroup(group.key),
        series: (series?.get(group.key) ?? []).map((point) => seriesPointOf(type, point)),
      })),
      // All producers together: a producer in two groups (two districts) counts once, with both.
      total: figuresOfGroup(null),
    };
  }
}

/** Rows by criterion and then by group key (null: all producers together), in their order. */
function byCriterionAndGroup(rows: Record<string, unknown>[]): RowsByCriterion {
  const map: RowsByCriterion = new Map();
  for (const row of rows) {
    const criterion = row['criterion_code'] as string;
    let groups = map.get(criterion);
    if (!groups) map.set(criterion, (groups = new Map()));
    const key = row['group_key'] as string | null;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return map;
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
