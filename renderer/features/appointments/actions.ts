import { useEffect } from 'react';
import type { AppointmentDto, Req, Res, Result } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { t } from '../../i18n/instance';
import { hhmm } from '../../lib/dates';
import { toast } from '../../ui/toasts';
import { typingIn } from '../../lib/typing-in';
import { changedRecently, useRecentSteps } from './may';

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

/**
 * Main decides whether a step is allowed (and says why not); the outcome is announced either
 * way. A step done offers its undo on the toast (and Ctrl+Z, see useUndoShortcut).
 */
async function runStep(step: Step, appointment: AppointmentDto, calls: Record<Step, StepCall>): Promise<AppointmentDto | undefined> {
  const r = await calls[step]({ id: appointment.id });
  if (!r.ok) {
    toast(t('queue:step.refused', { name: appointment.patientName, time: hhmm(appointment.startTime), problem: r.error.message }), 'error');
    return undefined;
  }
  if (step === 'undo') {
    useRecentSteps.getState().undid(appointment.id);
    toast(DONE[step](r.value));
  } else {
    useRecentSteps.getState().did(r.value, Date.now());
    toast(DONE[step](r.value), 'info', { label: t('queue:undo'), run: () => void runStep('undo', r.value, calls) });
  }
  return r.value;
}

/**
 * One step of the day's workflow on an appointment, as a mutation: its reply lands in every
 * cached day at once, before the change event arrives.
 */
export function useAppointmentStep(): (step: Step, appointment: AppointmentDto) => Promise<AppointmentDto | undefined> {
  const calls: Record<Step, StepCall> = {
    checkIn: useClinicMutation('appointments.checkIn').call,
    complete: useClinicMutation('appointments.complete').call,
    noShow: useClinicMutation('appointments.noShow').call,
    undo: useClinicMutation('appointments.undo').call,
  };
  return (step, appointment) => runStep(step, appointment, calls);
}

/**
 * Ctrl+Z (⌘Z) outside a text box takes back this desk's newest step, while main's undo window
 * is open: the key every receptionist tries first after a wrong click.
 */
export function useUndoShortcut(enabled: boolean): void {
  const step = useAppointmentStep();
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'z' || typingIn(e.target)) return;
      const { last, at } = useRecentSteps.getState();
      if (!last || !changedRecently(at[last.id], Date.now())) return;
      e.preventDefault();
      void step('undo', last);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });
}
