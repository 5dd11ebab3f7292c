import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../db/config';
import { isBackupName } from './backup';

/**
 * Deletes this mode's older backups in folder beyond the newest keepLast. Only files named as
 * Clinic Desk names its backups are touched; anything else in the folder is left alone.
 * Names carry a sortable UTC stamp, so name order is age order. Plain backups from before
 * encryption (no .enc) count with the rest, so they rotate out.
 */
export function pruneBackups(folder: string, mode: DatabaseConfig['mode'], keepLast: number): string[] {
  const files = fs
    .readdirSync(folder)
    .filter((f) => isBackupName(mode, f))
    .sort()
    .reverse();
  const removed = files.slice(keepLast);
  for (const f of removed) fs.rmSync(path.join(folder, f), { force: true });
  return removed;
}
