import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppointmentDto, Req } from '../../preload/contract';
import { fakeDesk } from './fake-desk';
import { renderDesk } from './render-app';

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];
afterEach(() => cleanup());

const pressAlt = (letter: string) => fireEvent.keyDown(window, { altKey: true, code: `Key${letter.toUpperCase()}`, key: letter });

/** A desk whose queue shows token 1 as called and token 2 waiting with priority, recording the waiting-room calls. */
function deskWithCalledToken(role: 'DOCTOR' | 'RECEPTIONIST') {
  const desk = fakeDesk(role);
  const first = desk.add(1, 1, '09:00', { checkedInAt: new Date().toISOString(), tokenNo: 1 });
  const second = desk.add(2, 1, '09:15', { checkedInAt: new Date().toISOString(), tokenNo: 2 });
  const calls: { channel: string; req: unknown }[] = [];
  const entry = (a: AppointmentDto, stage: 'ARRIVED' | 'CALLED', priority: 'ELDERLY' | null) => ({
    appointment: a,
    stage,
    priority,
    priorityReason: priority ? 'Aged 84' : null,
    skipped: false,
    calledAt: stage === 'CALLED' ? new Date().toISOString() : null,
    waitingMinutes: 5,
    estimatedWaitMinutes: 0,
  });
  const overrides = {
    'appointments.queue': () => ({
      ok: true as const,
      value: [
        {
          doctorId: 1,
          doctorName: 'Dr. Anil Rao',
          consultMinutes: 12,
          typicalWaitMinutes: 20,
          waiting: [entry(first, 'CALLED', null), entry(second, 'ARRIVED', 'ELDERLY')],
        },
      ],
    }),
    'appointments.callNext': (req: Req<'appointments.callNext'>) => {
      calls.push({ channel: 'callNext', req });
      return { ok: true as const, value: { ...second, tokenNo: 2 } };
    },
    'appointments.stage': (req: Req<'appointments.stage'>) => {
      calls.push({ channel: 'stage', req });
      return { ok: true as const, value: first };
    },
  };
  return { desk, calls, overrides, first };
}

describe('the waiting room on the Today screen', () => {
  it('shows each patient’s stage and priority, and moves the called one on a click', async () => {
    const { desk, calls, overrides, first } = deskWithCalledToken('RECEPTIONIST');
    await renderDesk(desk, overrides);
    const list = await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    const [called, waiting] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(called).getByText('called')).toBeTruthy();
    expect(within(waiting).getByText('priority: elderly')).toBeTruthy();
    expect(within(waiting).queryByRole('button', { name: /Skip/ })).toBeNull();
    fireEvent.click(within(called).getByRole('button', { name: 'Skip Asha Verma, recall later' }));
    await waitFor(() => expect(calls).toEqual([{ channel: 'stage', req: { id: first.id, action: 'skip' } }]));
    fireEvent.click(screen.getByRole('button', { name: 'Call next for Dr. Anil Rao' }));
    await waitFor(() => expect(calls.at(-1)).toEqual({ channel: 'callNext', req: { doctorId: 1 } }));
    expect(await screen.findByText('Token 2 called for Dr. Anil Rao')).toBeTruthy();
  });

  it('lets a doctor call their next patient with Alt+C from any screen; the desk’s Alt+C calls nobody', async () => {
    const doctor = deskWithCalledToken('DOCTOR');
    await renderDesk(doctor.desk, doctor.overrides);
    await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    pressAlt('c');
    await waitFor(() => expect(doctor.calls).toEqual([{ channel: 'callNext', req: { doctorId: 1 } }]));
    cleanup();

    const receptionist = deskWithCalledToken('RECEPTIONIST');
    await renderDesk(receptionist.desk, receptionist.overrides);
    await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    pressAlt('c');
    pressAlt('s');
    // Alt+S after Alt+C was handled: by then Alt+C would have called.
    await screen.findByRole('region', { name: 'Dr. Anil Rao' });
    expect(receptionist.calls).toEqual([]);
  });

  it('the shortcuts sheet lists the OS-wide Call next to a doctor in the app, not to the desk nor in a browser tab', async () => {
    const anywhere = 'Call my next patient from any program on this PC';
    const openHelp = async () => {
      fireEvent.keyDown(window, { key: '?', code: 'Slash', shiftKey: true });
      return screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    };
    const doctor = deskWithCalledToken('DOCTOR');
    await renderDesk(doctor.desk, doctor.overrides);
    await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    let help = await openHelp();
    expect(within(help).getByText(anywhere).closest('tr')!.textContent).toContain('Ctrl+Alt+N / ⌘⌥N');
    fireEvent.keyDown(help, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    // A browser tab (no preload) has no keys of the OS to offer.
    const preload = (window as { clinic?: unknown }).clinic;
    delete (window as { clinic?: unknown }).clinic;
    try {
      help = await openHelp();
      expect(within(help).getByText('Call my next patient')).toBeTruthy();
      expect(within(help).queryByText(anywhere)).toBeNull();
    } finally {
      (window as { clinic?: unknown }).clinic = preload;
    }
    cleanup();

    const receptionist = deskWithCalledToken('RECEPTIONIST');
    await renderDesk(receptionist.desk, receptionist.overrides);
    await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    help = await openHelp();
    expect(within(help).queryByText(anywhere)).toBeNull();
  });
});
