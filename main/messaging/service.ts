import type { Knex } from 'knex';
import type { z } from 'zod';
import type {
  AppointmentDto,
  doctorDayNoticeSchema,
  MessageTemplateDto,
  MessagingSettingsDto,
  messagePreviewSchema,
  saveMessageTemplateSchema,
  sendMessageNowSchema,
  updateMessagingSettingsSchema,
} from '../../preload/contract';
import { findAppointment, listAppointments } from '../appointments/repo';
import type { CurrentUser } from '../shared/call-context';
import { AppError } from '../shared/app-error';
import { say, type Sentence } from '../shared/say';
import type { SecretBox } from '../secrets/secret-box';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import type { GatewayPaymentsService } from '../payments/gateway/service';
import type { VideoService } from '../video/service';
import { composeMessage } from './compose';
import { sendPrepayLink } from './prepay-link';
import {
  countOpenInbox,
  failedMessages,
  listTemplates,
  markInboundHandled,
  messagesOfAppointment,
  openInbox,
  queueCancellationNotice,
  queueForAppointment,
  readMessagingSettings,
  repliesOfAppointment,
  saveTemplate,
  templateFor,
  writeMessagingSettings,
  type CancellationNotice,
  type MessageKind,
  type MessagingSettings,
  type Template,
} from './repo';
import { readPatientPrefs, type PatientChannel } from './prefs-repo';
import { countSegments } from './segments';
import { checkTemplate } from './templates';

type SettingsUpdate = z.output<typeof updateMessagingSettingsSchema>;
type SaveTemplate = z.output<typeof saveMessageTemplateSchema>;
type Preview = z.output<typeof messagePreviewSchema>;
type SendNow = z.output<typeof sendMessageNowSchema>;
type Notice = z.output<typeof doctorDayNoticeSchema>;

const LIST_LIMIT = 200;

/** Why nothing is sent for an appointment no longer scheduled (a payment link still goes after the visit). */
const UNSENDABLE: Record<Exclude<AppointmentDto['status'], 'SCHEDULED'>, Sentence> = {
  COMPLETED: say`This appointment is completed; nothing is sent for it`,
  CANCELLED: say`This appointment is cancelled; nothing is sent for it`,
  NO_SHOW: say`This appointment is no_show; nothing is sent for it`,
};

/**
 * The desk's side of patient messaging: what an appointment's messages became, sending a
 * reminder or the video link now, notices to a doctor's day, the inbox of replies, the
 * failures list, the settings (secrets sealed, write-only) and the templates with a preview
 * on real data. Sending itself is the elected sender's; `poke` wakes it on this PC.
 */
