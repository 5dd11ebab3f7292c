import type { Knex } from 'knex';
import type { z } from 'zod';
import type { AppointmentDto, addWaitlistSchema } from '../../preload/contract';
import type { AuditRecord } from '../audit/repo';
import { findType, offeredInSpecialization } from '../appointment-types/repo';
import type { AppointmentsService } from '../appointments/service';
import type { CallContext, CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { transactionWithRetry } from '../db/retry';
import { closeOffersOfRemoved, closeRivals, offerFreedTime, offerOnFreedTime } from './offer-messages';
import {
  closeEntry,
  closeOffer,
  findEntry,
  findOffer,
  insertEntry,
  openOffers,
  waitingEntries,
  type FreedSlot,
  type WaitlistEntry,
  type WaitlistOffer,
} from './repo';

type AddEntry = z.output<typeof addWaitlistSchema>;

/**
 * The waitlist: patients who want earlier time. Time given back is offered to the best match at
 * once, in the transaction that gave it back (with messaging, to the top few by message); the
 * desk books an offer through the ordinary booking, and a patient's YES through the same claim,
 * so the database's no-overlap guarantee decides who gets it.
 */
export class WaitlistService {
  constructor(
    private readonly knex: Knex,
    private readonly appointments: AppointmentsService,
    private readonly now: () => number = Date.now,
  ) {}

  async add(req: AddEntry, user: CurrentUser): Promise<WaitlistEntry> {
    if (req.toDate < (await this.appointments.clinicNow()).date) throw new AppError('INVALID', 'That date range has already passed', 'toDate');
    const doctor = req.doctorId ? await this.appointments.activeDoctor(req.doctorId) : undefined;
    if (req.appointmentTypeId) await this.checkWantedType(req.appointmentTypeId, doctor ?? { specialization: req.specialization! });
    try {
      return (await findEntry(this.knex, await insertEntry(this.knex, req, user.id)))!;
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23503' && e.constraint?.includes('patient_id')) throw new AppError('NOT_FOUND', 'No patient has this number', 'patientId');
      if (e.code === '23503' && e.constraint?.includes('appointment_type_id')) throw new AppError('NOT_FOUND', 'No such appointment type', 'appointmentTypeId');
      throw err;
    }
  }

  /** A wanted type must be one the doctor (or some doctor of the specialization) offers now. */
  private async checkWantedType(typeId: number, who: { id: number; name: string } | { specialization: string }): Promise<void> {
    if ('id' in who) {
      await this.appointments.typeFor(who, typeId);
      return;
    }
    const type = await findType(this.knex, typeId);
    if (!type) throw new AppError('NOT_FOUND', 'No such appointment type', 'appointmentTypeId');
    if (!type.active) throw new AppError('INVALID', say`${type.name} is no longer offered`, 'appointmentTypeId');
    if (!(await offeredInSpecialization(this.knex, typeId, who.specialization)))
      throw new AppError('INVALID', say`No ${who.specialization} doctor offers ${type.name}`, 'appointmentTypeId');
  }

  async list(doctorId?: number): Promise<WaitlistEntry[]> {
    return waitingEntries(this.knex, (await this.appointments.clinicNow()).date, doctorId);
  }

  /**
   * Takes an entry off the waitlist, with any offer it holds: the desks' list no longer shows it,
   * and the time it was offered goes on to the next best match, as when it was first freed.
   */
  async remove(id: number): Promise<WaitlistEntry> {
    await transactionWithRetry(this.knex, async (trx) => {
      const now = this.now();
      // The offers before the entry: the order a take (at the desk or by reply) locks them in.
      const offered = await closeOffersOfRemoved(trx, id, now);
      if (!(await closeEntry(trx, id, 'REMOVED'))) throw await entryNotWaiting(trx, id);
      // Once the entry is closed, so the time cannot come back to it.
      await offerOnFreedTime(trx, offered, now);
    });
    return (await findEntry(this.knex, id))!;
  }

  async offers(): Promise<WaitlistOffer[]> {
    return openOffers(this.knex, (await this.appointments.clinicNow()).date);
  }

  /** Offers each freed time to the best waiting entry that wants it, or by message to the top few (the caller's transaction). */
  offerFreed(trx: Knex, freed: readonly FreedSlot[]): Promise<void> {
    return offerFreedTime(trx, freed, this.now());
  }

  /**
   * Books an open offer for its patient at the freed time. The booking, the offer's claim, the
   * entry's close and the other offers of the time closed are one commit: the day locks come
   * first (as in a patient's YES), so one desk or reply books it and the rest find the time gone.
   * When it has gone meanwhile, the offer is closed as gone and the desk is told so.
   */
  async take(id: number, user: CurrentUser, ctx: CallContext, audit: AuditRecord): Promise<AppointmentDto> {
    const offer = await findOffer(this.knex, id);
    if (!offer) throw new AppError('NOT_FOUND', 'No such offer', 'id');
    if (offer.status !== 'OPEN') throw offerClosed(offer.status);
    if (offer.entry.status !== 'WAITING') throw patientNotWaiting();
    try {
      return await this.appointments.book(
        {
          patientId: offer.entry.patientId,
          doctorId: offer.doctorId,
          date: offer.date,
          startTime: offer.startTime,
          // A wanted type sets the length (the offer was made only where it fits).
          ...(offer.entry.appointmentTypeId ? { appointmentTypeId: offer.entry.appointmentTypeId } : { endTime: offer.endTime }),
          reason: offer.entry.note ?? undefined,
        },
        user,
        ctx,
        audit,
        async (trx, booked) => {
          if (!(await closeOffer(trx, id, 'TAKEN'))) throw offerClosed((await findOffer(trx, id))?.status);
          if (!(await closeEntry(trx, offer.entry.id, 'BOOKED', booked.id))) throw patientNotWaiting();
          await closeRivals(trx, offer, this.now());
        },
      );
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'CONFLICT' || err.field === 'id') throw err;
      // The time was taken before this booking could be: the offer is gone, unless a rival desk took this very offer.
      if (await closeOffer(this.knex, id, 'GONE')) throw new AppError('CONFLICT', say`This time has gone: ${err.sentence}`, 'id');
      throw offerClosed((await findOffer(this.knex, id))?.status);
    }
  }
}

const offerClosed = (status: string | undefined) =>
  status === 'GONE' ? new AppError('CONFLICT', 'This time has gone', 'id') : new AppError('CONFLICT', 'This offer has already been booked', 'id');
const patientNotWaiting = () => new AppError('CONFLICT', 'This patient is no longer waiting', 'id');
const entryNotWaiting = async (knex: Knex, id: number): Promise<AppError> =>
  (await findEntry(knex, id)) ? new AppError('CONFLICT', 'This entry is no longer waiting', 'id') : new AppError('NOT_FOUND', 'No such waitlist entry', 'id');
