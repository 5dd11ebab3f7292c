import path from 'node:path';
import { safeStorage } from 'electron';
import type { ClinicKey } from '../secrets/clinic-key';
import { adoptingStore, defaultKeyFile, keyFileStore, lazyKey, protectedKeyStore } from '../secrets/key-store';

/**
 * The app's clinic key: sealed by the OS keychain through safeStorage (Keychain on macOS, DPAPI
 * on Windows, libsecret/kwallet on Linux). Where Linux has no keyring, safeStorage would fall
 * back to a password built into Chromium ("basic_text"), which protects nothing; then the key is
 * a 0600 file, as for the headless commands. Read (or created) on first use.
 */
export function appClinicKey(userData: string, log: (message: string, err: unknown) => void): () => ClinicKey {
  const file = keyFileStore(defaultKeyFile(process.env, userData));
  let load: (() => ClinicKey) | undefined;
  return () => {
    if (!load) {
      const keychain = safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
      if (!keychain) log('no OS keychain for the clinic key; it is kept in a file only this user may read', file.location);
      load = lazyKey(keychain ? adoptingStore(protectedKeyStore(path.join(userData, 'clinic-key.sealed'), safeStorage), file) : file);
    }
    return load();
  };
}
