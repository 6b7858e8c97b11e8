import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EntityManager, In } from 'typeorm';
import { parse } from 'yaml';
import {
  addWorkingDays,
  CorrectiveActionSeverity,
  CorrectiveActionStatus,
  DeviationKind,
  ExpectedReportStatus,
  PeriodType,
  ProducerType,
  ReportFormItem,
  ReportValueInput,
  ReportValueView,
  validateValue,
  ValueCheck,
} from '@sopu/shared';
import { CriterionEntity, MonitoringTermsItemEntity, toCriterion, toTermsItem } from '@sopu/api/catalogue';
import { helsinkiToday } from '@sopu/api/reporting';
import { check } from './seed-check';

// ── Knobs (seeds/demo/reporting.yaml) ──────────────────────────────────────────────────────────

interface DenominatorModel {
  of: 'clients' | 'careDays' | 'volume' | 'staff';
  factor: number;
  min?: number;
  perDay?: boolean;
}

interface CriterionModel {
  relative?: boolean;
  mean: number;
  spread?: number;
  noise?: number;
  summer?: number;
  winter?: number;
  trend?: number;
  min?: number;
  max?: number;
  denominator?: DenominatorModel;
  poisson?: boolean;
  per?: 'clients' | 'volume';
}

interface ProducerKnobs {
  quality?: number;
  late?: number;
  missing?: number;
  returned?: number;
  awaitingReview?: boolean;
  clients?: number;
}

interface Scenario {
  producer: string;
  service: string;
  period: PeriodType;
  start: string;
  status: ExpectedReportStatus;
  notApplicable?: string;
}

interface RedRun {
  producer: string;
  service: string;
  criterion: string;
  period: PeriodType;
  starts: string[];
  actions: CorrectiveActionStatus[];
}

interface ReportingKnobs {
  seed: number;
  reviewer: string;
  typeQuality: Record<ProducerType, number>;
  typeCriterionQuality: Partial<Record<ProducerType, Record<string, number>>>;
  costLevel: Record<ProducerType, number>;
  behaviour: { late: number; missing: number; returned: number };
  producers: Record<string, ProducerKnobs>;
  serviceClients: Record<string, number>;
  criteria: Record<string, CriterionModel>;
  texts: Record<string, string[]>;
  redComments: string[];
  returnComments: string[];
  naReasons: string[];
  actionDescriptions: Record<DeviationKind, string>;
  plans: string[];
  rejectComments: string[];
  closeReasons: string[];
  scenarios: Scenario[];
  redRuns: RedRun[];
}

export interface ReportsSeedResult {
  reportsFilled: number;
  reportRevisions: number;
  deviations: number;
  correctiveActions: number;
}

// ── Deterministic randomness ───────────────────────────────────────────────────────────────────

/** FNV-1a: a 32-bit seed from text, so each report draws its own stream whatever the order. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG with a 32-bit state. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Dice {
  private readonly next: () => number;
  constructor(seed: number, key: string) {
    this.next = mulberry32(hash(`${seed}|${key}`));
  }
  unit(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A whole number from lo to hi inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)];
  }
  gauss(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit && k < 1000) {
      k += 1;
      p *= this.next();
    }
    return k;
  }
}

// ── Dates in Helsinki ──────────────────────────────────────────────────────────────────────────

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
/** The first working day on or after `date`. */
const workingDayFrom = (date: string): string => addWorkingDays(addDays(date, -1), 1);

function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0));
  return addDays(last.toISOString().slice(0, 10), -last.getUTCDay());
}

