import type { InboundDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { clinicDateTime, hhmm, withWeekday } from '../../lib/dates';
import { openGlobal } from '../../stores/global-dialogs';
import { useNavigation } from '../../stores/navigation';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { t as word } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';
import { channelName, replyFrom, replyText } from './names';

/**
 * Patients' replies that were not a command (1/YES, 2/NO, STOP, START) and need a person: who
 * wrote, what, when and about which appointment, until someone marks them handled. Live on
 * every PC through messaging.inboxChanged. A notice to a doctor's day starts here too.
 */
export function InboxScreen() {
  const { t } = useT('messaging');
  const timeZone = useTimeZone();
  const go = useNavigation((s) => s.go);
  const inbox = useClinicQuery('messaging.inbox', {});
  const markHandled = useClinicMutation('messaging.markHandled');
  const problem = problemOf(inbox.error);

  const handled = async (m: InboundDto) => {
    const r = await markHandled.call({ id: m.id });
    toast(r.ok ? t('inbox.marked', { who: replyFrom(m) }) : r.error.message, r.ok ? undefined : 'error');
  };

  return (
    <section aria-labelledby="inbox-title">
      <div className="screen-head">
        <h2 id="inbox-title">{t('inbox.title')}</h2>
        <span className="spacer" />
        <Button onClick={() => openGlobal('notice')}>{t('inbox.notice')}</Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {inbox.data && (
        <Table
          label={t('inbox.table')}
          empty={t('inbox.none')}
          rows={inbox.data}
          columns={[
            {
              header: t('inbox.col.patient'),
              cell: (m) =>
                m.patientId ? (
                  <Button onClick={() => go('patients', { patientId: m.patientId! })} aria-label={t('inbox.openRecord', { who: replyFrom(m) })}>
                    {replyFrom(m)}
                  </Button>
                ) : (
                  t('inbox.unknownPatient', { who: replyFrom(m) })
                ),
            },
            { header: t('inbox.col.message'), cell: (m) => t('inbox.textBy', { text: replyText(m), channel: channelName(m.channel) }) },
            { header: t('inbox.col.received'), cell: (m) => clinicDateTime(m.receivedAt, timeZone) },
            { header: t('inbox.col.appointment'), cell: (m) => appointmentOf(m) },
            {
              header: '',
              cell: (m) => (
                <Button onClick={() => void handled(m)} disabled={markHandled.isPending} aria-label={t('inbox.markWho', { who: replyFrom(m) })}>
                  {t('inbox.mark')}
                </Button>
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

function appointmentOf(m: InboundDto): string {
  if (!m.appointmentId) return '—';
  if (!m.appointmentDate || !m.appointmentTime) return `#${m.appointmentId}`;
  const at = { day: withWeekday(m.appointmentDate), time: hhmm(m.appointmentTime) };
  return m.doctorName ? word('messaging:inbox.atWith', { ...at, doctor: m.doctorName }) : word('messaging:inbox.at', at);
}
