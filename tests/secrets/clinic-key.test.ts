import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ClinicKey } from '../../main/secrets/clinic-key';
import { adoptingStore, keyFileStore, lazyKey, loadOrCreateKey, protectedKeyStore, type KeyProtector } from '../../main/secrets/key-store';
import { clinicSecretBox } from '../../main/secrets/sealed-secrets';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A stand-in for safeStorage: reversible, and plainly not the recovery key's text on disk. */
const fakeKeychain: KeyProtector = {
  encryptString: (plain) => Buffer.from(plain, 'utf8').reverse(),
  decryptString: (sealed) => Buffer.from(sealed).reverse().toString('utf8'),
};

describe('the clinic key and its recovery key', () => {
  it('round-trips through the recovery key, and a typo is caught by its checksum, not taken for another key', () => {
    const key = ClinicKey.generate();
    const text = key.recoveryKey();
    expect(text).toMatch(/^CDK1-[A-Za-z0-9_-]+$/);
    expect(ClinicKey.fromRecoveryKey(`  ${text}\n`).id).toBe(key.id);
    const typo = text.slice(0, 10) + (text[10] === 'a' ? 'b' : 'a') + text.slice(11);
    expect(() => ClinicKey.fromRecoveryKey(typo)).toThrow(/mistyped or incomplete/);
    expect(() => ClinicKey.fromRecoveryKey(text.slice(0, -3))).toThrow(/mistyped or incomplete/);
    expect(() => ClinicKey.fromRecoveryKey('hello')).toThrow(/not a Clinic Desk recovery key/);
    // Backups and secrets use different keys derived from it, never the material itself.
    expect(key.backupKey.equals(key.secretsKey)).toBe(false);
  });
});

describe('key stores', () => {
  it.runIf(process.platform !== 'win32')('a key file is created 0600 in a 0700 folder whatever the umask, and a loose copy is tightened when read', () => {
    const umask = process.umask(0o022);
    try {
      const file = path.join(tempDir(), 'new-folder', 'clinic-desk.key');
      const key = loadOrCreateKey(keyFileStore(file));
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
      expect(fs.statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(loadOrCreateKey(keyFileStore(file)).id).toBe(key.id);
      fs.chmodSync(file, 0o644);
      expect(keyFileStore(file).load()!.id).toBe(key.id);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      process.umask(umask);
    }
  });

  it('a damaged key file is named, never replaced by a new key', () => {
    const file = path.join(tempDir(), 'clinic-desk.key');
    fs.writeFileSync(file, 'CDK1-garbage', { mode: 0o600 });
    expect(() => loadOrCreateKey(keyFileStore(file))).toThrow(`The clinic key at ${file} is damaged`);
    expect(fs.readFileSync(file, 'utf8')).toBe('CDK1-garbage');
  });

  it('the keychain-sealed store keeps no readable key on disk, and adopts a key file installed by a restore', () => {
    const dir = tempDir();
    const installed = ClinicKey.generate();
    keyFileStore(path.join(dir, 'clinic-desk.key')).save(installed);
    const sealedFile = path.join(dir, 'clinic-key.sealed');
    const store = adoptingStore(protectedKeyStore(sealedFile, fakeKeychain), keyFileStore(path.join(dir, 'clinic-desk.key')));
    expect(loadOrCreateKey(store).id).toBe(installed.id);
    expect(fs.readFileSync(sealedFile).includes(installed.recoveryKey())).toBe(false);
    // Once adopted, the keychain's copy alone is enough.
    fs.rmSync(path.join(dir, 'clinic-desk.key'));
    expect(protectedKeyStore(sealedFile, fakeKeychain).load()!.id).toBe(installed.id);
    const otherUser: KeyProtector = {
      ...fakeKeychain,
      decryptString: () => {
        throw new Error('not this user');
      },
    };
    expect(() => protectedKeyStore(sealedFile, otherUser).load()).toThrow(/cannot be unsealed by this user's keychain/);
  });
});

describe('the secret box', () => {
  it('seals to a value without the secret, opens it again, and tells a wrong key from a tampered value', () => {
    const key = ClinicKey.generate();
    const box = clinicSecretBox(() => key);
    const sealed = box.seal('TwilioAuthToken-abc123');
    expect(sealed).toMatch(new RegExp(`^sealed:v1:${key.id}:`));
    expect(sealed).not.toContain('TwilioAuthToken');
    expect(box.seal('TwilioAuthToken-abc123')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('TwilioAuthToken-abc123');

    const other = clinicSecretBox(lazyKey(keyFileStore(path.join(tempDir(), 'k'))));
    expect(() => other.open(sealed)).toThrow(new RegExp(`sealed with clinic key ${key.id}, but this PC holds key [0-9a-f]{16}`));
    const body = sealed.split(':')[3]!;
    const flipped = `sealed:v1:${key.id}:${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`;
    expect(() => box.open(flipped)).toThrow(/damaged or was altered/);
    expect(() => box.open('plain text')).toThrow(/not sealed/);
  });
});
