import type { Knex } from 'knex';
import type { z } from 'zod';
import type { addHolidaySchema, Holiday } from '../../preload/contract';
import { liveAppointmentsOn, type BookedSpan } from '../appointments/repo';
import { deleteOpenWindowsOn } from '../availability/repo';
import { affected, cancelStranded, type TellCancelled } from '../availability/service';
import { daysBetween } from '../availability/wall-clock';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say } from '../shared/say';
import { deleteUnusedSessionsOn } from '../opd/repo';
import { INDIA_2027 } from './india-2027';
import { deleteHoliday, holidayOn, holidaysBetween, insertHoliday, renameHoliday } from './repo';

type AddHoliday = z.output<typeof addHolidaySchema>;

const MAX_LIST_DAYS = 366;
const LISTS = { 'IN-2027': INDIA_2027 } as const;

type AddResult =
  | { status: 'saved'; holiday: Holiday; cancelledAppointments: number; removedWindows: number }
  | { status: 'blocked'; appointments: ReturnType<typeof affected> };

/** A day the clinic is already open for patients who came (checked in, seen) cannot become a holiday. */
function assertNotOpened(date: string, live: readonly BookedSpan[]): void {
  const seen = live.filter((a) => a.status !== 'SCHEDULED').length;
  if (seen > 0)
    throw new AppError(
      'CONFLICT',
      seen === 1
        ? say`One patient has already come in on ${date}; the clinic cannot be closed that day`
        : say`${seen} patients have already come in on ${date}; the clinic cannot be closed that day`,
      'date',
    );
}

/**
 * The clinic's public holidays. A holiday closes the whole clinic: its day loses every doctor's
 * working time and the OPD sessions no token was ever booked in, and patients booked that day
 * are either cancelled (with a reason, as leave does) or keep the day open.
 */
export class HolidaysService {
  constructor(
    private readonly knex: Knex,
    private readonly tellCancelled: TellCancelled = async () => undefined,
  ) {}

  list(from: string, to: string): Promise<Holiday[]> {
    if (daysBetween(from, to) + 1 > MAX_LIST_DAYS) throw new AppError('INVALID', say`Choose at most ${MAX_LIST_DAYS} days at a time`, 'to');
    return holidaysBetween(this.knex, from, to);
  }

  add(req: AddHoliday, user: CurrentUser): Promise<AddResult> {
    return this.knex.transaction(async (trx) => {
      const existing = await holidayOn(trx, req.date);
      if (existing) throw new AppError('CONFLICT', say`${req.date} is already a holiday (${existing.name})`, 'date');
      const live = await liveAppointmentsOn(trx, req.date);
      assertNotOpened(req.date, live);
      if (live.length > 0 && !req.cancelBooked) {
        return { status: 'blocked' as const, appointments: affected(live) };
      }
      const holiday = await insertHoliday(trx, { date: req.date, name: req.name }, user.id);
      if (!holiday) throw new AppError('CONFLICT', say`${req.date} was made a holiday meanwhile`, 'date');
      const removedWindows = await deleteOpenWindowsOn(trx, req.date);
      await deleteUnusedSessionsOn(trx, req.date);
      const cancelledAppointments = await cancelStranded(
        trx,
        live.map((a) => a.id),
        req.cancelBooked,
        user,
        this.tellCancelled,
      );
      return { status: 'saved' as const, holiday, cancelledAppointments, removedWindows };
    });
  }

  async rename(id: number, name: string): Promise<Holiday> {
    const holiday = await renameHoliday(this.knex, id, name);
    if (!holiday) throw new AppError('NOT_FOUND', 'That holiday no longer exists', 'id');
    return holiday;
  }

  /** The day opens again for booking once the doctors' patterns are expanded over it. */
  async remove(id: number): Promise<null> {
    if (!(await deleteHoliday(this.knex, id))) throw new AppError('NOT_FOUND', 'That holiday no longer exists', 'id');
    return null;
  }

  /**
   * Adds a shipped list's days that are not holidays yet. A day with patients booked is passed
   * over and named, for the admin to add on its own and decide about those patients.
   */
  import(list: keyof typeof LISTS, user: CurrentUser) {
    return this.knex.transaction(async (trx) => {
      const added: Holiday[] = [];
      const booked: { date: string; name: string; appointments: number }[] = [];
      let alreadyThere = 0;
      for (const day of LISTS[list]) {
        if (await holidayOn(trx, day.date)) {
          alreadyThere++;
          continue;
        }
        const live = await liveAppointmentsOn(trx, day.date);
        if (live.length > 0) {
          booked.push({ ...day, appointments: live.length });
          continue;
        }
        const holiday = await insertHoliday(trx, day, user.id);
        if (!holiday) throw new AppError('CONFLICT', say`${day.date} was made a holiday meanwhile; import again`, 'list');
        await deleteOpenWindowsOn(trx, day.date);
        await deleteUnusedSessionsOn(trx, day.date);
        added.push(holiday);
      }
      return { added, alreadyThere, booked };
    });
  }
}
