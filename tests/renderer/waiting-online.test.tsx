import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeDesk } from './fake-desk';
import { renderDesk } from './render-app';

afterEach(() => cleanup());

describe('the queue’s "waiting online" badge', () => {
  it('appears on the patient who opened the video link, when the lobby event arrives, and on no one else', async () => {
    const desk = fakeDesk();
    const online = desk.add(1, 1, '09:00');
    const other = desk.add(2, 1, '09:30');
    const fake = await renderDesk(desk);
    const row = async (name: string) => (await screen.findByRole('button', { name: `Check in ${name}` })).closest('tr')!;
    const [first, second] = [await row(online.patientName), await row(other.patientName)];
    expect(within(first).queryByText('waiting online')).toBeNull();

    desk.enterLobby(online.id);
    expect(await within(first).findByText('waiting online')).toBeTruthy();
    expect(within(second).queryByText('waiting online')).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'video.waitingOnline').at(-1)?.payload).toEqual({
      appointmentIds: [online.id, other.id].sort((a, b) => a - b),
    });
  });
});
