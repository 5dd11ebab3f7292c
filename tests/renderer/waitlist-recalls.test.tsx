import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../preload/contract';
import { shiftDate, shortDay } from '../../renderer/lib/dates';
import type { FakeHandlers } from './fake-clinic';
import { appointmentType, fakeDesk, TODAY } from './fake-desk';
import { renderDesk } from './render-app';
import { recallsOf, waitlistOf } from './waitlist-fakes';

// The waitlist and recalls desk screens over the fake desk: adding an entry, offers of freed
// time appearing live best-first, taking one (and losing the race for one), and the recall
// lists with booking from a recall and dismissing it.

Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });
document.elementsFromPoint = () => [];

afterEach(() => cleanup());

const pressAlt = (letter: string) => fireEvent.keyDown(window, { altKey: true, code: `Key${letter.toUpperCase()}`, key: letter });
const CHANGE: ChangeEvent = { op: 'INSERT', id: null, doctorId: 1, patientId: null, appointmentId: null, date: TODAY, oldDoctorId: null, oldDate: null };

async function openWaitlist(extra: FakeHandlers = {}) {
  const desk = fakeDesk();
  const waitlist = waitlistOf(desk);
  const fake = await renderDesk(desk, { ...waitlist.handlers, ...extra });
  await screen.findByRole('heading', { name: /^Today/ });
  pressAlt('i');
  await screen.findByRole('heading', { name: 'Waitlist' });
  return { desk, waitlist, fake };
}

