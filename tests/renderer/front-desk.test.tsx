import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppointmentDto, Req } from '../../preload/contract';
import { appointmentType, fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';
import { goToSection } from './fake-clinic';

/** Main's word that another PC booked or removed this appointment (its doctor and day, as main sends them). */
const changedOnAnotherPc = (fake: Awaited<ReturnType<typeof renderDesk>>, op: 'INSERT' | 'DELETE', a: AppointmentDto) =>
  act(() =>
    fake.emit('appointments.changed', {
      op,
      id: a.id,
      doctorId: a.doctorId,
      patientId: a.patientId,
      appointmentId: null,
      date: a.date,
      oldDoctorId: null,
      oldDate: null,
    }),
  );

// jsdom lays nothing out: give lists a real size so virtualised rows render, and hit-testing nothing.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];

let print: ReturnType<typeof vi.fn>;
beforeEach(() => {
  print = vi.fn();
  window.print = print as unknown as typeof window.print;
});
afterEach(() => cleanup());

const printed = () => document.querySelector('.print-area')?.textContent ?? '';
const dialog = (name: string | RegExp) => screen.findByRole('dialog', { name });
const pressAlt = (letter: string) => fireEvent.keyDown(window, { altKey: true, code: `Key${letter.toUpperCase()}`, key: letter });

async function pickPatient(box: HTMLElement, query: string, name: string) {
  fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: query } });
  await within(box).findByRole('option', { name: new RegExp(name) });
  fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
  await within(box).findByRole('group', { name: 'Patient' });
}

