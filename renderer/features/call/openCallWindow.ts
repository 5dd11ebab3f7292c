import { clinic } from '../../api/clinic';
import { bridgeTabAddress } from '../../api/bridge-client';

/**
 * Opens the call window for an appointment: main opens it in the app; in a browser a new tab
 * gets a one-time ticket that signs it in from this tab (noopener: it shares nothing else).
 * Throws with main's message when the call may not be opened.
 */
export async function openCallWindow(appointmentId: number): Promise<void> {
  const r = await clinic.video.openWindow({ appointmentId });
  if (!r.ok) throw new Error(r.error.message);
  if (r.value.opened) return;
  window.open(bridgeTabAddress({ ticket: r.value.ticket, call: String(appointmentId) }), '_blank', 'noopener');
}
