import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallInfoDto, SessionDto, VideoJoinDto } from '../../preload/contract';
import type { CallRoom, VideoVendor } from '../../renderer/features/call/vendor';
import { switchLanguage } from '../../renderer/i18n';
import { device, FakeMediaStream, FakeRoom, FakeTrack, installMedia } from './fake-media';
import { clinicWrapper, fakeClinic, installClinic, type FakeHandlers } from './fake-clinic';

const SESSION: SessionDto = {
  userId: 3,
  email: 'asha@clinic.test',
  displayName: 'Dr. Asha Rao',
  role: 'DOCTOR',
  doctorId: 1,
  locked: false,
  idleLockMinutes: 10,
  language: 'en',
};
const INFO: CallInfoDto = {
  appointmentId: 5,
  patientId: 9,
  patientName: 'Ravi Kumar',
  doctorName: 'Dr. Asha Rao',
  date: '2026-11-25',
  startTime: '10:30:00',
  status: 'SCHEDULED',
  videoConfigured: true,
  patientJoined: false,
};
const JOIN: VideoJoinDto = {
  appointmentId: 5,
  roomName: 'clinic-desk-appointment-5',
  roomSid: `RM${'e'.repeat(32)}`,
  identity: 'doctor-1',
  token: 'header.payload.signature',
  expiresAt: new Date(Date.now() + 3600_000).toISOString(),
};
const PAGE = {
  patient: {
    id: 9,
    name: 'Ravi Kumar',
    phone: '+919812345678',
    email: null,
    dateOfBirth: '1980-05-04',
    gender: 'MALE' as const,
    address: 'Pune',
    createdAt: new Date().toISOString(),
    updatedAt: null,
    medicalHistory: 'Asthma',
  },
  upcoming: [],
  past: [],
  payments: [],
};

/** The call's appointment as main answers after finishing it (COMPLETED) or marking the no-show. */
const appointmentIn = (id: number, status: 'COMPLETED' | 'NO_SHOW') => ({
  id,
  patientId: 9,
  patientName: 'Ravi Kumar',
  patientPhone: null,
  doctorId: 1,
  doctorName: 'Dr. Asha Rao',
  date: '2026-11-25',
  startTime: '10:30:00',
  endTime: '10:45:00',
  status,
  reason: null,
  checkedInAt: null,
  completedAt: status === 'COMPLETED' ? new Date().toISOString() : null,
  tokenNo: null,
  isWalkIn: false,
  cancelReason: null,
  overrideReason: null,
});

let media: ReturnType<typeof installMedia>;

async function openCall(handlers: FakeHandlers = {}, vendor?: VideoVendor, heading = 'Video consultation with Ravi Kumar') {
  const room = new FakeRoom();
  const connect = vi.fn(async () => room as CallRoom);
  const fake = fakeClinic({
    'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: SESSION } }),
    'video.callInfo': () => ({ ok: true, value: INFO }),
    'video.start': () => ({ ok: true, value: JOIN }),
    'video.reportEvent': () => ({ ok: true, value: null }),
    'video.end': () => ({ ok: true, value: null }),
    'patients.get': () => ({ ok: true, value: PAGE }),
    'auth.touch': () => ({ ok: true, value: null }),
    'video.waitingOnline': () => ({ ok: true, value: { appointmentIds: [], noShowIds: [] } }),
    ...handlers,
  });
  installClinic(fake.api);
  vi.resetModules();
  window.location.hash = '#/call/5';
  const { CallRoot } = await import('../../renderer/features/call/CallRoot');
  render(<CallRoot loadVendor={async () => vendor ?? { connect }} />, { wrapper: await clinicWrapper() });
  await screen.findByRole('heading', { name: heading });
  return { fake, room, connect };
}

const reports = (fake: ReturnType<typeof fakeClinic>) =>
  fake.calls.filter((c) => c.channel === 'video.reportEvent').map((c) => (c.payload as { type: string }).type);

async function join(words = { join: 'Join the call', controls: 'Call controls' }) {
  await waitFor(() => expect((screen.getByRole('button', { name: words.join }) as HTMLButtonElement).disabled).toBe(false));
  fireEvent.click(screen.getByRole('button', { name: words.join }));
  await screen.findByRole('toolbar', { name: words.controls });
}

