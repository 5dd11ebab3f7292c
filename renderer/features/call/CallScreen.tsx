import type { CallInfoDto, VideoJoinDto } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { useWaitingOnline } from '../../api/use-waiting-online';
import { InCall } from './InCall';
import { NeverJoinedDialog } from './NeverJoinedDialog';
import { PreJoin } from './PreJoin';
import { callProblem, deviceProblem } from './problems';
import { useCallActions } from './useCallActions';
import { useCallTimer } from './useCallTimer';
import { useLocalMedia } from './useLocalMedia';
import { useRoomState } from './useRoomState';
import { useScreenShare } from './useScreenShare';
import { useVideo, type CallEventReport } from './VideoProvider';

/** One appointment's call: pre-join until connected, then the call; the devices stay open across both. */
export function CallScreen({ info, onJoined, report }: { info: CallInfoDto; onJoined(join: VideoJoinDto): void; report: CallEventReport }) {
  const { t } = useT('call');
  const video = useVideo();
  const { state, inCall } = useRoomState();
  const media = useLocalMedia({ room: video.room, inCall, report });
  const { sharing, toggleShare } = useScreenShare(video.room);
  const { startedAt } = useCallTimer(inCall);
  const actions = useCallActions(info.appointmentId, onJoined);
  const patientWaiting = useWaitingOnline(info.appointmentId);
  const deviceTrouble = media.deviceError && deviceProblem(media.deviceError);

  if (inCall) {
    return (
      <>
        {actions.neverJoined && <NeverJoinedDialog patientName={info.patientName} onAnswer={(answer) => void actions.answerNeverJoined(answer)} />}
        <InCall
          localTracks={media.stream?.getTracks() ?? []}
          speakerId={media.choice.speakerId}
          startedAt={startedAt}
          micOn={media.micOn}
          cameraOn={media.cameraOn}
          sharing={sharing}
          finishing={actions.finishing}
          finishProblem={actions.finishProblem ?? deviceTrouble}
          onToggleMic={media.toggleMic}
          onToggleCamera={media.toggleCamera}
          onToggleShare={() => void toggleShare()}
          onHangUp={video.disconnect}
          onFinish={() => void actions.finish()}
        />
      </>
    );
  }
  return (
    <>
      {patientWaiting && <Banner tone="info">{t('patientWaiting', { name: info.patientName })}</Banner>}
      <PreJoin
        info={info}
        stream={media.stream}
        deviceProblem={deviceTrouble}
        joinProblem={actions.joinProblem ?? (video.problem && callProblem(video.problem))}
        joining={actions.joining || state === 'connecting'}
        choice={media.choice}
        onChoose={media.choose}
        onRetryDevices={media.retry}
        onJoin={() => void actions.join(media.stream)}
      />
    </>
  );
}
