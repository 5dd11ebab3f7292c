import fs from 'node:fs';
import path from 'node:path';
import { defaultUserDataDir } from '../db/data-dir';
import { say } from '../shared/say';
import { ClinicKey, ClinicKeyError } from './clinic-key';

/** Where one PC (or the headless gateway) keeps the clinic key. */
export interface KeyStore {
  /** Named in messages, so a person knows which file or keychain entry is meant. */
  readonly location: string;
  load(): ClinicKey | undefined;
  save(key: ClinicKey): void;
}

/**
 * What Electron's safeStorage offers (the OS keychain: Keychain, DPAPI, libsecret/kwallet);
 * main/<domain> never imports electron, so the app passes safeStorage in.
 */
export interface KeyProtector {
  encryptString(plain: string): Buffer;
  decryptString(sealed: Buffer): string;
}

/** CLINIC_KEY_FILE, or clinic-desk.key in the user-data folder the app and the scripts share. */
export function defaultKeyFile(env: NodeJS.ProcessEnv = process.env, userDataDir: string = defaultUserDataDir()): string {
  return env.CLINIC_KEY_FILE?.trim() || path.join(userDataDir, 'clinic-desk.key');
}

/** Writes data readable by the user alone (0600 in a 0700 folder), replacing the file at once. */
function writePrivate(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.new`;
  fs.writeFileSync(temp, data, { mode: 0o600 });
  fs.chmodSync(temp, 0o600);
  fs.renameSync(temp, file);
}

function readIfExists(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ClinicKeyError(say`The clinic key at ${file} cannot be read: ${(err as Error).message}`);
  }
}

function parseStored(text: string, file: string): ClinicKey {
  try {
    return ClinicKey.fromRecoveryKey(text);
  } catch (err) {
    throw new ClinicKeyError(say`The clinic key at ${file} is damaged: ${err instanceof ClinicKeyError ? err.sentence : (err as Error).message}`);
  }
}

/** The headless commands' store: the recovery key as text in a file only its user may read (0600). */
export function keyFileStore(file: string): KeyStore {
  return {
    location: file,
    load() {
      const data = readIfExists(file);
      if (!data) return undefined;
      // A copy made with a loose mode (cp, an editor) is tightened before it is used again.
      if (process.platform !== 'win32' && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
      return parseStored(data.toString('utf8'), file);
    },
    save(key) {
      writePrivate(file, `${key.recoveryKey()}\n`);
    },
  };
}

/** The app's store: the key sealed by the OS keychain (safeStorage), in a 0600 file as well. */
export function protectedKeyStore(file: string, protector: KeyProtector): KeyStore {
  return {
    location: `${file} (sealed by this user's OS keychain)`,
    load() {
      const data = readIfExists(file);
      if (!data) return undefined;
      let text: string;
      try {
        text = protector.decryptString(data);
      } catch (err) {
        throw new ClinicKeyError(
          say`The clinic key at ${file} cannot be unsealed by this user's keychain (${(err as Error).message}); restore it from the recovery key`,
        );
      }
      return parseStored(text, file);
    },
    save(key) {
      writePrivate(file, protector.encryptString(key.recoveryKey()));
    },
  };
}

/**
 * The primary store, which takes over a key found only in the other one: the app adopts into the
 * OS keychain a key file that `db:restore --recovery-key-file` installed (restoring on another
 * PC) or that the headless commands made. The file stays, for those commands.
 */
export function adoptingStore(primary: KeyStore, other: KeyStore): KeyStore {
  return {
    location: primary.location,
    load() {
      const own = primary.load();
      if (own) return own;
      const found = other.load();
      if (found) primary.save(found);
      return found;
    },
    save: (key) => primary.save(key),
  };
}

/** The stored key, or a new one saved there first (the first run on this PC). */
export function loadOrCreateKey(store: KeyStore): ClinicKey {
  const existing = store.load();
  if (existing) return existing;
  const key = ClinicKey.generate();
  store.save(key);
  return key;
}

/** Loads (or creates) the key on first use, so tools that never seal or back up never touch it. */
export function lazyKey(store: KeyStore): () => ClinicKey {
  let key: ClinicKey | undefined;
  return () => (key ??= loadOrCreateKey(store));
}
