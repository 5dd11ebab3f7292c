import type { Knex } from 'knex';
import type { InboundDto, MESSAGE_CHANNELS, MESSAGE_KINDS, MESSAGE_STATUSES, MessageDto, MessageTemplateDto } from '../../preload/contract';
import { columnMapper } from '../shared/columns';

export type MessageKind = (typeof MESSAGE_KINDS)[number];
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

/** The clinic's messaging set-up as stored: secrets still sealed. For main only, never a reply. */
export interface MessagingSettings {
  enabled: boolean;
  enabledKinds: MessageKind[];
  reminderOffsetsMinutes: number[];
  quietStart: string;
  quietEnd: string;
  defaultChannel: MessageChannel;
  defaultLanguage: string;
  smsFrom: string | null;
  whatsappFrom: string | null;
  twilioAccountSid: string | null;
  twilioAuthTokenSealed: string | null;
  statusCallbackUrl: string | null;
  inboundUrl: string | null;
  smtpHost: string | null;
  smtpPort: number | null;
  smtpSecure: boolean;
  smtpUser: string | null;
  smtpPasswordSealed: string | null;
  emailFrom: string | null;
  rebookLink: string | null;
  sendRatePerSecond: number;
  dailyCapPerPatient: number;
  messageRetentionDays: number;
}

const settingsColumns = columnMapper<MessagingSettings>({
  enabled: 'enabled',
  enabledKinds: 'enabled_kinds',
  reminderOffsetsMinutes: 'reminder_offsets_minutes',
  quietStart: 'quiet_start',
  quietEnd: 'quiet_end',
  defaultChannel: 'default_channel',
  defaultLanguage: 'default_language',
  smsFrom: 'sms_from',
  whatsappFrom: 'whatsapp_from',
  twilioAccountSid: 'twilio_account_sid',
  twilioAuthTokenSealed: 'twilio_auth_token_sealed',
  statusCallbackUrl: 'status_callback_url',
  inboundUrl: 'inbound_url',
  smtpHost: 'smtp_host',
  smtpPort: 'smtp_port',
  smtpSecure: 'smtp_secure',
  smtpUser: 'smtp_user',
  smtpPasswordSealed: 'smtp_password_sealed',
  emailFrom: 'email_from',
  rebookLink: 'rebook_link',
  sendRatePerSecond: 'send_rate_per_second',
  dailyCapPerPatient: 'daily_cap_per_patient',
  messageRetentionDays: 'message_retention_days',
});

export async function readMessagingSettings(knex: Knex): Promise<MessagingSettings & { updatedAt: string }> {
  const row = await knex('messaging_settings').where({ id: 1 }).first();
  if (!row) throw new Error('messaging_settings has no row: the schema is not migrated');
  const s = settingsColumns.fromRow(row);
  return { ...s, sendRatePerSecond: Number(s.sendRatePerSecond), updatedAt: row.updated_at };
}

/** Writes the fields given (null clears one). */
export async function writeMessagingSettings(knex: Knex, changes: Partial<MessagingSettings>, updatedBy: number | null): Promise<void> {
  await knex('messaging_settings')
    .where({ id: 1 })
    .update({ ...settingsColumns.toColumns(changes), updated_at: knex.fn.now(), updated_by: updatedBy });
}

/** A template as stored: the DTO without its segment count, which is worked out from the body. */
export type Template = Omit<MessageTemplateDto, 'segments'>;

const templateColumns = columnMapper<Template>({
  id: 'id',
  kind: 'kind',
  language: 'language',
  channel: 'channel',
  subject: 'subject',
  body: 'body',
  dltEntityId: 'dlt_entity_id',
  dltTemplateId: 'dlt_template_id',
  whatsappContentSid: 'whatsapp_content_sid',
});

export async function listTemplates(knex: Knex): Promise<Template[]> {
  const rows = await knex('message_templates').select('*').orderBy(['kind', 'language', 'channel']);
  return rows.map((r) => templateColumns.fromRow(r));
}

/** The template of a kind for a channel in the patient's language, else in English. */
export async function templateFor(knex: Knex, kind: MessageKind, language: string, channel: MessageChannel): Promise<Template | undefined> {
  const row = await knex('message_templates')
    .where({ kind, channel })
    .whereIn('language', [language, 'en'])
    .orderByRaw('language = ? DESC', [language])
    .first();
  return row ? templateColumns.fromRow(row) : undefined;
}

