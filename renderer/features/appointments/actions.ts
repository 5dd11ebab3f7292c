import type { AppointmentDto, Req, Res, Result } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { hhmm } from '../../lib/dates';
import { toast } from '../../ui/toasts';
import { useRecentSteps } from './may';

export type Step = 'checkIn' | 'complete' | 'noShow' | 'undo';
type StepCall = (req: Req<'appointments.checkIn'>) => Promise<Result<Res<'appointments.checkIn'>>>;

const DONE: Record<Step, (a: AppointmentDto) => string> = {
  checkIn: (a) => `${a.patientName} checked in — token ${a.tokenNo}`,
  complete: (a) => `${a.patientName}: consultation completed`,
  noShow: (a) => `${a.patientName} marked as not coming`,
  undo: (a) => `Undone: ${a.patientName} is ${a.status.toLowerCase().replace('_', '-')} again`,
};

/** Main decides whether a step is allowed (and says why not); the outcome is announced either way. */
async function runStep(step: Step, appointment: AppointmentDto, call: StepCall): Promise<AppointmentDto | undefined> {
  const r = await call({ id: appointment.id });
  if (!r.ok) {
    toast(`${appointment.patientName} (${hhmm(appointment.startTime)}): ${r.error.message}`, 'error');
    return undefined;
  }
  toast(DONE[step](r.value));
  if (step === 'undo') useRecentSteps.getState().undid(appointment.id);
  else useRecentSteps.getState().did(appointment.id, Date.now());
  return r.value;
}

/**
 * One step of the day's workflow on an appointment, as a mutation: its reply lands in every
 * cached day at once, before the change event arrives.
 */
export function useAppointmentStep(): (step: Step, appointment: AppointmentDto) => Promise<AppointmentDto | undefined> {
  const steps: Record<Step, { call: StepCall }> = {
    checkIn: useClinicMutation('appointments.checkIn'),
    complete: useClinicMutation('appointments.complete'),
    noShow: useClinicMutation('appointments.noShow'),
    undo: useClinicMutation('appointments.undo'),
  };
  return (step, appointment) => runStep(step, appointment, steps[step].call);
}
