import { Language, Localized } from './languages';

/** The stable code of a service description or a criterion: HOME_CARE, WAIT_3RD_APPOINTMENT. */
export const CODE_PATTERN = /^[A-Z][A-Z0-9_]{1,39}$/;

/** How a quality criterion is measured. Percentages and rates are entered as numerator and denominator. */
export const MEASURE_TYPES = [
  'PERCENTAGE',
  'RATE',
  'COUNT',
  'RATIO',
  'DURATION_DAYS',
  'CURRENCY_EUR',
  'SCALE',
  'BOOLEAN',
  'TEXT',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export const DIRECTIONS = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER', 'TARGET_RANGE', 'NONE'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const SERVICE_AREAS = [
  'OLDER_PEOPLE',
  'HEALTH_STATIONS',
  'ORAL_HEALTH',
  'SUBSTANCE_ABUSE',
  'MENTAL_HEALTH',
  'DISABILITY',
  'CHILD_WELFARE',
  'FAMILY_SERVICES',
  'RESCUE',
] as const;
export type ServiceArea = (typeof SERVICE_AREAS)[number];

export const OUTPUT_UNITS = ['VISIT', 'CARE_DAY', 'CLIENT_MONTH', 'HOUR', 'CLIENT', 'MISSION'] as const;
export type OutputUnit = (typeof OUTPUT_UNITS)[number];

export const REPORTING_FREQUENCIES = ['MONTHLY', 'QUARTERLY', 'YEARLY'] as const;
export type ReportingFrequency = (typeof REPORTING_FREQUENCIES)[number];

export const TRAFFIC_LIGHTS = ['GREEN', 'AMBER', 'RED'] as const;
export type TrafficLight = (typeof TRAFFIC_LIGHTS)[number];

/** A closed interval; a missing end is open. */
export interface Band {
  min: number | null;
  max: number | null;
}

/** What the validation needs to know of a criterion. */
export interface CriterionRule {
  code: string;
  measureType: MeasureType;
  direction: Direction;
  /** Allowed bounds of the value (for PERCENTAGE 0–100 is implied). */
  minValue: number | null;
  maxValue: number | null;
  /** Decimals allowed in an entered value. */
  decimals: number;
  /** SCALE only: the range of the scale, e.g. 1–5 or 0–10. */
  scaleMin: number | null;
  scaleMax: number | null;
  /** RATE only: per how many (e.g. 1000 care days). */
  rateMultiplier: number | null;
  allowNotApplicable: boolean;
}

export interface Criterion extends CriterionRule {
  id: string;
  unit: Localized;
  name: Localized;
  definition: Localized;
  interpretation: Localized;
  numeratorDefinition: Localized | null;
  denominatorDefinition: Localized | null;
  /** Languages with any empty text (the unit, name, definition, interpretation, numerator, denominator). */
  missingLanguages?: Language[];
  /** Published monitoring terms use it: its code, measure type, direction, bounds and scale are frozen. */
  inUse?: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the validation needs to know of one item of the monitoring terms. */
export interface TermsItemRule {
  required: boolean;
  /** The target value, for display and "share meeting the target". */
  target: number | null;
  /** Values inside `green` earn GREEN, inside `amber` AMBER, outside both RED. Null for direction NONE. */
  green: Band | null;
  amber: Band | null;
  evidenceRequired: boolean;
}

export interface TermsItem extends TermsItemRule {
  id: string;
  criterionId: string;
  criterionCode: string;
  frequency: ReportingFrequency;
  note: Localized | null;
  position: number;
}

export const TERMS_STATUSES = ['DRAFT', 'PUBLISHED'] as const;
export type TermsStatus = (typeof TERMS_STATUSES)[number];

export interface MonitoringTerms {
  id: string;
  serviceDescriptionId: string;
  serviceCode: string;
  version: number;
  status: TermsStatus;
  validFrom: string | null;
  publishedAt: string | null;
  items: TermsItem[];
  createdAt: string;
  updatedAt: string;
}

export const DESCRIPTION_STATUSES = ['DRAFT', 'PUBLISHED', 'RETIRED'] as const;
export type DescriptionStatus = (typeof DESCRIPTION_STATUSES)[number];

export interface ServiceDescription {
  id: string;
  code: string;
  version: number;
  status: DescriptionStatus;
  area: ServiceArea;
  outputUnit: OutputUnit;
  name: Localized;
  description: Localized;
  inclusions: Localized;
  targetGroup: Localized;
  /** Languages with any empty text: the UI flags a missing Swedish text. */
  missingLanguages: Language[];
  createdAt: string;
  updatedAt: string;
}

/** Body of POST /api/criteria (and, all fields optional, PATCH /api/criteria/:id). */
export interface CriterionInput {
  code: string;
  measureType: MeasureType;
  direction: Direction;
  unit: Localized;
  name: Localized;
  definition: Localized;
  interpretation: Localized;
  numeratorDefinition?: Localized | null;
  denominatorDefinition?: Localized | null;
  minValue?: number | null;
  maxValue?: number | null;
  decimals?: number;
  scaleMin?: number | null;
  scaleMax?: number | null;
  rateMultiplier?: number | null;
  allowNotApplicable?: boolean;
}

/** Body of POST /api/service-descriptions (and, all fields optional, PATCH). */
export interface ServiceDescriptionInput {
  code: string;
  area: ServiceArea;
  outputUnit: OutputUnit;
  name: Localized;
  description: Localized;
  inclusions: Localized;
  targetGroup: Localized;
}

export interface TermsItemInput {
  criterionId: string;
  required: boolean;
  target: number | null;
  green: Band | null;
  amber: Band | null;
  frequency: ReportingFrequency;
  evidenceRequired: boolean;
  note?: Localized | null;
}

/** Body of PATCH /api/monitoring-terms/:id (drafts only): the whole item list replaces the old one. */
export interface TermsUpdate {
  validFrom?: string | null;
  items?: TermsItemInput[];
}

/** GET /api/monitoring-terms/:id/compare/:otherId — exactly what changed between two versions. */
export interface TermsComparison {
  from: { id: string; version: number };
  to: { id: string; version: number };
  validFrom: { from: string | null; to: string | null } | null;
  added: TermsItem[];
  removed: TermsItem[];
  changed: { criterionCode: string; fields: { field: string; from: unknown; to: unknown }[] }[];
}
