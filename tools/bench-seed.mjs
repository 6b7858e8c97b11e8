// npm run bench:seed — how long loading the demo data takes, with and without its 24 months of
// filled reports, deviations and corrective actions: each on a fresh embedded store and on a fresh
// database of the PostgreSQL server (TEST_DATABASE_URL, default the local one), through the built
// API's `seed` command (migrations, then the demo). Prints one JSON line per run and a summary.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { build } from './run-api.mjs';

const SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = Number(process.env.BENCH_RUNS ?? 2);

function seed(env) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ['dist/apps/api/main.js', 'seed'], {
    env: { ...process.env, SOPU_LOG_LEVEL: 'error', NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`seed failed: ${result.stderr || result.stdout}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function onServer(reports) {
  const name = `sopu_bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try {
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    return seed({ DATABASE_URL: url.toString(), SOPU_DEMO_REPORTS: reports ? '1' : '0' });
  } finally {
    await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
    await admin.end();
  }
}

function embedded(reports) {
  const dir = mkdtempSync(join(tmpdir(), 'sopu-bench-'));
  try {
    return seed({ DATABASE_URL: '', SOPU_DATA_DIR: dir, SOPU_DEMO_REPORTS: reports ? '1' : '0' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

build(['api']);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = {};
for (const [store, run] of [
  ['embedded', embedded],
  ['server', onServer],
]) {
  const times = { without: [], with: [] };
  for (let i = 0; i < RUNS; i++) {
    for (const reports of [false, true]) {
      const ms = await run(reports);
      times[reports ? 'with' : 'without'].push(ms);
      console.log(JSON.stringify({ store, reports, ms: Math.round(ms) }));
    }
  }
  summary[store] = {
    medianWithoutReportsMs: Math.round(median(times.without)),
    medianWithReportsMs: Math.round(median(times.with)),
    addedByReportsMs: Math.round(median(times.with) - median(times.without)),
  };
}
console.log(JSON.stringify({ summary, runs: RUNS }, null, 2));