describe('waitlist', () => {
  it('adds a patient waiting for earlier time with a doctor, and lists them', async () => {
    const { waitlist } = await openWaitlist();
    expect(await screen.findByText('Nobody is waiting for earlier time.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add to the waitlist…' }));
    const box = await screen.findByRole('dialog', { name: 'Add to the waitlist' });
    fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'asha' } });
    await within(box).findByRole('option', { name: /Asha Verma/ });
    fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
    await within(box).findByRole('group', { name: 'Patient' });
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '1' } });
    fireEvent.change(within(box).getByLabelText('Not before'), { target: { value: '14:00' } });
    fireEvent.change(within(box).getByLabelText('Urgency'), { target: { value: 'URGENT' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add to the waitlist' }));
    const table = await screen.findByRole('table', { name: 'Waiting' });
    expect(within(table).getByText(/Asha Verma/)).toBeTruthy();
    expect(within(table).getByText('Urgent')).toBeTruthy();
    expect(waitlist.entries[0]).toMatchObject({ patientId: 1, doctorId: 1, timeFrom: '14:00', urgency: 'URGENT', toDate: shiftDate(TODAY, 14) });
  });

  it('a patient may wait for one of the doctor’s types (none chosen unless asked); the list names it', async () => {
    const desk = fakeDesk();
    desk.state.types.push(
      appointmentType({
        id: 8,
        name: 'Quick review',
        durationMinutes: 10,
        fee: '300.00',
        visitKind: 'FOLLOW_UP',
        doctors: [{ doctorId: 1, fee: null, durationMinutes: null, isDefault: true }],
      }),
    );
    const waitlist = waitlistOf(desk);
    await renderDesk(desk, waitlist.handlers);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('i');
    fireEvent.click(await screen.findByRole('button', { name: 'Add to the waitlist…' }));
    const box = await screen.findByRole('dialog', { name: 'Add to the waitlist' });
    fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'asha' } });
    await within(box).findByRole('option', { name: /Asha Verma/ });
    fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
    await within(box).findByRole('group', { name: 'Patient' });
    expect(within(box).queryByLabelText('Appointment type')).toBeNull();
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '1' } });
    const picker = (await within(box).findByLabelText('Appointment type')) as HTMLSelectElement;
    // Dr. Rao's default type is not assumed: any freed time would do until a type is chosen.
    await within(picker).findByRole('option', { name: 'Quick review' });
    expect(picker.value).toBe('');
    fireEvent.change(picker, { target: { value: '8' } });
    expect(within(box).getByLabelText('Type facts').textContent).toMatch(/10 min/);
    fireEvent.click(within(box).getByRole('button', { name: 'Add to the waitlist' }));
    const table = await screen.findByRole('table', { name: 'Waiting' });
    expect(await within(table).findByText('Dr. Anil Rao · Quick review')).toBeTruthy();
    expect(waitlist.entries[0]).toMatchObject({ patientId: 1, doctorId: 1, appointmentTypeId: 8 });
  });

  it('asks for the patient first, then refuses an entry with neither a doctor nor a specialization at the doctor box, and sends nothing', async () => {
    const { fake } = await openWaitlist();
    fireEvent.click(await screen.findByRole('button', { name: 'Add to the waitlist…' }));
    const box = await screen.findByRole('dialog', { name: 'Add to the waitlist' });
    fireEvent.click(within(box).getByRole('button', { name: 'Add to the waitlist' }));
    expect(await within(box).findByText('Choose the patient first')).toBeTruthy();
    fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Ravi Kumar/ });
    fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
    await within(box).findByRole('group', { name: 'Patient' });
    fireEvent.click(within(box).getByRole('button', { name: 'Add to the waitlist' }));
    expect(await within(box).findByText('Choose a doctor or a specialization')).toBeTruthy();
    expect(within(box).queryByText('Choose the patient first')).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'waitlist.add')).toHaveLength(0);
  });

  it('shows an offer of freed time the moment another PC makes it, the most urgent first, and books it', async () => {
    const { desk, waitlist, fake } = await openWaitlist();
    expect(await screen.findByText('No freed time to offer just now.')).toBeTruthy();
    const routine = waitlist.addEntry({ patientId: 2, urgency: 'ROUTINE' });
    const urgent = waitlist.addEntry({ patientId: 1, urgency: 'URGENT' });
    waitlist.offer(routine, '09:00:00');
    waitlist.offer(urgent, '11:00:00');
    act(() => fake.emit('waitlist.changed', CHANGE));
    const offers = await screen.findByRole('list', { name: 'Offers' });
    await waitFor(() => expect(within(offers).getAllByRole('listitem')).toHaveLength(2));
    // Asha is urgent: her later time comes first.
    expect(
      within(offers)
        .getAllByRole('listitem')
        .map((li) => li.getAttribute('aria-label')),
    ).toEqual([expect.stringMatching(/^Asha Verma, .* 11:00–11:15$/), expect.stringMatching(/^Ravi Kumar, .* 09:00–09:15$/)]);
    fireEvent.click(within(within(offers).getAllByRole('listitem')[0]!).getByRole('button', { name: 'Book it' }));
    expect(await screen.findByText(/^Booked Asha Verma with Dr\. Anil Rao, .* 11:00–11:15$/)).toBeTruthy();
    await waitFor(() => expect(within(offers).getAllByRole('listitem')).toHaveLength(1));
    expect(desk.state.appointments).toMatchObject([{ patientId: 1, doctorId: 1, startTime: '11:00:00', status: 'SCHEDULED' }]);
  });

  it('says the slot has gone when another desk took it first', async () => {
    const desk = fakeDesk();
    const waitlist = waitlistOf(desk);
    waitlist.offer(waitlist.addEntry({ patientId: 2, urgency: 'SOON' }), '09:30:00');
    desk.add(1, 1, '09:30');
    await renderDesk(desk, waitlist.handlers);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('i');
    const offers = await screen.findByRole('list', { name: 'Offers' });
    fireEvent.click(await within(offers).findByRole('button', { name: 'Book it' }));
    expect(await within(offers).findByText('This time has gone')).toBeTruthy();
    expect(desk.state.appointments.filter((a) => a.patientId === 2)).toHaveLength(0);
  });
});

