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

/** A producer's API token as listed; the secret itself is shown once, when it is created. */
export interface ApiToken {
  id: string;
  producerId: string;
  name: string;
  /** The first characters of the token, to tell tokens apart. */
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface ApiTokenInput {
  name: string;
  /** Staff name the producer; a reporter's token is always for their own producer. */
  producerId?: string;
}

export interface CreatedApiToken extends ApiToken {
  /** `Authorization: Bearer <token>`; not stored and never shown again. */
  token: string;
}

/** Every API token starts with this, so the API knows it from a session token at once. */
export const API_TOKEN_PREFIX = 'sopu_';
