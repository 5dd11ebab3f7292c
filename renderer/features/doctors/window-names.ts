import type { AvailabilityWindow } from '../../../preload/contract';
import { hhmm } from '../../lib/dates';

export const KIND_NAMES = { TEMPLATE: 'Working hours', EXTRA: 'Extra hours', LEAVE: 'Leave' } as const;

export const hours = (w: { startTime: string; endTime: string }) =>
  w.startTime === '00:00:00' && w.endTime === '24:00:00' ? 'Whole day' : `${hhmm(w.startTime)}–${hhmm(w.endTime)}`;
export const describeWindow = (w: AvailabilityWindow) => `${KIND_NAMES[w.kind]} on ${w.date} ${hours(w)}`;
export const cancelledNote = (n: number) => (n > 0 ? `; ${n} appointment${n === 1 ? '' : 's'} cancelled` : '');
