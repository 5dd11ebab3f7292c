import { Suspense } from 'react';
import type { AppointmentDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';
import { useT } from '../../i18n/use-t';

function SendVideoLinkButton({ appointment: a }: { appointment: AppointmentDto }) {
  const { t } = useT('messaging');
  const sendNow = useClinicMutation('messaging.sendNow');
  const send = async () => {
    const r = await sendNow.call({ appointmentId: a.id, kind: 'VIDEO_LINK' });
    if (r.ok) toast(t('videoLink.queued', { patient: a.patientName }));
    else toast(r.error.message, 'error');
  };
  return (
    <Button onClick={() => void send()} disabled={sendNow.isPending} aria-label={t('videoLink.sendTo', { patient: a.patientName })}>
      {t('videoLink.send')}
    </Button>
  );
}

/**
 * Queues the patient's video join link through the outbox, on their channel and in their
 * language. Shown where video may be started (the appointment's doctor or an ADMIN): main mints
 * the link on the same rule.
 */
export function SendVideoLink(props: { appointment: AppointmentDto }) {
  // Its words come with the messaging ones (fetched on first use): only this button waits for them, not Today's row or the dialog.
  return (
    <Suspense fallback={null}>
      <SendVideoLinkButton {...props} />
    </Suspense>
  );
}
