import { expandRecurrence } from '../series/recurrence';
import { addDays, toMinutes, toTime } from './calendar';
import type { Row } from './bulk-insert';
import type { DemoPlan } from './generate';

/** The demo's appointment types; each offered by the doctors at these positions (none is anyone's default, so slots keep the clinic's length). */
const TYPES = [
  { name: 'Consultation', duration_minutes: 15, fee: '500.00', colour: '#4a90d9', visit_kind: 'NEW', doctors: [0, 1, 2, 3, 4, 5] },
  { name: 'Follow-up', duration_minutes: 10, fee: '300.00', colour: '#2e9d6a', visit_kind: 'FOLLOW_UP', buffer_after_minutes: 5, doctors: [0, 1, 2, 3] },
  {
    name: 'Minor procedure',
    duration_minutes: 30,
    fee: '1500.00',
    colour: '#c0504d',
    visit_kind: 'NEW',
    buffer_before_minutes: 10,
    buffer_after_minutes: 10,
    min_notice_minutes: 120,
    max_days_ahead: 60,
    doctors: [1, 2],
  },
] as const;

const SERIES_COUNT = 3;
const SERIES_WEEKS = 4;
const WAITLIST = [
  { doctor: 0, urgency: 'URGENT', days: 14, note: 'Wants the first free time' },
  { doctor: 0, urgency: 'ROUTINE', days: 21, note: null },
  { doctor: 1, urgency: 'SOON', days: 10, note: 'Mornings only', time_to: '12:00' },
  { doctor: 2, urgency: 'ROUTINE', days: 30, note: null },
  { doctor: null, urgency: 'SOON', days: 14, note: 'Any doctor of the specialty' },
] as const;

export interface SchedulingDepthPlan {
  types: { row: Row; doctors: readonly number[] }[];
  /** Weekly series: the rule and the appointments it books (positions of doctor and patient). */
  series: { doctor: number; patient: number; rule: string; dates: string[]; startTime: string; endTime: string }[];
  waitlist: {
    patient: number;
    doctor: number | null;
    specialization: string | null;
    from_date: string;
    to_date: string;
    urgency: string;
    note: string | null;
    time_to: string | null;
  }[];
}

/**
 * Pure: the demo's appointment types, a few weekly series (with the first doctors that have a
 * time they work and nobody holds on all of its dates) and a waitlist, over the planned clinic. Patients from the
 * end of the list, who have nothing booked on those dates.
 */
export function planSchedulingDepth(plan: DemoPlan, today: string, slotMinutes: number): SchedulingDepthPlan {
  const live = plan.appointments.filter((a) => a.status !== 'CANCELLED');
  const busy = (date: string, start: number, end: number, who: (a: (typeof live)[number]) => boolean) =>
    live.some((a) => who(a) && a.appointment_date === date && toMinutes(a.start_time) < end && start < toMinutes(a.end_time));
  const works = (doctor: number, date: string, start: number, end: number) =>
    plan.windows.some((w) => w.doctor === doctor && w.date === date && w.is_available && toMinutes(w.start_time) <= start && end <= toMinutes(w.end_time)) &&
    !plan.windows.some((w) => w.doctor === doctor && w.date === date && !w.is_available);
  let nextPatient = plan.patients.length - 1;
  const series: SchedulingDepthPlan['series'] = [];
  for (let doctor = 0; doctor < plan.doctors.length && series.length < SERIES_COUNT; doctor++) {
    const patient = nextPatient;
    // The first working window after today with a slot free on all of the weeks.
    for (const w of plan.windows.filter((x) => x.doctor === doctor && x.is_available && x.date > today)) {
      const { rule, dates } = expandRecurrence(w.date, { frequency: 'WEEKLY', interval: 1, count: SERIES_WEEKS });
      let start = toMinutes(w.start_time);
      while (
        start + slotMinutes <= toMinutes(w.end_time) &&
        !dates.every(
          (d) =>
            works(doctor, d, start, start + slotMinutes) &&
            !busy(d, start, start + slotMinutes, (a) => a.doctor === doctor) &&
            !busy(d, 0, 24 * 60, (a) => a.patient === patient),
        )
      )
        start += slotMinutes;
      if (start + slotMinutes > toMinutes(w.end_time)) continue;
      series.push({ doctor, patient, rule, dates, startTime: toTime(start), endTime: toTime(start + slotMinutes) });
      nextPatient--;
      break;
    }
  }
  const waitlist = WAITLIST.map((w) => ({
    patient: nextPatient--,
    doctor: w.doctor,
    specialization: w.doctor === null ? plan.doctors[0]!.specialization : null,
    from_date: today,
    to_date: addDays(today, w.days),
    urgency: w.urgency,
    note: w.note,
    time_to: 'time_to' in w ? w.time_to : null,
  }));
  return { types: TYPES.map(({ doctors, ...row }) => ({ row, doctors })), series, waitlist };
}
