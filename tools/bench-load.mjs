// npm run bench:load — the API under a busy reporting day: 100 provider clients fill and submit
// reports (read the form, save the draft twice, attach the evidence the terms ask for, submit with an
// Idempotency-Key) while 10 analysts ask GET /api/comparisons, for 60 s, on loopback only.
//
// It makes its own database on the PostgreSQL server (TEST_DATABASE_URL, default the local one),
// loads the demo with its 24 months of filled reports (so the comparisons have data), adds the
// reporters, analysts and open reports the clients need by SQL, starts the built API on a free
// loopback port, runs, checks by SQL that every acknowledged submission has exactly one revision,
// prints the figures and drops the database (--keep keeps it).
//
// Each client is closed-loop: its next request starts when the previous one has answered, after a
// pause ("think time", uniform between 0.5× and 1.5× of --think; 0 runs flat out). A submission
// whose answer does not arrive within --timeout is sent again with the same key.
//
// Options: --duration S (60), --providers N (100), --analysts N (10), --think MS (1000),
// --timeout MS (10000), --pool N (the API's DATABASE_POOL_SIZE, default the API's own), --keep,
// --cpu-prof DIR (the API writes a V8 CPU profile, .cpuprofile, there when it stops, for Chrome's DevTools).
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { addMonths, ms, percentile, startBuiltApi } from './bench-figures.mjs';
import { build } from './run-api.mjs';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DEMO_PASSWORD = process.env.SOPU_DEMO_PASSWORD || 'Sopu-demo-2026!';

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    providers: { type: 'string', default: '100' },
    analysts: { type: 'string', default: '10' },
    think: { type: 'string', default: '1000' },
    timeout: { type: 'string', default: '10000' },
    pool: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const DURATION_MS = Math.max(1, Number(args.duration)) * 1000;
const PROVIDERS = Math.max(1, Number(args.providers));
const ANALYSTS = Math.max(0, Number(args.analysts));
const THINK_MS = Math.max(0, Number(args.think));
const TIMEOUT_MS = Math.max(100, Number(args.timeout));
// Enough open reports that no client runs out even flat out (a report takes at least four requests).
const REPORTS_PER_CLIENT = Math.ceil(DURATION_MS / 1000 / 2) + 10;

const sleep = (millis) => new Promise((resolve) => setTimeout(resolve, millis));
const think = () => (THINK_MS > 0 ? sleep(THINK_MS * (0.5 + Math.random())) : Promise.resolve());

// ── Values a report accepts (the same rules as apps/api/test/report-values.ts) ──

function entryMeasuring(form, measured) {
  const { criterion } = form;
  switch (criterion.measureType) {
    case 'PERCENTAGE':
      return { numerator: String(Math.round(measured * 10)), denominator: '1000' };
    case 'RATE': {
      const multiplier = criterion.rateMultiplier ?? 1;
      return { numerator: String(Math.round(measured * 100)), denominator: String(multiplier * 100) };
    }
    case 'COUNT':
      return { value: String(Math.round(measured)) };
    case 'SCALE':
      return { value: measured.toFixed(criterion.decimals), respondents: '50' };
    case 'BOOLEAN':
      return { flag: measured >= 0.5 };
    case 'TEXT':
      return { text: 'Toiminta jatkui suunnitellusti.' };
    default: // RATIO, DURATION_DAYS, CURRENCY_EUR
      return { value: measured.toFixed(Math.min(criterion.decimals, 2)) };
  }
}

/** A value inside the green band, or the lowest allowed one when the item has no bands. */
function greenEntry(form) {
  const { criterion } = form;
  const low =
    criterion.measureType === 'SCALE'
      ? (criterion.scaleMin ?? 0)
      : criterion.measureType === 'BOOLEAN'
        ? 0
        : (criterion.minValue ?? 0);
  const high =
    criterion.measureType === 'SCALE'
      ? (criterion.scaleMax ?? 10)
      : criterion.measureType === 'BOOLEAN'
        ? 1
        : criterion.measureType === 'PERCENTAGE'
          ? Math.min(criterion.maxValue ?? 100, 100)
          : (criterion.maxValue ?? 1000);
  const band = form.item.green;
  if (!band) return entryMeasuring(form, low);
  const min = Math.max(band.min ?? low, low);
  const max = Math.min(band.max ?? high, high);
  return entryMeasuring(form, (min + max) / 2);
}

const EVIDENCE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.7\n% Omavalvontasuunnitelma\n'),
  Buffer.alloc(600, 32),
  Buffer.from('\n%%EOF\n'),
]);

