import type { Knex } from 'knex';
import type { InboundDto } from '../../preload/contract';
import { cancelAppointments, findAppointment } from '../appointments/repo';
import { insertAudit } from '../audit/repo';
import { clinicNow } from '../settings/clinic-time';
import { readSettings } from '../settings/repo';
import { freedTimeOf, offerFreedTime, takeOfferByReply } from '../waitlist/offer-messages';
import { giveConsent } from './prefs-repo';
import { applyProviderStatus, insertInbound, offerLastSentTo, replyContext, setInboundAction, withdrawConsent, type MessageChannel } from './repo';

/** Twilio's own opt-out words: Twilio stops delivering after them, so the clinic must stop asking. */
const OPT_OUT = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT']);
/** Twilio's opt-in words (its YES is ours to confirm with): Twilio delivers again after them, so may the clinic. */
const OPT_IN = new Set(['START', 'UNSTOP']);
const CONFIRM = new Set(['1', 'YES']);
const DECLINE = new Set(['2', 'NO']);

const PROVIDER_STATUS: Record<string, 'SENT' | 'DELIVERED' | 'UNDELIVERED' | 'FAILED' | undefined> = {
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
};

const WORKSTATION = 'messaging-webhooks';

/** A status callback (sent, delivered, read, undelivered, failed); interim states change nothing. */
export async function applyStatusCallback(trx: Knex.Transaction, data: Record<string, string>): Promise<void> {
  const status = PROVIDER_STATUS[data.MessageStatus ?? ''];
  const providerId = data.MessageSid;
  if (!status || !providerId) return;
  const messageId = Number(data.message);
  await applyProviderStatus(
    trx,
    { messageId: Number.isSafeInteger(messageId) && messageId > 0 ? messageId : undefined, providerId },
    status,
    data.ErrorCode ? `Twilio error ${data.ErrorCode}` : null,
  );
}

/**
 * A patient's reply: 1/YES confirms, 2/NO cancels the appointment (the slot is free, offered to
 * the waitlist, and every desk hears of it through the appointment's own change notification), STOP opts out of the
 * channel and START opts back in on it; anything else waits in the desk's inbox. A YES to an
 * offer of freed time (the last message sent them) books it if it is still theirs to take, else
 * they are told it has gone. Stored once per provider id, so a repeated delivery does nothing
 * twice; each action is audited. `now`: the clinic's clock (tests move it).
 */
export async function applyInbound(trx: Knex.Transaction, data: Record<string, string>, now: number = Date.now()): Promise<void> {
  const rawFrom = data.From ?? '';
  const channel: MessageChannel = rawFrom.startsWith('whatsapp:') ? 'WHATSAPP' : 'SMS';
  const from = rawFrom.replace(/^whatsapp:/, '');
  const body = (data.Body ?? '').slice(0, 2000);
  const word = body
    .trim()
    .toUpperCase()
    .replace(/[.!]+$/, '');
  const about = await replyContext(trx, channel, from);
  const offerId = CONFIRM.has(word) ? await offerLastSentTo(trx, channel, from) : null;
  let action: InboundDto['action'] = 'INBOX';
  if (offerId !== null) action = 'OFFER_TAKEN';
  else if (OPT_OUT.has(word) && about.patientId) action = 'OPTED_OUT';
  else if (OPT_IN.has(word) && about.patientId) action = 'OPTED_IN';
  else if (CONFIRM.has(word) && about.appointmentId) action = 'CONFIRMED';
  else if (DECLINE.has(word) && about.appointmentId) action = 'CANCELLED';
  const id = await insertInbound(trx, { providerId: data.MessageSid ?? '', channel, from, body, ...about, action });
  if (id === undefined) return;
  if (offerId !== null) {
    // Taken only now that the reply is stored once: a repeated delivery cannot take it twice.
    const booked = await takeOfferByReply(trx, offerId, now);
    if (booked === null) action = 'OFFER_GONE';
    about.appointmentId = booked;
    await setInboundAction(trx, id, action, booked);
  }
  if (action === 'OPTED_OUT') await withdrawConsent(trx, about.patientId!, channel, `Replied ${word} on ${channel}`);
  if (action === 'OPTED_IN') await giveConsent(trx, about.patientId!, channel, `Replied ${word} on ${channel}`, new Date(now));
  if (action === 'CANCELLED') {
    await cancelAppointments(trx, [about.appointmentId!], `The patient replied ${word} to cancel`, null);
    // The time is free: offered to the waitlist at once, as a desk's cancellation would.
    const clock = clinicNow((await readSettings(trx)).timeZone, now);
    await offerFreedTime(trx, freedTimeOf([(await findAppointment(trx, about.appointmentId!))!], clock), now);
  }
  await insertAudit(trx, {
    userId: null,
    userEmail: null,
    workstation: WORKSTATION,
    action: `messaging.reply.${action.toLowerCase()}`,
    entity: about.appointmentId ? 'appointment' : 'patient',
    entityId: about.appointmentId ?? about.patientId,
    detail: { inboundId: id, channel },
  });
}
