import { useRef, useState } from 'react';
import type { VideoJoinDto } from '../../../preload/contract';
import { ClinicError } from '../../api/call';
import { useClinicMutation, useFetchFresh } from '../../api/query';
import { useVideo } from './VideoProvider';

/**
 * Joining (main makes the room and the token, then the vendor connects) and finishing the
 * appointment. Finishing a call the patient never joined asks first (`neverJoined`): finish
 * anyway (say it went on by phone), or mark that the patient did not come.
 */
export function useCallActions(appointmentId: number, onJoined: (join: VideoJoinDto) => void) {
  const video = useVideo();
  const start = useClinicMutation('video.start');
  const complete = useClinicMutation('appointments.complete');
  const noShow = useClinicMutation('appointments.noShow');
  const end = useClinicMutation('video.end');
  const fetchFresh = useFetchFresh();
  const [neverJoined, setNeverJoined] = useState(false);
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

  /** Whether the patient has turned up: someone is in the room now, or main knows of them (any room, the lobby). */
  const patientCame = async () => {
    if ((video.room?.remoteParticipants().length ?? 0) > 0) return true;
    return (await fetchFresh('video.callInfo', { appointmentId })).patientJoined;
  };

  /** The appointment's outcome is written; the room ends for everyone and the window leaves it. */
  const closeWith = async (outcome: () => Promise<{ ok: true } | { ok: false; error: { message: string } }>) => {
    setFinishing(true);
    setFinishProblem(undefined);
    const done = await outcome();
    if (!done.ok) {
      setFinishProblem(done.error.message);
      setFinishing(false);
      return;
    }
    if (joined.current) await end.call({ roomSid: joined.current.roomSid });
    video.disconnect();
    setFinishing(false);
  };

  const finish = async () => {
    setFinishing(true);
    setFinishProblem(undefined);
    try {
      if (!(await patientCame())) {
        setNeverJoined(true);
        setFinishing(false);
        return;
      }
    } catch (e) {
      if (!(e instanceof ClinicError)) throw e;
      setFinishProblem(e.error.message);
      setFinishing(false);
      return;
    }
    await closeWith(() => complete.call({ id: appointmentId }));
  };

  const answerNeverJoined = async (answer: 'finish' | 'noShow' | 'wait') => {
    setNeverJoined(false);
    if (answer === 'finish') await closeWith(() => complete.call({ id: appointmentId }));
    if (answer === 'noShow') await closeWith(() => noShow.call({ id: appointmentId }));
  };

  return { join, joining, joinProblem, finish, finishing, finishProblem, neverJoined, answerNeverJoined };
}
