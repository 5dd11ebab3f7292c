import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallInfoDto, VideoJoinDto } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { useSessionLanguage } from '../../i18n/use-session-language';
import { useT } from '../../i18n/use-t';
import { followSessionEvents, useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { PatientProfile } from '../patients/PatientProfile';
import { CallScreen } from './CallScreen';
import { PatientLink } from './PatientLink';
import { parseCallRoute } from './route';
import { VideoProvider, type CallEventReport } from './VideoProvider';
import type { VideoVendor } from './vendor';
import '../../ui/theme.css';
import './call.css';

/**
 * The call window's page (#/call/<appointmentId>): the call on one side, the patient's record on
 * the other. A browser tab opened for a call first trades its one-time ticket for a session.
 */
export function CallRoot({ loadVendor }: { loadVendor?: () => Promise<VideoVendor> }) {
  const route = useRef(parseCallRoute(window.location.hash)).current;
  const { status, session, refresh } = useSession();
  const { t } = useT('call');
  useSessionLanguage();
  const [info, setInfo] = useState<CallInfoDto>();
  const [problem, setProblem] = useState<string>();
  const roomSid = useRef<string>(undefined);

  useEffect(() => {
    const off = followSessionEvents();
    const ticket = route?.ticket;
    if (!ticket) {
      void refresh();
      return off;
    }
    // The ticket works once: take it out of the address bar before using it.
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/call/${route.appointmentId}`);
    void clinic.video.joinWindow({ ticket }).then((r) => (r.ok ? useSession.getState().setSession(r.value) : setProblem(r.error.message)));
    return off;
  }, [route, refresh]);

  useEffect(() => {
    if (!route || status !== 'signed-in' || session?.locked) return;
    void clinic.video.callInfo({ appointmentId: route.appointmentId }).then((r) => (r.ok ? setInfo(r.value) : setProblem(r.error.message)));
  }, [route, status, session?.locked]);

  const report = useCallback<CallEventReport>((type, participant, detail) => {
    if (roomSid.current) void clinic.video.reportEvent({ roomSid: roomSid.current, type, participant, detail });
  }, []);
  const onJoined = useCallback((join: VideoJoinDto) => {
    roomSid.current = join.roomSid;
  }, []);

  if (!route) return <Banner tone="error">{t('notCallAddress')}</Banner>;
  if (problem)
    return (
      <main className="ui-center">
        <Banner tone="error">{problem}</Banner>
      </main>
    );
  if (status === 'signed-out' || status === 'first-run') {
    return (
      <main className="ui-center">
        <Banner tone="error">{t('signedOut')}</Banner>
      </main>
    );
  }
  if (session?.locked)
    return (
      <main className="ui-center">
        <Banner tone="warning">{t('locked')}</Banner>
      </main>
    );
  if (!info) return <p className="ui-center">{t('opening')}</p>;
  return (
    <div className="call-window">
      <VideoProvider loadVendor={loadVendor} report={report}>
        <CallScreen info={info} onJoined={onJoined} report={report} />
      </VideoProvider>
      <aside className="call-patient" aria-label={t('patientSummary')}>
        {info.videoConfigured && <PatientLink appointmentId={info.appointmentId} />}
        <PatientProfile patientId={info.patientId} canBook={false} today={info.date} />
      </aside>
    </div>
  );
}