// ── The database: demo data, then the clients' accounts and open reports ──

async function prepare(url) {
  const seeded = spawnSync(process.execPath, ['dist/apps/api/main.js', 'seed'], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      DATABASE_URL: url,
      SOPU_DEMO_REPORTS: '1',
      SOPU_DEMO_PASSWORD: DEMO_PASSWORD,
      SOPU_LOG_LEVEL: 'error',
    },
    encoding: 'utf8',
  });
  if (seeded.status !== 0)
    throw new Error(`seed failed (${seeded.status ?? seeded.signal}): ${seeded.stderr || seeded.stdout}`);
  const db = new pg.Client({ connectionString: url, application_name: 'sopu-bench-load' });
  await db.connect();
  try {
    await db.query('BEGIN');
    // Every bench account gets the demo password's hash, so no hashing is needed here.
    const [{ hash, organiser_id }] = (
      await db.query(
        `SELECT password_hash AS hash, organiser_id FROM app_user WHERE email = 'analyst@demo.sopu.test'`,
      )
    ).rows;
    const producers = (
      await db.query(`SELECT id FROM producer WHERE organiser_id = $1 ORDER BY name, id`, [organiser_id])
    ).rows;
    // Client c reports for producer c mod P; it is the producer's (c div P)-th client.
    const clientsOf = producers.map((_, p) => Math.floor((PROVIDERS - 1 - p) / producers.length) + 1);
    await db.query(
      `INSERT INTO app_user (organiser_id, email, display_name, role, producer_id, language, password_hash)
       SELECT $1, 'load.reporter.' || c || '@bench.sopu.test', 'Load reporter ' || c, 'PROVIDER_REPORTER',
              ($2::uuid[])[c % $3 + 1], 'fi', $4
         FROM generate_series(0, $5 - 1) AS c`,
      [organiser_id, producers.map((p) => p.id), producers.length, hash, PROVIDERS],
    );
    await db.query(
      `INSERT INTO app_user (organiser_id, email, display_name, role, language, password_hash)
       SELECT $1, 'load.analyst.' || a || '@bench.sopu.test', 'Load analyst ' || a, 'ANALYST', 'en', $2
         FROM generate_series(0, $3 - 1) AS a`,
      [organiser_id, hash, ANALYSTS],
    );
    // Open reports in the distant past (a period yet to start cannot be filled), on each producer's
    // own contract services: the latest report of one of them is the template, moved by whole
    // periods; they are late.
    const made = await db.query(
      `WITH templates AS (
         SELECT DISTINCT ON (producer_id) r.*,
                CASE period_type WHEN 'MONTH' THEN 1 WHEN 'QUARTER' THEN 3 ELSE 12 END AS step
           FROM report r WHERE organiser_id = $1
          ORDER BY producer_id, (period_type = 'MONTH') DESC, period_start DESC, id
       ), wanted AS (
         SELECT t.*, k, (date '1960-01-01' + make_interval(months => t.step * k))::date AS start
           FROM templates t
           JOIN unnest($2::uuid[], $3::int[]) AS p(id, clients) ON p.id = t.producer_id
           CROSS JOIN LATERAL generate_series(0, p.clients * $4 - 1) AS k
       )
       INSERT INTO report (organiser_id, contract_id, contract_service_id, producer_id, service_code, terms_id,
                           period_type, period_start, period_end, due_date)
       SELECT organiser_id, contract_id, contract_service_id, producer_id, service_code, terms_id, period_type,
              start, (start + make_interval(months => step))::date - 1,
              (start + make_interval(months => step))::date - 1 + (due_date - period_end)
         FROM wanted
       RETURNING id, producer_id, period_start`,
      [organiser_id, producers.map((p) => p.id), clientsOf, REPORTS_PER_CLIENT],
    );
    await db.query('COMMIT');
    // Client c gets every k-th report of its producer, k the producer's number of clients.
    const byProducer = new Map();
    for (const row of made.rows.sort((a, b) =>
      String(a.period_start).localeCompare(String(b.period_start)),
    )) {
      if (!byProducer.has(row.producer_id)) byProducer.set(row.producer_id, []);
      byProducer.get(row.producer_id).push(row.id);
    }
    const clients = [];
    for (let c = 0; c < PROVIDERS; c++) {
      const p = c % producers.length;
      const nth = Math.floor(c / producers.length);
      const own = (byProducer.get(producers[p].id) ?? []).filter((_, i) => i % clientsOf[p] === nth);
      clients.push({ email: `load.reporter.${c}@bench.sopu.test`, reports: own });
    }
    const last = (
      await db.query(
        `SELECT to_char(max(period_start), 'YYYY-MM') AS month FROM report
          WHERE organiser_id = $1 AND service_code = 'HOME_CARE' AND accepted_revision IS NOT NULL`,
        [organiser_id],
      )
    ).rows[0].month;
    const reports = Number((await db.query(`SELECT count(*) AS n FROM report`)).rows[0].n);
    return { clients, organiserId: organiser_id, lastMonth: last, reports, added: made.rowCount };
  } finally {
    await db.end();
  }
}

