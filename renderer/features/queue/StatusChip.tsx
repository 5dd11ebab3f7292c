import type { AppointmentDto } from '../../../preload/contract';
import { statusName } from '../../lib/labels';

/** An appointment's status in words on its status colour (theme.css gives each theme its own). */
export function StatusChip({ status }: { status: AppointmentDto['status'] }) {
  return (
    <span className="status-chip" data-status={status}>
      {statusName(status)}
    </span>
  );
}
