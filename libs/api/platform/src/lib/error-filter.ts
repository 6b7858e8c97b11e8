import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  Logger,
  ValidationError,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import {
  ApiError,
  DEFAULT_LANGUAGE,
  ErrorCode,
  FieldProblem,
  Language,
  errorMessage,
  fieldMessage,
  pickLanguage,
} from '@sopu/shared';
import { AUTH_CONTEXT, AuthContext } from './access';
import { DomainError, FieldIssue, httpStatusOf } from './domain-error';
import { MEASURE_MAX } from './field-constraints';
import { currentRequestContext } from './request-context';

const CONSTRAINT_PROBLEMS: Record<string, FieldProblem> = {
  whitelistValidation: 'unknownField',
  isNotEmpty: 'isNotEmpty',
  isDefined: 'isDefined',
  isString: 'isString',
  isEmail: 'isEmail',
  isBoolean: 'isBoolean',
  isInt: 'isInt',
  isUuid: 'isUuid',
  isIn: 'isIn',
  isEnum: 'isIn',
  minLength: 'minLength',
  maxLength: 'maxLength',
  min: 'min',
  max: 'max',
  noControlCharacters: 'noControlCharacters',
  businessId: 'businessId',
  isoDate: 'isoDate',
  postalCode: 'postalCode',
  month: 'month',
  isObject: 'isObject',
  measure: 'measure',
};

/** class-validator keeps a constraint's arguments only in its English message; read them back. */
function paramsFromMessage(problem: FieldProblem, message: string): Record<string, string | number> {
  const number = /(-?\d+(?:\.\d+)?)/.exec(message)?.[1];
  switch (problem) {
    case 'minLength':
    case 'min':
      return { min: number ?? '?' };
    case 'maxLength':
    case 'max':
      return { max: number ?? '?' };
    case 'isIn':
      return { values: message.split(': ').slice(1).join(': ') };
    case 'measure':
      return { max: MEASURE_MAX };
    default:
      return {};
  }
}

/** Flattens class-validator's tree into one issue per field and constraint ("address.street"). */
export function fieldIssuesFromValidation(errors: ValidationError[], prefix = ''): FieldIssue[] {
  return errors.flatMap((error) => {
    // Array elements read as `services[0].unitPrice`, the same as the rules' own field names.
    const field = /^\d+$/.test(error.property)
      ? `${prefix}[${error.property}]`
      : prefix
        ? `${prefix}.${error.property}`
        : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]): FieldIssue => {
      const problem = CONSTRAINT_PROBLEMS[constraint] ?? 'invalid';
      return { field, problem, params: paramsFromMessage(problem, message) };
    });
    return [...own, ...fieldIssuesFromValidation(error.children ?? [], field)];
  });
}

/** The ValidationPipe's exceptionFactory: a DomainError that names every refused field. */
export function validationErrorFactory(errors: ValidationError[]): DomainError {
  return new DomainError('VALIDATION_FAILED', {}, fieldIssuesFromValidation(errors));
}

interface PgLikeError {
  code?: string;
  errno?: number;
  message?: string;
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

/**
 * The database is down or went away: the connection was refused, timed out or ended (the server
 * shutting down ends every session with 57P01). When a connection breaks inside a transaction,
 * TypeORM releases its query runner, and the transaction's next query throws one of its
 * "already released" errors: that, too, is the database going away.
 */
function isDatabaseUnavailable(exception: unknown): boolean {
  if (
    exception instanceof QueryRunnerAlreadyReleasedError ||
    exception instanceof QueryRunnerProviderAlreadyReleasedError
  )
    return true;
  const error = (exception ?? {}) as PgLikeError;
  const code = typeof error.code === 'string' ? error.code : '';
  return (
    CONNECTION_ERROR_CODES.has(code) ||
    code.startsWith('08') ||
    /Connection terminated|connection timeout|timeout exceeded when trying to connect|is not queryable/i.test(
      error.message ?? '',
    )
  );
}

/** Turns anything thrown into a truthful status and a message in the caller's language. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & Record<string, unknown>>();
    const res = http.getResponse<Response>();
    const language = languageOf(req);
    const error = this.toDomainError(exception);
    const status = httpStatusOf(error.code);
    if (error.code === 'DATABASE_UNAVAILABLE') {
      this.logger.warn({
        msg: 'database unavailable',
        method: req.method,
        path: req.path,
        error: String(exception),
      });
    } else if (status >= 500) {
      this.logger.error(
        { msg: 'unhandled error', method: req.method, path: req.path, error: String(exception) },
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const body: ApiError = {
      statusCode: status,
      code: error.code,
      message: errorMessage(error.code, language, error.params),
      requestId: currentRequestContext()?.requestId,
    };
    if (error.fields.length > 0) {
      body.fields = error.fields.map((issue) => ({
        field: issue.field,
        problem: issue.problem,
        message: `${issue.field}: ${fieldMessage(issue.problem, language, issue.params)}`,
      }));
    }
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
    res.status(status).json(body);
  }

  private toDomainError(exception: unknown): DomainError {
    if (exception instanceof DomainError) return exception;
    if (exception instanceof HttpException) return new DomainError(codeForStatus(exception.getStatus()));
    if (isDatabaseUnavailable(exception))
      return new DomainError('DATABASE_UNAVAILABLE', {}, [], { 'Retry-After': '5' });
    const pg = (exception ?? {}) as PgLikeError;
    // Invalid text representation, numeric out of range and the like: the client sent it.
    if (pg.code?.startsWith('22')) return new DomainError('VALIDATION_FAILED');
    // A NOT NULL or CHECK constraint: a last line behind the DTOs, still the client's value.
    if (pg.code === '23502' || pg.code === '23514') return new DomainError('VALIDATION_FAILED');
    if (pg.code === '23505' || pg.code === '40001' || pg.code === '40P01') return new DomainError('CONFLICT');
    return new DomainError('INTERNAL');
  }
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401) return 'NOT_SIGNED_IN';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404 || status === 405) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'BODY_TOO_LARGE';
  if (status === 429) return 'TOO_MANY_ATTEMPTS';
  if (status === 503) return 'DATABASE_UNAVAILABLE';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

/** Accept-Language first (the web app always sends it), then the signed-in user's choice. */
export function languageOf(req: Request & Record<string, unknown>): Language {
  const auth = req[AUTH_CONTEXT] as AuthContext | undefined;
  const header = req.header('accept-language');
  if (header) return pickLanguage(header, auth?.language ?? DEFAULT_LANGUAGE);
  return auth?.language ?? DEFAULT_LANGUAGE;
}
