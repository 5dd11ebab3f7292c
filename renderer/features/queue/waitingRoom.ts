import { t } from '../../i18n/instance';
import type { AppointmentDto, Result } from '../../../preload/contract';
import { bridgeTabAddress } from '../../api/bridge-client';
import { useClinicMutation } from '../../api/query';
import { toast } from '../../ui/toasts';

type StageAction = 'start' | 'skip' | 'sendBack';

function announceCall(r: Result<AppointmentDto>, doctorName: string): void {
  if (!r.ok) toast(`${doctorName}: ${r.error.message}`, 'error');
  else toast(t('queue:called', { token: r.value.tokenNo, doctor: doctorName }));
}

/** The doctor's (or the desk's) "Call next"; main picks the token and refuses a second call. */
export function useCallNext(): (doctorId: number, doctorName: string) => Promise<void> {
  const calling = useClinicMutation('appointments.callNext');
  return async (doctorId, doctorName) => announceCall(await calling.call({ doctorId }), doctorName);
}

/** A called patient goes in, is skipped for now, or is sent back to wait in their place. */
export function useMoveStage(): (action: StageAction, a: AppointmentDto) => Promise<void> {
  const moving = useClinicMutation('appointments.stage');
  return async (action, a) => {
    const r = await moving.call({ id: a.id, action });
    if (!r.ok) toast(t('queue:stageRefused', { token: a.tokenNo, problem: r.error.message }), 'error');
    else toast(t(`queue:stageDone.${action}`, { token: r.value.tokenNo }));
  };
}

/**
 * Puts up the token display: in the app, a frameless window on the PC's last screen; in a
 * browser, a new tab holding only a display ticket.
 */
export function useOpenTokenDisplay(): () => Promise<void> {
  const openWindow = useClinicMutation('board.openWindow');
  const openDisplay = useClinicMutation('board.openDisplay');
  return async () => {
    if (window.clinic) {
      const opened = await openWindow.call({});
      if (!opened.ok) toast(opened.error.message, 'error');
      return;
    }
    const r = await openDisplay.call({});
    if (!r.ok) return toast(r.error.message, 'error');
    window.open(bridgeTabAddress({ display: r.value.ticket }), '_blank');
  };
}
