import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChannelName, Req, Res, Result, SessionDto } from '../../preload/contract';
import { clinicWrapper, fakeClinic, installClinic, type FakeHandlers } from './fake-clinic';
import { clinicSettings, fakeDesk } from './fake-desk';

const SESSION: SessionDto = {
  userId: 1,
  email: 'meera@sunrise.test',
  displayName: 'Meera Iyer',
  role: 'ADMIN',
  doctorId: null,
  locked: false,
  idleLockMinutes: 10,
  language: 'en',
};
const SETTINGS = clinicSettings({ updatedAt: new Date().toISOString() });

async function renderApp(handlers: FakeHandlers) {
  const fake = fakeClinic({ ...fakeDesk('ADMIN').handlers, 'settings.get': () => ({ ok: true, value: SETTINGS }), ...handlers });
  installClinic(fake.api);
  vi.resetModules();
  const { App } = await import('../../renderer/app/App');
  render(<App />, { wrapper: await clinicWrapper() });
  return fake;
}

const type = (label: RegExp | string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

beforeEach(() => {
  vi.useRealTimers();
});
afterEach(() => {
  cleanup();
  installClinic(undefined);
});

describe('first run', () => {
  it('checks the repeated password before asking main, then shows main’s answer at the field', async () => {
    const fake = await renderApp({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: true, session: null } }),
      'auth.createFirstAdmin': () => ({
        ok: false,
        error: { code: 'INVALID', field: 'password', message: 'This password is on the list of commonly used passwords; choose another' },
      }),
    });
    await screen.findByRole('heading', { name: 'Set up Clinic Desk' });
    type('Clinic name', 'Sunrise Clinic');
    type('Your name', 'Meera Iyer');
    type('Email', 'meera@sunrise.test');
    type('Password', 'password12');
    type('Repeat the password', 'password13');
    fireEvent.click(screen.getByRole('button', { name: 'Create the clinic' }));
    expect(await screen.findByText('The two passwords differ')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'auth.createFirstAdmin')).toBe(false);

    type('Repeat the password', 'password12');
    fireEvent.click(screen.getByRole('button', { name: 'Create the clinic' }));
    const error = await screen.findByText(/commonly used/);
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Password').getAttribute('aria-describedby')).toContain(error.id);
    // What was typed is kept for the next try.
    expect((screen.getByLabelText('Clinic name') as HTMLInputElement).value).toBe('Sunrise Clinic');
  });

  it('signs the first admin straight in', async () => {
    await renderApp({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: true, session: null } }),
      'auth.createFirstAdmin': () => ({ ok: true, value: SESSION }),
    });
    await screen.findByRole('heading', { name: 'Set up Clinic Desk' });
    for (const [label, value] of [
      ['Clinic name', 'Sunrise Clinic'],
      ['Your name', 'Meera Iyer'],
      ['Email', 'meera@sunrise.test'],
      ['Password', 'a long passphrase'],
      ['Repeat the password', 'a long passphrase'],
    ] as const)
      type(label, value);
    fireEvent.click(screen.getByRole('button', { name: 'Create the clinic' }));
    expect(await screen.findByRole('banner', { name: 'Signed in as Meera Iyer (Administrator)' })).toBeTruthy();
  });
});