// Transforming the call window's modules once, up front, keeps that cost out of the first test.
beforeAll(async () => {
  await import('../../renderer/features/call/CallRoot');
});

beforeEach(() => {
  localStorage.clear();
  media = installMedia();
});
afterEach(() => {
  cleanup();
  installClinic(undefined);
  vi.unstubAllGlobals();
  window.location.hash = '';
});

describe('before joining', () => {
  it('says when the patient is waiting online, as soon as the lobby event arrives', async () => {
    const lobby = new Set<number>();
    const { fake } = await openCall({
      'video.waitingOnline': (req) => ({ ok: true, value: { appointmentIds: (req.appointmentIds ?? []).filter((id) => lobby.has(id)), noShowIds: [] } }),
    });
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'video.waitingOnline')).toBe(true));
    expect(screen.queryByText(/is waiting online/)).toBeNull();
    lobby.add(INFO.appointmentId);
    act(() =>
      fake.emit('video.lobbyChanged', {
        op: 'UPDATE',
        id: 1,
        doctorId: null,
        patientId: null,
        appointmentId: INFO.appointmentId,
        date: null,
        oldDoctorId: null,
        oldDate: null,
      }),
    );
    expect(await screen.findByText('Ravi Kumar is waiting online: the patient has opened the video link.')).toBeTruthy();
  });

  it('shows the camera preview, the patient’s record beside it, and the PC’s devices, listed again when one is plugged in', async () => {
    const { fake } = await openCall();
    const preview = (await screen.findByLabelText('Your camera')) as HTMLVideoElement & { srcObject: FakeMediaStream };
    await waitFor(() => expect(preview.srcObject?.getVideoTracks()).toHaveLength(1));
    const patient = screen.getByRole('complementary', { name: 'Patient summary' });
    expect(await within(patient).findByRole('heading', { name: 'Ravi Kumar' })).toBeTruthy();
    // A call session may call only the call's channels: no booking from here.
    expect(within(patient).getByRole('button', { name: 'Edit details…' })).toBeTruthy();
    expect(within(patient).queryByRole('button', { name: 'Book appointment…' })).toBeNull();
    // The age on the call's day: a call session may not read the settings (the clinic's zone).
    expect(within(patient).getByText('Date of birth').nextElementSibling!.textContent).toBe('4 May 1980 (46 years old)');
    expect(fake.calls.map((c) => c.channel)).not.toContain('settings.get');
    const camera = screen.getByLabelText('Camera') as HTMLSelectElement;
    await waitFor(() => expect([...camera.options].map((o) => o.text)).toEqual(['Desk camera']));
    expect([...(screen.getByLabelText('Speaker') as HTMLSelectElement).options].map((o) => o.text)).toEqual(['Headset']);

    act(() => media.plugIn(device('videoinput', 'cam-2', 'USB camera')));
    await waitFor(() => expect([...camera.options].map((o) => o.text)).toEqual(['Desk camera', 'USB camera']));
  });

  it('remembers the chosen devices (their ids only) and reopens the preview with them', async () => {
    await openCall();
    act(() => media.plugIn(device('videoinput', 'cam-2', 'USB camera')));
    const camera = screen.getByLabelText('Camera') as HTMLSelectElement;
    await waitFor(() => expect(camera.options).toHaveLength(2));
    fireEvent.change(camera, { target: { value: 'cam-2' } });
    await waitFor(() => expect(media.getUserMedia).toHaveBeenLastCalledWith({ video: { deviceId: { exact: 'cam-2' } }, audio: true }));
    expect(JSON.parse(localStorage.getItem('clinic.call.devices')!)).toEqual({ cameraId: 'cam-2' });
    expect(localStorage.getItem('clinic.call.devices')).not.toContain('Ravi');
  });

  it.each([
    ['NotAllowedError', 'not allowed to use the camera or microphone'],
    ['NotFoundError', 'No camera or microphone was found'],
    ['NotReadableError', 'is busy'],
  ])('%s: says what is wrong, cannot join without devices, and tries again on request', async (name, words) => {
    media.fail(name);
    await openCall();
    expect((await screen.findByRole('alert')).textContent).toContain(words);
    expect((screen.getByRole('button', { name: 'Join the call' }) as HTMLButtonElement).disabled).toBe(true);
    media.fail(undefined);
    fireEvent.click(screen.getByRole('button', { name: 'Try the devices again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await waitFor(() => expect((screen.getByRole('button', { name: 'Join the call' }) as HTMLButtonElement).disabled).toBe(false));
  });
});

describe('the patient’s join link', () => {
  it('is fetched from main, shown ready for SMS, and copied to the clipboard', async () => {
    const LINK = {
      link: 'https://join.example.org/visit?t=abc',
      message: 'Sunrise Clinic: your video consultation with Dr. Asha Rao. Join here: https://join.example.org/visit?t=abc',
      expiresAt: new Date().toISOString(),
    };
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { fake } = await openCall({ 'video.patientLink': () => ({ ok: true, value: LINK }) });
    fireEvent.click(screen.getByRole('button', { name: 'Get the patient’s join link' }));
    expect(((await screen.findByLabelText('Message for the patient')) as HTMLTextAreaElement).value).toBe(LINK.message);
    expect(fake.calls.find((c) => c.channel === 'video.patientLink')?.payload).toEqual({ appointmentId: 5 });
    fireEvent.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByText('Link copied.')).toBeTruthy();
    expect(writeText).toHaveBeenCalledWith(LINK.link);
  });

  it('shows main’s reason when there is no link template', async () => {
    await openCall({
      'video.patientLink': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: 'There is no patient join link yet: an administrator sets its template in the video settings.' },
      }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Get the patient’s join link' }));
    expect((await screen.findByRole('alert')).textContent).toContain('no patient join link yet');
  });
});

