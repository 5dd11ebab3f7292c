import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { loadTwilioVendor, type CallRoom, type RemoteParty, type VideoVendor } from './vendor';

export type RoomState = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** What the call window reports to main about the call (kept in video_call_events). */
export type CallEventReport = (
  type:
    | 'connected'
    | 'reconnecting'
    | 'reconnected'
    | 'disconnected'
    | 'participant-connected'
    | 'participant-disconnected'
    | 'participant-reconnecting'
    | 'participant-reconnected'
    | 'device-error',
  participant?: string,
  detail?: Record<string, string | number>,
) => void;

/** Why the last join failed or the call was lost, for the screen to word: the vendor's own text is English. */
export type CallProblem = { kind: 'token'; code: number } | { kind: 'unreachable' } | { kind: 'lost'; message: string };

interface VideoContextValue {
  state: RoomState;
  room: CallRoom | undefined;
  /** Why the last join failed or the call was lost; undefined after hanging up normally. */
  problem: CallProblem | undefined;
  connect(token: string, roomName: string, tracks: MediaStreamTrack[]): Promise<CallRoom | undefined>;
  disconnect(): void;
}

const VideoContext = createContext<VideoContextValue | undefined>(undefined);

/** Why joining failed, from twilio-video's documented error codes (20101–20107: the access token). */
export function joinFailure(err: unknown): CallProblem {
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'number' && code >= 20101 && code <= 20107) return { kind: 'token', code };
  return { kind: 'unreachable' };
}

/**
 * The call's vendor-neutral state for the screens, as in Twilio's React reference app: the
 * vendor is loaded on first join (its own chunk) and only this provider talks to it.
 */
export function VideoProvider({
  children,
  loadVendor = loadTwilioVendor,
  report,
}: {
  children: ReactNode;
  loadVendor?: () => Promise<VideoVendor>;
  report: CallEventReport;
}) {
  const [state, setState] = useState<RoomState>('idle');
  const [room, setRoom] = useState<CallRoom>();
  const [problem, setProblem] = useState<CallProblem>();
  const reportRef = useRef(report);
  reportRef.current = report;

  // A layout effect subscribes in the same commit that shows the call's controls: a passive
  // effect may run after them, and an end or a drop in that moment would never be heard.
  useLayoutEffect(() => {
    if (!room) return;
    const r = (...args: Parameters<CallEventReport>) => reportRef.current(...args);
    const offs = [
      room.on('reconnecting', () => {
        setState('reconnecting');
        r('reconnecting');
      }),
      room.on('reconnected', () => {
        setState('connected');
        r('reconnected');
      }),
      room.on('disconnected', (error) => {
        setState('disconnected');
        setRoom(undefined);
        setProblem(error ? { kind: 'lost', message: error.message } : undefined);
        r('disconnected', undefined, error ? { code: error.code ?? 0, message: error.message } : undefined);
      }),
      room.on('participantConnected', (id) => r('participant-connected', id)),
      room.on('participantDisconnected', (id) => r('participant-disconnected', id)),
      room.on('participantReconnecting', (id) => r('participant-reconnecting', id)),
      room.on('participantReconnected', (id) => r('participant-reconnected', id)),
    ];
    return () => offs.forEach((off) => off());
  }, [room]);

  const connect = useCallback(
    async (token: string, roomName: string, tracks: MediaStreamTrack[]) => {
      setState('connecting');
      setProblem(undefined);
      try {
        const vendor = await loadVendor();
        const joined = await vendor.connect(token, roomName, tracks);
        setRoom(joined);
        setState('connected');
        reportRef.current('connected');
        return joined;
      } catch (err) {
        setState('idle');
        setProblem(joinFailure(err));
        return undefined;
      }
    },
    [loadVendor],
  );

  const disconnect = useCallback(() => room?.disconnect(), [room]);
  const value = useMemo(() => ({ state, room, problem, connect, disconnect }), [state, room, problem, connect, disconnect]);
  return <VideoContext.Provider value={value}>{children}</VideoContext.Provider>;
}

export function useVideo(): VideoContextValue {
  const value = useContext(VideoContext);
  if (!value) throw new Error('useVideo outside a VideoProvider');
  return value;
}

/** The other people in the call, with who is reconnecting, kept current. */
export function useParticipants(room: CallRoom | undefined): RemoteParty[] {
  const [parties, setParties] = useState<RemoteParty[]>([]);
  useLayoutEffect(() => {
    if (!room) return setParties([]);
    const read = () => setParties(room.remoteParticipants());
    read();
    const offs = (['participantConnected', 'participantDisconnected', 'participantReconnecting', 'participantReconnected', 'tracksChanged'] as const).map((e) =>
      room.on(e, read),
    );
    return () => offs.forEach((off) => off());
  }, [room]);
  return parties;
}

export function useNetworkQuality(room: CallRoom | undefined): number | null {
  const [level, setLevel] = useState<number | null>(null);
  useLayoutEffect(() => (room ? room.on('networkQuality', setLevel) : undefined), [room]);
  return level;
}

/** Seconds since `since`, ticking every second. */
export function useElapsed(since: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === undefined ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}
