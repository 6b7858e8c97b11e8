// npm run seed:scale -- --values 10000000 — national-scale data for the comparisons, on a PostgreSQL
// server named by DATABASE_URL (never the embedded store): one fictional organiser, "Scale test
// county", with 20 services of 25 criteria each, producers of the three types, their contracts and
// monthly reports, every report accepted. Shape: producers × months × 25 criteria = --values report
// values (default 5,000 producers × 80 months; --months or --producers change the split).
//
// The values go in with COPY (pg-copy-streams) under session_replication_role = replica, so that the
// per-row foreign-key checks and the review trigger do not run: the script sets report.accepted_revision
// itself, as the trigger would. report_value's primary key and index are built after the load, its
// rows are written frozen when the table was empty, and comparison_refresh(org, service, NULL, NULL)
// then builds the summaries. Scale revisions keep `values` as '{}': the rows in report_value are
// what comparisons read. Every phase is timed.
//
// Options: --values N, --months N, --producers N, --reset (drop and re-create the database first;
// only for a database whose name contains "scale"), --summaries-only (keep the loaded values and
// only rebuild the summaries: ANALYZE, comparison_refresh, VACUUM ANALYZE). Sign in as
// analyst@scale.sopu.test with SOPU_SCALE_PASSWORD (default Sopu-scale-2026!).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import argon2 from 'argon2';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { parse as parseYaml } from 'yaml';

const SCALE_BUSINESS_ID = '9876543-6';
const SCALE_ANALYST = 'analyst@scale.sopu.test';
const SCALE_PASSWORD = process.env.SOPU_SCALE_PASSWORD || 'Sopu-scale-2026!';
const CRITERIA_PER_SERVICE = 25;

// ── Options ─────────────────────────────────────────────────────────────────────────────────────

function options() {
  const { values } = parseArgs({
    options: {
      values: { type: 'string' },
      months: { type: 'string' },
      producers: { type: 'string' },
      reset: { type: 'boolean', default: false },
      'summaries-only': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(
      'usage: DATABASE_URL=postgres://… npm run seed:scale -- [--values N] [--months N] [--producers N] [--reset]',
    );
    process.exit(0);
  }
  const int = (name, text) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) {
      console.error(`--${name} must be a positive whole number`);
      process.exit(2);
    }
    return n;
  };
  const wanted = values.values ? int('values', values.values) : 10_000_000;
  let months = values.months ? int('months', values.months) : null;
  let producers = values.producers ? int('producers', values.producers) : null;
  if (producers && !months) months = Math.max(1, Math.round(wanted / (producers * CRITERIA_PER_SERVICE)));
  if (!months) months = 80;
  if (!producers) producers = Math.max(1, Math.round(wanted / (months * CRITERIA_PER_SERVICE)));
  if (months > 240) {
    console.error('--months: at most 240');
    process.exit(2);
  }
  return { months, producers, reset: values.reset, summariesOnly: values['summaries-only'] };
}

// ── Small helpers ───────────────────────────────────────────────────────────────────────────────

const started = process.hrtime.bigint();
const phases = [];
async function phase(name, work) {
  const t0 = process.hrtime.bigint();
  const result = await work();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  phases.push({ name, seconds });
  const load = loadavg()[0].toFixed(1);
  console.log(`  ${name.padEnd(60)} ${seconds.toFixed(1).padStart(7)} s   (load average ${load})`);
  return result;
}

/** Deterministic pseudo-random numbers (mulberry32), so two loads of the same shape are alike. */
function prng(seed) {
  let a = seed >>> 0;
  let spare = null;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    let u = next();
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  const poisson = (lambda) => {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = next();
    while (p > limit) {
      k += 1;
      p *= next();
    }
    return k;
  };
  return { next, normal, poisson, pick: (list) => list[Math.floor(next() * list.length)] };
}

/** Business ID check digit: weights 7, 9, 10, 5, 8, 4, 2; remainder 1 is never issued (null). */
function businessId(base) {
  const digits = String(base).padStart(7, '0');
  const weights = [7, 9, 10, 5, 8, 4, 2];
  const sum = [...digits].reduce((s, d, i) => s + Number(d) * weights[i], 0);
  const r = sum % 11;
  if (r === 1) return null;
  return `${digits}-${r === 0 ? 0 : 11 - r}`;
}

/** One COPY text-format field. */
function field(value) {
  if (value === null || value === undefined) return '\\N';
  const text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return /[\\\t\n\r]/.test(text)
    ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : text;
}

/** COPY of rows given as arrays (small tables). */
async function copyRows(client, table, columns, rows) {
  const sql = `COPY ${table} (${columns.join(', ')}) FROM STDIN`;
  async function* lines() {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(field).join('\t') + '\n';
      if (chunk.length > 1 << 18) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
}

/** COPY from a generator of ready text lines, batched into large chunks. */
async function copyText(client, sql, generate) {
  async function* chunks() {
    let parts = [];
    let size = 0;
    for (const line of generate()) {
      parts.push(line);
      size += line.length;
      if (size > 1 << 20) {
        yield parts.join('');
        parts = [];
        size = 0;
      }
    }
    if (parts.length) yield parts.join('');
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(sql)));
}

