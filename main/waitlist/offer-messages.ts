import type { Knex } from 'knex';
import { typeForDoctor } from '../appointment-types/repo';
import { toMinutes, toTime } from '../availability/wall-clock';
import { doctorDay, findAppointment, findClash, insertAppointment, insertHistory, lockDays, patientDay } from '../appointments/repo';
import { SqlState, violatedConstraint } from '../db/pg-errors';
import { kindEnabled, offerWasSent, queueForPatient } from '../messaging/repo';
import { clinicNow } from '../settings/clinic-time';
import { readSettings } from '../settings/repo';
import {
  closeEntry,
  closeOffer,
  closeOffersOfEntry,
  closeRivalOffers,
  findOffer,
  freedTimeStillOffered,
  offerToBestMatches,
  type ClosedOffer,
  type FreedSlot,
  type WaitlistOffer,
} from './repo';

/** Thrown inside the booking's savepoint to undo its claim: the wanted type can no longer be booked. */
class TypeGone extends Error {}

/** How many waiting patients are messaged an offer of one freed time: the first to say YES gets it. */
const AUTOMATIC_OFFERS = 3;

/**
 * The time given back by appointments leaving the book: only the part still ahead of `now` (a
 * no-show's slot has begun; a past one is gone), as the booking would refuse the rest.
 */
export function freedTimeOf(
  appointments: readonly { id: number; doctorId: number; patientId: number | null; date: string; startTime: string; endTime: string }[],
  now: { date: string; time: string },
): FreedSlot[] {
  return appointments.flatMap((a) => {
    const start = a.date === now.date ? Math.max(toMinutes(a.startTime), toMinutes(now.time)) : toMinutes(a.startTime);
    if (a.date < now.date || start >= toMinutes(a.endTime)) return [];
    return [{ doctorId: a.doctorId, date: a.date, startTime: toTime(start), endTime: a.endTime, patientId: a.patientId, appointmentId: a.id }];
  });
}

/** A message about an offer to its patient, once per offer and kind. */
async function queueOfferMessage(trx: Knex, offerId: number, kind: 'WAITLIST_OFFER' | 'OFFER_GONE', now: number): Promise<void> {
  const offer = (await findOffer(trx, offerId))!;
  await queueForPatient(trx, {
    patientId: offer.entry.patientId,
    doctorId: offer.doctorId,
    kind,
    offerId,
    dueAt: new Date(now),
    key: `offer:${offerId}:${kind}`,
  });
}

/**
 * Offers each freed time in the caller's transaction: to the best waiting match for the desk or,
 * with automatic offers on (messaging with WAITLIST_OFFER enabled), to the top few, each by message.
 */
export async function offerFreedTime(trx: Knex, freed: readonly FreedSlot[], now: number): Promise<void> {
  const automatic = await kindEnabled(trx, 'WAITLIST_OFFER');
  for (const slot of freed) {
    const offers = await offerToBestMatches(trx, slot, automatic ? AUTOMATIC_OFFERS : 1);
    if (automatic) for (const id of offers) await queueOfferMessage(trx, id, 'WAITLIST_OFFER', now);
  }
}

/** Once an offer is booked: the other offers of its time are gone, and the patients messaged about them are told so. */
export async function closeRivals(trx: Knex, taken: WaitlistOffer, now: number): Promise<void> {
  await tellGone(trx, await closeRivalOffers(trx, taken), now);
}

/**
 * Once an entry is leaving the waitlist: its open offers are gone (off the desks' list), and a
 * patient messaged one is told so. Gives back those offers, for `offerOnFreedTime` once the
 * entry is closed.
 */
export async function closeOffersOfRemoved(trx: Knex, entryId: number, now: number): Promise<ClosedOffer[]> {
  const closed = await closeOffersOfEntry(trx, entryId);
  await tellGone(
    trx,
    closed.map((o) => o.id),
    now,
  );
  return closed;
}

/**
 * The times that were offered to a patient no longer waiting, offered on to the next best
 * matches as when they were first freed: each only while no other offer of it is open (an
 * automatic offer's other patients may still say YES), and only the part still ahead and still
 * free. The time is the offer's own, not its appointment's: a moved appointment now holds
 * another, and one brought back, or a booking since, clashes with it.
 */
