// ESLint (flat config) for the JavaScript of www/, the browser tests and the tools.
//   bash scripts/lint-js.sh
import js from '@eslint/js';
import globals from 'globals';

export default [
  // Paths below are relative to the repository root (this file lives in tools/).
  { basePath: '..' },
  { ignores: ['www/pkg/**', 'www/pkg-*/**', 'www/nianbao.html', '**/node_modules/**', 'target/**', 'test-output/**'] },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-unused-vars': ['error', { args: 'after-used', caughtErrors: 'none', ignoreRestSiblings: true }],
      // Chinese text uses the full-width space (U+3000) on purpose.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      eqeqeq: ['error', 'smart'],
      'no-var': 'error',
      'prefer-const': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-eval': 'error',
      // Document text must never become markup (docs/EMBEDDING.md, Trusted Types).
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Build DOM with el()/textContent; never assign HTML.' },
        { property: 'outerHTML', message: 'Build DOM with el()/textContent; never assign HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build DOM with el()/textContent; never assign HTML.' },
        { object: 'document', property: 'write', message: 'Never write markup.' }],
    },
  },
  {
    files: ['www/**/*.js', 'tests/e2e/hosts/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['www/worker.js'],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    files: ['tools/**/*.mjs', 'tests/e2e/**/*.mjs', 'bench/**/*.mjs'],
    // The tests also hold functions that run in the page (page.evaluate, addInitScript).
    languageOptions: { sourceType: 'module', globals: { ...globals.node, ...globals.browser } },
  },
];
