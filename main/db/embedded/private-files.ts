import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';

// The clinic's data folder holds patient names, phone numbers and password hashes in plain
// pages: no other account on the PC may read or write any of it (folders 0700, files 0600),
// whatever the parent folder's mode or the user's umask. Windows has no such modes; there the
// folder sits in the user's profile, which only that user (and administrators) may open.

const OTHERS = 0o077;
const posix = process.platform !== 'win32';

/** Tightens a folder and everything in it: group and others lose every bit. Symlinks are left alone. */
export function makePrivate(root: string): void {
  if (!posix) return;
  const visit = (target: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(target);
    } catch (err) {
      // PGlite may remove a file (an old WAL segment) between the listing and the stat.
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw err;
    }
    if (stat.isSymbolicLink()) return;
    if ((stat.mode & OTHERS) !== 0) fs.chmodSync(target, stat.mode & 0o7700 & ~OTHERS);
    if (stat.isDirectory()) for (const name of fs.readdirSync(target)) visit(path.join(target, name));
  };
  visit(root);
}

/** A folder of our own, created or tightened to 0700. */
export function privateFolder(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (posix) fs.chmodSync(dir, 0o700);
}

type Mode = fs.Mode | null | undefined;
const own = (mode: Mode, fallback: number) => (typeof mode === 'number' ? mode : typeof mode === 'string' ? Number.parseInt(mode, 8) : fallback) & ~OTHERS;

/**
 * A umask of 077 for one worker thread. process.umask() cannot be set from a worker (it is the
 * whole process's), and PGlite's file system asks Node for mode 0666 files: so this thread's
 * node:fs creates and chmods with the group and other bits cleared, whatever mode is asked for.
 */
export function privateModesForThisThread(): void {
  if (!posix) return;
  const { mkdirSync, writeFileSync, openSync, chmodSync, fchmodSync } = fs;
  const withMode = <T extends object>(options: T | string | undefined | null, fallback: number) =>
    typeof options === 'string'
      ? { encoding: options as BufferEncoding, mode: own(undefined, fallback) }
      : { ...options, mode: own((options as { mode?: Mode } | undefined)?.mode, fallback) };
  fs.mkdirSync = ((dir: fs.PathLike, options?: fs.Mode | fs.MakeDirectoryOptions | null) =>
    mkdirSync(
      dir,
      typeof options === 'object' && options !== null ? { ...options, mode: own(options.mode, 0o777) } : own(options, 0o777),
    )) as typeof fs.mkdirSync;
  fs.writeFileSync = ((file: fs.PathOrFileDescriptor, data: string | NodeJS.ArrayBufferView, options?: fs.WriteFileOptions) =>
    writeFileSync(file, data, withMode(options, 0o666))) as typeof fs.writeFileSync;
  fs.openSync = ((file: fs.PathLike, flags?: fs.OpenMode, mode?: Mode) => openSync(file, flags ?? 'r', own(mode, 0o666))) as typeof fs.openSync;
  fs.chmodSync = ((file: fs.PathLike, mode: fs.Mode) => chmodSync(file, own(mode, 0o600))) as typeof fs.chmodSync;
  fs.fchmodSync = ((fd: number, mode: fs.Mode) => fchmodSync(fd, own(mode, 0o600))) as typeof fs.fchmodSync;
  syncBuiltinESMExports();
}
