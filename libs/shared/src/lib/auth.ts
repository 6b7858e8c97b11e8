import { Language } from './languages';
import { ProducerType, Role } from './roles';

/** The signed-in user as `GET /api/auth/me` and `POST /api/auth/login` return it. */
export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  producerId: string | null;
  producerName: string | null;
  producerType: ProducerType | null;
  organiserId: string;
  organiserName: string;
  language: Language;
}

export interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  user: AuthUser;
}

/** A user as the administration pages list it. */
export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  producerId: string | null;
  producerName: string | null;
  language: Language;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditEventView {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface ProducerSummary {
  id: string;
  name: string;
  type: ProducerType;
  businessId: string | null;
}

/** Minimum password rules: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
