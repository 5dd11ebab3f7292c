import type { Knex } from 'knex';
import type { BackupRun, BackupSchedule } from '../../preload/contract';
import { CHANGES_CHANNEL, REPLACED_NOTICE } from '../db/changes';

type Trigger = BackupRun['trigger'];

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export async function getSchedule(knex: Knex): Promise<BackupSchedule> {
  const row = await knex('backup_schedule').where({ id: 1 }).first();
  return { enabled: row.enabled, timeOfDay: String(row.time_of_day).slice(0, 5), folder: row.folder, keepLast: row.keep_last, updatedAt: iso(row.updated_at) };
}

export async function saveSchedule(knex: Knex, s: Omit<BackupSchedule, 'updatedAt'>, userId: number): Promise<void> {
  await knex('backup_schedule')
    .where({ id: 1 })
    .update({ enabled: s.enabled, time_of_day: s.timeOfDay, folder: s.folder, keep_last: s.keepLast, updated_at: knex.fn.now(), updated_by: userId });
}

/**
 * Records the start of a run. A scheduled run names its slot; when another PC has already
 * taken that slot, nothing is inserted and undefined comes back.
 */
export async function startRun(knex: Knex, trigger: Trigger, workstation: string, scheduledSlot?: string): Promise<number | undefined> {
  const rows = await knex('backup_runs')
    .insert({ trigger, workstation, scheduled_slot: scheduledSlot ?? null })
    .onConflict('scheduled_slot')
    .ignore()
    .returning('id');
  return rows[0]?.id;
}

export async function finishRun(knex: Knex, id: number, outcome: { ok: boolean; file?: string; bytes?: number; message?: string }): Promise<void> {
  await knex('backup_runs')
    .where({ id })
    .update({ finished_at: knex.fn.now(), ok: outcome.ok, file: outcome.file ?? null, bytes: outcome.bytes ?? null, message: outcome.message ?? null });
}

function toRun(row: Record<string, unknown> | undefined): BackupRun | null {
  if (!row) return null;
  return {
    id: Number(row.id),
    trigger: row.trigger as Trigger,
    startedAt: iso(row.started_at as Date)!,
    finishedAt: iso(row.finished_at as Date | null),
    ok: row.ok as boolean | null,
    file: row.file as string | null,
    bytes: row.bytes === null ? null : Number(row.bytes),
    message: row.message as string | null,
  };
}

export async function getRun(knex: Knex, id: number): Promise<BackupRun | null> {
  return toRun(await knex('backup_runs').where({ id }).first());
}

/** The latest finished run, or the latest successful one. */
export async function lastRun(knex: Knex, onlySuccessful: boolean): Promise<BackupRun | null> {
  const q = knex('backup_runs').whereNotNull('finished_at').orderBy('finished_at', 'desc').orderBy('id', 'desc').first();
  if (onlySuccessful) q.where({ ok: true });
  return toRun(await q);
}

export async function slotTaken(knex: Knex, slot: string): Promise<boolean> {
  return !!(await knex('backup_runs').where({ scheduled_slot: slot }).first('id'));
}

/** Tells every PC listening (this one too) that the clinic database was replaced by a restore. */
export async function announceReplaced(knex: Knex): Promise<void> {
  await knex.raw('SELECT pg_notify(:channel, :notice)', { channel: CHANGES_CHANNEL, notice: REPLACED_NOTICE });
}
