import { MediaView } from '../features/call/MediaView';
import { useNetworkQuality, useParticipants, useVideo } from '../features/call/VideoProvider';
import type { LocalMedia } from '../features/call/useLocalMedia';
import type { JoinGatewayApi } from './gateway-api';
import type { JoinStrings } from './strings';
import { useLobbyPosition } from './useLobbyPosition';

interface Props {
  t: JoinStrings;
  doctorName: string;
  media: LocalMedia;
  audioOnly: boolean;
  api: JoinGatewayApi;
  /** How often the lobby asks how many patients are before this one. */
  lobbyPollMs: number;
  /** The other camera, when the phone has one. */
  onFlip: (() => void) | undefined;
  onHangUp(): void;
}

/** Connected: the lobby until the doctor is in the room, then the call, with what the connection is doing. */
export function PatientCall({ t, doctorName, media, audioOnly, api, lobbyPollMs, onFlip, onHangUp }: Props) {
  const { state, room } = useVideo();
  const parties = useParticipants(room);
  const quality = useNetworkQuality(room);
  const doctorHere = parties.length > 0;
  const ahead = useLobbyPosition(api, !doctorHere, lobbyPollMs);
  return (
    <section className="join-call" aria-labelledby="call-title">
      <h2 id="call-title">{doctorHere ? t.callWith(doctorName) : t.lobby(doctorName)}</h2>
      {state === 'reconnecting' && (
        <div className="join-notice" role="status" data-tone="warning">
          {t.reconnecting}
        </div>
      )}
      {parties.some((p) => p.reconnecting) && (
        <div className="join-notice" role="status" data-tone="warning">
          {t.doctorReconnecting(doctorName)}
        </div>
      )}
      {audioOnly && media.cameraOn && (
        <div className="join-notice" role="status" data-tone="warning">
          {t.audioOnly}
        </div>
      )}
      {quality !== null && (
        <p className="join-hint" data-quality={quality}>
          {t.network}: {t.quality[quality] ?? quality}
        </p>
      )}
      <div className="join-stage">
        {doctorHere ? (
          parties.map((p) => <MediaView key={p.identity} tracks={p.tracks} label={t.doctorVideo(doctorName)} speakerId={media.choice.speakerId} />)
        ) : (
          <div className="join-lobby">
            <p>{t.lobbyWait}</p>
            {ahead !== null && <p role="status">{t.ahead(ahead)}</p>}
          </div>
        )}
        <div className="join-self">
          <MediaView tracks={media.stream?.getVideoTracks() ?? []} muted label={t.yourCamera} />
        </div>
      </div>
      <div className="join-controls" role="toolbar" aria-label={t.controls}>
        <button type="button" aria-pressed={!media.micOn} onClick={media.toggleMic}>
          {media.micOn ? t.mute : t.unmute}
        </button>
        <button type="button" aria-pressed={!media.cameraOn} onClick={media.toggleCamera}>
          {media.cameraOn ? t.cameraStop : t.cameraStart}
        </button>
        {onFlip && (
          <button type="button" onClick={onFlip}>
            {t.flip}
          </button>
        )}
        <button type="button" className="join-hangup" onClick={onHangUp}>
          {t.hangUp}
        </button>
      </div>
    </section>
  );
}
