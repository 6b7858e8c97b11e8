// npm run bench:comparison — how fast GET /api/comparisons answers at national scale, against the
// database that `npm run seed:scale` loaded (same DATABASE_URL). Starts the built API on a free
// loopback port, signs in as the scale organiser's analyst, warms up, then times sequential requests
// for one service over 36 months grouped by producer type; then times the plain aggregate that answers
// the same question straight from the values (report ⋈ accepted revision ⋈ report_value ⋈ producer,
// i.e. the accepted_value view, no summary tables) the same number of times, and prints both.
//
// Options: --service CODE (default HOME_CARE), --requests N (default 50), --warmup N (default 5),
// --months N (default 36: the range ends with the latest reported month).
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addMonths, ms, percentile, startBuiltApi } from './bench-figures.mjs';
import { build } from './run-api.mjs';

const SCALE_BUSINESS_ID = '9876543-6';
const SCALE_ANALYST = 'analyst@scale.sopu.test';
const SCALE_PASSWORD = process.env.SOPU_SCALE_PASSWORD || 'Sopu-scale-2026!';

const { values: args } = parseArgs({
  options: {
    service: { type: 'string', default: 'HOME_CARE' },
    requests: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '5' },
    months: { type: 'string', default: '36' },
  },
});
const REQUESTS = Math.max(1, Number(args.requests));
const WARMUP = Math.max(0, Number(args.warmup));
const MONTHS = Math.max(1, Number(args.months));

const url = process.env.DATABASE_URL;
if (!url || !/^postgres(ql)?:/.test(url)) {
  console.error(
    'bench:comparison needs DATABASE_URL naming the database that seed:scale loaded, e.g.\n' +
      '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/sopu_scale npm run bench:comparison',
  );
  process.exit(2);
}

const month = (iso) => iso.slice(0, 7);

/**
 * The plain aggregate: for each criterion and producer type (and all producers together) the group's
 * value by the measure type's rule (percentages and rates pooled Σnumerator/Σdenominator, scales
 * weighted by respondents, counts summed, yes/no as the share of yes, durations, ratios and euros as
 * the median of the producers' values), the number of producers, the producers' own values'
 * quartiles (percentile_cont), traffic-light counts and target attainment; and the series per period
 * with its median. Straight from accepted_value.
 */
