import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, ROLES, channels, type ChannelName, type ChannelSpec, type Req, type Role } from '../../preload/contract';
import { insertUser } from '../../main/users/repo';
import { clinicNow } from '../../main/settings/clinic-time';
import { MODES, type Mode } from '../support/databases';
import { configureVideo } from '../support/fake-twilio';
import { configureRazorpay } from '../support/fake-razorpay';
import { TEST_PASSWORD, databaseSnapshot, startHarness, testPasswordHash, type Harness } from '../support/harness';
import { ROLE_TABLE, type Rule } from '../policy/role-table';

/**
 * One valid call per channel. Typed over every channel name, so a channel added to the
 * contract without its fixture does not compile, and the suite below runs for it automatically.
 */
type Fixture<C extends ChannelName> = (h: Harness, caller: { userId: number }) => Promise<Req<C>>;

let n = 0;
const unique = (prefix: string) => `${prefix}${++n}.${process.pid}@clinic.test`;

/** One scratch backup folder for this file. */
const BACKUP_FOLDER = path.join(os.tmpdir(), `clinic-matrix-backups-${process.pid}`);
const backupFolder = () => {
  fs.mkdirSync(BACKUP_FOLDER, { recursive: true });
  return BACKUP_FOLDER;
};
afterAll(() => fs.rmSync(BACKUP_FOLDER, { recursive: true, force: true }));

async function someUser(h: Harness): Promise<number> {
  const user = await insertUser(h.knex, {
    email: unique('someone'),
    passwordHash: await testPasswordHash(),
    role: 'RECEPTIONIST',
    displayName: 'Someone',
    doctorId: null,
  });
  return user.id;
}

async function somePatient(h: Harness): Promise<number> {
  const [{ id }] = await h
    .knex('patient_entities')
    .insert({ name: 'Asha Verma', email: unique('patient') })
    .returning('id');
  return id;
}

async function someDoctor(h: Harness): Promise<number> {
  const [{ id }] = await h
    .knex('doctor_entities')
    .insert({ name: 'Dr. Fixture', email: unique('fixture-doctor') })
    .returning('id');
  return id;
}

const WEEKDAY_MORNINGS = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, startTime: '09:00', endTime: '13:00', slotMinutes: 15 }));

async function doctorWithTemplate(h: Harness): Promise<number> {
  const id = await someDoctor(h);
  await h
    .knex('availability_templates')
    .insert({ doctor_id: id, weekday: 1, start_time: '09:00', end_time: '13:00', slot_minutes: 15, valid_from: '2026-01-01' });
  return id;
}

async function someWindow(h: Harness): Promise<number> {
  const [{ id }] = await h
    .knex('doctor_availabilities')
    .insert({ doctor_id: await someDoctor(h), date: '2026-12-03', start_time: '16:00', end_time: '19:00' })
    .returning('id');
  return id;
}

const FUTURE = '2099-01-05';
// The clinic's date, not the test machine's: a fixture may have set a zone far from UTC.
const today = async (h: Harness) => clinicNow((await h.services.settings.get()).timeZone).date;

async function somePatientAndDoctor(h: Harness, date = FUTURE): Promise<{ patientId: number; doctorId: number }> {
  const doctorId = await someDoctor(h);
  await h.knex('doctor_availabilities').insert({ doctor_id: doctorId, date, start_time: '00:00', end_time: '24:00' });
  return { patientId: await somePatient(h), doctorId };
}

async function someAppointment(h: Harness, date = FUTURE, extra: Record<string, unknown> = {}): Promise<number> {
  const { patientId, doctorId } = await somePatientAndDoctor(h, date);
  const [{ id }] = await h
    .knex('appointment_entities')
    .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: date, start_time: '09:00', end_time: '09:15', ...extra })
    .returning('id');
  return id;
}

async function someAppointmentType(h: Harness): Promise<number> {
  const [{ id }] = await h
    .knex('appointment_types')
    .insert({ name: `Fixture visit ${++n}.${process.pid}`, duration_minutes: 20, fee: '800.00' })
    .returning('id');
  return id;
}

