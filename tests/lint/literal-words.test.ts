import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOT } from './eslint';

// The project's own configuration, typed: each source is linted as the text of a real file of
// the renderer, so the TypeScript project knows it.
const typed = new ESLint({ cwd: ROOT });

async function wordsFlagged(source: string, file: string): Promise<string[]> {
  const [result] = await typed.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'i18next/no-literal-string').map((m) => source.split('\n')[m.line - 1]!.trim());
}

describe('no words written into the renderer, outside renderer/i18n', () => {
  it('refuses a sentence in a plain module, and lets keys, codes and developers’ errors be', async () => {
    const source = [
      `export const said = 'Your appointment is booked';`,
      `export const key = 'clinic-desk.theme';`,
      `export const keyOf = (id: number) => \`appointment-\${id}\`;`,
      `export const tone: 'error' | 'warning' = 'warning';`,
      `export const broken = () => new Error('The contract has no such channel');`,
      `export const later = \`Come back at \${10} o’clock\`;`,
    ].join('\n');
    expect(await wordsFlagged(source, 'renderer/lib/theme.ts')).toEqual([
      `export const said = 'Your appointment is booked';`,
      `export const later = \`Come back at \${10} o’clock\`;`,
    ]);
  });

  it('refuses words in JSX and in the attributes people read, not in class names', async () => {
    const source = [
      // (Component names, not A or B: the rule lets an all-capitals constant hold a literal.)
      `export const Empty = () => <p className="ui-note wide">Nothing today</p>;`,
      `export const Closer = () => <button aria-label="Close the dialog" type="button" />;`,
    ].join('\n');
    expect(await wordsFlagged(source, 'renderer/app/App.tsx')).toEqual([
      `export const Empty = () => <p className="ui-note wide">Nothing today</p>;`,
      `export const Closer = () => <button aria-label="Close the dialog" type="button" />;`,
    ]);
  });
});
