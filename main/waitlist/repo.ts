import type { Knex } from 'knex';
import type { z } from 'zod';
import type { addWaitlistSchema, waitlistEntrySchema, waitlistOfferSchema } from '../../preload/contract';
import { toMinutes } from '../availability/wall-clock';

type NewEntry = z.output<typeof addWaitlistSchema>;
export type WaitlistEntry = z.output<typeof waitlistEntrySchema>;
export type WaitlistOffer = z.output<typeof waitlistOfferSchema>;

/** Freed time of a doctor: what an entry must want to be offered it. New working time has no patient or appointment that gave it up. */
export interface FreedSlot {
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
  patientId: number | null;
  appointmentId: number | null;
}

const ENTRY_COLUMNS = [
  'w.id',
  'w.patient_id as patientId',
  'p.name as patientName',
  'p.phone as patientPhone',
  'w.doctor_id as doctorId',
  'w.specialization',
  'w.appointment_type_id as appointmentTypeId',
  'w.from_date as fromDate',
  'w.to_date as toDate',
  'w.time_from as timeFrom',
  'w.time_to as timeTo',
  'w.urgency',
  'w.note',
  'w.status',
  'w.created_at as createdAt',
] as const;

/** Best match first: the most urgent, then those asking for this very doctor, then the longest waiting. */
const BEST_FIRST = `CASE w.urgency WHEN 'URGENT' THEN 0 WHEN 'SOON' THEN 1 ELSE 2 END, w.doctor_id IS NULL, w.created_at, w.id`;

export async function insertEntry(knex: Knex, e: NewEntry, userId: number): Promise<number> {
  const [row] = await knex('waitlist_entries')
    .insert({
      patient_id: e.patientId,
      doctor_id: e.doctorId ?? null,
      specialization: e.specialization ?? null,
      appointment_type_id: e.appointmentTypeId ?? null,
      from_date: e.fromDate,
      to_date: e.toDate,
      time_from: e.timeFrom ?? null,
      time_to: e.timeTo ?? null,
      urgency: e.urgency,
      note: e.note || null,
      created_by: userId,
    })
    .returning('id');
  return row.id;
}

const entries = (knex: Knex) => knex('waitlist_entries as w').join('patient_entities as p', 'p.id', 'w.patient_id');

export async function findEntry(knex: Knex, id: number): Promise<WaitlistEntry | undefined> {
  return entries(knex)
    .where('w.id', id)
    .first(...ENTRY_COLUMNS);
}

/** Entries still waiting whose range has not ended (an entry expires with its range), best match first. */
export async function waitingEntries(knex: Knex, today: string, doctorId?: number): Promise<WaitlistEntry[]> {
  return entries(knex)
    .where('w.status', 'WAITING')
    .where('w.to_date', '>=', today)
    .modify((q) => {
      if (doctorId)
        q.where((w) =>
          w
            .where('w.doctor_id', doctorId)
            .orWhereRaw('w.doctor_id IS NULL AND w.specialization = (SELECT specialization FROM doctor_entities WHERE id = ?)', [doctorId]),
        );
    })
    .select(...ENTRY_COLUMNS)
    .orderByRaw(BEST_FIRST);
}

/** Whether any entry still waiting without an open offer could want time of this doctor's on this day (its date range and doctor or specialization). */
export async function anyoneWaitingFor(knex: Knex, doctorId: number, date: string): Promise<boolean> {
  const row = await knex('waitlist_entries as w')
    .join('doctor_entities as d', 'd.id', knex.raw('?', [doctorId]))
    .where('w.status', 'WAITING')
    .where('w.from_date', '<=', date)
    .where('w.to_date', '>=', date)
    .whereRaw('(w.doctor_id = d.id OR (w.doctor_id IS NULL AND w.specialization = d.specialization))')
    .whereNotExists(knex('waitlist_offers as o').whereRaw('o.entry_id = w.id').where('o.status', 'OPEN'))
    .first('w.id');
  return row !== undefined;
}

/** False when the entry was not waiting (any more). */
export async function closeEntry(knex: Knex, id: number, status: 'BOOKED' | 'REMOVED', appointmentId: number | null = null): Promise<boolean> {
  const rows = await knex('waitlist_entries').where({ id, status: 'WAITING' }).update({ status, booked_appointment_id: appointmentId }).returning('id');
  return rows.length > 0;
}

/**
 * Records offers of freed time to the `count` best waiting entries that want it: this doctor (or
 * any of their specialization), the date in its range, the time inside its times of day, not the
 * patient who gave the time up (if one did), and not already holding an open offer. An entry
 * wanting a type is offered only time that type fits (this doctor offering it, still active, at
 * their length for it): the offer runs from the freed start for that length. Their ids, best
 * first (none when nobody wants it).
 */
