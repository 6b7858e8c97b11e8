import { BODY_MAX_DEPTH, bodyProblem } from './http-setup';

describe('bodyProblem', () => {
  const nested = (levels: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < levels; i++) value = i % 2 ? { a: value } : [value];
    return value;
  };

  it('passes ordinary bodies, emoji, right-to-left and zero-width text included', () => {
    expect(bodyProblem({ name: { fi: 'Hoiva 👩‍⚕️ \u200F\u200B Oy' }, items: [{ min: 1 }] })).toBeNull();
    expect(bodyProblem(undefined)).toBeNull();
    expect(bodyProblem(nested(BODY_MAX_DEPTH))).toBeNull();
  });

  it('refuses nesting deeper than the limit without recursing (10,000 levels)', () => {
    expect(bodyProblem(nested(BODY_MAX_DEPTH + 1))).toEqual({ depth: true });
    expect(bodyProblem(nested(10_000))).toEqual({ depth: true });
  });

  it('names the field with a NUL byte, a lone surrogate or a prototype key', () => {
    expect(bodyProblem({ a: [{ b: 'x\u0000y' }] })).toEqual({
      field: 'a[0].b',
      problem: 'noControlCharacters',
    });
    expect(bodyProblem({ name: 'Hoiva \ud800 Oy' })).toEqual({ field: 'name', problem: 'malformedText' });
    expect(bodyProblem({ name: '\udc00' })).toEqual({ field: 'name', problem: 'malformedText' });
    expect(bodyProblem(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toEqual({
      field: 'a.__proto__',
      problem: 'unknownField',
    });
    expect(bodyProblem({ constructor: { prototype: {} } })).toEqual({
      field: 'constructor',
      problem: 'unknownField',
    });
  });
});