export async function offerOnFreedTime(trx: Knex, offers: readonly ClosedOffer[], now: number): Promise<void> {
  if (offers.length === 0) return;
  const clock = clinicNow((await readSettings(trx)).timeZone, now);
  for (const offer of offers) {
    const id = offer.freedAppointmentId;
    if (id === null || (await freedTimeStillOffered(trx, id))) continue;
    // Its patient is never offered their own old time.
    const patientId = (await findAppointment(trx, id))?.patientId ?? null;
    const time = { id, patientId, doctorId: offer.doctorId, date: offer.date, startTime: offer.startTime, endTime: offer.endTime };
    const [slot] = freedTimeOf([time], clock);
    if (slot && !(await findClash(trx, { doctorId: slot.doctorId }, slot, null))) await offerFreedTime(trx, [slot], now);
  }
}

async function tellGone(trx: Knex, closedOfferIds: readonly number[], now: number): Promise<void> {
  for (const id of closedOfferIds) {
    if (await offerWasSent(trx, id)) await queueOfferMessage(trx, id, 'OFFER_GONE', now);
  }
}

/**
 * A patient's YES to an offer message, in the reply's transaction: the offer is claimed and its
 * time booked for them in a savepoint, so the database decides between them, the other patients
 * offered it and any desk (the same claim and no-overlap constraint as a desk's take). The new
 * appointment's id, or null when the time has gone (the patient is then told so).
 */
export async function takeOfferByReply(trx: Knex.Transaction, offerId: number, now: number): Promise<number | null> {
  const offer = await findOffer(trx, offerId);
  if (!offer) return null;
  const { timeZone } = await readSettings(trx);
  const clock = clinicNow(timeZone, now);
  const usable =
    offer.status === 'OPEN' && offer.entry.status === 'WAITING' && `${offer.date} ${offer.startTime}` >= `${clock.date} ${clock.time.slice(0, 5)}:00`;
  let booked: number | null = null;
  if (usable) {
    try {
      booked = await trx.transaction(async (sp) => {
        // The day locks before the claim, as a booking takes them first: a claim held while waiting
        // for them would deadlock with the winner closing the other offers of the time.
        await lockDays(sp, [doctorDay(offer.doctorId, offer.date), patientDay(offer.entry.patientId, offer.date)]);
        if (!(await closeOffer(sp, offer.id, 'TAKEN'))) return null;
        // The wanted type, as this doctor books it: its fee and buffers go on the appointment (the
        // offer already runs for its length). One retired or no longer theirs since cannot be booked.
        const typeId = offer.entry.appointmentTypeId;
        const type = typeId ? await typeForDoctor(sp, typeId, offer.doctorId) : null;
        if (typeId && !(type?.active && type.offered)) throw new TypeGone();
        const slot = { date: offer.date, startTime: offer.startTime, endTime: offer.endTime };
        const id = await insertAppointment(sp, {
          patientId: offer.entry.patientId,
          doctorId: offer.doctorId,
          ...slot,
          reason: offer.entry.note,
          bookedBy: null,
          overrideReason: null,
          type,
        });
        const typed = type ? { appointmentTypeId: type.id, fee: type.fee } : {};
        await insertHistory(sp, [
          {
            appointmentId: id,
            kind: 'BOOKED',
            toStatus: 'SCHEDULED',
            detail: { ...slot, doctorId: offer.doctorId, waitlistOfferId: offer.id, ...typed },
            userId: null,
          },
        ]);
        await closeEntry(sp, offer.entry.id, 'BOOKED', id);
        await closeRivals(sp, offer, now);
        return id;
      });
    } catch (err) {
      if (!(err instanceof TypeGone) && violatedConstraint(err, SqlState.EXCLUSION_VIOLATION) === undefined) throw err;
    }
  }
  // Already booked (for this very patient, at the desk): nothing has gone.
  if (booked === null && offer.status !== 'TAKEN') {
    await closeOffer(trx, offer.id, 'GONE');
    await queueOfferMessage(trx, offer.id, 'OFFER_GONE', now);
  }
  return booked;
}
