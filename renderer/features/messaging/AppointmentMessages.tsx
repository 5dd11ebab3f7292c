import { Suspense } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { clinicDateTime } from '../../lib/dates';
import { useTimeZone } from '../../api/clinic-data';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';
import { useT } from '../../i18n/use-t';
import { messageName, replyText } from './names';

function MessagesOfAppointment({ appointment }: { appointment: AppointmentDto }) {
  const { t } = useT('messaging');
  const timeZone = useTimeZone();
  // Kept current by the appointment's change events; a reminder sent here asks it again (cache-writes.ts).
  const { data } = useClinicQuery('messaging.forAppointment', { appointmentId: appointment.id });
  const sendNow = useClinicMutation('messaging.sendNow');
  const busy = sendNow.isPending;

  const sendReminder = async () => {
    const r = await sendNow.call({ appointmentId: appointment.id, kind: 'REMINDER' });
    toast(r.ok ? t('appointment.reminderQueued') : r.error.message);
  };

  if (!data) return null;
  const count = data.messages.length + data.replies.length;
  return (
    <details>
      <summary>{t('appointment.summary', { count })}</summary>
      <ol className="history-list" aria-label={t('appointment.list')}>
        {data.messages.map((m) => (
          <li key={`m${m.id}`} data-status={m.status}>
            {t('appointment.sent', { time: clinicDateTime(m.sentAt ?? m.dueAt, timeZone), message: messageName(m), status: t(`status.${m.status}`) })}
            {m.error ? ` — ${m.error}` : ''}
          </li>
        ))}
        {data.replies.map((r) => (
          <li key={`r${r.id}`}>
            {t('appointment.replied', { time: clinicDateTime(r.receivedAt, timeZone), reply: t(`reply.${r.action}`), text: replyText(r) })}
          </li>
        ))}
      </ol>
      {appointment.status === 'SCHEDULED' && (
        <div className="ui-actions">
          <Button onClick={() => void sendReminder()} disabled={busy}>
            {t('appointment.remind')}
          </Button>
        </div>
      )}
    </details>
  );
}

/** What was sent to the patient about this appointment, what became of it (with the reason) and what they replied. */
export function AppointmentMessages(props: { appointment: AppointmentDto }) {
  // Its words come with the messaging ones (fetched on first use): only this list waits for them, not the appointment's dialog.
  return (
    <Suspense fallback={null}>
      <MessagesOfAppointment {...props} />
    </Suspense>
  );
}