describe("today's queue", () => {
  it('checks an expected patient in, prints their token slip, and shows them waiting with the token', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00');
    await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    fireEvent.click(await screen.findByRole('button', { name: 'Check in Asha Verma' }));
    const waiting = await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    expect(within(waiting).getByLabelText('Token 1')).toBeTruthy();
    expect(within(waiting).getByText('Asha Verma')).toBeTruthy();
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(printed()).toContain('Sunrise Clinic');
    expect(printed()).toContain('Dr. Anil Rao');
    // Nobody is left to arrive: Dr. Rao's column has no expected list, and the board counts none.
    expect(within(screen.getByRole('region', { name: 'Today with Dr. Anil Rao' })).queryByRole('table', { name: 'Expected for Dr. Anil Rao' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Expected 0' })).toBeTruthy();
  });

  it('takes a check-in back from its toast’s Undo, and the next with Ctrl+Z — never while typing in a box', async () => {
    const desk = fakeDesk();
    const asha = desk.add(1, 1, '09:00');
    const ravi = desk.add(2, 1, '09:30');
    const fake = await renderDesk(desk);
    const undos = () => fake.calls.filter((c) => c.channel === 'appointments.undo').map((c) => c.payload);
    fireEvent.click(await screen.findByRole('button', { name: 'Check in Asha Verma' }));
    const toast = (await screen.findByText('Asha Verma checked in — token 1')).closest('.ui-toast') as HTMLElement;
    fireEvent.click(within(toast).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Undone: Asha Verma is back to “Scheduled”')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Check in Asha Verma' })).toBeTruthy();
    expect(undos()).toEqual([{ id: asha.id }]);

    fireEvent.click(screen.getByRole('button', { name: 'Check in Ravi Kumar' }));
    await screen.findByText('Ravi Kumar checked in — token 1');
    // In a text box Ctrl+Z is the box's own undo.
    const search = document.createElement('input');
    document.body.append(search);
    fireEvent.keyDown(search, { key: 'z', ctrlKey: true });
    search.remove();
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    expect(await screen.findByText('Undone: Ravi Kumar is back to “Scheduled”')).toBeTruthy();
    expect(undos()).toEqual([{ id: asha.id }, { id: ravi.id }]);
    // Nothing of this desk's left to take back: Ctrl+Z does nothing more.
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true });
    fireEvent.click(await screen.findByRole('button', { name: 'Check in Asha Verma' }));
    await screen.findByText('Asha Verma checked in — token 1');
    expect(undos()).toEqual([{ id: asha.id }, { id: ravi.id }]);
  });

  it('adds a walk-in from the keyboard shortcut with a token', async () => {
    const desk = fakeDesk();
    await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('w');
    const box = await dialog('Walk-in patient');
    await pickPatient(box, 'ravi', 'Ravi Kumar');
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '2' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add to today’s queue' }));
    const waiting = await screen.findByRole('list', { name: 'Waiting for Dr. Sara Khan' });
    expect(within(waiting).getByText('walk-in')).toBeTruthy();
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 1')).toBeTruthy();
  });

  it('a walk-in picks one of the doctor’s types, their default first; its length and fee follow', async () => {
    const desk = fakeDesk();
    const type = (id: number, name: string, durationMinutes: number, fee: string, isDefault: boolean) =>
      appointmentType({ id, name, durationMinutes, fee, doctors: [{ doctorId: 2, fee: null, durationMinutes: null, isDefault }] });
    desk.state.types.push(type(7, 'Follow-up', 10, '400.00', true), type(8, 'New visit', 20, '800.00', false));
    const fake = await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('w');
    const box = await dialog('Walk-in patient');
    await pickPatient(box, 'ravi', 'Ravi Kumar');
    expect(within(box).queryByLabelText('Appointment type')).toBeNull();
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '2' } });
    const picker = (await within(box).findByLabelText('Appointment type')) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe('7'));
    expect(within(box).getByLabelText('Type facts').textContent).toMatch(/10 min · .*400/);
    fireEvent.change(picker, { target: { value: '8' } });
    expect(within(box).getByLabelText('Type facts').textContent).toMatch(/20 min · .*800/);
    fireEvent.click(within(box).getByRole('button', { name: 'Add to today’s queue' }));
    expect(await screen.findByText('Ravi Kumar added for Dr. Sara Khan — token 1')).toBeTruthy();
    const sent = fake.calls.filter((c) => c.channel === 'appointments.walkIn').map((c) => c.payload as Req<'appointments.walkIn'>);
    expect(sent).toEqual([{ patientId: 2, doctorId: 2, appointmentTypeId: 8 }]);
    expect(desk.state.appointments).toMatchObject([
      { patientId: 2, startTime: '12:45:00', endTime: '13:05:00', appointmentTypeName: 'New visit', fee: '800.00' },
    ]);
  });

  it('shows why when the database cannot be reached', async () => {
    const desk = fakeDesk();
    await renderDesk(desk, {
      'appointments.queue': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached. Retrying…' } }),
    });
    expect(await screen.findByText('The clinic database cannot be reached. Retrying…')).toBeTruthy();
  });
});

