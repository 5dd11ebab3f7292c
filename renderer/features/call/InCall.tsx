import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { MediaView } from './MediaView';
import { useElapsed, useNetworkQuality, useParticipants, useVideo } from './VideoProvider';

interface InCallProps {
  localTracks: MediaStreamTrack[];
  speakerId: string | undefined;
  startedAt: number | undefined;
  micOn: boolean;
  cameraOn: boolean;
  sharing: boolean;
  finishing: boolean;
  finishProblem: string | undefined;
  onToggleMic(): void;
  onToggleCamera(): void;
  onToggleShare(): void;
  onHangUp(): void;
  onFinish(): void;
}

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
const QUALITY = ['no connection', 'very poor', 'poor', 'fair', 'good', 'excellent'];

/** In the call: the patient's video and ours, the controls, and what the connection is doing. */
export function InCall(props: InCallProps) {
  const { state, room } = useVideo();
  const parties = useParticipants(room);
  const quality = useNetworkQuality(room);
  const elapsed = useElapsed(props.startedAt);
  return (
    <section className="call-incall" aria-label="Video call">
      {state === 'reconnecting' && <Banner tone="warning">Reconnecting… the connection dropped; Clinic Desk is restoring it.</Banner>}
      {parties.some((p) => p.reconnecting) && (
        <Banner tone="warning">
          {parties
            .filter((p) => p.reconnecting)
            .map((p) => p.identity)
            .join(', ')}{' '}
          is reconnecting…
        </Banner>
      )}
      <div className="call-status">
        <span aria-label="Call time">{clock(elapsed)}</span>
        {quality !== null && <span>Network: {QUALITY[quality] ?? quality}</span>}
      </div>
      <div className="call-stage">
        {parties.length === 0 && <p className="call-waiting">Waiting for the patient to join…</p>}
        {parties.map((p) => (
          <MediaView key={p.identity} tracks={p.tracks} label={`Video of ${p.identity}`} speakerId={props.speakerId} />
        ))}
        <div className="call-self">
          <MediaView tracks={props.localTracks.filter((t) => t.kind === 'video')} muted label="Your camera" />
        </div>
      </div>
      {props.finishProblem && <Banner tone="error">{props.finishProblem}</Banner>}
      <div className="call-controls" role="toolbar" aria-label="Call controls">
        <Button aria-pressed={!props.micOn} onClick={props.onToggleMic}>
          {props.micOn ? 'Mute' : 'Unmute'}
        </Button>
        <Button aria-pressed={!props.cameraOn} onClick={props.onToggleCamera}>
          {props.cameraOn ? 'Camera off' : 'Camera on'}
        </Button>
        <Button aria-pressed={props.sharing} onClick={props.onToggleShare}>
          {props.sharing ? 'Stop sharing' : 'Share screen'}
        </Button>
        <Button onClick={props.onHangUp}>Hang up</Button>
        <Button variant="primary" onClick={props.onFinish} disabled={props.finishing}>
          Finish consultation
        </Button>
      </div>
    </section>
  );
}
