import { useT } from '../../i18n/use-t';
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
// Twilio's network quality levels, 0 to 5, by name.
const QUALITY = ['none', 'veryPoor', 'poor', 'fair', 'good', 'excellent'] as const;

/** In the call: the patient's video and ours, the controls, and what the connection is doing. */
export function InCall(props: InCallProps) {
  const { t } = useT('call');
  const { state, room } = useVideo();
  const parties = useParticipants(room);
  const quality = useNetworkQuality(room);
  const elapsed = useElapsed(props.startedAt);
  const reconnecting = parties.filter((p) => p.reconnecting).map((p) => p.identity);
  const level = quality === null ? undefined : QUALITY[quality];
  return (
    <section className="call-incall" aria-label={t('inCall.label')}>
      {state === 'reconnecting' && <Banner tone="warning">{t('inCall.reconnecting')}</Banner>}
      {reconnecting.length > 0 && <Banner tone="warning">{t('inCall.partyReconnecting', { names: reconnecting.join(', ') })}</Banner>}
      <div className="call-status">
        <span aria-label={t('inCall.time')}>{clock(elapsed)}</span>
        {quality !== null && <span>{t('inCall.network', { quality: level ? t(`inCall.quality.${level}`) : quality })}</span>}
      </div>
      <div className="call-stage">
        {parties.length === 0 && <p className="call-waiting">{t('inCall.waiting')}</p>}
        {parties.map((p) => (
          <MediaView key={p.identity} tracks={p.tracks} label={t('inCall.videoOf', { name: p.identity })} speakerId={props.speakerId} />
        ))}
        <div className="call-self">
          <MediaView tracks={props.localTracks.filter((track) => track.kind === 'video')} muted label={t('preJoin.yourCamera')} />
        </div>
      </div>
      {props.finishProblem && <Banner tone="error">{props.finishProblem}</Banner>}
      <div className="call-controls" role="toolbar" aria-label={t('inCall.controls')}>
        <Button aria-pressed={!props.micOn} onClick={props.onToggleMic}>
          {props.micOn ? t('inCall.mute') : t('inCall.unmute')}
        </Button>
        <Button aria-pressed={!props.cameraOn} onClick={props.onToggleCamera}>
          {props.cameraOn ? t('inCall.cameraOff') : t('inCall.cameraOn')}
        </Button>
        <Button aria-pressed={props.sharing} onClick={props.onToggleShare}>
          {props.sharing ? t('inCall.stopSharing') : t('inCall.shareScreen')}
        </Button>
        <Button onClick={props.onHangUp}>{t('inCall.hangUp')}</Button>
        <Button variant="primary" onClick={props.onFinish} disabled={props.finishing}>
          {t('inCall.finish')}
        </Button>
      </div>
    </section>
  );
}
