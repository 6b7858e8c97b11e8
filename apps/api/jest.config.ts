export default {
  displayName: 'api',
  preset: '../../jest.preset.js',
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
  moduleFileExtensions: ['ts', 'js'],
  roots: ['<rootDir>/src', '<rootDir>/test'],
  // Each file starts its own API on a fresh database; PGlite needs a while on 2 cores.
  testTimeout: 60_000,
  coverageDirectory: '../../coverage/apps/api',
};
