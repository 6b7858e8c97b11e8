import { ValidationError } from '@nestjs/common';
import { ERROR_MESSAGES, ErrorCode } from '@sopu/shared';
import { httpStatusOf } from './domain-error';
import { fieldIssuesFromValidation } from './error-filter';

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
