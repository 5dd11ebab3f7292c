import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallRoom } from '../../renderer/features/call/vendor';
import type { JoinAnswer, JoinGatewayApi } from '../../renderer/join/gateway-api';
import { JoinApp } from '../../renderer/join/JoinApp';
import { device, FakeRoom, installMedia } from './fake-media';

const CHROME_ON_ANDROID = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

let media: ReturnType<typeof installMedia>;

function openPage({
  lang = 'en',
  answer,
  payLink = null,
  userAgent = CHROME_ON_ANDROID,
  ahead = { now: null },
}: { lang?: 'en' | 'hi'; answer?: JoinAnswer; payLink?: string | null; userAgent?: string; ahead?: { now: number | null } } = {}) {
  const room = new FakeRoom();
  const connect = vi.fn(async (_token: string, _room: string, _tracks: MediaStreamTrack[]) => room as CallRoom);
  const api = {
    token: vi.fn(async (): Promise<JoinAnswer> => answer ?? { place: 'joined', token: 'header.payload.signature', roomName: 'clinic-desk-appointment-5' }),
    payLink: vi.fn(async () => payLink),
    // The gateway's answer to "how many are before me" at each poll: whatever the test has set it to by then.
    ahead: vi.fn(async () => ahead.now),
  } satisfies JoinGatewayApi;
  const onOutOfWindow = vi.fn();
  render(
    <JoinApp
      lang={lang}
      doctorName="Dr. Asha Rao"
      api={api}
      loadVendor={async () => ({ connect })}
      userAgent={userAgent}
      onOutOfWindow={onOutOfWindow}
      weakNetworkMs={0}
      lobbyPollMs={20}
    />,
  );
  return { room, connect, api, onOutOfWindow };
}

async function join(name = 'Join the consultation') {
  const button = await screen.findByRole('button', { name });
  await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(button);
}

