import type { Knex } from 'knex';
import type { SettingsDto } from '../../preload/contract';

interface SettingsRow {
  id: number;
  clinic_name: string;
  clinic_address: string;
  time_zone: string;
  default_slot_minutes: number;
  currency: string;
  idle_lock_minutes: number;
  updated_at: string;
}

const COLUMNS: Record<keyof Omit<SettingsDto, 'updatedAt'>, keyof SettingsRow> = {
  clinicName: 'clinic_name',
  clinicAddress: 'clinic_address',
  timeZone: 'time_zone',
  defaultSlotMinutes: 'default_slot_minutes',
  currency: 'currency',
  idleLockMinutes: 'idle_lock_minutes',
};

function toDto(r: SettingsRow): SettingsDto {
  return {
    clinicName: r.clinic_name,
    clinicAddress: r.clinic_address,
    timeZone: r.time_zone,
    defaultSlotMinutes: r.default_slot_minutes,
    currency: r.currency,
    idleLockMinutes: r.idle_lock_minutes,
    updatedAt: r.updated_at,
  };
}

export async function readSettings(knex: Knex): Promise<SettingsDto> {
  const row = await knex<SettingsRow>('clinic_settings').where({ id: 1 }).first();
  if (!row) throw new Error('clinic_settings has no row: the schema is not migrated');
  return toDto(row);
}

export async function writeSettings(
  knex: Knex,
  changes: Partial<Omit<SettingsDto, 'updatedAt'>>,
  updatedBy: number | null,
): Promise<SettingsDto> {
  const update: Record<string, unknown> = { updated_at: knex.fn.now(), updated_by: updatedBy };
  for (const [key, column] of Object.entries(COLUMNS)) {
    const value = changes[key as keyof typeof COLUMNS];
    if (value !== undefined) update[column] = value;
  }
  const [row] = await knex<SettingsRow>('clinic_settings').where({ id: 1 }).update(update).returning('*');
  return toDto(row as SettingsRow);
}
