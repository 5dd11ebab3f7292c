import { act, cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BoardDto } from '../../preload/contract';
import { DisplayBoard } from '../../renderer/features/display/DisplayBoard';
import { renderApp } from './render-app';

const TICKET = 'a'.repeat(40);
const boardWith = (tokenNo: number | null, speaks = true): BoardDto => ({
  clinicName: 'Sunrise Clinic',
  timeZone: 'Asia/Kolkata',
  speaks,
  doctors: [
    { doctorId: 1, doctorName: 'Dr. Anil Rao', room: 'Room 2', now: tokenNo === null ? null : { tokenNo, initials: 'A.V.', priority: null }, next: [] },
  ],
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** What the OS speech engine was asked to say. */
function listen(): string[] {
  const said: string[] = [];
  vi.stubGlobal('speechSynthesis', { speak: (u: { text: string }) => said.push(u.text) });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      lang = '';
      constructor(readonly text: string) {}
    },
  );
  return said;
}

describe('token display', () => {
  it('reads the board through the data layer and again on every "board changed", announcing a newly called token', async () => {
    const said = listen();
    let tokenNo = 4;
    const { fake } = renderApp({
      screen: <DisplayBoard ticket={TICKET} />,
      handlers: { 'board.show': () => ({ ok: true, value: boardWith(tokenNo) }) },
    });
    expect((await screen.findByTestId('now-1')).textContent).toBe('4 A.V.');
    expect(screen.getByRole('heading', { name: 'Sunrise Clinic' })).toBeTruthy();
    tokenNo = 5;
    act(() => fake.emit('board.changed', {}));
    await screen.findByText('5');
    // The first read only learns what is called; a change is announced.
    expect(said).toEqual(['Token number 5, please go to Room 2.', 'टोकन नंबर 5, कृपया Room 2 में जाइए।']);
    expect(fake.calls.filter((c) => c.channel === 'board.show').map((c) => c.payload)).toEqual([{ ticket: TICKET }, { ticket: TICKET }]);
  });

  it('stays silent where the clinic did not ask for spoken calls', async () => {
    const said = listen();
    let tokenNo = 4;
    const { fake } = renderApp({
      screen: <DisplayBoard ticket={TICKET} />,
      handlers: { 'board.show': () => ({ ok: true, value: boardWith(tokenNo, false) }) },
    });
    await screen.findByText('4');
    tokenNo = 5;
    act(() => fake.emit('board.changed', {}));
    await screen.findByText('5');
    expect(said).toEqual([]);
  });

  it('says why when its ticket is refused', async () => {
    renderApp({
      screen: <DisplayBoard ticket={TICKET} />,
      handlers: { 'board.show': () => ({ ok: false, error: { code: 'UNAUTHENTICATED', message: 'This display was switched off at the desk.' } }) },
    });
    expect((await screen.findByRole('status')).textContent).toBe('This display was switched off at the desk.');
  });
});
