import { Direction, MeasureType, OutputUnit } from './catalogue';
import { Localized } from './languages';
import { ProducerType } from './roles';

/** `GET /api/comparisons`: how the producers are grouped. */
export const COMPARISON_GROUPINGS = ['producerType', 'producer', 'district', 'language'] as const;
export type ComparisonGrouping = (typeof COMPARISON_GROUPINGS)[number];

/** Which revisions count: accepted ones only, or also those awaiting review. */
export const COMPARISON_STATUSES = ['accepted', 'submitted'] as const;
export type ComparisonStatus = (typeof COMPARISON_STATUSES)[number];

/** The longest period range one request may ask for, in months. */
export const COMPARISON_MAX_MONTHS = 120;

/** A month as `YYYY-MM`, the unit of a comparison's period range. */
export const MONTH_PATTERN = /^(19|20)\d\d-(0[1-9]|1[0-2])$/;

/** Sums of one group's values over the range (or one period), from which every figure is made. */
export interface ComparisonTotals {
  /** Values with a measured number. */
  values: number;
  numerator: number;
  denominator: number;
  respondents: number;
  green: number;
  amber: number;
  red: number;
  notApplicable: number;
}

/** The figures of one group (or of all producers) for one criterion over the period range. */
export interface ComparisonFigures extends ComparisonTotals {
  /** Producers with at least one measured value. */
  producers: number;
  /**
   * The group's value by the measure type's rule: percentages and rates pooled (Σ numerators / Σ
   * denominators), scales weighted by respondents, counts summed, yes/no as the share of yes, and
   * durations, ratios and euros as the median of the producers' values.
   */
  value: number | null;
  /** The distribution of the producers' own values for the range (each by the same rule). */
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  /** Share (0–100) of values that meet the terms' target; null when no value has a target. */
  meetingTarget: number | null;
}

/** One period of a group's series. */
export interface ComparisonPoint {
  periodStart: string;
  producers: number;
  values: number;
  value: number | null;
  median: number | null;
  numerator: number;
  denominator: number;
}

export interface ComparisonCell extends ComparisonFigures {
  /** The group's key (see `ComparisonGroup.key`). */
  key: string;
  series: ComparisonPoint[];
}

export interface ComparisonCriterion {
  code: string;
  name: Localized;
  unit: Localized;
  measureType: MeasureType;
  direction: Direction;
  decimals: number;
  rateMultiplier: number | null;
  /** The target of the latest terms version in the range (targets may move between versions). */
  target: number | null;
  groups: ComparisonCell[];
  /** All producers together. */
  total: ComparisonFigures;
}

/** One group: a producer type, a producer, a district or a language combination. */
export interface ComparisonGroup {
  /**
   * `SELF_PRODUCED` etc. by type; the producer's id by producer; the district of the contract's
   * service units (`MULTIPLE` when they lie in several, `NONE` when none is named) by district;
   * the sorted languages of those units joined by `+` (`fi`, `fi+sv`, `NONE`) by language.
   */
  key: string;
  /** The producer's name (by producer only); other groups are named by the client from the key. */
  label: string | null;
  /** The producers' type, when the group has one (by type and by producer). */
  producerType: ProducerType | null;
  /** Reports expected in the range, submitted at least once, and accepted. */
  expected: number;
  submitted: number;
  accepted: number;
  /** submitted / expected × 100; null when nothing was expected. */
  coverage: number | null;
  /**
   * Cost per output unit: the contracts' unit prices (the in-house agreement's internal price, the
   * purchase contract's price, the voucher's value) weighted by their estimated volumes.
   */
  unitPrice: number | null;
  estimatedVolume: number;
}

export interface ComparisonResult {
  service: { code: string; name: Localized; outputUnit: OutputUnit };
  from: string;
  to: string;
  groupBy: ComparisonGrouping;
  status: ComparisonStatus;
  /** Every period start in the range that has a value, in order. */
  periods: string[];
  groups: ComparisonGroup[];
  criteria: ComparisonCriterion[];
}
