import { act, cleanup, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useCallTimer } from '../../renderer/features/call/useCallTimer';
import { useLocalMedia } from '../../renderer/features/call/useLocalMedia';
import { useRoomState } from '../../renderer/features/call/useRoomState';
import { useScreenShare } from '../../renderer/features/call/useScreenShare';
import { useVideo, VideoProvider } from '../../renderer/features/call/VideoProvider';
import type { CallRoom } from '../../renderer/features/call/vendor';
import { clinicWrapper, fakeClinic, installClinic } from './fake-clinic';

// Each call control alone, against a room and media as bare as the hook needs.
class FakeTrack extends EventTarget {
  enabled = true;
  readonly stop = vi.fn();
  constructor(readonly kind: 'audio' | 'video') {
    super();
  }
}
const stream = (...tracks: FakeTrack[]) =>
  ({ getTracks: () => tracks, getVideoTracks: () => tracks.filter((t) => t.kind === 'video') }) as unknown as MediaStream;

function fakeRoom() {
  return {
    setTrackEnabled: vi.fn(),
    shareScreen: vi.fn(async () => {}),
    stopSharing: vi.fn(),
    disconnect: vi.fn(),
    on: () => () => {},
    remoteParticipants: () => [],
  } as unknown as CallRoom & Record<'setTrackEnabled' | 'shareScreen' | 'stopSharing', ReturnType<typeof vi.fn>>;
}

function installMedia(media: Partial<MediaDevices>) {
  Object.defineProperty(navigator, 'mediaDevices', { value: media, configurable: true });
}

afterEach(() => {
  cleanup();
  installClinic(undefined);
  localStorage.clear();
});

describe('useCallTimer', () => {
  it('starts when the call first connects and keeps that time across a drop and rejoin', () => {
    const now = vi.spyOn(Date, 'now').mockReturnValue(1_000);
    const { result, rerender } = renderHook(({ on }) => useCallTimer(on), { initialProps: { on: false } });
    expect(result.current.startedAt).toBeUndefined();
    rerender({ on: true });
    expect(result.current.startedAt).toBe(1_000);
    now.mockReturnValue(9_000);
    rerender({ on: false });
    rerender({ on: true });
    expect(result.current.startedAt).toBe(1_000);
    now.mockRestore();
  });
});

describe('useScreenShare', () => {
  it('shares the chosen screen into the room, and stops when the browser bar stops it', async () => {
    const room = fakeRoom();
    const screenTrack = new FakeTrack('video');
    installMedia({ getDisplayMedia: vi.fn(async () => stream(screenTrack)) });
    const { result } = renderHook(() => useScreenShare(room));
    await act(() => result.current.toggleShare());
    expect(room.shareScreen).toHaveBeenCalledWith(screenTrack);
    expect(result.current.sharing).toBe(true);
    act(() => void screenTrack.dispatchEvent(new Event('ended')));
    expect(room.stopSharing).toHaveBeenCalledOnce();
    expect(result.current.sharing).toBe(false);
  });

  it('treats Cancel in the screen picker as nothing shared', async () => {
    const room = fakeRoom();
    installMedia({ getDisplayMedia: vi.fn(async () => Promise.reject(Object.assign(new Error('cancel'), { name: 'NotAllowedError' }))) });
    const { result } = renderHook(() => useScreenShare(room));
    await act(() => result.current.toggleShare());
    expect(room.shareScreen).not.toHaveBeenCalled();
    expect(result.current.sharing).toBe(false);
  });
});

describe('useLocalMedia', () => {
  it('opens the devices, and mutes the microphone in the room and locally together', async () => {
    const mic = new FakeTrack('audio');
    const cam = new FakeTrack('video');
    installMedia({ getUserMedia: vi.fn(async () => stream(cam, mic)) });
    const room = fakeRoom();
    const { result } = renderHook(() => useLocalMedia({ room, inCall: true, report: vi.fn() }));
    await waitFor(() => expect(result.current.stream).toBeDefined());
    act(() => result.current.toggleMic());
    expect(result.current.micOn).toBe(false);
    expect(mic.enabled).toBe(false);
    expect(cam.enabled).toBe(true);
    expect(room.setTrackEnabled).toHaveBeenCalledWith('audio', false);
  });

  it('says which device stopped mid-call and reports it', async () => {
    const cam = new FakeTrack('video');
    installMedia({ getUserMedia: vi.fn(async () => stream(cam)) });
    const report = vi.fn();
    const { result } = renderHook(() => useLocalMedia({ room: undefined, inCall: true, report }));
    await waitFor(() => expect(result.current.stream).toBeDefined());
    act(() => void cam.dispatchEvent(new Event('ended')));
    expect(result.current.deviceError).toEqual({ name: 'ended', kind: 'video' });
    expect(report).toHaveBeenCalledWith('device-error', undefined, { name: 'ended', kind: 'video' });
  });

  it('puts a refused camera into words and reports it', async () => {
    installMedia({ getUserMedia: vi.fn(async () => Promise.reject(Object.assign(new Error('denied'), { name: 'NotAllowedError' }))) });
    const report = vi.fn();
    const { result } = renderHook(() => useLocalMedia({ room: undefined, inCall: false, report }));
    await waitFor(() => expect(result.current.deviceError).toEqual({ name: 'NotAllowedError' }));
    expect(report).toHaveBeenCalledWith('device-error', undefined, { name: 'NotAllowedError' });
  });
});

describe('useRoomState', () => {
  it('is in the call once connected and while reconnecting, not before', async () => {
    const fake = fakeClinic({ 'auth.touch': () => ({ ok: true, value: null }) });
    installClinic(fake.api);
    const Clinic = await clinicWrapper();
    const room = fakeRoom();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <Clinic>
        <VideoProvider loadVendor={async () => ({ connect: async () => room })} report={vi.fn()}>
          {children}
        </VideoProvider>
      </Clinic>
    );
    const { result } = renderHook(() => ({ room: useRoomState(), video: useVideo() }), { wrapper });
    expect(result.current.room).toEqual({ state: 'idle', inCall: false });
    await act(() => result.current.video.connect('token', 'room', []));
    expect(result.current.room).toEqual({ state: 'connected', inCall: true });
  });
});
