import type { DomainHandlers, Router } from '../ipc/router';
import type { PatientPrefsService } from './patient-prefs';
import type { MessagingService } from './service';

export function registerMessagingHandlers(router: Router, messaging: MessagingService, prefs: PatientPrefsService): void {
  router.handleAll({
    'messaging.forAppointment': (req) => messaging.forAppointment(req.appointmentId),
    'messaging.sendNow': (req, { user }) => messaging.sendNow(req, user),
    'messaging.notice': (req, { user }) => messaging.notice(req, user),
    'messaging.noticePreview': async (req, call) => {
      const preview = await messaging.noticePreview(req);
      call.auditId = preview.sample.appointmentId;
      return preview;
    },
    'messaging.failures': () => messaging.failures(),
    'messaging.inbox': () => messaging.inbox(),
    'messaging.inboxCount': () => messaging.inboxCount(),
    'messaging.markHandled': (req, { user }) => messaging.markHandled(req.id, user),
    // The record these touch is the patient's (the replies carry no id of their own).
    'messaging.patientPrefs': (req, call) => {
      call.auditId = req.patientId;
      return prefs.get(req.patientId);
    },
    'messaging.savePatientPrefs': (req, call) => {
      call.auditId = req.patientId;
      return prefs.save(req);
    },
    'messaging.recordConsent': (req, call) => {
      call.auditId = req.patientId;
      return prefs.recordConsent(req);
    },
    'messaging.getSettings': () => messaging.getSettings(),
    'messaging.updateSettings': (req, { user }) => messaging.updateSettings(req, user),
    'messaging.templates': () => messaging.templates(),
    'messaging.saveTemplate': (req, { user }) => messaging.saveTemplate(req, user),
    'messaging.preview': (req) => messaging.preview(req),
  } satisfies DomainHandlers<'messaging'>);
}
