import { useEffect, useRef } from 'react';

/** Plays media tracks in a <video>; muted for our own preview so the doctor does not hear themself. */
export function MediaView({ tracks, muted, label, speakerId }: { tracks: MediaStreamTrack[]; muted?: boolean; label: string; speakerId?: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  const ids = tracks.map((t) => t.id).join(',');
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.srcObject = tracks.length ? new MediaStream(tracks) : null;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the track ids: a new array with the same tracks must not restart playback
  }, [ids]);
  useEffect(() => {
    const el = ref.current as (HTMLVideoElement & { setSinkId?: (id: string) => Promise<void> }) | null;
    if (el?.setSinkId && speakerId) void el.setSinkId(speakerId).catch(() => undefined);
  }, [speakerId]);
  return <video ref={ref} className="call-video" aria-label={label} autoPlay playsInline muted={muted} />;
}
