import { ValueTransformer } from 'typeorm';

/**
 * `numeric` columns arrive from pg as text so that no precision is lost on the way; measured
 * values, bounds and thresholds have at most a few decimals, so the API hands them out as numbers.
 */
export const NUMERIC: ValueTransformer = {
  to: (value: number | null | undefined) => (value === undefined || value === null ? value : String(value)),
  from: (value: string | null) => (value === null ? null : Number(value)),
};
