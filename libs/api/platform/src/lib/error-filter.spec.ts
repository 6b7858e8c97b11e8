import { ArgumentsHost, Logger, ValidationError } from '@nestjs/common';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ApiError, ERROR_MESSAGES, ErrorCode } from '@sopu/shared';
import { httpStatusOf } from './domain-error';
import { ErrorFilter, fieldIssuesFromValidation } from './error-filter';

function error(
  property: string,
  constraints: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return { property, constraints, children };
}

describe('validation errors', () => {
  it('name every refused field, nested ones with their path, with the constraint arguments', () => {
    const issues = fieldIssuesFromValidation([
      error('email', { isEmail: 'email must be an email' }),
      error('password', { minLength: 'password must be longer than or equal to 12 characters' }),
      error('role', { isIn: 'role must be one of the following values: ADMIN, ANALYST' }),
      error('address', {}, [error('street', { whitelistValidation: 'property street should not exist' })]),
      error('services', {}, [error('0', {}, [error('unitPrice', { matches: 'unitPrice must match' })])]),
    ]);
    expect(issues).toEqual([
      { field: 'email', problem: 'isEmail', params: {} },
      { field: 'password', problem: 'minLength', params: { min: '12' } },
      { field: 'role', problem: 'isIn', params: { values: 'ADMIN, ANALYST' } },
      { field: 'address.street', problem: 'unknownField', params: {} },
      { field: 'services[0].unitPrice', problem: 'invalid', params: {} },
    ]);
  });
});

describe('error codes', () => {
  it('map every code to a client or server status, never 500 for a client mistake', () => {
    for (const code of Object.keys(ERROR_MESSAGES) as ErrorCode[]) {
      const status = httpStatusOf(code);
      expect([code, status >= 400 && status < 600]).toEqual([code, true]);
      if (code !== 'INTERNAL') expect([code, status]).not.toEqual([code, 500]);
    }
  });
});

describe('the database going away', () => {
  beforeAll(() => Logger.overrideLogger(false));
  function answer(exception: unknown, language = 'sv') {
    const sent: { status?: number; headers: Record<string, string>; body?: ApiError } = { headers: {} };
    const res = {
      headersSent: false,
      setHeader: (name: string, value: string) => (sent.headers[name.toLowerCase()] = value),
      status(code: number) {
        sent.status = code;
        return this;
      },
      json: (body: ApiError) => (sent.body = body),
    };
    const req = { method: 'PUT', path: '/api/reports/x/values', header: () => language };
    const host = { switchToHttp: () => ({ getRequest: () => req, getResponse: () => res }) };
    new ErrorFilter().catch(exception, host as unknown as ArgumentsHost);
    return sent;
  }

  it('answers 503 with Retry-After and a message in the caller language, whatever form the loss takes', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    for (const exception of [
      refused,
      shutdown,
      new Error('timeout exceeded when trying to connect'),
      new Error('Connection terminated unexpectedly'),
      new Error('Client was closed and is not queryable'),
      new QueryRunnerAlreadyReleasedError(),
      new QueryRunnerProviderAlreadyReleasedError(),
    ]) {
      const sent = answer(exception);
      expect([exception.message, sent.status, sent.headers['retry-after'], sent.body?.code]).toEqual([
        exception.message,
        503,
        '5',
        'DATABASE_UNAVAILABLE',
      ]);
      expect(sent.body?.message).toBe(ERROR_MESSAGES.DATABASE_UNAVAILABLE.sv);
    }
  });

  it('still answers 500 for an error that is not about the connection', () => {
    expect(answer(new TypeError('x is undefined')).status).toBe(500);
  });
});