const pad = (n) => String(n).padStart(2, '0');
const monthStart = (y, m) => `${y}-${pad(m)}-01`;
function addMonths(year, month, delta) {
  const index = year * 12 + (month - 1) + delta;
  return [Math.floor(index / 12), (index % 12) + 1];
}
function lastDay(year, month) {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
function isoDate(date) {
  return date.toISOString().slice(0, 10);
}
function addDays(iso, days) {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return isoDate(d);
}

// ── The catalogue: the demo's codes and texts, 12 more services from the city's unit register ───

const DEMO = parseYaml(readFileSync(new URL('../seeds/demo/catalogue.yaml', import.meta.url), 'utf8'));

const L = (fi, sv, en) => ({ fi, sv, en });

/** Services added for scale, named as in Helsinki's unit register (TPR id in the comment). */
const EXTRA_SERVICES = [
  [
    'INTENSIVE_SERVICE_HOUSING',
    'DISABILITY',
    'CARE_DAY',
    10009,
    L('Tehostettu palveluasuminen', 'Serviceboende med heldygnsomsorg', 'Intensive service housing'),
  ],
  [
    'SHORT_TERM_CARE_OLDER',
    'OLDER_PEOPLE',
    'CARE_DAY',
    3247,
    L(
      'Ikääntyneiden lyhytaikainen laitoshoito',
      'Kortvarig anstaltsvård för äldre',
      'Short-term institutional care of the elderly',
    ),
  ],
  [
    'DAY_ACTIVITIES_OLDER',
    'OLDER_PEOPLE',
    'CLIENT_MONTH',
    2942,
    L('Ikääntyneiden päivätoiminta', 'Dagverksamhet för äldre', 'Day activities for the elderly'),
  ],
  [
    'FAMILY_CARE_OLDER',
    'OLDER_PEOPLE',
    'CARE_DAY',
    10344,
    L('Ikääntyneiden perhehoito', 'Familjevård för äldre', 'Family care for older people'),
  ],
  [
    'PERSONAL_ASSISTANCE',
    'DISABILITY',
    'HOUR',
    7666,
    L('Vaikeavammaisen henkilökohtainen apu', 'Personlig assistans', 'Personal assistance'),
  ],
  [
    'DAY_ACTIVITIES_DISABLED',
    'DISABILITY',
    'CLIENT_MONTH',
    10010,
    L('Vammaisten päivätoiminta', 'Verksamhet dagtid', 'Day activities'),
  ],
  [
    'MENTAL_HEALTH_HOUSING',
    'MENTAL_HEALTH',
    'CARE_DAY',
    9586,
    L(
      'Mielenterveyskuntoutujien tuettu asuminen',
      'Stödboende för rehabiliteringsklienter med psykisk ohälsa',
      'Supported housing for mental health rehabilitants',
    ),
  ],
  [
    'PSYCHIATRIC_OUTPATIENT',
    'MENTAL_HEALTH',
    'VISIT',
    8914,
    L('Psykiatrinen avohoito', 'Psykiatrisk öppenvård', 'Psychiatric outpatient care'),
  ],
  [
    'OPEN_FAMILY_REHABILITATION',
    'CHILD_WELFARE',
    'CLIENT_MONTH',
    9763,
    L('Avoperhekuntoutus', 'Öppen familjerehabilitering', 'Open family rehabilitation'),
  ],
  [
    'HOME_REHABILITATION',
    'OLDER_PEOPLE',
    'VISIT',
    8947,
    L(
      'Toimintaterapian kotikuntoutus',
      'Ergoterapins hemrehabilitering',
      'Occupational therapy home rehabilitation',
    ),
  ],
  [
    'ORAL_HEALTH_CHILDREN',
    'ORAL_HEALTH',
    'VISIT',
    7449,
    L(
      'Lasten ja nuorten hammashoito',
      'Tandvård för barn och ungdomar',
      'Children and young people’s dental care',
    ),
  ],
  [
    'HEALTH_STATION_URGENT',
    'HEALTH_STATIONS',
    'VISIT',
    10119,
    L(
      'Kiireellinen hoito terveysasemilla',
      'Akut vård på hälsostationerna',
      'Urgent care at health stations',
    ),
  ],
];

const pct = L('%', '%', '%');
/** Criteria added for scale, after Kolada's per-provider KPIs and THL Sotkanet (ids in the names' notes). */
const EXTRA_CRITERIA = [
  {
    // Kolada U21516: Hemtjänsttagare med namngiven fast personalkontakt, andel (%).
    code: 'NAMED_CONTACT_SHARE',
    measureType: 'PERCENTAGE',
    direction: 'HIGHER_IS_BETTER',
    decimals: 1,
    unit: pct,
    name: L(
      'Asiakkaat, joilla on nimetty omatyöntekijä',
      'Klienter med namngiven fast personalkontakt',
      'Clients with a named contact person',
    ),
    definition: L(
      'Osuus asiakkaista, joille on kirjattu nimetty omatyöntekijä.',
      'Andelen klienter med en namngiven fast personalkontakt dokumenterad i journalen.',
      'Share of clients with a named contact person recorded in their file.',
    ),
    interpretation: L(
      'Suurempi osuus on parempi.',
      'En större andel är bättre.',
      'A larger share is better.',
    ),
    numeratorDefinition: L(
      'Asiakkaat, joilla on nimetty omatyöntekijä jakson lopussa.',
      'Klienter med namngiven fast personalkontakt vid periodens slut.',
      'Clients with a named contact person at the end of the period.',
    ),
    denominatorDefinition: L(
      'Kaikki asiakkaat jakson lopussa.',
      'Alla klienter vid periodens slut.',
      'All clients at the end of the period.',
    ),
  },
  {
    // Kolada U21475: Brukarbedömning hemtjänst äldreomsorg – personalen kommer på avtalad tid, andel (%).
    code: 'ON_TIME_VISITS_SHARE',
    measureType: 'PERCENTAGE',
    direction: 'HIGHER_IS_BETTER',
    decimals: 1,
    unit: pct,
    name: L(
      'Henkilöstö tulee sovittuun aikaan',
      'Personalen kommer på avtalad tid',
      'Staff arrive at the agreed time',
    ),
    definition: L(
      'Osuus vastaajista, joiden mukaan henkilöstö tulee aina tai useimmiten sovittuun aikaan.',
      'Andelen svarande som uppger att personalen alltid eller oftast kommer på avtalad tid.',
      'Share of respondents who say staff always or mostly arrive at the agreed time.',
    ),
    interpretation: L(
      'Suurempi osuus on parempi.',
      'En större andel är bättre.',
      'A larger share is better.',
    ),
    numeratorDefinition: L(
      'Vastaajat, jotka vastasivat "aina" tai "useimmiten".',
      'Svarande som svarat "alltid" eller "oftast".',
      'Respondents who answered "always" or "mostly".',
    ),
    denominatorDefinition: L(
      'Kaikki kysymykseen vastanneet.',
      'Alla som svarat på frågan.',
      'All who answered the question.',
    ),
  },
  {
    // Kolada U23490: Sjuksköterskor/plats i boende för särskild service för äldre, vardagar, antal.
    code: 'NURSES_PER_PLACE',
    measureType: 'RATIO',
    direction: 'HIGHER_IS_BETTER',
    decimals: 2,
    minValue: 0,
    maxValue: 2,
    unit: L('sh / paikka', 'ssk / plats', 'nurses per place'),
    name: L('Sairaanhoitajat asukaspaikkaa kohden', 'Sjuksköterskor per plats', 'Nurses per place'),
    definition: L(
      'Työvuorolistan mukaiset sairaanhoitajat arkipäivinä jaettuna asukaspaikkojen määrällä.',
      'Sjuksköterskor enligt schema på vardagar dividerat med antalet platser.',
      'Nurses on the weekday roster divided by the number of places.',
    ),
    interpretation: L('Suurempi on parempi.', 'Högre är bättre.', 'Higher is better.'),
  },
  {
    // THL Sotkanet 5033: referrals processed after more than 21 days, % of referrals received.
    code: 'REFERRALS_LATE_SHARE',
    measureType: 'PERCENTAGE',
    direction: 'LOWER_IS_BETTER',
    decimals: 1,
    unit: pct,
    name: L(
      'Yli 21 vrk:ssa käsitellyt lähetteet',
      'Remisser behandlade efter mer än 21 dygn',
      'Referrals processed after more than 21 days',
    ),
    definition: L(
      'Osuus saapuneista lähetteistä, joiden käsittely kesti yli 21 vuorokautta.',
      'Andelen inkomna remisser vars behandling tog mer än 21 dygn.',
      'Share of referrals received that took more than 21 days to process.',
    ),
    interpretation: L(
      'Pienempi osuus on parempi.',
      'En mindre andel är bättre.',
      'A smaller share is better.',
    ),
    numeratorDefinition: L(
      'Yli 21 vuorokaudessa käsitellyt lähetteet.',
      'Remisser behandlade efter mer än 21 dygn.',
      'Referrals processed after more than 21 days.',
    ),
    denominatorDefinition: L(
      'Kaikki jakson aikana saapuneet lähetteet.',
      'Alla remisser som inkommit under perioden.',
      'All referrals received in the period.',
    ),
  },
];

/** Targets and bands of criteria that the demo terms do not give (HIGHER: min bands; LOWER: max). */
const EXTRA_ITEMS = {
  NAMED_CONTACT_SHARE: { target: 90, green: { min: 85 }, amber: { min: 70 } },
  ON_TIME_VISITS_SHARE: { target: 95, green: { min: 90 }, amber: { min: 80 } },
  NURSES_PER_PLACE: { target: 0.2, green: { min: 0.18 }, amber: { min: 0.14 } },
  REFERRALS_LATE_SHARE: { target: 0, green: { max: 5 }, amber: { max: 15 } },
};
/** Cost per output unit (euros) by output unit where the demo terms have none for the service. */
const COST_ITEM = {
  HOUR: { target: 48, green: { max: 52 }, amber: { max: 58 } },
  VISIT: { target: 95, green: { max: 105 }, amber: { max: 120 } },
  CARE_DAY: { target: 180, green: { max: 195 }, amber: { max: 215 } },
  CLIENT_MONTH: { target: 1000, green: { max: 1100 }, amber: { max: 1250 } },
  CLIENT: { target: 2400, green: { max: 2600 }, amber: { max: 2900 } },
  MISSION: { target: 420, green: { max: 450 }, amber: { max: 500 } },
};
/** What each criterion counts per producer of average size in a month (for numbers and denominators). */
const VOLUME = {
  CARE_GUARANTEE_14D: 900,
  ORAL_CARE_WAIT_OVER_3M: 160,
  EMS_RESPONSE_15MIN: 420,
  STAFF_TURNOVER: 45,
  QUALIFIED_STAFF_SHARE: 45,
  SICK_LEAVE_SHARE: 950,
  DIRECT_CARE_TIME_SHARE: 3200,
  WOULD_RECOMMEND: 40,
  RESPECTFUL_TREATMENT: 40,
  ADVERSE_EVENTS_RATE: 1800,
  FALLS_RATE: 1800,
  MEDICATION_ERRORS_RATE: 1800,
  PRESSURE_ULCERS_SHARE: 60,
  MISSED_VISITS_SHARE: 2400,
  CARE_PLAN_UP_TO_DATE: 60,
  CHILD_MET_SOCIAL_WORKER: 25,
  TREATMENT_COMPLETED_SHARE: 20,
  SWEDISH_SPEAKING_STAFF_SHARE: 45,
  MESSAGES_2_WORKING_DAYS: 300,
  NAMED_CONTACT_SHARE: 60,
  ON_TIME_VISITS_SHARE: 40,
  REFERRALS_LATE_SHARE: 120,
  OUTPUT_VOLUME: 1500,
  CLIENTS_AT_PERIOD_END: 60,
  EMS_MISSIONS: 450,
  RESTRICTIVE_MEASURES: 2,
  CLIENT_SATISFACTION: 35,
};
/** Which way each producer type leans, in standard deviations (positive = better), by theme. */
const THEME = {
  access: [
    'CARE_GUARANTEE_14D',
    'WAIT_3RD_APPOINTMENT',
    'SERVICE_START_DAYS',
    'ORAL_CARE_WAIT_OVER_3M',
    'EMS_RESPONSE_15MIN',
    'MESSAGES_2_WORKING_DAYS',
    'REFERRALS_LATE_SHARE',
  ],
  staff: [
    'STAFF_PER_CLIENT',
    'STAFF_TURNOVER',
    'QUALIFIED_STAFF_SHARE',
    'SICK_LEAVE_SHARE',
    'DIRECT_CARE_TIME_SHARE',
    'NURSES_PER_PLACE',
    'SWEDISH_SPEAKING_STAFF_SHARE',
  ],
  experience: [
    'CLIENT_SATISFACTION',
    'WOULD_RECOMMEND',
    'RESPECTFUL_TREATMENT',
    'NAMED_CONTACT_SHARE',
    'ON_TIME_VISITS_SHARE',
  ],
  safety: [
    'ADVERSE_EVENTS_RATE',
    'FALLS_RATE',
    'MEDICATION_ERRORS_RATE',
    'PRESSURE_ULCERS_SHARE',
    'MISSED_VISITS_SHARE',
    'COMPLAINTS_COUNT',
    'PLACEMENT_BREAKDOWNS',
  ],
};
const LEAN = {
  access: { SELF_PRODUCED: -0.25, PURCHASED_SERVICE: 0.15, VOUCHER_SERVICE: 0.35 },
  staff: { SELF_PRODUCED: 0.2, PURCHASED_SERVICE: -0.3, VOUCHER_SERVICE: -0.1 },
  experience: { SELF_PRODUCED: 0, PURCHASED_SERVICE: -0.15, VOUCHER_SERVICE: 0.35 },
  safety: { SELF_PRODUCED: 0.15, PURCHASED_SERVICE: -0.2, VOUCHER_SERVICE: -0.05 },
  process: { SELF_PRODUCED: 0.2, PURCHASED_SERVICE: 0, VOUCHER_SERVICE: -0.2 },
};
/** Cost per output unit relative to the target: the in-house price carries overheads. */
const COST_LEAN = { SELF_PRODUCED: 1.06, PURCHASED_SERVICE: 0.95, VOUCHER_SERVICE: 0.98 };
/** Criteria every service may take, in order, after its own (a service has 25 in all). */
const COMMON = [
  'COST_PER_OUTPUT_UNIT',
  'OUTPUT_VOLUME',
  'CLIENTS_AT_PERIOD_END',
  'CLIENT_SATISFACTION',
  'WOULD_RECOMMEND',
  'RESPECTFUL_TREATMENT',
  'SWEDISH_SERVICE_AVAILABLE',
  'SWEDISH_SPEAKING_STAFF_SHARE',
  'SELF_MONITORING_PLAN_UP_TO_DATE',
  'MESSAGES_2_WORKING_DAYS',
  'STAFF_TURNOVER',
  'SICK_LEAVE_SHARE',
  'QUALIFIED_STAFF_SHARE',
  'COMPLAINTS_COUNT',
  'ADVERSE_EVENTS_RATE',
  'MEDICATION_ERRORS_RATE',
  'CARE_PLAN_UP_TO_DATE',
  'SERVICE_START_DAYS',
  'NAMED_CONTACT_SHARE',
  'STAFF_PER_CLIENT',
  'DIRECT_CARE_TIME_SHARE',
  'FALLS_RATE',
  'RESTRICTIVE_MEASURES',
  'ON_TIME_VISITS_SHARE',
  'PRESSURE_ULCERS_SHARE',
  'REFERRALS_LATE_SHARE',
  'NURSES_PER_PLACE',
  'WAIT_3RD_APPOINTMENT',
  'TREATMENT_COMPLETED_SHARE',
];
/** The extra services' own criteria, before the common ones. */
const OWN = {
  INTENSIVE_SERVICE_HOUSING: [
    'STAFF_PER_CLIENT',
    'NURSES_PER_PLACE',
    'FALLS_RATE',
    'PRESSURE_ULCERS_SHARE',
    'RESTRICTIVE_MEASURES',
  ],
  SHORT_TERM_CARE_OLDER: ['NURSES_PER_PLACE', 'FALLS_RATE', 'MEDICATION_ERRORS_RATE', 'CARE_PLAN_UP_TO_DATE'],
  DAY_ACTIVITIES_OLDER: ['CLIENT_SATISFACTION', 'NAMED_CONTACT_SHARE', 'SERVICE_START_DAYS'],
  FAMILY_CARE_OLDER: ['CARE_PLAN_UP_TO_DATE', 'PLACEMENT_BREAKDOWNS', 'NAMED_CONTACT_SHARE'],
  PERSONAL_ASSISTANCE: ['SERVICE_START_DAYS', 'ON_TIME_VISITS_SHARE', 'STAFF_TURNOVER'],
  DAY_ACTIVITIES_DISABLED: ['CLIENT_SATISFACTION', 'CARE_PLAN_UP_TO_DATE', 'RESTRICTIVE_MEASURES'],
  MENTAL_HEALTH_HOUSING: ['CARE_PLAN_UP_TO_DATE', 'TREATMENT_COMPLETED_SHARE', 'SERVICE_START_DAYS'],
  PSYCHIATRIC_OUTPATIENT: [
    'WAIT_3RD_APPOINTMENT',
    'REFERRALS_LATE_SHARE',
    'CARE_GUARANTEE_14D',
    'TREATMENT_COMPLETED_SHARE',
  ],
  OPEN_FAMILY_REHABILITATION: ['CHILD_MET_SOCIAL_WORKER', 'TREATMENT_COMPLETED_SHARE', 'SERVICE_START_DAYS'],
  HOME_REHABILITATION: ['SERVICE_START_DAYS', 'TREATMENT_COMPLETED_SHARE', 'FALLS_RATE'],
  ORAL_HEALTH_CHILDREN: ['ORAL_CARE_WAIT_OVER_3M', 'WAIT_3RD_APPOINTMENT', 'COMPLAINTS_COUNT'],
  HEALTH_STATION_URGENT: [
    'CARE_GUARANTEE_14D',
    'WAIT_3RD_APPOINTMENT',
    'REFERRALS_LATE_SHARE',
    'MESSAGES_2_WORKING_DAYS',
  ],
};
/** Producer types by service: [in-house, purchased, voucher]. */
const MIX = {
  HOME_CARE: [0.5, 0.25, 0.25],
  SERVICE_HOUSING_24H: [0.4, 0.45, 0.15],
  HEALTH_STATION_NON_URGENT: [0.65, 0.25, 0.1],
  ORAL_HEALTH_CARE: [0.5, 0.2, 0.3],
  SUBSTANCE_ABUSE_SERVICES: [0.4, 0.5, 0.1],
  DISABILITY_HOUSING: [0.3, 0.6, 0.1],
  CHILD_WELFARE_FAMILY_CARE: [0.3, 0.6, 0.1],
  EMERGENCY_MEDICAL_SERVICE: [0.85, 0.15, 0],
  PERSONAL_ASSISTANCE: [0.2, 0.3, 0.5],
};
const DEFAULT_MIX = [0.45, 0.35, 0.2];
const UNIT_PRICE = { HOUR: 52, CARE_DAY: 190, VISIT: 100, CLIENT_MONTH: 1050, CLIENT: 2500, MISSION: 430 };
const YEARLY_VOLUME = {
  HOUR: 40000,
  CARE_DAY: 15000,
  VISIT: 20000,
  CLIENT_MONTH: 700,
  CLIENT: 100,
  MISSION: 5000,
};

function catalogue() {
  const criteria = new Map();
  for (const c of DEMO.criteria) if (c.measureType !== 'TEXT') criteria.set(c.code, c);
  for (const c of EXTRA_CRITERIA) criteria.set(c.code, c);
  const firstItem = new Map();
  for (const t of DEMO.terms)
    for (const item of t.items) if (!firstItem.has(item.criterion)) firstItem.set(item.criterion, item);

  const services = [
    ...DEMO.serviceDescriptions.map((d) => ({ ...d, demo: true })),
    ...EXTRA_SERVICES.map(([code, area, outputUnit, tpr, name]) => ({
      code,
      area,
      outputUnit,
      name,
      description: L(
        `${name.fi}: yhtenäinen palvelukuvaus (TPR ${tpr}).`,
        `${name.sv}: enhetlig tjänstebeskrivning (TPR ${tpr}).`,
        `${name.en}: uniform service description (TPR ${tpr}).`,
      ),
      inclusions: L(
        'Palvelu palvelukuvauksen mukaisesti.',
        'Tjänsten enligt tjänstebeskrivningen.',
        'The service as described.',
      ),
      targetGroup: L(
        'Asiakkaat, joilla on päätös palvelusta.',
        'Klienter med beslut om tjänsten.',
        'Clients with a decision on the service.',
      ),
      demo: false,
    })),
  ];
  for (const s of services) {
    const demoTerms = DEMO.terms.find((t) => t.service === s.code);
    const own = new Map();
    for (const item of demoTerms?.items ?? [])
      if (criteria.has(item.criterion)) own.set(item.criterion, item);
    const codes = [...own.keys(), ...(OWN[s.code] ?? [])];
    for (const code of COMMON) if (!codes.includes(code)) codes.push(code);
    s.items = [...new Set(codes)].slice(0, CRITERIA_PER_SERVICE).map((code) => {
      const c = criteria.get(code);
      const given = own.get(code) ??
        (code === 'COST_PER_OUTPUT_UNIT' ? COST_ITEM[s.outputUnit] : null) ??
        EXTRA_ITEMS[code] ??
        firstItem.get(code) ?? { target: null };
      const none = c.direction === 'NONE';
      return {
        code,
        criterion: c,
        target: none ? null : (given.target ?? null),
        green: none
          ? null
          : given.green
            ? { min: given.green.min ?? null, max: given.green.max ?? null }
            : null,
        amber: none
          ? null
          : given.amber
            ? { min: given.amber.min ?? null, max: given.amber.max ?? null }
            : null,
      };
    });
    if (s.items.length !== CRITERIA_PER_SERVICE)
      throw new Error(`${s.code}: only ${s.items.length} criteria`);
  }
  return { criteria, services };
}

/** A criterion as the database keeps it (what the YAML leaves out is null, as in the demo seed). */
function criterionRow(c) {
  const percentage = c.measureType === 'PERCENTAGE';
  return {
    minValue: c.minValue ?? (percentage ? 0 : null),
    maxValue: c.maxValue ?? (percentage ? 100 : null),
    decimals: c.decimals ?? 0,
    scaleMin: c.scaleMin ?? null,
    scaleMax: c.scaleMax ?? null,
    rateMultiplier: c.rateMultiplier ?? null,
  };
}

// ── The values ──────────────────────────────────────────────────────────────────────────────────

function inBand(v, band) {
  return band !== null && (band.min === null || v >= band.min) && (band.max === null || v <= band.max);
}
/** The shared rule (libs/shared value-validation trafficLight): GREEN, AMBER, RED, or none. */
function light(item, measured) {
  if (measured === null || item.criterion.direction === 'NONE' || (!item.green && !item.amber)) return null;
  if (inBand(measured, item.green)) return 'GREEN';
  if (inBand(measured, item.amber)) return 'AMBER';
  return 'RED';
}

/**
 * How one item's values are drawn: a centre a little on the green side of the green edge and a spread
 * of about the green-to-amber distance, so that most values are green, a third amber and some red.
 */
function generatorFor(item, outputUnit) {
  const c = item.criterion;
  const rule = criterionRow(c);
  const theme = Object.keys(THEME).find((t) => THEME[t].includes(item.code)) ?? 'process';
  const lean = LEAN[theme];
  const higher = c.direction === 'HIGHER_IS_BETTER';
  let edge = null;
  let width = null;
  if (higher && item.green?.min != null) {
    edge = item.green.min;
    width = Math.max(edge - (item.amber?.min ?? edge * 0.9), Math.abs(edge) * 0.02 || 0.5);
  } else if (!higher && item.green?.max != null) {
    edge = item.green.max;
    width = Math.max((item.amber?.max ?? edge * 1.1) - edge, Math.abs(edge) * 0.02 || 0.5);
  }
  const centre = edge === null ? null : higher ? edge + 0.25 * width : edge - 0.25 * width;
  // Lower-is-better amounts that cannot go below zero are skewed: most small, a long tail upwards.
  const amberMax = item.amber?.max ?? null;
  const log = !higher && edge !== null && edge > 0 && amberMax !== null && amberMax > edge;
  const spread = log ? Math.log(amberMax / edge) / 1.3 : 0;
  const volume = VOLUME[item.code] ?? 50;
  return {
    item,
    code: item.code,
    measureType: c.measureType,
    direction: c.direction,
    rule,
    lean,
    higher,
    centre,
    width,
    log,
    spread,
    base: log ? edge * 0.85 : null,
    volume,
    outputUnit,
  };
}

/** The measured level for a standing q (positive = better), on the criterion's own scale. */
function level(g, q) {
  if (g.centre === null) return null;
  if (g.log) return g.base * Math.exp(-q * g.spread);
  return g.centre + (g.higher ? q : -q) * g.width;
}

/** One value: returns [numerator, denominator, value, respondents, flag, notApplicable, measured]. */
function drawValue(g, rnd, q, size, typeCostLean) {
  const { rule } = g;
  switch (g.measureType) {
    case 'PERCENTAGE': {
      const den = Math.max(1, Math.round(g.volume * size * (0.85 + 0.3 * rnd.next())));
      const share = g.centre === null ? 50 + 15 * q : level(g, q);
      const num = Math.min(den, Math.max(0, Math.round((den * Math.min(100, Math.max(0, share))) / 100)));
      return [num, den, null, null, null, false, (num / den) * 100];
    }
    case 'RATE': {
      const den = Math.max(1, Math.round(g.volume * size * (0.85 + 0.3 * rnd.next())));
      const rate = Math.max(0, level(g, q));
      const num = rnd.poisson((rate * den) / rule.rateMultiplier);
      return [num, den, null, null, null, false, (num / den) * rule.rateMultiplier];
    }
    case 'COUNT': {
      let lambda;
      if (g.centre === null) lambda = g.volume * size * (0.9 + 0.2 * rnd.next());
      else lambda = Math.max(0.05, (Math.max(g.centre, 0.3) + g.width * 0.3) * Math.exp(-0.6 * q));
      const n = rnd.poisson(lambda);
      return [null, null, String(n), null, null, false, n];
    }
    case 'DURATION_DAYS':
    case 'RATIO':
    case 'CURRENCY_EUR': {
      let v = g.measureType === 'CURRENCY_EUR' ? g.item.target * typeCostLean * (1 + 0.06 * -q) : level(g, q);
      const min = rule.minValue ?? 0;
      v = Math.max(min, rule.maxValue === null ? v : Math.min(rule.maxValue, v));
      const decimals = g.measureType === 'CURRENCY_EUR' ? Math.min(rule.decimals, 2) : rule.decimals;
      const text = v.toFixed(decimals);
      return [null, null, text, null, null, false, Number(text)];
    }
    case 'SCALE': {
      if (rnd.next() < 0.01) return [null, null, null, null, null, true, null];
      const v = Math.min(rule.scaleMax ?? 5, Math.max(rule.scaleMin ?? 1, level(g, q)));
      const text = v.toFixed(rule.decimals);
      const respondents = Math.max(1, Math.round(g.volume * size * (0.5 + rnd.next())));
      return [null, null, text, String(respondents), null, false, Number(text)];
    }
    case 'BOOLEAN': {
      const yes = rnd.next() < Math.min(0.995, Math.max(0.5, 0.93 + 0.05 * q));
      return [null, null, null, null, yes ? 't' : 'f', false, yes ? 1 : 0];
    }
    default:
      throw new Error(`no generator for ${g.measureType}`);
  }
}

// ── Main ────────────────────────────────────────────────────────────────────────────────────────

async function main() {
  const opts = options();
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:/.test(url)) {
    console.error(
      'seed:scale loads a PostgreSQL server database and needs DATABASE_URL, e.g.\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/sopu_scale npm run seed:scale -- --values 10000000',
    );
    process.exit(2);
  }
  const dbName = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_]+$/.test(dbName)) {
    console.error(`unexpected database name "${dbName}"`);
    process.exit(2);
  }
  const { months, producers } = opts;
  const { criteria, services } = catalogue();
  const values = producers * months * CRITERIA_PER_SERVICE;
  const now = new Date();
  const [lastY, lastM] = addMonths(now.getUTCFullYear(), now.getUTCMonth() + 1, -1);
  const [firstY, firstM] = addMonths(lastY, lastM, -(months - 1));
  const firstMonth = monthStart(firstY, firstM);
  console.log(
    opts.summariesOnly
      ? `Sopu scale seed: the summaries of the loaded scale organiser only, in ${dbName}`
      : `Sopu scale seed: ${producers.toLocaleString('en')} producers × ${months} months × ${CRITERIA_PER_SERVICE} criteria ` +
          `= ${values.toLocaleString('en')} values over ${services.length} services, ${firstMonth.slice(0, 7)}…${monthStart(lastY, lastM).slice(0, 7)}, into ${dbName}`,
  );

  await phase('database (create if missing)', async () => {
    const admin = new URL(url);
    admin.pathname = '/postgres';
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      if (opts.reset) {
        if (!/scale/i.test(dbName))
          throw new Error(`--reset drops the database: only for one named *scale*, not ${dbName}`);
        await client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
      }
      const known = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName]);
      if (known.rowCount === 0) await client.query(`CREATE DATABASE "${dbName}"`);
    } finally {
      await client.end();
    }
  });

  await phase('migrations (npm run db:migrate, builds the API if needed)', async () => {
    const result = spawnSync('npm', ['run', '--silent', 'db:migrate'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DATABASE_URL: url, SOPU_LOG_LEVEL: 'warn' },
    });
    if (result.status !== 0) throw new Error('npm run db:migrate failed');
  });

  const connect = async () => {
    const client = new pg.Client({ connectionString: url, application_name: 'sopu-seed-scale' });
    await client.connect();
    await client.query(
      `SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '64MB'`,
    );
    return client;
  };
  const db = await connect();
  const db2 = await connect();

  /** Planner statistics, the summaries through comparison_refresh, VACUUM ANALYZE, and the figures. */
  async function finish(orgId, frozen) {
    await phase('ANALYZE (planner statistics before the rebuild)', async () => {
      await db.query(
        `ANALYZE report, report_revision, report_review, producer, criterion, monitoring_terms_item, contract_service`,
      );
      await db.query(`ANALYZE report_value`);
    });
    await phase('comparison_refresh(org, service) on two connections', async () => {
      // The month index is made once afterwards (as the migration defines it), not row by row.
      const [{ def }] = (
        await db.query(`SELECT pg_get_indexdef('ix_comparison_running_period'::regclass) AS def`)
      ).rows;
      await db.query(`DROP INDEX ix_comparison_running_period`);
      const services = (
        await db.query(`SELECT DISTINCT service_code FROM report WHERE organiser_id = $1 ORDER BY 1`, [orgId])
      ).rows.map((row) => row.service_code);
      const worker = async (client) => {
        for (let service = services.shift(); service; service = services.shift())
          await client.query(`SELECT comparison_refresh($1, $2, NULL, NULL)`, [orgId, service]);
      };
      await Promise.all([worker(db), worker(db2)]);
      await db.query(def);
    });
    await phase('VACUUM ANALYZE', async () => {
      await Promise.all([
        db.query(`VACUUM (ANALYZE) comparison_running`),
        (async () => {
          await db2.query(`VACUUM (ANALYZE) comparison_type_period`);
          await db2.query(`VACUUM (ANALYZE) report_value`);
          await db2.query(`VACUUM (ANALYZE) report, report_revision, report_review`);
          await db2.query(
            `VACUUM (ANALYZE) producer, service_unit, contract, contract_service, contract_service_terms`,
          );
        })(),
      ]);
    });

    const total = Number(process.hrtime.bigint() - started) / 1e9;
    const load = phases.filter((p) => !p.name.startsWith('database') && !p.name.startsWith('migrations'));
    const loadSeconds = load.reduce((s, p) => s + p.seconds, 0);
    const counts = await db.query(
      `SELECT (SELECT count(*) FROM report_value WHERE organiser_id = $1) AS values,
              (SELECT count(*) FROM report WHERE organiser_id = $1 AND accepted_revision IS NOT NULL) AS reports,
              (SELECT count(*) FROM comparison_running WHERE organiser_id = $1) AS running,
              (SELECT count(*) FROM comparison_type_period WHERE organiser_id = $1) AS type_period,
              pg_size_pretty(pg_database_size(current_database())) AS size`,
      [orgId],
    );
    await db.end();
    await db2.end();
    const c = counts.rows[0];
    console.log(
      `\nLoaded ${Number(c.values).toLocaleString('en')} values in ${Number(c.reports).toLocaleString('en')} accepted reports; ` +
        `summaries: ${Number(c.running).toLocaleString('en')} running rows, ${Number(c.type_period).toLocaleString('en')} type-period rows; database ${c.size}` +
        (frozen ? '; values written frozen' : ''),
    );
    console.log(
      `Load (everything after the migrations): ${loadSeconds.toFixed(1)} s; total with database and migrations: ${total.toFixed(1)} s`,
    );
    console.log(
      `Sign in as ${SCALE_ANALYST} (SOPU_SCALE_PASSWORD, default Sopu-scale-2026!); organiser ${orgId}`,
    );
  }

  const existing = await db.query('SELECT id FROM organiser WHERE business_id = $1', [SCALE_BUSINESS_ID]);
  if (opts.summariesOnly) {
    if (existing.rowCount === 0) {
      console.error(`No scale organiser in ${dbName}: load it first (without --summaries-only).`);
      process.exit(1);
    }
    await finish(existing.rows[0].id, false);
    return;
  }
  if (existing.rowCount > 0) {
    console.error(
      `The scale organiser (${SCALE_BUSINESS_ID}) is already in ${dbName}. Run again with --reset to drop the database and load anew.`,
    );
    process.exit(1);
  }

  // ── Organiser, users, catalogue, producers, contracts (small, with every check on) ──
  const rnd = prng(20261123);
  const orgId = randomUUID();
  const managerId = randomUUID();
  const typeNames = ['SELF_PRODUCED', 'PURCHASED_SERVICE', 'VOUCHER_SERVICE'];
  const producerList = []; // { id, type, service, size, quality }
  const contractServiceOf = []; // by producer index: { contractId, serviceId, termsId }
  const termsOf = new Map();

  await phase('organiser, users, catalogue, producers, contracts', async () => {
    await db.query('BEGIN');
    await db.query(
      `INSERT INTO organiser (id, business_id, name_fi, name_sv, name_en) VALUES ($1, $2, $3, $4, $5)`,
      [
        orgId,
        SCALE_BUSINESS_ID,
        'Skaalatestin hyvinvointialue',
        'Skalningstestets välfärdsområde',
        'Scale test county',
      ],
    );
    const hash = await argon2.hash(SCALE_PASSWORD, { type: argon2.argon2id });
    await db.query(
      `INSERT INTO app_user (id, organiser_id, email, display_name, role, language, password_hash) VALUES
         ($1, $2, 'manager@scale.sopu.test', 'Mira Mittakaava', 'CONTRACT_MANAGER', 'fi', $4),
         (gen_random_uuid(), $2, $3, 'Aki Analyytikko', 'ANALYST', 'en', $4)`,
      [managerId, orgId, SCALE_ANALYST, hash],
    );
    const criterionIds = new Map();
    await copyRows(
      db,
      'criterion',
      [
        'id',
        'organiser_id',
        'code',
        'measure_type',
        'direction',
        'unit',
        'name',
        'definition',
        'interpretation',
        'numerator_definition',
        'denominator_definition',
        'min_value',
        'max_value',
        'decimals',
        'scale_min',
        'scale_max',
        'rate_multiplier',
        'allow_not_applicable',
      ],
      [...criteria.values()].map((c) => {
        const id = randomUUID();
        criterionIds.set(c.code, id);
        const r = criterionRow(c);
        return [
          id,
          orgId,
          c.code,
          c.measureType,
          c.direction,
          c.unit,
          c.name,
          c.definition,
          c.interpretation,
          c.numeratorDefinition ?? null,
          c.denominatorDefinition ?? null,
          r.minValue,
          r.maxValue,
          r.decimals,
          r.scaleMin,
          r.scaleMax,
          r.rateMultiplier,
          c.allowNotApplicable ?? false,
        ];
      }),
    );
    for (const s of services) {
      const {
        rows: [d],
      } = await db.query(
        `INSERT INTO service_description (organiser_id, code, version, status, area, output_unit, name, description,
                                          inclusions, target_group, published_at)
         VALUES ($1, $2, 1, 'PUBLISHED', $3, $4, $5, $6, $7, $8, now()) RETURNING id`,
        [orgId, s.code, s.area, s.outputUnit, s.name, s.description, s.inclusions, s.targetGroup],
      );
      // A draft with its items, then published: the freeze triggers see the real order.
      const {
        rows: [t],
      } = await db.query(
        `INSERT INTO monitoring_terms (organiser_id, service_code, service_description_id, version, status, valid_from)
         VALUES ($1, $2, $3, 1, 'DRAFT', $4) RETURNING id`,
        [orgId, s.code, d.id, firstMonth],
      );
      await copyRows(
        db,
        'monitoring_terms_item',
        [
          'organiser_id',
          'terms_id',
          'criterion_id',
          'position',
          'required',
          'target',
          'has_green',
          'green_min',
          'green_max',
          'has_amber',
          'amber_min',
          'amber_max',
          'frequency',
          'evidence_required',
        ],
        s.items.map((item, position) => [
          orgId,
          t.id,
          criterionIds.get(item.code),
          position,
          true,
          item.target,
          item.green !== null,
          item.green?.min ?? null,
          item.green?.max ?? null,
          item.amber !== null,
          item.amber?.min ?? null,
          item.amber?.max ?? null,
          'MONTHLY',
          false,
        ]),
      );
      await db.query(`UPDATE monitoring_terms SET status = 'PUBLISHED', published_at = now() WHERE id = $1`, [
        t.id,
      ]);
      termsOf.set(s.code, t.id);
    }

    // Producers: spread evenly over the services, types by each service's mix.
    const stems = [
      'Aalto',
      'Kallio',
      'Koivu',
      'Lehto',
      'Mänty',
      'Niemi',
      'Salo',
      'Vaara',
      'Ranta',
      'Harju',
      'Kivi',
      'Laakso',
      'Lumme',
      'Tammi',
      'Pihlaja',
      'Saari',
      'Vuori',
      'Joki',
      'Kataja',
      'Kaste',
    ];
    const trades = {
      SELF_PRODUCED: null,
      PURCHASED_SERVICE: ['Hoiva Oy', 'Terveys Oy', 'Palvelut Oy', 'Care Ab', 'säätiö sr'],
      VOUCHER_SERVICE: ['Oy', 'Klinikka Oy', 'Koti Oy', 'ry', 'Ab'],
    };
    const districts = [
      'SOUTHERN',
      'WESTERN',
      'CENTRAL',
      'NORTHERN',
      'NORTHEASTERN',
      'SOUTHEASTERN',
      'EASTERN',
      'OSTERSUNDOM',
    ];
    const districtWeights = [0.16, 0.18, 0.13, 0.07, 0.17, 0.12, 0.16, 0.01];
    const streets = [
      'Mannerheimintie',
      'Hämeentie',
      'Mäkelänkatu',
      'Itäväylä',
      'Kustaa Vaasan tie',
      'Vihdintie',
      'Kirkkokatu',
      'Siltasaarenkatu',
      'Tapulikaupungintie',
      'Kontulantie',
      'Pihlajamäentie',
      'Munkkiniemen puistotie',
    ];
    let bid = 2000000;
    const nextBusinessId = () => {
      for (;;) {
        const id = businessId(bid++);
        if (id) return id;
      }
    };
    const producerRows = [];
    const unitRows = [];
    const unitsOf = [];
    for (let p = 0; p < producers; p++) {
      const s = services[p % services.length];
      const mix = MIX[s.code] ?? DEFAULT_MIX;
      const slot = Math.floor(p / services.length);
      const perService = Math.ceil(producers / services.length);
      // Types by position within the service, so that each service keeps its mix exactly.
      const share = (slot + 0.5) / perService;
      const type = share < mix[0] ? typeNames[0] : share < mix[0] + mix[1] ? typeNames[1] : typeNames[2];
      const id = randomUUID();
      const stem = stems[p % stems.length];
      const name =
        type === 'SELF_PRODUCED'
          ? `${s.name.fi}, ${stem.toLowerCase()}alueen yksikkö ${p + 1}`
          : `${stem} ${rnd.pick(trades[type])} ${p + 1}`;
      const size = Math.exp(0.45 * rnd.normal()); // producer size, lognormal around 1
      producerList.push({ id, type, service: s, size, quality: rnd.normal() });
      producerRows.push([
        id,
        orgId,
        name,
        type,
        type === 'SELF_PRODUCED' ? null : nextBusinessId(),
        type === 'SELF_PRODUCED' ? `7${String(100000 + p).slice(1)}` : null,
        'ACTIVE',
        `Yhteyshenkilö ${p + 1}`,
        `contact${p + 1}@producer.scale.sopu.test`,
      ]);
      const unitCount = rnd.next() < 0.25 ? 2 : 1;
      const units = [];
      for (let u = 0; u < unitCount; u++) {
        const unitId = randomUUID();
        units.push(unitId);
        let r = rnd.next();
        let district = districts[0];
        for (let i = 0; i < districts.length; i++) {
          if (r < districtWeights[i]) {
            district = districts[i];
            break;
          }
          r -= districtWeights[i];
        }
        const l = rnd.next();
        const languages = l < 0.8 ? '{fi}' : l < 0.95 ? '{fi,sv}' : l < 0.98 ? '{sv}' : '{fi,en}';
        const unitName = L(
          `${name} – toimipiste ${u + 1}`,
          `${name} – verksamhetsställe ${u + 1}`,
          `${name} – unit ${u + 1}`,
        );
        unitRows.push([
          unitId,
          orgId,
          id,
          unitName,
          `${rnd.pick(streets)} ${1 + Math.floor(rnd.next() * 120)}`,
          `00${String(100 + Math.floor(rnd.next() * 890)).padStart(3, '0')}`,
          'Helsinki',
          district,
          languages,
          Math.round(20 + 80 * size),
        ]);
      }
      unitsOf.push(units);
    }
    await copyRows(
      db,
      'producer',
      [
        'id',
        'organiser_id',
        'name',
        'type',
        'business_id',
        'cost_centre',
        'status',
        'contact_name',
        'contact_email',
      ],
      producerRows,
    );
    await copyRows(
      db,
      'service_unit',
      [
        'id',
        'organiser_id',
        'producer_id',
        'name',
        'street_address',
        'postal_code',
        'post_office',
        'district',
        'languages',
        'capacity',
      ],
      unitRows,
    );

    const kind = {
      SELF_PRODUCED: 'IN_HOUSE_AGREEMENT',
      PURCHASED_SERVICE: 'PURCHASE_CONTRACT',
      VOUCHER_SERVICE: 'VOUCHER_APPROVAL',
    };
    const contracts = [];
    const contractServices = [];
    const serviceTerms = [];
    const events = [];
    producerList.forEach((p, i) => {
      const contractId = randomUUID();
      const serviceId = randomUUID();
      const termsId = termsOf.get(p.service.code);
      contractServiceOf.push({ contractId, serviceId, termsId });
      contracts.push([
        contractId,
        orgId,
        p.id,
        `SCALE-${String(i + 1).padStart(6, '0')}`,
        `${p.service.name.fi} (${p.type === 'SELF_PRODUCED' ? 'sisäinen palvelusopimus' : p.type === 'PURCHASED_SERVICE' ? 'ostopalvelu' : 'palveluseteli'})`,
        kind[p.type],
        'ACTIVE',
        firstMonth,
        null,
        15,
        managerId,
      ]);
      const price = UNIT_PRICE[p.service.outputUnit] * COST_LEAN[p.type] * (0.95 + 0.1 * rnd.next());
      contractServices.push([
        serviceId,
        orgId,
        contractId,
        p.service.code,
        price.toFixed(2),
        Math.round(YEARLY_VOLUME[p.service.outputUnit] * p.size),
        `{${unitsOf[i].join(',')}}`,
      ]);
      serviceTerms.push([orgId, serviceId, termsId, firstMonth]);
      events.push([orgId, contractId, 'CREATED', '', firstMonth, '[]', null, null]);
      events.push([
        orgId,
        contractId,
        'STATUS',
        'Sopimus allekirjoitettu.',
        firstMonth,
        '[{"field":"status","from":"DRAFT","to":"ACTIVE"}]',
        'DRAFT',
        'ACTIVE',
      ]);
    });
    await copyRows(
      db,
      'contract',
      [
        'id',
        'organiser_id',
        'producer_id',
        'number',
        'title',
        'kind',
        'status',
        'valid_from',
        'valid_to',
        'reporting_due_days',
        'manager_id',
      ],
      contracts,
    );
    await copyRows(
      db,
      'contract_service',
      ['id', 'organiser_id', 'contract_id', 'service_code', 'unit_price', 'estimated_volume', 'unit_ids'],
      contractServices,
    );
    await copyRows(
      db,
      'contract_service_terms',
      ['organiser_id', 'contract_service_id', 'terms_id', 'effective_from'],
      serviceTerms,
    );
    await copyRows(
      db,
      'contract_event',
      [
        'organiser_id',
        'contract_id',
        'kind',
        'reason',
        'effective_date',
        'changes',
        'from_status',
        'to_status',
      ],
      events,
    );
    await db.query('COMMIT');
  });

  // ── Reports, revisions, reviews and values ──
  const periods = [];
  for (let m = 0; m < months; m++) {
    const [y, mo] = addMonths(firstY, firstM, m);
    const start = monthStart(y, mo);
    const end = `${y}-${pad(mo)}-${pad(lastDay(y, mo))}`;
    periods.push({ start, end, due: addDays(end, 15) });
  }
  const reportIds = new Array(producers * months);
  const revisionIds = new Array(producers * months);
  for (let i = 0; i < reportIds.length; i++) {
    reportIds[i] = randomUUID();
    revisionIds[i] = randomUUID();
  }
  // Deterministic per report: days after the period's end when it was submitted and reviewed.
  const hash = (a, b) => {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x27d4eb2f, 0xc2b2ae35);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return ((h ^ (h >>> 12)) >>> 0) / 4294967296;
  };
  const submittedDay = (p, m) => {
    const r = hash(p, m);
    return r < 0.05 ? 16 + Math.floor(r * 100) : 3 + Math.floor(r * 12); // 5 % late
  };
  const at = (iso, days, hour) => `${addDays(iso, days)} ${pad(hour)}:00:00+02`;

  const replica = async (client) => client.query(`SET session_replication_role = replica`);

  async function loadReports() {
    await replica(db2);
    await db2.query('BEGIN');
    await copyText(
      db2,
      `COPY report (id, organiser_id, contract_id, contract_service_id, producer_id, service_code, terms_id, period_type,
                    period_start, period_end, due_date, status, created_at, updated_at, revision_count, submitted_at,
                    accepted_at, accepted_revision) FROM STDIN`,
      function* () {
        for (let m = 0; m < months; m++) {
          const period = periods[m];
          for (let p = 0; p < producers; p++) {
            const i = m * producers + p;
            const cs = contractServiceOf[p];
            const sub = submittedDay(p, m);
            const submitted = at(period.end, sub, 10);
            const accepted = at(period.end, sub + 2, 13);
            yield `${reportIds[i]}\t${orgId}\t${cs.contractId}\t${cs.serviceId}\t${producerList[p].id}\t${producerList[p].service.code}\t${cs.termsId}\tMONTH\t${period.start}\t${period.end}\t${period.due}\tACCEPTED\t${period.start} 00:00:00+02\t${accepted}\t1\t${submitted}\t${accepted}\t1\n`;
          }
        }
      },
    );
    await copyText(
      db2,
      `COPY report_revision (id, organiser_id, report_id, number, idempotency_key, submitted_at, via, late, values) FROM STDIN`,
      function* () {
        for (let m = 0; m < months; m++) {
          const period = periods[m];
          for (let p = 0; p < producers; p++) {
            const i = m * producers + p;
            const sub = submittedDay(p, m);
            yield `${revisionIds[i]}\t${orgId}\t${reportIds[i]}\t1\tscale-${reportIds[i]}-1\t${at(period.end, sub, 10)}\tSEED\t${sub > 15 ? 't' : 'f'}\t{}\n`;
          }
        }
      },
    );
    await copyText(
      db2,
      `COPY report_review (id, organiser_id, report_id, revision_id, decision, value_comments, reviewer_id, reviewer_email,
                           reviewed_at) FROM STDIN`,
      function* () {
        for (let m = 0; m < months; m++) {
          const period = periods[m];
          for (let p = 0; p < producers; p++) {
            const i = m * producers + p;
            yield `${randomUUID()}\t${orgId}\t${reportIds[i]}\t${revisionIds[i]}\tACCEPT\t{}\t${managerId}\tmanager@scale.sopu.test\t${at(period.end, submittedDay(p, m) + 2, 13)}\n`;
          }
        }
      },
    );
    await db2.query('COMMIT');
    await db2.query(`SET session_replication_role = origin`);
  }

  let frozen = false;
  async function loadValues() {
    await replica(db);
    await db.query('BEGIN');
    // Written frozen when the table is empty: truncated in this transaction, COPY FREEZE may skip
    // the later hint-bit and freezing passes (and sets the visibility map).
    const {
      rows: [{ empty }],
    } = await db.query(`SELECT NOT EXISTS (SELECT 1 FROM report_value) AS empty`);
    if (empty) {
      await db.query(`TRUNCATE report_value`);
      frozen = true;
    }
    await db.query(`ALTER TABLE report_value DROP CONSTRAINT pk_report_value`);
    await db.query(`DROP INDEX ix_report_value_service`);
    const gens = services.map((s) => s.items.map((item) => generatorFor(item, s.outputUnit)));
    // A producer's standing on each criterion: its own quality, its type's lean on the theme, noise.
    const standing = producerList.map((p, pi) =>
      gens[pi % services.length].map((g) => 0.55 * p.quality + 0.45 * rnd.normal() + g.lean[p.type]),
    );
    const trendPerMonth = 0.25 / Math.max(1, months - 1); // slowly better over the years
    await copyText(
      db,
      `COPY report_value (revision_id, criterion_code, organiser_id, report_id, producer_id, service_code, period_start,
                          measure_type, numerator, denominator, value, respondents, flag, not_applicable, measured, light)
       FROM STDIN${frozen ? ' WITH (FREEZE)' : ''}`,
      function* () {
        for (let m = 0; m < months; m++) {
          const period = periods[m];
          const trend = (m - months / 2) * trendPerMonth;
          for (let p = 0; p < producers; p++) {
            const producer = producerList[p];
            const i = m * producers + p;
            const mid = `\t${orgId}\t${reportIds[i]}\t${producer.id}\t${producer.service.code}\t${period.start}\t`;
            const head = revisionIds[i] + '\t';
            const gs = gens[p % services.length];
            const stand = standing[p];
            const cost = COST_LEAN[producer.type];
            let lines = '';
            for (let c = 0; c < gs.length; c++) {
              const g = gs[c];
              const q = stand[c] + 0.6 * rnd.normal() + trend;
              const [num, den, value, respondents, flag, na, measured] = drawValue(
                g,
                rnd,
                q,
                producer.size,
                cost,
              );
              const lt = na ? null : light(g.item, measured);
              lines +=
                head +
                g.code +
                mid +
                g.measureType +
                '\t' +
                (num === null ? '\\N' : num) +
                '\t' +
                (den === null ? '\\N' : den) +
                '\t' +
                (value === null ? '\\N' : value) +
                '\t' +
                (respondents === null ? '\\N' : respondents) +
                '\t' +
                (flag === null ? '\\N' : flag) +
                '\t' +
                (na ? 't' : 'f') +
                '\t' +
                (measured === null ? '\\N' : measured) +
                '\t' +
                (lt === null ? '\\N' : lt) +
                '\n';
            }
            yield lines;
          }
        }
      },
    );
  }

  await phase(
    `COPY ${(producers * months).toLocaleString('en')} reports+revisions+reviews ∥ ${values.toLocaleString('en')} values`,
    () => Promise.all([loadReports(), loadValues()]),
  );
  await phase('report_value primary key and index', async () => {
    // Built in parallel on two connections (CREATE INDEX takes a SHARE lock, so both may run).
    await db.query('COMMIT');
    await db.query(`SET session_replication_role = origin`);
    await db2.query(`SET max_parallel_maintenance_workers = 0`);
    await db.query(`SET max_parallel_maintenance_workers = 0`);
    await Promise.all([
      db.query(`CREATE UNIQUE INDEX pk_report_value ON report_value (revision_id, criterion_code)`),
      db2.query(
        `CREATE INDEX ix_report_value_service ON report_value (organiser_id, service_code, criterion_code, period_start)`,
      ),
    ]);
    await db.query(
      `ALTER TABLE report_value ADD CONSTRAINT pk_report_value PRIMARY KEY USING INDEX pk_report_value`,
    );
  });
  await finish(orgId, frozen);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
