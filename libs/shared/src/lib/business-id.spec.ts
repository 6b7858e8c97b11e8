import vectors from '../testing/ytunnus_test_vectors.json';
import { businessIdProblem, isValidBusinessId } from './business-id';

// Vectors: shared/data/fi-business-id (real IDs of Finnish public bodies and typical mistakes).
describe('business ID (Y-tunnus)', () => {
  it.each(vectors.real.map((v) => [v.business_id, v.name]))('accepts the real ID %s (%s)', (id) => {
    expect(isValidBusinessId(id)).toBe(true);
  });

  it.each(vectors.invalid_examples.map((v) => [v.value, v.reason]))('refuses %s: %s', (id) => {
    expect(isValidBusinessId(id)).toBe(false);
  });

  it('says why an ID is refused', () => {
    expect(businessIdProblem('0201256-5')).toBe('CHECK_DIGIT');
    expect(businessIdProblem('1375045-1')).toBe('NEVER_ISSUED');
    expect(businessIdProblem('FI02012566')).toBe('FORMAT');
  });

  it('finds every single-digit typo in the check digit of a valid ID', () => {
    for (const { business_id: id } of vectors.real) {
      const digit = Number(id.slice(-1));
      for (let other = 0; other <= 9; other++) {
        if (other !== digit) expect(isValidBusinessId(`${id.slice(0, -1)}${other}`)).toBe(false);
      }
    }
  });
});
