import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseConfig } from '../db/config';
import { isBackupName } from './backup';

/**
 * Deletes the entries of folder that `ours` recognises beyond the newest keepLast. Names carry a
 * sortable UTC stamp, so name order is age order. `spare` (a name) is never removed and counts as
 * one of the keepLast: a stamp is the clock's, and a PC whose clock was set back would otherwise
 * delete what it has just made.
 */
function keepNewest(folder: string, ours: (name: string) => boolean, keepLast: number, spare?: string): string[] {
  const names = fs
    .readdirSync(folder)
    .filter((f) => ours(f) && f !== spare)
    .sort()
    .reverse();
  const removed = names.slice(Math.max(0, spare === undefined ? keepLast : keepLast - 1));
  for (const f of removed) fs.rmSync(path.join(folder, f), { recursive: true, force: true });
  return removed;
}

/**
 * Deletes this mode's older backups in folder beyond the newest keepLast. Only files named as
 * Clinic Desk names its backups are touched; anything else in the folder is left alone. Plain
 * backups from before encryption (no .enc) count with the rest, so they rotate out.
 */
export const pruneBackups = (folder: string, mode: DatabaseConfig['mode'], keepLast: number, spare?: string): string[] =>
  keepNewest(folder, (f) => isBackupName(mode, f), keepLast, spare);

/**
 * What a forced `db:restore` kept of the database it replaced (a safety backup in before-restore/
 * on a server, the old data folder renamed `….replaced-<stamp>` beside an embedded one), pruned
 * to keepLast as the Admin screen's restores are; `kept` itself always stays.
 */
export function pruneReplaced(kept: string, mode: DatabaseConfig['mode'], keepLast: number): string[] {
  const folder = path.dirname(kept);
  const name = path.basename(kept);
  if (mode === 'server') return pruneBackups(folder, mode, keepLast, name);
  const base = name.slice(0, name.lastIndexOf('.replaced-'));
  const replaced = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.replaced-\\d{8}-\\d{6}(\\d{3})?$`);
  return keepNewest(folder, (f) => replaced.test(f), keepLast, name);
}
