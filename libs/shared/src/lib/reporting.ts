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

export interface ReportValueView extends ReportValueInput {
  criterionCode: string;
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
