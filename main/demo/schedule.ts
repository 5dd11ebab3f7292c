import type { Faker } from '@faker-js/faker';
import { addDays, clinicInstant, datesBetween, toMinutes, toTime, weekday } from './calendar';
import { COMMON_REASONS, WEEKLY_HOURS, reasonsFor, type DoctorRecord, type SampleAppointment, type WeeklyHours } from './catalogue';

export interface WindowRecord {
  /** Position in the doctor list. */
  doctor: number;
  date: string;
  start_time: string;
  end_time: string;
  is_available: boolean;
}

type AppointmentStatus = 'SCHEDULED' | 'COMPLETED' | 'CANCELLED' | 'NO_SHOW';

export interface AppointmentRecord {
  doctor: number;
  patient: number;
  appointment_date: string;
  start_time: string;
  end_time: string;
  status: AppointmentStatus;
  reason: string;
  /** When the booking was made (a UTC TIMESTAMP); null keeps the database default. */
  created_at: string | null;
}

export interface Span {
  from: string;
  to: string;
}

function sessionsOn(hours: WeeklyHours, date: string): readonly (readonly [string, string])[] {
  return hours[weekday(date)] ?? [];
}

/**
 * Working windows of every doctor over the span, plus a few leave days: one unavailable row
 * over the whole working day, in place of that day's windows. The sample appointments' days
 * are never leave, and get a window if the doctor does not normally work then, so every
 * booking in the demo lies inside its doctor's hours.
 */
export function planWindows(faker: Faker, doctorCount: number, span: Span, samples: readonly SampleAppointment[]): WindowRecord[] {
  const dates = datesBetween(span.from, span.to);
  const hoursOf = Array.from({ length: doctorCount }, (_, d) => WEEKLY_HOURS[d] ?? faker.helpers.arrayElement(WEEKLY_HOURS));
  const leave = hoursOf.map((hours, d) => {
    const sampleDays = new Set(samples.filter((s) => s.doctor === d).map((s) => s.date));
    const workdays = dates.filter((date) => sessionsOn(hours, date).length > 0 && !sampleDays.has(date));
    return new Set(faker.helpers.arrayElements(workdays, faker.number.int({ min: 0, max: 2 })));
  });

  const windows: WindowRecord[] = [];
  for (const date of dates) {
    hoursOf.forEach((hours, doctor) => {
      const sessions = sessionsOn(hours, date);
      if (sessions.length === 0) return;
      if (leave[doctor]!.has(date)) {
        windows.push({ doctor, date, start_time: `${sessions[0]![0]}:00`, end_time: `${sessions[sessions.length - 1]![1]}:00`, is_available: false });
        return;
      }
      for (const [start, end] of sessions) windows.push({ doctor, date, start_time: `${start}:00`, end_time: `${end}:00`, is_available: true });
    });
  }

  for (const s of samples) {
    const covered = windows.some(
      (w) => w.doctor === s.doctor && w.date === s.date && w.is_available && w.start_time <= s.start_time && w.end_time >= s.end_time,
    );
    if (covered) continue;
    const usual = sessionsOn(hoursOf[s.doctor] ?? [], s.date).find(([start, end]) => `${start}:00` <= s.start_time && `${end}:00` >= s.end_time);
    const start = usual ? `${usual[0]}:00` : toTime(Math.floor(toMinutes(s.start_time) / 60) * 60);
    const end = usual ? `${usual[1]}:00` : toTime(Math.ceil(toMinutes(s.end_time) / 60) * 60);
    windows.push({ doctor: s.doctor, date: s.date, start_time: start, end_time: end, is_available: true });
  }
  return windows;
}

export interface AppointmentPlanInput {
  doctors: readonly DoctorRecord[];
  patientCount: number;
  windows: readonly WindowRecord[];
  samples: readonly SampleAppointment[];
  span: Span;
  today: string;
  slotMinutes: number;
  timeZone: string;
}

function statusFor(faker: Faker, date: string, today: string): AppointmentStatus {
  const r = faker.number.float();
  if (date < today) return r < 0.85 ? 'COMPLETED' : r < 0.92 ? 'NO_SHOW' : 'CANCELLED';
  return r < 0.04 ? 'CANCELLED' : 'SCHEDULED';
}