describe('sign-in', () => {
  it('shows main’s message, clears the password, and signs in on the next try', async () => {
    let attempts = 0;
    await renderApp({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: null } }),
      'auth.login': () =>
        ++attempts === 1 ? { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Email or password is incorrect.' } } : { ok: true, value: SESSION },
    });
    await screen.findByRole('heading', { name: 'Sign in to Clinic Desk' });
    type('Email', 'meera@sunrise.test');
    type('Password', 'wrong one');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Email or password is incorrect.')).toBeTruthy();
    expect((screen.getByLabelText('Password') as HTMLInputElement).value).toBe('');
    type('Password', 'right one!');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('banner', { name: 'Signed in as Meera Iyer (Administrator)' })).toBeTruthy();
  });

  it('asks for Today’s reads with the sign-in’s answer, before the frame is drawn, and Today asks none of them again', async () => {
    const desk = fakeDesk('ADMIN').handlers;
    // What each of Today's reads found on screen when main was asked: the frame (its banner) or not yet.
    const asked: { channel: string; frameDrawn: boolean }[] = [];
    const watched = <C extends ChannelName>(channel: C): FakeHandlers => ({
      [channel]: (req: Req<C>) => {
        asked.push({ channel, frameDrawn: screen.queryByRole('banner') !== null });
        return (channel === 'settings.get' ? { ok: true, value: SETTINGS } : desk[channel]!(req)) as Result<Res<C>>;
      },
    });
    const TODAYS_READS = ['settings.get', 'doctors.list', 'appointments.list', 'appointments.queue', 'payments.ofDay', 'video.waitingOnline'] as const;
    await renderApp({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: null } }),
      'auth.login': () => ({ ok: true, value: SESSION }),
      ...Object.assign({}, ...TODAYS_READS.map((c) => watched(c))),
    });
    await screen.findByRole('heading', { name: 'Sign in to Clinic Desk' });
    asked.length = 0;
    type('Email', 'meera@sunrise.test');
    type('Password', 'right one!');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByText('Nobody is booked today.');
    expect(asked.map((a) => a.channel).sort()).toEqual([...TODAYS_READS].sort());
    expect(asked.filter((a) => a.frameDrawn)).toEqual([]);
  });

  it('draws Today all the same when a read asked with the sign-in’s answer fails: Today asks it again', async () => {
    let settingsAsked = 0;
    await renderApp({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: null } }),
      'auth.login': () => ({ ok: true, value: SESSION }),
      'settings.get': () =>
        ++settingsAsked === 1
          ? { ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' } }
          : { ok: true, value: SETTINGS },
    });
    await screen.findByRole('heading', { name: 'Sign in to Clinic Desk' });
    settingsAsked = 0;
    type('Email', 'meera@sunrise.test');
    type('Password', 'right one!');
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Nobody is booked today.')).toBeTruthy();
    expect(settingsAsked).toBe(2);
  });

  it('says so when main cannot be reached', async () => {
    await renderApp({ 'auth.status': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' } }) });
    expect(await screen.findByText('The clinic database cannot be reached.')).toBeTruthy();
  });
});

describe('lock screen', () => {
  it('hides the screen when main locks the session, and restores it after unlock', async () => {
    const fake = await renderApp({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: SESSION } }),
      'auth.unlock': ({ password }) =>
        password === 'right password'
          ? { ok: true, value: SESSION }
          : { ok: false, error: { code: 'UNAUTHENTICATED', field: 'password', message: 'That password is not right.' } },
    });
    const welcome = await screen.findByRole('banner', { name: 'Signed in as Meera Iyer (Administrator)' });
    act(() => fake.emit('session.changed', { session: { ...SESSION, locked: true } }));
    expect(await screen.findByRole('heading', { name: 'Clinic Desk is locked' })).toBeTruthy();
    expect(screen.queryByRole('banner', { name: 'Signed in as Meera Iyer (Administrator)' })).toBeNull();
    expect(welcome.closest('[aria-hidden="true"]')).not.toBeNull();

    type('Password', 'wrong password');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('That password is not right.')).toBeTruthy();
    type('Password', 'right password');
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('banner', { name: 'Signed in as Meera Iyer (Administrator)' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Clinic Desk is locked' })).toBeNull();
  });

  it('locks by itself after the idle time without input', async () => {
    // Only the clock and timeouts: the setup's idle-callback stand-in is built on them, and faking
    // it apart from them left a preload's idle callback cancelled through the wrong fake.
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    const fake = await renderApp({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: { ...SESSION, idleLockMinutes: 1 } } }),
      'auth.lock': () => ({ ok: true, value: { ...SESSION, idleLockMinutes: 1, locked: true } }),
    });
    await screen.findByRole('banner', { name: 'Signed in as Meera Iyer (Administrator)' });
    await act(async () => {
      vi.advanceTimersByTime(59_000);
    });
    expect(fake.calls.some((c) => c.channel === 'auth.lock')).toBe(false);
    fireEvent.keyDown(window, { key: 'a' });
    await act(async () => {
      vi.advanceTimersByTime(59_000);
    });
    expect(fake.calls.some((c) => c.channel === 'auth.lock')).toBe(false);
    await act(async () => {
      vi.advanceTimersByTime(2_000);
    });
    expect(await screen.findByRole('heading', { name: 'Clinic Desk is locked' })).toBeTruthy();
  });
});
