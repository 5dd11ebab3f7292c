import type { Knex } from 'knex';
import type { AttendanceDto, DaySheetDto, DuesDto, PatientMixDto, ReportFilters, RevenueDto, StatusOverTimeDto, UtilisationDto } from '../../preload/contract';
import { groupBy } from '../../preload/contract/group-by';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import * as repo from './repo';
import { SNAPSHOT_READ } from '../db/snapshot-read';
import { inTransaction } from '../db/transaction';

type Period = StatusOverTimeDto['period'];

/**
 * The clinic's reports. Who sees what is decided here, whatever the screen sends: an ADMIN
 * any doctor (or all), a DOCTOR only their own figures — their doctor is put into every
 * filter, and asking for another doctor is refused. The router admits no other role.
 */
export class ReportsService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * The filters as this user may have them, with every type asked for known: a type that does
   * not exist is refused rather than answered with empty figures that look like a quiet week.
   */
  private async narrow<F extends { doctorId?: number; appointmentTypeIds?: number[] }>(filters: F, user: CurrentUser): Promise<F> {
    const scoped = this.scope(filters, user);
    await this.typeNames(scoped.appointmentTypeIds);
    return scoped;
  }

  /** The names of the types asked for, in the order asked; NOT_FOUND for one that does not exist. */
  async typeNames(typeIds: readonly number[] | undefined): Promise<string[]> {
    if (typeIds === undefined) return [];
    const names = await repo.appointmentTypeNames(this.knex, typeIds);
    const missing = typeIds.filter((id) => !names.has(id));
    if (missing.length > 0) {
      throw new AppError('NOT_FOUND', say`There is no appointment type #${missing.join(', #')}`, 'appointmentTypeIds');
    }
    return typeIds.map((id) => names.get(id)!);
  }

  /** The filters as this user may have them. */
  scope<F extends { doctorId?: number }>(filters: F, user: CurrentUser): F {
    if (user.role === 'ADMIN') return filters;
    if (user.role !== 'DOCTOR') throw new AppError('FORBIDDEN', 'Reports are for administrators and doctors.');
    if (user.doctorId === null) throw new AppError('FORBIDDEN', 'Your account is not linked to a doctor, so there are no figures of your own to show.');
    if (filters.doctorId !== undefined && filters.doctorId !== user.doctorId) {
      throw new AppError('FORBIDDEN', 'A doctor can see only their own figures.', 'doctorId');
    }
    return { ...filters, doctorId: user.doctorId };
  }

  async daySheet(req: { date: string; doctorId?: number; appointmentTypeIds?: number[] }, user: CurrentUser): Promise<DaySheetDto> {
    const { date, doctorId, appointmentTypeIds } = await this.narrow(req, user);
    const [settings, lines] = await Promise.all([this.settings.get(), this.read((trx) => repo.daySheet(trx, date, doctorId, appointmentTypeIds))]);
    const doctors = [...groupBy(lines, (l) => l.doctorId).values()].map((rows) => ({
      doctorId: rows[0]!.doctorId,
      doctorName: rows[0]!.doctorName,
      specialization: rows[0]!.specialization,
      rows: rows.map(({ doctorId: _d, doctorName: _n, specialization: _s, ...row }) => row),
    }));
    return { date, timeZone: settings.timeZone, clinicName: settings.clinicName, currency: settings.currency, doctors };
  }

  async statusOverTime(req: { filters: ReportFilters; period: Period }, user: CurrentUser): Promise<StatusOverTimeDto> {
    const filters = await this.narrow(req.filters, user);
    return { period: req.period, rows: await this.read((trx) => repo.statusOverTime(trx, filters, req.period)) };
  }

  async attendance(filters: ReportFilters, user: CurrentUser): Promise<AttendanceDto> {
    const { timeZone } = await this.settings.get();
    const scoped = await this.narrow(filters, user);
    return this.read((trx) => repo.attendance(trx, scoped, timeZone));
  }

  async utilisation(filters: ReportFilters, user: CurrentUser): Promise<UtilisationDto> {
    const scoped = await this.narrow(filters, user);
    return { rows: await this.read((trx) => repo.utilisation(trx, scoped)) };
  }

  async revenue(filters: ReportFilters, user: CurrentUser): Promise<RevenueDto> {
    const { timeZone } = await this.settings.get();
    const scoped = await this.narrow(filters, user);
    return this.read((trx) => repo.revenue(trx, scoped, timeZone));
  }

  async dues(filters: ReportFilters, user: CurrentUser): Promise<DuesDto> {
    const { timeZone, currency } = await this.settings.get();
    const asOf = clinicNow(timeZone, this.now()).date;
    const scoped = await this.narrow(filters, user);
    return { asOf, currency, ...(await this.read((trx) => repo.dues(trx, scoped, timeZone, asOf))) };
  }

  async patientMix(req: { filters: ReportFilters; period: Period }, user: CurrentUser): Promise<PatientMixDto> {
    const filters = await this.narrow(req.filters, user);
    return { period: req.period, rows: await this.read((trx) => repo.patientMix(trx, filters, req.period)) };
  }

  /**
   * A report's statements in one read-only snapshot, so its figures agree with each other,
   * with JIT compilation off: PostgreSQL judged a year's report worth compiling and spent
   * 1.2 s of a 1.9 s query doing it (bench data, EXPLAIN ANALYZE); the queries run in 0.6 s
   * without. A year's grouping by patient spilled to disk at the default work_mem; a report is
   * one ADMIN's occasional query, so it may hold more, and may have PostgreSQL's own number of
   * parallel workers back (the desks' sessions start without them, main/db/server.ts): a year's
   * scan is where they pay (README, Performance, session 22).
   */
  private read<T>(work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return inTransaction(
      this.knex,
      async (trx) => {
        await trx.raw(
          `SELECT set_config('jit', 'off', true) AS jit, set_config('work_mem', '64MB', true) AS work_mem,
                  set_config(name, boot_val, true) AS parallel_workers
             FROM pg_settings WHERE name = 'max_parallel_workers_per_gather'`,
        );
        return work(trx);
      },
      SNAPSHOT_READ,
    );
  }
}
