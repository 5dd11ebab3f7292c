import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const builderConfig = fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');

/** The entitlement keys a plist grants (`<key>…</key><true/>`), comments left out. */
function grantedKeys(plist: string): string[] {
  const text = plist.replace(/<!--[\s\S]*?-->/g, '');
  return [...text.matchAll(/<key>([^<]+)<\/key>\s*<true\s*\/>/g)].map((m) => m[1]!);
}

describe('macOS entitlements of the packaged app', () => {
  const files = [...new Set([...builderConfig.matchAll(/^\s*entitlements(?:Inherit)?:\s*(\S+)/gm)].map((m) => m[1]!))];

  it('are set for the app and its helpers', () => {
    expect(files).toEqual(['build/entitlements.mac.plist']);
  });

  it.each(files)('%s grants JIT, camera and microphone, and not unsigned executable memory', (file) => {
    const keys = grantedKeys(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    expect(keys.sort()).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.device.audio-input', 'com.apple.security.device.camera']);
  });
});
