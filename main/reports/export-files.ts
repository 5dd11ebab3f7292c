import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Asks the person at a window where to save a file (the app's save dialog); null when they cancel. */
export type SavePathChooser = (sessionKey: string, suggestedName: string) => Promise<string | null>;

export interface ExportTarget {
  /** Where to write; renamed into place by `done`, so a failed export leaves no half file. */
  path: string;
  savedTo: string | null;
  downloadId: string | null;
  done(): Promise<void>;
  fail(): Promise<void>;
}

interface Download {
  sessionKey: string;
  fileName: string;
  path: string;
  expires: number;
}

const DOWNLOAD_TTL_MS = 10 * 60_000;

/**
 * Where exports go. In the app the desk picks a path in the save dialog and main writes
 * there (the file never crosses IPC). In browser mode (and tests) there is no dialog: the file
 * is written into a private folder and handed out once, to the same session, by the bridge's
 * download route, then deleted; unclaimed files go after ten minutes and when main stops.
 */
export class ExportFiles {
  private folder: string | undefined;
  private readonly downloads = new Map<string, Download>();

  constructor(
    private readonly choose?: SavePathChooser,
    private readonly now: () => number = Date.now,
  ) {}

  async target(sessionKey: string, fileName: string): Promise<ExportTarget | null> {
    if (this.choose) {
      const chosen = await this.choose(sessionKey, fileName);
      if (!chosen) return null;
      const partial = `${chosen}.${randomBytes(4).toString('hex')}.part`;
      return {
        path: partial,
        savedTo: chosen,
        downloadId: null,
        done: () => fs.promises.rename(partial, chosen),
        fail: () => fs.promises.rm(partial, { force: true }),
      };
    }
    this.sweep();
    const id = randomBytes(18).toString('base64url');
    const file = path.join(this.privateFolder(), id);
    return {
      path: file,
      savedTo: null,
      downloadId: id,
      done: async () => {
        this.downloads.set(id, { sessionKey, fileName, path: file, expires: this.now() + DOWNLOAD_TTL_MS });
      },
      fail: () => fs.promises.rm(file, { force: true }),
    };
  }

  /**
   * The file behind a download id, for the session that made it, once: the caller streams it
   * and then calls `release`. Undefined for an unknown, expired or foreign id.
   */
  take(sessionKey: string, id: string): { path: string; fileName: string; release(): void } | undefined {
    this.sweep();
    const d = this.downloads.get(id);
    if (!d || d.sessionKey !== sessionKey) return undefined;
    this.downloads.delete(id);
    return { path: d.path, fileName: d.fileName, release: () => fs.rmSync(d.path, { force: true }) };
  }

  dispose(): void {
    if (this.folder) fs.rmSync(this.folder, { recursive: true, force: true });
    this.folder = undefined;
    this.downloads.clear();
  }

  private privateFolder(): string {
    // mkdtemp makes it 0700: other users of the PC cannot read a patient list waiting here.
    this.folder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-exports-'));
    return this.folder;
  }

  private sweep(): void {
    for (const [id, d] of this.downloads) {
      if (d.expires <= this.now()) {
        this.downloads.delete(id);
        fs.rmSync(d.path, { force: true });
      }
    }
  }
}
