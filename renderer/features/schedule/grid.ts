import type { AppointmentDto, AvailabilityWindow } from '../../../preload/contract';
import { toMinutes } from '../../lib/dates';

export interface GridColumn {
  key: string;
  label: string;
  doctorId: number;
  date: string;
  appointments: AppointmentDto[];
  windows: AvailabilityWindow[];
}

export interface Span {
  start: number;
  end: number;
}

export type Drag =
  | { kind: 'select'; column: GridColumn; from: number; to: number }
  | { kind: 'move' | 'resize'; appointment: AppointmentDto; origin: GridColumn; column: GridColumn; startY: number; span: Span; moved: boolean };

export const spanOf = (a: { startTime: string; endTime: string }): Span => ({ start: toMinutes(a.startTime), end: toMinutes(a.endTime) || 24 * 60 });
