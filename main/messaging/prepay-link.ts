import type { Knex } from 'knex';
import { toPaise } from '../payments/money';
import { totalsOfAppointment } from '../payments/repo';
import { repliedBookingsOwingPrepay, typeAsksPrepay } from '../payments/gateway/repo';
import type { GatewayPaymentsService } from '../payments/gateway/service';
import { queueForAppointment, readMessagingSettings } from './repo';

/**
 * The prepay rule of a video appointment whose type asks payment first, wherever the appointment
 * came from (a booking, a series, a waitlist offer, a move): a payment link for what is still
 * due, sent through the outbox (made even with messaging off: the join page shows it). Money
 * already paid, or a link already out for it, is not asked again, so a link is never sent twice
 * and a move into a dearer fee asks only the difference; after a move into a cheaper one, links
 * asking more than is owed are cancelled and one for the right amount sent. Returns whether a link was made.
 */
export async function sendPrepayLink(
  knex: Knex,
  payments: Pick<GatewayPaymentsService, 'collect' | 'dropOverAskingLinks'>,
  appointmentId: number,
  requestedBy: { id: number } | null,
  now: number,
): Promise<boolean> {
  if (!(await typeAsksPrepay(knex, appointmentId))) return false;
  await payments.dropOverAskingLinks(appointmentId);
  const due = (await totalsOfAppointment(knex, appointmentId))?.due;
  if (!due || toPaise(due) === 0) return false;
  const { url } = await payments.collect({ appointmentId, via: 'LINK' }, requestedBy);
  if (!url || !(await readMessagingSettings(knex)).enabled) return true;
  await queueForAppointment(knex, { appointmentId, kind: 'PAYMENT_LINK', dueAt: new Date(now), link: url, createdBy: requestedBy?.id ?? null });
  return true;
}

/**
 * Links owed to bookings a patient made by replying YES to a waitlist offer: that booking is made
 * in the webhook worker's transaction, where no gateway call belongs, so the gateway service
 * sends them once the reply has committed (and again at its start, should it have stopped between).
 */
export function owedPrepayLinks(
  knex: Knex,
  payments: Pick<GatewayPaymentsService, 'collect' | 'dropOverAskingLinks'>,
  log: (message: string, err: unknown) => void,
  now: () => number = Date.now,
): { send: () => Promise<void>; settled: () => Promise<void> } {
  // One run at a time: a reply stored during a run is covered by the run chained after it.
  let last = Promise.resolve();
  const run = async () => {
    for (const id of await repliedBookingsOwingPrepay(knex)) {
      await sendPrepayLink(knex, payments, id, null, now()).catch((err: unknown) =>
        log(`appointment ${id}: no prepay link sent after the patient's reply`, err),
      );
    }
  };
  return {
    send: () => (last = last.then(run).catch((err: unknown) => log('prepay links owed to replies could not be looked for', err))),
    settled: () => last,
  };
}
