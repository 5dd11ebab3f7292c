import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { openPreview, rememberDevices, rememberedDevices, type DeviceChoice } from './media';
import type { CallEventReport } from './VideoProvider';
import type { CallRoom } from './vendor';

export interface DeviceError {
  name: string;
  kind?: 'audio' | 'video';
}

export interface LocalMedia {
  choice: DeviceChoice;
  choose(next: DeviceChoice): void;
  stream: MediaStream | undefined;
  /**
   * Why the camera or microphone cannot be used: the failure's DOMException name ('NotAllowedError',
   * …) from opening them, or 'ended' with the kind of device that stopped mid-call. The desk and
   * the patient's page each word it in their reader's language.
   */
  deviceError: DeviceError | undefined;
  retry(): void;
  micOn: boolean;
  cameraOn: boolean;
  toggleMic(): void;
  toggleCamera(): void;
}

/**
 * This PC's camera and microphone: opened for the chosen devices (remembered for next time),
 * kept open from pre-join into the call, muted in the room and locally together.
 */
export function useLocalMedia({ room, inCall, report }: { room: CallRoom | undefined; inCall: boolean; report: CallEventReport }): LocalMedia {
  const [choice, setChoice] = useState<DeviceChoice>(rememberedDevices);
  const [attempt, setAttempt] = useState(0);
  const [stream, setStream] = useState<MediaStream>();
  const [deviceError, setDeviceError] = useState<DeviceError>();
  const [micOn, setMicOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);

  // Opening again on a new `report` would flash the preview: only the choice and a retry reopen it.
  const reportFailure = useEffectEvent((err: unknown) =>
    report('device-error', undefined, { name: (err as { name?: string } | undefined)?.name ?? 'unknown' }),
  );

  useEffect(() => {
    let live = true;
    let opened: MediaStream | undefined;
    setDeviceError(undefined);
    openPreview(choice).then(
      (s) => {
        opened = s;
        if (live) setStream(s);
        else s.getTracks().forEach((t) => t.stop());
      },
      (err: unknown) => {
        if (!live) return;
        setStream(undefined);
        setDeviceError({ name: (err as { name?: string } | undefined)?.name || 'unknown' });
        reportFailure(err);
      },
    );
    return () => {
      live = false;
      opened?.getTracks().forEach((t) => t.stop());
    };
  }, [choice, attempt]);

  // A camera or microphone that stops by itself (unplugged, taken by another program) mid-call.
  useEffect(() => {
    if (!stream || !inCall) return;
    const tracks = stream.getTracks();
    const onEnded = (e: Event) => {
      const kind = (e.target as MediaStreamTrack).kind === 'audio' ? 'audio' : 'video';
      setDeviceError({ name: 'ended', kind });
      report('device-error', undefined, { name: 'ended', kind });
    };
    tracks.forEach((t) => t.addEventListener('ended', onEnded));
    return () => tracks.forEach((t) => t.removeEventListener('ended', onEnded));
  }, [stream, inCall, report]);

  const choose = useCallback((next: DeviceChoice) => {
    rememberDevices(next);
    setChoice(next);
  }, []);

  const setKind = (kind: 'audio' | 'video', on: boolean) => {
    room?.setTrackEnabled(kind, on);
    stream
      ?.getTracks()
      .filter((t) => t.kind === kind)
      .forEach((t) => (t.enabled = on));
    (kind === 'audio' ? setMicOn : setCameraOn)(on);
  };

  return {
    choice,
    choose,
    stream,
    deviceError,
    retry: () => setAttempt((n) => n + 1),
    micOn,
    cameraOn,
    toggleMic: () => setKind('audio', !micOn),
    toggleCamera: () => setKind('video', !cameraOn),
  };
}
