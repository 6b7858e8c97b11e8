import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager } from 'typeorm';
import { parse } from 'yaml';
import {
  Band,
  CODE_PATTERN,
  DIRECTIONS,
  Direction,
  LANGUAGES,
  Localized,
  MEASURE_TYPES,
  MeasureType,
  OUTPUT_UNITS,
  OutputUnit,
  REPORTING_FREQUENCIES,
  ReportingFrequency,
  SERVICE_AREAS,
  ServiceArea,
  termsItemProblems,
} from '@sopu/shared';
import { criterionRuleIssues, isPooled } from '@sopu/api/catalogue';
import { isIsoDate } from '@sopu/api/platform';
import { check } from './seed-check';

interface DescriptionSeed {
  organiser: string;
  code: string;
  area: ServiceArea;
  outputUnit: OutputUnit;
  name: Localized;
  description: Localized;
  inclusions: Localized;
  targetGroup: Localized;
}

interface CriterionSeed {
  organiser: string;
  code: string;
  measureType: MeasureType;
  direction: Direction;
  unit: Localized;
  name: Localized;
  definition: Localized;
  interpretation: Localized;
  numeratorDefinition?: Localized;
  denominatorDefinition?: Localized;
  minValue?: number;
  maxValue?: number;
  decimals?: number;
  scaleMin?: number;
  scaleMax?: number;
  rateMultiplier?: number;
  allowNotApplicable?: boolean;
}

interface BandSeed {
  min?: number;
  max?: number;
}

interface TermsItemSeed {
  criterion: string;
  required: boolean;
  target: number | null;
  green?: BandSeed;
  amber?: BandSeed;
  frequency: ReportingFrequency;
  evidenceRequired?: boolean;
}

interface TermsSeed {
  organiser: string;
  service: string;
  validFrom: string;
  items: TermsItemSeed[];
}

export interface CatalogueSeedResult {
  serviceDescriptions: number;
  criteria: number;
  terms: number;
}

function checkTrilingual(text: Localized | undefined, where: string): void {
  for (const lang of LANGUAGES) check(Boolean(text?.[lang]?.trim()), `${where}: missing ${lang} text`);
}

const band = (seed: BandSeed | undefined): Band | null =>
  seed ? { min: seed.min ?? null, max: seed.max ?? null } : null;

/** A criterion as the rules see it: what the YAML leaves out is null. */
function asRule(c: CriterionSeed) {
  const percentage = c.measureType === 'PERCENTAGE';
  return {
    code: c.code,
    measureType: c.measureType,
    direction: c.direction,
    unit: c.unit,
    name: c.name,
    definition: c.definition,
    interpretation: c.interpretation,
    numeratorDefinition: c.numeratorDefinition ?? null,
    denominatorDefinition: c.denominatorDefinition ?? null,
    minValue: c.minValue ?? (percentage ? 0 : null),
    maxValue: c.maxValue ?? (percentage ? 100 : null),
    decimals: c.decimals ?? 0,
    scaleMin: c.scaleMin ?? null,
    scaleMax: c.scaleMax ?? null,
    rateMultiplier: c.rateMultiplier ?? null,
    allowNotApplicable: c.allowNotApplicable ?? false,
  };
}

/**
 * Loads `catalogue.yaml`: service descriptions (published version 1), criteria, and a published
 * terms version per service. Refuses the file if anything in it could not be published through
 * the API; inserts only codes that are missing and never changes an existing row.
 */
