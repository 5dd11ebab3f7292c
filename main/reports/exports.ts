import type { Knex } from 'knex';
import type { z } from 'zod';
import type { ExportKind, ExportResultDto, exportRequestSchema, ReportFilters } from '../../preload/contract';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import type { ExportFiles } from './export-files';
import { appointmentPage, EXPORT_PAGE, patientPage, paymentPage, type AppointmentLine, type PatientLine, type PaymentLine } from './list-repo';
import { doctorName, userName } from './repo';
import type { ReportsService } from './service';
import { writeCsv, writeXlsx, type Cell, type Column, type SheetDocument, type Table } from './sheet';

type ExportRequest = z.output<typeof exportRequestSchema>;

const TITLES: Record<ExportKind, string> = {
  daySheet: 'Day sheet',
  statusOverTime: 'Appointments by status',
  attendance: 'No-shows and cancellations',
  utilisation: 'Utilisation',
  revenue: 'Revenue',
  dues: 'Dues and advances',
  patientMix: 'New and returning patients',
  appointments: 'Appointments',
  payments: 'Payments',
  patients: 'Patients',
};

const col = (header: string, type: Column['type'] = 'text'): Column => ({ header, type });
const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part * 1000) / whole) / 10);
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const table = (title: string, columns: Column[], rows: Cell[][]): Table => ({ title, columns, pages: [rows] });

/** Pages of a keyset-paged list until a short page says it is done. */
async function* pages<T>(next: (after: T | undefined) => Promise<T[]>, toRow: (line: T) => Cell[]): AsyncIterable<Cell[][]> {
  let after: T | undefined;
  for (;;) {
    const lines = await next(after);
    if (lines.length > 0) yield lines.map(toRow);
    if (lines.length < EXPORT_PAGE) return;
    after = lines[lines.length - 1];
  }
}

/**
 * Exports every report and the raw lists as CSV or Excel, the filters written at the top. The
 * scope rules are the reports' own (a DOCTOR exports only their own figures); the patient
 * list is for an ADMIN only. The router audits each export; the detail says what left.
 */
