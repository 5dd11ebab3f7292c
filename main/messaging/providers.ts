import type { RequestClient } from 'twilio';
import type { SecretBox } from '../secrets/secret-box';
import type { MessageChannel, MessagingSettings } from './repo';

interface OutgoingMessage {
  channel: MessageChannel;
  to: string;
  subject: string | null;
  body: string;
  /** WhatsApp business-initiated messages: the approved content template and its numbered variables. */
  contentSid: string | null;
  contentVariables: Record<string, string>;
  /**
   * India: the SMS template's DLT registration, for a provider whose API takes it per message
   * (Exotel's DltEntityId/DltTemplateId, Amazon's IN_ENTITY_ID/IN_TEMPLATE_ID). Twilio's
   * Messages API has no such field: Twilio matches the text to the templates registered with
   * the sender, so the Twilio adapter leaves it out.
   */
  dlt: { entityId: string; templateId: string } | null;
  /** Our idempotency key: carried where the provider's API has room for it. */
  key: string;
  /** Where the provider reports this message's status (carries our message id). */
  statusCallback: string | null;
}

/**
 * A refusal with its meaning for the outbox: `retry` when the provider said "not now" (HTTP
 * 5xx, 429; SMTP 4xx) and the message was certainly not taken; otherwise the message failed.
 */
export class ProviderRefusal extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
    this.name = 'ProviderRefusal';
  }
}

export interface MessageProvider {
  /** Hands the message over; resolves with the provider's id. A ProviderRefusal says it was not taken. */
  send(m: OutgoingMessage): Promise<string>;
  /** After a crash between claim and reply: the provider's id of this message if it was taken, else undefined. */
  find(m: { channel: MessageChannel; to: string; body: string; claimedAt: string }): Promise<string | undefined>;
}

const prefixed = (channel: MessageChannel, number: string) => (channel === 'WHATSAPP' ? `whatsapp:${number}` : number);

/** SMS and WhatsApp through Twilio's Messaging API with the official client. */
function twilioProvider(s: MessagingSettings, authToken: string, httpClient?: RequestClient): MessageProvider {
  if (!s.twilioAccountSid) throw new ProviderRefusal('Messaging has no Twilio Account SID', false);
  const accountSid = s.twilioAccountSid;
  // Twilio's package is loaded by the first message, not at every start of the app.
  let loaded: Promise<ReturnType<typeof import('twilio')>> | undefined;
  const twilioClient = () => (loaded ??= import('twilio').then(({ default: twilio }) => twilio(accountSid, authToken, { httpClient })));
  return {
    async send(m) {
      const from = m.channel === 'WHATSAPP' ? s.whatsappFrom : s.smsFrom;
      if (!from) throw new ProviderRefusal(`No sender number is set for ${m.channel}`, false);
      if (m.channel === 'WHATSAPP' && !m.contentSid) throw new ProviderRefusal('The WhatsApp template has no approved content SID', false);
      try {
        const sent = await (
          await twilioClient()
        ).messages.create({
          to: prefixed(m.channel, m.to),
          from: prefixed(m.channel, from),
          ...(m.channel === 'WHATSAPP' ? { contentSid: m.contentSid!, contentVariables: JSON.stringify(m.contentVariables) } : { body: m.body }),
          ...(m.statusCallback ? { statusCallback: m.statusCallback } : {}),
        });
        return sent.sid;
      } catch (err) {
        const status = (err as { status?: unknown }).status;
        if (typeof status !== 'number') throw err; // no answer: the outcome is unknown, the claim stays
        const code = (err as { code?: number }).code;
        throw new ProviderRefusal(`Twilio ${status}${code ? ` (${code})` : ''}: ${(err as Error).message}`, status >= 500 || status === 429);
      }
    },
    async find(m) {
      // Twilio lists by recipient and day sent; created after the claim with our text, it is ours
      // (a WhatsApp template's text is Twilio's rendering, so there the time alone decides).
      const claimed = Date.parse(m.claimedAt) - 60_000;
      const sent = await (await twilioClient()).messages.list({ to: prefixed(m.channel, m.to), dateSentAfter: new Date(claimed - 24 * 3600_000), limit: 200 });
      return sent.find((x) => (m.channel === 'WHATSAPP' || x.body === m.body) && x.dateCreated.getTime() >= claimed)?.sid;
    },
  };
}

/** E-mail through the clinic's SMTP server; the idempotency key is the Message-ID, so a repeat is recognisably the same mail. */
function smtpProvider(s: MessagingSettings, password: string | null): MessageProvider {
  const { smtpHost: host, emailFrom: from } = s;
  if (!host || !from) throw new ProviderRefusal('Messaging has no SMTP server or sender address', false);
  // Like Twilio's, nodemailer is loaded by the first e-mail, not at every start of the app.
  let loaded: Promise<import('nodemailer').Transporter> | undefined;
  const transport = () =>
    (loaded ??= import('nodemailer').then(({ default: nodemailer }) =>
      nodemailer.createTransport({
        host,
        port: s.smtpPort ?? (s.smtpSecure ? 465 : 587),
        secure: s.smtpSecure,
        auth: s.smtpUser ? { user: s.smtpUser, pass: password ?? '' } : undefined,
      }),
    ));
  const messageId = (key: string) => `<${key.replace(/[^A-Za-z0-9.:-]/g, '-')}@clinic-desk>`;
  return {
    async send(m) {
      try {
        const info = await (await transport()).sendMail({ from, to: m.to, subject: m.subject ?? '', text: m.body, messageId: messageId(m.key) });
        return info.messageId;
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        // SMTP: 4xx is "try later", 5xx is final. No reply at all: resending the same Message-ID is safe.
        if (typeof code !== 'number') throw new ProviderRefusal(`SMTP: ${(err as Error).message}`, true);
        throw new ProviderRefusal(`SMTP ${code}: ${(err as Error).message}`, code < 500);
      }
    },
    async find() {
      return undefined;
    },
  };
}

/** The providers the settings describe, secrets opened; a channel without one refuses its messages with the reason. */
export function providersFor(s: MessagingSettings, box: SecretBox | undefined, httpClient?: RequestClient): (channel: MessageChannel) => MessageProvider {
  const open = (sealed: string | null) => {
    if (!sealed) return null;
    if (!box) throw new ProviderRefusal('Provider secrets cannot be opened on this PC (no secret store)', false);
    return box.open(sealed);
  };
  const refusing = (err: unknown): MessageProvider => ({
    send: () => Promise.reject(err),
    find: () => Promise.resolve(undefined),
  });
  const build = (make: () => MessageProvider) => {
    try {
      return make();
    } catch (err) {
      return refusing(err);
    }
  };
  const twilioOne = build(() => {
    const token = open(s.twilioAuthTokenSealed);
    if (!token) throw new ProviderRefusal('Messaging has no Twilio Auth Token', false);
    return twilioProvider(s, token, httpClient);
  });
  const email = build(() => smtpProvider(s, open(s.smtpPasswordSealed)));
  return (channel) => (channel === 'EMAIL' ? email : twilioOne);
}
