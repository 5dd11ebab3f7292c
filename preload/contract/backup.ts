import { z } from 'zod';

// Backups and database health: ADMIN screens only.

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Give the time as HH:MM (24-hour clock)');

/** A folder path on this PC, a mapped/USB drive or a network share: absolute, never relative. */
const absoluteFolder = z
  .string()
  .trim()
  .min(1, 'Choose a folder for the backups')
  .max(1000)
  .refine(
    (p) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\'),
    'Give the full path of the folder (for example D:\\Backups or /media/usb/backups)',
  );

export const backupScheduleSchema = z.object({
  enabled: z.boolean(),
  /** Clinic wall-clock time, in the clinic's time zone. */
  timeOfDay: z.string(),
  folder: z.string(),
  keepLast: z.number().int(),
  updatedAt: z.string().nullable(),
});

export const saveBackupScheduleSchema = z.strictObject({
  enabled: z.boolean(),
  timeOfDay: clockTime,
  folder: absoluteFolder,
  keepLast: z.number().int().min(1, 'Keep at least one backup').max(365, 'Keep at most 365 backups'),
});

export const backupRunSchema = z.object({
  id: z.number(),
  trigger: z.enum(['SCHEDULED', 'MANUAL', 'COMMAND_LINE']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  ok: z.boolean().nullable(),
  file: z.string().nullable(),
  bytes: z.number().nullable(),
  message: z.string().nullable(),
});

export const backupStatusSchema = z.object({
  schedule: backupScheduleSchema,
  lastRun: backupRunSchema.nullable(),
  lastSuccess: backupRunSchema.nullable(),
});

export const healthReportSchema = z.object({
  databaseMode: z.enum(['server', 'embedded']),
  databaseBytes: z.number(),
  tables: z.array(
    z.object({
      name: z.string(),
      rows: z.number(),
      deadRows: z.number(),
      totalBytes: z.number(),
      inserted: z.number(),
      updated: z.number(),
      deleted: z.number(),
      lastVacuum: z.string().nullable(),
      lastAnalyze: z.string().nullable(),
    }),
  ),
  indexes: z.array(z.object({ table: z.string(), name: z.string(), scans: z.number(), tuplesRead: z.number(), tuplesFetched: z.number(), bytes: z.number() })),
  lastBackup: backupRunSchema.nullable(),
  lastSuccessfulBackup: backupRunSchema.nullable(),
});

/**
 * A backup file as the ADMIN's list shows it: its name within the backup folder, the only way a
 * restore names a backup (main restores nothing outside that folder). Safety backups, taken
 * before each restore, sit in the folder's before-restore/ and are listed, so a restore can be undone.
 */
export const backupNameSchema = z
  .string()
  .max(200)
  .regex(
    /^(before-restore\/)?clinic-desk-(server|embedded)-\d{8}-\d{6}(\d{3})?\.(dump|tar\.gz)(\.enc)?$/,
    'Choose a backup from the list: only Clinic Desk backups in the backup folder can be restored',
  );

export const backupFileSchema = z.object({
  name: z.string(),
  kind: z.enum(['BACKUP', 'BEFORE_RESTORE']),
  /** When it was taken (from its name, UTC). */
  takenAt: z.string(),
  bytes: z.number(),
  /** THIS_PC: this PC's clinic key opens it; OTHER_KEY: another clinic key's, refused here; PLAIN: from before encryption. */
  key: z.enum(['THIS_PC', 'OTHER_KEY', 'PLAIN']),
});

export const backupListSchema = z.object({
  /** The scheduled backup folder ('' until one is chosen). */
  folder: z.string(),
  /** This database mode's backups there, newest first. */
  files: z.array(backupFileSchema),
});

export const restoreBackupSchema = z.strictObject({ name: backupNameSchema });

export const restoreResultSchema = z.object({
  restored: backupFileSchema,
  /** The backup of the database as it was just before, taken first: restoring it undoes this. */
  safetyBackup: backupFileSchema,
});

/** The clinic key as text (ADMIN only): with it a backup restores on another PC. */
export const recoveryKeySchema = z.object({ keyId: z.string(), recoveryKey: z.string() });

export type BackupSchedule = z.infer<typeof backupScheduleSchema>;
export type BackupRun = z.infer<typeof backupRunSchema>;
export type BackupStatus = z.infer<typeof backupStatusSchema>;
export type HealthReport = z.infer<typeof healthReportSchema>;
export type RecoveryKey = z.infer<typeof recoveryKeySchema>;
export type BackupFile = z.infer<typeof backupFileSchema>;
export type BackupList = z.infer<typeof backupListSchema>;
export type RestoreResult = z.infer<typeof restoreResultSchema>;
