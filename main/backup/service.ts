import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { BackupFile, BackupList, BackupRun, BackupSchedule, BackupStatus, RestoreResult, saveBackupScheduleSchema } from '../../preload/contract';
import type { AuditRecord } from '../audit/repo';
import type { Database } from '../db/open';
import { ClinicKeyError, type ClinicKey } from '../secrets/clinic-key';
import { insertAudit } from '../audit/repo';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import { backupDatabase, backupKeyId, isBackupName, restoreLive, takenAt } from './backup';
import { BackupError } from './errors';
import { announceReplaced, finishRun, getRun, getSchedule, lastRun, saveSchedule, slotTaken, startRun } from './repo';
import { pruneBackups } from './retention';

type SaveSchedule = z.output<typeof saveBackupScheduleSchema>;

/** Where the backup taken just before each restore goes, inside the backup folder. */
const SAFETY_FOLDER = 'before-restore';

/**
 * Backups on demand and on schedule, each recorded in backup_runs. A failed backup leaves a
 * warning for ADMINs that stays until a later one succeeds.
 */
export class BackupService {
  private running: Promise<BackupRun> | undefined;
  private restoring = false;

  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    /** The clinic key backups are encrypted with (kept outside the database and the backups). */
    private readonly key: () => ClinicKey,
    /** Ends every session on this PC (a restore replaces the users they belong to). */
    private readonly signOutEveryone: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The key every backup of this PC is encrypted with, as text to keep offline: with it a backup
   * restores on another PC (and its sealed provider secrets open there).
   */
  async exportRecoveryKey(): Promise<{ keyId: string; recoveryKey: string }> {
    const key = this.key();
    return { keyId: key.id, recoveryKey: key.recoveryKey() };
  }

  getSchedule(): Promise<BackupSchedule> {
    return getSchedule(this.db.knex);
  }

  async saveSchedule(req: SaveSchedule, userId: number): Promise<BackupSchedule> {
    try {
      // A folder made here holds only backups: private to the user, as they are.
      fs.mkdirSync(req.folder, { recursive: true, mode: 0o700 });
      fs.accessSync(req.folder, fs.constants.W_OK);
    } catch (err) {
      throw new AppError(
        'INVALID',
        say`Clinic Desk cannot write to ${req.folder} from this PC (${(err as NodeJS.ErrnoException).code ?? 'error'}). Plug in the drive or choose another folder.`,
        'folder',
      );
    }
    await saveSchedule(this.db.knex, req, userId);
    return this.getSchedule();
  }

