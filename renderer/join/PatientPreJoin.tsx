import { DevicePicker } from '../features/call/PreJoin';
import { MediaView } from '../features/call/MediaView';
import { useMicLevel, type DeviceChoice, type Devices } from '../features/call/media';
import type { LocalMedia } from '../features/call/useLocalMedia';
import { canTestSpeaker, playTestSound } from './speaker-test';
import { deniedBrowserOf, type JoinStrings } from './strings';

/** The camera or microphone problem in the patient's words, with the steps for their browser when it is blocked. */
function deviceHelp(t: JoinStrings, error: string, userAgent: string): { problem: string; help?: string } {
  switch (error) {
    case 'NotAllowedError':
    case 'SecurityError':
      return { problem: t.denied, help: t.deniedHelp[deniedBrowserOf(userAgent)] };
    case 'NotFoundError':
    case 'OverconstrainedError':
      return { problem: t.missing };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return { problem: t.busy };
    default:
      return { problem: t.deviceFailed };
  }
}

/** The next camera in the list: on a phone, front to back and back again. */
export function nextCamera(devices: Devices, choice: DeviceChoice): string | undefined {
  const ids = devices.cameras.map((c) => c.deviceId);
  if (ids.length < 2) return undefined;
  return ids[(ids.indexOf(choice.cameraId ?? ids[0]!) + 1) % ids.length];
}

interface Props {
  t: JoinStrings;
  media: LocalMedia;
  devices: Devices;
  userAgent: string;
  joining: boolean;
  problem: string | undefined;
  onJoin(): void;
}

/** Before joining: the preview, the microphone's level, devices to choose and test, and what to do when the browser blocks them. */
export function PatientPreJoin({ t, media, devices, userAgent, joining, problem, onJoin }: Props) {
  const level = useMicLevel(media.stream);
  const { choice, choose } = media;
  const flipTo = nextCamera(devices, choice);
  const trouble = media.deviceError && deviceHelp(t, media.deviceError.name, userAgent);
  return (
    <section className="join-call" aria-labelledby="prejoin-title">
      <h2 id="prejoin-title">{t.previewTitle}</h2>
      {media.stream ? (
        <MediaView tracks={media.stream.getVideoTracks()} muted label={t.yourCamera} />
      ) : (
        <div className="call-video call-video-off">{t.cameraOff}</div>
      )}
      {level !== undefined && (
        <p className="join-meter">
          <meter aria-label={t.micLevel} min={0} max={1} value={level} /> <span className="join-hint">{t.micHint}</span>
        </p>
      )}
      {trouble && (
        <div className="join-notice" role="alert" data-tone="error">
          <p>{trouble.problem}</p>
          {trouble.help && <p>{trouble.help}</p>}
          <button type="button" onClick={media.retry}>
            {t.retryDevices}
          </button>
        </div>
      )}
      <div className="join-devices">
        <DevicePicker
          label={t.camera}
          noneFound={t.noneFound}
          devices={devices.cameras}
          value={choice.cameraId}
          onChange={(cameraId) => choose({ ...choice, cameraId })}
        />
        <DevicePicker
          label={t.microphone}
          noneFound={t.noneFound}
          devices={devices.mics}
          value={choice.micId}
          onChange={(micId) => choose({ ...choice, micId })}
        />
        {devices.speakers.length > 0 && (
          <DevicePicker
            label={t.speaker}
            noneFound={t.noneFound}
            devices={devices.speakers}
            value={choice.speakerId}
            onChange={(speakerId) => choose({ ...choice, speakerId })}
          />
        )}
      </div>
      <div className="join-actions">
        {flipTo && (
          <button type="button" onClick={() => choose({ ...choice, cameraId: flipTo })}>
            {t.flip}
          </button>
        )}
        {canTestSpeaker() && (
          <button type="button" onClick={() => playTestSound(choice.speakerId)}>
            {t.testSpeaker}
          </button>
        )}
      </div>
      {problem && (
        <div className="join-notice" role="alert" data-tone="error">
          {problem}
        </div>
      )}
      <button type="button" className="join-primary" onClick={onJoin} disabled={joining || !media.stream}>
        {joining ? t.joining : t.join}
      </button>
    </section>
  );
}
