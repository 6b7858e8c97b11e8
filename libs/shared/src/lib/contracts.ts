import { ProducerType } from './roles';

/** The three ways a producer is bound to a service; the same monitoring terms bind all three. */
export const CONTRACT_KINDS = ['IN_HOUSE_AGREEMENT', 'PURCHASE_CONTRACT', 'VOUCHER_APPROVAL'] as const;
export type ContractKind = (typeof CONTRACT_KINDS)[number];

/** The kind of contract each producer type has: an in-house unit never has a purchase contract. */
export const CONTRACT_KIND_OF: Record<ProducerType, ContractKind> = {
  SELF_PRODUCED: 'IN_HOUSE_AGREEMENT',
  PURCHASED_SERVICE: 'PURCHASE_CONTRACT',
  VOUCHER_SERVICE: 'VOUCHER_APPROVAL',
};

export const CONTRACT_STATUSES = ['DRAFT', 'ACTIVE', 'SUSPENDED', 'ENDED', 'TERMINATED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** DRAFT → ACTIVE ⇄ SUSPENDED → ENDED or TERMINATED; ENDED and TERMINATED are final. */
export const CONTRACT_TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  DRAFT: ['ACTIVE'],
  ACTIVE: ['SUSPENDED', 'ENDED', 'TERMINATED'],
  SUSPENDED: ['ACTIVE', 'ENDED', 'TERMINATED'],
  ENDED: [],
  TERMINATED: [],
};

export function canTransition(from: ContractStatus, to: ContractStatus): boolean {
  return CONTRACT_TRANSITIONS[from].includes(to);
}

export const PERIOD_TYPES = ['MONTH', 'QUARTER', 'YEAR'] as const;
export type PeriodType = (typeof PERIOD_TYPES)[number];

export interface OptionPeriod {
  from: string;
  to: string;
  exercised: boolean;
}

/** Which published terms version a contract service reports against, from a date on. */
export interface ContractServiceTerms {
  termsId: string;
  version: number;
  effectiveFrom: string;
}

export interface ContractService {
  id: string;
  serviceCode: string;
  /** Euros with cents, as exact decimal text ("123.45"): unit price, or voucher value. */
  unitPrice: string;
  /** Estimated output units a year, as decimal text. */
  estimatedVolume: string;
  unitIds: string[];
  /** Oldest first; the last one is in force now. */
  terms: ContractServiceTerms[];
}

export interface ContractSummary {
  id: string;
  number: string;
  title: string;
  producerId: string;
  producerName: string;
  producerType: ProducerType;
  kind: ContractKind;
  status: ContractStatus;
  validFrom: string;
  validTo: string | null;
  managerId: string | null;
  managerName: string | null;
  serviceCodes: string[];
}

export interface Contract extends ContractSummary {
  options: OptionPeriod[];
  /** The report is due this many days after its period ends. */
  reportingDueDays: number;
  services: ContractService[];
  createdAt: string;
  updatedAt: string;
}

export const CONTRACT_EVENT_KINDS = ['CREATED', 'STATUS', 'AMENDMENT'] as const;
export type ContractEventKind = (typeof CONTRACT_EVENT_KINDS)[number];

/** One entry of a contract's history: its creation, a status change or an amendment, with what changed. */
export interface ContractEvent {
  id: string;
  kind: ContractEventKind;
  reason: string;
  effectiveDate: string;
  changes: { field: string; from: unknown; to: unknown }[];
  actorEmail: string | null;
  createdAt: string;
}

export interface ContractDocument {
  id: string;
  filename: string;
  mediaType: string;
  size: number;
  sha256: string;
  uploadedAt: string;
}

export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

export const REPORT_STATUSES = ['EXPECTED', 'DRAFT', 'SUBMITTED', 'ACCEPTED', 'RETURNED'] as const;
export type ExpectedReportStatus = (typeof REPORT_STATUSES)[number];

/** A reporting obligation: one contract service, one period, against the terms version in force. */
export interface ReportObligation {
  id: string;
  contractId: string;
  contractServiceId: string;
  producerId: string;
  serviceCode: string;
  termsId: string;
  periodType: PeriodType;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
  status: ExpectedReportStatus;
}

export interface ContractServiceInput {
  serviceCode: string;
  termsId: string;
  unitPrice: string;
  estimatedVolume: string;
  unitIds?: string[];
}

export interface ContractInput {
  number: string;
  title: string;
  producerId: string;
  kind: ContractKind;
  validFrom: string;
  validTo?: string | null;
  options?: OptionPeriod[];
  reportingDueDays: number;
  managerId?: string | null;
  services?: ContractServiceInput[];
}

/** A change to an active or suspended contract is an amendment: why, and from when. */
export interface AmendmentInput {
  reason: string;
  effectiveDate: string;
}

export interface ContractUpdate extends Partial<Omit<ContractInput, 'producerId' | 'kind'>> {
  amendment?: AmendmentInput;
}

export interface StatusChangeInput {
  status: ContractStatus;
  reason: string;
  effectiveDate: string;
}
