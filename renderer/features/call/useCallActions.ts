import { useRef, useState } from 'react';
import type { VideoJoinDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useVideo } from './VideoProvider';

/** Joining (main makes the room and the token, then the vendor connects) and finishing the appointment. */
export function useCallActions(appointmentId: number, onJoined: (join: VideoJoinDto) => void) {
  const video = useVideo();
  const start = useClinicMutation('video.start');
  const complete = useClinicMutation('appointments.complete');
  const end = useClinicMutation('video.end');
  const joined = useRef<VideoJoinDto>(undefined);
  const [joining, setJoining] = useState(false);
  const [joinProblem, setJoinProblem] = useState<string>();
  const [finishing, setFinishing] = useState(false);
  const [finishProblem, setFinishProblem] = useState<string>();

  const join = async (stream: MediaStream | undefined) => {
    if (!stream) return;
    setJoining(true);
    setJoinProblem(undefined);
    const started = await start.call({ appointmentId });
    if (!started.ok) {
      setJoinProblem(started.error.message);
      setJoining(false);
      return;
    }
    joined.current = started.value;
    onJoined(started.value);
    await video.connect(started.value.token, started.value.roomName, stream.getTracks());
    setJoining(false);
  };

  const finish = async () => {
    setFinishing(true);
    setFinishProblem(undefined);
    const done = await complete.call({ id: appointmentId });
    if (!done.ok) {
      setFinishProblem(done.error.message);
      setFinishing(false);
      return;
    }
    if (joined.current) await end.call({ roomSid: joined.current.roomSid });
    video.disconnect();
    setFinishing(false);
  };

  return { join, joining, joinProblem, finish, finishing, finishProblem };
}
