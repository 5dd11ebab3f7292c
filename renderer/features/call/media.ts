import { useEffect, useState } from 'react';

export interface DeviceChoice {
  cameraId?: string;
  micId?: string;
  speakerId?: string;
}

// Device ids only: nothing about the patient or the call is kept on the PC.
const CHOICE_KEY = 'clinic.call.devices';

export function rememberedDevices(): DeviceChoice {
  try {
    const parsed = JSON.parse(localStorage.getItem(CHOICE_KEY) ?? '{}') as Record<string, unknown>;
    const pick = (k: string) => (typeof parsed[k] === 'string' ? (parsed[k] as string) : undefined);
    return { cameraId: pick('cameraId'), micId: pick('micId'), speakerId: pick('speakerId') };
  } catch {
    return {};
  }
}

export function rememberDevices(choice: DeviceChoice): void {
  localStorage.setItem(CHOICE_KEY, JSON.stringify(choice));
}

/** What kind of trouble a camera or microphone failure is, from its DOMException name: each page words it for its own reader. */
export type MediaTrouble = 'denied' | 'missing' | 'busy' | 'failed';

export function mediaTrouble(name: string): MediaTrouble {
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'missing';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}

export interface Devices {
  cameras: MediaDeviceInfo[];
  mics: MediaDeviceInfo[];
  speakers: MediaDeviceInfo[];
}

/** The PC's cameras, microphones and speakers, listed again whenever one is plugged in or out. */
export function useDevices(refreshKey: unknown): Devices {
  const [devices, setDevices] = useState<Devices>({ cameras: [], mics: [], speakers: [] });
  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return;
    let live = true;
    const list = () =>
      void media.enumerateDevices().then((all) => {
        if (!live) return;
        setDevices({
          cameras: all.filter((d) => d.kind === 'videoinput'),
          mics: all.filter((d) => d.kind === 'audioinput'),
          speakers: all.filter((d) => d.kind === 'audiooutput'),
        });
      });
    list();
    media.addEventListener('devicechange', list);
    return () => {
      live = false;
      media.removeEventListener('devicechange', list);
    };
  }, [refreshKey]);
  return devices;
}

/** Camera and microphone for the preview (and then the call), from the chosen devices. */
export function openPreview(choice: DeviceChoice): Promise<MediaStream> {
  const media = navigator.mediaDevices;
  if (!media?.getUserMedia) return Promise.reject(Object.assign(new Error('no media devices'), { name: 'NotFoundError' }));
  return media.getUserMedia({
    video: choice.cameraId ? { deviceId: { exact: choice.cameraId } } : true,
    audio: choice.micId ? { deviceId: { exact: choice.micId } } : true,
  });
}

/** The microphone's loudness, 0 to 1, for the level meter; undefined where the PC cannot measure it. */
export function useMicLevel(stream: MediaStream | undefined): number | undefined {
  const [level, setLevel] = useState<number>();
  useEffect(() => {
    const track = stream?.getAudioTracks()[0];
    if (!track || typeof AudioContext === 'undefined') return;
    const context = new AudioContext();
    const analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(new MediaStream([track])).connect(analyser);
    const samples = new Uint8Array(analyser.fftSize);
    let frame = 0;
    const tick = () => {
      analyser.getByteTimeDomainData(samples);
      let peak = 0;
      for (const s of samples) peak = Math.max(peak, Math.abs(s - 128) / 128);
      setLevel(peak);
      frame = requestAnimationFrame(tick);
    };
    tick();
    return () => {
      cancelAnimationFrame(frame);
      void context.close();
    };
  }, [stream]);
  return level;
}
