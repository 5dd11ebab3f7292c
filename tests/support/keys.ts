import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClinicKey } from '../../main/secrets/clinic-key';
import { keyFileStore, lazyKey, type KeyStore } from '../../main/secrets/key-store';
import { clinicSecretBox } from '../../main/secrets/sealed-secrets';
import type { SecretBox } from '../../main/secrets/secret-box';

/** A clinic key file of its own in a temp folder: one "PC" for the tests, never the user's real key. */
export interface TestKeys {
  file: string;
  store: KeyStore;
  clinicKey: () => ClinicKey;
  secretBox: SecretBox;
  dispose(): void;
}

export function testKeys(): TestKeys {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-key-'));
  const file = path.join(dir, 'clinic-desk.key');
  const store = keyFileStore(file);
  const clinicKey = lazyKey(store);
  return { file, store, clinicKey, secretBox: clinicSecretBox(clinicKey), dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
