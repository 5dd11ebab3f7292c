import type { Knex } from 'knex';
import type { SettingsDto } from '../../preload/contract';
import { columnMapper } from '../shared/columns';
import { phoneCountryOf } from './phone-country';

interface SettingsRow {
  id: number;
  clinic_name: string;
  clinic_address: string;
  time_zone: string;
  default_slot_minutes: number;
  currency: string;
  idle_lock_minutes: number;
  phone_country: string | null;
  receipt_paper: SettingsDto['receiptPaper'];
  board_names: SettingsDto['boardNames'];
  board_speaks: boolean;
  updated_at: string;
}

type SettingsFields = Omit<SettingsDto, 'updatedAt' | 'effectivePhoneCountry'>;

const columns = columnMapper<SettingsFields>({
  clinicName: 'clinic_name',
  clinicAddress: 'clinic_address',
  timeZone: 'time_zone',
  defaultSlotMinutes: 'default_slot_minutes',
  currency: 'currency',
  idleLockMinutes: 'idle_lock_minutes',
  phoneCountry: 'phone_country',
  receiptPaper: 'receipt_paper',
  boardNames: 'board_names',
  boardSpeaks: 'board_speaks',
});

function toDto(r: SettingsRow): SettingsDto {
  const fields = columns.fromRow(r);
  return { ...fields, effectivePhoneCountry: phoneCountryOf(fields), updatedAt: r.updated_at };
}

export async function readSettings(knex: Knex): Promise<SettingsDto> {
  const row = await knex<SettingsRow>('clinic_settings').where({ id: 1 }).first();
  if (!row) throw new Error('clinic_settings has no row: the schema is not migrated');
  return toDto(row);
}

export async function writeSettings(knex: Knex, changes: Partial<SettingsFields>, updatedBy: number | null): Promise<SettingsDto> {
  const update = { ...columns.toColumns(changes), updated_at: knex.fn.now(), updated_by: updatedBy };
  const [row] = await knex<SettingsRow>('clinic_settings').where({ id: 1 }).update(update).returning('*');
  return toDto(row as SettingsRow);
}
