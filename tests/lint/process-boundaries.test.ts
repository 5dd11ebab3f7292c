import path from 'node:path';
import { ROOT, eslint } from './eslint';
import { describe, expect, it } from 'vitest';

async function restrictedImports(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('lint keeps the process boundaries', () => {
  it.each([
    ["import { ipcRenderer } from 'electron';", /Only main\/app and preload\/index.ts may import electron/],
    ["import fs from 'node:fs';", /Node built-ins are not available here/],
    ["import path from 'path';", /Node built-ins are not available here/],
    ["import { openDatabase } from '../../main/db/open';", /main\/ is another process/],
  ])('refuses %s in the renderer', async (source, message) => {
    const messages = await restrictedImports('renderer/features/x/Example.tsx', `${source}\nexport const x = 1;\n`);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it('refuses the same in preload/contract', async () => {
    const messages = await restrictedImports(
      'preload/contract/example.ts',
      "import { app } from 'electron';\nimport os from 'node:os';\nexport const x = [app, os];\n",
    );
    expect(messages).toHaveLength(2);
  });

  it('lets the renderer import types from the contract', async () => {
    const messages = await restrictedImports(
      'renderer/features/x/Example.tsx',
      "import type { Res } from '../../../preload/contract';\nexport type X = Res<'app.info'>;\n",
    );
    expect(messages).toEqual([]);
  });

  it('keeps electron out of main domain code but allows it in main/app', async () => {
    expect(await restrictedImports('main/patients/service.ts', "import { app } from 'electron';\nexport const x = app;\n")).toHaveLength(1);
    expect(await restrictedImports('main/app/window.ts', "import { app } from 'electron';\nexport const x = app;\n")).toEqual([]);
  });
});
