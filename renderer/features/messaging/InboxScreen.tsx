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
import { CHANNEL_NAMES, replyFrom, replyText } from './names';

/**
 * Patients' replies that were not a command (1/YES, 2/NO, STOP, START) and need a person: who
 * wrote, what, when and about which appointment, until someone marks them handled. Live on
 * every PC through messaging.inboxChanged. A notice to a doctor's day starts here too.
 */
export function InboxScreen() {
  const timeZone = useTimeZone();
  const go = useNavigation((s) => s.go);
  const inbox = useClinicQuery('messaging.inbox', {});
  const markHandled = useClinicMutation('messaging.markHandled');
  const problem = problemOf(inbox.error);

  const handled = async (m: InboundDto) => {
    const r = await markHandled.call({ id: m.id });
    toast(r.ok ? `Reply from ${replyFrom(m)} marked handled` : r.error.message, r.ok ? undefined : 'error');
  };

  return (
    <section aria-labelledby="inbox-title">
      <div className="screen-head">
        <h2 id="inbox-title">Patients’ replies</h2>
        <span className="spacer" />
        <Button onClick={() => openGlobal('notice')}>Notice to a doctor’s patients…</Button>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {inbox.data && (
        <Table
          label="Replies to deal with"
          empty="No replies are waiting."
          rows={inbox.data}
          columns={[
            {
              header: 'Patient',
              cell: (m) =>
                m.patientId ? (
                  <Button onClick={() => go('patients', { patientId: m.patientId! })} aria-label={`Open the record of ${replyFrom(m)}`}>
                    {replyFrom(m)}
                  </Button>
                ) : (
                  `${replyFrom(m)} (not a known patient)`
                ),
            },
            { header: 'Message', cell: (m) => `${replyText(m)} by ${CHANNEL_NAMES[m.channel]}` },
            { header: 'Received', cell: (m) => clinicDateTime(m.receivedAt, timeZone) },
            { header: 'Appointment', cell: (m) => appointmentOf(m) },
            {
              header: '',
              cell: (m) => (
                <Button onClick={() => void handled(m)} disabled={markHandled.isPending} aria-label={`Mark the reply from ${replyFrom(m)} handled`}>
                  Mark handled
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
  return `${withWeekday(m.appointmentDate)} ${hhmm(m.appointmentTime)}${m.doctorName ? ` with ${m.doctorName}` : ''}`;
}
