import path from 'node:path';
import { ROOT, eslint } from './eslint';
import { describe, expect, it } from 'vitest';

async function cycles(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'clinic/feature-cycles').map((m) => m.message);
}

// The shell renders every section (shell → queue, shell → patients, …), so a section that
// imports the shell closes a loop; the reverse direction alone is fine.
describe('lint refuses import cycles between feature folders', () => {
  it.each([
    ["import { commandsFor } from '../shell/commands';\nexport const x = commandsFor;\n"],
    ["export { commandsFor } from '../shell/commands';\n"],
    ["import type { Command } from '../shell/commands';\nexport type X = Command;\n"],
  ])('refuses %s in a feature the shell imports', async (source) => {
    const messages = await cycles('renderer/features/queue/Example.tsx', source);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/Import cycle between feature folders: queue → shell → queue/);
  });

  it('names a longer loop through a third folder', async () => {
    // appointments → booking → patients already; patients → appointments closes it.
    const messages = await cycles(
      'renderer/features/patients/Example.tsx',
      "import { AppointmentDialog } from '../appointments/AppointmentDialog';\nexport const x = AppointmentDialog;\n",
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/patients → appointments → booking → patients/);
  });

  it('lets a feature import one that does not import it back, and neutral modules', async () => {
    expect(await cycles('renderer/features/shell/Example.tsx', "import { QueueScreen } from '../queue/QueueScreen';\nexport const x = QueueScreen;\n")).toEqual(
      [],
    );
    expect(
      await cycles('renderer/features/queue/Example.tsx', "import { openGlobal } from '../../stores/global-dialogs';\nexport const x = openGlobal;\n"),
    ).toEqual([]);
  });
});
