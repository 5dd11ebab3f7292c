import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentDto } from '../../preload/contract';
import { blockKeys } from '../../renderer/features/schedule/block-keys';
import { bandsOf, lanesOf } from '../../renderer/features/schedule/grid';
import { fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';

// jsdom lays nothing out: give lists a real size so virtualised rows render, and hit-testing nothing.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];

beforeEach(() => {
  window.print = vi.fn() as unknown as typeof window.print;
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name });
const TOMORROW = new Date(Date.parse(`${TODAY}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** The clinic's clock (the fake clinic is in UTC) at a fixed time today; timers stay real. */
const clockAt = (time: string) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${TODAY}T${time}Z`));
};

describe('patients: duplicates and phone numbers as main answers them', () => {
  async function newPatientForm() {
    const desk = fakeDesk();
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Patients' }));
    fireEvent.click(await screen.findByRole('button', { name: 'New patient…' }));
    return { desk, form: await screen.findByRole('form', { name: 'New patient' }) };
  }

  it('warns of the patient with the same phone, typed without its country code and with the names swapped, no birth date', async () => {
    const { desk, form } = await newPatientForm();
    fireEvent.change(within(form).getByLabelText('Full name'), { target: { value: 'Verma Asha' } });
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '98110 00001' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register patient' }));
    expect(await within(form).findByText('This may be a patient you already have')).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Use Asha Verma' })).toBeTruthy();
    expect(desk.state.patients).toHaveLength(2);
  });

  it('says at the phone field that a number is none of the clinic’s country, and hints what it reads', async () => {
    const { desk, form } = await newPatientForm();
    expect(within(form).getByText(/Without a country code, a number in India/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Full name'), { target: { value: 'Typo Patient' } });
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '12345' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register patient' }));
    expect(await within(form).findByText(/^12345 is not a valid phone number in India/)).toBeTruthy();
    expect(within(form).getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '98450 11224' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register patient' }));
    await waitFor(() => expect(desk.state.patients.at(-1)).toMatchObject({ name: 'Typo Patient', phone: '+919845011224' }));
  });
});

describe('payments: never more than is due without saying it is an advance', () => {
  async function payFor(desk: ReturnType<typeof fakeDesk>) {
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment from Asha Verma' }));
    return dialog('Payment — Asha Verma');
  }

  it('refuses an amount above what is due at the amount field, before sending anything', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    const box = await payFor(desk);
    await waitFor(() => expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('500.00'));
    fireEvent.change(within(box).getByLabelText('Amount'), { target: { value: '600' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    expect(await within(box).findByText('Only ₹500.00 is due for this visit. To take more, mark it as an advance and say why.')).toBeTruthy();
    expect(within(box).getByLabelText('Amount').getAttribute('aria-invalid')).toBe('true');
    expect(desk.state.payments).toHaveLength(0);
  });

  it('offers no charge on a paid visit; an advance needs its reason', async () => {
    const desk = fakeDesk();
    const a = desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    desk.handlers['payments.record']!({ appointmentId: a.id, method: 'CASH' });
    const box = await payFor(desk);
    expect(await within(box).findByText('Nothing is due for this visit: it is paid.')).toBeTruthy();
    expect(within(box).queryByRole('button', { name: 'Take payment' })).toBeNull();
    expect(within(box).queryByLabelText('Amount')).toBeNull();
    fireEvent.click(within(box).getByLabelText('Take more than is due, as an advance'));
    fireEvent.change(within(box).getByLabelText('Amount'), { target: { value: '100' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Take advance' }));
    expect(await within(box).findByText('Say why the money is taken in advance')).toBeTruthy();
    expect(desk.state.payments).toHaveLength(1);
    fireEvent.change(within(box).getByLabelText('Why an advance'), { target: { value: 'Dressings next week' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Take advance' }));
    expect(await within(box).findByText(/Received ₹100\.00 — receipt CD-2026-000002/)).toBeTruthy();
    expect(desk.state.payments[1]).toMatchObject({ advance: true, note: 'Dressings next week', amount: '100.00' });
  });

  it('after a pending UPI payment, points to confirming it and does not invite a second charge', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    let box = await payFor(desk);
    await waitFor(() => expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('500.00'));
    fireEvent.change(within(box).getByLabelText('Method'), { target: { value: 'UPI' } });
    fireEvent.change(within(box).getByLabelText('UPI transaction id (UTR)'), { target: { value: '412345678901' } });
    fireEvent.click(within(box).getByLabelText('Not received yet (confirm when the credit shows)'));
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    expect(await within(box).findByText(/as pending/)).toBeTruthy();
    expect(within(box).queryByRole('button', { name: 'Print receipt' })).toBeNull();
    fireEvent.click(within(box).getByRole('button', { name: 'Done' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Take payment from Asha Verma' }));
    box = await dialog('Payment — Asha Verma');
    expect(await within(box).findByText(/₹500\.00 by UPI is waiting for its credit/)).toBeTruthy();
    expect(within(box).queryByRole('button', { name: 'Take payment' })).toBeNull();
    fireEvent.click(within(box).getByRole('button', { name: 'Confirm ₹500.00 received' }));
    await waitFor(() => expect(desk.state.payments[0]).toMatchObject({ status: 'PAID', receiptNumber: 'CD-2026-000001' }));
    expect(desk.state.payments).toHaveLength(1);
  });
});

describe('buttons that could only fail are not offered', () => {
  it('offers check-in only for today, and "did not come" only once the time has come', async () => {
    clockAt('10:00:00');
    const desk = fakeDesk();
    desk.add(1, 1, '09:00');
    desk.add(2, 1, '11:00');
    await renderDesk(desk);
    expect(await screen.findByRole('button', { name: 'Asha Verma did not come' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check in Ravi Kumar' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ravi Kumar did not come' })).toBeNull();
  });

  it('in the appointment’s dialog: no check-in or "did not come" on another day, no undo with nothing to undo', async () => {
    clockAt('10:00:00');
    const desk = fakeDesk();
    const tomorrow = desk.add(1, 2, '09:15', { date: TOMORROW });
    const fake = await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Next day' }));
    fireEvent.click(await screen.findByRole('button', { name: '09:15–09:30 Asha Verma, Scheduled' }));
    const box = await dialog('Asha Verma — 09:15–09:30');
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'appointments.history' && (c.payload as { id: number }).id === tomorrow.id)).toBe(true));
    expect(within(box).getByRole('button', { name: 'Move…' })).toBeTruthy();
    for (const absent of ['Check in', 'Did not come', 'Undo my last change']) expect(within(box).queryByRole('button', { name: absent })).toBeNull();
  });

  it('offers undo in the dialog for the desk’s own recent change, and on today’s seen list only on the rows it changed', async () => {
    clockAt('10:00:00');
    const desk = fakeDesk();
    desk.add(1, 1, '09:00');
    desk.add(2, 2, '09:00', { status: 'COMPLETED', checkedInAt: new Date().toISOString(), tokenNo: 1 });
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Asha Verma did not come' }));
    const seen = await screen.findByRole('table', { name: 'Seen by Dr. Anil Rao' });
    expect(await within(seen).findByRole('button', { name: 'Undo for Asha Verma' })).toBeTruthy();
    // Ravi is on Dr. Khan's seen list, completed by no one at this desk.
    expect(within(screen.getByRole('table', { name: 'Seen by Dr. Sara Khan' })).getByText('Ravi Kumar')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Undo for Ravi Kumar' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    fireEvent.click(await screen.findByRole('button', { name: '09:00–09:15 Asha Verma, Did not come' }));
    const box = await dialog('Asha Verma — 09:00–09:15');
    expect(await within(box).findByRole('button', { name: 'Undo my last change' })).toBeTruthy();
    fireEvent.click(within(box).getByRole('button', { name: 'Close' }));
    // Ten minutes later the window has passed: main would refuse, so nothing is offered.
    vi.setSystemTime(new Date(`${TODAY}T10:10:01Z`));
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    fireEvent.click(screen.getAllByRole('button', { name: 'Today' })[0]!);
    await screen.findByRole('table', { name: 'Seen by Dr. Anil Rao' });
    expect(screen.queryByRole('button', { name: 'Undo for Asha Verma' })).toBeNull();
  });
});

describe('schedule: overlapping cancelled appointments and a day of leave', () => {
  const appt = (id: number, startTime: string, endTime: string, status: AppointmentDto['status']): AppointmentDto => ({
    id,
    patientId: id,
    patientName: `P${id}`,
    patientPhone: null,
    doctorId: 1,
    doctorName: 'Dr. A',
    date: TODAY,
    startTime,
    endTime,
    reason: null,
    status,
    checkedInAt: null,
    completedAt: null,
    tokenNo: null,
    isWalkIn: false,
    cancelReason: status === 'CANCELLED' ? 'Travelling' : null,
    overrideReason: null,
  });

  it('puts appointments at the same time side by side, the live one first, and leaves lone ones the full width', () => {
    const lanes = lanesOf([
      appt(1, '10:00:00', '10:15:00', 'CANCELLED'),
      appt(2, '10:00:00', '10:15:00', 'CANCELLED'),
      appt(3, '10:00:00', '10:15:00', 'SCHEDULED'),
      appt(4, '10:10:00', '10:30:00', 'CANCELLED'),
      // Overlaps only 4: the first lane is free again by then.
      appt(6, '10:15:00', '10:45:00', 'SCHEDULED'),
      appt(5, '11:00:00', '11:15:00', 'SCHEDULED'),
    ]);
    expect(Object.fromEntries(lanes)).toEqual({
      3: { lane: 0, lanes: 4 },
      1: { lane: 1, lanes: 4 },
      2: { lane: 2, lanes: 4 },
      4: { lane: 3, lanes: 4 },
      6: { lane: 0, lanes: 4 },
      5: { lane: 0, lanes: 1 },
    });
  });

  it('shades working hours less the leave: a whole day of leave shows no working hours', () => {
    const w = (id: number, startTime: string, endTime: string, kind: 'TEMPLATE' | 'LEAVE') => ({
      id,
      doctorId: 1,
      date: TODAY,
      startTime,
      endTime,
      slotMinutes: 15,
      kind,
      available: kind !== 'LEAVE',
      note: null,
    });
    expect(bandsOf([w(1, '09:00:00', '13:00:00', 'TEMPLATE'), w(2, '00:00:00', '24:00:00', 'LEAVE')]).map((b) => [b.kind, b.start, b.end])).toEqual([
      ['LEAVE', 0, 1440],
    ]);
    expect(bandsOf([w(1, '09:00:00', '13:00:00', 'TEMPLATE'), w(2, '10:00:00', '11:00:00', 'LEAVE')]).map((b) => [b.kind, b.start, b.end])).toEqual([
      ['TEMPLATE', 540, 600],
      ['TEMPLATE', 660, 780],
      ['LEAVE', 600, 660],
    ]);
  });

  it('draws the day at the minutes per row the desk chose, and this PC keeps the choice', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '10:00');
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    const visit = async () => screen.findByRole('button', { name: '10:00–10:15 Asha Verma, Scheduled' });
    // A row is one line tall, whatever minutes it holds: 15 by default, a 15-minute visit one row.
    expect((await visit()).style.height).toBe('24px');
    fireEvent.change(screen.getByLabelText('Minutes per row'), { target: { value: '5' } });
    await waitFor(async () => expect((await visit()).style.height).toBe('72px'));
    cleanup();

    await renderDesk(fakeDesk());
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    expect((screen.getByLabelText('Minutes per row') as HTMLSelectElement).value).toBe('5');
    fireEvent.change(screen.getByLabelText('Minutes per row'), { target: { value: '30' } });
    expect((screen.getByLabelText('Minutes per row') as HTMLSelectElement).value).toBe('30');
    expect(localStorage.getItem('clinic-desk.schedule.rowMinutes')).toBe('30');
    localStorage.removeItem('clinic-desk.schedule.rowMinutes');
  });

  it('draws two cancelled appointments at one time where each can be clicked, and a day of leave without its hours band', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '10:00', { status: 'CANCELLED', cancelReason: 'Travelling' });
    desk.add(2, 1, '10:00', { status: 'CANCELLED', cancelReason: 'Unwell' });
    desk.state.windows.push({
      id: 999,
      doctorId: 2,
      date: TODAY,
      startTime: '00:00:00',
      endTime: '24:00:00',
      slotMinutes: 15,
      kind: 'LEAVE',
      available: false,
      note: 'Conference',
    });
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    fireEvent.click(await screen.findByLabelText(/^Show cancelled/));
    const first = await screen.findByRole('button', { name: '10:00–10:15 Asha Verma, Cancelled' });
    const second = screen.getByRole('button', { name: '10:00–10:15 Ravi Kumar, Cancelled' });
    expect([first.style.left, second.style.left]).toEqual(['calc(0% + 2px)', 'calc(50% + 2px)']);
    expect(first.style.width).toBe('calc(50% - 4px)');
    const onLeave = screen.getByRole('region', { name: 'Dr. Sara Khan' });
    expect([...onLeave.querySelectorAll('.window')].map((e) => e.getAttribute('data-kind'))).toEqual(['LEAVE']);
    const working = screen.getByRole('region', { name: 'Dr. Anil Rao' });
    expect([...working.querySelectorAll('.window')].map((e) => e.getAttribute('data-kind'))).toEqual(['TEMPLATE']);
  });
});

describe('schedule: which element each block is drawn in', () => {
  const keysOf = (k: ReturnType<typeof blockKeys>) => Object.fromEntries(k.byId);
  it('an appointment keeps its key while its column is drawn; a newcomer gets one never given out there', () => {
    const first = blockKeys(undefined, '1|2099-01-05', [10, 11, 12]);
    expect(keysOf(first)).toEqual({ 10: 0, 11: 1, 12: 2 });
    // 10 gone, 13 arrived before the others: the rest keep theirs, 13 takes neither 10's nor theirs.
    const next = blockKeys(first, '1|2099-01-05', [13, 11, 12]);
    expect(keysOf(next)).toEqual({ 13: 3, 11: 1, 12: 2 });
  });
  it('another column in the same place takes over the keys in order, and new ones past them', () => {
    const monday = blockKeys(blockKeys(undefined, '1|2099-01-05', [10, 11]), '1|2099-01-05', [12, 11]);
    const tuesday = blockKeys(monday, '1|2099-01-06', [20, 21, 22, 23]);
    expect(keysOf(tuesday)).toEqual({ 20: 2, 21: 1, 22: 3, 23: 4 });
    expect(keysOf(blockKeys(tuesday, '2|2099-01-06', [30]))).toEqual({ 30: 2 });
  });
});
