import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { CallInfoDto, VideoJoinDto } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { InCall } from './InCall';
import { PreJoin } from './PreJoin';
import { describeMediaError, openPreview, rememberDevices, rememberedDevices, type DeviceChoice } from './media';
import { useVideo, type CallEventReport } from './VideoProvider';
import { Banner } from '../../ui/Banner';
import { useWaitingOnline } from '../queue/useWaitingOnline';

/** Keeps the call window's session awake during a call: the doctor is on camera, not idle. */
const TOUCH_MS = 60_000;

/** One appointment's call: pre-join until connected, then the call; the devices stay open across both. */
export function CallScreen({ info, onJoined, report }: { info: CallInfoDto; onJoined(join: VideoJoinDto): void; report: CallEventReport }) {
  const video = useVideo();
  const [choice, setChoice] = useState<DeviceChoice>(rememberedDevices);
  const [stream, setStream] = useState<MediaStream>();
  const [deviceProblem, setDeviceProblem] = useState<string>();
  const [joinProblem, setJoinProblem] = useState<string>();
  const [joining, setJoining] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [startedAt, setStartedAt] = useState<number>();
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const [sharing, setSharing] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [finishProblem, setFinishProblem] = useState<string>();
  const joined = useRef<VideoJoinDto>(undefined);
  const patientWaiting = useWaitingOnline([info.appointmentId]).has(info.appointmentId);
  // Reporting is not a reason to reopen the camera: only a new device choice or a retry is.
  const reportPreviewFailure = useEffectEvent((err: unknown) => report('device-error', undefined, { name: (err as { name?: string } | undefined)?.name ?? 'unknown' }));

  useEffect(() => {
    let live = true;
    let opened: MediaStream | undefined;
    setDeviceProblem(undefined);
    openPreview(choice).then(
      (s) => {
        opened = s;
        if (live) setStream(s);
        else s.getTracks().forEach((t) => t.stop());
      },
      (err: unknown) => {
        if (!live) return;
        setStream(undefined);
        setDeviceProblem(describeMediaError(err));
        reportPreviewFailure(err);
      },
    );
    return () => {
      live = false;
      opened?.getTracks().forEach((t) => t.stop());
    };
  }, [choice, attempt]);

  // A camera or microphone that stops by itself (unplugged, taken by another program) mid-call.
  useEffect(() => {
    if (!stream || (video.state !== 'connected' && video.state !== 'reconnecting')) return;
    const tracks = stream.getTracks();
    const onEnded = (e: Event) => {
      const kind = (e.target as MediaStreamTrack).kind;
      setDeviceProblem(`The ${kind === 'audio' ? 'microphone' : 'camera'} stopped working. Check that it is plugged in.`);
      report('device-error', undefined, { name: 'ended', kind });
    };
    tracks.forEach((t) => t.addEventListener('ended', onEnded));
    return () => tracks.forEach((t) => t.removeEventListener('ended', onEnded));
  }, [stream, video.state, report]);

  useEffect(() => {
    if (video.state !== 'connected' && video.state !== 'reconnecting') return;
    const timer = setInterval(() => void clinic.auth.touch({}), TOUCH_MS);
    return () => clearInterval(timer);
  }, [video.state]);

  const choose = (next: DeviceChoice) => {
    rememberDevices(next);
    setChoice(next);
  };

  const join = useCallback(async () => {
    if (!stream) return;
    setJoining(true);
    setJoinProblem(undefined);
    const started = await clinic.video.start({ appointmentId: info.appointmentId });
    if (!started.ok) {
      setJoinProblem(started.error.message);
      setJoining(false);
      return;
    }
    joined.current = started.value;
    onJoined(started.value);
    const room = await video.connect(started.value.token, started.value.roomName, stream.getTracks());
    setJoining(false);
    if (room) setStartedAt((t) => t ?? Date.now());
  }, [stream, info.appointmentId, video, onJoined]);

  const toggle = (kind: 'audio' | 'video') => {
    const on = kind === 'audio' ? !micOn : !cameraOn;
    video.room?.setTrackEnabled(kind, on);
    stream?.getTracks().filter((t) => t.kind === kind).forEach((t) => (t.enabled = on));
    (kind === 'audio' ? setMicOn : setCameraOn)(on);
  };

  const toggleShare = async () => {
    if (sharing) {
      video.room?.stopSharing();
      setSharing(false);
      return;
    }
    try {
      const display = await navigator.mediaDevices.getDisplayMedia({ video: true });
      const track = display.getVideoTracks()[0];
      if (!track || !video.room) return;
      track.addEventListener('ended', () => {
        video.room?.stopSharing();
        setSharing(false);
      });
      await video.room.shareScreen(track);
      setSharing(true);
    } catch {
      // Choosing "Cancel" in the screen picker is not an error.
    }
  };

  const finish = async () => {
    setFinishing(true);
    setFinishProblem(undefined);
    const done = await clinic.appointments.complete({ id: info.appointmentId });
    if (!done.ok) {
      setFinishProblem(done.error.message);
      setFinishing(false);
      return;
    }
    if (joined.current) await clinic.video.end({ roomSid: joined.current.roomSid });
    video.disconnect();
    setFinishing(false);
  };

  if (video.state === 'connected' || video.state === 'reconnecting') {
    return (
      <InCall
        localTracks={stream?.getTracks() ?? []}
        speakerId={choice.speakerId}
        startedAt={startedAt}
        micOn={micOn}
        cameraOn={cameraOn}
        sharing={sharing}
        finishing={finishing}
        finishProblem={finishProblem ?? deviceProblem}
        onToggleMic={() => toggle('audio')}
        onToggleCamera={() => toggle('video')}
        onToggleShare={() => void toggleShare()}
        onHangUp={video.disconnect}
        onFinish={() => void finish()}
      />
    );
  }
  return (
    <>
      {patientWaiting && <Banner tone="info">{info.patientName} is waiting online: the patient has opened the video link.</Banner>}
      <PreJoin
      info={info}
      stream={stream}
      deviceProblem={deviceProblem}
      joinProblem={joinProblem ?? video.problem}
      joining={joining || video.state === 'connecting'}
      choice={choice}
      onChoose={choose}
      onRetryDevices={() => setAttempt((n) => n + 1)}
      onJoin={() => void join()}
    />
    </>
  );
}
