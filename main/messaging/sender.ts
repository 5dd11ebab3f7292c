import { TZDate } from '@date-fns/tz';
import Queue from 'better-queue';
import type { Knex } from 'knex';
import type { RequestClient } from 'twilio';
import { clinicNow } from '../settings/clinic-time';
import { readSettings } from '../settings/repo';
import type { SecretBox } from '../secrets/secret-box';
import { composeMessage } from './compose';
import { ProviderRefusal, providersFor, type MessageProvider } from './providers';
import {
  dueMessageIds,
  lockQueued,
  markClaimed,
  markNotSent,
  markRetry,
  markSent,
  readMessagingSettings,
  sentSince,
  templateFor,
  unresolvedSending,
  type MessageChannel,
  type MessagingSettings,
  type OutboxRow,
  type Template,
} from './repo';

export interface SenderOptions {
  log: (message: string, err: unknown) => void;
  /** The sender's clock (due times, quiet hours, appointments passed); tests move it. */
  now?: () => number;
  secretBox?: SecretBox;
  twilioHttpClient?: RequestClient;
  /** How often due messages are looked for without a nudge (default 5 s). */
  pollMs?: number;
  /** Sends after which a message that keeps getting "try later" fails (default 6). */
  maxAttempts?: number;
  /** Wait before attempt n+1 after n attempts (default 2^n seconds, at most 10 minutes). */
  backoffMs?: (attempts: number) => number;
  /** A claim this old with no outcome is resolved by asking the provider (default 60 s). */
  reconcileAfterMs?: number;
}

const E164 = /^\+[1-9]\d{6,14}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BATCH = 200;
const CONCURRENT_SENDS = 4;
/** Kinds that still make sense once the appointment has begun: thanks, and a link to pay its dues. */
const AFTER_THE_VISIT = new Set<string>(['THANK_YOU', 'PAYMENT_LINK']);
const defaultBackoff = (attempts: number) => Math.min(1000 * 2 ** attempts, 600_000);

/** Quiet hours wrap midnight when they start later than they end (21:00–08:00). */
function inQuietHours(time: string, start: string, end: string): boolean {
  const [t, s, e] = [time.slice(0, 5), start.slice(0, 5), end.slice(0, 5)];
  if (s === e) return false;
  return s < e ? t >= s && t < e : t >= s || t < e;
}

interface Context {
  settings: MessagingSettings;
  clinic: { name: string; rebookLink: string | null; timeZone: string };
  providers: (channel: MessageChannel) => MessageProvider;
}

type Verdict = { status: 'CANCELLED' | 'SKIPPED' | 'FAILED'; error: string };

/**
 * Sends due outbox rows, a few at a time, while this PC is the elected sender. The rows are the
 * queue (better-queue only holds ids): each is claimed (QUEUED → SENDING, committed) before the
 * provider is called, so a crash can leave a message SENDING but never send it twice from
 * QUEUED; a SENDING row nobody finished is resolved by asking the provider whether it took it.
 */