describe('booking dialog', () => {
  it('books the next free slot with the chosen doctor', async () => {
    const desk = fakeDesk();
    await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('n');
    const box = await dialog('Book an appointment');
    await pickPatient(box, 'asha', 'Asha Verma');
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '1' } });
    const slots = await within(box).findAllByRole('radio');
    fireEvent.click(slots[0]!);
    expect((within(box).getByLabelText('Start time') as HTMLInputElement).value).toBe('09:00');
    fireEvent.click(within(box).getByRole('button', { name: 'Book' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.state.appointments).toMatchObject([{ patientName: 'Asha Verma', doctorId: 1, date: TODAY, startTime: '09:00:00', status: 'SCHEDULED' }]);
    expect(await screen.findByText(/^Booked Asha Verma with Dr\. Anil Rao/)).toBeTruthy();
  });

  it('names the clash on a conflict and keeps everything typed', async () => {
    const desk = fakeDesk();
    desk.add(2, 1, '10:00');
    await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('n');
    const box = await dialog('Book an appointment');
    await pickPatient(box, 'asha', 'Asha Verma');
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '1' } });
    fireEvent.change(within(box).getByLabelText('Start time'), { target: { value: '10:05' } });
    fireEvent.change(within(box).getByLabelText('Reason for the visit'), { target: { value: 'Fever since Monday' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Book' }));
    expect(await within(box).findByText(`Dr. Anil Rao already has an appointment 10:00–10:15 on ${TODAY} (Ravi Kumar)`)).toBeTruthy();
    expect((within(box).getByLabelText('Reason for the visit') as HTMLTextAreaElement).value).toBe('Fever since Monday');
    expect(desk.state.appointments).toHaveLength(1);
  });

  it('registers a new patient inline: field errors, then the duplicate warning, then a new record', async () => {
    const desk = fakeDesk();
    await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('n');
    const box = await dialog('Book an appointment');
    fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'Asha Verma' } });
    fireEvent.click(within(box).getByRole('button', { name: 'New patient…' }));
    const form = within(box).getByRole('form', { name: 'New patient' });
    expect((within(form).getByLabelText('Full name') as HTMLInputElement).value).toBe('Asha Verma');
    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: 'call me' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register patient' }));
    expect(await within(form).findByText('A phone number may contain only digits, spaces, +, -, ( and )')).toBeTruthy();
    expect(within(form).getByLabelText('Phone').getAttribute('aria-invalid')).toBe('true');

    fireEvent.change(within(form).getByLabelText('Phone'), { target: { value: '+91 98110 00077' } });
    fireEvent.change(within(form).getByLabelText('Date of birth'), { target: { value: '1990-04-12' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Register patient' }));
    expect(await within(form).findByText('This may be a patient you already have')).toBeTruthy();
    expect(desk.state.patients).toHaveLength(2);
    fireEvent.click(within(form).getByRole('button', { name: 'It is a different person: register anyway' }));
    const picked = await within(box).findByRole('group', { name: 'Patient' });
    expect(desk.state.patients).toHaveLength(3);
    expect(picked.textContent).toContain(`Asha Verma · #${desk.state.patients[2]!.id} · born 12 Apr 1990`);
  });
});