export async function offerToBestMatches(knex: Knex, slot: FreedSlot, count: number): Promise<number[]> {
  const { rows } = await knex.raw(
    `INSERT INTO waitlist_offers (entry_id, doctor_id, date, start_time, end_time, freed_appointment_id)
     SELECT w.id, d.id, :freedDay::date, :startsAt::time, offered.ends, :appointmentId::bigint
       FROM waitlist_entries w JOIN doctor_entities d ON d.id = :doctorId
       LEFT JOIN LATERAL (
         SELECT COALESCE(dt.duration_minutes, t.duration_minutes) AS minutes
           FROM appointment_types t JOIN doctor_appointment_types dt ON dt.appointment_type_id = t.id AND dt.doctor_id = d.id
          WHERE t.id = w.appointment_type_id AND t.active) wanted ON true
      CROSS JOIN LATERAL (
         SELECT CASE WHEN w.appointment_type_id IS NULL THEN :endsAt::time ELSE :startsAt::time + wanted.minutes * interval '1 minute' END AS ends) offered
      WHERE w.status = 'WAITING'
        AND (w.doctor_id = d.id OR (w.doctor_id IS NULL AND w.specialization = d.specialization))
        AND (w.appointment_type_id IS NULL OR wanted.minutes <= :freedMinutes::int)
        AND :freedDay::date BETWEEN w.from_date AND w.to_date
        AND (w.time_from IS NULL OR w.time_from <= :startsAt::time)
        AND (w.time_to IS NULL OR w.time_to >= offered.ends)
        AND w.patient_id IS DISTINCT FROM :patientId::bigint
        AND NOT EXISTS (SELECT 1 FROM waitlist_offers o WHERE o.entry_id = w.id AND o.status = 'OPEN')
      ORDER BY ${BEST_FIRST}
      LIMIT :count
     RETURNING id`,
    {
      freedDay: slot.date,
      startsAt: slot.startTime,
      endsAt: slot.endTime,
      freedMinutes: toMinutes(slot.endTime) - toMinutes(slot.startTime),
      appointmentId: slot.appointmentId,
      doctorId: slot.doctorId,
      patientId: slot.patientId,
      count,
    },
  );
  return rows.map((r: { id: number }) => r.id);
}

const OFFER_COLUMNS = [
  'o.id',
  'o.doctor_id as doctorId',
  'd.name as doctorName',
  'o.date',
  'o.start_time as startTime',
  'o.end_time as endTime',
  'o.status',
  'o.created_at as createdAt',
];

type OfferRow = Omit<WaitlistOffer, 'entry'> & { entryId: number };

async function withEntries(knex: Knex, rows: OfferRow[]): Promise<WaitlistOffer[]> {
  const list = rows.length
    ? await entries(knex)
        .whereIn('w.id', [...new Set(rows.map((r) => r.entryId))])
        .select(...ENTRY_COLUMNS)
    : [];
  const byId = new Map(list.map((e: WaitlistEntry) => [e.id, e]));
  return rows.map(({ entryId, ...o }) => ({ ...o, entry: byId.get(entryId)! }));
}

const offers = (knex: Knex) =>
  knex('waitlist_offers as o')
    .join('doctor_entities as d', 'd.id', 'o.doctor_id')
    .select(...OFFER_COLUMNS, 'o.entry_id as entryId');

/** Open offers of time not yet past, soonest first. */
export async function openOffers(knex: Knex, today: string): Promise<WaitlistOffer[]> {
  return withEntries(
    knex,
    await offers(knex)
      .where('o.status', 'OPEN')
      .where('o.date', '>=', today)
      .orderBy([{ column: 'o.date' }, { column: 'o.start_time' }, { column: 'o.id' }]),
  );
}

export async function findOffer(knex: Knex, id: number): Promise<WaitlistOffer | undefined> {
  const row = await offers(knex).where('o.id', id).first();
  return row ? (await withEntries(knex, [row]))[0] : undefined;
}

/** Open offers of the same doctor's time as a taken one, closed as gone; their ids. */
export async function closeRivalOffers(knex: Knex, taken: Pick<WaitlistOffer, 'id' | 'doctorId' | 'date' | 'startTime' | 'endTime'>): Promise<number[]> {
  const rows = await knex('waitlist_offers')
    .where({ status: 'OPEN', doctor_id: taken.doctorId, date: taken.date })
    .where('start_time', '<', taken.endTime)
    .where('end_time', '>', taken.startTime)
    .whereNot('id', taken.id)
    .update({ status: 'GONE' })
    .returning('id');
  return rows.map((r: { id: number }) => r.id);
}

/** An offer closed as gone: the time it offered, and the appointment that freed it. */
export interface ClosedOffer {
  id: number;
  doctorId: number;
  date: string;
  startTime: string;
  endTime: string;
  freedAppointmentId: number | null;
}

/** The open offers made to an entry, closed as gone. */
export async function closeOffersOfEntry(knex: Knex, entryId: number): Promise<ClosedOffer[]> {
  return knex('waitlist_offers')
    .where({ entry_id: entryId, status: 'OPEN' })
    .update({ status: 'GONE' })
    .returning(['id', 'doctor_id as doctorId', 'date', 'start_time as startTime', 'end_time as endTime', 'freed_appointment_id as freedAppointmentId']);
}

/** Whether an offer of the time an appointment freed is still open. */
export async function freedTimeStillOffered(knex: Knex, appointmentId: number): Promise<boolean> {
  return (await knex('waitlist_offers').where({ freed_appointment_id: appointmentId, status: 'OPEN' }).first('id')) !== undefined;
}

/** False when the offer was no longer open. */
export async function closeOffer(knex: Knex, id: number, status: 'TAKEN' | 'GONE'): Promise<boolean> {
  const rows = await knex('waitlist_offers').where({ id, status: 'OPEN' }).update({ status }).returning('id');
  return rows.length > 0;
}