function reasonFor(faker: Faker, specialization: string): string {
  return faker.number.float() < 0.7 ? faker.helpers.arrayElement(reasonsFor(specialization)) : faker.helpers.arrayElement(COMMON_REASONS);
}

/** Booked 0–14 days ahead, during desk hours, never after the clinic's today or the slot. */
function bookedAt(faker: Faker, date: string, startMinutes: number, today: string, timeZone: string): string {
  let day = addDays(date, -faker.number.int({ min: 0, max: 14 }));
  if (day > today) day = today;
  let minutes = faker.number.int({ min: 8 * 60, max: 20 * 60 });
  if (day === date) minutes = Math.min(minutes, startMinutes - 15);
  return clinicInstant(day, Math.max(0, minutes), timeZone);
}

/**
 * The seed's sample appointments, then slots of `slotMinutes` inside every available window
 * of the span, each taken with a probability of 55–75% (drawn per window). A patient has at
 * most one appointment a day, which is how real patients book and rules out overlaps for the
 * patient; a doctor's booked times are tracked per day like the patient's.
 */
export function planAppointments(faker: Faker, input: AppointmentPlanInput): AppointmentRecord[] {
  const { doctors, patientCount, samples, span, today, slotMinutes, timeZone } = input;
  const appointments: AppointmentRecord[] = samples.map((s) => ({
    doctor: s.doctor,
    patient: s.patient,
    appointment_date: s.date,
    start_time: s.start_time,
    end_time: s.end_time,
    status: s.status,
    reason: s.reason,
    created_at: null,
  }));
  const patientDays = new Set(samples.map((s) => `${s.patient}|${s.date}`));
  // Sample appointments sit inside generated windows, and a window added to cover one may
  // overlap another: every slot is checked against what its doctor already has that day.
  const doctorDays = new Map<string, [number, number][]>();
  const taken = (doctor: number, date: string) => {
    const key = `${doctor}|${date}`;
    let spans = doctorDays.get(key);
    if (!spans) doctorDays.set(key, (spans = []));
    return spans;
  };
  for (const s of samples) taken(s.doctor, s.date).push([toMinutes(s.start_time), toMinutes(s.end_time)]);

  const pickPatient = (date: string): number | undefined => {
    for (let attempt = 0; attempt < 30; attempt++) {
      const patient = faker.number.int({ min: 0, max: patientCount - 1 });
      const key = `${patient}|${date}`;
      if (!patientDays.has(key)) {
        patientDays.add(key);
        return patient;
      }
    }
    return undefined;
  };

  const bookable = input.windows
    .filter((w) => w.is_available && w.date >= span.from && w.date <= span.to)
    .sort((a, b) => a.date.localeCompare(b.date) || a.doctor - b.doctor || a.start_time.localeCompare(b.start_time));

  for (const w of bookable) {
    const fill = faker.number.float({ min: 0.55, max: 0.75 });
    const busy = taken(w.doctor, w.date);
    const specialization = doctors[w.doctor]?.specialization ?? '';
    for (let start = toMinutes(w.start_time); start + slotMinutes <= toMinutes(w.end_time); start += slotMinutes) {
      if (faker.number.float() >= fill) continue;
      const end = start + slotMinutes;
      if (busy.some(([from, to]) => start < to && from < end)) continue;
      const patient = pickPatient(w.date);
      if (patient === undefined) continue;
      busy.push([start, end]);
      appointments.push({
        doctor: w.doctor,
        patient,
        appointment_date: w.date,
        start_time: toTime(start),
        end_time: toTime(end),
        status: statusFor(faker, w.date, today),
        reason: reasonFor(faker, specialization),
        created_at: bookedAt(faker, w.date, start, today, timeZone),
      });
    }
  }
  return appointments;
}

/** A planned window as its doctor_availabilities row (shared by the demo seed and the benchmark loader). */
export function availabilityRow(w: WindowRecord, doctorId: number, slotMinutes: number) {
  return {
    doctor_id: doctorId,
    date: w.date,
    start_time: w.start_time,
    end_time: w.end_time,
    is_available: w.is_available,
    kind: w.is_available ? 'TEMPLATE' : 'LEAVE',
    slot_minutes: slotMinutes,
    note: w.is_available ? null : 'Leave',
  };
}
