import type { Knex } from 'knex';
import type { z } from 'zod';
import type { createRecallSchema, listRecallsSchema } from '../../preload/contract';
import { shiftDate } from '../availability/wall-clock';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import { queueRecallReminder } from './reminder';
import { dismissRecall, findRecall, insertRecall, listRecalls, type Recall } from './repo';

type CreateRecall = z.output<typeof createRecallSchema>;
type ListRecalls = z.output<typeof listRecallsSchema>;

/** Follow-up recalls: "see again in 2 weeks", listed for the desk as due, overdue or booked; with messaging, a reminder to book goes before each is due. */
export class RecallsService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly now: () => number = Date.now,
  ) {}

  async create(req: CreateRecall, user: CurrentUser): Promise<Recall> {
    const { today, timeZone } = await this.today();
    const dueDate = req.dueDate ?? shiftDate(today, req.inDays!);
    if (dueDate <= today) throw new AppError('INVALID', 'A recall is due on a later day', 'dueDate');
    try {
      const recall = {
        patientId: req.patientId,
        doctorId: req.doctorId ?? null,
        dueDate,
        reason: req.reason || null,
        appointmentId: req.appointmentId ?? null,
      };
      const id = await this.knex.transaction(async (trx) => {
        const made = await insertRecall(trx, recall, user.id);
        await queueRecallReminder(trx, { id: made, ...recall }, timeZone, this.now());
        return made;
      });
      return (await findRecall(this.knex, id, today, timeZone))!;
    } catch (err) {
      const e = err as { code?: string; constraint?: string };
      if (e.code === '23503') {
        const field = e.constraint?.includes('patient') ? 'patientId' : e.constraint?.includes('doctor') ? 'doctorId' : 'appointmentId';
        if (field === 'patientId') throw new AppError('NOT_FOUND', 'No such patient', field);
        if (field === 'doctorId') throw new AppError('NOT_FOUND', 'No such doctor', field);
        throw new AppError('NOT_FOUND', 'No such appointment', field);
      }
      throw err;
    }
  }

  async list(req: ListRecalls): Promise<Recall[]> {
    const { today, timeZone } = await this.today();
    return listRecalls(this.knex, req, today, timeZone);
  }

  async dismiss(id: number): Promise<Recall> {
    const { today, timeZone } = await this.today();
    if (!(await dismissRecall(this.knex, id))) {
      throw (await findRecall(this.knex, id, today, timeZone))
        ? new AppError('CONFLICT', 'This recall was already dismissed', 'id')
        : new AppError('NOT_FOUND', 'No such recall', 'id');
    }
    return (await findRecall(this.knex, id, today, timeZone))!;
  }

  private async today() {
    const { timeZone } = await this.settings.get();
    return { today: clinicNow(timeZone, this.now()).date, timeZone };
  }
}
