// Shared by start, db and test scripts: build what is missing, then run the built API.
import { spawnSync, spawn } from 'node:child_process';

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', shell: false, ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Builds through Nx, which skips a build whose inputs have not changed. */
export function build(projects) {
  run('npx', ['nx', 'run-many', '-t', 'build', '-p', ...projects, '--output-style=stream'], {
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
}

/** Runs the built API in the foreground, passing signals on so the embedded store closes cleanly. */
export function runApi(args = []) {
  const child = spawn(process.execPath, ['dist/apps/api/main.js', ...args], { stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
