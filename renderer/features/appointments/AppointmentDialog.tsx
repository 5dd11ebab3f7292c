import type { AppointmentDto } from '../../../preload/contract';
import { timeRange } from '../../lib/dates';
import { Dialog } from '../../ui/Dialog';
import { AppointmentMessages } from '../messaging/AppointmentMessages';
import { AppointmentActions } from './AppointmentActions';
import { AppointmentFacts } from './AppointmentFacts';
import { AppointmentHistory } from './AppointmentHistory';
import type { OpenDialog } from './useAppointmentDialogs';

// The queue screen still reads the status names from here; they live in lib/format.

/** One appointment at a glance, with what can be done to it from the schedule. */
export function AppointmentDialog({ appointment, open, onClose }: { appointment: AppointmentDto; open(next: OpenDialog): void; onClose(): void }) {
  return (
    <Dialog title={`${appointment.patientName} — ${timeRange(appointment)}`} onClose={onClose}>
      <AppointmentFacts appointment={appointment} />
      <AppointmentHistory appointmentId={appointment.id} />
      <AppointmentMessages appointment={appointment} />
      <AppointmentActions appointment={appointment} open={open} onDone={onClose} />
    </Dialog>
  );
}
