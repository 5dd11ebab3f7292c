import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResultDto } from '../../preload/contract';
import { neutralise } from '../../main/reports/sheet';
import { MODES, type Mode } from '../support/databases';
import { expectOk, startHarness, type Harness } from '../support/harness';
import { buildSmallClinic, RANGE, type SmallClinic } from './clinic';

/** RFC 4180 fields, written out here rather than taken from the code under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+1+1', '-2+3', '@SUM(A1:A9)', '\tcmd', '\rcmd'];

describe.each(MODES)('exports (%s)', (mode: Mode) => {
  let h: Harness;
  let c: SmallClinic;
  let bulkDoctor: number;
  const saved = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-export-test-'));
  let chooserAnswer: string | null = null;

  beforeAll(async () => {
    h = await startHarness(mode, undefined, {});
    c = await buildSmallClinic(h);
    // Text that a spreadsheet would run as a formula, in every text field a desk can type into.
    const [{ id: hostileDoctor }] = await h
      .knex('doctor_entities')
      .insert({ name: '=cmd|"/c calc"!A1', email: 'hostile@reports.test', specialization: '@Surgery' })
      .returning('id');
    for (const [i, text] of HOSTILE.entries()) {
      const [{ id: patient }] = await h
        .knex('patient_entities')
        .insert({ name: text, email: `hostile${i}@reports.test`, phone: '+919800001000' })
        .returning('id');
      await h
        .knex('appointment_entities')
        .insert({ patient_id: patient, doctor_id: hostileDoctor, appointment_date: '2026-03-07', start_time: `1${i}:00`, end_time: `1${i}:15`, reason: text });
    }
    // 2,500 appointments: more than one page of the export's keyset paging.
    [{ id: bulkDoctor }] = await h.knex('doctor_entities').insert({ name: 'Dr. Bulk', email: 'bulk@reports.test' }).returning('id');
    await h.knex.raw(
      `WITH p AS (
         INSERT INTO patient_entities (name, email) SELECT 'Bulk ' || g, 'bulk' || g || '@reports.test' FROM generate_series(1, 2500) g RETURNING id)
       INSERT INTO appointment_entities (patient_id, doctor_id, appointment_date, start_time, end_time)
       SELECT id, ?, DATE '2026-03-10' + (n / 288), TIME '00:00' + make_interval(mins => (n % 288) * 5), TIME '00:00' + make_interval(mins => (n % 288) * 5 + 5)
         FROM (SELECT id, (row_number() OVER (ORDER BY id) - 1)::int AS n FROM p) numbered
        WHERE n % 288 < 287`,
      [bulkDoctor],
    );
  });
  afterAll(async () => {
    await h.dispose();
    fs.rmSync(saved, { recursive: true, force: true });
  });

  /** Exports in browser mode and takes the download as the bridge would: the file's bytes. */
  async function download(payload: Record<string, unknown>, key = c.admin.sessionKey): Promise<{ result: ExportResultDto; file: Buffer }> {
    const result = expectOk<ExportResultDto>(await h.callRaw('reports.export', payload, key));
    expect(result.savedTo).toBeNull();
    const taken = h.services.exportFiles.take(key, result.downloadId!)!;
    const file = fs.readFileSync(taken.path);
    taken.release();
    expect(fs.existsSync(taken.path)).toBe(false);
    return { result, file };
  }

  it('revenue as CSV: the filters on top, then each table with the hand-computed figures', async () => {
    const { result, file } = await download({ kind: 'revenue', format: 'csv', filters: { ...RANGE, userId: c.desk.userId } });
    expect(result).toMatchObject({ fileName: 'revenue-2026-03-02-to-2026-03-08.csv', rows: 6 });
    expect(file.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(file.toString('utf8').slice(1));
    const heading = Object.fromEntries(rows.slice(0, 12).map(([k, v]) => [k, v]));
    expect(heading).toMatchObject({
      Report: 'Revenue',
      Clinic: 'Sunrise Clinic',
      From: '2026-03-02',
      To: '2026-03-08',
      Doctor: 'All doctors',
      Specialization: 'All',
      'Appointment types': 'All',
      'Received by': expect.stringMatching(/RECEPTIONIST/),
      Currency: 'INR',
      'Time zone': 'Asia/Kolkata',
    });
    const rest = rows.slice(12);
    expect(rest).toEqual([
      [''],
      ['Totals'],
      ['Currency', 'Received', 'Refunded', 'Net', 'Payments', 'Refunds'],
      ['INR', '800.00', '0.00', '800.00', '2', '0'],
      [''],
      ['By doctor'],
      ['Doctor', 'Currency', 'Received', 'Refunded', 'Net', 'Payments', 'Refunds'],
      ['Dr. Asha Rao', 'INR', '600.00', '0.00', '600.00', '1', '0'],
      ['Dr. Vikram Sen', 'INR', '200.00', '0.00', '200.00', '1', '0'],
      [''],
      ['By method'],
      ['Method', 'Currency', 'Received', 'Refunded', 'Net', 'Payments', 'Refunds'],
      ['CASH', 'INR', '600.00', '0.00', '600.00', '1', '0'],
      ['CARD', 'INR', '200.00', '0.00', '200.00', '1', '0'],
      [''],
      ['By user'],
      ['Received by', 'Currency', 'Received', 'Refunded', 'Net', 'Payments', 'Refunds'],
      [expect.stringMatching(/RECEPTIONIST/), 'INR', '800.00', '0.00', '800.00', '2', '0'],
    ]);
  });

  it('revenue as Excel: one sheet per table, money as numbers (a refund stays a negative number, not text)', async () => {
    const { file } = await download({ kind: 'revenue', format: 'xlsx', filters: RANGE });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(['Totals', 'By doctor', 'By method', 'By user']);
    const values = (sheet: ExcelJS.Worksheet) => Array.from({ length: sheet.rowCount }, (_, i) => (sheet.getRow(i + 1).values as unknown[]).slice(1));
    const totals = values(book.getWorksheet('Totals')!);
    expect(totals[0]).toEqual(['Report', 'Revenue']);
    expect(totals.slice(12)).toEqual([[], ['Totals'], ['Currency', 'Received', 'Refunded', 'Net', 'Payments', 'Refunds'], ['INR', 1600, 100, 1500, 4, 1]]);
    const byUser = values(book.getWorksheet('By user')!).slice(15);
    expect(byUser).toContainEqual([expect.stringMatching(/ADMIN/), 'INR', 0, 100, -100, 0, 1]);
    expect(byUser).toContainEqual(['not recorded', 'INR', 500, 0, 500, 1, 0]);
  });

  it('a type filter is written in the heading (names in the order asked) and narrows every table and list', async () => {
    const revenue = await download({ kind: 'revenue', format: 'csv', filters: { ...RANGE, appointmentTypeIds: [c.types.followUp] } });
    const rows = parseCsv(revenue.file.toString('utf8').slice(1));
    expect(rows[5]).toEqual(['Specialization', 'All']);
    expect(rows[6]).toEqual(['Appointment types', 'Follow-up']);
    // Follow-ups a1 and a4: 600 cash, 300 UPI and its 100 refund.
    expect(rows.slice(12, 16)).toEqual([
      [''],
      ['Totals'],
      ['Currency', 'Received', 'Refunded', 'Net', 'Payments', 'Refunds'],
      ['INR', '900.00', '100.00', '800.00', '2', '1'],
    ]);

    const list = await download({ kind: 'appointments', format: 'xlsx', filters: { ...RANGE, appointmentTypeIds: [c.types.followUp, c.types.newVisit] } });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(list.file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(7).values as unknown[]).slice(1)).toEqual(['Appointment types', 'Follow-up, New visit']);
    const ids: number[] = [];
    sheet.eachRow((row, n) => {
      if (n > 15) ids.push(row.getCell(1).value as number);
    });
    // Everything in the range but the untyped walk-in a6 (and the hostile doctor's untyped ones).
    const { a1, a2, a3, a4, a5 } = c.appointments;
    expect(ids).toEqual([a1, a2, a3, a4, a5]);
    expect(list.result.rows).toBe(5);
  });

  it('neutralises text that a spreadsheet would run as a formula, in CSV and in Excel', async () => {
    expect(HOSTILE.map(neutralise)).toEqual(HOSTILE.map((t) => `'${t}`));
    expect(['Ravi', '0.5', ' =x', 'a=b'].map(neutralise)).toEqual(['Ravi', '0.5', ' =x', 'a=b']);
    const filters = { from: '2026-03-07', to: '2026-03-07', specialization: '@Surgery' };
    const csv = parseCsv((await download({ kind: 'appointments', format: 'csv', filters })).file.toString('utf8').slice(1));
    expect(csv.find((r) => r[0] === 'Specialization')?.[1]).toBe("'@Surgery");
    const header = csv.findIndex((r) => r[0] === 'Id');
    const lines = csv.slice(header + 1);
    expect(lines.map((r) => [r[5], r[6], r[8], r[11]])).toEqual(HOSTILE.map((t) => [`'=cmd|"/c calc"!A1`, "'@Surgery", `'${t}`, `'${t}`]));

    const { file } = await download({ kind: 'appointments', format: 'xlsx', filters });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const cells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell)));
    // No cell is a formula, and every hostile text comes back as text behind an apostrophe.
    expect(cells.filter((cell) => cell.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const texts = cells.map((cell) => cell.value).filter((v): v is string => typeof v === 'string');
    // XML reads a carriage return back as a line feed (line-end normalisation); the apostrophe is what counts.
    const asRead = (t: string) => t.replaceAll('\r', '\n');
    for (const t of HOSTILE) expect([t, texts.filter((v) => v === asRead(`'${t}`)).length]).toEqual([t, 2]);
    expect(texts.some((v) => HOSTILE.map(asRead).includes(v))).toBe(false);
  });

  it('streams a list longer than one page: every appointment once, in date and time order', async () => {
    const filters = { from: '2026-03-10', to: '2026-03-24', doctorId: bulkDoctor };
    const expected: { id: number }[] = await h
      .knex('appointment_entities')
      .where({ doctor_id: bulkDoctor })
      .orderBy(['appointment_date', 'start_time', 'id'])
      .select('id');
    expect(expected).toHaveLength(2500 - Math.floor(2500 / 288));
    const { result, file } = await download({ kind: 'appointments', format: 'xlsx', filters });
    expect(result.rows).toBe(expected.length);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file as unknown as ArrayBuffer);
    const ids: number[] = [];
    book.worksheets[0]!.eachRow((row, n) => {
      if (n > 15) ids.push(row.getCell(1).value as number);
    });
    expect(ids).toEqual(expected.map((r) => r.id));
  });

  it('hands a download only to the session that made it, and only once; audits what left', async () => {
    const result = expectOk<ExportResultDto>(await h.callRaw('reports.export', { kind: 'payments', format: 'csv', filters: RANGE }, c.admin.sessionKey));
    expect(h.services.exportFiles.take(c.desk.sessionKey, result.downloadId!)).toBeUndefined();
    const taken = h.services.exportFiles.take(c.admin.sessionKey, result.downloadId!);
    expect(taken).toBeDefined();
    taken!.release();
    expect(h.services.exportFiles.take(c.admin.sessionKey, result.downloadId!)).toBeUndefined();
    // Payments received in the range: 600, 300, −100, 200 and the legacy 500 (pending and the 9th's left out).
    expect(result.rows).toBe(5);
    const audit = await h.knex('audit_log').where({ action: 'reports.export', user_id: c.admin.userId }).orderBy('id', 'desc').first();
    expect(audit).toMatchObject({ entity: 'export', outcome: 'OK', detail: { kind: 'payments', format: 'csv', rows: 5, filters: RANGE, cancelled: false } });
  });

  it('keeps the patient list to ADMIN and a day sheet to one day', async () => {
    const doctor = await h.signInAs('DOCTOR', { doctorId: c.asha });
    expect(await h.callRaw('reports.export', { kind: 'patients', format: 'csv', filters: RANGE }, doctor.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', field: 'kind' },
    });
    expect(await h.callRaw('reports.export', { kind: 'daySheet', format: 'csv', filters: RANGE }, c.admin.sessionKey)).toMatchObject({
      ok: false,
      error: { code: 'INVALID', message: 'A day sheet is one day: choose the same start and end date' },
    });
    // A DOCTOR's export is their own: Asha's appointments only, whatever the filters leave open.
    const { file } = await download({ kind: 'appointments', format: 'csv', filters: RANGE }, doctor.sessionKey);
    const csv = parseCsv(file.toString('utf8').slice(1));
    expect(csv.find((r) => r[0] === 'Doctor')?.[1]).toBe('Dr. Asha Rao');
    const lines = csv.slice(csv.findIndex((r) => r[0] === 'Id') + 1);
    expect(lines.map((r) => Number(r[0]))).toEqual([c.appointments.a1, c.appointments.a2, c.appointments.a3]);
  });

  it('a doctor’s schedule as iCalendar: UTC times, one UID per appointment, cancellations marked', async () => {
    const result = expectOk<ExportResultDto>(await h.callRaw('reports.calendar', { ...RANGE, doctorId: c.asha }, c.admin.sessionKey));
    expect(result).toMatchObject({ rows: 3, fileName: 'schedule-dr-asha-rao-2026-03-02-to-2026-03-08.ics' });
    const taken = h.services.exportFiles.take(c.admin.sessionKey, result.downloadId!)!;
    const calendar = new ICAL.Component(ICAL.parse(fs.readFileSync(taken.path, 'utf8')));
    taken.release();
    const events = calendar.getAllSubcomponents('vevent').map((v) => {
      const e = new ICAL.Event(v);
      return {
        uid: e.uid,
        start: e.startDate.toJSDate().toISOString(),
        end: e.endDate.toJSDate().toISOString(),
        summary: e.summary,
        status: v.getFirstPropertyValue('status'),
      };
    });
    // 09:00 in Kolkata is 03:30 UTC.
    expect(events).toEqual([
      {
        uid: `appointment-${c.appointments.a1}@clinic-desk`,
        start: '2026-03-02T03:30:00.000Z',
        end: '2026-03-02T03:45:00.000Z',
        summary: 'Ravi Kumar (token 1)',
        status: 'CONFIRMED',
      },
      {
        uid: `appointment-${c.appointments.a2}@clinic-desk`,
        start: '2026-03-02T03:45:00.000Z',
        end: '2026-03-02T04:00:00.000Z',
        summary: 'Meena Iyer',
        status: 'CONFIRMED',
      },
      {
        uid: `appointment-${c.appointments.a3}@clinic-desk`,
        start: '2026-03-02T04:30:00.000Z',
        end: '2026-03-02T05:00:00.000Z',
        summary: 'Tara Das',
        status: 'CANCELLED',
      },
    ]);
    expect(await h.callRaw('reports.calendar', RANGE, c.admin.sessionKey)).toMatchObject({ ok: false, error: { code: 'INVALID', field: 'doctorId' } });
  });

  describe('in the app: the desk picks the path in the save dialog', () => {
    let app: Harness;
    beforeAll(async () => {
      app = await startHarness(mode, h.db, { chooseSavePath: async () => chooserAnswer });
    });
    afterAll(() => app.dispose());

    it('writes the file where the desk chose, and nothing when the dialog is cancelled', async () => {
      const admin = await app.signInAs('ADMIN');
      chooserAnswer = path.join(saved, 'revenue.csv');
      const result = expectOk<ExportResultDto>(await app.callRaw('reports.export', { kind: 'revenue', format: 'csv', filters: RANGE }, admin.sessionKey));
      expect(result).toMatchObject({ savedTo: chooserAnswer, downloadId: null, rows: 10 });
      expect(fs.readFileSync(chooserAnswer, 'utf8')).toContain('INR,1600.00,100.00,1500.00,4,1');
      expect(fs.readdirSync(saved)).toEqual(['revenue.csv']);

      chooserAnswer = null;
      const cancelled = expectOk<ExportResultDto>(await app.callRaw('reports.export', { kind: 'revenue', format: 'xlsx', filters: RANGE }, admin.sessionKey));
      expect(cancelled).toMatchObject({ savedTo: null, downloadId: null, rows: 0 });
      expect(fs.readdirSync(saved)).toEqual(['revenue.csv']);
      const audit = await app.knex('audit_log').where({ action: 'reports.export', user_id: admin.userId }).orderBy('id', 'desc').first();
      expect(audit.detail).toMatchObject({ format: 'xlsx', cancelled: true });
    });
  });
});
