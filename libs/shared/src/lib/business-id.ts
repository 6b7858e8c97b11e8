/**
 * Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.
 * Older six-digit IDs are written with a leading zero. Weights 7, 9, 10, 5, 8, 4, 2; remainder 0 gives check digit 0, remainder 1 is never issued,
 * otherwise the check digit is 11 − remainder.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2];

export type BusinessIdProblem = 'FORMAT' | 'CHECK_DIGIT' | 'NEVER_ISSUED';

export function businessIdProblem(value: string): BusinessIdProblem | null {
  const match = /^(\d{7})-(\d)$/.exec(value);
  if (!match) return 'FORMAT';
  const body = match[1];
  const sum = body.split('').reduce((acc, digit, i) => acc + Number(digit) * WEIGHTS[i], 0);
  const remainder = sum % 11;
  if (remainder === 1) return 'NEVER_ISSUED';
  const expected = remainder === 0 ? 0 : 11 - remainder;
  return expected === Number(match[2]) ? null : 'CHECK_DIGIT';
}

export function isValidBusinessId(value: string): boolean {
  return businessIdProblem(value) === null;
}
