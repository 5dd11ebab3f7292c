import type { QueryClient } from '@tanstack/react-query';
import type { AppointmentDto, ChannelName, PaymentDto, Req, Res } from '../../preload/contract';

const APPOINTMENT_REPLIES = new Set<ChannelName>([
  'appointments.book',
  'appointments.reschedule',
  'appointments.cancel',
  'appointments.checkIn',
  'appointments.complete',
  'appointments.noShow',
  'appointments.undo',
  'appointments.walkIn',
  'appointments.callNext',
  'appointments.stage',
  'appointments.setPriority',
  'waitlist.takeOffer',
]);

/** Writes that answer with appointments of a series, each placed like a single one. */
const SERIES_REPLIES = new Set<ChannelName>(['appointments.bookSeries', 'appointments.cancelSeries', 'appointments.moveSeries']);

const byTime = (a: AppointmentDto, b: AppointmentDto) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.id - b.id;

/** An appointment as main now has it, placed in (or taken out of) every cached day it belongs to. */
function placeAppointment(queryClient: QueryClient, appointment: AppointmentDto) {
  for (const query of queryClient.getQueryCache().findAll({ queryKey: ['appointments.list'] })) {
    const req = query.queryKey[1] as Req<'appointments.list'>;
    const belongs = req.doctorIds.includes(appointment.doctorId) && appointment.date >= req.from && appointment.date <= req.to;
    queryClient.setQueryData<Res<'appointments.list'>>(query.queryKey, (list) => {
      if (!list) return list;
      const others = list.filter((a) => a.id !== appointment.id);
      if (!belongs) return others.length === list.length ? list : others;
      return [...others, appointment].sort(byTime);
    });
  }
}

/** A patient's saved fields, into their open record. */
export function mergePatient(queryClient: QueryClient, patient: Partial<Res<'patients.update'>> & { id: number }) {
  queryClient.setQueryData<Res<'patients.get'>>(['patients.get', { id: patient.id }], (page) => page && { ...page, patient: { ...page.patient, ...patient } });
}

const PAYMENT_REPLIES = new Set<ChannelName>(['payments.record', 'payments.confirm', 'payments.refund']);

/**
 * A payment taken, confirmed or refunded: its visit's account and the day-end sums are asked
 * again (main does the sums; the renderer never adds money up itself).
 */
function accountChanged(queryClient: QueryClient, payment: PaymentDto) {
  void queryClient.invalidateQueries({ queryKey: ['payments.forAppointment', { appointmentId: payment.appointmentId }] });
  void queryClient.invalidateQueries({ queryKey: ['payments.dayEnd'] });
}

/** Writes whose reply is not the listed answer itself: what they change is asked again. */
const ASK_AGAIN: Partial<Record<ChannelName, ChannelName[]>> = {
  'doctors.create': ['doctors.list', 'doctors.specializations'],
  'doctors.update': ['doctors.list', 'doctors.specializations'],
  'doctors.setActive': ['doctors.list', 'doctors.specializations'],
  'doctors.delete': ['doctors.list', 'doctors.specializations'],
  'appointmentTypes.create': ['appointmentTypes.list'],
  'appointmentTypes.update': ['appointmentTypes.list'],
  'appointmentTypes.deactivate': ['appointmentTypes.list'],
  'waitlist.add': ['waitlist.list'],
  'waitlist.remove': ['waitlist.list', 'waitlist.offers'],
  'waitlist.takeOffer': ['waitlist.list', 'waitlist.offers'],
  'recalls.create': ['recalls.list'],
  'recalls.dismiss': ['recalls.list'],
  'users.create': ['users.list'],
  'users.update': ['users.list'],
  'users.setDisabled': ['users.list'],
  'users.resetPassword': ['users.list'],
  'users.unlock': ['users.list'],
  // A payment link sent may have opened a gateway payment.
  'messaging.sendNow': ['messaging.forAppointment', 'messaging.failures', 'payments.forAppointment'],
  // A gateway secret removed or set changes what the desk's payment dialog offers.
  'payments.updateSettings': ['payments.getSettings', 'payments.upiLink', 'payments.forAppointment'],
  'payments.runReconciliation': ['payments.reconciliationRuns', 'payments.reconciliationRun'],
  'messaging.markHandled': ['messaging.inbox', 'messaging.inboxCount'],
  'messaging.notice': ['messaging.forAppointment'],
  'messaging.updateSettings': ['messaging.getSettings'],
  'messaging.saveTemplate': ['messaging.templates'],
  'video.updateSettings': ['video.getSettings'],
  'video.patientLink': ['messaging.forAppointment'],
  // The calendar the writer shows, at once (other PCs hear the availability events).
  'availability.addException': ['availability.range'],
  'availability.removeWindow': ['availability.range'],
  'availability.expand': ['availability.range'],
  'availability.saveTemplate': ['availability.getTemplate'],
  // A holiday closes every doctor's day: its windows go, and patients cancelled with it.
  'holidays.add': ['holidays.list', 'availability.range', 'appointments.list'],
  'holidays.rename': ['holidays.list'],
  'holidays.remove': ['holidays.list'],
  'holidays.import': ['holidays.list', 'availability.range'],
  'backup.saveSchedule': ['backup.getSchedule', 'backup.status'],
  'backup.runNow': ['backup.status', 'backup.list'],
  'backup.restore': ['backup.status', 'backup.list'],
  // A session's count and its doctor's free time at once (other PCs hear opd.changed).
  'opd.createSession': ['opd.listSessions', 'appointments.freeSlots'],
  'opd.removeSession': ['opd.listSessions', 'appointments.freeSlots'],
  'opd.bookToken': ['opd.listSessions'],
};

/**
 * A mutation's reply, straight into the answers it changes, so the PC that made the change
 * shows it without asking again. What a reply cannot place is left to the change event.
 */
export function writeReply<C extends ChannelName>(queryClient: QueryClient, channel: C, reply: Res<C>): void {
  if (APPOINTMENT_REPLIES.has(channel)) placeAppointment(queryClient, reply as AppointmentDto);
  else if (SERIES_REPLIES.has(channel)) for (const a of (reply as Res<'appointments.bookSeries'>).appointments) placeAppointment(queryClient, a);
  else if (channel === 'opd.bookToken') placeAppointment(queryClient, (reply as Res<'opd.bookToken'>).appointment);
  else if (channel === 'settings.update') queryClient.setQueryData(['settings.get', {}], reply);
  else if (PAYMENT_REPLIES.has(channel)) accountChanged(queryClient, reply as PaymentDto);
  else if (channel === 'payments.collect') accountChanged(queryClient, (reply as Res<'payments.collect'>).payment);
  else if (channel === 'patients.update') mergePatient(queryClient, reply as Res<'patients.update'>);
  else if (channel === 'messaging.savePatientPrefs' || channel === 'messaging.recordConsent') {
    const prefs = reply as Res<'messaging.patientPrefs'>;
    queryClient.setQueryData(['messaging.patientPrefs', { patientId: prefs.patientId }], prefs);
  }
  for (const asked of ASK_AGAIN[channel] ?? []) void queryClient.invalidateQueries({ queryKey: [asked] });
}
