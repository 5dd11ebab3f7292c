import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentDto, Req } from '../../preload/contract';
import type { ReactNode } from 'react';
import { ClinicProvider } from '../../renderer/api/context';
import { AppointmentFacts } from '../../renderer/features/appointments/AppointmentFacts';
import { CancelDialog } from '../../renderer/features/appointments/CancelDialog';
import { MoveDialog } from '../../renderer/features/appointments/MoveDialog';
import { BookingDialog } from '../../renderer/features/booking';
import { useToasts } from '../../renderer/ui/toasts';
import { fakeClinic, serveClinic, type FakeHandlers } from './fake-clinic';
import { appointmentType, fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';

// Issue 20 at the desk: the booking dialog's appointment type and "Repeat", and a change to an
// appointment of a series asked for this one, the following ones or all.

afterEach(() => cleanup());

const ok = <T,>(value: T) => ({ ok: true as const, value });

const type = (id: number, name: string, minutes: number, fee: string, isDefault: boolean) =>
  appointmentType({
    id,
    name,
    durationMinutes: minutes,
    fee,
    colour: '#d94a4a',
    bufferAfterMinutes: 5,
    doctors: [{ doctorId: 1, fee: null, durationMinutes: null, isDefault }],
  });

async function setUp(overrides: FakeHandlers = {}) {
  const desk = fakeDesk();
  desk.state.types.push(type(7, 'Review', 15, '300.00', false), type(8, 'Consultation', 30, '600.00', true));
  const fake = fakeClinic({ ...desk.handlers, ...overrides });
  serveClinic(fake.api);
  const wrapper = ({ children }: { children: ReactNode }) => <ClinicProvider api={fake.api}>{children}</ClinicProvider>;
  const sent = <C extends keyof FakeHandlers>(channel: C) => fake.calls.filter((c) => c.channel === channel).map((c) => c.payload as Req<C & string>);
  return { desk, fake, wrapper, sent };
}

async function openBooking(overrides: FakeHandlers = {}) {
  const ctx = await setUp(overrides);
  const onClose = vi.fn();
  const patient = ctx.desk.state.patients[0]!;
  render(<BookingDialog draft={{ patient, doctorId: 1, date: '2099-03-02', startTime: '10:00' }} onClose={onClose} />, { wrapper: ctx.wrapper });
  const box = await screen.findByRole('dialog', { name: 'Book an appointment' });
  return { ...ctx, box, onClose };
}

const occurrence = (
  date: string,
  problem?: { kind: 'CLASH'; message: string; phrase: { text: string } },
  suggestion?: { date: string; startTime: string; endTime: string },
) => ({
  date,
  startTime: '10:00:00',
  endTime: '10:30:00',
  problem: problem ?? null,
  suggestion: suggestion ?? null,
});

const CLASH_WORDS = 'Dr. Anil Rao already has an appointment 10:00–10:15 on 2099-03-09 (Ravi Kumar)';
const CLASH = { kind: 'CLASH' as const, message: CLASH_WORDS, phrase: { text: CLASH_WORDS } };
const PREVIEW = [
  occurrence('2099-03-02'),
  occurrence('2099-03-09', CLASH, { date: '2099-03-09', startTime: '10:15:00', endTime: '10:45:00' }),
  occurrence('2099-03-16'),
];

function seriesOf(dates: string[], seriesId = 40): AppointmentDto[] {
  return dates.map((date, i) => ({
    id: 500 + i,
    patientId: 1,
    patientName: 'Asha Verma',
    patientPhone: null,
    doctorId: 1,
    doctorName: 'Dr. Anil Rao',
    date,
    startTime: '10:00:00',
    endTime: '10:30:00',
    status: 'SCHEDULED',
    reason: null,
    checkedInAt: null,
    completedAt: null,
    tokenNo: null,
    isWalkIn: false,
    cancelReason: null,
    overrideReason: null,
    seriesId,
  }));
}

describe('appointment type in the booking dialog', () => {
  it('starts on the doctor’s default type, shows its length and fee, asks free times of it and books it without an end time', async () => {
    const { box, sent, desk, onClose } = await openBooking();
    const picker = (await within(box).findByLabelText('Appointment type')) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe('8'));
    expect(within(box).getByLabelText('Type facts').textContent).toContain('30 min · ₹600.00');
    // A type sets the length: no end time is asked, the hint says when it ends.
    expect(within(box).queryByLabelText('End time')).toBeNull();
    expect(within(box).getByText('Ends 10:30')).toBeTruthy();
    await waitFor(() => expect(sent('appointments.freeSlots').at(-1)).toMatchObject({ doctorId: 1, appointmentTypeId: 8 }));

    fireEvent.change(picker, { target: { value: '7' } });
    expect(within(box).getByLabelText('Type facts').textContent).toContain('15 min · ₹300.00');
    await waitFor(() => expect(sent('appointments.freeSlots').at(-1)).toMatchObject({ appointmentTypeId: 7 }));
    fireEvent.click(within(box).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent('appointments.book')).toEqual([{ patientId: 1, doctorId: 1, date: '2099-03-02', startTime: '10:00', appointmentTypeId: 7 }]);
    expect(desk.state.appointments).toHaveLength(1);
  });

  it('with no type chosen, sends the end time as typed', async () => {
    const { box, sent, onClose } = await openBooking();
    const picker = (await within(box).findByLabelText('Appointment type')) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe('8'));
    fireEvent.change(picker, { target: { value: '' } });
    fireEvent.change(await within(box).findByLabelText('End time'), { target: { value: '10:20' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent('appointments.book')[0]).toEqual({ patientId: 1, doctorId: 1, date: '2099-03-02', startTime: '10:00', endTime: '10:20' });
  });
});

describe('Repeat in the booking dialog', () => {
  const seriesHandlers = (): FakeHandlers => ({
    'appointments.previewSeries': () => ok({ occurrences: PREVIEW }),
    'appointments.bookSeries': (req) => {
      const skipped = (req.choices ?? []).filter((c) => c.action === 'skip').map((c) => c.date);
      return ok({ seriesId: 40, appointments: seriesOf(PREVIEW.map((o) => o.date).filter((d) => !skipped.includes(d))), skipped });
    },
  });

  async function repeatWeekly(box: HTMLElement, count: string) {
    fireEvent.click(within(box).getByLabelText('Repeat'));
    fireEvent.change(within(box).getByLabelText('Every'), { target: { value: '1' } });
    fireEvent.click(within(box).getByLabelText('Mon'));
    fireEvent.change(within(box).getByLabelText('How many appointments'), { target: { value: count } });
  }

  it('previews the series, names each one that cannot be booked, and books it with the desk’s choice as one', async () => {
    const { box, sent, onClose } = await openBooking(seriesHandlers());
    await waitFor(() => expect((within(box).getByLabelText('Appointment type') as HTMLSelectElement).value).toBe('8'));
    await repeatWeekly(box, '3');
    fireEvent.click(within(box).getByRole('button', { name: 'Preview the series' }));
    const list = await within(box).findByRole('list', { name: 'Appointments of the series' });
    expect(sent('appointments.previewSeries')).toEqual([
      {
        patientId: 1,
        doctorId: 1,
        startDate: '2099-03-02',
        startTime: '10:00',
        appointmentTypeId: 8,
        recurrence: { frequency: 'WEEKLY', interval: 1, weekdays: [1], count: 3 },
      },
    ]);
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    const problem = within(list).getByRole('group', { name: new RegExp(CLASH.message.replace(/[()]/g, '.')) });
    // The next free time is the default; nothing is booked until the desk says so.
    expect((within(problem).getByLabelText(/Book .* 10:15–10:45 instead/) as HTMLInputElement).checked).toBe(true);
    expect(within(box).getByRole('button', { name: 'Book 3 appointments' })).toBeTruthy();
    fireEvent.click(within(problem).getByLabelText('Skip it'));
    fireEvent.click(within(box).getByRole('button', { name: 'Book 2 appointments' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent('appointments.bookSeries')).toHaveLength(1);
    expect(sent('appointments.bookSeries')[0]).toMatchObject({ startDate: '2099-03-02', choices: [{ date: '2099-03-09', action: 'skip' }] });
    expect(useToasts.getState().toasts.map((t) => t.text)).toContainEqual(
      expect.stringMatching(/^Booked 2 appointments for Asha Verma with Dr\. Anil Rao .*; 1 skipped$/),
    );
  });

  it('takes the suggested time when the desk keeps it', async () => {
    const { box, sent, onClose } = await openBooking(seriesHandlers());
    await repeatWeekly(box, '3');
    fireEvent.click(within(box).getByRole('button', { name: 'Preview the series' }));
    fireEvent.click(await within(box).findByRole('button', { name: 'Book 3 appointments' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent('appointments.bookSeries')[0]!.choices).toEqual([{ date: '2099-03-09', action: 'alternative', toDate: '2099-03-09', toStartTime: '10:15:00' }]);
  });

  it('a change after the preview asks for a new preview before anything is booked', async () => {
    const { box, sent } = await openBooking(seriesHandlers());
    await repeatWeekly(box, '3');
    fireEvent.click(within(box).getByRole('button', { name: 'Preview the series' }));
    await within(box).findByRole('button', { name: 'Book 3 appointments' });
    fireEvent.change(within(box).getByLabelText('How many appointments'), { target: { value: '4' } });
    expect(within(box).queryByRole('list', { name: 'Appointments of the series' })).toBeNull();
    fireEvent.click(within(box).getByRole('button', { name: 'Preview the series' }));
    await waitFor(() => expect(sent('appointments.previewSeries')).toHaveLength(2));
    expect(sent('appointments.previewSeries')[1]!.recurrence).toMatchObject({ count: 4 });
    expect(sent('appointments.bookSeries')).toHaveLength(0);
  });

  it('refuses more than the contract allows at its box, in the contract’s words, and sends nothing', async () => {
    const { box, sent } = await openBooking(seriesHandlers());
    await repeatWeekly(box, '60');
    fireEvent.click(within(box).getByRole('button', { name: 'Preview the series' }));
    expect(await within(box).findByText('At most 52 appointments in a series')).toBeTruthy();
    expect(within(box).getByLabelText('How many appointments').getAttribute('aria-invalid')).toBe('true');
    fireEvent.click(within(box).getByLabelText('Until a date'));
    fireEvent.change(within(box).getByLabelText('Last day'), { target: { value: '2099-03-01' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Preview the series' }));
    expect(await within(box).findByText('The end date must not be before the start date')).toBeTruthy();
    expect(sent('appointments.previewSeries')).toHaveLength(0);
  });

  it('shows main’s refusal of the series for the whole form and keeps the preview', async () => {
    const refusal = '2099-03-09: The time is taken. Choose another time for it, or skip it.';
    const { box, onClose } = await openBooking({
      ...seriesHandlers(),
      'appointments.bookSeries': () => ({ ok: false, error: { code: 'CONFLICT', message: refusal, field: 'choices' } }),
    });
    await repeatWeekly(box, '3');
    fireEvent.click(within(box).getByRole('button', { name: 'Preview the series' }));
    fireEvent.click(await within(box).findByRole('button', { name: 'Book 3 appointments' }));
    expect(await within(box).findByText(refusal)).toBeTruthy();
    expect(within(box).getByRole('list', { name: 'Appointments of the series' })).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});

describe('a change to an appointment of a series', () => {
  const [first, second] = seriesOf(['2099-03-02', '2099-03-09']);

  it('cancelling asks this one, the following ones or all, and cancels the chosen scope', async () => {
    const { wrapper, sent } = await setUp({
      'appointments.cancelSeries': ({ reason }) =>
        ok({ seriesId: 40, appointments: [first!, second!].map((a) => ({ ...a, status: 'CANCELLED' as const, cancelReason: reason })) }),
    });
    const onClose = vi.fn();
    render(<CancelDialog appointment={first!} onClose={onClose} />, { wrapper });
    const box = await screen.findByRole('dialog');
    expect((within(box).getByLabelText('This appointment') as HTMLInputElement).checked).toBe(true);
    fireEvent.click(within(box).getByLabelText('All of the series'));
    fireEvent.change(within(box).getByLabelText('Reason for cancelling'), { target: { value: 'Moved to another city' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Cancel appointment' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent('appointments.cancelSeries')).toEqual([{ id: first!.id, scope: 'all', reason: 'Moved to another city' }]);
    expect(sent('appointments.cancel')).toHaveLength(0);
  });

  it('moving this and the following ones shifts them by the days this one moves, to the new time', async () => {
    const { wrapper, sent } = await setUp({ 'appointments.moveSeries': () => ok({ seriesId: 40, appointments: [first!, second!] }) });
    const onClose = vi.fn();
    render(<MoveDialog appointment={first!} onClose={onClose} />, { wrapper });
    const box = await screen.findByRole('dialog');
    fireEvent.click(within(box).getByLabelText('This and the following ones'));
    fireEvent.change(within(box).getByLabelText('Date'), { target: { value: '2099-03-04' } });
    fireEvent.change(within(box).getByLabelText('Start time'), { target: { value: '11:00' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Move' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(sent('appointments.moveSeries')).toEqual([{ id: first!.id, scope: 'following', startTime: '11:00', shiftDays: 2 }]);
    expect(sent('appointments.reschedule')).toHaveLength(0);
  });

  it('an appointment outside any series is cancelled on its own, without the question', async () => {
    const { desk, wrapper, sent } = await setUp();
    const single = desk.add(1, 1, '09:00', { date: TODAY });
    render(<CancelDialog appointment={single} onClose={() => undefined} />, { wrapper });
    const box = await screen.findByRole('dialog');
    expect(within(box).queryByLabelText('All of the series')).toBeNull();
    fireEvent.change(within(box).getByLabelText('Reason for cancelling'), { target: { value: 'Feeling better' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Cancel appointment' }));
    await waitFor(() => expect(sent('appointments.cancel')).toHaveLength(1));
    expect(sent('appointments.cancelSeries')).toHaveLength(0);
  });
});

describe('a typed appointment of a series', () => {
  it('names its type and its series in its facts', async () => {
    const { wrapper } = await setUp();
    const [a] = seriesOf(['2099-03-02']);
    render(<AppointmentFacts appointment={{ ...a!, appointmentTypeName: 'Consultation', colour: '#d94a4a' }} />, { wrapper });
    expect(screen.getByText('Type').nextElementSibling!.textContent).toBe('Consultation');
    expect(screen.getByText('Repeats').nextElementSibling!.textContent).toBe('One of a series');
  });
});

describe('the schedule', () => {
  it('marks a typed appointment’s block with its type’s colour', async () => {
    Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
    Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
    document.elementsFromPoint = () => [];
    const desk = fakeDesk();
    desk.add(2, 1, '10:00', { appointmentTypeId: 8, appointmentTypeName: 'Consultation', colour: '#d94a4a' });
    desk.add(1, 1, '11:00');
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    const typed = await screen.findByRole('button', { name: '10:00–10:15 Ravi Kumar, Scheduled' });
    expect(typed.style.borderLeft).toBe('4px solid rgb(217, 74, 74)');
    expect(screen.getByRole('button', { name: '11:00–11:15 Asha Verma, Scheduled' }).style.borderLeft).toBe('');
  });
});
