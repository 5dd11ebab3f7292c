import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

const keychain = vi.hoisted(() => ({ available: true, backend: 'gnome_libsecret', calls: 0 }));

vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => keychain.available,
    getSelectedStorageBackend: () => keychain.backend,
    encryptString: (plain: string) => {
      keychain.calls++;
      return Buffer.from(`sealed(${plain})`);
    },
    decryptString: (data: Buffer) => data.toString().replace(/^sealed\((.*)\)$/, '$1'),
  },
}));

const { appClinicKey } = await import('../../main/app/clinic-key');

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  Object.assign(keychain, { available: true, backend: 'gnome_libsecret', calls: 0 });
});
const userData = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-userdata-'));
  dirs.push(dir);
  return dir;
};

describe('the app keeps the clinic key in the OS keychain (safeStorage)', () => {
  it('seals a new key with safeStorage, and loads the same key on the next start', () => {
    const dir = userData();
    const log = vi.fn();
    const first = appClinicKey(dir, log)();
    expect(keychain.calls).toBe(1);
    expect(fs.readFileSync(path.join(dir, 'clinic-key.sealed'), 'utf8')).toBe(`sealed(${first.recoveryKey()})`);
    expect(fs.existsSync(path.join(dir, 'clinic-desk.key'))).toBe(false);
    expect(appClinicKey(dir, log)().id).toBe(first.id);
    expect(log).not.toHaveBeenCalled();
  });

  it.runIf(process.platform === 'linux')(
    'falls back to a 0600 key file, and says so, where Linux has no keyring (safeStorage would use a built-in password)',
    () => {
      keychain.backend = 'basic_text';
      const dir = userData();
      const log = vi.fn();
      const key = appClinicKey(dir, log)();
      expect(keychain.calls).toBe(0);
      expect(fs.statSync(path.join(dir, 'clinic-desk.key')).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(path.join(dir, 'clinic-desk.key'), 'utf8').trim()).toBe(key.recoveryKey());
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/no OS keychain/), path.join(dir, 'clinic-desk.key'));
    },
  );

  it('touches nothing until the key is first needed', () => {
    const dir = userData();
    appClinicKey(dir, vi.fn());
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
