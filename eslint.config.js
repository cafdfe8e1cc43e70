// Lint rules: the recommended sets, plus the house rules that keep core free of front doors.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'build/**', '.tools/**', 'src/core/documents/generated/**', '.gitlab-ci-local/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['@actions/*'], message: 'src/core must not import @actions/*: put GitHub-specific code in src/github or src/actions.' },
        { group: ['**/cli/**', '**/github/**', '**/actions/**'], message: 'src/core must not import a front door.' },
      ] }],
    },
  },
  {
    files: ['scripts/**/*.mjs', 'bench/**/*.ts', 'eslint.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
  },
);