// ── The run ──

const stats = new Map(); // kind → { times: [], errors: Map(status → count) }
function record(kind, elapsed, status) {
  if (!stats.has(kind)) stats.set(kind, { times: [], errors: new Map(), ok: 0 });
  const s = stats.get(kind);
  s.times.push(elapsed);
  if (typeof status === 'number' && status < 400) s.ok++;
  else s.errors.set(String(status), (s.errors.get(String(status)) ?? 0) + 1);
}

/** One timed request; a timeout or a broken connection counts as status 'timeout' / 'network'. */
async function timed(kind, url, init) {
  const t0 = process.hrtime.bigint();
  try {
    const response = await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
    const text = await response.text();
    record(kind, ms(t0), response.status);
    return { status: response.status, body: text ? JSON.parse(text) : null };
  } catch (error) {
    const status = error?.name === 'TimeoutError' ? 'timeout' : 'network';
    record(kind, ms(t0), status);
    return { status, body: null };
  }
}

async function signIn(base, email) {
  const res = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`);
  return (await res.json()).accessToken;
}

async function provider(base, client, until, acknowledged, unanswered) {
  const headers = { authorization: `Bearer ${client.token}`, 'accept-language': 'en' };
  const json = { ...headers, 'content-type': 'application/json' };
  // Each client arrives after one think time, as between any two of its requests, rather than all
  // 110 in the same millisecond (a burst that alone takes ~1 s of the 2 cores to clear).
  await think();
  for (const id of client.reports) {
    if (Date.now() >= until) return;
    const read = await timed('report read', `${base}/reports/${id}`, { headers });
    if (read.status !== 200) continue;
    await think();
    const items = read.body.items;
    const full = Object.fromEntries(items.map((form) => [form.criterion.code, greenEntry(form)]));
    // First a half-filled draft, then the whole one, as a person saves on the way.
    const half = Object.fromEntries(Object.entries(full).slice(0, Math.ceil(items.length / 2)));
    let version = read.body.draftVersion;
    let ok = true;
    for (const values of [half, full]) {
      const saved = await timed('draft save', `${base}/reports/${id}/values`, {
        method: 'PUT',
        headers: json,
        body: JSON.stringify({ draftVersion: version, values }),
      });
      if (saved.status !== 200) {
        ok = false;
        break;
      }
      version = saved.body.draftVersion;
      await think();
    }
    if (!ok) continue;
    for (const form of items.filter((f) => f.item.evidenceRequired)) {
      const attached = await timed(
        'evidence upload',
        `${base}/reports/${id}/attachments?criterion=${form.criterion.code}&filename=omavalvonta.pdf`,
        {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/octet-stream' },
          body: new Uint8Array(EVIDENCE_PDF),
        },
      );
      if (attached.status !== 201) ok = false;
      await think();
    }
    if (!ok) continue;
    // Submit; an answer that does not arrive is asked for again with the same key (at most 3 times).
    const key = `load-${randomUUID()}`;
    for (let attempt = 1; attempt <= 3; attempt++) {
      const submitted = await timed('submit', `${base}/reports/${id}/submit`, {
        method: 'POST',
        headers: { ...headers, 'idempotency-key': key },
      });
      if (submitted.status === 200 || submitted.status === 201) {
        acknowledged.push({ key, reportId: id, revisionId: submitted.body.revision.id, attempts: attempt });
        break;
      }
      if (submitted.status !== 'timeout' && submitted.status !== 'network') break;
      if (attempt === 3) unanswered.push({ key, reportId: id });
    }
    await think();
  }
  client.ranOut = Date.now() < until;
}

async function analyst(base, token, query, until) {
  const headers = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
  await think();
  while (Date.now() < until) {
    await timed('comparison', `${base}/comparisons?${query}`, { headers });
    await think();
  }
}

/**
 * CPU seconds (user + system) the given processes have used so far, from /proc (Linux): the work a
 * request costs, whatever else the shared machine is doing. Gone processes count as 0.
 */
function cpuSeconds(pids) {
  let ticks = 0;
  for (const pid of pids) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // not on Linux, or the process has ended
    }
  }
  return ticks / 100;
}

async function backendPids(db, name) {
  return (await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [name])).rows.map(
    (r) => r.pid,
  );
}

async function main() {
  build(['api']);
  const name = `sopu_load_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: SERVER, application_name: 'sopu-bench-load' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const dbUrl = new URL(SERVER);
  dbUrl.pathname = `/${name}`;
  const url = dbUrl.toString();
  let api;
  // One SIGTERM: a second one, arriving while the API shuts down, would end it at once (and
  // before V8 writes a --cpu-prof profile).
  const stopApi = () => {
    if (api && api.exitCode === null && !api.killed) api.kill('SIGTERM');
  };
  process.on('exit', stopApi);
  try {
    const t0 = process.hrtime.bigint();
    const setup = await prepare(url);
    console.log(
      `Load benchmark: database ${name} with the demo data and ${setup.reports} reports ` +
        `(${setup.added} open ones added for the clients), prepared in ${(ms(t0) / 1000).toFixed(0)} s`,
    );

    // --cpu-prof DIR: V8 writes the profile there when the API stops.
    const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [];
    const running = await startBuiltApi(
      { DATABASE_URL: url, ...(args.pool ? { DATABASE_POOL_SIZE: args.pool } : {}) },
      profile,
    );
    api = running.child;
    const { base } = running;

    // Sign everyone in before the clock starts: a few at a time, as sign-in hashing is meant to be slow.
    const analysts = Array.from({ length: ANALYSTS }, (_, a) => ({
      email: `load.analyst.${a}@bench.sopu.test`,
    }));
    const everyone = [...setup.clients, ...analysts];
    for (let i = 0; i < everyone.length; i += 4) {
      await Promise.all(
        everyone.slice(i, i + 4).map(async (one) => {
          one.token = await signIn(base, one.email);
        }),
      );
    }
    const query = `service=HOME_CARE&from=${addMonths(setup.lastMonth, -23)}&to=${setup.lastMonth}&groupBy=producerType`;
    // Warm-up outside the figures: one comparison and one report read.
    await fetch(`${base}/comparisons?${query}`, {
      headers: { authorization: `Bearer ${analysts[0]?.token ?? ''}` },
    });

    console.log(
      `  ${PROVIDERS} provider clients, ${ANALYSTS} analysts (GET /api/comparisons?${query}), ` +
        `${DURATION_MS / 1000} s, think time ${THINK_MS ? `${THINK_MS * 0.5}–${THINK_MS * 1.5} ms` : 'none'}, ` +
        `client timeout ${TIMEOUT_MS} ms; load average before ${loadavg()[0].toFixed(1)}`,
    );
    const acknowledged = [];
    const unanswered = [];
    const apiCpuBefore = cpuSeconds([api.pid]);
    // Backends that start during the run count from zero.
    const backendsBefore = new Map((await backendPids(admin, name)).map((pid) => [pid, cpuSeconds([pid])]));
    const started = Date.now();
    const until = started + DURATION_MS;
    const startedHr = process.hrtime.bigint();
    await Promise.all([
      ...setup.clients.map((client) => provider(base, client, until, acknowledged, unanswered)),
      ...analysts.map((one) => analyst(base, one.token, query, until)),
    ]);
    const wall = ms(startedHr) / 1000;
    const loadAfter = loadavg()[0];
    const apiCpu = cpuSeconds([api.pid]) - apiCpuBefore;
    const backendsAfter = await backendPids(admin, name);
    const dbCpu = backendsAfter.reduce(
      (sum, pid) => sum + cpuSeconds([pid]) - (backendsBefore.get(pid) ?? 0),
      0,
    );
    stopApi();

    // ── Every acknowledged submission has exactly one revision, the one acknowledged ──
    const db = new pg.Client({ connectionString: url, application_name: 'sopu-bench-load' });
    await db.connect();
    const checked = await db.query(
      `SELECT count(*) AS acked,
              count(*) FILTER (WHERE (SELECT count(*) FROM report_revision r WHERE r.report_id = a.report_id) = 1
                                 AND (SELECT count(*) FROM report_revision r WHERE r.idempotency_key = a.key) = 1
                                 AND EXISTS (SELECT 1 FROM report_revision r
                                              WHERE r.id = a.revision_id AND r.report_id = a.report_id
                                                AND r.idempotency_key = a.key)) AS one_revision
         FROM unnest($1::text[], $2::uuid[], $3::uuid[]) AS a(key, report_id, revision_id)`,
      [
        acknowledged.map((a) => a.key),
        acknowledged.map((a) => a.reportId),
        acknowledged.map((a) => a.revisionId),
      ],
    );
    const benchRevisions = Number(
      (await db.query(`SELECT count(*) AS n FROM report_revision WHERE idempotency_key LIKE 'load-%'`))
        .rows[0].n,
    );
    const oddReports = Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM report WHERE id IN (SELECT report_id FROM report_revision WHERE idempotency_key LIKE 'load-%')
              AND (revision_count <> 1 OR (SELECT count(*) FROM report_revision r WHERE r.report_id = report.id) <> 1)`,
        )
      ).rows[0].n,
    );
    await db.end();

    // ── Figures ──
    const all = [];
    let errors = 0;
    const line = (label, value) => console.log(`  ${label.padEnd(22)} ${value}`);
    console.log('\n==== bench:load ====');
    line('run', `${wall.toFixed(1)} s, ${PROVIDERS} providers + ${ANALYSTS} analysts, think ${THINK_MS} ms`);
    for (const kind of ['report read', 'draft save', 'evidence upload', 'submit', 'comparison']) {
      const s = stats.get(kind);
      if (!s) continue;
      all.push(...s.times);
      const failed = [...s.errors.values()].reduce((a, b) => a + b, 0);
      errors += failed;
      line(
        kind,
        `${String(s.times.length).padStart(6)} req  p50 ${percentile(s.times, 0.5).toFixed(0).padStart(4)} ms  ` +
          `p95 ${percentile(s.times, 0.95).toFixed(0).padStart(4)} ms  p99 ${percentile(s.times, 0.99).toFixed(0).padStart(4)} ms  ` +
          `max ${Math.max(...s.times)
            .toFixed(0)
            .padStart(5)} ms  errors ${failed ? JSON.stringify(Object.fromEntries(s.errors)) : 0}`,
      );
    }
    const p99 = percentile(all, 0.99);
    line(
      'overall',
      `${String(all.length).padStart(6)} req  p50 ${percentile(all, 0.5).toFixed(0).padStart(4)} ms  ` +
        `p95 ${percentile(all, 0.95).toFixed(0).padStart(4)} ms  p99 ${p99.toFixed(0).padStart(4)} ms  ` +
        `max ${Math.max(...all)
          .toFixed(0)
          .padStart(5)} ms  errors ${errors}`,
    );
    line(
      'throughput',
      `${(all.length / wall).toFixed(1)} requests/s (${(acknowledged.length / wall).toFixed(1)} submissions/s)`,
    );
    line(
      'CPU per request',
      `API ${((apiCpu * 1000) / all.length).toFixed(1)} ms + PostgreSQL ${((dbCpu * 1000) / all.length).toFixed(1)} ms ` +
        `(API ${apiCpu.toFixed(1)} s, database backends ${dbCpu.toFixed(1)} s of CPU in ${wall.toFixed(0)} s)`,
    );
    const retried = acknowledged.filter((a) => a.attempts > 1).length;
    const { acked, one_revision: oneRevision } = checked.rows[0];
    line(
      'one revision each',
      `${oneRevision} of ${acked} acknowledged submissions (${retried} after a retry); ` +
        `${benchRevisions} revisions stored by the run, ${unanswered.length} submissions never answered; ` +
        `reports with other than one revision: ${oddReports}` +
        `  → ${Number(oneRevision) === Number(acked) && oddReports === 0 ? 'OK' : 'FAILED'}`,
    );
    const ranOut = setup.clients.filter((c) => c.ranOut).length;
    if (ranOut) line('note', `${ranOut} clients ran out of open reports before the end`);
    line('load average (1 min)', `${loadAfter.toFixed(1)} at the end (2 cores, shared)`);
    line(
      'targets',
      `no errors: ${errors === 0 ? 'met' : 'NOT met'}; p99 ≤ 500 ms: ${p99 <= 500 ? 'met' : 'NOT met'}`,
    );
    console.log('====================');
    if (Number(oneRevision) !== Number(acked) || oddReports !== 0) process.exitCode = 1;
  } finally {
    stopApi();
    // The API waits for open keep-alive connections when it stops; after 10 s it is killed.
    if (api && api.exitCode === null && api.signalCode === null) {
      const killer = setTimeout(() => api.kill('SIGKILL'), 10_000);
      await new Promise((resolve) => api.once('exit', resolve));
      clearTimeout(killer);
    }
    if (args.keep) console.log(`kept database ${name}`);
    else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
