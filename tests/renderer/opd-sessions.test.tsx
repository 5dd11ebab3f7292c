import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppointmentDto, OpdSessionDto, Req } from '../../preload/contract';
import { ClinicProvider, newQueryClient } from '../../renderer/api/context';
import { SessionForm } from '../../renderer/features/sessions/SessionForm';
import { SessionTokens } from '../../renderer/features/sessions/SessionTokens';
import { SessionsPanel } from '../../renderer/features/sessions/SessionsPanel';
import { useToasts } from '../../renderer/ui/toasts';
import { fakeClinic, type FakeHandlers } from './fake-clinic';
import { fakeDesk } from './fake-desk';

afterEach(() => cleanup());
beforeEach(() => useToasts.setState({ toasts: [] }));

function renderOver(handlers: FakeHandlers, ui: ReactNode) {
  const fake = fakeClinic({ ...fakeDesk().handlers, ...handlers });
  render(createElement(ClinicProvider, { api: fake.api, client: newQueryClient(), children: ui }));
  return fake;
}
const toasts = () => useToasts.getState().toasts.map((t) => t.text);
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

const SESSION: OpdSessionDto = {
  id: 5,
  doctorId: 1,
  doctorName: 'Dr. Rao',
  date: '2099-01-05',
  startTime: '10:00:00',
  endTime: '13:00:00',
  capacity: 12,
  emergencyReserve: 2,
  room: 'OPD 4',
  booked: 3,
  firstToken: 1,
  highestToken: 3,
  paceMinutes: 15,
};

