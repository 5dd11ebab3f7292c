import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../../preload/contract';
import { switchLanguage } from '../../renderer/i18n';
import { shiftDate, shortDay } from '../../renderer/lib/dates';
import { sessionFor, type FakeHandlers } from './fake-clinic';
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

describe('waitlist and recalls in Hindi', () => {
  afterEach(() => {
    cleanup();
    return switchLanguage('en');
  });

  const hindi = { ...sessionFor('RECEPTIONIST'), language: 'hi' as const };
  const inHindi: FakeHandlers = { 'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: hindi } }) };

  /** The desk signed in in Hindi, on the section Alt+`letter` opens (named `heading`). */
  async function openInHindi(desk: ReturnType<typeof fakeDesk>, handlers: FakeHandlers, letter: string, heading: string) {
    const fake = await renderDesk(desk, { ...handlers, ...inHindi });
    await screen.findByRole('heading', { name: /^आज · / });
    pressAlt(letter);
    await screen.findByRole('heading', { name: heading });
    return fake;
  }

  it('adds to the waitlist, lists, offers, books and removes in Hindi', async () => {
    const desk = fakeDesk();
    desk.state.types.push(
      appointmentType({ id: 8, name: 'Quick review', durationMinutes: 10, doctors: [{ doctorId: 1, fee: null, durationMinutes: null, isDefault: true }] }),
    );
    const waitlist = waitlistOf(desk);
    const fake = await openInHindi(desk, waitlist.handlers, 'i', 'वेटिंग लिस्ट');
    expect(await screen.findByText('अभी देने के लिए कोई खाली समय नहीं।')).toBeTruthy();
    expect(await screen.findByText('जल्दी समय के लिए कोई इंतज़ार में नहीं है।')).toBeTruthy();
    const ENGLISH =
      /Waitlist|Freed time|Nobody is waiting|Waiting|Urgency|Routine|Urgent|Book it|Offers|Specialization|Not before|Not after|Until|Note|Any doctor|Cancel|Remove/;
    expect(document.body.textContent).not.toMatch(ENGLISH);

    fireEvent.click(screen.getByRole('button', { name: 'वेटिंग लिस्ट में जोड़ें…' }));
    const box = await screen.findByRole('dialog', { name: 'वेटिंग लिस्ट में जोड़ें' });
    const form = within(box).getByRole('form', { name: 'वेटिंग लिस्ट की एंट्री' });
    fireEvent.click(within(form).getByRole('button', { name: 'वेटिंग लिस्ट में जोड़ें' }));
    expect(await within(form).findByText('पहले मरीज़ चुनें')).toBeTruthy();
    const doctor = within(form).getByRole('combobox', { name: 'डॉक्टर' });
    expect(within(doctor).getByRole('option', { name: 'किसी खास विभाग का कोई भी डॉक्टर' })).toBeTruthy();
    expect(within(within(form).getByRole('combobox', { name: 'विभाग' })).getByRole('option', { name: 'विभाग चुनें' })).toBeTruthy();
    expect(within(form).getByLabelText('से')).toBeTruthy();
    expect(within(form).getByLabelText('तक')).toBeTruthy();
    expect(within(form).getByLabelText('इससे पहले नहीं')).toBeTruthy();
    expect(within(form).getByText('खाली: कभी भी')).toBeTruthy();
    expect(within(form).getByLabelText('इसके बाद नहीं')).toBeTruthy();
    expect(within(form).getByRole('textbox', { name: 'नोट' })).toBeTruthy();
    const urgency = within(form).getByRole('combobox', { name: 'कितना ज़रूरी' });
    expect(
      within(urgency)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['सामान्य', 'जल्दी', 'बहुत ज़रूरी']);
    expect(within(form).getByRole('button', { name: 'रद्द करें' })).toBeTruthy();
    expect(box.textContent).not.toMatch(ENGLISH);

    const patient = within(box).getByRole('combobox', { name: 'मरीज़' });
    fireEvent.change(patient, { target: { value: 'asha' } });
    await within(box).findByRole('option', { name: /Asha Verma/ });
    fireEvent.keyDown(patient, { key: 'Enter' });
    await within(box).findByRole('group', { name: 'मरीज़' });
    fireEvent.change(doctor, { target: { value: '1' } });
    // With a doctor, any length of freed time does until one of their types is chosen.
    await within(form).findByRole('option', { name: 'Quick review' });
    expect(within(form).getByRole('option', { name: 'कोई भी (जितना समय खाली हो)' })).toBeTruthy();
    fireEvent.change(urgency, { target: { value: 'URGENT' } });
    fireEvent.click(within(form).getByRole('button', { name: 'वेटिंग लिस्ट में जोड़ें' }));
    expect(await screen.findByText('Asha Verma को वेटिंग लिस्ट में जोड़ दिया गया')).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'इंतज़ार में' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['मरीज़', 'किसके साथ', 'कब', 'कितना ज़रूरी', 'नोट', 'काम']);
    expect(within(table).getByText('बहुत ज़रूरी')).toBeTruthy();

    // Ravi waits for any paediatrician; then time is freed for Asha and booked from its offer.
    waitlist.addEntry({ patientId: 2, doctorId: null, specialization: 'Paediatrics' });
    waitlist.offer(waitlist.entries[0]!, '11:00:00');
    act(() => fake.emit('waitlist.changed', CHANGE));
    expect(await within(table).findByText(/^Paediatrics का कोई भी डॉक्टर$/)).toBeTruthy();
    const offers = await screen.findByRole('list', { name: 'ऑफ़र' });
    expect(screen.getByRole('heading', { name: 'खाली हुआ समय' })).toBeTruthy();
    expect(within(offers).getByText('बहुत ज़रूरी')).toBeTruthy();
    fireEvent.click(await within(offers).findByRole('button', { name: 'बुक करें' }));
    expect(await screen.findByText(`Asha Verma का Dr. Anil Rao के साथ अपॉइंटमेंट बुक हुआ, ${shortDay(TODAY)} 11:00–11:15`)).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: 'Ravi Kumar को वेटिंग लिस्ट से हटाएँ' }));
    expect(await screen.findByText('Ravi Kumar वेटिंग लिस्ट से हटा दिए गए')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(ENGLISH);
  });

  it('lists, dismisses and adds recalls in Hindi', async () => {
    const desk = fakeDesk();
    const recalls = recallsOf(desk);
    await openInHindi(desk, recalls.handlers, 'v', 'रिकॉल');
    const ENGLISH = /Recalls|Overdue|Due|Booked since|Patient|Doctor|Reason|Actions|Book…|Dismiss|Add a recall|See again|Any|Cancel/;
    const which = screen.getByRole('group', { name: 'कौन-से रिकॉल' });
    expect(
      within(which)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['समय निकल गया', 'आने वाले', 'बुक हो चुके']);
    const overdue = await screen.findByRole('table', { name: 'समय निकल चुके रिकॉल' });
    expect(
      within(overdue)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['मरीज़', 'डॉक्टर', 'कब दिखाना है', 'कारण', 'काम']);
    expect(within(overdue).getByRole('button', { name: 'Asha Verma को बुक करें' }).textContent).toBe('बुक करें…');
    expect(document.body.textContent).not.toMatch(ENGLISH);

    fireEvent.click(within(which).getByRole('button', { name: 'आने वाले' }));
    const due = await screen.findByRole('table', { name: 'आने वाले रिकॉल' });
    expect(within(due).getByText('कोई भी')).toBeTruthy();
    fireEvent.click(within(due).getByRole('button', { name: 'Ravi Kumar का रिकॉल हटाएँ' }));
    expect(await screen.findByText('Ravi Kumar का रिकॉल हटा दिया गया')).toBeTruthy();
    expect(await screen.findByText('कोई आने वाला रिकॉल नहीं।')).toBeTruthy();
    fireEvent.click(within(which).getByRole('button', { name: 'बुक हो चुके' }));
    expect(await screen.findByText('रिकॉल के बाद अभी तक कोई बुकिंग नहीं हुई।')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'रिकॉल जोड़ें…' }));
    const box = await screen.findByRole('dialog', { name: 'रिकॉल जोड़ें' });
    const form = within(box).getByRole('form', { name: 'रिकॉल' });
    fireEvent.click(within(form).getByRole('button', { name: 'रिकॉल जोड़ें' }));
    expect(await within(form).findByText('पहले मरीज़ चुनें')).toBeTruthy();
    expect(within(within(form).getByRole('combobox', { name: 'डॉक्टर' })).getByRole('option', { name: 'कोई भी डॉक्टर' })).toBeTruthy();
    expect(within(form).getByText(`${shortDay(shiftDate(TODAY, 14))} को दिखाना है`)).toBeTruthy();
    expect(box.textContent).not.toMatch(ENGLISH);

    const patient = within(box).getByRole('combobox', { name: 'मरीज़' });
    fireEvent.change(patient, { target: { value: 'ravi' } });
    await within(box).findByRole('option', { name: /Ravi Kumar/ });
    fireEvent.keyDown(patient, { key: 'Enter' });
    await within(box).findByRole('group', { name: 'मरीज़' });
    fireEvent.change(within(form).getByLabelText('कितने दिन बाद फिर दिखाना है'), { target: { value: '10' } });
    fireEvent.change(within(form).getByRole('textbox', { name: 'कारण' }), { target: { value: 'खाँसी देखनी है' } });
    fireEvent.click(within(form).getByRole('button', { name: 'रिकॉल जोड़ें' }));
    expect(await screen.findByText(`Ravi Kumar का रिकॉल ${shortDay(shiftDate(TODAY, 10))} के लिए रखा गया`)).toBeTruthy();
    expect(recalls.list.at(-1)).toMatchObject({ patientId: 2, dueDate: shiftDate(TODAY, 10), reason: 'खाँसी देखनी है' });
  });
});
