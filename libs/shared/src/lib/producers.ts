import { Language, Localized } from './languages';
import { ProducerSummary } from './auth';

/** Helsinki's major districts (suurpiirit), as the city's statistics and unit register use them. */
export const MAJOR_DISTRICTS = [
  'SOUTHERN',
  'WESTERN',
  'CENTRAL',
  'NORTHERN',
  'NORTHEASTERN',
  'SOUTHEASTERN',
  'EASTERN',
  'OSTERSUNDOM',
] as const;
export type MajorDistrict = (typeof MAJOR_DISTRICTS)[number];

export const PRODUCER_STATUSES = ['ACTIVE', 'INACTIVE'] as const;
export type ProducerStatus = (typeof PRODUCER_STATUSES)[number];

/** A place where a producer provides services: a senior centre, a health station, a home-care area. */
export interface ServiceUnit {
  id: string;
  producerId: string;
  name: Localized;
  streetAddress: string;
  postalCode: string;
  postOffice: string;
  district: MajorDistrict;
  /** The languages the unit serves its clients in. */
  languages: Language[];
  /** Places, clients or visits the unit can take; null where it does not apply. */
  capacity: number | null;
  active: boolean;
}

export interface Producer extends ProducerSummary {
  status: ProducerStatus;
  /** In-house units only: the city's cost centre that carries the unit's costs. */
  costCentre: string | null;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  /** Distinct districts and languages of the active units, for the registry's filters. */
  districts: MajorDistrict[];
  languages: Language[];
  unitCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ProducerDetail extends Producer {
  units: ServiceUnit[];
}

export interface ProducerInput {
  name: string;
  type: ProducerSummary['type'];
  /** Defaults to the organiser's own business ID for an in-house unit. */
  businessId?: string | null;
  costCentre?: string | null;
  contactName?: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
  status?: ProducerStatus;
}

export interface ServiceUnitInput {
  name: Localized;
  streetAddress: string;
  postalCode: string;
  postOffice: string;
  district: MajorDistrict;
  languages: Language[];
  capacity?: number | null;
  active?: boolean;
}
