import type { AppointmentDto } from '../../../preload/contract';
import { APPOINTMENT_STATUS_NAMES } from '../../lib/labels';

/** An appointment's status in words on its status colour (theme.css gives each theme its own). */
export function StatusChip({ status }: { status: AppointmentDto['status'] }) {
  return (
    <span className="status-chip" data-status={status}>
      {APPOINTMENT_STATUS_NAMES[status]}
    </span>
  );
}
