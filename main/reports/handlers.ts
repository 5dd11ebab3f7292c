import type { Knex } from 'knex';
import type { AuditRecord } from '../audit/repo';
import type { Call, DomainHandlers, Router } from '../ipc/router';
import type { SettingsService } from '../settings/service';
import { writeDoctorCalendar } from './calendar';
import type { ExportFiles } from './export-files';
import { ReportExports } from './exports';
import { ReportsService } from './service';

/** What left the clinic, in the export's audit row (the router writes it once the file is written). */
function auditDetail(call: Call & { audit: AuditRecord }, detail: Record<string, unknown>): void {
  call.audit.detail = detail;
}

export function registerReportHandlers(router: Router, deps: { knex: Knex; settings: SettingsService; files: ExportFiles; now: () => number }): void {
  const reports = new ReportsService(deps.knex, deps.settings, deps.now);
  const exports = new ReportExports(deps.knex, deps.settings, reports, deps.files, deps.now);
  router.handleAll({
    'reports.daySheet': (req, { user }) => reports.daySheet(req, user),
    'reports.statusOverTime': (req, { user }) => reports.statusOverTime(req, user),
    'reports.attendance': (req, { user }) => reports.attendance(req, user),
    'reports.utilisation': (req, { user }) => reports.utilisation(req, user),
    'reports.revenue': (req, { user }) => reports.revenue(req, user),
    'reports.dues': (req, { user }) => reports.dues(req, user),
    'reports.patientMix': (req, { user }) => reports.patientMix(req, user),
    'reports.export': async (req, call) => {
      const result = await exports.export(req, call.user, call.ctx.sessionKey);
      auditDetail(call, {
        kind: req.kind,
        format: req.format,
        filters: reports.scope(req.filters, call.user),
        rows: result.rows,
        fileName: result.fileName,
        cancelled: !result.savedTo && !result.downloadId,
      });
      return result;
    },
    'reports.calendar': async (req, call) => {
      const result = await writeDoctorCalendar({ ...deps, reports }, req, call.user, call.ctx.sessionKey);
      auditDetail(call, {
        kind: 'calendar',
        filters: reports.scope(req, call.user),
        rows: result.rows,
        fileName: result.fileName,
        cancelled: !result.savedTo && !result.downloadId,
      });
      return result;
    },
  } satisfies DomainHandlers<'reports'>);
}