  /** A backup now, into the scheduled folder. One at a time per PC. */
  async runNow(workstation: string): Promise<BackupRun> {
    if (this.restoring) throw new AppError('CONFLICT', 'A restore is running on this PC; back up once it has finished');
    if (this.running) throw new AppError('CONFLICT', 'A backup is already running on this PC');
    this.running = this.run('MANUAL', workstation).finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * The scheduled backup, if its time has come today (clinic time) and no PC has taken today's
   * slot yet. Returns the run, or undefined when nothing was due.
   */
  async runIfDue(workstation: string): Promise<BackupRun | undefined> {
    const schedule = await this.getSchedule();
    if (!schedule.enabled || this.running || this.restoring) return undefined;
    const now = clinicNow((await this.settings.get()).timeZone, this.now());
    if (now.time.slice(0, 5) < schedule.timeOfDay) return undefined;
    const slot = `${now.date} ${schedule.timeOfDay}`;
    if (await slotTaken(this.db.knex, slot)) return undefined;
    this.running = this.run('SCHEDULED', workstation, slot)
      .then(async (run) => {
        // A manual backup is audited by the router as its caller's call; nobody calls this one.
        const detail = run.ok ? { slot, file: run.file } : { slot, message: run.message };
        await insertAudit(this.db.knex, { userId: null, userEmail: null, workstation, action: 'backup.scheduled', outcome: run.ok ? 'OK' : 'FAILED', detail });
        return run;
      })
      .finally(() => (this.running = undefined));
    return this.running.catch(() => undefined);
  }

  /** This mode's backups in the backup folder and its safety backups, newest first. */
  async list(): Promise<BackupList> {
    const { folder } = await this.getSchedule();
    if (!folder) return { folder, files: [] };
    const ownKey = this.key().id;
    const filesIn = (dir: string, kind: BackupFile['kind']): BackupFile[] => {
      const names = dir !== folder && !fs.existsSync(dir) ? [] : this.readFolder(dir);
      return names
        .filter((n) => isBackupName(this.db.mode, n))
        .map((n) => {
          const file = path.join(dir, n);
          const keyId = backupKeyId(file);
          return {
            name: kind === 'BACKUP' ? n : `${SAFETY_FOLDER}/${n}`,
            kind,
            takenAt: takenAt(n).toISOString(),
            bytes: fs.statSync(file).size,
            key: keyId === null ? 'PLAIN' : keyId === ownKey ? 'THIS_PC' : 'OTHER_KEY',
          };
        });
    };
    const files = [...filesIn(folder, 'BACKUP'), ...filesIn(path.join(folder, SAFETY_FOLDER), 'BEFORE_RESTORE')];
    return { folder, files: files.sort((a, b) => b.takenAt.localeCompare(a.takenAt) || a.name.localeCompare(b.name)) };
  }

  /**
   * Replaces the clinic database with a backup from the list, as `npm run db:restore -- --force`
   * would: the backup is checked first (this PC's key, integrity, schema) and nothing changes if
   * it fails; then a safety backup of the database as it is goes into before-restore/, every
   * session on every PC is signed out, and the backup takes the database's place. The caller
   * is signed out with the rest: the restored users may not include them. The audit row goes
   * into the restored database, so its trail says who restored it and from what.
   */
  async restore(name: string, audit: AuditRecord): Promise<RestoreResult> {
    if (this.restoring) throw new AppError('CONFLICT', 'A restore is already running on this PC');
    if (this.running) throw new AppError('CONFLICT', 'A backup is running on this PC; restore once it has finished');
    this.restoring = true;
    try {
      return await this.replaceWith(name, audit);
    } finally {
      this.restoring = false;
    }
  }

  private async replaceWith(name: string, audit: AuditRecord): Promise<RestoreResult> {
    const list = await this.list();
    const restored = list.files.find((f) => f.name === name);
    if (!restored) throw new AppError('NOT_FOUND', say`There is no backup ${name} in the backup folder ${list.folder || say`(none chosen)`}`);
    // The schedule that named the folder: the restored database may hold another.
    const { keepLast } = await this.getSchedule();
    let safety: BackupFile | undefined;
    try {
      const key = this.key();
      await restoreLive(this.db, path.join(list.folder, name), {
        key: { key, source: say`this PC's clinic key` },
        beforeReplace: async () => {
          const at = new Date(this.now());
          const done = await backupDatabase(this.db.config, this.db, path.join(list.folder, SAFETY_FOLDER), key, at);
          safety = {
            name: `${SAFETY_FOLDER}/${path.basename(done.file)}`,
            kind: 'BEFORE_RESTORE',
            takenAt: takenAt(done.file).toISOString(),
            bytes: done.bytes,
            key: 'THIS_PC',
          };
          await this.signOutEverywhere();
        },
      });
    } catch (err) {
      if (!(err instanceof BackupError || err instanceof ClinicKeyError)) throw err;
      throw new AppError('CONFLICT', safety ? say`${err.sentence} The database as it was is kept in ${safety.name}, in the backup folder.` : err.sentence);
    }
    // Whoever signed in on another PC while it ran saw the old database: out again.
    await this.signOutEverywhere();
    await insertAudit(this.db.knex, { ...audit, detail: { file: name, safetyBackup: safety!.name } });
    this.pruneSafetyBackups(list.folder, keepLast, safety!);
    return { restored, safetyBackup: safety! };
  }

  /**
   * Every restore leaves a whole database in before-restore/: they are kept as many as the
   * scheduled ones, so a folder restored into now and then does not fill its drive. The one just
   * made is what undoes this restore, so it always stays.
   */
  private pruneSafetyBackups(folder: string, keepLast: number, made: BackupFile): void {
    try {
      pruneBackups(path.join(folder, SAFETY_FOLDER), this.db.mode, keepLast, path.basename(made.name));
    } catch {
      // The restore has happened and is audited; an old safety backup left behind costs only
      // space, and the next restore prunes again.
    }
  }

  private async signOutEverywhere(): Promise<void> {
    this.signOutEveryone();
    await announceReplaced(this.db.knex);
  }

  private readFolder(dir: string): string[] {
    try {
      return fs.readdirSync(dir);
    } catch (err) {
      throw new AppError(
        'CONFLICT',
        say`Clinic Desk cannot read the backup folder ${dir} from this PC (${(err as NodeJS.ErrnoException).code ?? 'error'}). Plug in the drive, or choose the folder again.`,
      );
    }
  }

  async status(): Promise<BackupStatus> {
    const [schedule, last, lastSuccess] = await Promise.all([this.getSchedule(), lastRun(this.db.knex, false), lastRun(this.db.knex, true)]);
    return { schedule, lastRun: last, lastSuccess };
  }

  private async run(trigger: 'MANUAL' | 'SCHEDULED', workstation: string, slot?: string): Promise<BackupRun> {
    const schedule = await this.getSchedule();
    if (!schedule.folder) throw new AppError('INVALID', 'Choose a backup folder first', 'folder');
    const id = await startRun(this.db.knex, trigger, workstation, slot);
    if (id === undefined) throw new AppError('CONFLICT', 'Another PC has just taken this backup');
    try {
      const done = await backupDatabase(this.db.config, this.db, schedule.folder, this.key(), new Date(this.now()));
      // The one just made always stays, whatever this PC's clock says of the others' stamps.
      pruneBackups(schedule.folder, this.db.mode, schedule.keepLast, path.basename(done.file));
      await finishRun(this.db.knex, id, { ok: true, file: done.file, bytes: done.bytes });
    } catch (err) {
      const message = err instanceof BackupError || err instanceof ClinicKeyError ? err.message : `Unexpected error: ${(err as Error).message}`;
      await finishRun(this.db.knex, id, { ok: false, message });
    }
    return (await getRun(this.db.knex, id))!;
  }
}