describe('recalls', () => {
  async function openRecalls() {
    const desk = fakeDesk();
    const recalls = recallsOf(desk);
    const fake = await renderDesk(desk, recalls.handlers);
    await screen.findByRole('heading', { name: /^Today/ });
    pressAlt('v');
    await screen.findByRole('heading', { name: 'Recalls' });
    return { desk, recalls, fake };
  }

  it('lists overdue recalls first, and books one with the patient, doctor and today filled in', async () => {
    await openRecalls();
    const table = await screen.findByRole('table', { name: 'Overdue recalls' });
    expect(within(table).getByText(/Asha Verma/)).toBeTruthy();
    expect(within(table).queryByText(/Ravi Kumar/)).toBeNull();
    fireEvent.click(within(table).getByRole('button', { name: 'Book Asha Verma' }));
    const box = await screen.findByRole('dialog', { name: 'Book an appointment' });
    expect(within(within(box).getByRole('group', { name: 'Patient' })).getByText('Asha Verma')).toBeTruthy();
    expect((within(box).getByLabelText('Doctor') as HTMLSelectElement).value).toBe('1');
    expect((within(box).getByLabelText('Date') as HTMLInputElement).value).toBe(TODAY);
  });

  it('shows due recalls and dismisses one; the list follows at once', async () => {
    const { recalls } = await openRecalls();
    fireEvent.click(await screen.findByRole('button', { name: 'Due' }));
    const table = await screen.findByRole('table', { name: 'Due recalls' });
    expect(within(table).getByText('Review the dressing')).toBeTruthy();
    fireEvent.click(within(table).getByRole('button', { name: 'Dismiss the recall of Ravi Kumar' }));
    expect(await screen.findByText('No due recalls.')).toBeTruthy();
    expect(recalls.list.find((r) => r.patientId === 2)!.state).toBe('DISMISSED');
  });

  it('adds a recall some days ahead with a doctor; it is on the due list with its date', async () => {
    const { recalls } = await openRecalls();
    fireEvent.click(await screen.findByRole('button', { name: 'Add a recall…' }));
    const box = await screen.findByRole('dialog', { name: 'Add a recall' });
    fireEvent.click(within(box).getByRole('button', { name: 'Add the recall' }));
    expect(await within(box).findByText('Choose the patient first')).toBeTruthy();
    fireEvent.change(within(box).getByLabelText('Patient'), { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Ravi Kumar/ });
    fireEvent.keyDown(within(box).getByLabelText('Patient'), { key: 'Enter' });
    await within(box).findByRole('group', { name: 'Patient' });
    fireEvent.change(within(box).getByLabelText('Doctor'), { target: { value: '2' } });
    fireEvent.change(within(box).getByLabelText('See again in (days)'), { target: { value: '800' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add the recall' }));
    expect(await within(box).findByText('At most 730 days')).toBeTruthy();
    expect(recalls.list).toHaveLength(2);
    fireEvent.change(within(box).getByLabelText('See again in (days)'), { target: { value: '10' } });
    fireEvent.change(within(box).getByLabelText('Reason'), { target: { value: 'Check the cough' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Add the recall' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(recalls.list[2]).toMatchObject({ patientId: 2, doctorId: 2, dueDate: shiftDate(TODAY, 10), reason: 'Check the cough' });
    fireEvent.click(screen.getByRole('button', { name: 'Due' }));
    const table = await screen.findByRole('table', { name: 'Due recalls' });
    expect(within(table).getByText('Check the cough')).toBeTruthy();
  });

  it('completes a waiting patient with "see again in 3 weeks": the recall is made in the same step and is on the due list', async () => {
    window.print = () => undefined;
    const desk = fakeDesk();
    const recalls = recallsOf(desk);
    const visit = desk.add(1, 1, '09:00');
    await renderDesk(desk, recalls.handlers);
    await screen.findByRole('heading', { name: /^Today/ });
    fireEvent.click(await screen.findByRole('button', { name: 'Check in Asha Verma' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Completed, see again: Asha Verma' }));
    const box = await screen.findByRole('dialog', { name: 'Complete Asha Verma’s visit' });
    fireEvent.change(within(box).getByLabelText('See again in'), { target: { value: '0' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Complete and recall' }));
    expect(await within(box).findByText('At least 1 day')).toBeTruthy();
    expect(desk.state.appointments.find((a) => a.id === visit.id)!.status).toBe('SCHEDULED');
    fireEvent.change(within(box).getByLabelText('See again in'), { target: { value: '3' } });
    expect(within(box).getByText(`Recall due ${shortDay(shiftDate(TODAY, 21))}`)).toBeTruthy();
    fireEvent.change(within(box).getByLabelText('Reason for the recall'), { target: { value: 'Check the wound' } });
    fireEvent.click(within(box).getByRole('button', { name: 'Complete and recall' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(desk.state.appointments.find((a) => a.id === visit.id)!.status).toBe('COMPLETED');
    expect(recalls.list.at(-1)).toMatchObject({ patientId: 1, doctorId: 1, dueDate: shiftDate(TODAY, 21), reason: 'Check the wound', state: 'DUE' });
    pressAlt('v');
    fireEvent.click(await screen.findByRole('button', { name: 'Due' }));
    expect(within(await screen.findByRole('table', { name: 'Due recalls' })).getByText('Check the wound')).toBeTruthy();
  });

  it('a recall dismissed at another desk leaves this one’s list live', async () => {
    const { recalls, fake } = await openRecalls();
    const table = await screen.findByRole('table', { name: 'Overdue recalls' });
    expect(within(table).getByText(/Asha Verma/)).toBeTruthy();
    recalls.list.find((r) => r.patientId === 1)!.state = 'DISMISSED';
    act(() => fake.emit('recalls.changed', { ...CHANGE, op: 'UPDATE', patientId: 1 }));
    expect(await screen.findByText('No overdue recalls.')).toBeTruthy();
  });
});
