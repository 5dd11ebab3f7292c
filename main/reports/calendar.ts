import fs from 'node:fs/promises';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Knex } from 'knex';
import type { ExportResultDto } from '../../preload/contract';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import type { SettingsService } from '../settings/service';
import type { ExportFiles } from './export-files';
import { calendarEntries, doctorName } from './repo';
import type { ReportsService } from './service';

/**
 * A doctor's appointments as an iCalendar file (RFC 5545) for their own calendar app. Times
 * are UTC instants (no VTIMEZONE to get wrong); each appointment keeps one UID and a SEQUENCE
 * that grows with its last change, so importing a fresh file updates the events in place —
 * a cancelled one turns CANCELLED rather than lingering.
 */
export async function writeDoctorCalendar(
  deps: { knex: Knex; settings: SettingsService; reports: ReportsService; files: ExportFiles; now: () => number },
  req: { from: string; to: string; doctorId?: number },
  user: CurrentUser,
  sessionKey: string,
): Promise<ExportResultDto> {
  const { doctorId, from, to } = deps.reports.scope(req, user);
  if (doctorId === undefined) throw new AppError('INVALID', 'Choose the doctor whose schedule to export', 'doctorId');
  const name = await doctorName(deps.knex, doctorId);
  if (name === undefined) throw new AppError('NOT_FOUND', 'No such doctor', 'doctorId');
  const settings = await deps.settings.get();
  const entries = await calendarEntries(deps.knex, doctorId, from, to, settings.timeZone);

  const calendar = ical({
    name: `${name} — ${settings.clinicName || 'Clinic Desk'}`,
    prodId: { company: 'Clinic Desk', product: 'Doctor schedule', language: 'EN' },
  });
  for (const e of entries) {
    calendar.createEvent({
      id: `appointment-${e.id}@clinic-desk`,
      start: new Date(e.start),
      end: new Date(e.end),
      stamp: new Date(deps.now()),
      lastModified: new Date(e.updatedAt),
      sequence: Math.floor(Date.parse(e.updatedAt) / 1000),
      summary: e.tokenNo === null ? e.patientName : `${e.patientName} (token ${e.tokenNo})`,
      description: e.reason,
      status: e.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }

  const fileName = `schedule-${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${from}-to-${to}.ics`;
  const target = await deps.files.target(sessionKey, fileName);
  if (!target) return { fileName, rows: 0, savedTo: null, downloadId: null };
  try {
    await fs.writeFile(target.path, calendar.toString(), { mode: 0o600 });
    await target.done();
  } catch (err) {
    await target.fail();
    throw err;
  }
  return { fileName, rows: entries.length, savedTo: target.savedTo, downloadId: target.downloadId };
}