export async function seedCatalogue(
  em: EntityManager,
  dir: string,
  organiserIds: Map<string, string>,
): Promise<CatalogueSeedResult> {
  const result: CatalogueSeedResult = { serviceDescriptions: 0, criteria: 0, terms: 0 };
  const file = join(dir, 'catalogue.yaml');
  if (!existsSync(file)) return result;
  const parsed = parse(readFileSync(file, 'utf8')) as {
    serviceDescriptions?: DescriptionSeed[];
    criteria?: CriterionSeed[];
    terms?: TermsSeed[];
  };
  const descriptions = parsed.serviceDescriptions ?? [];
  const criteria = parsed.criteria ?? [];
  const terms = parsed.terms ?? [];

  const organiserOf = (key: string, where: string): string => {
    const id = organiserIds.get(key);
    check(Boolean(id), `${where}: unknown organiser ${key}`);
    return id as string;
  };
  for (const d of descriptions) {
    const where = `service description ${d.code}`;
    check(CODE_PATTERN.test(d.code), `${where}: invalid code`);
    check(SERVICE_AREAS.includes(d.area), `${where}: unknown area ${d.area}`);
    check(OUTPUT_UNITS.includes(d.outputUnit), `${where}: unknown output unit ${d.outputUnit}`);
    for (const field of ['name', 'description', 'inclusions', 'targetGroup'] as const)
      checkTrilingual(d[field], `${where} ${field}`);
  }
  const rules = new Map<string, ReturnType<typeof asRule>>();
  for (const c of criteria) {
    const where = `criterion ${c.code}`;
    check(CODE_PATTERN.test(c.code), `${where}: invalid code`);
    check(MEASURE_TYPES.includes(c.measureType), `${where}: unknown measure type ${c.measureType}`);
    check(DIRECTIONS.includes(c.direction), `${where}: unknown direction ${c.direction}`);
    const rule = asRule(c);
    const issues = criterionRuleIssues(rule);
    check(issues.length === 0, `${where}: ${issues.map((i) => `${i.field} ${i.problem}`).join(', ')}`);
    for (const field of ['unit', 'name', 'definition', 'interpretation'] as const)
      checkTrilingual(c[field], `${where} ${field}`);
    if (isPooled(c)) {
      checkTrilingual(c.numeratorDefinition, `${where} numeratorDefinition`);
      checkTrilingual(c.denominatorDefinition, `${where} denominatorDefinition`);
    }
    rules.set(`${c.organiser}/${c.code}`, rule);
  }
  for (const t of terms) {
    const where = `terms of ${t.service}`;
    check(
      descriptions.some((d) => d.organiser === t.organiser && d.code === t.service),
      `${where}: unknown service`,
    );
    check(isIsoDate(String(t.validFrom)), `${where}: validFrom must be a date YYYY-MM-DD`);
    check(t.items.length > 0, `${where}: no items`);
    t.items.forEach((item, index) => {
      const rule = rules.get(`${t.organiser}/${item.criterion}`);
      check(Boolean(rule), `${where} item ${index}: unknown criterion ${item.criterion}`);
      check(REPORTING_FREQUENCIES.includes(item.frequency), `${where} item ${index}: unknown frequency`);
      const problems = termsItemProblems(rule as ReturnType<typeof asRule>, {
        target: item.target ?? null,
        green: band(item.green),
        amber: band(item.amber),
      });
      check(problems.length === 0, `${where} item ${index} (${item.criterion}): ${problems.join(', ')}`);
    });
  }

  const descriptionIds = new Map<string, string>();
  for (const d of descriptions) {
    const organiserId = organiserOf(d.organiser, `service description ${d.code}`);
    const existing: { id: string }[] = await em.query(
      `SELECT id FROM service_description WHERE organiser_id = $1 AND code = $2 ORDER BY version DESC LIMIT 1`,
      [organiserId, d.code],
    );
    if (existing.length > 0) {
      descriptionIds.set(`${d.organiser}/${d.code}`, existing[0].id);
      continue;
    }
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO service_description
         (organiser_id, code, version, status, area, output_unit, name, description, inclusions, target_group, published_at)
       VALUES ($1, $2, 1, 'PUBLISHED', $3, $4, $5, $6, $7, $8, now()) RETURNING id`,
      [
        organiserId,
        d.code,
        d.area,
        d.outputUnit,
        JSON.stringify(d.name),
        JSON.stringify(d.description),
        JSON.stringify(d.inclusions),
        JSON.stringify(d.targetGroup),
      ],
    );
    descriptionIds.set(`${d.organiser}/${d.code}`, row.id);
    result.serviceDescriptions += 1;
  }

  const criterionIds = new Map<string, string>();
  for (const c of criteria) {
    const organiserId = organiserOf(c.organiser, `criterion ${c.code}`);
    const r = rules.get(`${c.organiser}/${c.code}`) as ReturnType<typeof asRule>;
    const inserted: unknown[] = await em.query(
      `INSERT INTO criterion
         (organiser_id, code, measure_type, direction, unit, name, definition, interpretation,
          numerator_definition, denominator_definition, min_value, max_value, decimals, scale_min, scale_max,
          rate_multiplier, allow_not_applicable)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT (organiser_id, code) DO NOTHING RETURNING id`,
      [
        organiserId,
        r.code,
        r.measureType,
        r.direction,
        JSON.stringify(r.unit),
        JSON.stringify(r.name),
        JSON.stringify(r.definition),
        JSON.stringify(r.interpretation),
        r.numeratorDefinition ? JSON.stringify(r.numeratorDefinition) : null,
        r.denominatorDefinition ? JSON.stringify(r.denominatorDefinition) : null,
        r.minValue,
        r.maxValue,
        r.decimals,
        r.scaleMin,
        r.scaleMax,
        r.rateMultiplier,
        r.allowNotApplicable,
      ],
    );
    result.criteria += inserted.length;
    const [row]: { id: string }[] = await em.query(
      `SELECT id FROM criterion WHERE organiser_id = $1 AND code = $2`,
      [organiserId, c.code],
    );
    criterionIds.set(`${c.organiser}/${c.code}`, row.id);
  }

  for (const t of terms) {
    const organiserId = organiserOf(t.organiser, `terms of ${t.service}`);
    const existing: unknown[] = await em.query(
      `SELECT 1 FROM monitoring_terms WHERE organiser_id = $1 AND service_code = $2 LIMIT 1`,
      [organiserId, t.service],
    );
    if (existing.length > 0) continue;
    // Made as a draft with its items, then published: the freeze triggers see the real order.
    const [row]: { id: string }[] = await em.query(
      `INSERT INTO monitoring_terms (organiser_id, service_code, service_description_id, version, status, valid_from)
       VALUES ($1, $2, $3, 1, 'DRAFT', $4::date) RETURNING id`,
      [organiserId, t.service, descriptionIds.get(`${t.organiser}/${t.service}`), String(t.validFrom)],
    );
    for (const [position, item] of t.items.entries()) {
      const green = band(item.green);
      const amber = band(item.amber);
      await em.query(
        `INSERT INTO monitoring_terms_item
           (organiser_id, terms_id, criterion_id, position, required, target, has_green, green_min, green_max,
            has_amber, amber_min, amber_max, frequency, evidence_required)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
        [
          organiserId,
          row.id,
          criterionIds.get(`${t.organiser}/${item.criterion}`),
          position,
          item.required,
          item.target ?? null,
          green !== null,
          green?.min ?? null,
          green?.max ?? null,
          amber !== null,
          amber?.min ?? null,
          amber?.max ?? null,
          item.frequency,
          item.evidenceRequired ?? false,
        ],
      );
    }
    await em.query(`UPDATE monitoring_terms SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
      row.id,
    ]);
    result.terms += 1;
  }
  return result;
}
