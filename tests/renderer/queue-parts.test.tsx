import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createElement, useState, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentDto, Res } from '../../preload/contract';
import { useSettings } from '../../renderer/api/clinic-data';
import { ClinicProvider, newQueryClient } from '../../renderer/api/context';
import { useClinicQuery } from '../../renderer/api/query';
import { PrintArea } from '../../renderer/features/print/print';
import { CallNextButton, StageButtons } from '../../renderer/features/queue/CallControls';
import { PatientName } from '../../renderer/features/queue/PatientName';
import { useTokenSlip } from '../../renderer/features/queue/useTokenSlip';
import { WalkInDialog } from '../../renderer/features/queue/WalkInDialog';
import { useToasts } from '../../renderer/ui/toasts';
import { fakeClinic, type FakeHandlers } from './fake-clinic';
import { fakeDesk, TODAY } from './fake-desk';

// jsdom lays nothing out: give lists a real size so the patient picker's virtualised rows render.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
afterEach(() => cleanup());
beforeEach(() => {
  window.print = vi.fn() as unknown as typeof window.print;
  useToasts.setState({ toasts: [] });
});

/** Renders over a fake clinic that sends no change events: whatever shows, the reply put there. */
function renderOver(handlers: FakeHandlers, ui: ReactNode) {
  const fake = fakeClinic(handlers);
  render(createElement(ClinicProvider, { api: fake.api, client: newQueryClient(), children: ui }));
  return fake;
}
const toasts = () => useToasts.getState().toasts.map((t) => `${t.tone}: ${t.text}`);

function deskWithAsha() {
  const desk = fakeDesk();
  const a = desk.add(1, 1, '09:00', { checkedInAt: new Date().toISOString(), tokenNo: 3 });
  return { desk, a };
}

