import os from 'node:os';
import path from 'node:path';

// Kept apart from config.ts (and its zod): the app's entry points read it to start the embedded
// database before the rest of main loads.

const PRODUCT_FOLDER = 'Clinic Desk';

/** Where Electron's app.getPath('userData') points for this product, so scripts and the app agree. */
export function defaultUserDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = os.homedir()): string {
  if (platform === 'win32') {
    return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), PRODUCT_FOLDER);
  }
  if (platform === 'darwin') {
    return path.posix.join(home, 'Library', 'Application Support', PRODUCT_FOLDER);
  }
  return path.posix.join(env.XDG_CONFIG_HOME ?? path.posix.join(home, '.config'), PRODUCT_FOLDER);
}

const setting = (value: string | undefined) => value?.trim() || undefined;

/**
 * The embedded database's folder as resolveDatabaseConfig will name it (CLINIC_DATA_DIR, else the
 * user-data folder), read without validating the rest; undefined when DATABASE_URL names a server.
 */
export function embeddedDataDir(env: NodeJS.ProcessEnv, userDataDir: string): string | undefined {
  if (setting(env.DATABASE_URL)) return undefined;
  return path.resolve(setting(env.CLINIC_DATA_DIR) ?? userDataDir);
}
