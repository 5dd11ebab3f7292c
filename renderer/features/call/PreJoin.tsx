import type { CallInfoDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { MediaView } from './MediaView';
import { useDevices, useMicLevel, type DeviceChoice } from './media';

interface PreJoinProps {
  info: CallInfoDto;
  stream: MediaStream | undefined;
  deviceProblem: string | undefined;
  joinProblem: string | undefined;
  joining: boolean;
  choice: DeviceChoice;
  onChoose(choice: DeviceChoice): void;
  onRetryDevices(): void;
  onJoin(): void;
}

/** One kind of device to choose from; `noneFound` words an empty list (the desk and the patient's page each in their own words). */
export function DevicePicker({
  label,
  devices,
  value,
  onChange,
  noneFound,
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string | undefined;
  onChange(id: string): void;
  noneFound: string;
}) {
  return (
    <div className="ui-field">
      <label>
        {label}
        <select value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
          {devices.length === 0 && <option value="">{noneFound}</option>}
          {devices.map((d, i) => (
            <option key={d.deviceId || i} value={d.deviceId}>
              {d.label || `${label} ${i + 1}`}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** Before joining: the camera preview, the microphone's level, device choice and what is wrong with them. */
export function PreJoin({ info, stream, deviceProblem, joinProblem, joining, choice, onChoose, onRetryDevices, onJoin }: PreJoinProps) {
  const { t } = useT('call');
  const devices = useDevices(stream);
  const level = useMicLevel(stream);
  return (
    <section className="call-prejoin" aria-labelledby="prejoin-title">
      <h1 id="prejoin-title">{t('preJoin.title', { name: info.patientName })}</h1>
      <p className="ui-hint">{t('preJoin.when', { date: info.date, time: info.startTime.slice(0, 5), doctor: info.doctorName })}</p>
      {stream ? (
        <MediaView tracks={stream.getVideoTracks()} muted label={t('preJoin.yourCamera')} />
      ) : (
        <div className="call-video call-video-off">{t('preJoin.cameraOff')}</div>
      )}
      {level !== undefined && <meter className="call-mic-level" aria-label={t('preJoin.micLevel')} min={0} max={1} value={level} />}
      {deviceProblem && (
        <Banner tone="error">
          {deviceProblem} <Button onClick={onRetryDevices}>{t('preJoin.retryDevices')}</Button>
        </Banner>
      )}
      <div className="call-devices">
        <DevicePicker
          label={t('preJoin.camera')}
          noneFound={t('preJoin.noneFound')}
          devices={devices.cameras}
          value={choice.cameraId}
          onChange={(cameraId) => onChoose({ ...choice, cameraId })}
        />
        <DevicePicker
          label={t('preJoin.microphone')}
          noneFound={t('preJoin.noneFound')}
          devices={devices.mics}
          value={choice.micId}
          onChange={(micId) => onChoose({ ...choice, micId })}
        />
        {devices.speakers.length > 0 && (
          <DevicePicker
            label={t('preJoin.speaker')}
            noneFound={t('preJoin.noneFound')}
            devices={devices.speakers}
            value={choice.speakerId}
            onChange={(speakerId) => onChoose({ ...choice, speakerId })}
          />
        )}
      </div>
      {!info.videoConfigured && <Banner tone="warning">{t('preJoin.notConfigured')}</Banner>}
      {joinProblem && <Banner tone="error">{joinProblem}</Banner>}
      <Button variant="primary" onClick={onJoin} disabled={joining || !stream}>
        {joining ? t('preJoin.joining') : joinProblem ? t('common:tryAgain') : t('preJoin.join')}
      </Button>
    </section>
  );
}
