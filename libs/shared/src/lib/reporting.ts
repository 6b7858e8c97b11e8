import type { Criterion, TermsItem, TrafficLight } from './catalogue';
import type { ExpectedReportStatus, PeriodType } from './contracts';
import type { ProducerType } from './roles';
import type { ValueEntry, ValueIssue } from './value-validation';

/**
 * Quality reporting: one producer's values for one contract service and one period, against the
 * terms version of that period. The same shapes serve the web form, spreadsheets and providers' own
 * systems.
 */

/** What a producer enters for one criterion: the value and a comment beside it. */
export interface ReportValueInput extends ValueEntry {
  /** A comment on this value for the reviewer (no personal data of clients). */
  comment?: string | null;
}

/** `PUT /api/reports/{id}/values`: the whole draft, and the draft version it was made from. */
export interface ReportValuesInput {
  /** The `draftVersion` the client loaded; a newer one on the server answers 409. */
  draftVersion: number;
  /** By criterion code; a criterion left out is saved empty. */
  values: Record<string, ReportValueInput>;
}

/** One item of the form: the criterion as the terms version shows it, with its rules. */
export interface ReportFormItem {
  criterion: Criterion;
  item: TermsItem;
}

/** A file attached to a value as evidence (PDF, DOCX or XLSX). */
export interface ReportAttachment {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export interface ReportValueView extends ReportValueInput {
  criterionCode: string;
  /** Evidence attached to this value (in a revision: as submitted). */
  attachments?: ReportAttachment[];
  /** Set once checked: the measured value compared with thresholds, and its light. */
  measured: number | null;
  light: TrafficLight | null;
  /** Problems the value has now; a draft may have them, a submission may not. */
  issues: ValueIssue[];
}

export const REVIEW_DECISIONS = ['ACCEPT', 'RETURN'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export interface ReviewInput {
  decision: ReviewDecision;
  /** Required when returning, unless at least one value has a comment. */
  comment?: string | null;
  /** Comments on single values, by criterion code. */
  valueComments?: Record<string, string>;
}

export interface ReportReview {
  id: string;
  revisionNumber: number;
  decision: ReviewDecision;
  comment: string | null;
  valueComments: Record<string, string>;
  reviewerEmail: string | null;
  reviewedAt: string;
}

/** An immutable submission. */
export interface ReportRevision {
  id: string;
  number: number;
  submittedAt: string;
  submittedByEmail: string | null;
  late: boolean;
  values: ReportValueView[];
}

export interface ReportRevisionSummary {
  id: string;
  number: number;
  submittedAt: string;
  submittedByEmail: string | null;
  late: boolean;
  reds: number;
}

/** Why a report cannot be edited now, in words the form shows. */
export const REPORT_LOCKS = ['notYetOpen', 'awaitingReview', 'accepted', 'readOnly'] as const;
export type ReportLock = (typeof REPORT_LOCKS)[number];

/** `GET /api/reports/{id}`: everything the form and the review need. */
export interface ReportDetail {
  id: string;
  contractId: string;
  contractNumber: string;
  contractServiceId: string;
  producerId: string;
  producerName: string;
  producerType: ProducerType;
  serviceCode: string;
  serviceName: { fi: string; sv: string; en: string };
  termsId: string;
  termsVersion: number;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  status: ExpectedReportStatus;
  /** Increments on every draft save; sent back with the next save. */
  draftVersion: number;
  draftSavedAt: string | null;
  /** Null when the caller may edit the draft now. */
  lock: ReportLock | null;
  items: ReportFormItem[];
  /** The draft as saved (or the values of the latest revision when there is no draft). */
  values: ReportValueView[];
  revisions: ReportRevisionSummary[];
  reviews: ReportReview[];
}

export interface SubmitResult {
  reportId: string;
  revision: ReportRevisionSummary;
  deviations: Deviation[];
}

export const DEVIATION_KINDS = ['RED', 'MISSING', 'LATE'] as const;
export type DeviationKind = (typeof DEVIATION_KINDS)[number];

export const DEVIATION_STATUSES = ['OPEN', 'CLEARED'] as const;
export type DeviationStatus = (typeof DEVIATION_STATUSES)[number];

/** Found automatically on submission: a red value, a required value missing, a late report. */
export interface Deviation {
  id: string;
  reportId: string;
  contractId: string;
  producerId: string;
  producerName: string;
  serviceCode: string;
  periodStart: string;
  kind: DeviationKind;
  /** Null for a late report. */
  criterionCode: string | null;
  measured: number | null;
  /** The revision that first showed it, and the one that last did. */
  firstRevision: number;
  lastRevision: number;
  status: DeviationStatus;
  detectedAt: string;
  clearedAt: string | null;
  correctiveActionId: string | null;
}

export const NOTIFICATION_KINDS = [
  'reportSubmitted',
  'reportReturned',
  'reportAccepted',
  'correctiveActionOpened',
  'correctiveActionAnswered',
  'correctiveActionDecided',
  'deadlineApproaching',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface AppNotification {
  id: string;
  kind: NotificationKind;
  /** Values for the message: producer, service, period, due date. */
  params: Record<string, string | number>;
  /** The portal path the notification leads to. */
  link: string | null;
  createdAt: string;
  readAt: string | null;
}

/** `GET /api/notifications`: the newest notifications and how many are unread. */
export interface NotificationInbox {
  items: AppNotification[];
  unread: number;
}

/**
 * Corrective actions (`/api/corrective-actions`): the contract manager asks a producer to fix one
 * deviation by a due date counted in working days; the producer answers with a plan and evidence;
 * the manager accepts or rejects the plan and closes the action on a later clean report or a reason.
 */
export const CORRECTIVE_ACTION_SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type CorrectiveActionSeverity = (typeof CORRECTIVE_ACTION_SEVERITIES)[number];

export const CORRECTIVE_ACTION_STATUSES = [
  'OPEN',
  'PLAN_SUBMITTED',
  'PLAN_ACCEPTED',
  'PLAN_REJECTED',
  'CLOSED',
] as const;
export type CorrectiveActionStatus = (typeof CORRECTIVE_ACTION_STATUSES)[number];

export const PLAN_DECISIONS = ['ACCEPT', 'REJECT'] as const;
export type PlanDecision = (typeof PLAN_DECISIONS)[number];

/** The longest plan, reason, description or comment of a corrective action. */
export const CORRECTIVE_ACTION_TEXT_MAX = 4000;
export const CORRECTIVE_ACTION_MAX_WORKING_DAYS = 60;

/** `POST /api/corrective-actions` */
export interface CorrectiveActionInput {
  deviationId: string;
  description: string;
  severity: CorrectiveActionSeverity;
  /** 1–60: the due date is this many Finnish working days after today in Helsinki. */
  workingDays: number;
}

/** `POST /api/corrective-actions/{id}/plan` */
export interface CorrectiveActionPlanInput {
  version: number;
  plan: string;
}

/** `POST /api/corrective-actions/{id}/decision`; a rejection needs a comment. */
export interface CorrectiveActionDecisionInput {
  version: number;
  decision: PlanDecision;
  comment?: string | null;
}

/** `POST /api/corrective-actions/{id}/close`: a later report without the deviation, or a reason. */
export interface CorrectiveActionCloseInput {
  version: number;
  reportId?: string | null;
  reason?: string | null;
}

/** The deviation an action steers, as the action shows it. */
export interface CorrectiveActionDeviation {
  id: string;
  reportId: string;
  kind: DeviationKind;
  /** Null for a late report. */
  criterionCode: string | null;
  periodStart: string;
  measured: number | null;
  status: DeviationStatus;
}

/** One step of an action's life, from the audit log. */
export interface CorrectiveActionStep {
  status: CorrectiveActionStatus;
  at: string;
  actorEmail: string | null;
  /** The plan, the decision comment or the closing reason given with the step. */
  comment: string | null;
}

/** A document the producer attached as evidence (PDF, DOCX or XLSX, recognised from its content). */
export interface CorrectiveActionEvidence {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
  uploadedByEmail: string | null;
}

/** Three or more consecutive periods red on the same criterion: a sanction may be considered, never imposed. */
export interface SanctionSuggestion {
  /** In English; `criterionCode` and `periods` let the web say it in the reader's language. */
  reason: string;
  criterionCode: string;
  /** The consecutive periods (period starts, oldest first) that were red. */
  periods: string[];
}

export interface CorrectiveAction {
  id: string;
  /** Sent back with every change; a newer one on the server answers 409 STALE_VERSION. */
  version: number;
  status: CorrectiveActionStatus;
  severity: CorrectiveActionSeverity;
  description: string;
  workingDays: number;
  dueDate: string;
  /** The due date has passed (in Helsinki) and the action is not closed. */
  overdue: boolean;
  producerId: string;
  producerName: string;
  contractId: string;
  contractNumber: string;
  serviceCode: string;
  deviation: CorrectiveActionDeviation;
  plan: string | null;
  planSubmittedAt: string | null;
  decisionComment: string | null;
  decidedAt: string | null;
  closeReason: string | null;
  closedByReportId: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  history: CorrectiveActionStep[];
  evidence: CorrectiveActionEvidence[];
  sanctionSuggested: SanctionSuggestion | null;
}

/**
 * Spreadsheet templates and import (`/api/report-sheets`): one row per open report and criterion.
 * The headers are these stable English codes, whatever the caller's language.
 */
export const SHEET_KEY_COLUMNS = ['report_id', 'criterion_code'] as const;
/** Shown for orientation and ignored on import; a sheet may leave them out. */
export const SHEET_INFO_COLUMNS = [
  'contract_number',
  'service_code',
  'period_start',
  'period_end',
  'due_date',
  'criterion_name',
  'measure_type',
  'unit',
] as const;
/** What the producer fills; every one must be present on import (an empty cell clears that field). */
export const SHEET_ENTRY_COLUMNS = [
  'value',
  'numerator',
  'denominator',
  'respondents',
  'flag',
  'text',
  'not_applicable',
  'not_applicable_reason',
  'comment',
] as const;
/** The template's columns in order. */
export const SHEET_COLUMNS = [
  'report_id',
  'contract_number',
  'service_code',
  'period_start',
  'period_end',
  'due_date',
  'criterion_code',
  'criterion_name',
  'measure_type',
  'unit',
  ...SHEET_ENTRY_COLUMNS,
] as const;
export type SheetColumn = (typeof SHEET_COLUMNS)[number];

export const SHEET_FORMATS = ['csv', 'xlsx'] as const;
export type SheetFormat = (typeof SHEET_FORMATS)[number];

/** The largest sheet the import reads. */
export const SHEET_MAX_BYTES = 5 * 1024 * 1024;

/** One problem of an uploaded sheet: the spreadsheet row (the header is row 1) and column. */
export interface SheetProblem {
  row: number;
  /** A column code, or null when the whole row is meant. */
  column: string | null;
  problem: string;
  /** In the caller's language. */
  message: string;
}

/** One report the sheet carries: how many of its criteria the sheet sets or clears. */
export interface SheetReportResult {
  reportId: string;
  criteria: number;
  /** The draft version after the import; null in a dry run. */
  draftVersion: number | null;
}

/** `POST /api/report-sheets/import`: a dry run's findings, or what a real import stored. */
export interface SheetImportResult {
  dryRun: boolean;
  format: SheetFormat;
  /** Data rows read (the header not counted). */
  rows: number;
  /** Whether the import stored (always false in a dry run or with problems). */
  stored: boolean;
  reports: SheetReportResult[];
  /** Anything here stops the import: nothing is stored while one remains. */
  problems: SheetProblem[];
  /** Worth a look, saved anyway: e.g. a required value left empty (submission will ask for it). */
  warnings: SheetProblem[];
  /** More problems than listed were found. */
  truncated: boolean;
}

/** Completeness and timeliness of one group of expected reports (`GET /api/completeness`). */
export interface CompletenessRow {
  serviceCode: string;
  periodType: PeriodType;
  periodStart: string;
  /** Set when grouped by producer type, else null. */
  producerType: ProducerType | null;
  /** Set when grouped by producer. */
  producerId: string | null;
  producerName: string | null;
  expected: number;
  /** Submitted at least once (waiting for review, returned after a submission, or accepted). */
  submitted: number;
  accepted: number;
  /** The first submission came by the due date. */
  onTime: number;
  late: number;
  /** Past the due date and never submitted. */
  missing: number;
  /** Not yet due and not submitted. */
  open: number;
}

/** One criterion of a producer's own figures against the other producers of the same service. */
export interface BenchmarkRow {
  criterionCode: string;
  periodStart: string;
  /** The caller's producer's measured value; null when it has none for the period. */
  mine: number | null;
  /** Other producers' values; shown only when at least BENCHMARK_MIN_PRODUCERS reported. */
  producers: number;
  q1: number | null;
  median: number | null;
  q3: number | null;
}

/** Fewer other producers than this and the distribution is withheld, so no one can be singled out. */
export const BENCHMARK_MIN_PRODUCERS = 3;
