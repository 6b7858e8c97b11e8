// Shared by the benchmarks: timing, percentiles, months, and the built API they start on a free
// loopback port.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** Milliseconds since `t0` (a `process.hrtime.bigint()`). */
export const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

/** Nearest-rank percentile of a list of milliseconds (NaN for none). */
export function percentile(list, q) {
  if (list.length === 0) return NaN;
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)];
}

/** A loopback port nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** `YYYY-MM` moved by `delta` months. */
export function addMonths(yyyyMm, delta) {
  const [y, m] = yyyyMm.split('-').map(Number);
  const index = y * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The built API (dist/apps/api/main.js) on a free loopback port with `env` added to this process's
 * environment, without the demo data, once its health check answers: `{ child, base }`, `base`
 * ending in /api. `nodeArgs` go to node before the script (a profiler's, say).
 */
export async function startBuiltApi(env, nodeArgs = []) {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/main.js'], {
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      PORT: String(port),
      HOST: '127.0.0.1',
      SOPU_DEMO: 'false',
      SOPU_LOG_LEVEL: 'error',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/api`;
  const started = process.hrtime.bigint();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API stopped (exit ${child.exitCode})`);
    try {
      if ((await fetch(`${base}/health`)).ok) return { child, base };
    } catch {
      // not listening yet
    }
    if (ms(started) > 180_000) {
      child.kill('SIGKILL');
      throw new Error('the API did not become ready in 3 minutes');
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
