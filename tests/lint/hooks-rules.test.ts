import path from 'node:path';
import { ROOT, eslint } from './eslint';
import { describe, expect, it } from 'vitest';

const FILE = 'renderer/features/x/useExample.ts';

async function problems(source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, FILE) });
  return (result?.messages ?? []).map((m) => `${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId ?? 'directive'}`);
}

const missingDep = (directive: string) => `import { useEffect } from 'react';
export function useExample(id: number) {
  useEffect(() => {
    console.info(id);
    ${directive}
  }, []);
}
`;

describe('lint keeps the rules of hooks', () => {
  it('refuses a hook called conditionally', async () => {
    const source = `import { useState } from 'react';
export function useExample(on: boolean) {
  if (on) useState(0);
}
`;
    expect(await problems(source)).toEqual(['error react-hooks/rules-of-hooks']);
  });

  it('refuses an effect that leaves out what it reads', async () => {
    expect(await problems(missingDep(''))).toEqual(['error react-hooks/exhaustive-deps']);
  });

  it('refuses a silenced dependency list without a reason beside it', async () => {
    expect(await problems(missingDep('// eslint-disable-next-line react-hooks/exhaustive-deps'))).toEqual([
      'error @eslint-community/eslint-comments/require-description',
    ]);
  });

  it('accepts a silenced dependency list that says why', async () => {
    expect(await problems(missingDep('// eslint-disable-next-line react-hooks/exhaustive-deps -- runs once per mount on purpose'))).toEqual([]);
  });

  it('refuses a directive that silences nothing', async () => {
    const source = `// eslint-disable-next-line react-hooks/exhaustive-deps -- left over
export const x = 1;
`;
    expect(await problems(source)).toEqual(['error directive']);
  });
});