/** A Helsinki wall-clock time on `date` as a timestamp (EET, EEST from the last Sunday of March to that of October). */
function at(date: string, minutes: number): string {
  const year = Number(date.slice(0, 4));
  const summer = date >= lastSunday(year, 3) && date < lastSunday(year, 10);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}:00${summer ? '+03:00' : '+02:00'}`;
}
const later = (a: string, b: string): boolean => Date.parse(a) > Date.parse(b);

// ── What the database gives ────────────────────────────────────────────────────────────────────

interface Obligation {
  id: string;
  organiser_id: string;
  contract_id: string;
  contract_service_id: string;
  producer_id: string;
  producer_type: ProducerType;
  service_code: string;
  terms_id: string;
  period_type: PeriodType;
  period_start: string;
  period_end: string;
  due_date: string;
  manager_id: string | null;
  estimated_volume: number;
  capacity: number | null;
}

interface User {
  id: string;
  email: string;
}

const FREQUENCY_OF_PERIOD = { MONTH: 'MONTHLY', QUARTER: 'QUARTERLY', YEAR: 'YEARLY' } as const;

/** The form of each terms version and frequency, made exactly as the reporting API makes it. */
async function loadForms(em: EntityManager, termsIds: string[]): Promise<Map<string, ReportFormItem[]>> {
  const items = await em.find(MonitoringTermsItemEntity, {
    where: { termsId: In(termsIds) },
    order: { position: 'ASC' },
  });
  const criteria = await em.findBy(CriterionEntity, {
    id: In([...new Set(items.map((i) => i.criterionId))]),
  });
  const byId = new Map(criteria.map((c) => [c.id, c]));
  const forms = new Map<string, ReportFormItem[]>();
  for (const item of items) {
    const criterion = byId.get(item.criterionId) as CriterionEntity;
    const key = `${item.termsId}/${item.frequency}`;
    forms.set(key, [
      ...(forms.get(key) ?? []),
      { criterion: toCriterion(criterion), item: toTermsItem(item, criterion.code) },
    ]);
  }
  return forms;
}

// ── Rows to insert ─────────────────────────────────────────────────────────────────────────────

type Row = Record<string, unknown>;

interface SimDeviation {
  id: string;
  kind: DeviationKind;
  criterion: string;
  measured: number | null;
  first: number;
  last: number;
  status: 'OPEN' | 'CLEARED';
  detectedAt: string;
  clearedAt: string | null;
}

/** One report as the simulation leaves it. */
interface SimReport {
  report: Obligation;
  producerKey: string;
  status: ExpectedReportStatus;
  revisions: { number: number; submittedAt: string; late: boolean; values: ReportValueView[] }[];
  deviations: Map<string, SimDeviation>;
}

const HIGHER = 1;

/**
 * Fills the demo organiser's expected reports with 24 months of history (`reporting.yaml`):
 * revisions with their value rows, reviews, deviations found by the submission rules and
 * corrective actions in every state, all in a few multi-row statements in the caller's
 * transaction. Every value is checked with the server's own `validateValue`; a value the server
 * would refuse stops the seed. Adds nothing when any report of the organiser was already filled.
 */
export async function seedReports(
  em: EntityManager,
  dir: string,
  organiserId: string,
  producerIds: Map<string, string>,
  today = helsinkiToday(),
): Promise<ReportsSeedResult> {
  const result: ReportsSeedResult = {
    reportsFilled: 0,
    reportRevisions: 0,
    deviations: 0,
    correctiveActions: 0,
  };
  const file = join(dir, 'reporting.yaml');
  if (!existsSync(file)) return result;
  const knobs = (parse(readFileSync(file, 'utf8')) as { reporting: ReportingKnobs }).reporting;
  const touched: unknown[] = await em.query(
    `SELECT 1 FROM report WHERE organiser_id = $1 AND (status <> 'EXPECTED' OR draft_version > 0 OR revision_count > 0) LIMIT 1`,
    [organiserId],
  );
  if (touched.length > 0) return result;

  const producerKeys = new Map([...producerIds].map(([key, id]) => [id, key]));
  const obligations: Obligation[] = await em.query(
    `SELECT r.id, r.organiser_id, r.contract_id, r.contract_service_id, r.producer_id, p.type AS producer_type,
            r.service_code, r.terms_id, r.period_type, to_char(r.period_start, 'YYYY-MM-DD') AS period_start,
            to_char(r.period_end, 'YYYY-MM-DD') AS period_end, to_char(r.due_date, 'YYYY-MM-DD') AS due_date,
            c.manager_id, s.estimated_volume::float8 AS estimated_volume,
            (SELECT sum(u.capacity)::int FROM service_unit u WHERE u.producer_id = p.id) AS capacity
       FROM report r
       JOIN contract c ON c.id = r.contract_id
       JOIN contract_service s ON s.id = r.contract_service_id
       JOIN producer p ON p.id = r.producer_id
      WHERE r.organiser_id = $1 AND r.period_start <= $2::date
      ORDER BY r.contract_service_id, r.period_type, r.period_start`,
    [organiserId, today],
  );
  if (obligations.length === 0) return result;
  const forms = await loadForms(em, [...new Set(obligations.map((o) => o.terms_id))]);
  const [reviewer]: User[] = await em.query(
    `SELECT id, email FROM app_user WHERE organiser_id = $1 AND lower(email) = lower($2)`,
    [organiserId, knobs.reviewer],
  );
  check(Boolean(reviewer), `reporting: unknown reviewer ${knobs.reviewer}`);
  const reporters = new Map<string, User>(
    (
      (await em.query(
        `SELECT DISTINCT ON (producer_id) producer_id, id, email FROM app_user
          WHERE organiser_id = $1 AND role = 'PROVIDER_REPORTER' ORDER BY producer_id, email`,
        [organiserId],
      )) as (User & { producer_id: string })[]
    ).map((u) => [u.producer_id, u]),
  );
  for (const key of Object.keys(knobs.producers))
    check(producerIds.has(key), `reporting: unknown producer ${key}`);

  const scenarioOf = new Map<string, Scenario>();
  const runOf = new Map<string, { run: RedRun; index: number }>();
  const obligationKey = (producer: string, service: string, period: PeriodType, start: string) =>
    `${producer}/${service}/${period}/${start}`;
  const keyOf = (sim: SimReport) =>
    obligationKey(sim.producerKey, sim.report.service_code, sim.report.period_type, sim.report.period_start);
  for (const s of knobs.scenarios ?? [])
    scenarioOf.set(obligationKey(s.producer, s.service, s.period, s.start), s);
  for (const run of knobs.redRuns ?? [])
    run.starts.forEach((start, index) =>
      runOf.set(obligationKey(run.producer, run.service, run.period, start), { run, index }),
    );
  const found = new Set<string>();

  const rows = {
    reports: [] as Row[],
    revisions: [] as Row[],
    values: [] as Row[],
    reviews: [] as Row[],
    deviations: [] as Row[],
    actions: [] as Row[],
    audit: [] as Row[],
  };
  const audit = (
    occurredAt: string,
    actor: User | null,
    action: string,
    entityType: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ) =>
    rows.audit.push({
      organiser_id: organiserId,
      occurred_at: occurredAt,
      actor_id: actor?.id ?? null,
      actor_email: actor?.email ?? null,
      action,
      entity_type: entityType,
      entity_id: entityId,
      before,
      after,
    });

  // ── Values ──

  const quality = (report: Obligation, producerKey: string, code: string): number => {
    const own = knobs.producers[producerKey]?.quality ?? 0;
    const lean = new Dice(knobs.seed, `lean/${producerKey}/${code}`).gauss() * 0.35;
    return (
      own +
      (knobs.typeQuality[report.producer_type] ?? 0) +
      (knobs.typeCriterionQuality[report.producer_type]?.[code] ?? 0) +
      lean
    );
  };
  const clientsOf = (report: Obligation, producerKey: string): number =>
    knobs.producers[producerKey]?.clients ??
    report.capacity ??
    knobs.serviceClients[report.service_code] ??
    50;
  const periodDays = (report: Obligation) => daysBetween(report.period_start, report.period_end) + 1;
  const season = (report: Obligation) => {
    const months: number[] = [];
    for (let d = report.period_start; d <= report.period_end; d = addDays(d, 32).slice(0, 8) + '01')
      months.push(Number(d.slice(5, 7)));
    const summer = { 6: 0.6, 7: 1, 8: 0.6 } as Record<number, number>;
    const winter = { 12: 1, 1: 1, 2: 1 } as Record<number, number>;
    const mean = (weights: Record<number, number>) =>
      months.reduce((sum, m) => sum + (weights[m] ?? 0), 0) / months.length;
    return { summer: mean(summer), winter: mean(winter) };
  };

  function denominator(model: CriterionModel, report: Obligation, producerKey: string, dice: Dice): number {
    const d = model.denominator;
    check(Boolean(d), `reporting: criterion model without a denominator`);
    const spec = d as DenominatorModel;
    const clients = clientsOf(report, producerKey);
    const days = periodDays(report);
    const base =
      spec.of === 'careDays'
        ? clients * days
        : spec.of === 'volume'
          ? (report.estimated_volume * days) / 365
          : clients;
    const count = base * spec.factor * (spec.perDay ? (days * 5) / 7 : 1) * (1 + 0.03 * dice.gauss());
    return Math.max(spec.min ?? 1, Math.round(count));
  }

  /** The producer's true level for the criterion in the period, in the criterion's unit. */
  function level(form: ReportFormItem, report: Obligation, producerKey: string, dice: Dice): number {
    const code = form.criterion.code;
    const model = knobs.criteria[code];
    check(Boolean(model), `reporting: no model for criterion ${code}`);
    const scale = model.relative ? (form.item.target as number) : 1;
    check(!model.relative || form.item.target !== null, `reporting: ${code} is relative but has no target`);
    const better = form.criterion.direction === 'LOWER_IS_BETTER' ? -1 : HIGHER;
    const { summer, winter } = season(report);
    const years = daysBetween('2024-11-01', report.period_start) / 365;
    let x =
      model.mean +
      better *
        ((model.spread ?? 0) * quality(report, producerKey, code) +
          (model.summer ?? 0) * summer +
          (model.winter ?? 0) * winter +
          (model.trend ?? 0) * years) +
      (model.noise ?? 0) * dice.gauss();
    if (model.min !== undefined) x = Math.max(model.min, x);
    if (model.max !== undefined) x = Math.min(model.max, x);
    x *= scale;
    if (code === 'COST_PER_OUTPUT_UNIT') x *= knobs.costLevel[report.producer_type] ?? 1;
    if (model.per === 'clients') x *= clientsOf(report, producerKey);
    if (model.per === 'volume') x *= (report.estimated_volume * periodDays(report)) / 365;
    return x;
  }

  /** An entry that measures `x` in the shape the measure type asks for. */
  function entryOf(
    form: ReportFormItem,
    x: number,
    report: Obligation,
    producerKey: string,
    dice: Dice,
  ): ReportValueInput {
    const { criterion } = form;
    const model = knobs.criteria[criterion.code];
    switch (criterion.measureType) {
      case 'PERCENTAGE': {
        const d = denominator(model, report, producerKey, dice);
        const n = Math.min(d, Math.max(0, Math.round((Math.min(100, Math.max(0, x)) / 100) * d)));
        return { numerator: String(n), denominator: String(d) };
      }
      case 'RATE': {
        const d = denominator(model, report, producerKey, dice);
        return {
          numerator: String(Math.max(0, Math.round((x * d) / (criterion.rateMultiplier ?? 1)))),
          denominator: String(d),
        };
      }
      case 'COUNT':
        return { value: String(model.poisson ? dice.poisson(x) : Math.max(0, Math.round(x))) };
      case 'RATIO':
      case 'DURATION_DAYS':
      case 'CURRENCY_EUR': {
        const decimals =
          criterion.measureType === 'CURRENCY_EUR' ? Math.min(criterion.decimals, 2) : criterion.decimals;
        const low = criterion.minValue ?? 0;
        const high = criterion.maxValue ?? Number.POSITIVE_INFINITY;
        return { value: Math.min(high, Math.max(low, x)).toFixed(decimals) };
      }
      case 'SCALE': {
        const low = criterion.scaleMin ?? 1;
        const high = criterion.scaleMax ?? 5;
        return {
          value: Math.min(high, Math.max(low, x)).toFixed(criterion.decimals),
          respondents: String(denominator(model, report, producerKey, dice)),
        };
      }
      case 'BOOLEAN':
        return { flag: dice.chance(x) };
      case 'TEXT':
        return {};
    }
  }

  /** A value beyond the amber band: red for the item. */
  function redLevel(form: ReportFormItem, dice: Dice, attempt: number): number {
    const outer = form.item.amber ?? form.item.green;
    check(Boolean(outer), `reporting: ${form.criterion.code} has no bands to be red against`);
    const band = outer as { min: number | null; max: number | null };
    const bound = (form.criterion.direction === 'LOWER_IS_BETTER' ? band.max : band.min) as number;
    const margin = Math.abs(bound) * (0.08 + 0.12 * dice.unit()) * (attempt + 1) + 0.5 * attempt;
    return form.criterion.direction === 'LOWER_IS_BETTER' ? bound + margin : bound - margin;
  }

  const validated = (form: ReportFormItem, entry: ReportValueInput, where: string): ValueCheck => {
    const result = validateValue(form.criterion, form.item, entry);
    check(
      result.valid,
      `reporting: ${where} ${form.criterion.code} ${JSON.stringify(entry)} is refused by the server's rules: ` +
        result.issues.map((i) => `${i.field} ${i.problem}`).join(', '),
    );
    return result;
  };

  /** The entries a producer reports for the period, by criterion code, checked like a submission. */
  function valuesOf(
    report: Obligation,
    producerKey: string,
    formItems: ReportFormItem[],
    dice: Dice,
    where: string,
  ): Map<string, { entry: ReportValueInput; check: ValueCheck }> {
    const scenario = scenarioOf.get(
      obligationKey(producerKey, report.service_code, report.period_type, report.period_start),
    );
    const run = runOf.get(
      obligationKey(producerKey, report.service_code, report.period_type, report.period_start),
    );
    const values = new Map<string, { entry: ReportValueInput; check: ValueCheck }>();
    for (const form of formItems) {
      const code = form.criterion.code;
      let entry: ReportValueInput;
      if (scenario?.notApplicable === code) {
        entry = { notApplicable: true, notApplicableReason: dice.pick(knobs.naReasons) };
      } else if (form.criterion.measureType === 'TEXT') {
        const texts = knobs.texts[code] ?? [];
        entry = form.item.required || dice.chance(0.7) ? { text: dice.pick(texts) } : {};
        check(!form.item.required || texts.length > 0, `reporting: no texts for ${code}`);
      } else if (!form.item.required && dice.chance(0.12)) {
        entry = {};
      } else if (run?.run.criterion === code) {
        let attempt = 0;
        do {
          entry = entryOf(form, redLevel(form, dice, attempt), report, producerKey, dice);
          attempt += 1;
        } while (validateValue(form.criterion, form.item, entry).light !== 'RED' && attempt < 6);
        entry = { ...entry, comment: dice.pick(knobs.redComments) };
      } else {
        entry = entryOf(form, level(form, report, producerKey, dice), report, producerKey, dice);
      }
      const result = validated(form, entry, where);
      if (run?.run.criterion === code)
        check(result.light === 'RED', `reporting: ${where} ${code} could not be made red`);
      if (result.light === 'RED' && !entry.comment && dice.chance(0.5))
        entry = { ...entry, comment: dice.pick(knobs.redComments) };
      values.set(code, { entry, check: result });
    }
    return values;
  }

  /** A figure typed wrong, the reason a reviewer returns a report; null when no value can be. */
  function mistype(
    formItems: ReportFormItem[],
    values: Map<string, { entry: ReportValueInput; check: ValueCheck }>,
    dice: Dice,
    where: string,
  ): { code: string; entry: ReportValueInput; check: ValueCheck } | null {
    const candidates = formItems.filter(
      (f) =>
        ['PERCENTAGE', 'RATE', 'COUNT', 'RATIO', 'DURATION_DAYS', 'CURRENCY_EUR'].includes(
          f.criterion.measureType,
        ) &&
        values.get(f.criterion.code)?.check.measured !== null &&
        !values.get(f.criterion.code)?.entry.notApplicable,
    );
    if (candidates.length === 0) return null;
    const first = dice.int(0, candidates.length - 1);
    for (let i = 0; i < candidates.length; i++) {
      const form = candidates[(first + i) % candidates.length];
      const { entry, check: right } = values.get(form.criterion.code) as {
        entry: ReportValueInput;
        check: ValueCheck;
      };
      let wrong: ReportValueInput;
      if (form.criterion.measureType === 'PERCENTAGE')
        // The complement: the visits made reported instead of the visits missed.
        wrong = {
          numerator: String(Number(entry.denominator) - Number(entry.numerator)),
          denominator: entry.denominator,
        };
      else if (form.criterion.measureType === 'RATE')
        // One digit too many in the count.
        wrong = { numerator: `${entry.numerator}7`, denominator: entry.denominator };
      else {
        const max = form.criterion.maxValue ?? Number.POSITIVE_INFINITY;
        const decimals = (entry.value ?? '').split('.')[1]?.length ?? 0;
        const typed = Number(entry.value) * 10;
        wrong = { value: (typed <= max ? typed : Number(entry.value) / 10).toFixed(decimals) };
      }
      const result = validateValue(form.criterion, form.item, wrong);
      if (!result.valid || result.measured === right.measured) continue;
      validated(form, wrong, where);
      return { code: form.criterion.code, entry: wrong, check: result };
    }
    return null;
  }

  // ── Reports ──

  const yesterday = addDays(today, -1);
  const sims: SimReport[] = [];
  for (const report of obligations) {
    const producerKey = producerKeys.get(report.producer_id);
    if (!producerKey) continue;
    const formItems = forms.get(`${report.terms_id}/${FREQUENCY_OF_PERIOD[report.period_type]}`) ?? [];
    if (formItems.length === 0) continue;
    const key = obligationKey(producerKey, report.service_code, report.period_type, report.period_start);
    const where = `report ${key}:`;
    const dice = new Dice(knobs.seed, key);
    const scenario = scenarioOf.get(key);
    if (scenario) found.add(`scenario ${key}`);
    if (runOf.has(key)) found.add(`run ${key}`);
    const producer = { ...knobs.behaviour, awaitingReview: true, ...knobs.producers[producerKey] };
    const reporter = reporters.get(report.producer_id) ?? null;
    const manager = reviewer;
    const values = valuesOf(report, producerKey, formItems, dice, where);
    const sim: SimReport = { report, producerKey, status: 'EXPECTED', revisions: [], deviations: new Map() };
    sims.push(sim);

    const pastDue = report.due_date < today;
    const ended = report.period_end < today;
    const recent = daysBetween(report.due_date, today) < 45;
    let status: ExpectedReportStatus;
    if (scenario && ['EXPECTED', 'DRAFT'].includes(scenario.status)) status = scenario.status;
    else if (scenario) status = 'SUBMITTED';
    else if (!ended) status = report.period_type === 'MONTH' && dice.chance(0.2) ? 'DRAFT' : 'EXPECTED';
    else if (!pastDue) status = dice.chance(0.45) ? 'SUBMITTED' : dice.chance(0.5) ? 'DRAFT' : 'EXPECTED';
    else if (dice.chance(producer.missing * (recent ? 5 : 1)))
      status = recent && dice.chance(0.5) ? 'DRAFT' : 'EXPECTED';
    else status = 'SUBMITTED';

    const draftOf = (list: Map<string, { entry: ReportValueInput }>) =>
      Object.fromEntries([...list].map(([code, v]) => [code, v.entry]));
    if (status === 'EXPECTED' || status === 'DRAFT') {
      sim.status = status;
      if (status === 'DRAFT') {
        // Work in progress: the first figures saved, the rest still empty.
        const filled = [...values].slice(0, Math.max(1, Math.ceil(values.size * (0.3 + 0.5 * dice.unit()))));
        const savedOn = ended ? workingDayFrom(report.period_end) : report.period_start;
        const savedAt = at(savedOn < today ? savedOn : yesterday, dice.int(8 * 60, 15 * 60));
        rows.reports.push({
          id: report.id,
          status,
          draft: Object.fromEntries(filled.map(([code, v]) => [code, v.entry])),
          draft_version: dice.int(1, 3),
          draft_saved_at: savedAt,
          draft_saved_by: reporter?.id ?? null,
          revision_count: 0,
          submitted_at: null,
          accepted_at: null,
          updated_at: savedAt,
        });
      }
      continue;
    }

    // Submitted at least once.
    const late = scenario ? false : pastDue && dice.chance(producer.late);
    let submittedOn = late
      ? workingDayFrom(addDays(report.due_date, dice.int(1, recent ? 6 : 21)))
      : workingDayFrom(addDays(report.due_date, -dice.int(0, 12)));
    if (submittedOn <= report.period_end) submittedOn = workingDayFrom(addDays(report.period_end, 1));
    if (submittedOn > report.due_date && !late) submittedOn = report.due_date;
    if (submittedOn >= today) submittedOn = yesterday;
    const reviewLag = dice.int(1, 6);
    const canAwait = producer.awaitingReview !== false;
    const forcedReturn = scenario?.status === 'RETURNED';
    const wrong =
      forcedReturn || dice.chance(producer.returned) ? mistype(formItems, values, dice, where) : null;
    // A scenario's return needs a figure that can be mistyped; without one the report stays accepted
    // (the seed's test notices), rather than the demo failing to start.

    let draftVersion = 0;
    let submittedAt = '';
    const submit = (
      number: number,
      on: string,
      list: Map<string, { entry: ReportValueInput; check: ValueCheck }>,
    ) => {
      submittedAt = at(on, dice.int(8 * 60, 15 * 60 + 30));
      const isLate = on > report.due_date;
      const revisionId = randomUUID();
      draftVersion += dice.int(1, 2);
      const views: ReportValueView[] = formItems.map((form) => {
        const { entry, check: c } = list.get(form.criterion.code) as {
          entry: ReportValueInput;
          check: ValueCheck;
        };
        return {
          ...entry,
          criterionCode: form.criterion.code,
          measured: c.measured,
          light: c.light,
          issues: c.issues,
        };
      });
      rows.revisions.push({
        id: revisionId,
        organiser_id: organiserId,
        report_id: report.id,
        number,
        idempotency_key: `seed-${report.id}-${number}`,
        submitted_at: submittedAt,
        submitted_by: reporter?.id ?? null,
        submitted_by_email: reporter?.email ?? null,
        via: 'SEED',
        late: isLate,
        values: views,
      });
      for (const form of formItems) {
        const { entry, check: c } = list.get(form.criterion.code) as {
          entry: ReportValueInput;
          check: ValueCheck;
        };
        if (c.empty && !entry.notApplicable) continue;
        rows.values.push({
          revision_id: revisionId,
          criterion_code: form.criterion.code,
          organiser_id: organiserId,
          report_id: report.id,
          producer_id: report.producer_id,
          service_code: report.service_code,
          period_start: report.period_start,
          measure_type: form.criterion.measureType,
          numerator: entry.numerator ?? null,
          denominator: entry.denominator ?? null,
          value: entry.value ?? null,
          respondents: entry.respondents ?? null,
          flag: entry.flag ?? null,
          not_applicable: entry.notApplicable ?? false,
          measured: c.measured,
          light: c.light,
        });
      }
      // Deviations exactly as a submission records them (DeviationsService.record).
      const shown: { kind: DeviationKind; criterion: string; measured: number | null }[] = [
        ...formItems
          .filter((f) => list.get(f.criterion.code)?.check.light === 'RED')
          .map((f) => ({
            kind: 'RED' as const,
            criterion: f.criterion.code,
            measured: list.get(f.criterion.code)?.check.measured ?? null,
          })),
        ...formItems
          .filter((f) => f.item.required && list.get(f.criterion.code)?.entry.notApplicable)
          .map((f) => ({ kind: 'MISSING' as const, criterion: f.criterion.code, measured: null })),
        ...(isLate ? [{ kind: 'LATE' as const, criterion: '', measured: null }] : []),
      ];
      for (const d of shown) {
        const known = sim.deviations.get(`${d.kind}/${d.criterion}`);
        if (known)
          Object.assign(known, { measured: d.measured, last: number, status: 'OPEN', clearedAt: null });
        else
          sim.deviations.set(`${d.kind}/${d.criterion}`, {
            id: randomUUID(),
            ...d,
            first: number,
            last: number,
            status: 'OPEN',
            detectedAt: submittedAt,
            clearedAt: null,
          });
      }
      for (const d of sim.deviations.values())
        if (d.status === 'OPEN' && d.kind !== 'LATE' && d.last < number)
          Object.assign(d, { status: 'CLEARED', clearedAt: submittedAt });
      audit(
        submittedAt,
        reporter,
        'report.submitted',
        'report',
        report.id,
        { status: number === 1 ? 'EXPECTED' : 'RETURNED', revisions: number - 1 },
        { status: 'SUBMITTED', revision: number, late: isLate, via: 'SEED', deviations: shown },
      );
      sim.revisions.push({ number, submittedAt, late: isLate, values: views });
      return revisionId;
    };
    const review = (
      revisionId: string,
      number: number,
      on: string,
      decision: 'ACCEPT' | 'RETURN',
      valueComments: Record<string, string>,
    ) => {
      let reviewedAt = at(on, dice.int(9 * 60, 16 * 60));
      if (!later(reviewedAt, submittedAt))
        reviewedAt = new Date(Date.parse(submittedAt) + 47 * 60_000).toISOString();
      rows.reviews.push({
        id: randomUUID(),
        organiser_id: organiserId,
        report_id: report.id,
        revision_id: revisionId,
        decision,
        comment: null,
        value_comments: valueComments,
        reviewer_id: manager.id,
        reviewer_email: manager.email,
        reviewed_at: reviewedAt,
      });
      const accepted = decision === 'ACCEPT';
      audit(
        reviewedAt,
        manager,
        accepted ? 'report.accepted' : 'report.returned',
        'report',
        report.id,
        { status: 'SUBMITTED' },
        { status: accepted ? 'ACCEPTED' : 'RETURNED', revision: number, comment: null, valueComments },
      );
      return reviewedAt;
    };

    let acceptedAt: string | null = null;
    let draft = draftOf(values);
    let reviewedOn = addWorkingDays(submittedOn, reviewLag);
    if (wrong) {
      const first = new Map(values);
      first.set(wrong.code, { entry: wrong.entry, check: wrong.check });
      const one = submit(1, submittedOn, first);
      draft = draftOf(first);
      if (reviewedOn >= today) reviewedOn = submittedOn;
      review(one, 1, reviewedOn, 'RETURN', { [wrong.code]: dice.pick(knobs.returnComments) });
      const fixedOn = addWorkingDays(reviewedOn, dice.int(1, 4));
      if (forcedReturn || fixedOn >= today) status = 'RETURNED';
      else {
        const two = submit(2, fixedOn, values);
        draft = draftOf(values);
        const secondReview = addWorkingDays(fixedOn, dice.int(1, 3));
        if (secondReview < today) {
          acceptedAt = review(two, 2, secondReview, 'ACCEPT', {});
          status = 'ACCEPTED';
        } else if (canAwait) status = 'SUBMITTED';
        else {
          acceptedAt = review(two, 2, fixedOn, 'ACCEPT', {});
          status = 'ACCEPTED';
        }
      }
    } else {
      const one = submit(1, submittedOn, values);
      if (reviewedOn < today) {
        acceptedAt = review(one, 1, reviewedOn, 'ACCEPT', {});
        status = 'ACCEPTED';
      } else if (canAwait) status = 'SUBMITTED';
      else {
        acceptedAt = review(one, 1, submittedOn, 'ACCEPT', {});
        status = 'ACCEPTED';
      }
    }
    sim.status = status;
    rows.reports.push({
      id: report.id,
      status,
      draft,
      draft_version: draftVersion,
      draft_saved_at: new Date(Date.parse(submittedAt) - 11 * 60_000).toISOString(),
      draft_saved_by: reporter?.id ?? null,
      revision_count: sim.revisions.length,
      submitted_at: submittedAt,
      accepted_at: acceptedAt,
      updated_at: acceptedAt ?? submittedAt,
    });
    for (const d of sim.deviations.values())
      rows.deviations.push({
        id: d.id,
        organiser_id: organiserId,
        report_id: report.id,
        contract_id: report.contract_id,
        producer_id: report.producer_id,
        service_code: report.service_code,
        period_start: report.period_start,
        kind: d.kind,
        criterion_code: d.criterion,
        measured: d.measured,
        first_revision: d.first,
        last_revision: d.last,
        status: d.status,
        detected_at: d.detectedAt,
        cleared_at: d.clearedAt,
      });
  }
  // Every form keeps an open report, so the demo can always show an empty form of each kind.
  const shapes = new Map<string, SimReport[]>();
  for (const sim of sims) {
    const shape = `${sim.report.terms_id}/${sim.report.period_type}`;
    shapes.set(shape, [...(shapes.get(shape) ?? []), sim]);
  }
  for (const group of shapes.values()) {
    if (group.some((sim) => sim.status === 'EXPECTED')) continue;
    const draft = group.find((sim) => sim.status === 'DRAFT' && !scenarioOf.has(keyOf(sim)));
    if (!draft) continue;
    draft.status = 'EXPECTED';
    rows.reports.splice(
      rows.reports.findIndex((row) => row['id'] === draft.report.id),
      1,
    );
  }
  for (const key of [...scenarioOf.keys()]
    .map((k) => `scenario ${k}`)
    .concat([...runOf.keys()].map((k) => `run ${k}`)))
    check(found.has(key), `reporting: ${key} is not an expected report of the demo`);

  // ── Corrective actions ──

  const laterReports = new Map<string, SimReport[]>();
  for (const sim of sims) {
    const key = `${sim.report.contract_service_id}/${sim.report.period_type}`;
    laterReports.set(key, [...(laterReports.get(key) ?? []), sim]);
  }
  /** The first later report of the contract service whose latest revision no longer shows the deviation. */
  const cleanLater = (sim: SimReport, d: SimDeviation): SimReport | null =>
    (laterReports.get(`${sim.report.contract_service_id}/${sim.report.period_type}`) ?? []).find((other) => {
      if (other.report.period_start <= sim.report.period_start) return false;
      if (!['SUBMITTED', 'ACCEPTED'].includes(other.status) || other.revisions.length === 0) return false;
      const latest = other.revisions[other.revisions.length - 1];
      const shows = [...other.deviations.values()].some(
        (x) =>
          x.kind === d.kind &&
          x.criterion === d.criterion &&
          x.first <= latest.number &&
          x.last >= latest.number,
      );
      if (shows) return false;
      if (d.kind === 'LATE') return true;
      const value = latest.values.find((v) => v.criterionCode === d.criterion);
      return Boolean(
        value && !value.notApplicable && (value.measured !== null || (value.text ?? '').trim() !== ''),
      );
    }) ?? null;

  const bucket = (age: number, dice: Dice): CorrectiveActionStatus => {
    const r = dice.unit();
    if (age > 120) return r < 0.85 ? 'CLOSED' : 'PLAN_ACCEPTED';
    if (age > 40)
      return r < 0.4
        ? 'CLOSED'
        : r < 0.75
          ? 'PLAN_ACCEPTED'
          : r < 0.85
            ? 'PLAN_REJECTED'
            : r < 0.9
              ? 'PLAN_SUBMITTED'
              : 'OPEN';
    return r < 0.4 ? 'OPEN' : r < 0.75 ? 'PLAN_SUBMITTED' : r < 0.85 ? 'PLAN_REJECTED' : 'PLAN_ACCEPTED';
  };

  for (const sim of sims) {
    if (!['ACCEPTED', 'SUBMITTED'].includes(sim.status)) continue;
    const { report, producerKey } = sim;
    const key = obligationKey(producerKey, report.service_code, report.period_type, report.period_start);
    const run = runOf.get(key);
    for (const d of sim.deviations.values()) {
      if (d.status !== 'OPEN') continue;
      const dice = new Dice(knobs.seed, `action/${key}/${d.kind}/${d.criterion}`);
      const forced =
        run && run.run.criterion === d.criterion && d.kind === 'RED' ? run.run.actions[run.index] : null;
      const lateProducer = (knobs.producers[producerKey]?.late ?? knobs.behaviour.late) >= 0.15;
      const chance = d.kind === 'MISSING' ? 1 : d.kind === 'RED' ? 0.5 : lateProducer ? 0.15 : 0.03;
      if (!forced && !dice.chance(chance)) continue;
      const detectedOn = d.detectedAt.slice(0, 10);
      const createdOn = addWorkingDays(detectedOn, dice.int(1, 3));
      if (createdOn >= today) continue;
      const workingDays = dice.pick([10, 15, 20]);
      const dueDate = addWorkingDays(createdOn, workingDays);
      const target = forced ?? bucket(daysBetween(createdOn, today), dice);
      const reporter = reporters.get(report.producer_id) ?? null;
      const severity: CorrectiveActionSeverity =
        d.kind === 'LATE' ? 'LOW' : forced || dice.chance(0.25) ? 'HIGH' : 'MEDIUM';
      const description = knobs.actionDescriptions[d.kind];
      const id = randomUUID();
      const createdAt = at(createdOn, dice.int(9 * 60, 15 * 60));
      const action: Row = {
        id,
        organiser_id: organiserId,
        deviation_id: d.id,
        producer_id: report.producer_id,
        contract_id: report.contract_id,
        description,
        severity,
        working_days: workingDays,
        due_date: dueDate,
        status: 'OPEN',
        plan: null,
        plan_submitted_at: null,
        decision_comment: null,
        decided_at: null,
        close_reason: null,
        closed_by_report_id: null,
        closed_at: null,
        created_by: reviewer.id,
        created_at: createdAt,
        updated_at: createdAt,
        version: 1,
      };
      audit(createdAt, reviewer, 'correctiveAction.opened', 'correctiveAction', id, undefined, {
        status: 'OPEN',
        version: 1,
        deviationId: d.id,
        severity,
        workingDays,
        dueDate,
        comment: description,
      });
      const step = (
        status: CorrectiveActionStatus,
        on: string,
        actor: User | null,
        action_: string,
        changes: Row,
        extra: Row = {},
      ): string => {
        let stamp = at(on, dice.int(9 * 60, 16 * 60));
        if (!later(stamp, action['updated_at'] as string))
          stamp = new Date(Date.parse(action['updated_at'] as string) + 53 * 60_000).toISOString();
        const before = { status: action['status'], version: action['version'] };
        Object.assign(action, changes, {
          status,
          updated_at: stamp,
          version: (action['version'] as number) + 1,
        });
        audit(stamp, actor, action_, 'correctiveAction', id, before, {
          status,
          comment: (extra['comment'] as string | null) ?? null,
          ...('reportId' in extra ? { reportId: extra['reportId'] } : {}),
          version: action['version'],
        });
        return stamp;
      };
      if (target !== 'OPEN') {
        const planOn = addWorkingDays(
          createdOn,
          dice.chance(0.85) ? dice.int(2, 8) : dice.int(8, workingDays + 3),
        );
        if (planOn < today) {
          const plan = dice.pick(knobs.plans);
          const stamp = step(
            'PLAN_SUBMITTED',
            planOn,
            reporter,
            'correctiveAction.planSubmitted',
            { plan },
            { comment: plan },
          );
          action['plan_submitted_at'] = stamp;
          const decideOn = addWorkingDays(planOn, dice.int(1, 5));
          if (target !== 'PLAN_SUBMITTED' && decideOn < today) {
            if (target === 'PLAN_REJECTED') {
              const comment = dice.pick(knobs.rejectComments);
              const stamp2 = step(
                'PLAN_REJECTED',
                decideOn,
                reviewer,
                'correctiveAction.planRejected',
                { decision_comment: comment },
                { comment },
              );
              action['decided_at'] = stamp2;
            } else {
              action['decided_at'] = step(
                'PLAN_ACCEPTED',
                decideOn,
                reviewer,
                'correctiveAction.planAccepted',
                {},
                { comment: null },
              );
              if (target === 'CLOSED') {
                const clean = cleanLater(sim, d);
                const cleanOn = clean
                  ? clean.revisions[clean.revisions.length - 1].submittedAt.slice(0, 10)
                  : null;
                const closeOn = addWorkingDays(
                  cleanOn && cleanOn > decideOn ? cleanOn : decideOn,
                  dice.int(1, 4),
                );
                if (clean && closeOn < today) {
                  action['closed_at'] = step(
                    'CLOSED',
                    closeOn,
                    reviewer,
                    'correctiveAction.closed',
                    { closed_by_report_id: clean.report.id },
                    { comment: null, reportId: clean.report.id },
                  );
                } else {
                  const reasonOn = addWorkingDays(decideOn, dice.int(5, 20));
                  if (reasonOn < today) {
                    const reason = dice.pick(knobs.closeReasons);
                    action['closed_at'] = step(
                      'CLOSED',
                      reasonOn,
                      reviewer,
                      'correctiveAction.closed',
                      { close_reason: reason },
                      { comment: reason, reportId: null },
                    );
                  }
                }
              }
            }
          }
        }
      }
      rows.actions.push(action);
    }
  }

  // ── Writing: a few multi-row statements ──

  await bulk(em, 'report_revision', rows.revisions, {
    id: 'uuid',
    organiser_id: 'uuid',
    report_id: 'uuid',
    number: 'int',
    idempotency_key: 'varchar',
    submitted_at: 'timestamptz',
    submitted_by: 'uuid',
    submitted_by_email: 'varchar',
    via: 'varchar',
    late: 'boolean',
    values: 'jsonb',
  });
  await bulk(em, 'report_value', rows.values, {
    revision_id: 'uuid',
    criterion_code: 'varchar',
    organiser_id: 'uuid',
    report_id: 'uuid',
    producer_id: 'uuid',
    service_code: 'varchar',
    period_start: 'date',
    measure_type: 'varchar',
    numerator: 'numeric',
    denominator: 'numeric',
    value: 'numeric',
    respondents: 'int',
    flag: 'boolean',
    not_applicable: 'boolean',
    measured: 'numeric',
    light: 'varchar',
  });
  await bulk(em, 'report_review', rows.reviews, {
    id: 'uuid',
    organiser_id: 'uuid',
    report_id: 'uuid',
    revision_id: 'uuid',
    decision: 'varchar',
    comment: 'text',
    value_comments: 'jsonb',
    reviewer_id: 'uuid',
    reviewer_email: 'varchar',
    reviewed_at: 'timestamptz',
  });
  await bulk(em, 'deviation', rows.deviations, {
    id: 'uuid',
    organiser_id: 'uuid',
    report_id: 'uuid',
    contract_id: 'uuid',
    producer_id: 'uuid',
    service_code: 'varchar',
    period_start: 'date',
    kind: 'varchar',
    criterion_code: 'varchar',
    measured: 'numeric',
    first_revision: 'int',
    last_revision: 'int',
    status: 'varchar',
    detected_at: 'timestamptz',
    cleared_at: 'timestamptz',
  });
  await bulk(em, 'corrective_action', rows.actions, {
    id: 'uuid',
    organiser_id: 'uuid',
    deviation_id: 'uuid',
    producer_id: 'uuid',
    contract_id: 'uuid',
    description: 'text',
    severity: 'varchar',
    working_days: 'int',
    due_date: 'date',
    status: 'varchar',
    plan: 'text',
    plan_submitted_at: 'timestamptz',
    decision_comment: 'text',
    decided_at: 'timestamptz',
    close_reason: 'text',
    closed_by_report_id: 'uuid',
    closed_at: 'timestamptz',
    created_by: 'uuid',
    created_at: 'timestamptz',
    updated_at: 'timestamptz',
    version: 'int',
  });
  await bulk(em, 'audit_event', rows.audit, {
    organiser_id: 'uuid',
    occurred_at: 'timestamptz',
    actor_id: 'uuid',
    actor_email: 'varchar',
    action: 'varchar',
    entity_type: 'varchar',
    entity_id: 'varchar',
    before: 'jsonb',
    after: 'jsonb',
  });
  for (let i = 0; i < rows.reports.length; i += CHUNK)
    await em.query(
      `UPDATE report r
          SET status = x.status, draft = x.draft, draft_version = x.draft_version, draft_saved_at = x.draft_saved_at,
              draft_saved_by = x.draft_saved_by, revision_count = x.revision_count, submitted_at = x.submitted_at,
              accepted_at = x.accepted_at, updated_at = x.updated_at
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, status varchar, draft jsonb, draft_version int,
              draft_saved_at timestamptz, draft_saved_by uuid, revision_count int, submitted_at timestamptz,
              accepted_at timestamptz, updated_at timestamptz)
        WHERE r.id = x.id AND r.status = 'EXPECTED'`,
      [JSON.stringify(rows.reports.slice(i, i + CHUNK))],
    );

  result.reportsFilled = rows.reports.length;
  result.reportRevisions = rows.revisions.length;
  result.deviations = rows.deviations.length;
  result.correctiveActions = rows.actions.length;
  return result;
}

const CHUNK = 2000;

/** Inserts rows with one statement per chunk: the rows travel as one JSON parameter. */
async function bulk(
  em: EntityManager,
  table: string,
  rows: Row[],
  columns: Record<string, string>,
): Promise<void> {
  const names = Object.keys(columns).map((name) => `"${name}"`);
  const typed = Object.entries(columns).map(([name, type]) => `"${name}" ${type}`);
  for (let i = 0; i < rows.length; i += CHUNK)
    await em.query(
      `INSERT INTO ${table} (${names.join(', ')})
       SELECT ${names.join(', ')} FROM jsonb_to_recordset($1::jsonb) AS x(${typed.join(', ')})`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
}
