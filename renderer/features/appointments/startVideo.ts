import type { AppointmentDto, SessionDto } from '../../../preload/contract';
import { toast } from '../../ui/toasts';
import { openCallWindow } from '../call';

/** Video is the appointment's own doctor's (or an ADMIN's) to start, and only while it is still to happen. */
export const mayStartVideo = (session: SessionDto | null, a: AppointmentDto) =>
  a.status === 'SCHEDULED' && (session?.role === 'ADMIN' || (session?.role === 'DOCTOR' && session.doctorId === a.doctorId));

export async function startVideo(a: AppointmentDto): Promise<void> {
  try {
    await openCallWindow(a.id);
  } catch (err) {
    toast(`Video with ${a.patientName}: ${err instanceof Error ? err.message : String(err)}`, 'error');
  }
}
