import { getJestProjectsAsync } from '@nx/jest';

/** Runs every project's tests in one Jest run, so `npm test` ends with one summary. */
export default async () => ({
  projects: await getJestProjectsAsync(),
  // Integration and browser tests start a real API on a fresh database; on 2 cores that takes seconds.
  testTimeout: 60_000,
});
