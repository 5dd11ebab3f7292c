import { EventEmitter } from 'node:events';
import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { CallRoom, CallRoomEvent, CallRoomEvents, RemoteParty } from '../../renderer/features/call/vendor';

// ---- A PC's media as jsdom lacks it: tracks, streams, devices that can be denied, missing or busy.
export class FakeTrack extends EventTarget {
  enabled = true;
  readyState = 'live';
  readonly stop = vi.fn(() => (this.readyState = 'ended'));
  constructor(
    readonly kind: 'audio' | 'video',
    readonly id: string,
  ) {
    super();
  }
}
export class FakeMediaStream {
  private readonly tracks: FakeTrack[];
  constructor(tracks: FakeTrack[] = []) {
    this.tracks = [...tracks];
  }
  getTracks = () => [...this.tracks];
  getVideoTracks = () => this.tracks.filter((t) => t.kind === 'video');
  getAudioTracks = () => this.tracks.filter((t) => t.kind === 'audio');
}

export const device = (kind: MediaDeviceKind, deviceId: string, label: string) =>
  ({ kind, deviceId, label, groupId: 'g', toJSON: () => ({}) }) as MediaDeviceInfo;

export function installMedia() {
  const devices = new EventTarget() as EventTarget & Record<string, unknown>;
  const list = [device('videoinput', 'cam-1', 'Desk camera'), device('audioinput', 'mic-1', 'Headset microphone'), device('audiooutput', 'spk-1', 'Headset')];
  let failWith: string | undefined;
  let n = 0;
  const getUserMedia = vi.fn(async (_c: MediaStreamConstraints) => {
    if (failWith) throw Object.assign(new Error(failWith), { name: failWith });
    return new FakeMediaStream([new FakeTrack('video', `v${++n}`), new FakeTrack('audio', `a${n}`)]);
  });
  Object.assign(devices, { getUserMedia, enumerateDevices: vi.fn(async () => [...list]) });
  Object.defineProperty(navigator, 'mediaDevices', { value: devices, configurable: true });
  vi.stubGlobal('MediaStream', FakeMediaStream);
  return {
    getUserMedia,
    fail: (name: string | undefined) => (failWith = name),
    plugIn(d: MediaDeviceInfo) {
      list.push(d);
      devices.dispatchEvent(new Event('devicechange'));
    },
  };
}

// ---- A Twilio room as the screens see it: an EventEmitter driven by the test.
export class FakeRoom implements CallRoom {
  private readonly emitter = new EventEmitter();
  readonly sid = `RM${'e'.repeat(32)}`;
  parties: RemoteParty[] = [];
  readonly setTrackEnabled = vi.fn();
  readonly shareScreen = vi.fn(async () => {});
  readonly stopSharing = vi.fn();
  readonly replaceTracks = vi.fn(async (_tracks: MediaStreamTrack[]) => {});
  readonly disconnect = vi.fn(() => this.fire('disconnected'));
  remoteParticipants = () => this.parties;
  on<E extends CallRoomEvent>(event: E, listener: (...args: CallRoomEvents[E]) => void): () => void {
    this.emitter.on(event, listener as (...args: unknown[]) => void);
    return () => this.emitter.off(event, listener as (...args: unknown[]) => void);
  }
  /**
   * As Twilio would, at once. Twilio does not wait for a listener, so neither does this: an
   * event the screen does not listen to yet (it subscribed after showing the call) fails the test.
   */
  fire<E extends CallRoomEvent>(event: E, ...args: CallRoomEvents[E]) {
    if (this.emitter.listenerCount(event) === 0) throw new Error(`the screen does not listen to '${event}'`);
    this.emit(event, ...args);
  }
  /**
   * Fires `event` in the very moment `shown()` first holds. A MutationObserver runs before React's
   * passive effects, so a screen that subscribes in one, after showing the call, misses it here
   * as it would miss Twilio's; waiting on the screen first (findBy…) would let the effect run.
   */
  fireWhen<E extends CallRoomEvent>(shown: () => boolean, event: E, ...args: CallRoomEvents[E]): Promise<void> {
    return new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        this.emit(event, ...args);
        resolve();
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true });
    });
  }
  private emit<E extends CallRoomEvent>(event: E, ...args: CallRoomEvents[E]) {
    act(() => void this.emitter.emit(event, ...args));
  }
}