async function someSeriesAppointment(h: Harness): Promise<number> {
  const { patientId, doctorId } = await somePatientAndDoctor(h);
  const [{ id: seriesId }] = await h
    .knex('appointment_series')
    .insert({ patient_id: patientId, doctor_id: doctorId, rule: 'RRULE:FREQ=WEEKLY;COUNT=1' })
    .returning('id');
  return someAppointmentOf(h, patientId, doctorId, { series_id: seriesId });
}

async function someAppointmentOf(h: Harness, patientId: number, doctorId: number, extra: Record<string, unknown>): Promise<number> {
  const [{ id }] = await h
    .knex('appointment_entities')
    .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: FUTURE, start_time: '09:00', end_time: '09:15', ...extra })
    .returning('id');
  return id;
}

async function someWaitlistEntry(h: Harness, doctorId?: number): Promise<number> {
  const [{ id }] = await h
    .knex('waitlist_entries')
    .insert({ patient_id: await somePatient(h), doctor_id: doctorId ?? (await someDoctor(h)), from_date: FUTURE, to_date: FUTURE })
    .returning('id');
  return id;
}

async function someOffer(h: Harness): Promise<number> {
  const { doctorId } = await somePatientAndDoctor(h);
  const [{ id }] = await h
    .knex('waitlist_offers')
    .insert({ entry_id: await someWaitlistEntry(h, doctorId), doctor_id: doctorId, date: FUTURE, start_time: '10:00', end_time: '10:15' })
    .returning('id');
  return id;
}

async function someSession(h: Harness, date = FUTURE): Promise<number> {
  const [{ id }] = await h
    .knex('opd_sessions')
    .insert({ doctor_id: await someDoctor(h), date, start_time: '10:00', end_time: '12:00', capacity: 20, emergency_reserve: 2, room: 'OPD 3' })
    .returning('id');
  return id;
}

async function somePayment(h: Harness, extra: Record<string, unknown> = {}): Promise<number> {
  const [{ id }] = await h
    .knex('payments')
    .insert({
      appointment_id: await someAppointment(h),
      amount: '500.00',
      status: 'PAID',
      payment_method: 'CASH',
      order_id: `FIXTURE-${++n}.${process.pid}`,
      paid_at: h.knex.fn.now(),
      ...extra,
    })
    .returning('id');
  return id;
}

/** An appointment whose doctor charges a fee, so something is due, with the clinic's UPI ID and Razorpay keys set. */
async function appointmentWithDue(h: Harness): Promise<number> {
  await configureRazorpay(h);
  const id = await someAppointment(h);
  const { doctor_id: doctorId } = await h.knex('appointment_entities').where({ id }).first('doctor_id');
  await h.knex('doctor_entities').where({ id: doctorId }).update({ consultation_fee: '650.50' });
  return id;
}

async function someCallSession(h: Harness): Promise<string> {
  await configureVideo(h.knex);
  const roomSid = `RM${(++n).toString(16).padStart(32, '0')}`;
  await h.knex('video_call_sessions').insert({ appointment_id: await someAppointment(h), session_id: roomSid, room_name: `fixture-room-${n}` });
  return roomSid;
}

/** A day of its own each time, so one fixture's holiday never refuses the next. */
const someFreeDay = () => new Date(Date.UTC(2031, 0, 1 + ++n)).toISOString().slice(0, 10);

async function someHoliday(h: Harness): Promise<number> {
  const [{ id }] = await h.knex('clinic_holidays').insert({ date: someFreeDay(), name: 'Founders Day' }).returning('id');
  return id;
}