beforeEach(() => {
  localStorage.clear();
  media = installMedia();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the patient’s call page', () => {
  it('previews the camera with device choice, joins with the preview’s tracks into the lobby, and shows the doctor once they are in', async () => {
    const { room, connect, api } = openPage();
    expect(await screen.findByLabelText('Your camera')).toBeTruthy();
    expect(await screen.findByRole('option', { name: 'Desk camera' })).toBeTruthy();
    expect(screen.getByLabelText('Microphone')).toBeTruthy();
    expect(screen.getByLabelText('Speaker')).toBeTruthy();
    // One camera: nothing to flip to.
    expect(screen.queryByRole('button', { name: 'Switch camera' })).toBeNull();

    await join();
    await screen.findByRole('heading', { name: 'Dr. Asha Rao will join you shortly.' });
    expect(api.token).toHaveBeenCalledOnce();
    const [token, roomName, tracks] = connect.mock.calls[0]!;
    expect([token, roomName]).toEqual(['header.payload.signature', 'clinic-desk-appointment-5']);
    const preview = media.getUserMedia.mock.results[0]!.value as Promise<MediaStream>;
    expect(tracks).toEqual((await preview).getTracks());

    room.parties = [{ identity: 'doctor-1', reconnecting: false, tracks: [] }];
    room.fire('participantConnected', 'doctor-1');
    await screen.findByRole('heading', { name: 'Consultation with Dr. Asha Rao' });
    expect(screen.getByLabelText('Video of Dr. Asha Rao')).toBeTruthy();
  });

  it('says in the lobby how many patients are before this one and follows the count down until the doctor is in', async () => {
    // The queue moves only once the page has shown where it stood: a slow machine's polls cannot skip a step.
    const ahead = { now: 2 as number | null };
    const { room } = openPage({ ahead });
    await join();
    expect(await screen.findByText('2 patients are before you.')).toBeTruthy();
    ahead.now = 1;
    expect(await screen.findByText('1 patient is before you.')).toBeTruthy();
    ahead.now = 0;
    expect(await screen.findByText('You are next.')).toBeTruthy();

    room.parties = [{ identity: 'doctor-1', reconnecting: false, tracks: [] }];
    room.fire('participantConnected', 'doctor-1');
    await screen.findByRole('heading', { name: 'Consultation with Dr. Asha Rao' });
    expect(screen.queryByText('You are next.')).toBeNull();
  });

  it('says how many are before the patient in Hindi', async () => {
    openPage({ lang: 'hi', ahead: { now: 3 } });
    await join('परामर्श में जुड़ें');
    expect(await screen.findByText('आपसे पहले 3 मरीज़ हैं।')).toBeTruthy();
  });

  it('mutes, stops the camera, shows network quality and the reconnecting banner, and flips to the back camera mid-call', async () => {
    const { room } = openPage();
    act(() => media.plugIn(device('videoinput', 'cam-back', 'Back camera')));
    await join();
    const controls = await screen.findByRole('toolbar', { name: 'Call controls' });

    fireEvent.click(within(controls).getByRole('button', { name: 'Mute' }));
    expect(room.setTrackEnabled).toHaveBeenLastCalledWith('audio', false);
    expect(within(controls).getByRole('button', { name: 'Unmute' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(within(controls).getByRole('button', { name: 'Stop camera' }));
    expect(room.setTrackEnabled).toHaveBeenCalledWith('video', false);

    room.fire('networkQuality', 4);
    expect(screen.getByText('Network: good')).toBeTruthy();
    room.fire('reconnecting');
    expect(await screen.findByText('Reconnecting… your connection dropped. Please stay on this page.')).toBeTruthy();
    room.fire('reconnected');
    await waitFor(() => expect(screen.queryByText(/Reconnecting…/)).toBeNull());

    fireEvent.click(within(controls).getByRole('button', { name: 'Switch camera' }));
    await waitFor(() => expect(room.replaceTracks).toHaveBeenCalledOnce());
    expect(media.getUserMedia.mock.calls.at(-1)![0]).toMatchObject({ video: { deviceId: { exact: 'cam-back' } } });
    const sent = room.replaceTracks.mock.calls[0]![0];
    expect(sent.map((t) => t.kind).sort()).toEqual(['audio', 'video']);
    // The new microphone stays muted and the new camera stays off, as the buttons say.
    expect(sent.every((t) => !t.enabled)).toBe(true);
  });

  it('falls back to sound only while the network is weak, and turns the video back on once it recovers', async () => {
    const { room } = openPage();
    await join();
    await screen.findByRole('toolbar', { name: 'Call controls' });
    const notice = 'Your connection is weak, so your video is paused to keep the sound clear. It comes back when the connection improves.';

    room.fire('networkQuality', 2);
    expect(screen.queryByText(notice)).toBeNull();
    room.setTrackEnabled.mockClear();
    room.fire('networkQuality', 1);
    expect(await screen.findByText(notice)).toBeTruthy();
    // The room is told in an effect after the notice renders.
    await waitFor(() => expect(room.setTrackEnabled).toHaveBeenCalledWith('video', false));
    expect(room.setTrackEnabled).not.toHaveBeenCalledWith('audio', false);
    // Fair is not yet good enough to switch back.
    room.setTrackEnabled.mockClear();
    room.fire('networkQuality', 2);
    expect(screen.getByText(notice)).toBeTruthy();
    room.fire('networkQuality', 4);
    await waitFor(() => expect(screen.queryByText(notice)).toBeNull());
    await waitFor(() => expect(room.setTrackEnabled).toHaveBeenCalledWith('video', true));
  });

  it('ends on “the consultation has ended” with the pay link when something is due, and stops the camera', async () => {
    const { room } = openPage({ payLink: 'https://rzp.io/l/consult-5' });
    await join();
    await screen.findByRole('toolbar', { name: 'Call controls' });
    const preview = (await (media.getUserMedia.mock.results[0]!.value as Promise<MediaStream>)).getTracks();

    // The doctor finishes the consultation: Twilio completes the room.
    room.fire('disconnected', { code: 53118, message: 'Room completed' });
    await screen.findByRole('heading', { name: 'The consultation has ended' });
    // The end page asks for the pay link once it shows: the link follows the answer.
    expect((await screen.findByRole('link', { name: 'Pay now' })).getAttribute('href')).toBe('https://rzp.io/l/consult-5');
    expect(preview.every((t) => t.readyState === 'ended')).toBe(true);
  });

  it('hears the call end, or drop, in the very moment the call shows', async () => {
    const callShows = () => document.querySelector('[aria-label="Call controls"]') !== null;
    const first = openPage();
    const ended = first.room.fireWhen(callShows, 'disconnected', { code: 53118, message: 'Room completed' });
    await join();
    await ended;
    await screen.findByRole('heading', { name: 'The consultation has ended' });
    cleanup();

    const second = openPage();
    const lost = second.room.fireWhen(callShows, 'disconnected', { code: 53001, message: 'Signaling connection disconnected' });
    await join();
    await lost;
    expect(await screen.findByText('The call was lost. You can join again.')).toBeTruthy();
  });

  it('hangs up to the end page with no pay link when nothing is due; a lost call offers to join again', async () => {
    const first = openPage();
    await join();
    const controls = await screen.findByRole('toolbar', { name: 'Call controls' });
    fireEvent.click(within(controls).getByRole('button', { name: 'Hang up' }));
    await screen.findByRole('heading', { name: 'The consultation has ended' });
    await waitFor(() => expect(first.api.payLink).toHaveBeenCalled());
    expect(screen.queryByRole('link', { name: 'Pay now' })).toBeNull();
    cleanup();

    const second = openPage();
    await join();
    await screen.findByRole('toolbar', { name: 'Call controls' });
    second.room.fire('disconnected', { code: 53001, message: 'Signaling connection disconnected' });
    expect(await screen.findByText('The call was lost. You can join again.')).toBeTruthy();
    await join();
    await screen.findByRole('toolbar', { name: 'Call controls' });
    expect(second.api.token).toHaveBeenCalledTimes(2);
  });

  it('explains a blocked camera with the steps for this browser, in Hindi too, and tries again', async () => {
    media.fail('NotAllowedError');
    openPage({ userAgent: FIREFOX });
    expect(await screen.findByText('The browser is not allowed to use your camera or microphone.')).toBeTruthy();
    expect(screen.getByText(/Click the camera icon next to the address/)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Join the consultation' }) as HTMLButtonElement).disabled).toBe(true);
    media.fail(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByText(/not allowed/)).toBeNull());
    cleanup();

    media.fail('NotAllowedError');
    openPage({ lang: 'hi' });
    expect(await screen.findByText('ब्राउज़र को आपके कैमरा या माइक्रोफ़ोन के उपयोग की अनुमति नहीं है।')).toBeTruthy();
    expect(screen.getByText(/पते के पास कैमरा या ताले के निशान पर टैप करें/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'फिर से कोशिश करें' })).toBeTruthy();
  });

  it('outside the window (or with payment due) hands back to the gateway’s own page; an unreachable gateway is said plainly', async () => {
    const late = openPage({ answer: { place: 'after' } });
    await join();
    await waitFor(() => expect(late.onOutOfWindow).toHaveBeenCalledOnce());
    expect(late.connect).not.toHaveBeenCalled();
    cleanup();

    const down = openPage();
    down.api.token.mockRejectedValueOnce(new Error('gateway answered 503'));
    await join();
    expect(await screen.findByText('The video service could not be reached. Check your internet connection and try again.')).toBeTruthy();
    expect(down.connect).not.toHaveBeenCalled();
  });
});
