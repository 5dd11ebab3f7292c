import { act, cleanup, fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Req } from '../../preload/contract';
import { clinicWrapper, fakeClinic, installClinic, type FakeHandlers } from './fake-clinic';
import { fakeDesk, scheduledAppointment, TODAY } from './fake-desk';

// The parts the desk's screens are made of, each rendered alone over a fake clinic. The desk is
// not connected to the fake's events: whatever shows after a write came from the write's reply.

afterEach(() => cleanup());

async function setUp(overrides: FakeHandlers = {}) {
  const desk = fakeDesk();
  const fake = fakeClinic({ ...desk.handlers, ...overrides });
  installClinic(fake.api);
  vi.resetModules();
  const wrapper = await clinicWrapper();
  const asked = (channel: string) => fake.calls.filter((c) => c.channel === channel).length;
  return { desk, fake, wrapper, asked };
}

const MONDAY_1: Req<'appointments.list'> = { doctorIds: [1], from: TODAY, to: TODAY };

describe('booking', () => {
  it('shows the booking in the day already on screen from the reply: the day is not asked again', async () => {
    const { desk, wrapper, asked } = await setUp();
    const [{ BookingDialog }, { useClinicQuery }] = await Promise.all([import('../../renderer/features/booking'), import('../../renderer/api/query')]);
    function Day() {
      const day = useClinicQuery('appointments.list', MONDAY_1);
      return (
        <ul aria-label="Day">
          {day.data?.map((a) => (
            <li key={a.id}>{a.patientName}</li>
          ))}
        </ul>
      );
    }
    const patient = desk.state.patients[0]!;
    render(
      <>
        <Day />
        <BookingDialog draft={{ patient, doctorId: 1, date: TODAY, startTime: '09:30' }} onClose={() => undefined} />
      </>,
      { wrapper },
    );
    await waitFor(() => expect(asked('appointments.list')).toBe(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Book' }));
    // The modal dialog hides the page behind it from the accessibility tree; the day is still drawn.
    expect(await within(document.querySelector<HTMLElement>('ul[aria-label="Day"]')!).findByText('Asha Verma')).toBeTruthy();
    expect(asked('appointments.book')).toBe(1);
    expect(asked('appointments.list')).toBe(1);
  });

  it('offers the doctor’s free times and fills the time from the one picked', async () => {
    const { wrapper } = await setUp();
    const { FreeSlotPicker } = await import('../../renderer/features/booking/FreeSlotPicker');
    const onPick = vi.fn();
    render(<FreeSlotPicker doctorId={1} from={TODAY} picked={{ date: TODAY, startTime: '09:15' }} onPick={onPick} />, { wrapper });
    const slots = await screen.findAllByRole('radio');
    expect(slots).toHaveLength(4);
    expect((slots[1] as HTMLInputElement).checked).toBe(true);
    fireEvent.click(slots[2]!);
    expect(onPick).toHaveBeenCalledWith(expect.objectContaining({ date: TODAY, startTime: '09:30:00', endTime: '09:45:00' }));
  });

  it('says why when the free times cannot be had, and that there are none when there are none', async () => {
    const down = await setUp({
      'appointments.freeSlots': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' } }),
    });
    const { FreeSlotPicker } = await import('../../renderer/features/booking/FreeSlotPicker');
    render(<FreeSlotPicker doctorId={1} from={TODAY} picked={{ date: TODAY, startTime: '' }} onPick={() => undefined} />, { wrapper: down.wrapper });
    expect(await screen.findByText('The clinic database cannot be reached.')).toBeTruthy();
    cleanup();
    const none = await setUp({ 'appointments.freeSlots': () => ({ ok: true, value: [] }) });
    const again = await import('../../renderer/features/booking/FreeSlotPicker');
    render(<again.FreeSlotPicker doctorId={1} from={TODAY} picked={{ date: TODAY, startTime: '' }} onPick={() => undefined} />, { wrapper: none.wrapper });
    expect(await screen.findByText('No free time in the next 30 days.')).toBeTruthy();
  });
});

describe('an appointment’s dialog parts', () => {
  const booked = () =>
    scheduledAppointment({
      id: 7,
      patientId: 1,
      patientName: 'Asha Verma',
      patientPhone: '+919811000001',
      doctorId: 1,
      doctorName: 'Dr. Anil Rao',
      date: TODAY,
      startTime: '09:00:00',
      endTime: '09:15:00',
      reason: 'Fever',
    });

  it('checks in as a mutation: the reply replaces the appointment in the cached day, which is not asked again', async () => {
    const a = booked();
    const { desk, wrapper, asked } = await setUp();
    desk.state.appointments.push(a);
    const [{ AppointmentActions }, { useClinicQuery }] = await Promise.all([
      import('../../renderer/features/appointments/AppointmentActions'),
      import('../../renderer/api/query'),
    ]);
    function Day() {
      const day = useClinicQuery('appointments.list', MONDAY_1);
      return <p>{day.data?.map((x) => `${x.patientName}: ${x.checkedInAt ? `token ${x.tokenNo}` : 'expected'}`)}</p>;
    }
    const onDone = vi.fn();
    render(
      <>
        <Day />
        <AppointmentActions appointment={a} open={() => undefined} onDone={onDone} />
      </>,
      { wrapper },
    );
    expect(await screen.findByText('Asha Verma: expected')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByText('Asha Verma: token 1')).toBeTruthy();
    expect(onDone).toHaveBeenCalledOnce();
    expect(asked('appointments.checkIn')).toBe(1);
    expect(asked('appointments.list')).toBe(1);
  });

  it('offers Move, payment and Cancel on a scheduled appointment, opening the next dialog', async () => {
    const a = booked();
    const { wrapper } = await setUp();
    const { AppointmentActions } = await import('../../renderer/features/appointments/AppointmentActions');
    const open = vi.fn();
    render(<AppointmentActions appointment={a} open={open} onDone={() => undefined} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: 'Move…' }));
    expect(open).toHaveBeenLastCalledWith({ kind: 'move', appointment: a });
    fireEvent.click(screen.getByRole('button', { name: 'Cancel…' }));
    expect(open).toHaveBeenLastCalledWith({ kind: 'cancel', appointment: a });
    expect(screen.queryByRole('button', { name: 'Undo my last change' })).toBeNull();
  });

  it('lists the history, folded, and shows nothing when there is none', async () => {
    const a = booked();
    const { desk, wrapper, fake } = await setUp();
    const { AppointmentHistory } = await import('../../renderer/features/appointments/AppointmentHistory');
    const answered = vi.fn();
    const { container } = render(<AppointmentHistory appointmentId={a.id} />, { wrapper });
    void fake.api.appointments.history({ id: a.id }).then(answered);
    await waitFor(() => expect(answered).toHaveBeenCalled());
    expect(container.textContent).toBe('');
    cleanup();
    desk.state.history.push({ appointmentId: a.id, kind: 'BOOKED', fromStatus: null, toStatus: 'SCHEDULED', at: new Date().toISOString() });
    desk.state.history.push({ appointmentId: a.id, kind: 'CHECKED_IN', fromStatus: 'SCHEDULED', toStatus: 'SCHEDULED', at: new Date().toISOString() });
    render(<AppointmentHistory appointmentId={a.id} />, { wrapper });
    expect(await screen.findByText('History (2)')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: 'History' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([expect.stringMatching(/ · booked → scheduled/), expect.stringMatching(/ · checked in/)]);
  });

  it('states the facts, leaving out what was not given', async () => {
    const { wrapper } = await setUp();
    const { AppointmentFacts } = await import('../../renderer/features/appointments/AppointmentFacts');
    render(<AppointmentFacts appointment={{ ...booked(), reason: null, status: 'NO_SHOW' }} />, { wrapper });
    expect(screen.getByText('Did not come')).toBeTruthy();
    expect(screen.getByText('+919811000001')).toBeTruthy();
    expect(screen.queryByText('Reason')).toBeNull();
  });
});

describe('the patient record', () => {
  it('books through the frame’s booking dialog, with the patient chosen', async () => {
    const { desk, wrapper } = await setUp();
    const [{ PatientProfile }, { useGlobalDialog }] = await Promise.all([
      import('../../renderer/features/patients'),
      import('../../renderer/stores/global-dialogs'),
    ]);
    render(<PatientProfile patientId={1} />, { wrapper });
    fireEvent.click(await screen.findByRole('button', { name: 'Book appointment…' }));
    expect(useGlobalDialog.getState().open).toMatchObject({ id: 'book', payload: { patient: { id: 1, name: desk.state.patients[0]!.name } } });
  });
});

describe('the schedule’s columns', () => {
  it('one per doctor on a day, each with its own appointments; cancelled ones only when asked for', async () => {
    vi.resetModules();
    const { useScheduleColumns } = await import('../../renderer/features/schedule/useScheduleColumns');
    const doctor = (id: number, name: string) => ({ id, name }) as Parameters<typeof useScheduleColumns>[0]['shownDoctors'][number];
    const a = (id: number, doctorId: number, status: 'SCHEDULED' | 'CANCELLED') => ({
      ...scheduledAppointment({
        id,
        patientId: 1,
        patientName: `P${id}`,
        patientPhone: null,
        doctorId,
        doctorName: '',
        date: TODAY,
        startTime: '09:00:00',
        endTime: '09:15:00',
        reason: null,
      }),
      status,
    });
    const appointments = [a(1, 1, 'SCHEDULED'), a(2, 1, 'CANCELLED'), a(3, 2, 'SCHEDULED')];
    const base = {
      view: 'day' as const,
      days: [TODAY],
      shownDoctors: [doctor(1, 'Dr. A'), doctor(2, 'Dr. B')],
      appointments,
      windows: [],
      closedDays: new Map<string, string>(),
      language: 'en',
    };
    const { result, rerender } = renderHook((showCancelled: boolean) => useScheduleColumns({ ...base, showCancelled }), { initialProps: false });
    expect(result.current.map((c) => [c.label, c.appointments.map((x) => x.id)])).toEqual([
      ['Dr. A', [1]],
      ['Dr. B', [3]],
    ]);
    const first = result.current;
    rerender(false);
    expect(result.current).toBe(first);
    act(() => rerender(true));
    expect(result.current[0]!.appointments.map((x) => x.id)).toEqual([1, 2]);
  });
});