describe('the OPD session form', () => {
  it('checks the plan against the contract first (nothing sent), then sends it; main’s refusal lands on its field', async () => {
    const sent: Req<'opd.createSession'>[] = [];
    let refuse = true;
    const fake = renderOver(
      {
        'opd.createSession': (req) => {
          sent.push(req);
          if (refuse)
            return {
              ok: false,
              error: { code: 'CONFLICT', field: 'startTime', message: 'Dr. Rao already has a session overlapping 10:00–13:00 on 2099-01-05' },
            };
          return { ok: true, value: SESSION };
        },
      },
      <SessionForm doctorId={1} />,
    );
    await screen.findAllByRole('option', { name: /Dr\./ });
    type('Date', '2099-01-05');
    type('From', '10:00');
    type('To', '13:00');
    type('Tokens', '12');
    type('Kept for emergencies', '12');
    type('Room', 'OPD 4');
    fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    expect(await screen.findByText('Keep fewer emergency tokens than the session has')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'opd.createSession')).toEqual([]);

    type('Kept for emergencies', '2');
    fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    const field = screen.getByLabelText('From');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('Dr. Rao already has a session overlapping 10:00–13:00 on 2099-01-05')).toBeTruthy();

    refuse = false;
    // The button is back (not "Saving…") once the refused request has settled; a click before is ignored.
    await waitFor(() => expect((screen.getByRole('button', { name: 'Add session' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Add session' }));
    await waitFor(() => expect(toasts()).toEqual(['Session added: Dr. Rao, 2099-01-05 10:00–13:00, 12 tokens']));
    expect(sent.at(-1)).toEqual({
      doctorId: 1,
      date: '2099-01-05',
      startTime: '10:00',
      endTime: '13:00',
      capacity: 12,
      emergencyReserve: 2,
      room: 'OPD 4',
    });
  });
});

describe('booking a token from the booking flow', () => {
  it('books the next token of a session and says "Token N (≈ time)" with the room; a full session says so', async () => {
    const booked: Req<'opd.bookToken'>[] = [];
    let full = false;
    const appointment = { id: 90, patientName: 'Asha Verma', doctorName: 'Dr. Rao' } as AppointmentDto;
    let done = 0;
    renderOver(
      {
        'opd.listSessions': () => ({ ok: true, value: [SESSION] }),
        'opd.bookToken': (req) => {
          booked.push(req);
          if (full)
            return {
              ok: false,
              error: { code: 'CONFLICT', field: 'sessionId', message: "Dr. Rao's session of 2099-01-05, 10:00–13:00 is full: all 12 tokens are booked" },
            };
          return {
            ok: true,
            value: {
              appointment: { ...fakeDesk().add(1, 1, '10:45'), ...appointment, sessionId: 5, sessionToken: 4, room: 'OPD 4' },
              token: 4,
              estimatedTime: '10:45:00',
              room: 'OPD 4',
            },
          };
        },
      },
      <SessionTokens doctorId={1} date="2099-01-05" patientId={7} onBooked={() => done++} />,
    );
    const sessions = await screen.findByRole('region', { name: 'Token sessions' });
    expect(within(sessions).getByText(/10:00–13:00 · 3\/12 tokens · OPD 4/)).toBeTruthy();
    fireEvent.click(within(sessions).getByLabelText(/Emergency/));
    fireEvent.change(within(sessions).getByLabelText('Why it is an emergency'), { target: { value: 'Chest pain' } });
    fireEvent.click(within(sessions).getByRole('button', { name: 'Book a token 10:00–13:00' }));
    await waitFor(() => expect(done).toBe(1));
    expect(toasts()).toEqual(['Token 4 (≈ 10:45), OPD 4 — Asha Verma with Dr. Rao']);
    expect(booked).toEqual([{ sessionId: 5, patientId: 7, emergency: { reason: 'Chest pain' } }]);

    full = true;
    fireEvent.click(within(sessions).getByRole('button', { name: 'Book a token 10:00–13:00' }));
    expect(await within(sessions).findByText("Dr. Rao's session of 2099-01-05, 10:00–13:00 is full: all 12 tokens are booked")).toBeTruthy();
    expect(done).toBe(1);
  });
});

describe('editing an OPD session (Admin → OPD sessions)', () => {
  it('opens with the plan, says how many tokens must stay, lands main’s refusal on its field, then saves', async () => {
    const sent: Req<'opd.updateSession'>[] = [];
    const session = { ...SESSION, date: '2099-01-05', firstToken: 41, highestToken: 45 };
    renderOver(
      {
        'opd.listSessions': () => ({ ok: true, value: [session] }),
        'opd.updateSession': (req) => {
          sent.push(req);
          if (req.capacity < 5)
            return { ok: false, error: { code: 'CONFLICT', field: 'capacity', message: "Token 45 is booked in Dr. Rao's session: keep at least 5 tokens" } };
          return { ok: true, value: { ...session, capacity: req.capacity, room: req.room ?? null } };
        },
      },
      <SessionsPanel />,
    );
    expect(await screen.findByText('41–52')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: /Edit Dr\. Rao's session of 2099-01-05/ }));
    const dialog = await screen.findByRole('form', { name: 'Edit OPD session' });
    expect((within(dialog).getByLabelText('From') as HTMLInputElement).value).toBe('10:00');
    expect(within(dialog).getByText('Tokens up to 45 are booked: keep at least 5')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Tokens'), { target: { value: '4' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save session' }));
    expect(await within(dialog).findByText("Token 45 is booked in Dr. Rao's session: keep at least 5 tokens")).toBeTruthy();
    expect(within(dialog).getByLabelText('Tokens').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(dialog).getByLabelText('Tokens'), { target: { value: '20' } });
    fireEvent.change(within(dialog).getByLabelText('Room'), { target: { value: 'OPD 6' } });
    await waitFor(() => expect((within(dialog).getByRole('button', { name: 'Save session' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save session' }));
    await waitFor(() => expect(toasts()).toContain('Session saved: Dr. Rao, 2099-01-05 10:00–13:00, tokens 41–60'));
    expect(sent.at(-1)).toEqual({ id: 5, startTime: '10:00', endTime: '13:00', capacity: 20, emergencyReserve: 2, room: 'OPD 6' });
    await waitFor(() => expect(screen.queryByRole('form', { name: 'Edit OPD session' })).toBeNull());
  });
});