export class ReportExports {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly reports: ReportsService,
    private readonly files: ExportFiles,
    private readonly now: () => number = Date.now,
  ) {}

  async export(req: ExportRequest, user: CurrentUser, sessionKey: string): Promise<ExportResultDto> {
    if (req.kind === 'patients' && user.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'Only an administrator can export the patient list.', 'kind');
    if (req.kind === 'daySheet' && req.filters.from !== req.filters.to) {
      throw new AppError('INVALID', 'A day sheet is one day: choose the same start and end date', 'filters.to');
    }
    const filters = this.reports.scope(req.filters, user);
    const doc: SheetDocument = { heading: await this.heading(req.kind, filters, user), tables: await this.tables(req, filters, user) };
    const fileName = `${TITLES[req.kind].toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${filters.from}${filters.to === filters.from ? '' : `-to-${filters.to}`}.${req.format}`;
    const target = await this.files.target(sessionKey, fileName);
    if (!target) return { fileName, rows: 0, savedTo: null, downloadId: null };
    let rows: number;
    try {
      rows = await (req.format === 'csv' ? writeCsv : writeXlsx)(target.path, doc);
      await target.done();
    } catch (err) {
      await target.fail();
      throw err;
    }
    return { fileName, rows, savedTo: target.savedTo, downloadId: target.downloadId };
  }

  private async heading(kind: ExportKind, f: ReportFilters, user: CurrentUser): Promise<[string, string][]> {
    const settings = await this.settings.get();
    const at = clinicNow(settings.timeZone, this.now());
    const doctor = f.doctorId === undefined ? 'All doctors' : ((await doctorName(this.knex, f.doctorId)) ?? `#${f.doctorId}`);
    const byUser = f.userId === undefined ? 'Everyone' : ((await userName(this.knex, f.userId)) ?? `#${f.userId}`);
    const types = await this.reports.typeNames(f.appointmentTypeIds);
    return [
      ['Report', TITLES[kind]],
      ['Clinic', settings.clinicName],
      ['From', f.from],
      ['To', f.to],
      ['Doctor', doctor],
      ['Specialization', f.specialization ?? 'All'],
      ['Appointment types', types.length > 0 ? types.join(', ') : 'All'],
      [kind === 'revenue' || kind === 'payments' ? 'Received by' : 'Booked by', byUser],
      ['Currency', settings.currency],
      ['Time zone', settings.timeZone],
      ['Exported by', user.email],
      ['Exported at', `${at.date} ${at.time.slice(0, 5)}`],
    ];
  }

  private async tables(req: ExportRequest, f: ReportFilters, user: CurrentUser): Promise<Table[]> {
    const { timeZone } = await this.settings.get();
    switch (req.kind) {
      case 'daySheet': {
        const sheet = await this.reports.daySheet({ date: f.from, doctorId: f.doctorId, appointmentTypeIds: f.appointmentTypeIds }, user);
        const columns = [
          col('Doctor'),
          col('Start'),
          col('End'),
          col('Token', 'int'),
          col('Patient'),
          col('Age', 'int'),
          col('Reason'),
          col('Phone'),
          col('Status'),
          col('Paid', 'money'),
          col('Payment'),
        ];
        const rows = sheet.doctors.flatMap((d) =>
          d.rows.map((r) => [d.doctorName, r.startTime, r.endTime, r.tokenNo, r.patientName, r.age, r.reason, r.phone, r.status, r.paid, r.payment]),
        );
        return [table('Day sheet', columns, rows)];
      }
      case 'statusOverTime': {
        const r = await this.reports.statusOverTime({ filters: f, period: req.period }, user);
        const columns = [
          col(`${req.period[0]!.toUpperCase()}${req.period.slice(1)} starting`, 'date'),
          col('Scheduled', 'int'),
          col('Completed', 'int'),
          col('Cancelled', 'int'),
          col('No-show', 'int'),
          col('Total', 'int'),
        ];
        return [
          table(
            'By status',
            columns,
            r.rows.map((x) => [x.start, x.scheduled, x.completed, x.cancelled, x.noShow, x.total]),
          ),
        ];
      }
      case 'attendance': {
        const r = await this.reports.attendance(f, user);
        const rates = [
          col('Appointments', 'int'),
          col('No-shows', 'int'),
          col('No-show %', 'number'),
          col('Cancellations', 'int'),
          col('Cancellation %', 'number'),
        ];
        const rateCells = (x: { total: number; noShows: number; cancellations: number }): Cell[] => [
          x.total,
          x.noShows,
          percent(x.noShows, x.total),
          x.cancellations,
          percent(x.cancellations, x.total),
        ];
        return [
          table(
            'By doctor',
            [col('Doctor'), ...rates],
            r.byDoctor.map((x) => [x.doctorName, ...rateCells(x)]),
          ),
          table(
            'By weekday and hour',
            [col('Weekday (1 = Monday)', 'int'), col('Hour', 'int'), ...rates],
            r.heatMap.map((x) => [x.weekday, x.hour, ...rateCells(x)]),
          ),
          table(
            'Lead time',
            [col('Booked ahead'), col('Appointments', 'int')],
            [...r.leadTime.buckets.map((b) => [b.label, b.count]), ['average days', r.leadTime.averageDays], ['median days', r.leadTime.medianDays]],
          ),
        ];
      }
      case 'utilisation': {
        const r = await this.reports.utilisation(f, user);
        const columns = [
          col('Doctor'),
          col('Hours available', 'number'),
          col('Hours booked', 'number'),
          col('Hours seen', 'number'),
          col('Booked %', 'number'),
          col('Seen %', 'number'),
        ];
        const rows = r.rows.map((x) => [
          x.doctorName,
          hours(x.availableMinutes),
          hours(x.bookedMinutes),
          hours(x.seenMinutes),
          percent(x.bookedMinutes, x.availableMinutes),
          percent(x.seenMinutes, x.availableMinutes),
        ]);
        return [table('Utilisation', columns, rows)];
      }
      case 'revenue': {
        const r = await this.reports.revenue(f, user);
        const sums = [col('Currency'), col('Received', 'money'), col('Refunded', 'money'), col('Net', 'money'), col('Payments', 'int'), col('Refunds', 'int')];
        const cells = (x: { currency: string; received: string; refunded: string; net: string; payments: number; refunds: number }): Cell[] => [
          x.currency,
          x.received,
          x.refunded,
          x.net,
          x.payments,
          x.refunds,
        ];
        return [
          table('Totals', sums, r.totals.map(cells)),
          table(
            'By doctor',
            [col('Doctor'), ...sums],
            r.byDoctor.map((x) => [x.doctorName, ...cells(x)]),
          ),
          table(
            'By method',
            [col('Method'), ...sums],
            r.byMethod.map((x) => [x.method ?? 'not recorded', ...cells(x)]),
          ),
          table(
            'By user',
            [col('Received by'), ...sums],
            r.byUser.map((x) => [x.userName ?? 'not recorded', ...cells(x)]),
          ),
        ];
      }
      case 'dues': {
        const r = await this.reports.dues(f, user);
        const aged = [col('Age'), col('Appointments', 'int'), col('Amount', 'money')];
        return [
          table(
            `Dues as of ${r.asOf}`,
            aged,
            r.dues.map((x) => [x.bucket, x.appointments, x.amount]),
          ),
          table(
            `Advances as of ${r.asOf}`,
            aged,
            r.advances.map((x) => [x.bucket, x.appointments, x.amount]),
          ),
          table(
            'By doctor',
            [col('Doctor'), col('Dues', 'money'), col('Advances', 'money')],
            r.byDoctor.map((x) => [x.doctorName, x.dues, x.advances]),
          ),
        ];
      }
      case 'patientMix': {
        const r = await this.reports.patientMix({ filters: f, period: req.period }, user);
        return [
          table(
            'New and returning',
            [col('Period starting', 'date'), col('New patients', 'int'), col('Returning patients', 'int')],
            r.rows.map((x) => [x.start, x.newPatients, x.returningPatients]),
          ),
        ];
      }
      case 'appointments':
        return [
          {
            title: 'Appointments',
            columns: [
              col('Id', 'int'),
              col('Date', 'date'),
              col('Start'),
              col('End'),
              col('Token', 'int'),
              col('Doctor'),
              col('Specialization'),
              col('Patient id', 'int'),
              col('Patient'),
              col('Phone'),
              col('Status'),
              col('Reason'),
              col('Walk-in'),
              col('Booked by'),
              col('Cancellation reason'),
            ],
            pages: pages<AppointmentLine>(
              (after) => appointmentPage(this.knex, f, after),
              (a) => [
                a.id,
                a.date,
                a.startTime.slice(0, 5),
                a.endTime.slice(0, 5),
                a.tokenNo,
                a.doctorName,
                a.specialization,
                a.patientId,
                a.patientName,
                a.phone,
                a.status,
                a.reason,
                a.isWalkIn,
                a.bookedBy,
                a.cancelReason,
              ],
            ),
          },
        ];
      case 'payments':
        return [
          {
            title: 'Payments',
            columns: [
              col('Id', 'int'),
              col('Receipt'),
              col('Received at'),
              col('Kind'),
              col('Amount', 'money'),
              col('Currency'),
              col('Method'),
              col('Reference'),
              col('Status'),
              col('Patient'),
              col('Doctor'),
              col('Appointment date', 'date'),
              col('Received by'),
              col('Note'),
            ],
            pages: pages<PaymentLine>(
              (after) => paymentPage(this.knex, f, timeZone, after),
              (p) => [
                p.id,
                p.receiptNumber,
                p.receivedAt,
                p.kind,
                p.amount,
                p.currency,
                p.method,
                p.reference,
                p.status,
                p.patientName,
                p.doctorName,
                p.appointmentDate,
                p.receivedBy,
                p.note,
              ],
            ),
          },
        ];
      case 'patients':
        return [
          {
            title: 'Patients registered',
            columns: [
              col('Id', 'int'),
              col('Name'),
              col('Phone'),
              col('Email'),
              col('Date of birth', 'date'),
              col('Gender'),
              col('Address'),
              col('Registered', 'date'),
            ],
            pages: pages<PatientLine>(
              (after) => patientPage(this.knex, f, timeZone, after),
              (p) => [p.id, p.name, p.phone, p.email, p.dateOfBirth, p.gender, p.address, p.registered],
            ),
          },
        ];
    }
  }
}
