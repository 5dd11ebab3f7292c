import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useDevices } from '../features/call/media';
import { useLocalMedia } from '../features/call/useLocalMedia';
import { useNetworkQuality, useVideo, VideoProvider, type CallEventReport } from '../features/call/VideoProvider';
import type { VideoVendor } from '../features/call/vendor';
import type { JoinGatewayApi } from './gateway-api';
import { nextCamera, PatientPreJoin } from './PatientPreJoin';
import { PatientCall } from './PatientCall';
import { JOIN_STRINGS, type JoinLang, type JoinStrings } from './strings';
import { useAudioOnly } from './useAudioOnly';

/** Twilio's code for "the room was completed": the doctor finished the consultation, nothing was lost. */
const ROOM_COMPLETED = 53118;

// The patient's side of the call reaches video_call_events through Twilio's room callbacks to
// the gateway: this page has no session to report with, and needs none.
const byTwilioCallbacks: CallEventReport = () => undefined;

export interface JoinAppProps {
  lang: JoinLang;
  doctorName: string;
  api: JoinGatewayApi;
  loadVendor: () => Promise<VideoVendor>;
  userAgent: string;
  /** Outside the window (or with payment due) the gateway's own page says what to do: show it again. */
  onOutOfWindow(): void;
  /** How long the network must stay weak (or good again) before the video goes off (or comes back). */
  weakNetworkMs?: number;
  /** How often the lobby asks the gateway how many patients are before this one. */
  lobbyPollMs?: number;
}

/** The patient's call page, mounted by the gateway's join page inside the window: preview, lobby, call, end. */
export function JoinApp(props: JoinAppProps) {
  const [ended, setEnded] = useState(false);
  const t = JOIN_STRINGS[props.lang];
  return (
    <VideoProvider loadVendor={props.loadVendor} report={byTwilioCallbacks}>
      {ended ? <Ended t={t} api={props.api} /> : <LiveCall {...props} t={t} onEnded={() => setEnded(true)} />}
    </VideoProvider>
  );
}

function LiveCall({
  t,
  doctorName,
  api,
  userAgent,
  onOutOfWindow,
  weakNetworkMs = 10_000,
  lobbyPollMs = 30_000,
  onEnded,
}: JoinAppProps & { t: JoinStrings; onEnded(): void }) {
  const { state, room, connect, disconnect } = useVideo();
  const inCall = state === 'connected' || state === 'reconnecting';
  const media = useLocalMedia({ room, inCall, report: byTwilioCallbacks });
  const devices = useDevices(media.stream);
  const audioOnly = useAudioOnly(useNetworkQuality(room), weakNetworkMs);
  const [joining, setJoining] = useState(false);
  const [problem, setProblem] = useState<string>();
  const sent = useRef<MediaStream>(undefined);

  // Subscribed in the commit that shows the call (see VideoProvider), so an end is never missed.
  useLayoutEffect(
    () =>
      room?.on('disconnected', (error) => {
        if (!error || error.code === ROOM_COMPLETED) onEnded();
        else setProblem(t.lost);
      }),
    [room, onEnded, t],
  );

  // Another camera chosen mid-call opens a new stream: the room sends it instead of the stopped one.
  useEffect(() => {
    if (!room || !media.stream || sent.current === media.stream) return;
    sent.current = media.stream;
    void room.replaceTracks(media.stream.getTracks());
  }, [room, media.stream]);

  // What is sent follows the buttons, and the weak-network fallback (sound only) on top of them.
  const videoOn = media.cameraOn && !audioOnly;
  useEffect(() => {
    if (!room || !media.stream) return;
    media.stream.getVideoTracks().forEach((track) => (track.enabled = videoOn));
    media.stream.getAudioTracks().forEach((track) => (track.enabled = media.micOn));
    room.setTrackEnabled('video', videoOn);
    room.setTrackEnabled('audio', media.micOn);
  }, [room, media.stream, videoOn, media.micOn]);

  const join = useCallback(async () => {
    const stream = media.stream;
    if (!stream) return;
    setJoining(true);
    setProblem(undefined);
    try {
      const answer = await api.token();
      if (answer.place !== 'joined') return onOutOfWindow();
      sent.current = stream;
      if (!(await connect(answer.token, answer.roomName, stream.getTracks()))) setProblem(t.joinFailed);
    } catch {
      setProblem(t.joinFailed);
    } finally {
      setJoining(false);
    }
  }, [api, connect, media.stream, onOutOfWindow, t]);

  const flipTo = nextCamera(devices, media.choice);
  if (inCall) {
    return (
      <PatientCall
        t={t}
        doctorName={doctorName}
        media={media}
        audioOnly={audioOnly}
        api={api}
        lobbyPollMs={lobbyPollMs}
        onFlip={flipTo ? () => media.choose({ ...media.choice, cameraId: flipTo }) : undefined}
        onHangUp={disconnect}
      />
    );
  }
  return (
    <PatientPreJoin
      t={t}
      media={media}
      devices={devices}
      userAgent={userAgent}
      joining={joining || state === 'connecting'}
      problem={problem}
      onJoin={() => void join()}
    />
  );
}

/** After the call: that it has ended, and the payment link when something is still due. */
function Ended({ t, api }: { t: JoinStrings; api: JoinGatewayApi }) {
  const [payLink, setPayLink] = useState<string | null>(null);
  useEffect(() => {
    // Without an answer there is no link to show; the clinic's own reminder covers a payment.
    api.payLink().then(setPayLink, () => undefined);
  }, [api]);
  return (
    <section className="join-call" aria-labelledby="ended-title">
      <h2 id="ended-title">{t.ended}</h2>
      <p>{t.endedThanks}</p>
      {payLink && (
        <div className="join-notice" data-tone="info">
          <p>{t.payDue}</p>
          <a className="join-primary" href={payLink} rel="noopener noreferrer">
            {t.pay}
          </a>
        </div>
      )}
    </section>
  );
}