const fixtures: { [C in ChannelName]: Fixture<C> } = {
  'app.info': async () => ({}),
  'auth.status': async () => ({}),
  'auth.createFirstAdmin': async (h) => {
    await h.knex('users').del();
    return {
      clinicName: 'Sunrise Clinic',
      timeZone: 'Asia/Kolkata',
      email: unique('first'),
      displayName: 'First Admin',
      password: 'a long unusual passphrase',
    };
  },
  'auth.login': async (h) => {
    const email = unique('login');
    await insertUser(h.knex, { email, passwordHash: await testPasswordHash(), role: 'RECEPTIONIST', displayName: 'Desk', doctorId: null });
    return { email, password: TEST_PASSWORD };
  },
  'auth.logout': async () => ({}),
  'auth.lock': async () => ({}),
  'auth.unlock': async () => ({ password: TEST_PASSWORD }),
  'auth.touch': async () => ({}),
  'auth.changePassword': async () => ({ currentPassword: TEST_PASSWORD, newPassword: 'another long passphrase' }),
  'auth.setLanguage': async () => ({ language: 'hi' }),
  'users.list': async () => ({}),
  'users.create': async () => ({ email: unique('new'), displayName: 'New Desk', role: 'RECEPTIONIST', password: 'receptionist passphrase 1' }),
  'users.update': async (h) => ({ id: await someUser(h), displayName: 'Renamed' }),
  'users.setDisabled': async (h) => ({ id: await someUser(h), disabled: true }),
  'users.resetPassword': async (h) => ({ id: await someUser(h), password: 'reset passphrase 12' }),
  'users.unlock': async (h) => ({ id: await someUser(h) }),
  'audit.list': async () => ({ limit: 10 }),
  'doctors.list': async () => ({ specialization: 'Cardiology', includeInactive: false }),
  'doctors.specializations': async () => ({}),
  'doctors.create': async () => ({ name: 'Dr. Nair', email: unique('nair'), specialization: 'ENT', experience: 12, consultationFee: '650.00', rating: '4.5' }),
  'doctors.update': async (h) => ({ id: await someDoctor(h), consultationFee: '700' }),
  'doctors.setActive': async (h) => ({ id: await someDoctor(h), active: false }),
  'doctors.delete': async (h) => ({ id: await someDoctor(h) }),
  'availability.getTemplate': async (h) => ({ doctorId: await doctorWithTemplate(h) }),
  'availability.saveTemplate': async (h) => ({ doctorId: await someDoctor(h), rules: WEEKDAY_MORNINGS, validFrom: '2026-01-01' }),
  'availability.previewTemplate': async () => ({ rules: WEEKDAY_MORNINGS, from: '2026-12-01', to: '2026-12-07' }),
  'availability.expand': async (h) => ({ doctorId: await doctorWithTemplate(h), from: '2026-12-01', to: '2026-12-31' }),
  'availability.addException': async (h) => ({ doctorId: await someDoctor(h), date: '2026-12-02', kind: 'LEAVE', note: 'Conference' }),
  'availability.removeWindow': async (h) => ({ id: await someWindow(h) }),
  'availability.range': async (h) => ({ doctorIds: [await someDoctor(h)], from: '2026-12-01', to: '2026-12-07' }),
  'holidays.list': async () => ({ from: '2027-01-01', to: '2027-12-31' }),
  'holidays.add': async () => ({ date: someFreeDay(), name: 'Clinic Foundation Day' }),
  'holidays.rename': async (h) => ({ id: await someHoliday(h), name: 'Founders Day (observed)' }),
  'holidays.remove': async (h) => ({ id: await someHoliday(h) }),
  'holidays.import': async () => ({ list: 'IN-2027' }),
  'appointmentTypes.list': async (h) => ({ doctorId: await someDoctor(h), includeInactive: true }),
  'appointmentTypes.create': async (h) => ({
    name: `New visit ${++n}.${process.pid}`,
    durationMinutes: 20,
    fee: '800',
    bufferAfterMinutes: 5,
    doctors: [{ doctorId: await someDoctor(h), fee: '650.50', isDefault: true }],
  }),
  'appointmentTypes.update': async (h) => ({ id: await someAppointmentType(h), fee: '400', durationMinutes: 10 }),
  'appointmentTypes.deactivate': async (h) => ({ id: await someAppointmentType(h) }),
  'appointments.list': async (h) => ({ doctorIds: [await someDoctor(h)], from: FUTURE, to: '2099-01-06' }),
  'appointments.freeSlots': async (h) => ({ doctorId: (await somePatientAndDoctor(h)).doctorId, from: FUTURE, days: 2, count: 3 }),
  'appointments.book': async (h) => ({ ...(await somePatientAndDoctor(h)), date: FUTURE, startTime: '10:00', reason: 'Fever' }),
  'appointments.reschedule': async (h) => ({ id: await someAppointment(h), date: FUTURE, startTime: '11:00' }),
  'appointments.cancel': async (h) => ({ id: await someAppointment(h), reason: 'Patient travelling' }),
  'appointments.checkIn': async (h) => ({ id: await someAppointment(h, await today(h)) }),
  'appointments.complete': async (h) => ({ id: await someAppointment(h, await today(h)) }),
  'appointments.noShow': async (h) => ({ id: await someAppointment(h, '2020-01-06') }),
  'appointments.undo': async (h, caller) => {
    const id = await someAppointment(h, FUTURE, { status: 'CANCELLED', cancel_reason: 'By mistake' });
    await h
      .knex('appointment_history')
      .insert({ appointment_id: id, kind: 'STATUS', from_status: 'SCHEDULED', to_status: 'CANCELLED', changed_by: caller.userId });
    return { id };
  },
  'appointments.history': async (h) => ({ id: await someAppointment(h) }),
  'appointments.walkIn': async (h) => ({ ...(await somePatientAndDoctor(h, await today(h))), reason: 'Walk-in fever' }),
  'appointments.previewSeries': async (h) => ({
    ...(await somePatientAndDoctor(h)),
    startDate: FUTURE,
    startTime: '10:00',
    recurrence: { frequency: 'WEEKLY', count: 1 },
  }),
  'appointments.bookSeries': async (h) => ({
    ...(await somePatientAndDoctor(h)),
    startDate: FUTURE,
    startTime: '10:00',
    recurrence: { frequency: 'DAILY', until: FUTURE },
  }),
  'appointments.cancelSeries': async (h) => ({ id: await someSeriesAppointment(h), scope: 'following', reason: 'Patient travelling' }),
  'appointments.moveSeries': async (h) => ({ id: await someSeriesAppointment(h), scope: 'all', startTime: '11:00' }),
  'waitlist.add': async (h) => ({
    ...(await somePatientAndDoctor(h)),
    fromDate: FUTURE,
    toDate: '2099-01-20',
    timeFrom: '09:00',
    timeTo: '12:00',
    urgency: 'SOON',
    note: 'Any morning',
  }),
  'waitlist.list': async (h) => ({ doctorId: await someDoctor(h) }),
  'waitlist.remove': async (h) => ({ id: await someWaitlistEntry(h) }),
  'waitlist.offers': async () => ({}),
  'waitlist.takeOffer': async (h) => ({ id: await someOffer(h) }),
  'recalls.create': async (h) => ({ patientId: await somePatient(h), doctorId: await someDoctor(h), inDays: 14, reason: 'Review the dressing' }),
  'recalls.list': async () => ({ state: 'OVERDUE' }),
  'recalls.dismiss': async (h) => {
    const [{ id }] = await h
      .knex('recalls')
      .insert({ patient_id: await somePatient(h), due_date: FUTURE })
      .returning('id');
    return { id };
  },
  'appointments.queue': async () => ({}),
  'appointments.callNext': async (h) => {
    const id = await someAppointment(h, await today(h), { checked_in_at: new Date(), token_no: 1 });
    return { doctorId: (await h.knex('appointment_entities').where({ id }).first('doctor_id')).doctor_id };
  },
  'appointments.stage': async (h) => ({
    id: await someAppointment(h, await today(h), { checked_in_at: new Date(), token_no: 1, called_at: new Date() }),
    action: 'start',
  }),
  'appointments.setPriority': async (h) => ({
    id: await someAppointment(h, await today(h), { checked_in_at: new Date(), token_no: 1 }),
    priority: 'ELDERLY',
    reason: 'Aged 82',
  }),
  'opd.listSessions': async (h) => ({ doctorId: await someDoctor(h), from: FUTURE, to: '2099-01-06' }),
  'opd.createSession': async (h) => ({
    doctorId: await someDoctor(h),
    date: FUTURE,
    startTime: '10:00',
    endTime: '13:00',
    capacity: 30,
    emergencyReserve: 2,
    room: 'OPD 2',
  }),
  'opd.updateSession': async (h) => ({ id: await someSession(h), startTime: '10:00', endTime: '13:30', capacity: 30, emergencyReserve: 2, room: 'OPD 3' }),
  'opd.removeSession': async (h) => ({ id: await someSession(h) }),
  'opd.bookToken': async (h) => ({ sessionId: await someSession(h), patientId: await somePatient(h), reason: 'Fever' }),
  'board.openDisplay': async () => ({}),
  'board.show': async (h) => ({ ticket: h.services.displayTickets.issue() }),
  'board.openWindow': async () => ({}),
  'patients.search': async () => ({ query: 'asha', limit: 5 }),
  'patients.get': async (h) => ({ id: await somePatient(h) }),
  'patients.create': async () => ({ name: 'Ravi Kumar', phone: '+91 98123 45678', email: unique('ravi'), dateOfBirth: '1980-05-04', gender: 'MALE' }),
  'patients.update': async (h) => ({ id: await somePatient(h), address: '12 MG Road, Pune' }),
  'payments.record': async (h) => ({ appointmentId: await someAppointment(h), method: 'UPI', reference: '412345678901', amount: '500' }),
  'payments.confirm': async (h) => ({ id: await somePayment(h, { status: 'PENDING', order_id: null, paid_at: null }) }),
  'payments.refund': async (h) => ({ paymentId: await somePayment(h), amount: '200.50', reason: 'Test not done' }),
  'payments.receipt': async (h) => ({ id: await somePayment(h) }),
  'payments.forAppointment': async (h) => ({ appointmentId: await someAppointment(h) }),
  'payments.dayEnd': async (h) => ({ date: await today(h) }),
  'payments.ofDay': async (h) => ({ date: await today(h) }),
  'payments.upiLink': async (h) => ({ appointmentId: await appointmentWithDue(h) }),
  'payments.collect': async (h) => ({ appointmentId: await appointmentWithDue(h), via: 'QR' }),
  'payments.gatewayQr': async (h) => {
    const desk = await h.signInAs('RECEPTIONIST');
    const collected = await h.call('payments.collect', { appointmentId: await appointmentWithDue(h), via: 'QR' }, desk.sessionKey);
    return { paymentId: (collected as { value: { payment: { id: number } } }).value.payment.id };
  },
  'payments.getSettings': async () => ({}),
  'payments.updateSettings': async () => ({ upiVpa: 'clinic.desk@okicici', razorpayWebhookSecret: 'AnotherWebhookSecret_42' }),
  'payments.reconciliation': async (h) => {
    await configureRazorpay(h);
    return { date: await today(h) };
  },
  'payments.reconciliationRuns': async () => ({}),
  'payments.reconciliationRun': async (h) => {
    await configureRazorpay(h);
    const date = await today(h);
    await h.call('payments.runReconciliation', { date }, (await h.signInAs('ADMIN')).sessionKey);
    return { date };
  },
  'payments.runReconciliation': async (h) => {
    await configureRazorpay(h);
    return { date: await today(h) };
  },
  'settings.get': async () => ({}),
  'settings.update': async () => ({ clinicName: 'Renamed Clinic' }),
  'backup.getSchedule': async () => ({}),
  'backup.saveSchedule': async () => ({ enabled: true, timeOfDay: '21:30', folder: backupFolder(), keepLast: 7 }),
  'backup.runNow': async (h) => {
    await h.knex('backup_schedule').where({ id: 1 }).update({ folder: backupFolder() });
    return {};
  },
  'backup.status': async () => ({}),
  'backup.exportRecoveryKey': async () => ({}),
  'backup.list': async () => ({}),
  // A restore of a backup taken just now: the file's later tests find the clinic as it was.
  'backup.restore': async (h) => {
    await h.knex('backup_schedule').where({ id: 1 }).update({ folder: backupFolder() });
    const run = await h.services.backups.runNow('matrix-pc');
    return { name: path.basename(run.file!) };
  },
  'health.get': async () => ({}),
  'video.getSettings': async () => ({}),
  'video.updateSettings': async () => ({ webhookUrl: 'https://clinic.example.org/hooks/twilio' }),
  'video.openWindow': async (h) => ({ appointmentId: await someAppointment(h) }),
  'video.joinWindow': async (h) => {
    const opener = await h.signInAs('ADMIN');
    const opened = await h.call('video.openWindow', { appointmentId: await someAppointment(h) }, opener.sessionKey);
    return { ticket: (opened as { value: { ticket: string } }).value.ticket };
  },
  'video.callInfo': async (h) => ({ appointmentId: await someAppointment(h) }),
  'video.start': async (h) => {
    await configureVideo(h.knex);
    return { appointmentId: await someAppointment(h) };
  },
  'video.patientLink': async (h) => {
    await configureVideo(h.knex);
    return { appointmentId: await someAppointment(h) };
  },
  'video.revokeLink': async (h) => ({ appointmentId: await someAppointment(h) }),
  'video.waitingOnline': async (h) => ({ appointmentIds: [await someAppointment(h)] }),
  'video.reportEvent': async (h) => ({ roomSid: await someCallSession(h), type: 'reconnecting', detail: { code: 53001 } }),
  'video.end': async (h) => ({ roomSid: await someCallSession(h) }),
  'messaging.forAppointment': async (h) => ({ appointmentId: await someAppointment(h) }),
  'messaging.sendNow': async (h) => {
    await h.knex('messaging_settings').where({ id: 1 }).update({ enabled: true });
    return { appointmentId: await someAppointment(h), kind: 'REMINDER' };
  },
  'messaging.notice': async (h) => {
    await h.knex('messaging_settings').where({ id: 1 }).update({ enabled: true });
    const { doctor_id: doctorId } = await h
      .knex('appointment_entities')
      .where({ id: await someAppointment(h) })
      .first('doctor_id');
    return { doctorId, date: FUTURE, text: '{doctor} is running 40 minutes late today, {patient}.' };
  },
  'messaging.noticePreview': async (h) => {
    await h.knex('messaging_settings').where({ id: 1 }).update({ enabled: true });
    const { doctor_id: doctorId } = await h
      .knex('appointment_entities')
      .where({ id: await someAppointment(h) })
      .first('doctor_id');
    return { doctorId, date: FUTURE, text: 'Dr. {doctor} is on leave, {patient}.' };
  },
  'messaging.failures': async () => ({}),
  'messaging.inbox': async () => ({}),
  'messaging.inboxCount': async () => ({}),
  'messaging.markHandled': async (h) => {
    const [{ id }] = await h
      .knex('inbound_messages')
      .insert({
        provider_id: `SM${(++n).toString(16).padStart(32, '0')}`,
        channel: 'SMS',
        from_address: '+919812345678',
        body: 'Can I come later?',
        action: 'INBOX',
      })
      .returning('id');
    return { id };
  },
  'messaging.patientPrefs': async (h) => ({ patientId: await somePatient(h) }),
  'messaging.savePatientPrefs': async (h) => ({ patientId: await somePatient(h), channel: 'EMAIL', language: 'hi', kindsOff: ['THANK_YOU'] }),
  'messaging.recordConsent': async (h) => ({
    patientId: await somePatient(h),
    channel: 'WHATSAPP',
    given: true,
    how: 'Ticked the box on the registration form',
  }),
  'messaging.getSettings': async () => ({}),
  'messaging.updateSettings': async () => ({ quietStart: '22:00', reminderOffsetsMinutes: [1440, 60] }),
  'messaging.templates': async () => ({}),
  'messaging.saveTemplate': async () => ({
    kind: 'REMINDER',
    language: 'en',
    channel: 'SMS',
    subject: null,
    body: 'See you {date} at {time}, {patient}',
    dltEntityId: '1101234567890123456',
    dltTemplateId: '1107123456789012345',
    whatsappContentSid: null,
  }),
  'messaging.preview': async (h) => ({ appointmentId: await someAppointment(h), kind: 'CONFIRMATION', language: 'hi', channel: 'SMS' }),
  'reports.daySheet': async (h) => ({ date: await today(h) }),
  'reports.statusOverTime': async (h) => ({ filters: { from: '2026-01-01', to: await today(h) }, period: 'month' }),
  'reports.attendance': async (h) => ({ from: '2026-01-01', to: await today(h) }),
  'reports.utilisation': async (h) => ({ from: '2026-01-01', to: await today(h) }),
  'reports.revenue': async (h) => ({ from: '2026-01-01', to: await today(h) }),
  'reports.dues': async (h) => ({ from: '2026-01-01', to: await today(h) }),
  'reports.patientMix': async (h) => ({ filters: { from: '2026-01-01', to: await today(h) }, period: 'week' }),
  'reports.export': async (h) => ({ kind: 'appointments', format: 'csv', filters: { from: '2026-01-01', to: await today(h) } }),
  'reports.calendar': async (h) => ({ from: FUTURE, to: FUTURE, doctorId: await someDoctor(h) }),
};