/** Creates or replaces the template of (kind, language, channel). */
export async function saveTemplate(knex: Knex, t: Omit<Template, 'id'>, userId: number): Promise<Template> {
  const columns = templateColumns.toColumns(t);
  const [row] = await knex('message_templates')
    .insert({ ...columns, updated_by: userId })
    .onConflict(['kind', 'language', 'channel'])
    .merge({ ...columns, updated_by: userId, updated_at: knex.fn.now() })
    .returning('*');
  return templateColumns.fromRow(row);
}

/** A queued message with what sending it needs, locked for the claiming transaction. */
export interface OutboxRow {
  id: number;
  appointmentId: number | null;
  patientId: number;
  kind: MessageKind;
  channel: MessageChannel;
  language: string;
  noticeText: string | null;
  link: string | null;
  idempotencyKey: string;
  attempts: number;
  appointmentDate: string | null;
  startTime: string | null;
  appointmentStatus: string | null;
  tokenNo: number | null;
  patientName: string;
  patientPhone: string | null;
  patientEmail: string | null;
  doctorName: string | null;
  optedOut: boolean;
  /** The offer of freed time a WAITLIST_OFFER or OFFER_GONE is about: its status. */
  offerStatus: string | null;
  /** A RECALL_REMINDER's recall: still due, not dismissed nor booked since. */
  recallOpen: boolean | null;
}

function outboxQuery(knex: Knex) {
  return knex('patient_messages as m')
    .join('patient_entities as p', 'p.id', 'm.patient_id')
    .leftJoin('appointment_entities as a', 'a.id', 'm.appointment_id')
    .leftJoin('waitlist_offers as o', 'o.id', 'm.waitlist_offer_id')
    .leftJoin('recalls as r', 'r.id', 'm.recall_id')
    .leftJoin('doctor_entities as d', 'd.id', knex.raw('COALESCE(a.doctor_id, m.doctor_id)'))
    .select(
      'm.id',
      'm.appointment_id as appointmentId',
      'm.patient_id as patientId',
      'm.kind',
      'm.channel',
      'm.language',
      'm.notice_text as noticeText',
      'm.link',
      'm.idempotency_key as idempotencyKey',
      'm.attempts',
      // An offer's time stands in for an appointment's: the message names it, and it may pass.
      knex.raw('COALESCE(a.appointment_date, o.date) AS "appointmentDate"'),
      knex.raw('COALESCE(a.start_time, o.start_time) AS "startTime"'),
      'a.status as appointmentStatus',
      'o.status as offerStatus',
      knex.raw(
        `CASE WHEN r.id IS NULL THEN NULL ELSE r.status = 'DUE' AND NOT EXISTS (
           SELECT 1 FROM appointment_entities b WHERE b.patient_id = r.patient_id AND b.status IN ('SCHEDULED', 'COMPLETED')
              AND (r.doctor_id IS NULL OR b.doctor_id = r.doctor_id) AND b.created_at > r.created_at) END AS "recallOpen"`,
      ),
      'a.token_no as tokenNo',
      'p.name as patientName',
      'p.phone as patientPhone',
      'p.email as patientEmail',
      'd.name as doctorName',
      knex.raw(
        `EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = m.patient_id AND c.channel = m.channel AND c.withdrawn_at IS NOT NULL) AS "optedOut"`,
      ),
    );
}

/** Queued messages due at `now` (and not waiting out a retry), soonest first. */
export async function dueMessageIds(knex: Knex, now: Date, limit: number): Promise<number[]> {
  const rows = await knex('patient_messages')
    .where('status', 'QUEUED')
    .where('due_at', '<=', now)
    .where((q) => q.whereNull('next_attempt_at').orWhere('next_attempt_at', '<=', now))
    .orderBy([{ column: 'due_at' }, { column: 'id' }])
    .limit(limit)
    .select('id');
  return rows.map((r: { id: number }) => r.id);
}

/** The message if it is still QUEUED, locked; a row another PC holds is skipped, not waited for. */
export async function lockQueued(trx: Knex.Transaction, id: number): Promise<OutboxRow | undefined> {
  return outboxQuery(trx).where('m.id', id).where('m.status', 'QUEUED').forUpdate('m').skipLocked().first();
}

/** A patient's messaging lock, held to the end of the caller's transaction. */
async function lockPatientMessages(trx: Knex.Transaction, patientId: number): Promise<void> {
  await trx.raw('SELECT pg_advisory_xact_lock(hashtext(?))', [`clinic-desk:messages-of-patient:${patientId}`]);
}

