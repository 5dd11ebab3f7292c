import type { AppointmentDto } from '../../../preload/contract';
import { bridgeTabAddress } from '../../api/bridge-client';
import { clinic } from '../../api/clinic';
import { toast } from '../../ui/toasts';

type StageAction = 'start' | 'skip' | 'sendBack';

const STAGE_DONE: Record<StageAction, (a: AppointmentDto) => string> = {
  start: (a) => `Token ${a.tokenNo} is with the doctor`,
  skip: (a) => `Token ${a.tokenNo} skipped: called again after the others`,
  sendBack: (a) => `Token ${a.tokenNo} is back in the waiting room, in its place`,
};

/** The doctor's (or the desk's) "Call next"; main picks the token and refuses a second call. */
export async function callNext(doctorId: number, doctorName: string): Promise<void> {
  const r = await clinic.appointments.callNext({ doctorId });
  if (!r.ok) toast(`${doctorName}: ${r.error.message}`, 'error');
  else toast(`Token ${r.value.tokenNo} called for ${doctorName}`);
}

export async function moveStage(action: StageAction, a: AppointmentDto): Promise<void> {
  const r = await clinic.appointments.stage({ id: a.id, action });
  if (!r.ok) toast(`Token ${a.tokenNo}: ${r.error.message}`, 'error');
  else toast(STAGE_DONE[action](r.value));
}

/**
 * Puts up the token display: in the app, a frameless window on the PC's last screen; in a
 * browser, a new tab holding only a display ticket.
 */
export async function openTokenDisplay(): Promise<void> {
  if (window.clinic) {
    const opened = await clinic.board.openWindow({});
    if (!opened.ok) toast(opened.error.message, 'error');
    return;
  }
  const r = await clinic.board.openDisplay({});
  if (!r.ok) return toast(r.error.message, 'error');
  window.open(bridgeTabAddress({ display: r.value.ticket }), '_blank');
}
