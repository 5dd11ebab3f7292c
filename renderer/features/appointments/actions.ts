import type { AppointmentDto } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { hhmm } from '../../lib/dates';
import { toast } from '../../ui/toasts';
import { useRecentSteps } from './may';

type Step = 'checkIn' | 'complete' | 'noShow' | 'undo';

const DONE: Record<Step, (a: AppointmentDto) => string> = {
  checkIn: (a) => `${a.patientName} checked in — token ${a.tokenNo}`,
  complete: (a) => `${a.patientName}: consultation completed`,
  noShow: (a) => `${a.patientName} marked as not coming`,
  undo: (a) => `Undone: ${a.patientName} is ${a.status.toLowerCase().replace('_', '-')} again`,
};

/**
 * One step of the day's workflow on an appointment. Main decides whether it is allowed (and
 * says why not); the outcome is announced either way, and the screen refreshes from the event.
 */
export async function appointmentStep(step: Step, appointment: AppointmentDto): Promise<AppointmentDto | undefined> {
  const r = await clinic.appointments[step]({ id: appointment.id });
  if (!r.ok) {
    toast(`${appointment.patientName} (${hhmm(appointment.startTime)}): ${r.error.message}`, 'error');
    return undefined;
  }
  toast(DONE[step](r.value));
  if (step === 'undo') useRecentSteps.getState().undid(appointment.id);
  else useRecentSteps.getState().did(appointment.id, Date.now());
  return r.value;
}
