// npm test: every unit, integration and browser test in one Jest run, after building the app the
// browser tests drive. Extra arguments go to Jest (e.g. `npm test -- --selectProjects api`).
import { build, run } from './run-api.mjs';

build(['api', 'web']);
run('npx', ['jest', '--ci', ...process.argv.slice(2)], {
  env: {
    ...process.env,
    // PGlite loads parts of itself with dynamic import(), which Jest allows only with VM modules.
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ''} --experimental-vm-modules --no-warnings=ExperimentalWarning`.trim(),
  },
});
