import { z } from 'zod';
import {
  auditEntrySchema,
  auditQuerySchema,
  authStatusSchema,
  changePasswordSchema,
  setLanguageSchema,
  createUserSchema,
  firstAdminSchema,
  idSchema,
  loginSchema,
  sessionSchema,
  settingsSchema,
  unlockSchema,
  updateSettingsSchema,
  updateUserSchema,
  userSchema,
  type Role,
} from './dto';
import {
  appointmentSchema,
  bookSchema,
  callNextSchema,
  cancelSchema,
  completeSchema,
  freeSlotSchema,
  freeSlotsSchema,
  historyEntrySchema,
  listAppointmentsSchema,
  prioritySchema,
  queueSchema,
  rescheduleSchema,
  stageSchema,
  undoSchema,
  walkInSchema,
} from './appointments';
import { appointmentTypeSchema, createAppointmentTypeSchema, listAppointmentTypesSchema, updateAppointmentTypeSchema } from './appointment-types';
import { boardSchema, openDisplayWindowSchema, showBoardSchema } from './board';
import { bookTokenSchema, bookedTokenSchema, createSessionSchema, listSessionsSchema, opdSessionSchema, updateSessionSchema } from './opd';
import { createRecallSchema, listRecallsSchema, recallSchema } from './recalls';
import { addWaitlistSchema, listWaitlistSchema, removeWaitlistSchema, takeOfferSchema, waitlistEntrySchema, waitlistOfferSchema } from './waitlist';
import {
  bookSeriesSchema,
  bookedSeriesSchema,
  cancelSeriesSchema,
  moveSeriesSchema,
  previewSeriesSchema,
  seriesChangeSchema,
  seriesPreviewSchema,
} from './series';
import {
  addExceptionSchema,
  availabilityChangeResultSchema,
  availabilityRangeSchema,
  availabilityWindowSchema,
  expandSchema,
  previewSchema,
  previewTemplateSchema,
  removeWindowSchema,
  saveTemplateSchema,
  templateSchema,
} from './availability';
import {
  addHolidayResultSchema,
  addHolidaySchema,
  holidaySchema,
  importHolidaysResultSchema,
  importHolidaysSchema,
  listHolidaysSchema,
  renameHolidaySchema,
} from './holidays';
import { createDoctorSchema, doctorSchema, listDoctorsSchema, updateDoctorSchema } from './doctors';
import {
  createPatientResultSchema,
  createPatientSchema,
  patientDetailSchema,
  patientPageSchema,
  patientSearchSchema,
  patientSummarySchema,
  updatePatientSchema,
} from './patients';
import {
  appointmentPaymentsSchema,
  dayEndSchema,
  dayEndSummarySchema,
  dayMoneySchema,
  paymentSchema,
  paymentsForAppointmentSchema,
  receiptSchema,
  recordPaymentSchema,
  refundSchema,
} from './payments';
import {
  collectResultSchema,
  collectSchema,
  gatewayQrRequestSchema,
  gatewayQrSchema,
  paymentSettingsSchema,
  reconciliationRequestSchema,
  reconciliationRunSchema,
  reconciliationRunSummarySchema,
  reconciliationSchema,
  updatePaymentSettingsSchema,
  upiLinkRequestSchema,
  upiLinkSchema,
} from './gateway';
import { reportChannels } from './reports';
import {
  backupListSchema,
  backupRunSchema,
  backupScheduleSchema,
  backupStatusSchema,
  healthReportSchema,
  recoveryKeySchema,
  restoreBackupSchema,
  restoreResultSchema,
  saveBackupScheduleSchema,
} from './backup';
import {
  appointmentRefSchema,
  callInfoSchema,
  endCallSchema,
  joinWindowSchema,
  openCallWindowResultSchema,
  patientLinkSchema,
  revokeLinkSchema,
  waitingOnlineRequestSchema,
  waitingOnlineSchema,
  reportVideoEventSchema,
  updateVideoSettingsSchema,
  videoJoinSchema,
  videoSettingsSchema,
} from './video';
import {
  appointmentMessagesSchema,
  doctorDayNoticeSchema,
  inboundSchema,
  messagePreviewResultSchema,
  messagePreviewSchema,
  messageSchema,
  messageTemplateSchema,
  messagingSettingsSchema,
  noticePreviewSchema,
  patientMessagingSchema,
  recordConsentSchema,
  saveMessageTemplateSchema,
  savePatientMessagingSchema,
  sendMessageNowSchema,
  updateMessagingSettingsSchema,
} from './messaging';