/**
 * Messages to a patient handed to a provider since `since` (the clinic's midnight): the daily
 * cap counts them. Takes the patient's messaging lock for the caller's transaction first, so two
 * claims for one patient count one after the other.
 */
export async function sentSince(trx: Knex.Transaction, patientId: number, since: Date): Promise<number> {
  await lockPatientMessages(trx, patientId);
  const row = await trx('patient_messages')
    .where('patient_id', patientId)
    .where((q) => q.where('sent_at', '>=', since).orWhere((s) => s.where('status', 'SENDING').where('claimed_at', '>=', since)))
    .count<{ n: string }>({ n: '*' })
    .first();
  return Number(row?.n ?? 0);
}

/**
 * The durable claim: committed before the provider is called, so a crash leaves the row in
 * SENDING (resolved by asking the provider) instead of QUEUED (which would send it again).
 */
export async function markClaimed(
  trx: Knex.Transaction,
  id: number,
  m: { templateId: number; subject: string | null; body: string; to: string },
  at: Date,
): Promise<void> {
  await trx('patient_messages')
    .where({ id, status: 'QUEUED' })
    .update({
      status: 'SENDING',
      template_id: m.templateId,
      subject: m.subject,
      body: m.body,
      to_address: m.to,
      attempts: trx.raw('attempts + 1'),
      claimed_at: at,
      updated_at: trx.fn.now(),
    });
}

/** Ends a message that will not be sent (and why). */
export async function markNotSent(knex: Knex, id: number, from: MessageStatus, status: 'CANCELLED' | 'SKIPPED' | 'FAILED', error: string): Promise<boolean> {
  const n = await knex('patient_messages')
    .where({ id, status: from })
    .update({ status, error: error.slice(0, 2000), updated_at: knex.fn.now() });
  return n > 0;
}

/** `at`: the sender's clock, which the daily cap counts by. */
export async function markSent(knex: Knex, id: number, providerId: string, at: Date): Promise<void> {
  await knex('patient_messages')
    .where({ id, status: 'SENDING' })
    .update({ status: 'SENT', provider_id: providerId, sent_at: at, error: null, updated_at: knex.fn.now() });
}

/** Back to the queue after a refusal that said "not now" (5xx, 429), tried again at `at`. */
export async function markRetry(knex: Knex, id: number, error: string, at: Date): Promise<void> {
  await knex('patient_messages')
    .where({ id, status: 'SENDING' })
    .update({ status: 'QUEUED', error: error.slice(0, 2000), next_attempt_at: at, updated_at: knex.fn.now() });
}

export interface SendingRow {
  id: number;
  channel: MessageChannel;
  toAddress: string;
  body: string;
  claimedAt: string;
}

/** Claimed messages whose outcome nobody recorded (a crash between claim and reply), claimed before `before` (the sender's clock, as claims are). */
export async function unresolvedSending(knex: Knex, before: Date): Promise<SendingRow[]> {
  return knex('patient_messages')
    .where('status', 'SENDING')
    .where('claimed_at', '<=', before)
    .orderBy('id')
    .select('id', 'channel', 'to_address as toAddress', 'body', 'claimed_at as claimedAt');
}

/** Provider states, ranked: a callback may only move a message forward (they arrive in any order, and twice). */
const RANK: Record<MessageStatus, number> = { QUEUED: 0, SENDING: 1, SENT: 2, DELIVERED: 3, UNDELIVERED: 3, FAILED: 3, CANCELLED: 3, SKIPPED: 3 };

/**
 * Applies a provider's report on a message it accepted. The row is found by our id (carried in
 * the callback URL) or the provider's; a report that would move it backwards, or sideways
 * between final states, changes nothing. Returns false when no such message exists yet.
 */
export async function applyProviderStatus(
  trx: Knex.Transaction,
  ref: { messageId?: number; providerId: string },
  status: 'SENT' | 'DELIVERED' | 'UNDELIVERED' | 'FAILED',
  error: string | null,
): Promise<boolean> {
  const row: { id: number; status: MessageStatus; provider_id: string | null } | undefined = await trx('patient_messages')
    .modify((q) => (ref.messageId ? q.where('id', ref.messageId) : q.where('provider_id', ref.providerId)))
    .forUpdate()
    .first('id', 'status', 'provider_id');
  if (!row || (row.provider_id && row.provider_id !== ref.providerId)) return false;
  if (RANK[status] <= RANK[row.status]) return true;
  await trx('patient_messages')
    .where({ id: row.id })
    .update({
      status,
      provider_id: ref.providerId,
      error: status === 'FAILED' || status === 'UNDELIVERED' ? (error ?? 'The provider reported no reason') : null,
      sent_at: trx.raw('COALESCE(sent_at, now())'),
      delivered_at: status === 'DELIVERED' ? trx.fn.now() : null,
      updated_at: trx.fn.now(),
    });
  return true;
}

