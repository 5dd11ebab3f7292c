/**
 * What the call window needs from a video vendor. Twilio's adapter (twilio-vendor.ts, loaded
 * lazily in its own chunk) implements it; another vendor could, without touching the screens.
 * Media is plain MediaStreamTracks, so the screens render it with standard <video> elements.
 */
export interface CallRoomEvents {
  /** The connection to the video service dropped; the vendor is trying to restore it. */
  reconnecting: [];
  reconnected: [];
  /** The call ended: hung up here (no error) or lost (with what happened). */
  disconnected: [error?: { code?: number; message: string }];
  participantConnected: [identity: string];
  participantDisconnected: [identity: string];
  participantReconnecting: [identity: string];
  participantReconnected: [identity: string];
  /** A remote participant's tracks came or went. */
  tracksChanged: [];
  /** This PC's network quality, 0 (none) to 5 (excellent); null while unknown. */
  networkQuality: [level: number | null];
}

export type CallRoomEvent = keyof CallRoomEvents;

export interface RemoteParty {
  identity: string;
  reconnecting: boolean;
  tracks: MediaStreamTrack[];
}

export interface CallRoom {
  readonly sid: string;
  remoteParticipants(): RemoteParty[];
  /** Subscribes; returns the unsubscribe function. */
  on<E extends CallRoomEvent>(event: E, listener: (...args: CallRoomEvents[E]) => void): () => void;
  setTrackEnabled(kind: 'audio' | 'video', enabled: boolean): void;
  shareScreen(track: MediaStreamTrack): Promise<void>;
  stopSharing(): void;
  /** Sends these camera and microphone tracks instead of the ones sent now (another camera: a phone's front or back). */
  replaceTracks(tracks: MediaStreamTrack[]): Promise<void>;
  disconnect(): void;
}

export interface VideoVendor {
  /** Joins the room with the preview's tracks (so the camera is not opened twice). */
  connect(token: string, roomName: string, tracks: MediaStreamTrack[]): Promise<CallRoom>;
}

/** Twilio, fetched only when a call window needs it. */
export const loadTwilioVendor = (): Promise<VideoVendor> => import('./twilio-vendor').then((m) => m.twilioVendor);
