// Lint TypeScript everywhere with typescript-eslint's recommended rules; dist/ is generated.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'coverage/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  // The architecture, checked: core is pure (nothing from the shell, the UI, the entry file or
  // Node); sidebars talk to the server only through core's API and type modules.
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shell/**', '**/ui/**', '**/main', '**/emulator/**', '**/scripts/**'],
              message:
                'src/core is pure: it imports nothing from the shell, the sidebars, the entry file, the emulator or the scripts.',
            },
            {
              group: ['node:*', 'fs', 'path', 'child_process'],
              message: 'src/core runs in Apps Script: no Node modules.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/shell/**', '**/main', '**/emulator/**', '**/scripts/**'],
              message:
                'A sidebar reaches the server only through google.script.run: import its Api from src/core, never the shell.',
            },
            {
              group: [
                '**/core/*',
                '!**/core/scoringApi',
                '!**/core/attendanceApi',
                '!**/core/validationApi',
                '!**/core/summariesApi',
                '!**/core/registrationApi',
                '!**/core/rollupApi',
                '!**/core/jobApi',
                '!**/core/endpoints',
                '!**/core/menu',
                '!**/core/scale',
                '!**/core/types',
                '!**/core/deskApi',
                '!**/core/desk',
              ],
              message:
                'Sidebars import only core API and type modules (scoringApi, attendanceApi, validationApi, summariesApi, registrationApi, jobApi, deskApi, desk, endpoints, menu, scale, types).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
