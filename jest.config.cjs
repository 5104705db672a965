/** Jest transforms TypeScript with SWC (no TypeScript compiler API needed); `tsc --noEmit` does the type-check. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  testTimeout: 60000,
  globalSetup: '<rootDir>/test/support/buildOnce.ts',
};