export { ROLES, type Role } from './dto';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  req: Req;
  res: Res;
  /** Who may call it; 'public' needs no session (start-up and sign-in screens). */
  roles: readonly Role[] | 'public';
  /** Callable while the session is idle-locked (everything else is refused until unlock). */
  whenLocked?: true;
  /** The router writes an audit row for each call: what kind of record it reads or changes. */
  audit?: { entity: string; kind: 'read' | 'write' };
}

/** Keeps each channel's own type (its roles, whether it is audited) for the router's handler types. */
function channel<const Spec extends ChannelSpec>(spec: Spec): Spec {
  return spec;
}

const empty = z.strictObject({});
const byId = z.strictObject({ id: idSchema });
const ALL: readonly Role[] = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'];
const ADMIN: readonly Role[] = ['ADMIN'];
const DOCTOR_OR_ADMIN: readonly Role[] = ['ADMIN', 'DOCTOR'];

/** Every IPC call the renderer can make. Nothing else defines an IPC shape. */
export const channels = {
  'app.info': channel({
    req: empty,
    res: z.object({ version: z.string(), databaseMode: z.enum(['server', 'embedded']), schemaVersion: z.string() }),
    roles: 'public',
    whenLocked: true,
  }),

  'auth.status': channel({ req: empty, res: authStatusSchema, roles: 'public', whenLocked: true }),
  'auth.createFirstAdmin': channel({ req: firstAdminSchema, res: sessionSchema, roles: 'public' }),
  'auth.login': channel({ req: loginSchema, res: sessionSchema, roles: 'public' }),
  'auth.logout': channel({ req: empty, res: z.null(), roles: ALL, whenLocked: true }),
  'auth.lock': channel({ req: empty, res: sessionSchema, roles: ALL, whenLocked: true }),
  'auth.unlock': channel({ req: unlockSchema, res: sessionSchema, roles: ALL, whenLocked: true }),
  /** "Someone is working here": keeps main's idle clock in step with keyboard and pointer use. */
  'auth.touch': channel({ req: empty, res: z.null(), roles: ALL }),
  'auth.changePassword': channel({ req: changePasswordSchema, res: z.null(), roles: ALL }),
  'auth.setLanguage': channel({ req: setLanguageSchema, res: sessionSchema, roles: ALL }),

  'users.list': channel({ req: empty, res: z.array(userSchema), roles: ADMIN, audit: { entity: 'user', kind: 'read' } }),
  'users.create': channel({ req: createUserSchema, res: userSchema, roles: ADMIN, audit: { entity: 'user', kind: 'write' } }),
  'users.update': channel({ req: updateUserSchema, res: userSchema, roles: ADMIN, audit: { entity: 'user', kind: 'write' } }),
  'users.setDisabled': channel({
    req: z.strictObject({ id: idSchema, disabled: z.boolean() }),
    res: userSchema,
    roles: ADMIN,
    audit: { entity: 'user', kind: 'write' },
  }),
  'users.resetPassword': channel({
    req: z.strictObject({ id: idSchema, password: z.string().min(1).max(1000) }),
    res: userSchema,
    roles: ADMIN,
    audit: { entity: 'user', kind: 'write' },
  }),
  'users.unlock': channel({ req: z.strictObject({ id: idSchema }), res: userSchema, roles: ADMIN, audit: { entity: 'user', kind: 'write' } }),

  'audit.list': channel({ req: auditQuerySchema, res: z.array(auditEntrySchema), roles: ADMIN, audit: { entity: 'audit', kind: 'read' } }),

  'doctors.list': channel({ req: listDoctorsSchema, res: z.array(doctorSchema), roles: ALL }),
  'doctors.specializations': channel({ req: empty, res: z.array(z.string()), roles: ALL }),
  'doctors.create': channel({ req: createDoctorSchema, res: doctorSchema, roles: ADMIN, audit: { entity: 'doctor', kind: 'write' } }),
  'doctors.update': channel({ req: updateDoctorSchema, res: doctorSchema, roles: ADMIN, audit: { entity: 'doctor', kind: 'write' } }),
  'doctors.setActive': channel({
    req: z.strictObject({ id: idSchema, active: z.boolean() }),
    res: doctorSchema,
    roles: ADMIN,
    audit: { entity: 'doctor', kind: 'write' },
  }),
  'doctors.delete': channel({ req: z.strictObject({ id: idSchema }), res: z.null(), roles: ADMIN, audit: { entity: 'doctor', kind: 'write' } }),

  'availability.getTemplate': channel({ req: z.strictObject({ doctorId: idSchema }), res: templateSchema, roles: ALL }),
  'availability.saveTemplate': channel({ req: saveTemplateSchema, res: templateSchema, roles: ADMIN, audit: { entity: 'doctor', kind: 'write' } }),
  'availability.previewTemplate': channel({ req: previewTemplateSchema, res: previewSchema, roles: ADMIN }),
  'availability.expand': channel({
    req: expandSchema,
    res: z.object({ created: z.number(), alreadyThere: z.number() }),
    roles: ADMIN,
    audit: { entity: 'doctor', kind: 'write' },
  }),
  'availability.addException': channel({
    req: addExceptionSchema,
    res: availabilityChangeResultSchema,
    roles: ['ADMIN', 'DOCTOR'],
    audit: { entity: 'availability', kind: 'write' },
  }),
  'availability.removeWindow': channel({
    req: removeWindowSchema,
    res: availabilityChangeResultSchema,
    roles: ['ADMIN', 'DOCTOR'],
    audit: { entity: 'availability', kind: 'write' },
  }),
  'availability.range': channel({ req: availabilityRangeSchema, res: z.array(availabilityWindowSchema), roles: ALL }),

  // The clinic's public holidays: every desk sees them in the schedule, an administrator keeps them.
  'holidays.list': channel({ req: listHolidaysSchema, res: z.array(holidaySchema), roles: ALL }),
  'holidays.add': channel({ req: addHolidaySchema, res: addHolidayResultSchema, roles: ADMIN, audit: { entity: 'holiday', kind: 'write' } }),
  'holidays.rename': channel({ req: renameHolidaySchema, res: holidaySchema, roles: ADMIN, audit: { entity: 'holiday', kind: 'write' } }),
  'holidays.remove': channel({ req: byId, res: z.null(), roles: ADMIN, audit: { entity: 'holiday', kind: 'write' } }),
  'holidays.import': channel({ req: importHolidaysSchema, res: importHolidaysResultSchema, roles: ADMIN, audit: { entity: 'holiday', kind: 'write' } }),

  // Appointment types (services): everyone books by them, an administrator defines them.
  'appointmentTypes.list': channel({ req: listAppointmentTypesSchema, res: z.array(appointmentTypeSchema), roles: ALL }),
  'appointmentTypes.create': channel({
    req: createAppointmentTypeSchema,
    res: appointmentTypeSchema,
    roles: ADMIN,
    audit: { entity: 'appointment_type', kind: 'write' },
  }),
  'appointmentTypes.update': channel({
    req: updateAppointmentTypeSchema,
    res: appointmentTypeSchema,
    roles: ADMIN,
    audit: { entity: 'appointment_type', kind: 'write' },
  }),
  'appointmentTypes.deactivate': channel({ req: byId, res: appointmentTypeSchema, roles: ADMIN, audit: { entity: 'appointment_type', kind: 'write' } }),

  'appointments.list': channel({ req: listAppointmentsSchema, res: z.array(appointmentSchema), roles: ALL }),
  'appointments.freeSlots': channel({ req: freeSlotsSchema, res: z.array(freeSlotSchema), roles: ALL }),
  'appointments.book': channel({ req: bookSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.reschedule': channel({ req: rescheduleSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.cancel': channel({ req: cancelSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.checkIn': channel({ req: byId, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.complete': channel({ req: completeSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.noShow': channel({ req: byId, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.undo': channel({ req: undoSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.history': channel({ req: byId, res: z.array(historyEntrySchema), roles: ALL, audit: { entity: 'appointment', kind: 'read' } }),
  'appointments.walkIn': channel({ req: walkInSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  // Recurring series: checked occurrence by occurrence, booked as one transaction; changed as this, this and following, or all.
  'appointments.previewSeries': channel({ req: previewSeriesSchema, res: seriesPreviewSchema, roles: ALL }),
  'appointments.bookSeries': channel({ req: bookSeriesSchema, res: bookedSeriesSchema, roles: ALL, audit: { entity: 'appointment_series', kind: 'write' } }),
  'appointments.cancelSeries': channel({ req: cancelSeriesSchema, res: seriesChangeSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.moveSeries': channel({ req: moveSeriesSchema, res: seriesChangeSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  // The waitlist: the desk keeps it; freed time is offered to the best match, booked by the desk.
  'waitlist.add': channel({ req: addWaitlistSchema, res: waitlistEntrySchema, roles: ALL, audit: { entity: 'waitlist', kind: 'write' } }),
  'waitlist.list': channel({ req: listWaitlistSchema, res: z.array(waitlistEntrySchema), roles: ALL }),
  'waitlist.remove': channel({ req: removeWaitlistSchema, res: waitlistEntrySchema, roles: ALL, audit: { entity: 'waitlist', kind: 'write' } }),
  'waitlist.offers': channel({ req: empty, res: z.array(waitlistOfferSchema), roles: ALL }),
  'waitlist.takeOffer': channel({ req: takeOfferSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  // Follow-up recalls: the desk's list of patients to see again.
  'recalls.create': channel({ req: createRecallSchema, res: recallSchema, roles: ALL, audit: { entity: 'recall', kind: 'write' } }),
  'recalls.list': channel({ req: listRecallsSchema, res: z.array(recallSchema), roles: ALL }),
  'recalls.dismiss': channel({ req: byId, res: recallSchema, roles: ALL, audit: { entity: 'recall', kind: 'write' } }),
  'appointments.queue': channel({ req: z.strictObject({ doctorId: idSchema.optional() }), res: queueSchema, roles: ALL }),
  // A doctor calls and moves their own patients; the desk and an administrator anybody's.
  'appointments.callNext': channel({ req: callNextSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.stage': channel({ req: stageSchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'appointments.setPriority': channel({ req: prioritySchema, res: appointmentSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  // OPD sessions of token doctors: an ADMIN, or a DOCTOR for their own (checked in main), schedules them; the desk books tokens.
  'opd.listSessions': channel({ req: listSessionsSchema, res: z.array(opdSessionSchema), roles: ALL }),
  'opd.createSession': channel({ req: createSessionSchema, res: opdSessionSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'opd_session', kind: 'write' } }),
  'opd.updateSession': channel({ req: updateSessionSchema, res: opdSessionSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'opd_session', kind: 'write' } }),
  'opd.removeSession': channel({ req: byId, res: opdSessionSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'opd_session', kind: 'write' } }),
  'opd.bookToken': channel({ req: bookTokenSchema, res: bookedTokenSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  // The token display: anybody at the desk opens one; the display itself holds only its ticket.
  'board.openDisplay': channel({ req: empty, res: z.object({ ticket: z.string() }), roles: ALL }),
  'board.show': channel({ req: showBoardSchema, res: boardSchema, roles: 'public' }),
  'board.openWindow': channel({ req: openDisplayWindowSchema, res: z.object({}), roles: ALL }),

  'patients.search': channel({
    req: patientSearchSchema,
    res: z.array(patientSummarySchema),
    roles: ALL,
    audit: { entity: 'patient', kind: 'read' },
  }),
  'patients.get': channel({ req: z.strictObject({ id: idSchema }), res: patientPageSchema, roles: ALL, audit: { entity: 'patient', kind: 'read' } }),
  'patients.create': channel({ req: createPatientSchema, res: createPatientResultSchema, roles: ALL, audit: { entity: 'patient', kind: 'write' } }),
  'patients.update': channel({ req: updatePatientSchema, res: patientDetailSchema, roles: ALL, audit: { entity: 'patient', kind: 'write' } }),

  // Refunds return money: an ADMIN, or a DOCTOR for their own consultations (checked in main).
  'payments.record': channel({ req: recordPaymentSchema, res: paymentSchema, roles: ALL, audit: { entity: 'payment', kind: 'write' } }),
  'payments.confirm': channel({ req: byId, res: paymentSchema, roles: ALL, audit: { entity: 'payment', kind: 'write' } }),
  'payments.refund': channel({ req: refundSchema, res: paymentSchema, roles: ['ADMIN', 'DOCTOR'], audit: { entity: 'payment', kind: 'write' } }),
  'payments.receipt': channel({ req: byId, res: receiptSchema, roles: ALL, audit: { entity: 'payment', kind: 'read' } }),
  'payments.forAppointment': channel({
    req: paymentsForAppointmentSchema,
    res: appointmentPaymentsSchema,
    roles: ALL,
    audit: { entity: 'payment', kind: 'read' },
  }),
  'payments.dayEnd': channel({ req: dayEndSchema, res: dayEndSummarySchema, roles: ALL, audit: { entity: 'payment', kind: 'read' } }),
  'payments.ofDay': channel({ req: dayEndSchema, res: dayMoneySchema, roles: ALL, audit: { entity: 'payment', kind: 'read' } }),
  // Beyond cash: the desk's UPI QR and gateway collection; the set-up and reconciliation are an ADMIN's.
  'payments.upiLink': channel({ req: upiLinkRequestSchema, res: upiLinkSchema, roles: ALL, audit: { entity: 'payment', kind: 'read' } }),
  'payments.collect': channel({ req: collectSchema, res: collectResultSchema, roles: ALL, audit: { entity: 'payment', kind: 'write' } }),
  'payments.gatewayQr': channel({ req: gatewayQrRequestSchema, res: gatewayQrSchema, roles: ALL, audit: { entity: 'payment', kind: 'read' } }),
  'payments.getSettings': channel({ req: empty, res: paymentSettingsSchema, roles: ADMIN }),
  'payments.updateSettings': channel({
    req: updatePaymentSettingsSchema,
    res: paymentSettingsSchema,
    roles: ADMIN,
    audit: { entity: 'settings', kind: 'write' },
  }),
  'payments.reconciliation': channel({ req: reconciliationRequestSchema, res: reconciliationSchema, roles: ADMIN, audit: { entity: 'payment', kind: 'read' } }),
  // The daily job's stored runs; "Run now" reconciles a day afresh and replaces its stored run.
  'payments.reconciliationRuns': channel({ req: empty, res: z.array(reconciliationRunSummarySchema), roles: ADMIN }),
  'payments.reconciliationRun': channel({
    req: reconciliationRequestSchema,
    res: reconciliationRunSchema,
    roles: ADMIN,
    audit: { entity: 'payment', kind: 'read' },
  }),
  'payments.runReconciliation': channel({
    req: reconciliationRequestSchema,
    res: reconciliationRunSchema,
    roles: ADMIN,
    audit: { entity: 'payment', kind: 'write' },
  }),

  'settings.get': channel({ req: empty, res: settingsSchema, roles: ALL }),
  'settings.update': channel({ req: updateSettingsSchema, res: settingsSchema, roles: ADMIN, audit: { entity: 'settings', kind: 'write' } }),

  'backup.getSchedule': channel({ req: empty, res: backupScheduleSchema, roles: ADMIN }),
  'backup.saveSchedule': channel({ req: saveBackupScheduleSchema, res: backupScheduleSchema, roles: ADMIN, audit: { entity: 'settings', kind: 'write' } }),
  // A backup is a copy of every patient's record: who took one is kept like any other read.
  'backup.runNow': channel({ req: empty, res: backupRunSchema, roles: ADMIN, audit: { entity: 'backup', kind: 'write' } }),
  'backup.status': channel({ req: empty, res: backupStatusSchema, roles: ADMIN }),
  'backup.exportRecoveryKey': channel({ req: empty, res: recoveryKeySchema, roles: ADMIN, audit: { entity: 'settings', kind: 'read' } }),
  'backup.list': channel({ req: empty, res: backupListSchema, roles: ADMIN }),
  // Replaces every record of the clinic and signs everyone out: kept in the restored database's trail.
  'backup.restore': channel({ req: restoreBackupSchema, res: restoreResultSchema, roles: ADMIN, audit: { entity: 'backup', kind: 'write' } }),
  'health.get': channel({ req: empty, res: healthReportSchema, roles: ADMIN }),
  // Video calls: the appointment's own doctor or an ADMIN (checked in main).
  'video.getSettings': channel({ req: empty, res: videoSettingsSchema, roles: ADMIN }),
  'video.updateSettings': channel({ req: updateVideoSettingsSchema, res: videoSettingsSchema, roles: ADMIN, audit: { entity: 'settings', kind: 'write' } }),
  'video.openWindow': channel({ req: appointmentRefSchema, res: openCallWindowResultSchema, roles: DOCTOR_OR_ADMIN }),
  /** A browser tab opened for a call presents its one-time ticket and is signed in as its opener. */
  'video.joinWindow': channel({ req: joinWindowSchema, res: sessionSchema, roles: 'public' }),
  'video.callInfo': channel({ req: appointmentRefSchema, res: callInfoSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'appointment', kind: 'read' } }),
  'video.start': channel({ req: appointmentRefSchema, res: videoJoinSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'appointment', kind: 'read' } }),
  'video.patientLink': channel({ req: appointmentRefSchema, res: patientLinkSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'appointment', kind: 'read' } }),
  'video.revokeLink': channel({ req: appointmentRefSchema, res: revokeLinkSchema, roles: DOCTOR_OR_ADMIN, audit: { entity: 'appointment', kind: 'write' } }),
  // The queue's "waiting online" badge: every desk role sees its queue.
  'video.waitingOnline': channel({ req: waitingOnlineRequestSchema, res: waitingOnlineSchema, roles: ALL }),
  'video.reportEvent': channel({ req: reportVideoEventSchema, res: z.null(), roles: DOCTOR_OR_ADMIN }),
  'video.end': channel({ req: endCallSchema, res: z.null(), roles: DOCTOR_OR_ADMIN }),

  // Patient messaging. Sending the video link is the appointment's doctor's or an ADMIN's (checked in main, as for the link).
  'messaging.forAppointment': channel({
    req: appointmentRefSchema,
    res: appointmentMessagesSchema,
    roles: ALL,
    audit: { entity: 'appointment', kind: 'read' },
  }),
  'messaging.sendNow': channel({ req: sendMessageNowSchema, res: messageSchema, roles: ALL, audit: { entity: 'appointment', kind: 'write' } }),
  'messaging.notice': channel({
    req: doctorDayNoticeSchema,
    // alreadyTold: cancelled patients whose cancellation message went out before the notice (it is not sent again).
    res: z.object({ queued: z.number().int(), alreadyTold: z.number().int(), notReached: z.number().int() }),
    roles: ALL,
    audit: { entity: 'appointment', kind: 'write' },
  }),
  'messaging.noticePreview': channel({ req: doctorDayNoticeSchema, res: noticePreviewSchema, roles: ALL, audit: { entity: 'appointment', kind: 'read' } }),
  'messaging.failures': channel({ req: empty, res: z.array(messageSchema), roles: ADMIN, audit: { entity: 'patient', kind: 'read' } }),
  'messaging.inbox': channel({ req: empty, res: z.array(inboundSchema), roles: ALL, audit: { entity: 'patient', kind: 'read' } }),
  // Only a number (no patient data), so the shell's badge reads it on every PC without an audit row each time.
  'messaging.inboxCount': channel({ req: empty, res: z.object({ open: z.number().int() }), roles: ALL }),
  'messaging.markHandled': channel({ req: byId, res: z.null(), roles: ALL, audit: { entity: 'patient', kind: 'write' } }),
  // A patient's channel, language, consent and kinds: kept with the patient's record, which every desk edits.
  'messaging.patientPrefs': channel({
    req: z.strictObject({ patientId: idSchema }),
    res: patientMessagingSchema,
    roles: ALL,
    audit: { entity: 'patient', kind: 'read' },
  }),
  'messaging.savePatientPrefs': channel({
    req: savePatientMessagingSchema,
    res: patientMessagingSchema,
    roles: ALL,
    audit: { entity: 'patient', kind: 'write' },
  }),
  'messaging.recordConsent': channel({ req: recordConsentSchema, res: patientMessagingSchema, roles: ALL, audit: { entity: 'patient', kind: 'write' } }),
  'messaging.getSettings': channel({ req: empty, res: messagingSettingsSchema, roles: ADMIN }),
  'messaging.updateSettings': channel({
    req: updateMessagingSettingsSchema,
    res: messagingSettingsSchema,
    roles: ADMIN,
    audit: { entity: 'settings', kind: 'write' },
  }),
  'messaging.templates': channel({ req: empty, res: z.array(messageTemplateSchema), roles: ADMIN }),
  'messaging.saveTemplate': channel({ req: saveMessageTemplateSchema, res: messageTemplateSchema, roles: ADMIN, audit: { entity: 'settings', kind: 'write' } }),
  'messaging.preview': channel({ req: messagePreviewSchema, res: messagePreviewResultSchema, roles: ADMIN, audit: { entity: 'appointment', kind: 'read' } }),
  ...reportChannels,
} as const satisfies Record<string, ChannelSpec>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Req<C extends ChannelName> = z.input<Channels[C]['req']>;
export type Res<C extends ChannelName> = z.output<Channels[C]['res']>;
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
