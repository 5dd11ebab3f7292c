import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../db/config';
import { isBackupName } from './backup';

/**
 * Deletes this mode's older backups in folder beyond the newest keepLast. Only files named as
 * Clinic Desk names its backups are touched; anything else in the folder is left alone.
 * Names carry a sortable UTC stamp, so name order is age order. Plain backups from before
 * encryption (no .enc) count with the rest, so they rotate out. `spare` (a file's name) is never
 * removed and counts as one of the keepLast: a stamp is the clock's, and a PC whose clock was
 * set back would otherwise delete the backup it has just made.
 */
export function pruneBackups(folder: string, mode: DatabaseConfig['mode'], keepLast: number, spare?: string): string[] {
  const files = fs
    .readdirSync(folder)
    .filter((f) => isBackupName(mode, f) && f !== spare)
    .sort()
    .reverse();
  const removed = files.slice(Math.max(0, spare === undefined ? keepLast : keepLast - 1));
  for (const f of removed) fs.rmSync(path.join(folder, f), { force: true });
  return removed;
}
