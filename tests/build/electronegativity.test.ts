import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// electronegativity ships no types; its runner takes these options and resolves to this shape.
interface Finding {
  id: string;
  file: string;
  location: { line: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
}
type Runner = (
  options: { input: string; isRelative: boolean; electronVersionOverride: string; parserPlugins: string[] },
  forCli: boolean,
) => Promise<{ atomicChecks: number; globalChecks: number; errors: { file: string; message: string }[]; issues: Finding[] }>;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the package ships no types: a require typed by hand above, not an untyped import
const runElectronegativity = require('@doyensec/electronegativity/dist/runner.js') as Runner;

const ROOT = path.resolve(__dirname, '../..');
const ELECTRON_VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;

/** The code that runs in the app: main, preload and the renderer's page (not tests or node_modules). */
const SCANNED = ['main', 'preload', 'renderer/index.html'];

describe('@doyensec/electronegativity over main, preload and the renderer page', () => {
  let dir: string;
  let result: Awaited<ReturnType<Runner>>;

  beforeAll(async () => {
    // One folder holding just the app's own code, so global checks (CSP, navigation limits,
    // permission handler) see main and renderer together and node_modules is not walked.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-eneg-'));
    for (const part of SCANNED) fs.cpSync(path.join(ROOT, part), path.join(dir, part), { recursive: true });
    result = await runElectronegativity({ input: dir, isRelative: true, electronVersionOverride: ELECTRON_VERSION, parserPlugins: [] }, false);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('parses every file and runs its checks', () => {
    expect(result.errors).toEqual([]);
    expect(result.atomicChecks).toBeGreaterThan(20);
    expect(result.globalChecks).toBeGreaterThan(3);
  });

  it('finds nothing: no HIGH finding, and every lower one fixed or justified where it is disabled', () => {
    const findings = result.issues.map((i) => `${i.severity.name} ${i.id} ${i.file}:${i.location.line} ${i.description}`);
    expect(findings).toEqual([]);
  });

  it('each eng-disable comment sits under (or beside) a comment that says why', () => {
    const files = SCANNED.flatMap((part) => {
      const full = path.join(ROOT, part);
      return fs.statSync(full).isDirectory() ? (fs.readdirSync(full, { recursive: true }) as string[]).map((f) => path.join(full, f)) : [full];
    }).filter((f) => /\.(ts|tsx|html)$/.test(f));
    const disabled: string[] = [];
    for (const file of files) {
      const lines = fs.readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        if (!line.includes('eng-disable')) return;
        const where = `${path.relative(ROOT, file)}:${i + 1}`;
        disabled.push(where);
        const near = [lines[i - 1] ?? '', lines[i + 1] ?? ''];
        const justified = near.some((l) => /^\s*(\/\/|<!--)\s*\S.{20,}/.test(l) && !l.includes('eng-disable'));
        expect({ where, justified }).toEqual({ where, justified: true });
      });
    }
    console.log(
      `electronegativity: 0 findings with ${result.atomicChecks} atomic and ${result.globalChecks} global checks; ${disabled.length} places with justified exceptions (${disabled.join(', ')})`,
    );
  });
});
