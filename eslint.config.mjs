import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';
import { builtinModules } from 'node:module';
import featureCycles from './eslint/feature-cycles.mjs';

// What a sandboxed renderer and the shared contract may never import: Electron, Node's
// built-ins (with or without node:), and anything from main/.
const NO_NODE = 'Node built-ins are not available here; ask main through the contract.';
const processBoundary = {
  // Bare built-in names are matched exactly (a pattern "events" would also catch "./events").
  paths: builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: NO_NODE })),
  patterns: [
    { group: ['electron', 'electron/*'], message: 'Only main/app and preload/index.ts may import electron.' },
    { group: ['node:*'], message: NO_NODE },
    { group: ['**/main', '**/main/**', 'main/**'], message: 'main/ is another process; use the contract (preload/contract).' },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', '.tsbuild/**', 'test-results/**', '.stryker-tmp/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' }],
    },
  },
  {
    // A silenced rule says why beside the directive (`// eslint-disable-next-line rule -- reason`),
    // and a directive that no longer silences anything is an error, so stale ones do not pile up.
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@eslint-community/eslint-comments': eslintComments },
    rules: { '@eslint-community/eslint-comments/require-description': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}', 'preload/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', processBoundary] },
  },
  {
    // A feature folder may use another, never both ways round (issue 15).
    files: ['renderer/features/**/*.{ts,tsx}'],
    plugins: { clinic: { rules: { 'feature-cycles': featureCycles } } },
    rules: { 'clinic/feature-cycles': 'error' },
  },
  {
    // Domain code runs without Electron too (tests, the browser bridge, the webhook receiver).
    files: ['main/**/*.ts'],
    ignores: ['main/app/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'Only main/app may import electron.' }] }],
    },
  },
);
