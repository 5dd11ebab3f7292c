import type { AppointmentDto, AvailabilityWindow } from '../../../preload/contract';
import { toMinutes } from '../../lib/dates';

export interface GridColumn {
  key: string;
  label: string;
  doctorId: number;
  date: string;
  appointments: AppointmentDto[];
  windows: AvailabilityWindow[];
  /** The clinic is closed that day: the holiday's name. */
  closed?: string;
}

export interface Span {
  start: number;
  end: number;
}

export type Drag =
  | { kind: 'select'; column: GridColumn; from: number; to: number }
  | { kind: 'move' | 'resize'; appointment: AppointmentDto; origin: GridColumn; column: GridColumn; startY: number; span: Span; moved: boolean };

export const spanOf = (a: { startTime: string; endTime: string }): Span => ({ start: toMinutes(a.startTime), end: toMinutes(a.endTime) || 24 * 60 });

/** Where an appointment sits across its column: lane `lane` of `lanes` side by side. */
export interface Lane {
  lane: number;
  lanes: number;
}

/**
 * Side-by-side lanes for appointments whose times overlap. Only a cancelled one can overlap
 * another (the database refuses the rest), but two cancelled at 10:00 stacked exactly on top
 * of each other left the one below impossible to click or undo. Overlapping appointments share
 * the column's width; the live one takes the first lane. Appointments alone keep the whole width.
 */
export function lanesOf(appointments: readonly AppointmentDto[]): Map<number, Lane> {
  // Each span worked out once: the sort compares every appointment many times over.
  const sorted = appointments
    .map((a) => ({ a, s: spanOf(a), cancelled: Number(a.status === 'CANCELLED') }))
    .sort((x, y) => x.s.start - y.s.start || x.cancelled - y.cancelled || x.a.id - y.a.id);
  const out = new Map<number, Lane>();
  let cluster: { id: number; lane: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = -1;
  const close = () => {
    for (const c of cluster) out.set(c.id, { lane: c.lane, lanes: laneEnds.length });
    cluster = [];
    laneEnds = [];
  };
  for (const { a, s } of sorted) {
    if (s.start >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane === -1) lane = laneEnds.push(s.end) - 1;
    else laneEnds[lane] = s.end;
    cluster.push({ id: a.id, lane });
    clusterEnd = Math.max(clusterEnd, s.end);
  }
  close();
  return out;
}

/** A band to shade in a column: working hours (less any leave) or the leave itself. */
export interface Band extends Span {
  key: string;
  kind: AvailabilityWindow['kind'];
  note: string | null;
}

/**
 * The bands a column shades: each working window with the leave over it cut out, so a day of
 * leave shows as leave alone and never as working hours; then the leave.
 */
export function bandsOf(windows: readonly AvailabilityWindow[]): Band[] {
  const leave = windows.filter((w) => !w.available).map(spanOf);
  const bands: Band[] = [];
  for (const w of windows.filter((x) => x.available)) {
    let pieces: Span[] = [spanOf(w)];
    for (const l of leave)
      pieces = pieces.flatMap((p) =>
        l.end <= p.start || l.start >= p.end
          ? [p]
          : [
              { start: p.start, end: l.start },
              { start: l.end, end: p.end },
            ].filter((x) => x.end > x.start),
      );
    pieces.forEach((p, i) => bands.push({ key: `${w.id}-${i}`, kind: w.kind, note: w.note, ...p }));
  }
  for (const w of windows.filter((x) => !x.available)) bands.push({ key: String(w.id), kind: w.kind, note: w.note, ...spanOf(w) });
  return bands;
}