export class MessageSender {
  private readonly queue: Queue<{ id: number }>;
  private readonly inFlight = new Set<number>();
  private readonly idleWaiters: (() => void)[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private context: Context | undefined;
  private providerKey = '';
  private active = false;
  private stopped = false;
  private polling: Promise<void> | undefined;
  private pollAgain = false;
  private nextSlot = 0;

  constructor(
    private readonly knex: Knex,
    private readonly options: SenderOptions,
  ) {
    this.queue = new Queue<{ id: number }>(
      (task: { id: number }, done: () => void) => {
        void this.process(task.id)
          .catch((err: unknown) => this.options.log(`message ${task.id} could not be sent`, err))
          .finally(() => {
            this.inFlight.delete(task.id);
            done();
            this.notifyIdle();
          });
      },
      // A few sends in flight at once: each waits mostly on the provider; the rate limit and the
      // claims keep them apart.
      { id: 'id', concurrent: CONCURRENT_SENDS },
    );
    const every = setInterval(() => this.poke(), options.pollMs ?? 5_000);
    every.unref();
    this.timers.add(every);
  }

  /** Elected (true) or not (false): only an active sender looks for due messages. */
  setActive(active: boolean): void {
    this.active = active;
    if (active) this.poke();
  }

  get isActive(): boolean {
    return this.active && !this.stopped;
  }

  /** Looks for due messages now (a booking was made, the desk asked to send). */
  poke(): void {
    if (!this.isActive) return;
    if (this.polling) {
      this.pollAgain = true;
      return;
    }
    this.polling = this.poll()
      .catch((err: unknown) => this.options.log('looking for due messages failed', err))
      .finally(() => {
        this.polling = undefined;
        if (this.pollAgain) {
          this.pollAgain = false;
          this.poke();
        }
        this.notifyIdle();
      });
  }

  /** Resolves once nothing is being looked for or sent (tests, orderly shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** One full round: due messages looked for and every one of them sent or settled. */
  async runDue(): Promise<void> {
    this.poke();
    await this.idle();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.polling;
    await this.idle();
    await new Promise<void>((resolve) => this.queue.destroy(() => resolve()));
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  private isIdle(): boolean {
    return this.inFlight.size === 0 && !this.polling;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private pokeIn(ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.poke();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private async poll(): Promise<void> {
    const [settings, clinic] = await Promise.all([readMessagingSettings(this.knex), readSettings(this.knex)]);
    if (!settings.enabled) return;
    // Providers are rebuilt only when the settings change (a new client per message would cost a lot).
    if (settings.updatedAt !== this.providerKey || !this.context) {
      this.providerKey = settings.updatedAt;
      this.context = {
        settings,
        clinic: { name: clinic.clinicName, rebookLink: settings.rebookLink, timeZone: clinic.timeZone },
        providers: providersFor(settings, this.options.secretBox, this.options.twilioHttpClient),
      };
    } else {
      this.context = { ...this.context, settings, clinic: { name: clinic.clinicName, rebookLink: settings.rebookLink, timeZone: clinic.timeZone } };
    }
    await this.reconcile();
    const now = this.now();
    if (inQuietHours(clinicNow(clinic.timeZone, now).time, settings.quietStart, settings.quietEnd)) return;
    const ids = await dueMessageIds(this.knex, new Date(now), BATCH);
    for (const id of ids) {
      if (this.inFlight.has(id) || this.stopped) continue;
      this.inFlight.add(id);
      this.queue.push({ id });
    }
    // A full batch: more are due; look again once these are on their way.
    if (ids.length === BATCH) this.pollAgain = true;
  }

  /** SENDING rows left by a crash (ours or another PC's): taken by the provider → SENT, else queued again. */
  private async reconcile(): Promise<void> {
    const rows = await unresolvedSending(this.knex, new Date(this.now() - (this.options.reconcileAfterMs ?? 60_000)));
    for (const row of rows) {
      if (this.inFlight.has(row.id)) continue;
      const providerId = await this.context!.providers(row.channel).find({ channel: row.channel, to: row.toAddress, body: row.body, claimedAt: row.claimedAt });
      if (providerId) await markSent(this.knex, row.id, providerId, new Date(this.now()));
      else await markRetry(this.knex, row.id, 'The send was interrupted before the provider answered; sending again', new Date(this.now()));
    }
  }

  /** Why a due message is not to be sent now that it is due, if it is not. */
  private verdict(row: OutboxRow, now: { date: string; time: string }): Verdict | undefined {
    if (row.optedOut) return { status: 'SKIPPED', error: `The patient opted out of ${row.channel}` };
    if (row.appointmentStatus && row.appointmentStatus !== 'SCHEDULED' && ['CONFIRMATION', 'REMINDER', 'RESCHEDULED', 'VIDEO_LINK'].includes(row.kind)) {
      return { status: 'CANCELLED', error: `The appointment is ${row.appointmentStatus.toLowerCase()}` };
    }
    if (row.kind === 'PAYMENT_LINK' && row.appointmentStatus === 'CANCELLED') return { status: 'CANCELLED', error: 'The appointment is cancelled' };
    // The cancellation was undone before its message went: telling it now would contradict the confirmation that follows.
    if (row.kind === 'CANCELLED' && row.appointmentStatus !== 'CANCELLED') return { status: 'CANCELLED', error: 'The appointment was booked again' };
    // The time was taken (by the desk or another patient's YES) before this offer went: nothing to offer.
    if (row.kind === 'WAITLIST_OFFER' && row.offerStatus !== 'OPEN') return { status: 'CANCELLED', error: 'The offered time has gone' };
    if (row.kind === 'RECALL_REMINDER' && !row.recallOpen) return { status: 'CANCELLED', error: 'The recall was booked or dismissed' };
    if (!AFTER_THE_VISIT.has(row.kind) && row.appointmentDate && row.startTime && `${row.appointmentDate} ${row.startTime}` <= `${now.date} ${now.time}`) {
      return { status: 'SKIPPED', error: 'The appointment has already begun' };
    }
    const address = row.channel === 'EMAIL' ? row.patientEmail : row.patientPhone;
    if (row.channel === 'EMAIL' ? !address || !EMAIL.test(address) : !address || !E164.test(address)) {
      return {
        status: 'FAILED',
        error: row.channel === 'EMAIL' ? 'The patient has no valid e-mail address' : 'The patient has no phone number in E.164 form (+91…)',
      };
    }
    return undefined;
  }

  private async process(id: number): Promise<void> {
    const ctx = this.context;
    if (!ctx || !this.isActive) return;
    const nowMs = this.now();
    const now = clinicNow(ctx.clinic.timeZone, nowMs);
    const midnight = new TZDate(Number(now.date.slice(0, 4)), Number(now.date.slice(5, 7)) - 1, Number(now.date.slice(8, 10)), ctx.clinic.timeZone);
    const claim = await this.knex.transaction(async (trx) => {
      const row = await lockQueued(trx, id);
      if (!row) return undefined;
      let verdict = this.verdict(row, now);
      // sentSince takes the patient's lock for this transaction: concurrent claims count in turn.
      if (!verdict && (await sentSince(trx, row.patientId, new Date(midnight.getTime()))) >= ctx.settings.dailyCapPerPatient) {
        verdict = { status: 'SKIPPED', error: `Daily limit of ${ctx.settings.dailyCapPerPatient} messages to this patient reached` };
      }
      const template = verdict ? undefined : await templateFor(trx, row.kind, row.language, row.channel);
      if (!verdict && !template) verdict = { status: 'FAILED', error: `No ${row.channel} template for ${row.kind}` };
      if (verdict) {
        await markNotSent(trx, id, 'QUEUED', verdict.status, verdict.error);
        return undefined;
      }
      const composed = composeMessage(row, template!, ctx.clinic);
      const to = (row.channel === 'EMAIL' ? row.patientEmail : row.patientPhone)!;
      await markClaimed(trx, id, { templateId: template!.id, subject: composed.subject, body: composed.body, to }, new Date(nowMs));
      return { row, template: template!, composed, to };
    });
    if (!claim) return;
    await this.rateSlot(ctx.settings.sendRatePerSecond);
    const attempts = claim.row.attempts + 1;
    try {
      const providerId = await ctx.providers(claim.row.channel).send({
        channel: claim.row.channel,
        to: claim.to,
        subject: claim.composed.subject,
        body: claim.composed.body,
        contentSid: claim.template.whatsappContentSid,
        contentVariables: claim.composed.contentVariables,
        dlt: dltOf(claim.row.channel, claim.template),
        key: claim.row.idempotencyKey,
        statusCallback: ctx.settings.statusCallbackUrl ? callbackUrl(ctx.settings.statusCallbackUrl, id) : null,
      });
      await markSent(this.knex, id, providerId, new Date(nowMs));
    } catch (err) {
      if (!(err instanceof ProviderRefusal)) {
        // No answer (connection lost mid-call): the provider may have taken it; the claim stays
        // and reconciliation asks the provider before anything is sent again.
        this.options.log(`message ${id}: the provider did not answer`, err);
        return;
      }
      if (err.retry && attempts < (this.options.maxAttempts ?? 6)) {
        const wait = (this.options.backoffMs ?? defaultBackoff)(attempts);
        await markRetry(this.knex, id, err.message, new Date(nowMs + wait));
        this.pokeIn(wait);
      } else {
        await markNotSent(this.knex, id, 'SENDING', 'FAILED', err.message);
      }
    }
  }

  /** The clinic's send rate (the provider's limit), as evenly spaced sends. */
  private async rateSlot(perSecond: number): Promise<void> {
    const gap = 1000 / perSecond;
    const at = Math.max(Date.now(), this.nextSlot);
    this.nextSlot = at + gap;
    const wait = at - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** The status callback address of one message: our id rides along, so the report finds its row even before the provider's id is stored. */
function callbackUrl(base: string, messageId: number): string {
  const url = new URL(base);
  url.searchParams.set('message', String(messageId));
  return url.toString();
}

/** An SMS template's DLT pair, when it has one. */
function dltOf(channel: MessageChannel, t: Template): { entityId: string; templateId: string } | null {
  return channel === 'SMS' && t.dltEntityId && t.dltTemplateId ? { entityId: t.dltEntityId, templateId: t.dltTemplateId } : null;
}
