import type { AppointmentDto, Req, Res, Result } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { t } from '../../i18n/instance';
import { hhmm } from '../../lib/dates';
import { toast } from '../../ui/toasts';
import { useRecentSteps } from './may';

export type Step = 'checkIn' | 'complete' | 'noShow' | 'undo';
type StepCall = (req: Req<'appointments.checkIn'>) => Promise<Result<Res<'appointments.checkIn'>>>;

// Said when the step is done, in the queue's words: Today is where these steps are taken, so
// its namespace is always in, whichever screen the step came from.
const DONE: Record<Step, (a: AppointmentDto) => string> = {
  checkIn: (a) => t('queue:step.checkedIn', { name: a.patientName, token: a.tokenNo }),
  complete: (a) => t('queue:step.completed', { name: a.patientName }),
  noShow: (a) => t('queue:step.noShow', { name: a.patientName }),
  undo: (a) => t('queue:step.undone', { name: a.patientName, status: t(`common:status.${a.status}`) }),
};

/** Main decides whether a step is allowed (and says why not); the outcome is announced either way. */
async function runStep(step: Step, appointment: AppointmentDto, call: StepCall): Promise<AppointmentDto | undefined> {
  const r = await call({ id: appointment.id });
  if (!r.ok) {
    toast(t('queue:step.refused', { name: appointment.patientName, time: hhmm(appointment.startTime), problem: r.error.message }), 'error');
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
