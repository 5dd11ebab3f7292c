import type { CallInfoDto } from '../../../preload/contract';
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

/** One kind of device to choose from; `noneFound` words an empty list (the patient's page has it in Hindi too). */
export function DevicePicker({
  label,
  devices,
  value,
  onChange,
  noneFound = 'None found',
}: {
  label: string;
  devices: MediaDeviceInfo[];
  value: string | undefined;
  onChange(id: string): void;
  noneFound?: string;
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
  const devices = useDevices(stream);
  const level = useMicLevel(stream);
  return (
    <section className="call-prejoin" aria-labelledby="prejoin-title">
      <h1 id="prejoin-title">Video consultation with {info.patientName}</h1>
      <p className="ui-hint">
        {info.date} at {info.startTime.slice(0, 5)} · {info.doctorName}
      </p>
      {stream ? <MediaView tracks={stream.getVideoTracks()} muted label="Your camera" /> : <div className="call-video call-video-off">Camera off</div>}
      {level !== undefined && <meter className="call-mic-level" aria-label="Microphone level" min={0} max={1} value={level} />}
      {deviceProblem && (
        <Banner tone="error">
          {deviceProblem} <Button onClick={onRetryDevices}>Try the devices again</Button>
        </Banner>
      )}
      <div className="call-devices">
        <DevicePicker label="Camera" devices={devices.cameras} value={choice.cameraId} onChange={(cameraId) => onChoose({ ...choice, cameraId })} />
        <DevicePicker label="Microphone" devices={devices.mics} value={choice.micId} onChange={(micId) => onChoose({ ...choice, micId })} />
        {devices.speakers.length > 0 && (
          <DevicePicker label="Speaker" devices={devices.speakers} value={choice.speakerId} onChange={(speakerId) => onChoose({ ...choice, speakerId })} />
        )}
      </div>
      {!info.videoConfigured && (
        <Banner tone="warning">Video consultations are not set up yet: an administrator enters the clinic’s Twilio account in the video settings.</Banner>
      )}
      {joinProblem && <Banner tone="error">{joinProblem}</Banner>}
      <Button variant="primary" onClick={onJoin} disabled={joining || !stream}>
        {joining ? 'Joining…' : joinProblem ? 'Try again' : 'Join the call'}
      </Button>
    </section>
  );
}
