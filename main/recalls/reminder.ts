import { TZDate } from '@date-fns/tz';
import type { Knex } from 'knex';
import { shiftDate } from '../availability/wall-clock';
import { queueForPatient } from '../messaging/repo';

/** A recall's reminder to book goes a week before it is due, mid-morning at the clinic (at once when that has passed). */
const DAYS_BEFORE = 7;
const AT_HOUR = 10;

/** With messaging on, the reminder of a new recall, in the transaction that made it; dropped by the sender if the recall is booked or dismissed by then. */
export async function queueRecallReminder(
  trx: Knex,
  recall: { id: number; patientId: number; doctorId: number | null; dueDate: string },
  timeZone: string,
  now: number,
): Promise<void> {
  const day = shiftDate(recall.dueDate, -DAYS_BEFORE);
  const at = new TZDate(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)), AT_HOUR, 0, 0, timeZone).getTime();
  await queueForPatient(trx, {
    patientId: recall.patientId,
    doctorId: recall.doctorId,
    kind: 'RECALL_REMINDER',
    recallId: recall.id,
    dueAt: new Date(Math.max(at, now)),
    key: `recall:${recall.id}:RECALL_REMINDER`,
  });
}
