import fs from 'node:fs';
import type { z } from 'zod';
import type { BackupRun, BackupSchedule, BackupStatus, saveBackupScheduleSchema } from '../../preload/contract';
import type { Database } from '../db/open';
import { ClinicKeyError, type ClinicKey } from '../secrets/clinic-key';
import { insertAudit } from '../audit/repo';
import { AppError } from '../shared/app-error';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import { backupDatabase } from './backup';
import { BackupError } from './errors';
import { finishRun, getRun, getSchedule, lastRun, saveSchedule, slotTaken, startRun } from './repo';
import { pruneBackups } from './retention';

type SaveSchedule = z.output<typeof saveBackupScheduleSchema>;

/**
 * Backups on demand and on schedule, each recorded in backup_runs. A failed backup leaves a
 * warning for ADMINs that stays until a later one succeeds.
 */
export class BackupService {
  private running: Promise<BackupRun> | undefined;

  constructor(
    private readonly db: Database,
    private readonly settings: SettingsService,
    /** The clinic key backups are encrypted with (kept outside the database and the backups). */
    private readonly key: () => ClinicKey,
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
        `Clinic Desk cannot write to ${req.folder} from this PC (${(err as NodeJS.ErrnoException).code ?? 'error'}). Plug in the drive or choose another folder.`,
        'folder',
      );
    }
    await saveSchedule(this.db.knex, req, userId);
    return this.getSchedule();
  }

  /** A backup now, into the scheduled folder. One at a time per PC. */
  async runNow(workstation: string): Promise<BackupRun> {
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
    if (!schedule.enabled || this.running) return undefined;
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

  async status(): Promise<BackupStatus> {
    const [schedule, last, lastSuccess] = await Promise.all([this.getSchedule(), lastRun(this.db.knex, false), lastRun(this.db.knex, true)]);
    const warning =
      last && last.ok === false
        ? `The backup of ${last.finishedAt} failed: ${last.message ?? 'no reason given'}. ` +
          (lastSuccess ? `The latest good backup is from ${lastSuccess.finishedAt}.` : 'There is no good backup yet.')
        : null;
    return { schedule, lastRun: last, lastSuccess, warning };
  }

  private async run(trigger: 'MANUAL' | 'SCHEDULED', workstation: string, slot?: string): Promise<BackupRun> {
    const schedule = await this.getSchedule();
    if (!schedule.folder) throw new AppError('INVALID', 'Choose a backup folder first', 'folder');
    const id = await startRun(this.db.knex, trigger, workstation, slot);
    if (id === undefined) throw new AppError('CONFLICT', 'Another PC has just taken this backup');
    try {
      const done = await backupDatabase(this.db.config, this.db, schedule.folder, this.key(), new Date(this.now()));
      pruneBackups(schedule.folder, this.db.mode, schedule.keepLast);
      await finishRun(this.db.knex, id, { ok: true, file: done.file, bytes: done.bytes });
    } catch (err) {
      const message = err instanceof BackupError || err instanceof ClinicKeyError ? err.message : `Unexpected error: ${(err as Error).message}`;
      await finishRun(this.db.knex, id, { ok: false, message });
    }
    return (await getRun(this.db.knex, id))!;
  }
}
