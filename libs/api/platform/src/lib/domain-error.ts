import { ErrorCode, FieldProblem } from '@sopu/shared';

export interface FieldIssue {
  field: string;
  problem: FieldProblem;
  params?: Record<string, string | number>;
}

/** A rule of Sopu said no. The one error mapper turns the code into an HTTP status and a message. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly fields: FieldIssue[] = [],
    /** Extra response headers, e.g. Retry-After. */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
}

/** The HTTP status of each error code: one exhaustive switch, so a new code cannot go unmapped. */
export function httpStatusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
    case 'MALFORMED_JSON':
    case 'BODY_TOO_DEEP':
    case 'SHEET_INVALID':
      return 400;
    case 'NOT_SIGNED_IN':
    case 'INVALID_CREDENTIALS':
      return 401;
    case 'FORBIDDEN':
    case 'CSRF_FAILED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'EMAIL_TAKEN':
    case 'CONFLICT':
    case 'CODE_TAKEN':
    case 'PRODUCER_NAME_TAKEN':
    case 'CONTRACT_NUMBER_TAKEN':
    case 'ILLEGAL_TRANSITION':
    case 'CONTRACT_CLOSED':
    case 'DRAFT_EXISTS':
    case 'VERSION_RETIRED':
    case 'TERMS_FROZEN':
    case 'ALREADY_PUBLISHED':
    case 'VALID_FROM_TAKEN':
    case 'CRITERION_IN_USE':
    case 'STALE_DRAFT':
    case 'REPORT_NOT_OPEN':
    case 'REPORT_AWAITING_REVIEW':
    case 'REPORT_ACCEPTED':
    case 'NOT_REVIEWABLE':
    case 'STALE_VERSION':
    case 'ACTION_EXISTS':
      return 409;
    case 'BODY_TOO_LARGE':
      return 413;
    case 'UNSUPPORTED_DOCUMENT':
    case 'UNSUPPORTED_SHEET':
      return 415;
    case 'PRODUCER_REQUIRED':
    case 'PRODUCER_NOT_ALLOWED':
    case 'WRONG_CURRENT_PASSWORD':
    case 'CANNOT_DEACTIVATE_SELF':
    case 'PUBLISH_INCOMPLETE':
    case 'RULE_VIOLATION':
    case 'REPORT_INCOMPLETE':
    case 'IDEMPOTENCY_KEY_REUSED':
    case 'ACTION_NOT_CLOSABLE':
      return 422;
    case 'TOO_MANY_ATTEMPTS':
      return 429;
    case 'DATABASE_UNAVAILABLE':
      return 503;
    case 'INTERNAL':
      return 500;
  }
}
