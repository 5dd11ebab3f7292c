import type { ChangeEvent } from '../../preload/contract';

/** What a query shows, as far as change events can tell: some doctors (or one patient) over some days. */
export interface View {
  doctorIds?: readonly number[];
  doctorId?: number;
  patientId?: number;
  from?: string;
  to?: string;
  /** A single day. */
  date?: string;
}

const inDays = (date: string | null, view: View) => {
  if (date === null) return true;
  const from = view.from ?? view.date;
  const to = view.to ?? view.date;
  return (from === undefined || date >= from) && (to === undefined || date <= to);
};

const ofDoctor = (doctorId: number | null, view: View) => {
  if (doctorId === null) return true;
  if (view.doctorIds) return view.doctorIds.includes(doctorId);
  return view.doctorId === undefined || view.doctorId === doctorId;
};

/**
 * Whether a change can alter what a view shows. A change names where its row is now and, when
 * it moved, where it was: a booking moved from Dr Rao's Monday to Dr Khan's Tuesday touches
 * both days on screen, so no screen has to remember which ids it is showing. A null means
 * "not known" (a bulk change, a leave): it touches every view it could.
 */
export function touches(change: ChangeEvent, view: View): boolean {
  if (view.patientId !== undefined && change.patientId !== null && change.patientId !== view.patientId) return false;
  const now = ofDoctor(change.doctorId, view) && inDays(change.date, view);
  const before = moved(change) && ofDoctor(change.oldDoctorId, view) && inDays(change.oldDate, view);
  return now || before;
}

// An update names its old doctor and day even when they did not change; an insert has none.
const moved = (change: ChangeEvent) => change.oldDoctorId !== null || change.oldDate !== null;
