// Shared by the benchmarks: timing, percentiles and a free loopback port for the API they start.
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
