import type { AppointmentDto, MessageDto } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { clinicDateTime } from '../../lib/dates';
import { useTimeZone } from '../../api/clinic-data';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';
import { CHANNEL_NAMES, replyText } from './names';

export const MESSAGE_KIND_NAMES: Record<MessageDto['kind'], string> = {
  CONFIRMATION: 'Confirmation',
  REMINDER: 'Reminder',
  RESCHEDULED: 'Moved',
  CANCELLED: 'Cancellation',
  VIDEO_LINK: 'Video link',
  NOTICE: 'Notice',
  THANK_YOU: 'Thank-you',
  PAYMENT_LINK: 'Payment link',
  WAITLIST_OFFER: 'Offer of earlier time',
  OFFER_GONE: 'Offer gone',
  RECALL_REMINDER: 'Recall reminder',
};

const MESSAGE_STATUS_NAMES: Record<MessageDto['status'], string> = {
  QUEUED: 'waiting to be sent',
  SENDING: 'being sent',
  SENT: 'sent',
  DELIVERED: 'delivered',
  FAILED: 'failed',
  UNDELIVERED: 'not delivered',
  CANCELLED: 'no longer needed',
  SKIPPED: 'not sent',
};

const REPLY_NAMES = {
  CONFIRMED: 'confirmed',
  CANCELLED: 'cancelled the appointment',
  OPTED_OUT: 'asked for no more messages',
  OPTED_IN: 'asked for messages again',
  INBOX: 'wrote',
  OFFER_TAKEN: 'took the offered time',
  OFFER_GONE: 'answered an offer whose time had gone',
} as const;

/** What was sent to the patient about this appointment, what became of it (with the reason) and what they replied. */
export function AppointmentMessages({ appointment }: { appointment: AppointmentDto }) {
  const timeZone = useTimeZone();
  // Kept current by the appointment's change events; a reminder sent here asks it again (cache-writes.ts).
  const { data } = useClinicQuery('messaging.forAppointment', { appointmentId: appointment.id });
  const sendNow = useClinicMutation('messaging.sendNow');
  const busy = sendNow.isPending;

  const sendReminder = async () => {
    const r = await sendNow.call({ appointmentId: appointment.id, kind: 'REMINDER' });
    toast(r.ok ? 'Reminder queued: it goes out within moments' : r.error.message);
  };

  if (!data) return null;
  const count = data.messages.length + data.replies.length;
  return (
    <details>
      <summary>Messages ({count})</summary>
      <ol className="history-list" aria-label="Messages to the patient">
        {data.messages.map((m) => (
          <li key={`m${m.id}`} data-status={m.status}>
            {clinicDateTime(m.sentAt ?? m.dueAt, timeZone)} · {MESSAGE_KIND_NAMES[m.kind]} by {CHANNEL_NAMES[m.channel]} · {MESSAGE_STATUS_NAMES[m.status]}
            {m.error ? ` — ${m.error}` : ''}
          </li>
        ))}
        {data.replies.map((r) => (
          <li key={`r${r.id}`}>
            {clinicDateTime(r.receivedAt, timeZone)} · the patient {REPLY_NAMES[r.action]}: {replyText(r)}
          </li>
        ))}
      </ol>
      {appointment.status === 'SCHEDULED' && (
        <div className="ui-actions">
          <Button onClick={() => void sendReminder()} disabled={busy}>
            Send reminder now
          </Button>
        </div>
      )}
    </details>
  );
}
