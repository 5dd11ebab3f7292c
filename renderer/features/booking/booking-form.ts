import { z } from 'zod';
import { channels, type CallError, type Req } from '../../../preload/contract';

/** The recurrence as typed: the weekday boxes answer text, and the end is a count or a date, whichever is chosen. */
interface RepeatValues {
  frequency: 'DAILY' | 'WEEKLY';
  interval: number;
  weekdays: string[];
  ends: 'count' | 'until';
  count: number;
  until: string;
}

export interface BookingValues {
  doctorId: string;
  /** "" is no type: main then takes the doctor's default type, or the end time. */
  appointmentTypeId: string;
  date: string;
  startTime: string;
  endTime: string;
  reason: string;
  /** Present while "Outside the doctor's hours" is ticked (one booking only: a series keeps to the hours). */
  override?: { reason: string };
  repeat: boolean;
  recurrence: RepeatValues;
}

// A type sets the length, so its end time is never sent beside it (the contract refuses both).
const lengthOf = (v: BookingValues) => (v.appointmentTypeId ? { appointmentTypeId: Number(v.appointmentTypeId) } : v.endTime ? { endTime: v.endTime } : {});
const reasonOf = (v: BookingValues) => (v.reason.trim() ? { reason: v.reason } : {});

export function toBooking(v: BookingValues, patientId: number): Req<'appointments.book'> {
  return {
    patientId,
    doctorId: Number(v.doctorId),
    date: v.date,
    startTime: v.startTime,
    ...lengthOf(v),
    ...reasonOf(v),
    ...(v.override ? { override: v.override } : {}),
  };
}

export function toSeries(v: BookingValues, patientId: number): Req<'appointments.previewSeries'> {
  const r = v.recurrence;
  const weekdays = r.frequency === 'WEEKLY' && r.weekdays.length > 0 ? { weekdays: r.weekdays.map(Number).sort() } : {};
  return {
    patientId,
    doctorId: Number(v.doctorId),
    startDate: v.date,
    startTime: v.startTime,
    ...lengthOf(v),
    ...reasonOf(v),
    recurrence: { frequency: r.frequency, interval: r.interval, ...weekdays, ...(r.ends === 'count' ? { count: r.count } : { until: r.until }) },
  };
}

/** The series' first day is the form's date box. */
const formPath = (path: PropertyKey[]): PropertyKey[] => (path[0] === 'startDate' ? ['date', ...path.slice(1)] : path);

/** A refusal of a series about its first day, put on the date box like a booking's. */
export const onFormField = (error: CallError): CallError => (error.field === 'startDate' ? { ...error, field: 'date' } : error);

/**
 * Checks the values as the request they become (a booking, or with "Repeat" a series) with that
 * channel's own schema, so a message lands on its box in main's words and nothing is sent.
 */
export function bookingSchema(patientId: number) {
  return z.custom<BookingValues>().superRefine((v, ctx) => {
    const parsed = v.repeat
      ? channels['appointments.previewSeries'].req.safeParse(toSeries(v, patientId))
      : channels['appointments.book'].req.safeParse(toBooking(v, patientId));
    if (!parsed.success) for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: formPath(issue.path) });
  });
}
