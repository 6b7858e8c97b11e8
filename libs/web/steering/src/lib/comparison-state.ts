import {
  CODE_PATTERN,
  COMPARISON_GROUPINGS,
  COMPARISON_MAX_MONTHS,
  COMPARISON_STATUSES,
  ComparisonGrouping,
  ComparisonStatus,
  MONTH_PATTERN,
  PRODUCER_TYPES,
  ProducerType,
} from '@sopu/shared';

/** The ways the comparison page shows its figures. */
export const COMPARISON_VIEWS = ['table', 'trends', 'bars', 'boxes', 'cost', 'funnel'] as const;
export type ComparisonView = (typeof COMPARISON_VIEWS)[number];

/** The page's whole state; every part of it lives in the URL so that a view can be shared and reloaded. */
export interface ComparisonState {
  service: string;
  from: string;
  to: string;
  /** Empty: every criterion of the service. */
  criteria: string[];
  groupBy: ComparisonGrouping;
  status: ComparisonStatus;
  view: ComparisonView;
  /** The criterion the charts show; empty until chosen (the first one is then shown). */
  criterion: string;
  /** Drill-down: the producers of this type instead of the groups. */
  type: ProducerType | '';
}

export type ComparisonParams = Partial<Record<keyof ComparisonState, string | undefined>>;

const pick = <T extends string>(allowed: readonly T[], value: string | undefined, fallback: T): T =>
  allowed.includes(value as T) ? (value as T) : fallback;

/** `YYYY-MM` of a date, `back` months earlier. */
export function monthBefore(today: Date, back: number): string {
  const date = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - back, 1));
  return date.toISOString().slice(0, 7);
}

/** Months from `from` to `to` inclusive; 0 when `to` comes first. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return Math.max(0, (ty - fy) * 12 + (tm - fm) + 1);
}

/**
 * The state from the query parameters. Anything that is not allowed is ignored and falls back to the default:
 * the last twelve full months, every criterion, by producer type, accepted reports, the table.
 */
export function parseComparisonState(params: ComparisonParams, today: Date): ComparisonState {
  const month = (value: string | undefined) => (MONTH_PATTERN.test(value ?? '') ? (value as string) : '');
  const code = (value: string | undefined) => (CODE_PATTERN.test(value ?? '') ? (value as string) : '');
  const criteria = [
    ...new Set(
      (params.criteria ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => CODE_PATTERN.test(c)),
    ),
  ];
  return {
    service: code(params.service),
    from: month(params.from) || monthBefore(today, 12),
    to: month(params.to) || monthBefore(today, 1),
    criteria,
    groupBy: pick(COMPARISON_GROUPINGS, params.groupBy, 'producerType'),
    status: pick(COMPARISON_STATUSES, params.status, 'accepted'),
    view: pick(COMPARISON_VIEWS, params.view, 'table'),
    criterion: code(params.criterion),
    type: pick<ProducerType | ''>(PRODUCER_TYPES, params.type, ''),
  };
}

/**
 * The query parameters of a state, for `router.navigate` with `queryParamsHandling: 'merge'`: every part is
 * written (the period range too, so a shared link shows the same months later), empty ones as null.
 */
export function comparisonQueryParams(state: ComparisonState): Record<keyof ComparisonState, string | null> {
  return {
    service: state.service || null,
    from: state.from,
    to: state.to,
    criteria: state.criteria.length ? state.criteria.join(',') : null,
    groupBy: state.groupBy,
    status: state.status,
    view: state.view,
    criterion: state.criterion || null,
    type: state.type || null,
  };
}

/** Why the period range cannot be asked for, or null when it can. */
export function rangeProblem(state: Pick<ComparisonState, 'from' | 'to'>): 'order' | 'tooLong' | null {
  if (state.from > state.to) return 'order';
  return monthsBetween(state.from, state.to) > COMPARISON_MAX_MONTHS ? 'tooLong' : null;
}