describe('joining', () => {
  it('starts the call in main, joins with the preview’s tracks, and reports it connected', async () => {
    const { fake, connect } = await openCall();
    await join();
    expect(connect).toHaveBeenCalledWith(JOIN.token, JOIN.roomName, [expect.objectContaining({ kind: 'video' }), expect.objectContaining({ kind: 'audio' })]);
    expect(fake.calls.find((c) => c.channel === 'video.start')?.payload).toEqual({ appointmentId: 5 });
    await waitFor(() => expect(reports(fake)).toEqual(['connected']));
    expect(screen.getByText('Waiting for the patient to join…')).toBeTruthy();
    expect(screen.getByLabelText('Call time').textContent).toBe('0:00');
  });

  it('main refusing (Twilio unreachable) shows its message and a retry that works', async () => {
    let refuse = true;
    const { connect } = await openCall({
      'video.start': () =>
        refuse
          ? { ok: false, error: { code: 'UNAVAILABLE', message: 'Twilio cannot be reached from this PC while opening the video room.' } }
          : { ok: true, value: JOIN },
    });
    await waitFor(() => expect((screen.getByRole('button', { name: 'Join the call' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Join the call' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Twilio cannot be reached');
    expect(connect).not.toHaveBeenCalled();
    refuse = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('toolbar', { name: 'Call controls' });
  });

  it('the video service unreachable from the window: a clear, retryable error', async () => {
    const failing: VideoVendor = { connect: vi.fn(async () => Promise.reject(Object.assign(new Error('Signaling connection error'), { code: 53000 }))) };
    await openCall({}, failing);
    await waitFor(() => expect((screen.getByRole('button', { name: 'Join the call' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Join the call' }));
    expect((await screen.findByRole('alert')).textContent).toContain('could not be reached');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('join failures', () => {
  it('names a refused access token apart from an unreachable service', async () => {
    const { joinFailure } = await import('../../renderer/features/call/VideoProvider');
    const { callProblem } = await import('../../renderer/features/call/problems');
    expect(callProblem(joinFailure({ code: 20101, message: 'Invalid Access Token' }))).toContain('did not accept this call’s access token (error 20101)');
    expect(callProblem(joinFailure({ code: 53000, message: 'Signaling connection error' }))).toContain('could not be reached');
    expect(callProblem(joinFailure(new TypeError('Failed to fetch')))).toContain('could not be reached');
  });
});

describe('in the call', () => {
  it('reconnecting shows a banner until reconnected, and both are reported', async () => {
    const { fake, room } = await openCall();
    await join();
    room.fire('reconnecting');
    expect((await screen.findByText(/^Reconnecting…/)).textContent).toContain('restoring');
    room.fire('reconnected');
    await waitFor(() => expect(screen.queryByText(/^Reconnecting…/)).toBeNull());
    await waitFor(() => expect(reports(fake)).toEqual(['connected', 'reconnecting', 'reconnected']));
  });

  it('shows the patient, and when the patient is reconnecting', async () => {
    const { fake, room } = await openCall();
    await join();
    const track = new FakeTrack('video', 'remote-v');
    room.parties = [{ identity: 'patient-9', reconnecting: false, tracks: [track as unknown as MediaStreamTrack] }];
    room.fire('participantConnected', 'patient-9');
    expect(await screen.findByLabelText('Video of patient-9')).toBeTruthy();
    room.parties = [{ ...room.parties[0]!, reconnecting: true }];
    room.fire('participantReconnecting', 'patient-9');
    expect(await screen.findByText('patient-9 is reconnecting…')).toBeTruthy();
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'video.reportEvent').map((c) => c.payload)).toContainEqual({
        roomSid: JOIN.roomSid,
        type: 'participant-reconnecting',
        participant: 'patient-9',
      }),
    );
  });

  it('a lost call returns to the pre-join screen with what happened, and can be joined again', async () => {
    const { fake, room, connect } = await openCall();
    await join();
    room.fire('disconnected', { code: 53001, message: 'Signaling connection disconnected' });
    expect((await screen.findByRole('alert')).textContent).toContain('The call was lost: Signaling connection disconnected');
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'video.reportEvent').map((c) => c.payload)).toContainEqual({
        roomSid: JOIN.roomSid,
        type: 'disconnected',
        detail: { code: 53001, message: 'Signaling connection disconnected' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('toolbar', { name: 'Call controls' });
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('a camera that stops mid-call is shown and reported as a device error', async () => {
    const { fake } = await openCall();
    const preview = (await screen.findByLabelText('Your camera')) as HTMLVideoElement & { srcObject: FakeMediaStream };
    await waitFor(() => expect(preview.srcObject).toBeTruthy());
    const camera = preview.srcObject.getVideoTracks()[0]!;
    await join();
    act(() => void camera.dispatchEvent(new Event('ended')));
    expect((await screen.findByRole('alert')).textContent).toContain('The camera stopped working');
    await waitFor(() =>
      expect(fake.calls.map((c) => c.payload)).toContainEqual({ roomSid: JOIN.roomSid, type: 'device-error', detail: { name: 'ended', kind: 'video' } }),
    );
  });

  it('mute and camera toggle the room’s tracks; hanging up leaves the appointment as it is', async () => {
    const { fake, room } = await openCall();
    await join();
    fireEvent.click(screen.getByRole('button', { name: 'Mute' }));
    expect(room.setTrackEnabled).toHaveBeenLastCalledWith('audio', false);
    expect(screen.getByRole('button', { name: 'Unmute' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: 'Camera off' }));
    expect(room.setTrackEnabled).toHaveBeenLastCalledWith('video', false);
    fireEvent.click(screen.getByRole('button', { name: 'Hang up' }));
    await screen.findByRole('button', { name: 'Join the call' });
    expect(fake.calls.some((c) => c.channel === 'appointments.complete' || c.channel === 'video.end')).toBe(false);
  });

  it('“Finish consultation” with the patient in the call completes the appointment, ends the room and leaves the call', async () => {
    const { fake, room } = await openCall({ 'appointments.complete': ({ id }) => ({ ok: true, value: appointmentIn(id, 'COMPLETED') }) });
    await join();
    room.parties = [{ identity: 'patient-9', reconnecting: false, tracks: [] }];
    room.fire('participantConnected', 'patient-9');
    fireEvent.click(screen.getByRole('button', { name: 'Finish consultation' }));
    await screen.findByRole('button', { name: 'Join the call' });
    const channels = fake.calls.map((c) => c.channel);
    expect(channels.indexOf('appointments.complete')).toBeLessThan(channels.indexOf('video.end'));
    expect(fake.calls.find((c) => c.channel === 'video.end')?.payload).toEqual({ roomSid: JOIN.roomSid });
    expect(room.disconnect).toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('finishing a call the patient never joined', () => {
  /** In the call, alone: "Finish consultation" asks main whether the patient came at all. */
  async function finishAlone(handlers: FakeHandlers = {}) {
    const opened = await openCall({
      'appointments.complete': ({ id }) => ({ ok: true, value: appointmentIn(id, 'COMPLETED') }),
      'appointments.noShow': ({ id }) => ({ ok: true, value: appointmentIn(id, 'NO_SHOW') }),
      ...handlers,
    });
    await join();
    fireEvent.click(screen.getByRole('button', { name: 'Finish consultation' }));
    return opened;
  }
  const outcomes = (fake: ReturnType<typeof fakeClinic>) =>
    fake.calls.map((c) => c.channel).filter((c) => ['appointments.complete', 'appointments.noShow', 'video.end'].includes(c));

  it('asks the doctor; “Mark as did not come” records the no-show, ends the room and leaves the call, completing nothing', async () => {
    const { fake, room } = await finishAlone();
    const ask = await screen.findByRole('dialog', { name: 'Ravi Kumar never joined this call' });
    expect(outcomes(fake)).toEqual([]);
    fireEvent.click(within(ask).getByRole('button', { name: 'Mark as did not come' }));
    await screen.findByRole('button', { name: 'Join the call' });
    expect(outcomes(fake)).toEqual(['appointments.noShow', 'video.end']);
    expect(fake.calls.find((c) => c.channel === 'appointments.noShow')?.payload).toEqual({ id: 5 });
    expect(room.disconnect).toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('“Finish anyway” completes it as before; “Keep waiting” changes nothing and stays in the call', async () => {
    const { fake, room } = await finishAlone();
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Keep waiting' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(outcomes(fake)).toEqual([]);
    expect(room.disconnect).not.toHaveBeenCalled();
    expect(screen.getByRole('toolbar', { name: 'Call controls' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Finish consultation' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Finish anyway' }));
    await screen.findByRole('button', { name: 'Join the call' });
    expect(outcomes(fake)).toEqual(['appointments.complete', 'video.end']);
  });

  it('a patient main saw (an earlier room, the lobby) counts: it completes without asking', async () => {
    const { fake } = await finishAlone({ 'video.callInfo': () => ({ ok: true, value: { ...INFO, patientJoined: true } }) });
    await screen.findByRole('button', { name: 'Join the call' });
    expect(outcomes(fake)).toEqual(['appointments.complete', 'video.end']);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('main refusing the no-show (before the appointment’s time) is shown, and the call goes on', async () => {
    const { fake, room } = await finishAlone({
      'appointments.noShow': () => ({
        ok: false,
        error: { code: 'CONFLICT', message: 'A patient can be marked as not coming only once the appointment time has come', field: 'id' },
      }),
    });
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Mark as did not come' }));
    expect(await screen.findByText('A patient can be marked as not coming only once the appointment time has come')).toBeTruthy();
    expect(outcomes(fake)).toEqual(['appointments.noShow']);
    expect(room.disconnect).not.toHaveBeenCalled();
    expect(screen.getByRole('toolbar', { name: 'Call controls' })).toBeTruthy();
  });
});

/**
 * The Latin-letter words left in a part of the window once the call's own data (names, device
 * labels) is taken out: its text and the names screen readers say (aria-label, a field's label).
 */
function englishIn(part: HTMLElement, data: string[]): string[] {
  const said = [part, ...part.querySelectorAll('*')].map((el) => el.getAttribute('aria-label') ?? '');
  const texts = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
  while (texts.nextNode()) said.push(texts.currentNode.textContent ?? '');
  const left = data.reduce((text, d) => text.replaceAll(d, ' '), said.join(' '));
  return left.match(/[A-Za-z]{2,}/g) ?? [];
}

describe('in Hindi', () => {
  // The call window opens in the PC's language (the desk keeps it) and speaks its user's.
  beforeEach(() => switchLanguage('hi'));
  afterEach(() => switchLanguage('en'));
  const HINDI_SESSION: FakeHandlers = { 'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: { ...SESSION, language: 'hi' } } }) };
  const DATA = ['Ravi Kumar', 'Dr. Asha Rao', 'Desk camera', 'Headset microphone', 'Headset', 'patient-9'];

  it('words the pre-join screen, the call, its toolbar and the network in Hindi, with no English left', async () => {
    const { room } = await openCall(HINDI_SESSION, undefined, 'Ravi Kumar के साथ वीडियो परामर्श');
    expect(screen.getByText('2026-11-25, 10:30 बजे · Dr. Asha Rao')).toBeTruthy();
    expect(screen.getByLabelText('कैमरा')).toBeTruthy();
    expect(screen.getByLabelText('माइक्रोफ़ोन')).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'मरीज़ का सारांश' })).toBeTruthy();
    const link = screen.getByRole('region', { name: 'मरीज़ का जुड़ने का लिंक' });
    expect(within(link).getByRole('button', { name: 'मरीज़ का जुड़ने का लिंक लें' })).toBeTruthy();
    const preJoin = screen.getByRole('region', { name: 'Ravi Kumar के साथ वीडियो परामर्श' });
    await waitFor(() => expect((screen.getByRole('button', { name: 'कॉल में जुड़ें' }) as HTMLButtonElement).disabled).toBe(false));
    expect(englishIn(preJoin, DATA)).toEqual([]);
    expect(englishIn(link, DATA)).toEqual([]);

    await join({ join: 'कॉल में जुड़ें', controls: 'कॉल के बटन' });
    const call = screen.getByRole('region', { name: 'वीडियो कॉल' });
    expect(within(call).getByText('मरीज़ के जुड़ने का इंतज़ार है…')).toBeTruthy();
    const toolbar = within(call).getByRole('toolbar', { name: 'कॉल के बटन' });
    expect(
      within(toolbar)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['आवाज़ बंद करें', 'कैमरा बंद करें', 'स्क्रीन शेयर करें', 'कॉल छोड़ें', 'परामर्श पूरा करें']);
    fireEvent.click(within(toolbar).getByRole('button', { name: 'आवाज़ बंद करें' }));
    expect(within(toolbar).getByRole('button', { name: 'आवाज़ चालू करें' })).toBeTruthy();

    room.fire('networkQuality', 4);
    expect(await within(call).findByText('नेटवर्क: अच्छा')).toBeTruthy();
    room.parties = [{ identity: 'patient-9', reconnecting: true, tracks: [new FakeTrack('video', 'remote-v') as unknown as MediaStreamTrack] }];
    room.fire('participantReconnecting', 'patient-9');
    expect(await within(call).findByText('patient-9 फिर से जुड़ रहे हैं…')).toBeTruthy();
    expect(within(call).getByLabelText('patient-9 का वीडियो')).toBeTruthy();
    room.fire('reconnecting');
    expect(await within(call).findByText(/^फिर से जोड़ रहे हैं…/)).toBeTruthy();
    expect(englishIn(call, DATA)).toEqual([]);
  });

  it('words a refused camera in Hindi', async () => {
    media.fail('NotAllowedError');
    await openCall(HINDI_SESSION, undefined, 'Ravi Kumar के साथ वीडियो परामर्श');
    expect((await screen.findByRole('alert')).textContent).toContain('क्लिनिक डेस्क को कैमरा या माइक्रोफ़ोन के उपयोग की अनुमति नहीं है');
    expect(screen.getByRole('button', { name: 'डिवाइस फिर से आज़माएँ' })).toBeTruthy();
  });

  it('switches with its user: a language chosen at the desk re-words the open call window', async () => {
    await switchLanguage('en');
    const { fake } = await openCall();
    act(() => fake.emit('session.changed', { session: { ...SESSION, language: 'hi' } }));
    expect(await screen.findByRole('heading', { name: 'Ravi Kumar के साथ वीडियो परामर्श' })).toBeTruthy();
    expect(await screen.findByLabelText('कैमरा')).toBeTruthy();
    act(() => fake.emit('session.changed', { session: SESSION }));
    expect(await screen.findByRole('heading', { name: 'Video consultation with Ravi Kumar' })).toBeTruthy();
  });
});
