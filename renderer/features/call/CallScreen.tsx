import type { CallInfoDto, VideoJoinDto } from '../../../preload/contract';
import { Banner } from '../../ui/Banner';
import { useWaitingOnline } from '../../api/use-waiting-online';
import { InCall } from './InCall';
import { NeverJoinedDialog } from './NeverJoinedDialog';
import { PreJoin } from './PreJoin';
import { useCallActions } from './useCallActions';
import { useCallTimer } from './useCallTimer';
import { useLocalMedia } from './useLocalMedia';
import { useRoomState } from './useRoomState';
import { useScreenShare } from './useScreenShare';
import { useVideo, type CallEventReport } from './VideoProvider';

/** One appointment's call: pre-join until connected, then the call; the devices stay open across both. */
export function CallScreen({ info, onJoined, report }: { info: CallInfoDto; onJoined(join: VideoJoinDto): void; report: CallEventReport }) {
  const video = useVideo();
  const { state, inCall } = useRoomState();
  const media = useLocalMedia({ room: video.room, inCall, report });
  const { sharing, toggleShare } = useScreenShare(video.room);
  const { startedAt } = useCallTimer(inCall);
  const actions = useCallActions(info.appointmentId, onJoined);
  const patientWaiting = useWaitingOnline([info.appointmentId]).has(info.appointmentId);

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
          finishProblem={actions.finishProblem ?? media.deviceProblem}
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
      {patientWaiting && <Banner tone="info">{info.patientName} is waiting online: the patient has opened the video link.</Banner>}
      <PreJoin
        info={info}
        stream={media.stream}
        deviceProblem={media.deviceProblem}
        joinProblem={actions.joinProblem ?? video.problem}
        joining={actions.joining || state === 'connecting'}
        choice={media.choice}
        onChoose={media.choose}
        onRetryDevices={media.retry}
        onJoin={() => void actions.join(media.stream)}
      />
    </>
  );
}
