import type { Knex } from 'knex';
import type { SettingsDto } from '../../preload/contract';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { isSupportedCountry } from './phone-country';
import { readSettings, writeSettings } from './repo';
import { isValidTimeZone } from './time-zone';

const CACHE_MS = 30_000;

/**
 * Clinic-wide settings. Read on most calls (idle lock, time zone), so they are cached briefly;
 * another PC's change shows here within the cache time.
 */
export class SettingsService {
  private cached: { value: SettingsDto; at: number } | undefined;
  /** Counts this PC's writes: a read that started before one may hold the old values, so it is not kept. */
  private writes = 0;

  constructor(
    private readonly knex: Knex,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<SettingsDto> {
    if (this.cached && this.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const writesBefore = this.writes;
    const value = await readSettings(this.knex);
    if (writesBefore === this.writes) this.cached = { value, at: this.now() };
    return value;
  }

  async update(changes: Partial<Omit<SettingsDto, 'updatedAt' | 'effectivePhoneCountry'>>, userId: number | null, trx: Knex = this.knex): Promise<SettingsDto> {
    if (changes.timeZone !== undefined && !isValidTimeZone(changes.timeZone)) {
      throw new AppError('INVALID', say`"${changes.timeZone}" is not a time zone this PC knows; pick one such as Asia/Kolkata`, 'timeZone');
    }
    if (changes.phoneCountry && !isSupportedCountry(changes.phoneCountry)) {
      throw new AppError(
        'INVALID',
        say`"${changes.phoneCountry}" is not a country whose phone numbers Clinic Desk knows; use a code such as IN`,
        'phoneCountry',
      );
    }
    // Inside a caller's transaction the write may still roll back, so drop the cache, don't fill it.
    const value = await writeSettings(trx, changes, userId);
    this.writes++;
    this.cached = undefined;
    return value;
  }
}