async function auditRows(h: Harness, action: string): Promise<number> {
  const row = await h.knex('audit_log').where({ action, outcome: 'OK' }).count<{ n: number }[]>({ n: '*' });
  return Number(row[0]?.n ?? 0);
}

const lastAuditId = async (h: Harness): Promise<number> => Number((await h.knex('audit_log').max<{ id: number | null }[]>({ id: 'id' }))[0]?.id ?? 0);
const auditSince = (h: Harness, id: number) =>
  h.knex('audit_log').where('id', '>', id).orderBy('id').select('user_id', 'user_email', 'workstation', 'action', 'outcome');

const specOf = (c: ChannelName) => channels[c] as ChannelSpec;
// Who may call what comes from the hand-written table, never from the contract under test.
const ruleOf = (c: ChannelName) => ROLE_TABLE[c]!;
const isPublic = (c: ChannelName) => ruleOf(c).roles === 'public';
const mayCall = (c: ChannelName): readonly Role[] => {
  const { roles } = ruleOf(c);
  return roles === 'public' ? ROLES : roles;
};
const refusedRoles = (c: ChannelName): Role[] => (isPublic(c) ? [] : ROLES.filter((r) => !mayCall(c).includes(r)));
/** The role the valid call is made as: an administrator where one may call it. */
const firstCaller = (c: ChannelName): Role => (mayCall(c).includes('ADMIN') ? 'ADMIN' : mayCall(c)[0]!);
/** The router's own refusal of a role, as opposed to a service refusing a doctor someone else's record. */
const ROLE_REFUSAL = { ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' } };

const rolesText = (roles: ChannelSpec['roles'] | Rule['roles']) => (roles === 'public' ? 'public' : [...roles].sort().join('+'));

describe('the contract against the hand-written role table', () => {
  it('names every channel of the contract, and no channel the contract lacks', () => {
    expect(CHANNEL_NAMES.filter((c) => !Object.hasOwn(ROLE_TABLE, c))).toEqual([]);
    expect(Object.keys(ROLE_TABLE).filter((c) => !(CHANNEL_NAMES as string[]).includes(c))).toEqual([]);
  });

  it("lets exactly the table's roles call each channel, and exactly its channels work on a locked screen", () => {
    const differences = CHANNEL_NAMES.filter((c) => Object.hasOwn(ROLE_TABLE, c)).flatMap((c) => {
      const spec = specOf(c);
      const rule = ruleOf(c);
      const found: string[] = [];
      if (rolesText(spec.roles) !== rolesText(rule.roles)) found.push(`${c}: contract ${rolesText(spec.roles)}, table ${rolesText(rule.roles)}`);
      if (Boolean(spec.whenLocked) !== rule.locked) found.push(`${c}: locked screen contract ${Boolean(spec.whenLocked)}, table ${rule.locked}`);
      return found;
    });
    expect(differences).toEqual([]);
  });
});

describe('the contract fixtures', () => {
  it('cover every channel of the contract', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...CHANNEL_NAMES].sort());
  });
});

