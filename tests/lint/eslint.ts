import path from 'node:path';
import { ESLint } from 'eslint';

export const ROOT = path.resolve(__dirname, '../..');

/**
 * The project's lint configuration for sources that exist only in a test: typed linting (the
 * literal-words rule) needs a file on disk in the TypeScript project, so it is off for them.
 */
export const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { 'i18next/no-literal-string': 'off' },
  },
});
