import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const row = async (name: string) => (await screen.findByRole('button', { name: `Check in ${name}` })).closest('tr')!;

describe('the queue’s "waiting online" badge', () => {
  it('appears on the patient who opened the video link, when the lobby event arrives, and on no one else', async () => {
    const desk = fakeDesk();
    const online = desk.add(1, 1, '09:00');
    const other = desk.add(2, 1, '09:30');
    const fake = await renderDesk(desk);
    const [first, second] = [await row(online.patientName), await row(other.patientName)];
    expect(within(first).queryByText('waiting online')).toBeNull();

    desk.enterLobby(online.id);
    expect(await within(first).findByText('waiting online')).toBeTruthy();
    expect(within(second).queryByText('waiting online')).toBeNull();
    // The day's lobby is one question about the day, asked without waiting for the day's ids.
    const asked = fake.calls.filter((c) => c.channel === 'video.waitingOnline').map((c) => c.payload);
    expect(asked.length).toBeGreaterThan(0);
    expect(asked).toEqual(asked.map(() => ({ date: TODAY })));
  });
});

describe('the queue’s offer for a patient who never joined the video call', () => {
  const OFFER = 'Never joined the video call — mark as did not come?';

  it('shows only on the appointment whose call ended NO_SHOW, and its button marks the appointment as not come', async () => {
    // The clinic's clock (the fake clinic is in UTC) after both appointments' times; timers stay real.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${TODAY}T10:00:00Z`));
    const desk = fakeDesk();
    const missed = desk.add(1, 1, '09:00');
    const waiting = desk.add(2, 1, '09:30');
    const fake = await renderDesk(desk);
    const [first, second] = [await row(missed.patientName), await row(waiting.patientName)];
    // Both may be marked as not come, as any appointment whose time has passed; neither is offered yet.
    expect(within(first).getByRole('button', { name: 'Asha Verma did not come' })).toBeTruthy();
    expect(screen.queryByText(OFFER)).toBeNull();

    desk.enterLobby(waiting.id);
    desk.videoCallEndedUnjoined(missed.id);
    const offer = await within(first).findByText(OFFER);
    await within(second).findByText('waiting online');
    expect(within(second).queryByText(OFFER)).toBeNull();
    expect(screen.getAllByText(OFFER)).toHaveLength(1);

    // The offer's button is the row's one "did not come" button, described by the offer.
    const [button, ...others] = within(first).getAllByRole('button', { name: 'Asha Verma did not come' });
    expect(others).toEqual([]);
    expect(button!.getAttribute('aria-describedby')).toBe(offer.id);
    fireEvent.click(button!);
    await waitFor(() => expect(desk.state.appointments.find((a) => a.id === missed.id)?.status).toBe('NO_SHOW'));
    expect(fake.calls.filter((c) => c.channel === 'appointments.noShow').map((c) => c.payload)).toEqual([{ id: missed.id }]);
    await waitFor(() => expect(screen.queryByText(OFFER)).toBeNull());
    expect(desk.state.appointments.find((a) => a.id === waiting.id)?.status).toBe('SCHEDULED');
  });
});
