// Lint (issue 14): typescript-eslint's strict type-checked preset over every TypeScript source —
// server, client and tests — with three settings, each justified in docs/architecture.md.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.strictTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    rules: {
      // noUncheckedIndexedAccess types every index as possibly undefined; `!` marks an index the code
      // has just proven in range (a loop bound, a regular expression's group that always takes part).
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Numbers in messages are the point of most messages (`填报 ${stated}`).
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // A parameter a signature needs but this implementation does not use is named `_…`.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // node:test's describe/it return promises the runner itself awaits.
      '@typescript-eslint/no-floating-promises': ['error', { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'before', 'after', 'beforeEach', 'afterEach'] }] }],
    },
  },
  {
    // A test checks at run time what the types claim (a value typed non-null that a bug could leave
    // undefined): a condition the types call unnecessary is often the point of the assertion.
    files: ['test/**/*.ts'],
    // String(value) of a union (a spreadsheet cell, an LSP message) compares it: an object would read
    // `[object Object]` and fail the assertion, which is what the test wants.
    rules: { '@typescript-eslint/no-unnecessary-condition': 'off', '@typescript-eslint/no-base-to-string': 'off' },
  },
);
