import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

// Distinctive secret values, configured under every name a build could pick up: the plain names
// main reads at run time and the prefixes Vite and electron-vite inline into bundles.
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const SECRETS = {
  dbPassword: `pw${hex(12)}`,
  twilioAuthToken: hex(16),
  twilioApiSecret: `sec${hex(14)}`,
  twilioAccountSid: `AC${hex(16)}`,
  twilioApiKeySid: `SK${hex(16)}`,
};
function secretEnv(): NodeJS.ProcessEnv {
  const plain: Record<string, string> = {
    DATABASE_URL: `postgres://clinic:${SECRETS.dbPassword}@db.clinic.test:5432/clinic`,
    TWILIO_AUTH_TOKEN: SECRETS.twilioAuthToken,
    TWILIO_API_SECRET: SECRETS.twilioApiSecret,
    TWILIO_ACCOUNT_SID: SECRETS.twilioAccountSid,
    TWILIO_API_KEY: SECRETS.twilioApiKeySid,
  };
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [name, value] of Object.entries(plain)) {
    for (const prefix of ['', 'VITE_', 'MAIN_VITE_', 'PRELOAD_VITE_', 'RENDERER_VITE_']) env[`${prefix}${name}`] = value;
  }
  return env;
}

// Shapes that look like a configured secret whatever its value.
const PATTERNS: [string, RegExp][] = [
  ['private key', /-----BEGIN [A-Z ]*PRIVATE KEY-----/g],
  ['Twilio account or API key SID', /\b(AC|SK)[0-9a-f]{32}\b/g],
  ['database URL with a password', /postgres(?:ql)?:\/\/[^\s:@/"'`]+:([^\s@/"'`]+)@/g],
  ['bcrypt hash', /\$2[aby]\$\d\d\$[./A-Za-z0-9]{53}/g],
];
// The configuration error shows an example URL, and redactUrl prints ***: placeholders, not secrets.
const PLACEHOLDER_PASSWORDS = new Set(['password', '***', '%2A%2A%2A']);

function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[]).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

describe('the built bundles hold no configured secret', () => {
  let out: string;

  beforeAll(async () => {
    // A build of its own, made with the secrets in the environment: what would ship if any
    // bundle read them at build time.
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-secret-build-'));
    await run(process.execPath, [path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', out], {
      cwd: ROOT,
      env: secretEnv(),
      maxBuffer: 16 * 1024 * 1024,
    });
  });
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it('builds main, preload and renderer', () => {
    const files = filesUnder(out).map((f) => path.relative(out, f));
    for (const part of ['main/index.js', 'preload/index.cjs', 'renderer/index.html']) expect(files).toContain(part);
  });

  it('no configured secret value appears in any built file', () => {
    const leaks: string[] = [];
    for (const file of filesUnder(out)) {
      const text = fs.readFileSync(file, 'latin1');
      for (const [name, value] of Object.entries(SECRETS)) if (text.includes(value)) leaks.push(`${name} in ${path.relative(out, file)}`);
    }
    expect(leaks).toEqual([]);
  });

  it('nothing in the bundles looks like a secret (keys, Twilio SIDs, database passwords, password hashes)', () => {
    const found: string[] = [];
    for (const file of filesUnder(out)) {
      const text = fs.readFileSync(file, 'latin1');
      for (const [name, pattern] of PATTERNS) {
        for (const m of text.matchAll(pattern)) {
          if (name.startsWith('database URL') && PLACEHOLDER_PASSWORDS.has(m[1]!)) continue;
          found.push(`${name} in ${path.relative(out, file)}: ${m[0].slice(0, 40)}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('the patterns catch what they are meant to catch', () => {
    const samples = ['-----BEGIN RSA PRIVATE KEY-----', `AC${hex(16)}`, 'postgres://u:p4ss@h/db', `$2b$12$${'a'.repeat(53)}`];
    samples.forEach((sample, i) => expect([...` ${sample} `.matchAll(PATTERNS[i]![1])]).toHaveLength(1));
  });
});
