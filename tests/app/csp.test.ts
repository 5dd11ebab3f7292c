import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../main/app/app-protocol';

const ROOT = path.resolve(__dirname, '../..');

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!.toLowerCase(), values] as const;
      }),
  );
}

function metaPolicy(): string {
  const html = fs.readFileSync(path.join(ROOT, 'renderer/index.html'), 'utf8');
  const metas = [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/gi)];
  expect(metas).toHaveLength(1);
  return metas[0]![1]!.replace(/&#39;|&apos;/g, "'");
}

describe('the renderer CSP meta and the app:// header agree', () => {
  const meta = directives(metaPolicy());
  const header = directives(CONTENT_SECURITY_POLICY);

  it('script-src is the same, self only, in both', () => {
    expect(meta.get('script-src')).toEqual(header.get('script-src'));
    expect(header.get('script-src')).toEqual(["'self'"]);
  });

  it.each(['script-src', 'default-src'])('%s never allows inline or eval scripts', (name) => {
    for (const policy of [meta, header]) {
      const values = policy.get(name) ?? [];
      expect(values.length).toBeGreaterThan(0);
      for (const bad of ["'unsafe-inline'", "'unsafe-eval'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'https:', 'http:']) {
        expect(values).not.toContain(bad);
      }
    }
  });

  it('every directive the meta sets is the header one (the meta cannot loosen or contradict it)', () => {
    for (const [name, values] of meta) {
      expect(header.get(name), name).toEqual(values);
    }
    expect(meta.get('object-src')).toEqual(["'none'"]);
    expect(meta.get('default-src')).toEqual(["'self'"]);
  });
});