describe('the call controls', () => {
  it('offers nothing before the call, in/skip/back once called, only "back" once in', () => {
    const { desk, a } = deskWithAsha();
    const names = () => screen.queryAllByRole('button').map((b) => b.textContent);
    renderOver(desk.handlers, <StageButtons appointment={a} stage="ARRIVED" />);
    expect(names()).toEqual([]);
    cleanup();
    renderOver(desk.handlers, <StageButtons appointment={a} stage="CALLED" />);
    expect(names()).toEqual(['In', 'Skip', 'Back to waiting']);
    cleanup();
    renderOver(desk.handlers, <StageButtons appointment={a} stage="WITH_DOCTOR" />);
    expect(names()).toEqual(['Back to waiting']);
  });

  it('moves a called patient on, and names the token when main refuses', async () => {
    const { desk, a } = deskWithAsha();
    const fake = renderOver(
      {
        ...desk.handlers,
        'appointments.stage': ({ action }) =>
          action === 'skip' ? { ok: true, value: a } : { ok: false, error: { code: 'CONFLICT', field: 'id', message: 'Token 3 is not called' } },
      },
      <StageButtons appointment={a} stage="CALLED" />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Skip Asha Verma, recall later' }));
    await waitFor(() => expect(toasts()).toEqual(['info: Token 3 skipped: called again after the others']));
    fireEvent.click(screen.getByRole('button', { name: 'Asha Verma is in with the doctor' }));
    await waitFor(() => expect(toasts()).toContain('error: Token 3: Token 3 is not called'));
    expect(fake.calls.filter((c) => c.channel === 'appointments.stage').map((c) => c.payload)).toEqual([
      { id: a.id, action: 'skip' },
      { id: a.id, action: 'start' },
    ]);
  });

  it('calls the next token for the doctor and says which, or why not', async () => {
    const { desk, a } = deskWithAsha();
    let refuse = false;
    renderOver(
      {
        ...desk.handlers,
        'appointments.callNext': () => (refuse ? { ok: false, error: { code: 'CONFLICT', message: 'Nobody is waiting' } } : { ok: true, value: a }),
      },
      <CallNextButton doctorId={1} doctorName="Dr. Anil Rao" />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Call next for Dr. Anil Rao' }));
    await waitFor(() => expect(toasts()).toEqual(['info: Token 3 called for Dr. Anil Rao']));
    refuse = true;
    fireEvent.click(screen.getByRole('button', { name: 'Call next for Dr. Anil Rao' }));
    await waitFor(() => expect(toasts()).toContain('error: Dr. Anil Rao: Nobody is waiting'));
  });
});

describe('the patient as the day’s lists name them', () => {
  it('marks a walk-in and a patient waiting in the video lobby', () => {
    const { a } = deskWithAsha();
    render(<PatientName appointment={{ ...a, isWalkIn: true }} online={new Set([a.id])} />);
    expect(screen.getByText('walk-in')).toBeTruthy();
    expect(screen.getByRole('status').textContent).toBe('waiting online');
    cleanup();
    render(<PatientName appointment={a} online={new Set()} />);
    expect(document.body.textContent).toBe('Asha Verma');
  });
});

/** Offered once the clinic's settings are in, as the queue is: the slip names the clinic and its paper. */
function SlipButton({ appointment }: { appointment: AppointmentDto }) {
  const printSlip = useTokenSlip();
  const { settings } = useSettings();
  return settings ? <button onClick={() => printSlip(appointment)}>Slip</button> : null;
}

describe('the token slip', () => {
  it('prints the token, doctor and patient on the clinic’s receipt paper', async () => {
    const { desk, a } = deskWithAsha();
    const settings = desk.handlers['settings.get']!({}) as { ok: true; value: Res<'settings.get'> };
    renderOver(
      { ...desk.handlers, 'settings.get': () => ({ ok: true, value: { ...settings.value, receiptPaper: '80MM' as const } }) },
      <>
        <SlipButton appointment={a} />
        <PrintArea />
      </>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Slip' }));
    await waitFor(() => expect(window.print).toHaveBeenCalledOnce());
    const area = document.querySelector<HTMLElement>('.print-area')!;
    expect(area.dataset.paper).toBe('80MM');
    expect(area.textContent).toContain('Sunrise Clinic');
    expect(within(area).getByLabelText('Token 3').textContent).toContain('Dr. Anil Rao');
  });
});

/** The walk-in as the desk opens it, closed when done, beside a list of today's appointments. */
function WalkInBesideToday() {
  const [open, setOpen] = useState(true);
  return (
    <>
      {open && <WalkInDialog onClose={() => setOpen(false)} />}
      <TodayNames />
    </>
  );
}

function TodayNames() {
  const list = useClinicQuery('appointments.list', { doctorIds: [1, 2], from: TODAY, to: TODAY });
  return (
    <ul aria-label="Today">
      {list.data?.map((a) => (
        <li key={a.id}>{a.patientName}</li>
      ))}
    </ul>
  );
}

describe('the walk-in', () => {
  it('asks for the patient, then the doctor, in words, and sends nothing until both are chosen', async () => {
    const desk = fakeDesk();
    const fake = renderOver(desk.handlers, <WalkInDialog onClose={() => undefined} />);
    const box = screen.getByRole('dialog', { name: 'Walk-in patient' });
    fireEvent.click(within(box).getByRole('button', { name: 'Add to today’s queue' }));
    expect(await within(box).findByText('Choose the patient first')).toBeTruthy();
    fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Ravi Kumar/ });
    fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
    await within(box).findByRole('group', { name: 'Patient' });
    fireEvent.click(within(box).getByRole('button', { name: 'Add to today’s queue' }));
    const doctor = within(box).getByLabelText('Doctor');
    await waitFor(() => expect(doctor.getAttribute('aria-invalid')).toBe('true'));
    expect(within(box).getByRole('alert').textContent).toBe('Choose a doctor');
    expect(within(box).queryByText('Choose the patient first')).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'appointments.walkIn')).toEqual([]);
  });

  it('puts the new appointment into today’s shown list from the reply, with no refetch and no event', async () => {
    const desk = fakeDesk();
    const fake = renderOver(desk.handlers, <WalkInBesideToday />);
    const listAsked = () => fake.calls.filter((c) => c.channel === 'appointments.list').length;
    await waitFor(() => expect(listAsked()).toBe(1));
    const box = screen.getByRole('dialog', { name: 'Walk-in patient' });
    fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Ravi Kumar/ });
    fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
    await within(box).findByRole('group', { name: 'Patient' });
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '2' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add to today’s queue' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await within(screen.getByRole('list', { name: 'Today' })).findByText('Ravi Kumar')).toBeTruthy();
    expect(listAsked()).toBe(1);
    expect(toasts()).toContain('info: Ravi Kumar added for Dr. Sara Khan — token 1');
  });
});
