import type { AppointmentDto, AvailabilityWindow } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { appointmentsIn, availabilityIn } from '../appointments/fetch-range';

export type Range = { appointments: AppointmentDto[]; windows: AvailabilityWindow[] };
export type Outcome = { ok: true; value: Range } | { ok: false; message: string };
type Span = { from: string; to: string };

// A neighbour nobody moved to within this long is dropped: it would be stale soon anyway.
const KEEP_MS = 60_000;

export const rangeKey = (doctorIds: readonly number[], from: string, to: string) => `${doctorIds.join(',')}|${from}|${to}`;

/** The appointments and working hours of some doctors over some days, in one go. */
export async function fetchRange(doctorIds: number[], from: string, to: string): Promise<Outcome> {
  if (doctorIds.length === 0) return { ok: true, value: { appointments: [], windows: [] } };
  const [a, w] = await Promise.all([appointmentsIn(doctorIds, { from, to }), availabilityIn(doctorIds, { from, to })]);
  if (!a.ok) return a;
  if (!w.ok) return w;
  return { ok: true, value: { appointments: a.value, windows: w.value } };
}

interface Entry extends Span {
  doctorIds: Set<number>;
  at: number;
  reply: Promise<Outcome>;
  /** The appointments in the reply, once it is in: one of them may be moved to another day. */
  ids?: Set<number>;
}

/**
 * The ranges just before and after the one on screen, fetched while the desk looks at it:
 * "Next day" and "Previous day" then draw at once instead of waiting for the clinic server.
 * Any change heard of that touches a kept range drops it, fetched or still in flight, so what
 * is taken from here is never older than the last change; it lives as long as the screen.
 */
export class NeighbourCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts hearing of changes; returns the function that stops it. */
  listen(): () => void {
    const offs = [
      clinic.on('appointments.changed', (c) => this.forget(c)),
      clinic.on('availability.changed', (c) => this.forget({ ...c, id: null })),
      clinic.on('resync', () => this.entries.clear()),
    ];
    return () => {
      offs.forEach((off) => off());
      this.entries.clear();
    };
  }

  prefetch(doctorIds: number[], spans: Span[]): void {
    for (const [key, e] of this.entries) if (this.now() - e.at > KEEP_MS) this.entries.delete(key);
    for (const { from, to } of spans) {
      const key = rangeKey(doctorIds, from, to);
      if (this.entries.has(key) || doctorIds.length === 0) continue;
      const entry: Entry = { doctorIds: new Set(doctorIds), from, to, at: this.now(), reply: fetchRange(doctorIds, from, to) };
      this.entries.set(key, entry);
      void entry.reply.then((r) => {
        if (r.ok) entry.ids = new Set(r.value.appointments.map((a) => a.id));
        // A failed prefetch is simply not used: the screen asks again itself.
        else if (this.entries.get(key) === entry) this.entries.delete(key);
      });
    }
  }

  /** A kept range's reply, taken out (the screen keeps it current from then on), or a fetch. */
  takeOrFetch(doctorIds: number[], from: string, to: string): Promise<Outcome> {
    const key = rangeKey(doctorIds, from, to);
    const kept = this.entries.get(key);
    this.entries.delete(key);
    return kept && this.now() - kept.at <= KEEP_MS ? kept.reply : fetchRange(doctorIds, from, to);
  }

  /** An appointment's event names where it is now; the one it left is known by its id, or not yet. */
  private forget(change: { id: number | null; doctorId: number | null; date: string | null }): void {
    for (const [key, e] of this.entries) {
      const here = (change.doctorId === null || e.doctorIds.has(change.doctorId)) && (change.date === null || (change.date >= e.from && change.date <= e.to));
      const left = change.id !== null && (e.ids === undefined || e.ids.has(change.id));
      if (here || left) this.entries.delete(key);
    }
  }
}