const PLAIN = `
WITH v AS (
  SELECT a.criterion_code, a.producer_type, a.producer_id, a.period_start, a.measure_type,
         a.numerator, a.denominator, a.measured, a.respondents, a.light, a.meets, a.not_applicable,
         coalesce(c.rate_multiplier, 1) AS mult
    FROM accepted_value a
    JOIN criterion c ON c.organiser_id = a.organiser_id AND c.code = a.criterion_code
   WHERE a.organiser_id = $1 AND a.service_code = $2 AND a.period_start BETWEEN $3 AND $4
),
per_producer AS (
  SELECT criterion_code, producer_type, producer_id, min(measure_type) AS mt, min(mult) AS mult,
         sum(numerator) AS num, sum(denominator) AS den, sum(measured * respondents) AS wsum,
         sum(respondents) AS resp, sum(measured) AS vsum, count(measured) AS n,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY measured) AS med
    FROM v GROUP BY criterion_code, producer_type, producer_id
),
producer_value AS (
  SELECT *, CASE mt WHEN 'PERCENTAGE' THEN 100 * num / nullif(den, 0)
                    WHEN 'RATE' THEN mult * num / nullif(den, 0)
                    WHEN 'SCALE' THEN wsum / nullif(resp, 0)
                    WHEN 'COUNT' THEN vsum
                    WHEN 'BOOLEAN' THEN 100 * vsum / nullif(n, 0)
                    ELSE med END AS value
    FROM per_producer WHERE n > 0
),
figures AS (
  SELECT criterion_code, coalesce(producer_type, 'ALL') AS grp, count(*) AS producers,
         CASE min(mt) WHEN 'PERCENTAGE' THEN 100 * sum(num) / nullif(sum(den), 0)
                      WHEN 'RATE' THEN min(mult) * sum(num) / nullif(sum(den), 0)
                      WHEN 'SCALE' THEN sum(wsum) / nullif(sum(resp), 0)
                      WHEN 'COUNT' THEN sum(vsum)
                      WHEN 'BOOLEAN' THEN 100 * sum(vsum) / nullif(sum(n), 0)
                      ELSE percentile_cont(0.5) WITHIN GROUP (ORDER BY value) END AS value,
         sum(num) AS num, sum(den) AS den,
         percentile_cont(ARRAY[0, 0.25, 0.5, 0.75, 1]) WITHIN GROUP (ORDER BY value) AS quartiles
    FROM producer_value
   GROUP BY GROUPING SETS ((criterion_code, producer_type), (criterion_code))
),
lights AS (
  SELECT criterion_code, coalesce(producer_type, 'ALL') AS grp, count(measured) AS n,
         count(*) FILTER (WHERE light = 'GREEN') AS green, count(*) FILTER (WHERE light = 'AMBER') AS amber,
         count(*) FILTER (WHERE light = 'RED') AS red, count(*) FILTER (WHERE not_applicable) AS na,
         count(*) FILTER (WHERE meets) AS meets, count(meets) AS targeted
    FROM v GROUP BY GROUPING SETS ((criterion_code, producer_type), (criterion_code))
),
series AS (
  SELECT criterion_code, producer_type AS grp, period_start, count(DISTINCT producer_id) AS producers,
         count(measured) AS n, sum(numerator) AS num, sum(denominator) AS den,
         CASE min(measure_type) WHEN 'PERCENTAGE' THEN 100 * sum(numerator) / nullif(sum(denominator), 0)
                                WHEN 'RATE' THEN min(mult) * sum(numerator) / nullif(sum(denominator), 0)
                                WHEN 'SCALE' THEN sum(measured * respondents) / nullif(sum(respondents), 0)
                                WHEN 'COUNT' THEN sum(measured)
                                WHEN 'BOOLEAN' THEN 100 * avg(measured)
                                ELSE percentile_cont(0.5) WITHIN GROUP (ORDER BY measured) END AS value,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY measured) AS median
    FROM v GROUP BY criterion_code, producer_type, period_start
)
SELECT 'figures' AS kind, f.criterion_code, f.grp, NULL::date AS period_start, f.producers, l.n, f.num, f.den,
       f.value, f.quartiles, l.green, l.amber, l.red, l.na, l.meets, l.targeted
  FROM figures f JOIN lights l USING (criterion_code, grp)
UNION ALL
SELECT 'series', criterion_code, grp, period_start, producers, n, num, den, value, ARRAY[median],
       NULL, NULL, NULL, NULL, NULL, NULL
  FROM series`;