describe('payments', () => {
  it('takes payment with the fee as default, insists on the card reference, prints the receipt, and the day end shows it', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00', { status: 'COMPLETED', checkedInAt: new Date().toISOString(), completedAt: new Date().toISOString(), tokenNo: 1 });
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment from Asha Verma' }));
    const box = await dialog('Payment — Asha Verma');
    await waitFor(() => expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('500.00'));
    fireEvent.change(within(box).getByLabelText('Method'), { target: { value: 'CARD' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    expect(await within(box).findByText('Enter the card approval code or the UPI transaction id')).toBeTruthy();
    expect(desk.state.payments).toHaveLength(0);
    fireEvent.change(within(box).getByLabelText('Card approval code'), { target: { value: 'A1B2C3' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    expect(await within(box).findByText('Received ₹500.00 — receipt CD-2026-000001.')).toBeTruthy();
    fireEvent.click(within(box).getByRole('button', { name: 'Print receipt' }));
    await waitFor(() => expect(print).toHaveBeenCalledOnce());
    expect(printed()).toContain('Receipt CD-2026-000001');
    expect(printed()).toContain('Card (A1B2C3)');
    expect(printed()).toContain('₹500.00');
    fireEvent.click(within(box).getByRole('button', { name: 'Done' }));

    fireEvent.click(screen.getByRole('button', { name: 'Payments' }));
    const entries = await screen.findByRole('table', { name: 'Entries' });
    expect(within(entries).getByText('CD-2026-000001')).toBeTruthy();
  });

  it('shows a refusal from main and keeps the form', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    await renderDesk(desk, { 'payments.record': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role may not take payments' } }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment from Asha Verma' }));
    const box = await dialog('Payment — Asha Verma');
    await waitFor(() => expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('500.00'));
    fireEvent.change(within(box).getByLabelText('Amount'), { target: { value: '250' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Take payment' }));
    expect(await within(box).findByText('Your role may not take payments')).toBeTruthy();
    expect((within(box).getByLabelText('Amount') as HTMLInputElement).value).toBe('250');
  });
});

describe('schedule', () => {
  async function openSchedule() {
    const desk = fakeDesk();
    const fake = await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    await screen.findByRole('region', { name: 'Dr. Sara Khan' });
    return { desk, fake };
  }

  it('has the next day fetched before "Next day" is pressed, and shows it without asking again', async () => {
    const { desk, fake } = await openSchedule();
    const tomorrow = new Date(Date.parse(`${TODAY}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    await desk.handlers['appointments.book']!({ patientId: 2, doctorId: 1, date: tomorrow, startTime: '10:00' });
    const asked = () => fake.calls.filter((c) => c.channel === 'appointments.list' && (c.payload as { from: string }).from === tomorrow).length;
    await waitFor(() => expect(asked()).toBe(1));
    fireEvent.click(screen.getByRole('button', { name: 'Next day' }));
    expect(await screen.findByRole('button', { name: '10:00–10:15 Ravi Kumar, Scheduled' })).toBeTruthy();
    expect(asked()).toBe(1);
  });

  it('keeps each block in its element through a refetch; the next day reuses the elements, and focus leaves a block that changed hands', async () => {
    const tomorrow = new Date(Date.parse(`${TODAY}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const desk = fakeDesk();
    desk.add(2, 1, '11:00', { date: tomorrow });
    const nine = desk.add(1, 1, '09:00');
    desk.add(2, 1, '10:00');
    const fake = await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    // The next day fetched ahead, as the schedule does once the desk looks at a day.
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'appointments.list' && (c.payload as { from: string }).from === tomorrow)).toBe(true));
    const ten = await screen.findByRole('button', { name: '10:00–10:15 Ravi Kumar, Scheduled' });
    expect(screen.getByRole('button', { name: '09:00–09:15 Asha Verma, Scheduled' })).not.toBe(ten);
    // Another PC moves the 09:00 away: the 10:00, first of the day now, is still the element it was.
    desk.state.appointments.splice(desk.state.appointments.indexOf(nine), 1);
    changedOnAnotherPc(fake, 'DELETE', nine);
    await waitFor(() => expect(screen.queryByRole('button', { name: '09:00–09:15 Asha Verma, Scheduled' })).toBeNull());
    expect(screen.getByRole('button', { name: '10:00–10:15 Ravi Kumar, Scheduled' })).toBe(ten);
    act(() => ten.focus());
    fireEvent.click(screen.getByRole('button', { name: 'Next day' }));
    // The next day's block is drawn in the element of the block it replaces, which had focus:
    // focus leaves it rather than stay on an appointment nobody chose.
    expect(await screen.findByRole('button', { name: '11:00–11:15 Ravi Kumar, Scheduled' })).toBe(ten);
    expect(document.activeElement).not.toBe(ten);
  });

  it('shows a column per doctor; a click on free time opens the booking at that time', async () => {
    await openSchedule();
    const column = screen.getByRole('region', { name: 'Dr. Anil Rao' });
    // 08:00 is the top of the grid; 96 px at 1.6 px a minute is 09:00.
    fireEvent.pointerDown(column, { button: 0, clientY: 96 });
    fireEvent.pointerUp(column);
    const box = await dialog('Book an appointment');
    expect((within(box).getByLabelText('Start time') as HTMLInputElement).value).toBe('09:00');
    expect((within(box).getByLabelText('Doctor') as HTMLSelectElement).value).toBe('1');
  });

  it('shows a booking made on another PC without reloading, and moves it by dragging after confirmation', async () => {
    const { desk, fake } = await openSchedule();
    const a = desk.add(2, 1, '10:00');
    changedOnAnotherPc(fake, 'INSERT', a);
    const block = await screen.findByRole('button', { name: '10:00–10:15 Ravi Kumar, Scheduled' });
    fireEvent.pointerDown(block, { button: 0, clientY: 200 });
    fireEvent.pointerMove(block, { clientY: 248 });
    fireEvent.pointerUp(block);
    const box = await dialog('Move Ravi Kumar’s appointment');
    expect((within(box).getByLabelText('Start time') as HTMLInputElement).value).toBe('10:30');
    expect((within(box).getByLabelText('End time') as HTMLInputElement).value).toBe('10:45');
    expect(desk.state.appointments[0]!.startTime).toBe('10:00:00');
    fireEvent.click(within(box).getByRole('button', { name: 'Move' }));
    expect(await screen.findByRole('button', { name: '10:30–10:45 Ravi Kumar, Scheduled' })).toBeTruthy();
    expect(desk.state.appointments[0]).toMatchObject({ startTime: '10:30:00', endTime: '10:45:00' });
  });

  it('resizes by dragging the lower edge, and a clash is refused with its reason', async () => {
    const { desk, fake } = await openSchedule();
    desk.add(2, 1, '10:00');
    const b = desk.add(1, 1, '10:30');
    changedOnAnotherPc(fake, 'INSERT', b);
    const block = await screen.findByRole('button', { name: '10:00–10:15 Ravi Kumar, Scheduled' });
    const edge = block.querySelector('.appt-resize')!;
    fireEvent.pointerDown(edge, { button: 0, clientY: 300 });
    fireEvent.pointerMove(edge, { clientY: 348 });
    fireEvent.pointerUp(edge);
    const box = await dialog('Move Ravi Kumar’s appointment');
    expect((within(box).getByLabelText('End time') as HTMLInputElement).value).toBe('10:45');
    fireEvent.click(within(box).getByRole('button', { name: 'Move' }));
    expect(await within(box).findByText(`Dr. Anil Rao already has an appointment 10:30–10:45 on ${TODAY} (Asha Verma)`)).toBeTruthy();
    expect(desk.state.appointments[0]).toMatchObject({ startTime: '10:00:00', endTime: '10:15:00' });
  });

  it('opens an appointment from the keyboard and checks the patient in from its dialog', async () => {
    const { desk, fake } = await openSchedule();
    const a = desk.add(1, 2, '09:15');
    changedOnAnotherPc(fake, 'INSERT', a);
    fireEvent.click(await screen.findByRole('button', { name: '09:15–09:30 Asha Verma, Scheduled' }));
    const box = await dialog('Asha Verma — 09:15–09:30');
    fireEvent.click(within(box).getByRole('button', { name: 'Check in' }));
    expect(await screen.findByRole('button', { name: '09:15–09:30 Asha Verma, Scheduled, checked in' })).toBeTruthy();
  });
});

describe('command palette and shortcuts', () => {
  it('opens a patient found by typing in the palette (Ctrl+K)', async () => {
    await renderDesk(fakeDesk());
    await screen.findByRole('heading', { name: /^Today/ });
    fireEvent.keyDown(window, { ctrlKey: true, key: 'k', code: 'KeyK' });
    const box = await dialog('Go to or do');
    fireEvent.change(within(box).getByRole('combobox', { name: 'Command or patient' }), { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Open patient Ravi Kumar/ });
    const input = within(box).getByRole('combobox', { name: 'Command or patient' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Ravi Kumar' })).toBeTruthy();
  });

  it('lists the shortcuts in a help sheet (?) and goes to a section with Alt+key', async () => {
    await renderDesk(fakeDesk());
    await screen.findByRole('heading', { name: /^Today/ });
    fireEvent.keyDown(window, { key: '?', code: 'Slash', shiftKey: true });
    const help = await dialog('Keyboard shortcuts');
    const row = within(help).getByText('Book an appointment').closest('tr')!;
    expect(row.textContent).toContain('Alt+N');
    expect(
      within(help)
        .getByText(/^Take back my last step/)
        .closest('tr')!.textContent,
    ).toContain('Ctrl+Z / ⌘Z');
    fireEvent.keyDown(help, { key: 'Escape' });
    pressAlt('s');
    expect(await screen.findByRole('region', { name: 'Dr. Anil Rao' })).toBeTruthy();
  });
});

describe('more of the desk', () => {
  it('week view: one column per day for one doctor, and paging by week', async () => {
    const desk = fakeDesk();
    const fake = await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Week' }));
    fireEvent.change(screen.getByLabelText('Doctor'), { target: { value: '2' } });
    const heading = await screen.findByRole('heading', { name: /^Week of / });
    await waitFor(() => expect(screen.getAllByRole('region')).toHaveLength(7));
    const a = desk.add(1, 2, '09:30');
    changedOnAnotherPc(fake, 'INSERT', a);
    expect(await screen.findByRole('button', { name: '09:30–09:45 Asha Verma, Scheduled' })).toBeTruthy();
    const before = heading.textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Next week' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: /^Week of / }).textContent).not.toBe(before));
    expect(screen.queryByRole('button', { name: '09:30–09:45 Asha Verma, Scheduled' })).toBeNull();
  });

  it('edits a patient from the record with the message at the field', async () => {
    const desk = fakeDesk();
    await renderDesk(desk);
    await goToSection('Patients');
    fireEvent.change(screen.getByLabelText('Find a patient'), { target: { value: 'ravi' } });
    fireEvent.click(await screen.findByText('Ravi Kumar'));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit details…' }));
    const box = await dialog('Edit Ravi Kumar');
    fireEvent.change(within(box).getByLabelText('Full name'), { target: { value: '  ' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Save changes' }));
    expect(await within(box).findByText('Enter the patient’s name')).toBeTruthy();
    expect(desk.state.patients[1]!.name).toBe('Ravi Kumar');
    fireEvent.change(within(box).getByLabelText('Full name'), { target: { value: 'Ravi Kumar Sharma' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('heading', { name: 'Ravi Kumar Sharma' })).toBeTruthy();
    expect(desk.state.patients[1]!.name).toBe('Ravi Kumar Sharma');
  });

  it('an admin refunds part of a payment; more than was paid is refused at the field', async () => {
    const desk = fakeDesk('ADMIN');
    const a = desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    await desk.handlers['payments.record']!({ appointmentId: a.id, method: 'CASH' });
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment from Asha Verma' }));
    const box = await dialog('Payment — Asha Verma');
    fireEvent.click(await within(box).findByRole('button', { name: 'Refund CD-2026-000001…' }));
    const form = within(box).getByRole('form', { name: 'Refund CD-2026-000001' });
    fireEvent.change(within(form).getByLabelText('Refund amount'), { target: { value: '600' } });
    fireEvent.change(within(form).getByLabelText('Reason for the refund'), { target: { value: 'Charged twice' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Refund' }));
    expect(await within(form).findByText('At most INR 500.00 of this payment can still be refunded')).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Refund amount'), { target: { value: '200' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Refund' }));
    expect(await screen.findByText('Refunded ₹200.00: credit note CD-2026-000002')).toBeTruthy();
    expect(desk.state.payments.map((p) => p.amount)).toEqual(['500.00', '-200.00']);
  });

  it('a receptionist is not offered refunds', async () => {
    const desk = fakeDesk('RECEPTIONIST');
    const a = desk.add(1, 1, '09:00', { status: 'COMPLETED' });
    await desk.handlers['payments.record']!({ appointmentId: a.id, method: 'CASH' });
    await renderDesk(desk);
    fireEvent.click(await screen.findByRole('button', { name: 'Take payment from Asha Verma' }));
    const box = await dialog('Payment — Asha Verma');
    await within(box).findByRole('button', { name: 'Reprint CD-2026-000001' });
    expect(within(box).queryByRole('button', { name: /^Refund/ })).toBeNull();
  });

  it("shows an appointment's history in its dialog", async () => {
    const desk = fakeDesk();
    await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    await desk.handlers['appointments.book']!({ patientId: 1, doctorId: 1, date: TODAY, startTime: '11:00' });
    await desk.handlers['appointments.checkIn']!({ id: desk.state.appointments[0]!.id });
    fireEvent.click(await screen.findByRole('button', { name: 'Schedule' }));
    fireEvent.click(await screen.findByRole('button', { name: '11:00–11:15 Asha Verma, Scheduled, checked in' }));
    const box = await dialog('Asha Verma — 11:00–11:15');
    const history = await within(box).findByRole('list', { name: 'History' });
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([expect.stringContaining('booked'), expect.stringContaining('checked in')]);
  });
});

describe('a doctor', () => {
  it('opens on their own queue and their own week', async () => {
    const desk = fakeDesk('DOCTOR');
    desk.add(1, 1, '09:00', { checkedInAt: new Date().toISOString(), tokenNo: 1 });
    desk.add(2, 2, '09:00', { checkedInAt: new Date().toISOString(), tokenNo: 1 });
    await renderDesk(desk);
    expect(await screen.findByRole('list', { name: 'Waiting for Dr. Anil Rao' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Waiting for Dr. Sara Khan' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Schedule' }));
    expect(await screen.findByRole('heading', { name: /^Week of / })).toBeTruthy();
    expect((screen.getByLabelText('Doctor') as HTMLSelectElement).value).toBe('1');
  });
});

describe('backups', () => {
  it('warns an administrator on every screen while the last backup failed', async () => {
    const desk = fakeDesk('ADMIN');
    desk.state.backupFailure = 'the folder E:\\Backups is not reachable';
    await renderDesk(desk);
    expect(await screen.findByText(/^The backup of .+ failed: the folder E:\\Backups is not reachable\. There is no good backup yet\.$/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open backups' }));
    expect(await screen.findByRole('tab', { name: 'Backups', selected: true })).toBeTruthy();
  });

  it('never asks for backup status for other roles', async () => {
    const desk = fakeDesk('RECEPTIONIST');
    desk.state.backupFailure = 'the folder is not reachable';
    const fake = await renderDesk(desk);
    await screen.findByRole('heading', { name: /^Today/ });
    expect(fake.calls.some((c) => c.channel === 'backup.status')).toBe(false);
    expect(screen.queryByText(/There is no good backup yet/)).toBeNull();
  });
});

describe('when things go wrong', () => {
  it('hides the screen at once on Lock, even when main cannot be reached', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00');
    await renderDesk(desk, { 'auth.lock': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' } }) });
    await screen.findByRole('button', { name: 'Check in Asha Verma' });
    fireEvent.click(screen.getByRole('button', { name: 'Lock' }));
    expect(await screen.findByRole('heading', { name: 'Clinic Desk is locked' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check in Asha Verma' })).toBeNull();
  });

  it('shows a refusal about a field the form has no box for, instead of losing it', async () => {
    const desk = fakeDesk();
    desk.add(1, 1, '09:00');
    await renderDesk(desk, {
      'appointments.cancel': () => ({
        ok: false,
        error: { code: 'CONFLICT', field: 'id', message: 'This appointment is already completed, so it cannot be cancelled' },
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'More for Asha Verma' }));
    fireEvent.click(within(await dialog(/^Asha Verma/)).getByRole('button', { name: 'Cancel…' }));
    const box = await dialog('Cancel Asha Verma’s appointment');
    fireEvent.change(within(box).getByLabelText('Reason for cancelling'), { target: { value: 'Feeling better' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Cancel appointment' }));
    expect(await within(box).findByText('This appointment is already completed, so it cannot be cancelled')).toBeTruthy();
  });

  it('drops an appointment that another PC moved to another day from today’s list', async () => {
    const desk = fakeDesk();
    const a = desk.add(1, 1, '09:00');
    const fake = await renderDesk(desk);
    await screen.findByRole('button', { name: 'Check in Asha Verma' });
    a.date = '2099-01-05';
    act(() =>
      fake.emit('appointments.changed', {
        op: 'UPDATE',
        id: a.id,
        doctorId: 1,
        patientId: 1,
        appointmentId: null,
        date: '2099-01-05',
        oldDoctorId: 1,
        oldDate: TODAY,
      }),
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Check in Asha Verma' })).toBeNull());
  });

  it('never shows an older day’s totals for the day now chosen (a slow reply arrives last)', async () => {
    const desk = fakeDesk();
    let releaseSlow: () => void = () => undefined;
    const slow = new Promise<void>((resolve) => (releaseSlow = resolve));
    await renderDesk(desk, {
      'payments.dayEnd': async ({ date }) => {
        if (date === '2026-01-01') await slow;
        const sums = {
          currency: 'INR',
          received: date === '2026-01-01' ? '999.00' : date === '2026-01-02' ? '12.00' : '0.00',
          refunded: '0.00',
          net: '0.00',
          payments: 0,
          refunds: 0,
        };
        return { ok: true, value: { date, timeZone: 'UTC', totals: [sums], byMethod: [], byUser: [], entries: [] } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Payments' }));
    const day = await screen.findByLabelText('Day');
    fireEvent.change(day, { target: { value: '2026-01-01' } });
    fireEvent.change(day, { target: { value: '2026-01-02' } });
    await within(await screen.findByRole('table', { name: 'Totals' })).findByText('₹12.00');
    await act(async () => releaseSlow());
    expect(within(screen.getByRole('table', { name: 'Totals' })).queryByText('₹999.00')).toBeNull();
  });
});

describe('video settings', () => {
  it('shows only whether secrets are set, keeps them when left empty, and shows a bad SID at its field', async () => {
    const desk = fakeDesk('ADMIN');
    const saved: unknown[] = [];
    const stored = {
      accountSid: 'AC' + 'a'.repeat(32),
      apiKeySid: null,
      apiKeySecretSet: true,
      authTokenSet: false,
      webhookUrl: null,
      joinUrlTemplate: null,
      publicBaseUrl: null,
      joinOpensMinutes: 15,
      joinClosesMinutes: 30,
      configured: false,
      updatedAt: new Date().toISOString(),
    };
    await renderDesk(desk, {
      'video.getSettings': () => ({ ok: true, value: stored }),
      'video.updateSettings': (req) => {
        saved.push(req);
        return { ok: true, value: { ...stored, apiKeySid: req.apiKeySid ?? null, authTokenSet: true } };
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Admin' }));
    fireEvent.click(await screen.findByRole('tab', { name: 'Video' }));
    const form = await screen.findByRole('form', { name: 'Video settings' });
    await waitFor(() => expect((within(form).getByLabelText('Twilio Account SID') as HTMLInputElement).value).toBe(stored.accountSid));
    expect((within(form).getByLabelText('API Key secret') as HTMLInputElement).value).toBe('');
    expect(within(form).getByText(/Stored API Key secret: set: leave empty to keep it/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('API Key SID'), { target: { value: 'SK123' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save video settings' }));
    expect(await within(form).findByText('An API Key SID starts with SK followed by 32 hex digits')).toBeTruthy();
    expect(saved).toEqual([]);
    fireEvent.change(within(form).getByLabelText('API Key SID'), { target: { value: 'SK' + 'b'.repeat(32) } });
    fireEvent.change(within(form).getByLabelText('Auth Token'), { target: { value: 'tok' + 'c'.repeat(29) } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save video settings' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).not.toHaveProperty('apiKeySecret');
    expect(saved[0]).toMatchObject({ apiKeySid: 'SK' + 'b'.repeat(32), authToken: 'tok' + 'c'.repeat(29) });
  });
});
