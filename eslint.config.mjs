import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import eslintComments from '@eslint-community/eslint-plugin-eslint-comments';
import i18next from 'eslint-plugin-i18next';
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

// What is not a word, in JSX and in plain modules alike (issue 16's no-literal-string rule).
const NOT_WORDS = { 'should-validate-template': true, 'object-properties': { exclude: ['[A-Z_-]+', 'id', 'key'] } };
// Numbers, punctuation and symbols say the same in every language ('—', '·', '₹', '…', '%'), as
// do codes and abbreviations in capitals (UPI, OPD).
const SAME_IN_EVERY_LANGUAGE = [/^[\p{N}\p{P}\p{S}\s]+$/u, /^[A-Z][A-Z0-9_]*$/];
// A form field's path (react-hook-form's register) is a name, even when built from an index.
const NAMING_CALLEES = ['t', 'register'];
/** The typed no-literal-string rule over `files`, with NOT_WORDS and `options`. */
const noLiteralWords = (files, ignores, options) => ({
  files,
  ignores,
  plugins: { i18next },
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  rules: { 'i18next/no-literal-string': ['error', { ...NOT_WORDS, ...options }] },
});

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
    // Every word the desk shows goes through renderer/i18n (issue 16): no literal text in JSX, in
    // the attributes people read or hear (aria-label, title, placeholder, alt, a field's label or
    // hint, a table's headers…) or in what JSX shows from an expression. Typed, so a literal that
    // must be one of a union (tone="error", a form field's name) is a code, not a word. The join
    // page words itself from its own English and Hindi table (join/strings.ts); the design page's
    // sample data is in its samples.ts.
    ...noLiteralWords(['renderer/**/*.tsx'], ['renderer/join/**'], {
      mode: 'jsx-only',
      // Attributes that never hold words shown: names, keys, styles, handlers and codes.
      'jsx-attributes': {
        exclude: [
          'className',
          'style',
          'key',
          'keyOf',
          'id',
          'type',
          'role',
          'htmlFor',
          'name',
          'value',
          'defaultValue',
          'autoComplete',
          'inputMode',
          'href',
          'src',
          'dateTime',
          'on[A-Z].*',
          'data-.*',
          'aria-(?!label$).*',
        ],
      },
      callees: { exclude: NAMING_CALLEES },
      // Key names and Razorpay's name too.
      words: { exclude: [...SAME_IN_EVERY_LANGUAGE, /^(Ctrl|Alt|Shift)\+\S+$/, /^Razorpay$/] },
    }),
  },
  {
    // The same in the renderer's plain modules (labels, toasts, commands): every string with a
    // space in it is a sentence, unless it is a code the typed rule recognises; single tokens are
    // keys, names and CSS. A developer's Error, a selector or a media query is not shown to people.
    // The bridge's own refusals (failure()) go through the refusals catalogue, as main's do.
    ...noLiteralWords(['renderer/**/*.ts'], ['renderer/join/**', 'renderer/i18n/**', 'renderer/**/*.d.ts'], {
      mode: 'all',
      callees: { exclude: [...NAMING_CALLEES, 'failure', 'Error', 'matchMedia', 'querySelector', 'closest', 'fetch', 'EventSource', 'Date.parse'] },
      words: { exclude: [...SAME_IN_EVERY_LANGUAGE, /^\S*$/] },
    }),
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
