import type { Knex } from 'knex';
import type {
  AttendanceDto,
  DaySheetDto,
  DuesDto,
  PatientMixDto,
  ReportFilters,
  RevenueDto,
  StatusOverTimeDto,
  UtilisationDto,
} from '../../preload/contract';
import { groupBy } from '../../preload/contract/group-by';
import type { CurrentUser } from '../ipc/context';
import { AppError } from '../ipc/errors';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import * as repo from './repo';

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

  async daySheet(req: { date: string; doctorId?: number }, user: CurrentUser): Promise<DaySheetDto> {
    const { date, doctorId } = this.scope(req, user);
    const [settings, lines] = await Promise.all([this.settings.get(), repo.daySheet(this.knex, date, doctorId)]);
    const doctors = [...groupBy(lines, (l) => l.doctorId).values()].map((rows) => ({
      doctorId: rows[0]!.doctorId,
      doctorName: rows[0]!.doctorName,
      specialization: rows[0]!.specialization,
      rows: rows.map(({ doctorId: _d, doctorName: _n, specialization: _s, ...row }) => row),
    }));
    return { date, timeZone: settings.timeZone, clinicName: settings.clinicName, currency: settings.currency, doctors };
  }

  async statusOverTime(req: { filters: ReportFilters; period: Period }, user: CurrentUser): Promise<StatusOverTimeDto> {
    return { period: req.period, rows: await repo.statusOverTime(this.knex, this.scope(req.filters, user), req.period) };
  }

  async attendance(filters: ReportFilters, user: CurrentUser): Promise<AttendanceDto> {
    const { timeZone } = await this.settings.get();
    return repo.attendance(this.knex, this.scope(filters, user), timeZone);
  }

  async utilisation(filters: ReportFilters, user: CurrentUser): Promise<UtilisationDto> {
    return { rows: await repo.utilisation(this.knex, this.scope(filters, user)) };
  }

  async revenue(filters: ReportFilters, user: CurrentUser): Promise<RevenueDto> {
    const { timeZone } = await this.settings.get();
    return repo.revenue(this.knex, this.scope(filters, user), timeZone);
  }

  async dues(filters: ReportFilters, user: CurrentUser): Promise<DuesDto> {
    const { timeZone, currency } = await this.settings.get();
    const asOf = clinicNow(timeZone, this.now()).date;
    return { asOf, currency, ...(await repo.dues(this.knex, this.scope(filters, user), timeZone, asOf)) };
  }

  async patientMix(req: { filters: ReportFilters; period: Period }, user: CurrentUser): Promise<PatientMixDto> {
    return { period: req.period, rows: await repo.patientMix(this.knex, this.scope(req.filters, user), req.period) };
  }
}