async function main() {
  const db = new pg.Client({ connectionString: url, application_name: 'sopu-bench-comparison' });
  await db.connect();
  const org = await db.query(`SELECT id FROM organiser WHERE business_id = $1`, [SCALE_BUSINESS_ID]);
  if (org.rowCount === 0) {
    console.error('No scale organiser in this database: run `npm run seed:scale` first.');
    process.exit(1);
  }
  const orgId = org.rows[0].id;
  const shape = await db.query(
    `SELECT to_char(max(period_start), 'YYYY-MM-DD') AS last,
            (SELECT count(*) FROM report_value WHERE organiser_id = $1) AS values,
            count(DISTINCT producer_id) AS producers
       FROM report WHERE organiser_id = $1 AND service_code = $2 AND accepted_revision IS NOT NULL`,
    [orgId, args.service],
  );
  if (!shape.rows[0].last) {
    console.error(`No accepted reports of ${args.service} in the scale organiser.`);
    process.exit(1);
  }
  const to = month(shape.rows[0].last);
  const from = addMonths(to, -(MONTHS - 1));
  const query = `service=${args.service}&from=${from}&to=${to}&groupBy=producerType`;
  console.log(
    `Comparison benchmark: ${Number(shape.rows[0].values).toLocaleString('en')} values in the database; ` +
      `${args.service} (${shape.rows[0].producers} producers), ${from}…${to} (${MONTHS} months), ` +
      `${REQUESTS} timed runs after ${WARMUP} warm-up runs`,
  );

  // ── The endpoint ──
  build(['api']);
  let api = null;
  // One SIGTERM: a second one, arriving while the API shuts down, would end it at once.
  const stopApi = () => {
    if (api && api.exitCode === null && !api.killed) api.kill('SIGTERM');
  };
  process.on('exit', stopApi);

  let endpoint = null;
  try {
    const started = await startBuiltApi({ DATABASE_URL: url });
    api = started.child;
    const { base } = started;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: SCALE_ANALYST, password: SCALE_PASSWORD }),
    });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const { accessToken } = await login.json();
    const headers = { authorization: `Bearer ${accessToken}`, 'accept-language': 'en' };
    const call = async () => {
      const t0 = process.hrtime.bigint();
      const response = await fetch(`${base}/comparisons?${query}`, { headers });
      const body = await response.text();
      const elapsed = ms(t0);
      if (!response.ok)
        throw Object.assign(new Error(`GET /api/comparisons: ${response.status} ${body.slice(0, 300)}`), {
          status: response.status,
        });
      return { elapsed, body };
    };
    let first;
    try {
      first = await call();
    } catch (error) {
      if (error.status === 404) {
        console.error('GET /api/comparisons answers 404: the endpoint is not in this build yet.');
      }
      throw error;
    }
    const result = JSON.parse(first.body);
    for (let i = 1; i < WARMUP; i++) await call();
    const times = [];
    for (let i = 0; i < REQUESTS; i++) times.push((await call()).elapsed);
    const cells = result.criteria.reduce((n, c) => n + c.groups.length, 0);
    endpoint = {
      p50: percentile(times, 0.5),
      p95: percentile(times, 0.95),
      max: Math.max(...times),
      first: first.elapsed,
      bytes: Buffer.byteLength(first.body),
      shape: `${result.criteria.length} criteria × ${result.groups.length} groups (${cells} cells), ${result.periods.length} periods`,
    };
    console.log(
      `  endpoint: first ${endpoint.first.toFixed(0)} ms; p50 ${endpoint.p50.toFixed(1)} ms, p95 ${endpoint.p95.toFixed(1)} ms, ` +
        `max ${endpoint.max.toFixed(1)} ms; ${endpoint.shape}; ${(endpoint.bytes / 1024).toFixed(0)} KiB`,
    );
  } catch (error) {
    console.error(`  endpoint not measured: ${error instanceof Error ? error.message : error}`);
  } finally {
    stopApi();
  }

  // ── The plain aggregate over the values ──
  const params = [orgId, args.service, `${from}-01`, `${to}-01`];
  const runPlain = async () => {
    const t0 = process.hrtime.bigint();
    const { rows } = await db.query(PLAIN, params);
    return { elapsed: ms(t0), rows };
  };
  const firstPlain = await runPlain();
  for (let i = 1; i < WARMUP; i++) await runPlain();
  const plainTimes = [];
  for (let i = 0; i < REQUESTS; i++) plainTimes.push((await runPlain()).elapsed);
  const plain = {
    p50: percentile(plainTimes, 0.5),
    p95: percentile(plainTimes, 0.95),
    max: Math.max(...plainTimes),
    first: firstPlain.elapsed,
    rows: firstPlain.rows.length,
  };
  const scanned = await db.query(
    `SELECT count(*) AS n FROM accepted_value WHERE organiser_id = $1 AND service_code = $2 AND period_start BETWEEN $3 AND $4`,
    params,
  );
  console.log(
    `  plain aggregate: first ${plain.first.toFixed(0)} ms; p50 ${plain.p50.toFixed(1)} ms, p95 ${plain.p95.toFixed(1)} ms, ` +
      `max ${plain.max.toFixed(1)} ms; ${plain.rows} rows from ${Number(scanned.rows[0].n).toLocaleString('en')} values`,
  );
  await db.end();

  const line = (label, value) => console.log(`  ${label.padEnd(44)} ${value}`);
  console.log('\n==== GET /api/comparisons at scale ====');
  line('values in the database', Number(shape.rows[0].values).toLocaleString('en'));
  line('question', `${args.service}, ${from}…${to}, groupBy=producerType`);
  line('runs', `${REQUESTS} sequential, after ${WARMUP} warm-up`);
  if (endpoint) {
    line(
      'endpoint p50 / p95',
      `${endpoint.p50.toFixed(1)} ms / ${endpoint.p95.toFixed(1)} ms  (target p95 ≤ 50 ms: ${endpoint.p95 <= 50 ? 'met' : 'NOT met'})`,
    );
  } else {
    line('endpoint p50 / p95', 'not measured (see above)');
  }
  line('plain aggregate p50 / p95', `${plain.p50.toFixed(1)} ms / ${plain.p95.toFixed(1)} ms`);
  if (endpoint) {
    const ratio = plain.p50 / endpoint.p50;
    line(
      'plain ÷ endpoint (p50; p95)',
      `${ratio.toFixed(1)}× ; ${(plain.p95 / endpoint.p95).toFixed(1)}×  (target ≥ 3×: ${ratio >= 3 ? 'met' : 'NOT met'})`,
    );
  }
  line('load average (1 min) at the end', loadavg()[0].toFixed(1));
  console.log('=======================================');
  if (!endpoint) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
