import { connect, LocalVideoTrack, type RemoteParticipant, type Room } from 'twilio-video';
import type { CallRoom, CallRoomEvent, CallRoomEvents, RemoteParty, VideoVendor } from './vendor';

function party(p: RemoteParticipant): RemoteParty {
  const tracks: MediaStreamTrack[] = [];
  for (const publication of p.tracks.values()) {
    const track = publication.track as { mediaStreamTrack?: MediaStreamTrack } | null;
    if (track?.mediaStreamTrack) tracks.push(track.mediaStreamTrack);
  }
  return { identity: p.identity, reconnecting: p.state === 'reconnecting', tracks };
}

type Forward = (emit: (...args: never[]) => void) => [target: 'room' | 'local', twilioEvent: string, listener: (...args: never[]) => void][];

// Which twilio-video events make each of our events, and how their arguments translate.
const FORWARDS: { [E in CallRoomEvent]: (emit: (...args: CallRoomEvents[E]) => void) => ReturnType<Forward> } = {
  reconnecting: (emit) => [['room', 'reconnecting', () => emit()]],
  reconnected: (emit) => [['room', 'reconnected', () => emit()]],
  disconnected: (emit) => [
    [
      'room',
      'disconnected',
      (_room: Room, error?: { code?: number; message: string }) => emit(error ? { code: error.code, message: error.message } : undefined),
    ],
  ],
  participantConnected: (emit) => [['room', 'participantConnected', (p: RemoteParticipant) => emit(p.identity)]],
  participantDisconnected: (emit) => [['room', 'participantDisconnected', (p: RemoteParticipant) => emit(p.identity)]],
  participantReconnecting: (emit) => [['room', 'participantReconnecting', (p: RemoteParticipant) => emit(p.identity)]],
  participantReconnected: (emit) => [['room', 'participantReconnected', (p: RemoteParticipant) => emit(p.identity)]],
  tracksChanged: (emit) => [
    ['room', 'trackSubscribed', () => emit()],
    ['room', 'trackUnsubscribed', () => emit()],
    ['room', 'participantDisconnected', () => emit()],
  ],
  networkQuality: (emit) => [['local', 'networkQualityLevelChanged', (level: number) => emit(level)]],
};

/** twilio-video's Room and LocalParticipant are Node-style emitters with one overload per event. */
interface Emitter {
  on(event: string, listener: (...args: never[]) => void): unknown;
  removeListener(event: string, listener: (...args: never[]) => void): unknown;
}

function adapt(room: Room): CallRoom {
  let screen: LocalVideoTrack | undefined;
  const emitter = (target: 'room' | 'local') => (target === 'room' ? room : room.localParticipant) as unknown as Emitter;
  return {
    sid: room.sid,
    remoteParticipants: () => [...room.participants.values()].map(party),
    on(event, listener) {
      const pairs = FORWARDS[event](listener as never);
      for (const [target, name, fn] of pairs) emitter(target).on(name, fn);
      return () => {
        for (const [target, name, fn] of pairs) emitter(target).removeListener(name, fn);
      };
    },
    setTrackEnabled(kind, enabled) {
      const publications = kind === 'audio' ? room.localParticipant.audioTracks : room.localParticipant.videoTracks;
      for (const p of publications.values()) {
        if (p.track.name === 'screen') continue;
        if (enabled) p.track.enable();
        else p.track.disable();
      }
    },
    async shareScreen(track) {
      screen = new LocalVideoTrack(track, { name: 'screen' } as never);
      await room.localParticipant.publishTrack(screen);
    },
    stopSharing() {
      if (!screen) return;
      room.localParticipant.unpublishTrack(screen);
      screen.stop();
      screen = undefined;
    },
    async replaceTracks(tracks) {
      const sent = [...room.localParticipant.audioTracks.values(), ...room.localParticipant.videoTracks.values()]
        .map((p) => p.track)
        .filter((t) => t.name !== 'screen');
      room.localParticipant.unpublishTracks(sent);
      sent.forEach((t) => t.stop());
      await room.localParticipant.publishTracks(tracks);
    },
    disconnect: () => void room.disconnect(),
  };
}

export const twilioVendor: VideoVendor = {
  async connect(token, roomName, tracks) {
    const room = await connect(token, { name: roomName, tracks, networkQuality: { local: 1, remote: 1 }, preferredVideoCodecs: ['VP8'] });
    return adapt(room);
  },
};
