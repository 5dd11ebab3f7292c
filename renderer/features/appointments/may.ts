import { create } from 'zustand';
import type { AppointmentDto, Res, SessionDto } from '../../../preload/contract';
import { toMinutes } from '../../lib/dates';

// Which workflow buttons an appointment offers: main's own rules, read from what the screen
// already has, so a button that could only fail is not shown at all. Main still decides.

/** The clinic's clock now: its date and the minute of the day. */
export interface ClinicNow {
  date: string;
  minutes: number;
}

/** Main's undo window (UNDO_MINUTES in main/appointments/service.ts). */
const UNDO_MINUTES = 10;

/** Check-in is for today's appointments, once. */
export const mayCheckIn = (a: AppointmentDto, now: ClinicNow) => a.status === 'SCHEDULED' && !a.checkedInAt && a.date === now.date;

/** "Did not come" once the appointment's time has come, for a patient not checked in. */
export const mayMarkNoShow = (a: AppointmentDto, now: ClinicNow) =>
  a.status === 'SCHEDULED' && !a.checkedInAt && (a.date < now.date || (a.date === now.date && toMinutes(a.startTime) <= now.minutes));

/**
 * Undo takes back the newest change still standing when it is this user's, recent, and not the
 * booking itself (cancel is the way to take a booking back).
 */
export function mayUndo(history: Res<'appointments.history'>, userId: number | undefined, nowMs: number): boolean {
  const last = history.filter((h) => h.kind !== 'UNDONE' && !h.undoneAt).at(-1);
  return !!last && last.changedBy === userId && last.kind !== 'BOOKED' && nowMs - Date.parse(last.changedAt) < UNDO_MINUTES * 60_000;
}

interface RecentSteps {
  /** Appointment id → when this desk last changed it (check-in, completed, did not come). */
  at: Record<number, number>;
  /** The appointment of this desk's newest step still standing, as that step left it (Ctrl+Z's). */
  last: AppointmentDto | undefined;
  did(appointment: AppointmentDto, atMs: number): void;
  undid(id: number): void;
}

/**
 * What this desk changed and when, for lists that show no history (today's "seen" list): their
 * Undo appears only on rows this desk changed in the last ten minutes.
 */
export const useRecentSteps = create<RecentSteps>((set) => ({
  at: {},
  last: undefined,
  did: (appointment, atMs) => set((s) => ({ at: { ...s.at, [appointment.id]: atMs }, last: appointment })),
  undid: (id) =>
    set((s) => ({
      at: Object.fromEntries(Object.entries(s.at).filter(([k]) => Number(k) !== id)),
      last: s.last?.id === id ? undefined : s.last,
    })),
}));

export const changedRecently = (at: number | undefined, nowMs: number) => at !== undefined && nowMs - at < UNDO_MINUTES * 60_000;

/** Video is the appointment's own doctor's (or an ADMIN's) to start, and only while it is still to happen. */
export const mayStartVideo = (session: SessionDto | null, a: AppointmentDto) =>
  a.status === 'SCHEDULED' && (session?.role === 'ADMIN' || (session?.role === 'DOCTOR' && session.doctorId === a.doctorId));
