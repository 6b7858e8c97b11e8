import { Foundation1763856000000 } from './migrations/1763856000000-foundation';

/** Every migration in the order it runs. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [Foundation1763856000000];