export interface NewMessage {
  appointmentId: number;
  kind: MessageKind;
  dueAt: Date;
  noticeText?: string | null;
  link?: string | null;
  /** Null for what no desk asked (a patient's reply booked the appointment). */
  createdBy: number | null;
}

/**
 * A message the desk asks for (send now, video link, a notice), on the patient's channel and
 * in their language as the booking trigger would choose them. Nothing is written when the
 * patient opted out of that channel or asked for no messages; returns the new row's id.
 */
export async function queueForAppointment(knex: Knex, m: NewMessage): Promise<number | undefined> {
  const result = await knex.raw(
    `INSERT INTO patient_messages (appointment_id, patient_id, doctor_id, kind, channel, language, notice_text, link, due_at, idempotency_key, created_by)
     SELECT a.id, a.patient_id, a.doctor_id, :kind::text, COALESCE(p.channel, s.default_channel), COALESCE(p.language, s.default_language), :noticeText::text, :link::text,
            :dueAt::timestamptz, a.id || ':' || :kind::text || ':' || floor(extract(epoch FROM :dueAt::timestamptz))::bigint, :createdBy::bigint
       FROM appointment_entities a
       CROSS JOIN messaging_settings s
       LEFT JOIN patient_message_prefs p ON p.patient_id = a.patient_id
      WHERE a.id = :appointmentId AND s.id = 1
        AND COALESCE(p.channel, s.default_channel) <> 'NONE'
        AND NOT EXISTS (SELECT 1 FROM patient_channel_consents c
                         WHERE c.patient_id = a.patient_id AND c.channel = COALESCE(p.channel, s.default_channel) AND c.withdrawn_at IS NOT NULL)
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    { kind: m.kind, noticeText: m.noticeText ?? null, link: m.link ?? null, dueAt: m.dueAt, createdBy: m.createdBy, appointmentId: m.appointmentId },
  );
  return result.rows[0]?.id;
}

/**
 * What the desk's word to a patient whose appointment was cancelled came to: it is the
 * cancellation's message (QUEUED), that message had already gone out without it (TOLD), or the
 * patient cannot be reached.
 */
export type CancellationNotice = 'QUEUED' | 'TOLD' | 'NOT_REACHED';

/**
 * The desk's text for a cancelled appointment (a leave's reason) as the one message its
 * cancellation sends. It takes the idempotency key the booking trigger gave that cancellation's
 * message (appointment, CANCELLED, the cancelling transaction's time, which is its history
 * entry's), so the text goes in the message still waiting instead of beside it, a second answer
 * replaces the first, and nothing is added once it has gone. Where the trigger planned nothing
 * (the kind switched off) the text is the message, on the patient's channel and language.
 */
export async function queueCancellationNotice(
  knex: Knex,
  m: { appointmentId: number; noticeText: string; dueAt: Date; createdBy: number },
): Promise<CancellationNotice> {
  const result = await knex.raw(
    `WITH cancellation AS (
       SELECT a.id, a.patient_id, a.doctor_id, a.id || ':CANCELLED:' || floor(extract(epoch FROM h.changed_at))::bigint AS key
         FROM appointment_entities a
         CROSS JOIN LATERAL (SELECT changed_at FROM appointment_history
                              WHERE appointment_id = a.id AND kind = 'STATUS' AND to_status = 'CANCELLED'
                              ORDER BY id DESC LIMIT 1) h
        WHERE a.id = :appointmentId AND a.status = 'CANCELLED'
     ),
     queued AS (
       INSERT INTO patient_messages (appointment_id, patient_id, doctor_id, kind, channel, language, notice_text, due_at, idempotency_key, created_by)
       SELECT c.id, c.patient_id, c.doctor_id, 'CANCELLED', COALESCE(p.channel, s.default_channel), COALESCE(p.language, s.default_language),
              :noticeText::text, :dueAt::timestamptz, c.key, :createdBy::bigint
         FROM cancellation c
         CROSS JOIN messaging_settings s
         LEFT JOIN patient_message_prefs p ON p.patient_id = c.patient_id
        WHERE s.id = 1
          AND COALESCE(p.channel, s.default_channel) <> 'NONE'
          AND NOT EXISTS (SELECT 1 FROM patient_channel_consents x
                           WHERE x.patient_id = c.patient_id AND x.channel = COALESCE(p.channel, s.default_channel) AND x.withdrawn_at IS NOT NULL)
       ON CONFLICT (idempotency_key) DO UPDATE SET notice_text = EXCLUDED.notice_text, updated_at = now() WHERE patient_messages.status = 'QUEUED'
       RETURNING id
     )
     SELECT CASE
              WHEN EXISTS (SELECT 1 FROM queued) THEN 'QUEUED'
              WHEN EXISTS (SELECT 1 FROM patient_messages x JOIN cancellation c ON x.idempotency_key = c.key WHERE x.status IN ('SENDING', 'SENT', 'DELIVERED')) THEN 'TOLD'
              ELSE 'NOT_REACHED'
            END AS outcome`,
    { appointmentId: m.appointmentId, noticeText: m.noticeText, dueAt: m.dueAt, createdBy: m.createdBy },
  );
  return result.rows[0].outcome;
}

/**
 * A message about no appointment (an offer of freed time, a recall reminder), sent only with
 * messaging on and the kind enabled, on the patient's channel and in their language, and as the
 * booking trigger would: not to a patient who asked for none, opted out of the channel, switched
 * the kind off (or whose doctor did), nor on WhatsApp without its opt-in. `key` makes it once only.
 */
export async function queueForPatient(
  knex: Knex,
  m: { patientId: number; doctorId: number | null; kind: MessageKind; offerId?: number; recallId?: number; dueAt: Date; key: string },
): Promise<number | undefined> {
  const result = await knex.raw(
    `INSERT INTO patient_messages (patient_id, doctor_id, kind, channel, language, waitlist_offer_id, recall_id, due_at, idempotency_key)
     SELECT pt.id, :doctorId::bigint, :kind::text, ch.channel, COALESCE(p.language, s.default_language), :offerId::bigint, :recallId::bigint, :dueAt::timestamptz, :key::text
       FROM patient_entities pt
       CROSS JOIN messaging_settings s
       LEFT JOIN patient_message_prefs p ON p.patient_id = pt.id
       CROSS JOIN LATERAL (SELECT COALESCE(p.channel, s.default_channel) AS channel) ch
      WHERE pt.id = :patientId AND s.id = 1 AND s.enabled AND :kind::text = ANY (s.enabled_kinds)
        AND ch.channel <> 'NONE'
        AND NOT EXISTS (SELECT 1 FROM message_kind_switches w WHERE w.kind = :kind::text AND (w.doctor_id = :doctorId::bigint OR w.patient_id = pt.id))
        AND NOT EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = pt.id AND c.channel = ch.channel AND c.withdrawn_at IS NOT NULL)
        AND (ch.channel <> 'WHATSAPP' OR EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = pt.id AND c.channel = ch.channel AND c.given_at IS NOT NULL))
     ON CONFLICT (idempotency_key) DO NOTHING
     RETURNING id`,
    { patientId: m.patientId, doctorId: m.doctorId, kind: m.kind, offerId: m.offerId ?? null, recallId: m.recallId ?? null, dueAt: m.dueAt, key: m.key },
  );
  return result.rows[0]?.id;
}

/** Whether messaging is on with this kind enabled. */
export async function kindEnabled(knex: Knex, kind: MessageKind): Promise<boolean> {
  const s = await readMessagingSettings(knex);
  return s.enabled && s.enabledKinds.includes(kind);
}

/** Whether an offer's message went out (or is going): its patient is then told when the time has gone. */
export async function offerWasSent(knex: Knex, offerId: number): Promise<boolean> {
  const row = await knex('patient_messages')
    .where({ waitlist_offer_id: offerId, kind: 'WAITLIST_OFFER' })
    .whereIn('status', ['SENDING', 'SENT', 'DELIVERED'])
    .first('id');
  return row !== undefined;
}

/** The offer of freed time the last message sent to this address was (null when it was about something else). */
export async function offerLastSentTo(knex: Knex, channel: MessageChannel, address: string): Promise<number | null> {
  const last = await knex('patient_messages')
    .where({ channel, to_address: address })
    .whereIn('status', ['SENT', 'DELIVERED'])
    .orderBy([
      { column: 'sent_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .first('kind', 'waitlist_offer_id as offerId');
  return last?.kind === 'WAITLIST_OFFER' ? last.offerId : null;
}

/** Stores a reply once (per provider id); undefined when it was stored before (a repeated delivery). */
export async function insertInbound(
  trx: Knex.Transaction,
  m: {
    providerId: string;
    channel: MessageChannel;
    from: string;
    body: string;
    patientId: number | null;
    appointmentId: number | null;
    action: InboundDto['action'];
  },
): Promise<number | undefined> {
  const rows = await trx('inbound_messages')
    .insert({
      provider_id: m.providerId,
      channel: m.channel,
      from_address: m.from,
      body: m.body,
      patient_id: m.patientId,
      appointment_id: m.appointmentId,
      action: m.action,
    })
    .onConflict('provider_id')
    .ignore()
    .returning('id');
  return rows[0]?.id;
}

/**
 * Whom a reply from `address` is about: the appointment of the latest message we sent to that
 * address on that channel, while it is still scheduled; else just the patient of the address.
 */
export async function replyContext(knex: Knex, channel: MessageChannel, address: string): Promise<{ patientId: number | null; appointmentId: number | null }> {
  const sent = await knex('patient_messages as m')
    .join('appointment_entities as a', 'a.id', 'm.appointment_id')
    .where({ 'm.channel': channel, 'm.to_address': address, 'a.status': 'SCHEDULED' })
    .whereIn('m.status', ['SENT', 'DELIVERED'])
    .orderBy('m.sent_at', 'desc')
    .first('m.patient_id as patientId', 'm.appointment_id as appointmentId');
  if (sent) return sent;
  const patient = await knex('patient_entities').where({ phone: address }).orderBy('id', 'desc').first('id');
  return { patientId: patient?.id ?? null, appointmentId: null };
}

/** Records a patient's STOP: no more messages on that channel until they opt in again. */
export async function withdrawConsent(trx: Knex.Transaction, patientId: number, channel: MessageChannel, how: string): Promise<void> {
  await trx('patient_channel_consents')
    .insert({ patient_id: patientId, channel, withdrawn_at: trx.fn.now(), withdrawn_how: how })
    .onConflict(['patient_id', 'channel'])
    .merge({ withdrawn_at: trx.fn.now(), withdrawn_how: how });
  await replanQueued(trx, patientId);
}

/**
 * A patient's waiting messages follow their channel and language as they are now: each QUEUED
 * row moves to the patient's channel (the clinic's default when theirs has no consent left) and
 * is rendered again from that channel's template when it is claimed; the row, and so its
 * idempotency key, stays the one row, so a move never makes a second send. A row with no
 * channel left to go on is not sent, with the reason. Each move is audited with where from and
 * to (a status change audits itself). Run in the transaction that changed the preference.
 */
export async function replanQueued(trx: Knex.Transaction, patientId: number): Promise<void> {
  await trx.raw(
    `WITH usable AS (
       SELECT ch.channel
         FROM (VALUES ('SMS'), ('WHATSAPP'), ('EMAIL')) AS ch(channel)
        WHERE NOT EXISTS (SELECT 1 FROM patient_channel_consents c WHERE c.patient_id = :patientId AND c.channel = ch.channel AND c.withdrawn_at IS NOT NULL)
          -- WhatsApp business-initiated messages need the patient's opt-in.
          AND (ch.channel <> 'WHATSAPP' OR EXISTS (SELECT 1 FROM patient_channel_consents c
                                                    WHERE c.patient_id = :patientId AND c.channel = 'WHATSAPP' AND c.given_at IS NOT NULL))
     ),
     plan AS (
       SELECT COALESCE(
                (SELECT u.channel FROM usable u WHERE u.channel = COALESCE(p.channel, s.default_channel)),
                (SELECT u.channel FROM usable u WHERE u.channel = s.default_channel AND COALESCE(p.channel, '') <> 'NONE')
              ) AS channel,
              COALESCE(p.language, s.default_language) AS language
         FROM messaging_settings s
         LEFT JOIN patient_message_prefs p ON p.patient_id = :patientId
        WHERE s.id = 1
     ),
     moved AS (
       UPDATE patient_messages m
          SET channel = plan.channel, language = plan.language, template_id = NULL, subject = NULL, body = NULL, to_address = NULL, updated_at = now()
         FROM plan, patient_messages o
        WHERE o.id = m.id AND m.patient_id = :patientId AND m.status = 'QUEUED' AND plan.channel IS NOT NULL
          AND (m.channel <> plan.channel OR m.language <> plan.language)
       RETURNING m.id, m.kind, m.appointment_id, o.channel AS from_channel, m.channel AS to_channel, o.language AS from_language, m.language AS to_language
     ),
     stranded AS (
       UPDATE patient_messages m
          SET status = 'SKIPPED', error = 'The patient opted out of ' || m.channel || ' and has no other channel to go on', updated_at = now()
         FROM plan
        WHERE m.patient_id = :patientId AND m.status = 'QUEUED' AND plan.channel IS NULL
     )
     INSERT INTO audit_log (user_id, user_email, workstation, action, entity, entity_id, outcome, detail)
     SELECT NULL, NULL, current_setting('application_name', true), 'messaging.replanned', 'patient_message', moved.id, 'OK',
            jsonb_build_object('kind', moved.kind, 'appointmentId', moved.appointment_id, 'fromChannel', moved.from_channel, 'toChannel', moved.to_channel,
                               'fromLanguage', moved.from_language, 'toLanguage', moved.to_language)
       FROM moved`,
    { patientId },
  );
}

/**
 * What is still useful for a patient's upcoming appointments, planned again as a booking plans
 * it: each reminder still to come, and a confirmation of an appointment they have not been told
 * of (none went out, none waits). Through the booking trigger's own function, so the kinds
 * switched off, "no messages" and the channels opted out of hold as they do at booking, and each
 * message keeps its idempotency key: a row waiting or sent stays as it is, one skipped while the
 * patient was opted out is queued again, and planning twice plans nothing more. Run when the
 * patient opts in (START, or consent at the desk); `now`: the clinic's clock.
 */
export async function planStillDue(trx: Knex.Transaction, patientId: number, now: Date): Promise<void> {
  // Two opt-ins at once would each find no confirmation and queue one each.
  await lockPatientMessages(trx, patientId);
  await trx.raw(
    `WITH upcoming AS (
       SELECT a, (a.appointment_date + a.start_time) AT TIME ZONE c.time_zone AS starts
         FROM appointment_entities a
         CROSS JOIN clinic_settings c
        WHERE c.id = 1 AND a.patient_id = :patientId AND a.status = 'SCHEDULED' AND NOT a.is_walk_in
     ),
     planned AS (
       SELECT u.a, 'REMINDER' AS kind, u.starts - make_interval(mins => off.minutes) AS due
         FROM upcoming u
         CROSS JOIN messaging_settings s
         CROSS JOIN LATERAL unnest(s.reminder_offsets_minutes) AS off(minutes)
        WHERE s.id = 1 AND u.starts - make_interval(mins => off.minutes) > :now
       UNION ALL
       -- A confirmation skipped while they were opted out goes on its own key; else a new one, due now.
       SELECT u.a, 'CONFIRMATION',
              COALESCE((SELECT max(m.due_at) FROM patient_messages m WHERE m.appointment_id = (u.a).id AND m.kind = 'CONFIRMATION' AND m.status = 'SKIPPED'),
                       :now::timestamptz)
         FROM upcoming u
        WHERE u.starts > :now
          AND NOT EXISTS (SELECT 1 FROM patient_messages m
                           WHERE m.appointment_id = (u.a).id AND m.kind IN ('CONFIRMATION', 'RESCHEDULED') AND m.status NOT IN ('SKIPPED', 'CANCELLED'))
     )
     SELECT patient_messages_queue(p.a, p.kind, p.due, s)
       FROM planned p
       CROSS JOIN messaging_settings s
      WHERE s.id = 1 AND s.enabled`,
    { patientId, now },
  );
}

/** The states a message ends in: nothing more is sent or reported for it. */
const SETTLED: MessageStatus[] = ['SENT', 'DELIVERED', 'FAILED', 'UNDELIVERED', 'CANCELLED', 'SKIPPED'];

/**
 * Clears what settled messages older than `before` (both made and due before it) said and to
 * whom: the text and subject, the address, the desk's notice, a join or payment link, and the
 * provider's wording of a failure (it quotes the address). Cleared, not deleted: the row keeps
 * the kind, channel, status, times, attempts and provider id, so the audit log's entries of its
 * status changes still name a message, an appointment still lists what became of each of its
 * messages, and the idempotency key stays taken. Its updated_at is left alone, so the failures
 * list keeps its order. Returns how many were cleared.
 */
export async function clearOldMessageContents(knex: Knex, before: Date): Promise<number> {
  return knex('patient_messages')
    .whereIn('status', SETTLED)
    .whereNull('contents_cleared_at')
    .where('due_at', '<', before)
    .where('created_at', '<', before)
    .update({ body: null, subject: null, to_address: null, notice_text: null, link: null, error: null, contents_cleared_at: knex.fn.now() });
}

/**
 * Clears what settled replies received before `before` said and where from: the text and the
 * number. A reply is settled once its command was carried out (every action but INBOX), or once
 * the desk handled it, also before `before`; one still in the inbox is kept whatever its age.
 * Cleared, not deleted: the row keeps its action, appointment, patient, channel, provider id and
 * times, so an appointment still lists what the patient answered and who dealt with it. Returns
 * how many were cleared.
 */
export async function clearOldReplyContents(knex: Knex, before: Date): Promise<number> {
  return knex('inbound_messages')
    .whereNull('contents_cleared_at')
    .where('received_at', '<', before)
    .where((q) => q.whereNot('action', 'INBOX').orWhere('handled_at', '<', before))
    .update({ body: null, from_address: null, contents_cleared_at: knex.fn.now() });
}

const MESSAGE_COLUMNS = [
  'm.id',
  'm.appointment_id as appointmentId',
  'm.patient_id as patientId',
  'p.name as patientName',
  'm.kind',
  'm.channel',
  'm.status',
  'm.body',
  'm.due_at as dueAt',
  'm.sent_at as sentAt',
  'm.delivered_at as deliveredAt',
  'm.attempts',
  'm.error',
] as const;

export async function messagesOfAppointment(knex: Knex, appointmentId: number): Promise<MessageDto[]> {
  return knex('patient_messages as m')
    .join('patient_entities as p', 'p.id', 'm.patient_id')
    .where('m.appointment_id', appointmentId)
    .select(...MESSAGE_COLUMNS)
    .orderBy([{ column: 'm.due_at' }, { column: 'm.id' }]);
}

/** Messages that failed or were not delivered, newest first: the ADMIN's failures list. */
export async function failedMessages(knex: Knex, limit: number): Promise<MessageDto[]> {
  return knex('patient_messages as m')
    .join('patient_entities as p', 'p.id', 'm.patient_id')
    .whereIn('m.status', ['FAILED', 'UNDELIVERED'])
    .select(...MESSAGE_COLUMNS)
    .orderBy('m.updated_at', 'desc')
    .limit(limit);
}

function inboundQuery(knex: Knex) {
  return knex('inbound_messages as i')
    .leftJoin('patient_entities as p', 'p.id', 'i.patient_id')
    .leftJoin('appointment_entities as a', 'a.id', 'i.appointment_id')
    .leftJoin('doctor_entities as d', 'd.id', 'a.doctor_id')
    .select(
      'i.id',
      'i.channel',
      'i.from_address as fromAddress',
      'i.body',
      'i.patient_id as patientId',
      'p.name as patientName',
      'i.appointment_id as appointmentId',
      'a.appointment_date as appointmentDate',
      'a.start_time as appointmentTime',
      'd.name as doctorName',
      'i.action',
      'i.received_at as receivedAt',
      'i.handled_at as handledAt',
    );
}

/** A reply's action once its command was carried out (an offer's YES that came too late is OFFER_GONE). */
export async function setInboundAction(trx: Knex.Transaction, id: number, action: InboundDto['action'], appointmentId: number | null): Promise<void> {
  await trx('inbound_messages').where({ id }).update({ action, appointment_id: appointmentId });
}

export async function repliesOfAppointment(knex: Knex, appointmentId: number): Promise<InboundDto[]> {
  return inboundQuery(knex).where('i.appointment_id', appointmentId).orderBy('i.id');
}

/** Replies that were not a command and nobody has dealt with yet, oldest first. */
export async function openInbox(knex: Knex, limit: number): Promise<InboundDto[]> {
  return inboundQuery(knex).where('i.action', 'INBOX').whereNull('i.handled_at').orderBy('i.id').limit(limit);
}

export async function countOpenInbox(knex: Knex): Promise<number> {
  const row = await knex('inbound_messages').where('action', 'INBOX').whereNull('handled_at').count<{ n: string }>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

export async function markInboundHandled(knex: Knex, id: number, userId: number): Promise<boolean> {
  const n = await knex('inbound_messages').where({ id, action: 'INBOX' }).whereNull('handled_at').update({ handled_at: knex.fn.now(), handled_by: userId });
  return n > 0;
}
