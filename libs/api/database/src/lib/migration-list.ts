import { Foundation1763856000000 } from './migrations/1763856000000-foundation';
import { Catalogue1763900000000 } from './migrations/1763900000000-catalogue';
import { Producers1763950000000 } from './migrations/1763950000000-producers';
import { Contracts1764000000000 } from './migrations/1764000000000-contracts';
import { Reporting1764100000000 } from './migrations/1764100000000-reporting';
import { Comparisons1764200000000 } from './migrations/1764200000000-comparisons';
import { ComparisonRefreshOnePass1764300000000 } from './migrations/1764300000000-comparison-refresh-one-pass';

/** Every migration in the order it runs. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [
  Foundation1763856000000,
  Catalogue1763900000000,
  Producers1763950000000,
  Contracts1764000000000,
  Reporting1764100000000,
  Comparisons1764200000000,
  ComparisonRefreshOnePass1764300000000,
];