/**
 * Who may call what, bad payloads and locked screens are the router's, decided before any
 * query: checked on the first mode run (the server when both run). Every mode answers each
 * role's valid call of every channel, since the services' queries differ by role.
 */
const POLICY_MODE = MODES[0];

describe.each(MODES)('every channel of the contract (%s)', (mode: Mode) => {
  let h: Harness;
  beforeAll(async () => {
    // As in the app: a display window opener that opens nothing here.
    h = await startHarness(mode, undefined, { openDisplayWindow: () => async () => undefined });
  });
  afterAll(() => h.dispose());

  describe.each(CHANNEL_NAMES)('%s', (channel) => {
    it(`answers a valid call from ${firstCaller(channel)}`, async () => {
      const caller = await h.signInAs(firstCaller(channel));
      const payload = await fixtures[channel](h, caller);
      const auditedBefore = await auditRows(h, channel);
      const result = await h.call(channel, payload, isPublic(channel) ? undefined : caller.sessionKey);
      expect(result).toMatchObject({ ok: true });
      // Every channel that reads or changes a patient, booking, payment or account leaves a trace.
      if (specOf(channel).audit) expect(await auditRows(h, channel)).toBe(auditedBefore + 1);
      // The reply must satisfy the contract's own response schema.
      expect(specOf(channel).res.safeParse((result as { value: unknown }).value).success).toBe(true);
    });

    // A public channel answers anyone, so one valid call is enough.
    for (const role of isPublic(channel) ? [] : mayCall(channel).filter((r) => r !== firstCaller(channel))) {
      const own = ruleOf(channel).own?.includes(role);
      it(own ? `lets ${role} past the role check (the service limits it to their own records)` : `answers a valid call from ${role}`, async () => {
        const caller = await h.signInAs(role);
        const payload = await fixtures[channel](h, caller);
        const result = await h.call(channel, payload, caller.sessionKey);
        if (own) expect(result).not.toEqual(ROLE_REFUSAL);
        else expect(result).toMatchObject({ ok: true });
      });
    }

    if (mode !== POLICY_MODE) return;

    // One caller, one valid payload and one pair of snapshots for the three: the snapshots read
    // every row of every table, and the matrix makes thousands of calls.
    it('refuses an unexpected field, no payload at all and a string instead of an object with INVALID, and writes nothing', async () => {
      const caller = await h.signInAs(mayCall(channel)[0]!);
      const valid = (await fixtures[channel](h, caller)) as object;
      const key = isPublic(channel) ? undefined : caller.sessionKey;
      const before = await databaseSnapshot(h.knex);
      for (const [label, payload] of [
        ['an unexpected field', { ...valid, __proto_pollution__: { admin: true } }],
        ['no payload at all', undefined],
        ['a string instead of an object', "'; DROP TABLE users; --"],
      ] as const) {
        expect(await h.callRaw(channel, payload, key), label).toMatchObject({ ok: false, error: { code: 'INVALID' } });
      }
      expect(await databaseSnapshot(h.knex)).toBe(before);
    });

    if (isPublic(channel)) return;

    it('refuses a call without a session with UNAUTHENTICATED, writes nothing else and audits the refusal', async () => {
      const payload = await fixtures[channel](h, { userId: 0 });
      const before = await databaseSnapshot(h.knex, ['audit_log']);
      const auditedUpTo = await lastAuditId(h);
      expect(await h.call(channel, payload, 'nobody-signed-in-here')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
      expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
      expect(await auditSince(h, auditedUpTo)).toEqual([{ user_id: null, user_email: null, workstation: 'test-pc', action: channel, outcome: 'DENIED' }]);
    });

    for (const role of refusedRoles(channel)) {
      it(`refuses ${role} with FORBIDDEN, writes nothing anywhere and audits the refusal`, async () => {
        const caller = await h.signInAs(role);
        const payload = await fixtures[channel](h, caller);
        const before = await databaseSnapshot(h.knex, ['audit_log']);
        const auditedUpTo = await lastAuditId(h);
        expect(await h.call(channel, payload, caller.sessionKey)).toEqual(ROLE_REFUSAL);
        expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
        // Every refusal of every channel owes one DENIED row naming the caller, and nothing else.
        expect(await auditSince(h, auditedUpTo)).toEqual([
          { user_id: caller.userId, user_email: caller.email, workstation: 'test-pc', action: channel, outcome: 'DENIED' },
        ]);
      });
    }

    if (ruleOf(channel).locked) {
      it('answers a locked session', async () => {
        const caller = await h.signInAs(firstCaller(channel));
        const payload = await fixtures[channel](h, caller);
        h.services.sessions.setLocked(caller.sessionKey, true);
        expect(await h.call(channel, payload, caller.sessionKey)).toMatchObject({ ok: true });
      });
    } else {
      it('refuses a locked session with UNAUTHENTICATED, writes nothing else and audits the refusal', async () => {
        const caller = await h.signInAs(firstCaller(channel));
        const payload = await fixtures[channel](h, caller);
        h.services.sessions.setLocked(caller.sessionKey, true);
        const before = await databaseSnapshot(h.knex, ['audit_log']);
        const auditedUpTo = await lastAuditId(h);
        expect(await h.call(channel, payload, caller.sessionKey)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
        expect(h.services.sessions.get(caller.sessionKey)).toMatchObject({ locked: true });
        expect(await databaseSnapshot(h.knex, ['audit_log'])).toBe(before);
        expect(await auditSince(h, auditedUpTo)).toEqual([
          { user_id: caller.userId, user_email: caller.email, workstation: 'test-pc', action: channel, outcome: 'DENIED' },
        ]);
      });
    }
  });
});
