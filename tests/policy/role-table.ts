import type { Role } from '../../preload/contract';

/**
 * Who may call what, written out by hand from the product's rules and never derived from
 * `preload/contract`: the matrix compares the two and then proves the router enforces this
 * table, so widening a role in the contract fails a test instead of deleting one.
 *
 * `roles`: 'public' (no session needed) or the roles the router lets through.
 * `locked`: still callable while the session's screen is locked (leave, lock, unlock, start-up).
 * `own`: roles the router lets through that the service then limits to their own records
 * (a doctor's own consultations or schedule); their refusal there is not the router's.
 */
export interface Rule {
  roles: 'public' | readonly Role[];
  locked: boolean;
  own?: readonly Role[];
}

const A: readonly Role[] = ['ADMIN'];
const AD: readonly Role[] = ['ADMIN', 'DOCTOR'];
const ADR: readonly Role[] = ['ADMIN', 'DOCTOR', 'RECEPTIONIST'];
const DOCTORS_OWN: readonly Role[] = ['DOCTOR'];

export const ROLE_TABLE: Readonly<Record<string, Rule>> = {
  // Start-up and sign-in screens.
  'app.info': { roles: 'public', locked: true },
  'auth.status': { roles: 'public', locked: true },
  'auth.createFirstAdmin': { roles: 'public', locked: false },
  'auth.login': { roles: 'public', locked: false },
  'video.joinWindow': { roles: 'public', locked: false },
  // The token display reads the board with its display ticket alone (no session at all).
  'board.show': { roles: 'public', locked: false },

  // Anybody signed in: leaving, locking and unlocking work on a locked screen; nothing else does.
  'auth.logout': { roles: ADR, locked: true },
  'auth.lock': { roles: ADR, locked: true },
  'auth.unlock': { roles: ADR, locked: true },
  'auth.touch': { roles: ADR, locked: false },
  'auth.changePassword': { roles: ADR, locked: false },
  // Each person picks their own language; never from behind the lock screen.
  'auth.setLanguage': { roles: ADR, locked: false },

  // Accounts and the audit trail: administrators only.
  'users.list': { roles: A, locked: false },
  'users.create': { roles: A, locked: false },
  'users.update': { roles: A, locked: false },
  'users.setDisabled': { roles: A, locked: false },
  'users.resetPassword': { roles: A, locked: false },
  'users.unlock': { roles: A, locked: false },
  'audit.list': { roles: A, locked: false },

  // Doctors: everyone reads, administrators change.
  'doctors.list': { roles: ADR, locked: false },
  'doctors.specializations': { roles: ADR, locked: false },
  'doctors.create': { roles: A, locked: false },
  'doctors.update': { roles: A, locked: false },
  'doctors.setActive': { roles: A, locked: false },
  'doctors.delete': { roles: A, locked: false },

  // Schedules: templates are the administrator's; a doctor may mark their own leave.
  'availability.getTemplate': { roles: ADR, locked: false },
  'availability.saveTemplate': { roles: A, locked: false },
  'availability.previewTemplate': { roles: A, locked: false },
  'availability.expand': { roles: A, locked: false },
  'availability.addException': { roles: AD, locked: false, own: DOCTORS_OWN },
  'availability.removeWindow': { roles: AD, locked: false, own: DOCTORS_OWN },
  'availability.range': { roles: ADR, locked: false },
  // The clinic's holidays: every desk sees them, only an administrator changes them.
  'holidays.list': { roles: ADR, locked: false },
  'holidays.add': { roles: A, locked: false },
  'holidays.rename': { roles: A, locked: false },
  'holidays.remove': { roles: A, locked: false },
  'holidays.import': { roles: A, locked: false },

  // Appointment types: everyone books by them, administrators define them.
  'appointmentTypes.list': { roles: ADR, locked: false },
  'appointmentTypes.create': { roles: A, locked: false },
  'appointmentTypes.update': { roles: A, locked: false },
  'appointmentTypes.deactivate': { roles: A, locked: false },

  // The front desk's day: every role.
  'appointments.list': { roles: ADR, locked: false },
  'appointments.freeSlots': { roles: ADR, locked: false },
  'appointments.book': { roles: ADR, locked: false },
  'appointments.reschedule': { roles: ADR, locked: false },
  'appointments.cancel': { roles: ADR, locked: false },
  'appointments.checkIn': { roles: ADR, locked: false },
  'appointments.complete': { roles: ADR, locked: false },
  'appointments.noShow': { roles: ADR, locked: false },
  'appointments.undo': { roles: ADR, locked: false },
  'appointments.history': { roles: ADR, locked: false },
  'appointments.walkIn': { roles: ADR, locked: false },
  'appointments.previewSeries': { roles: ADR, locked: false },
  'appointments.bookSeries': { roles: ADR, locked: false },
  'appointments.cancelSeries': { roles: ADR, locked: false },
  'appointments.moveSeries': { roles: ADR, locked: false },
  'waitlist.add': { roles: ADR, locked: false },
  'waitlist.list': { roles: ADR, locked: false },
  'waitlist.remove': { roles: ADR, locked: false },
  'waitlist.offers': { roles: ADR, locked: false },
  'waitlist.takeOffer': { roles: ADR, locked: false },
  'recalls.create': { roles: ADR, locked: false },
  'recalls.list': { roles: ADR, locked: false },
  'recalls.dismiss': { roles: ADR, locked: false },
  'appointments.queue': { roles: ADR, locked: false },
  // The waiting room: the desk calls and orders anybody's patients, a doctor only their own.
  'appointments.callNext': { roles: ADR, locked: false, own: DOCTORS_OWN },
  'appointments.stage': { roles: ADR, locked: false, own: DOCTORS_OWN },
  'appointments.setPriority': { roles: ADR, locked: false, own: DOCTORS_OWN },
  // OPD sessions: everyone reads them and books tokens; an administrator schedules any doctor's, a doctor only their own.
  'opd.listSessions': { roles: ADR, locked: false },
  'opd.createSession': { roles: AD, locked: false, own: DOCTORS_OWN },
  'opd.updateSession': { roles: AD, locked: false, own: DOCTORS_OWN },
  'opd.removeSession': { roles: AD, locked: false, own: DOCTORS_OWN },
  'opd.bookToken': { roles: ADR, locked: false },
  // The token display: anybody at the desk may put one up; the display holds a ticket, not a session.
  'board.openDisplay': { roles: ADR, locked: false },
  'board.openWindow': { roles: ADR, locked: false },
  'patients.search': { roles: ADR, locked: false },
  'patients.get': { roles: ADR, locked: false },
  'patients.create': { roles: ADR, locked: false },
  'patients.update': { roles: ADR, locked: false },

  // Money: the desk takes it; only an administrator, or the consultation's doctor, returns it.
  'payments.record': { roles: ADR, locked: false },
  'payments.confirm': { roles: ADR, locked: false },
  'payments.refund': { roles: AD, locked: false, own: DOCTORS_OWN },
  'payments.receipt': { roles: ADR, locked: false },
  'payments.forAppointment': { roles: ADR, locked: false },
  'payments.dayEnd': { roles: ADR, locked: false },
  'payments.ofDay': { roles: ADR, locked: false },
  // Beyond cash: every desk role shows a UPI QR and collects through the gateway; the keys and
  // the reconciliation against the gateway's books are an administrator's.
  'payments.upiLink': { roles: ADR, locked: false },
  'payments.collect': { roles: ADR, locked: false },
  'payments.gatewayQr': { roles: ADR, locked: false },
  'payments.getSettings': { roles: A, locked: false },
  'payments.updateSettings': { roles: A, locked: false },
  'payments.reconciliation': { roles: A, locked: false },
  // The reconciliation's stored runs and "Run now": the administrator's, like the reconciliation.
  'payments.reconciliationRuns': { roles: A, locked: false },
  'payments.reconciliationRun': { roles: A, locked: false },
  'payments.runReconciliation': { roles: A, locked: false },

  // Clinic settings, backups and health: administrators (everyone reads the settings).
  'settings.get': { roles: ADR, locked: false },
  'settings.update': { roles: A, locked: false },
  'backup.getSchedule': { roles: A, locked: false },
  'backup.saveSchedule': { roles: A, locked: false },
  'backup.runNow': { roles: A, locked: false },
  'backup.status': { roles: A, locked: false },
  'health.get': { roles: A, locked: false },
  // The recovery key opens every backup: only an administrator sees it.
  'backup.exportRecoveryKey': { roles: A, locked: false },
  // Restoring replaces every record and signs everyone out: administrators, never from a locked screen.
  'backup.list': { roles: A, locked: false },
  'backup.restore': { roles: A, locked: false },

  // Video: the Twilio account is the administrator's; a call is its doctor's or an administrator's.
  'video.getSettings': { roles: A, locked: false },
  'video.updateSettings': { roles: A, locked: false },
  'video.openWindow': { roles: AD, locked: false, own: DOCTORS_OWN },
  'video.callInfo': { roles: AD, locked: false, own: DOCTORS_OWN },
  'video.start': { roles: AD, locked: false, own: DOCTORS_OWN },
  'video.patientLink': { roles: AD, locked: false, own: DOCTORS_OWN },
  // A link is revoked by whoever may send it; every desk role sees who waits online in its queue.
  'video.revokeLink': { roles: AD, locked: false, own: DOCTORS_OWN },
  'video.waitingOnline': { roles: ADR, locked: false },
  'video.reportEvent': { roles: AD, locked: false, own: DOCTORS_OWN },
  'video.end': { roles: AD, locked: false, own: DOCTORS_OWN },

  // Patient messages: the desk sees and sends them, answers the inbox and tells a doctor's
  // patients of a delay; the provider set-up, templates and the failures list are the administrator's.
  'messaging.forAppointment': { roles: ADR, locked: false },
  'messaging.sendNow': { roles: ADR, locked: false },
  'messaging.notice': { roles: ADR, locked: false },
  'messaging.noticePreview': { roles: ADR, locked: false },
  'messaging.inbox': { roles: ADR, locked: false },
  'messaging.inboxCount': { roles: ADR, locked: false },
  'messaging.markHandled': { roles: ADR, locked: false },
  'messaging.patientPrefs': { roles: ADR, locked: false },
  'messaging.savePatientPrefs': { roles: ADR, locked: false },
  'messaging.recordConsent': { roles: ADR, locked: false },
  'messaging.failures': { roles: A, locked: false },
  'messaging.getSettings': { roles: A, locked: false },
  'messaging.updateSettings': { roles: A, locked: false },
  'messaging.templates': { roles: A, locked: false },
  'messaging.saveTemplate': { roles: A, locked: false },
  'messaging.preview': { roles: A, locked: false },

  // Reports and exports: the owner's figures; a doctor sees only their own, the desk none.
  'reports.daySheet': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.statusOverTime': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.attendance': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.utilisation': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.revenue': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.dues': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.patientMix': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.export': { roles: AD, locked: false, own: DOCTORS_OWN },
  'reports.calendar': { roles: AD, locked: false, own: DOCTORS_OWN },
};