export class MessagingService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    private readonly video: VideoService,
    private readonly payments: Pick<GatewayPaymentsService, 'paymentLink' | 'collect' | 'dropOverAskingLinks'>,
    private readonly box: SecretBox | undefined,
    private readonly poke: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  async forAppointment(appointmentId: number) {
    await this.appointment(appointmentId);
    const [messages, replies] = await Promise.all([messagesOfAppointment(this.knex, appointmentId), repliesOfAppointment(this.knex, appointmentId)]);
    return { messages, replies };
  }

  /**
   * A reminder, the video join link (the appointment's doctor or an ADMIN, as for the link
   * itself), or the link to pay what the visit owes, now. A payment link also goes after the
   * visit (dues), never for a cancelled one.
   */
  async sendNow(req: SendNow, user: CurrentUser) {
    const appointment = await this.appointment(req.appointmentId);
    if (!(await readMessagingSettings(this.knex)).enabled) throw new AppError('CONFLICT', 'Patient messaging is switched off in the messaging settings');
    const { status } = appointment;
    const sendable = status === 'SCHEDULED' || (req.kind === 'PAYMENT_LINK' && status !== 'CANCELLED');
    if (!sendable) throw new AppError('CONFLICT', UNSENDABLE[status], 'appointmentId');
    const link = await this.linkFor(req.kind, appointment.id, user);
    const id = await queueForAppointment(this.knex, { appointmentId: appointment.id, kind: req.kind, dueAt: new Date(this.now()), link, createdBy: user.id });
    if (id === undefined)
      throw new AppError(
        'CONFLICT',
        say`${appointment.patientName} has opted out of messages on their channel or asked for none, or the same message was just queued`,
        'appointmentId',
      );
    this.poke();
    return (await messagesOfAppointment(this.knex, appointment.id)).find((m) => m.id === id)!;
  }

  /**
   * The prepay rule (sendPrepayLink) after a booking, a series, a waitlist offer taken or a move by
   * the desk. Only a type asks its patient to pay first: an appointment without one costs no statement.
   */
  async prepayLink(appointment: Pick<AppointmentDto, 'id' | 'appointmentTypeId'>, user: CurrentUser): Promise<void> {
    if (appointment.appointmentTypeId == null) return;
    if (await sendPrepayLink(this.knex, this.payments, appointment.id, user, this.now())) this.poke();
  }

  /**
   * The desk's text to every scheduled patient of one doctor's day; the text's variables are
   * checked first. To a cancelled appointment (a leave's patients) it is that cancellation's own
   * message, so one change tells each patient once, however often the desk answers.
   */
  async notice(req: Notice, user: CurrentUser): Promise<{ queued: number; alreadyTold: number; notReached: number }> {
    const day = await this.noticeDay(req);
    const at = new Date(this.now());
    const outcomes = await this.knex.transaction(async (trx) => {
      const out: CancellationNotice[] = [];
      for (const a of day) {
        if (a.status === 'CANCELLED') {
          out.push(await queueCancellationNotice(trx, { appointmentId: a.id, noticeText: req.text, dueAt: at, createdBy: user.id }));
        } else {
          const id = await queueForAppointment(trx, { appointmentId: a.id, kind: 'NOTICE', dueAt: at, noticeText: req.text, createdBy: user.id });
          out.push(id === undefined ? 'NOT_REACHED' : 'QUEUED');
        }
      }
      return out;
    });
    this.poke();
    const count = (outcome: CancellationNotice) => outcomes.filter((o) => o === outcome).length;
    return { queued: count('QUEUED'), alreadyTold: count('TOLD'), notReached: count('NOT_REACHED') };
  }

  /**
   * A schedule change's reason for cancelling `appointmentIds`, as the desk gave it for the
   * patients, inside that change's transaction: it goes in each one's cancellation message from
   * the start, so no plain cancellation can go out before it. With messaging off nothing is told.
   */
  async tellCancelled(trx: Knex, appointmentIds: readonly number[], reason: string, user: CurrentUser): Promise<void> {
    if (!(await readMessagingSettings(trx)).enabled) return;
    const at = new Date(this.now());
    for (const appointmentId of appointmentIds) await queueCancellationNotice(trx, { appointmentId, noticeText: reason, dueAt: at, createdBy: user.id });
  }

  /** Before a notice goes: how many patients it is for, and the first one's message as they would read it. */
  async noticePreview(req: Notice) {
    const day = await this.noticeDay(req);
    const first = day[0]!;
    const [prefs, s] = await Promise.all([readPatientPrefs(this.knex, first.patientId), readMessagingSettings(this.knex)]);
    const language = prefs.language ?? s.defaultLanguage;
    const out =
      first.status === 'CANCELLED'
        ? await this.compose(first, 'CANCELLED', language, await this.cancellationTemplate(language, prefs.channel ?? s.defaultChannel), req.text)
        : await this.compose(first, 'NOTICE', language, { subject: null, body: req.text }, req.text);
    return { count: day.length, sample: { appointmentId: first.id, patientName: first.patientName, body: out.body, segments: countSegments(out.body) } };
  }

  /**
   * Who a notice is for, once its text and day are checked: the doctor's patients of the day who
   * are still to come (the sender drops a message about a visit that has begun, so they are not
   * counted), or the named appointments of that day, cancelled too (a leave's patients).
   */
  private async noticeDay(req: Notice): Promise<AppointmentDto[]> {
    checkTemplate(req.text, 'text');
    if (!(await readMessagingSettings(this.knex)).enabled) throw new AppError('CONFLICT', 'Patient messaging is switched off in the messaging settings');
    const { timeZone } = await this.settings.get();
    const now = clinicNow(timeZone, this.now());
    if (req.date < now.date) throw new AppError('INVALID', 'That day has passed', 'date');
    const named = req.appointmentIds && new Set(req.appointmentIds);
    const day = (await listAppointments(this.knex, [req.doctorId], req.date, req.date)).filter(
      (a) =>
        (named ? named.has(a.id) && (a.status === 'SCHEDULED' || a.status === 'CANCELLED') : a.status === 'SCHEDULED') &&
        `${a.date} ${a.startTime}` > `${now.date} ${now.time}`,
    );
    if (named && day.length < named.size)
      throw new AppError('INVALID', 'Some of these appointments are not this doctor’s on that day, or have begun', 'appointmentIds');
    if (day.length === 0) throw new AppError('NOT_FOUND', 'Nobody is booked with this doctor for the rest of that day', 'date');
    return day;
  }

  failures() {
    return failedMessages(this.knex, LIST_LIMIT);
  }

  inbox() {
    return openInbox(this.knex, LIST_LIMIT);
  }

  async inboxCount() {
    return { open: await countOpenInbox(this.knex) };
  }

  async markHandled(id: number, user: CurrentUser): Promise<null> {
    if (!(await markInboundHandled(this.knex, id, user.id))) throw new AppError('NOT_FOUND', 'No such open message in the inbox', 'id');
    return null;
  }

  async getSettings(): Promise<MessagingSettingsDto> {
    return publicSettings(await readMessagingSettings(this.knex));
  }

  async updateSettings(req: SettingsUpdate, user: CurrentUser): Promise<MessagingSettingsDto> {
    const { twilioAuthToken, smtpPassword, ...plain } = req;
    if (plain.reminderOffsetsMinutes && new Set(plain.reminderOffsetsMinutes).size !== plain.reminderOffsetsMinutes.length) {
      throw new AppError('INVALID', 'Two reminders at the same time', 'reminderOffsetsMinutes');
    }
    const changes: Partial<MessagingSettings> = { ...plain, enabledKinds: plain.enabledKinds && [...new Set(plain.enabledKinds)] };
    if (twilioAuthToken !== undefined) changes.twilioAuthTokenSealed = this.seal(twilioAuthToken, 'twilioAuthToken');
    if (smtpPassword !== undefined) changes.smtpPasswordSealed = this.seal(smtpPassword, 'smtpPassword');
    await writeMessagingSettings(this.knex, changes, user.id);
    return this.getSettings();
  }

  async templates(): Promise<MessageTemplateDto[]> {
    return (await listTemplates(this.knex)).map(withSegments);
  }

  /** Saved only when every variable is one the sender can fill: a send never meets a bad template. */
  async saveTemplate(req: SaveTemplate, user: CurrentUser): Promise<MessageTemplateDto> {
    checkTemplate(req.body, 'body');
    if (req.subject) checkTemplate(req.subject, 'subject');
    if (req.channel !== 'SMS' && (req.dltEntityId || req.dltTemplateId)) throw new AppError('INVALID', 'DLT ids belong to SMS templates', 'dltTemplateId');
    // Operators match a message on the pair: one id without the other identifies nothing.
    if (!req.dltEntityId !== !req.dltTemplateId) {
      const missing = req.dltEntityId ? 'dltTemplateId' : 'dltEntityId';
      const enter =
        missing === 'dltTemplateId' ? say`Enter the DLT template id too: the two go together` : say`Enter the DLT entity id too: the two go together`;
      throw new AppError('INVALID', enter, missing);
    }
    if (req.channel !== 'WHATSAPP' && req.whatsappContentSid)
      throw new AppError('INVALID', 'A content SID belongs to WhatsApp templates', 'whatsappContentSid');
    return withSegments(await saveTemplate(this.knex, req, user.id));
  }

  /** The template (saved, or the text being edited) filled with a real appointment's data, and its SMS parts. */
  async preview(req: Preview) {
    if (req.body !== undefined) checkTemplate(req.body, 'body');
    const a = await this.appointment(req.appointmentId);
    const template = req.body !== undefined ? { subject: null, body: req.body } : await templateFor(this.knex, req.kind, req.language, req.channel);
    if (!template) throw new AppError('NOT_FOUND', say`There is no ${req.channel} template for ${req.kind}`, 'kind');
    const out = await this.compose(a, req.kind, req.language, template, null);
    return { subject: out.subject, body: out.body, segments: countSegments(out.body) };
  }

  /** The cancellation template a patient on `channel` gets; one who asked for no messages is shown the SMS one. */
  private async cancellationTemplate(language: string, channel: PatientChannel): Promise<Template> {
    const template = await templateFor(this.knex, 'CANCELLED', language, channel === 'NONE' ? 'SMS' : channel);
    if (!template) throw new AppError('NOT_FOUND', say`There is no ${channel} template for CANCELLED`, 'text');
    return template;
  }

  /** A message as the sender would write it for this appointment (no join link: one is minted only to send). */
  private async compose(a: AppointmentDto, kind: MessageKind, language: string, template: Pick<Template, 'subject' | 'body'>, noticeText: string | null) {
    const s = await readMessagingSettings(this.knex);
    const { clinicName } = await this.settings.get();
    return composeMessage(
      {
        kind,
        language,
        noticeText,
        link: null,
        appointmentDate: a.date,
        startTime: a.startTime,
        tokenNo: a.tokenNo,
        patientName: a.patientName,
        doctorName: a.doctorName,
      },
      template,
      { name: clinicName, rebookLink: s.rebookLink },
    );
  }

  private async linkFor(kind: SendNow['kind'], appointmentId: number, user: CurrentUser): Promise<string | null> {
    if (kind === 'VIDEO_LINK') return (await this.video.patientLink(appointmentId, user)).link;
    if (kind === 'PAYMENT_LINK') return this.payments.paymentLink(appointmentId, user);
    return null;
  }

  private seal(secret: string | null, field: string): string | null {
    if (secret === null) return null;
    if (!this.box) throw new AppError('UNAVAILABLE', 'Secrets cannot be stored from this PC: it has no secret store', field);
    return this.box.seal(secret);
  }

  private async appointment(id: number): Promise<AppointmentDto> {
    const a = await findAppointment(this.knex, id);
    if (!a) throw new AppError('NOT_FOUND', 'No such appointment', 'appointmentId');
    return a;
  }
}

const withSegments = (t: Template): MessageTemplateDto => ({ ...t, segments: countSegments(t.body) });

function publicSettings(s: MessagingSettings): MessagingSettingsDto {
  const { twilioAuthTokenSealed, smtpPasswordSealed, ...rest } = s;
  return {
    ...rest,
    quietStart: s.quietStart.slice(0, 5),
    quietEnd: s.quietEnd.slice(0, 5),
    twilioAuthTokenSet: twilioAuthTokenSealed !== null,
    smtpPasswordSet: smtpPasswordSealed !== null,
  };
}
