import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Language, PatientSummary, SessionDto } from '../../preload/contract';
import { switchLanguage } from '../../renderer/i18n';
import { goToSection, type FakeHandlers } from './fake-clinic';
import { clinicSettings, fakeDesk } from './fake-desk';
import { renderApp } from './render-app';

// jsdom lays nothing out; give elements the size of a real list so the virtualiser renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

const session = (role: SessionDto['role'], language: Language = 'en'): SessionDto => ({
  userId: 1,
  email: 'u@clinic.test',
  displayName: 'User',
  role,
  doctorId: null,
  locked: false,
  idleLockMinutes: 10,
  language,
});
const PEOPLE: PatientSummary[] = Array.from({ length: 2000 }, (_, i) => ({
  id: i + 1,
  name: `Asha Patient ${i + 1}`,
  phone: `+91981100${String(i).padStart(4, '0')}`,
  email: null,
  dateOfBirth: '1990-01-01',
  gender: 'FEMALE',
}));
// Everyone above has had their birthday this year on the clinic's clock (UTC, as the settings below say).
const AGE = new Date().getUTCFullYear() - 1990;

/** The desk in `role`'s session, with the patients' answers; in English it opens the Patients section. */
async function render(role: SessionDto['role'], handlers: FakeHandlers = {}, language: Language = 'en') {
  const { fake } = renderApp({
    role,
    handlers: {
      ...fakeDesk(role).handlers,
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: session(role, language) } }),
      'settings.get': () => ({ ok: true, value: clinicSettings({ clinicName: 'Sunrise', timeZone: 'UTC', updatedAt: new Date().toISOString() }) }),
      'patients.search': ({ query, limit }) => ({
        ok: true,
        value: PEOPLE.filter((p) => p.name.toLowerCase().includes(query.toLowerCase())).slice(0, limit ?? 20),
      }),
      'patients.get': ({ id }) => ({
        ok: true,
        value: {
          patient: {
            ...PEOPLE[id - 1]!,
            address: 'Pune',
            createdAt: new Date().toISOString(),
            updatedAt: null,
            ...(role === 'RECEPTIONIST' ? {} : { medicalHistory: 'Asthma' }),
          },
          upcoming: [
            {
              id: 7,
              date: '2099-01-05',
              startTime: '10:00:00',
              endTime: '10:15:00',
              status: 'SCHEDULED',
              doctorId: 1,
              doctorName: 'Dr. Rao',
              reason: 'Review',
            },
          ],
          past: [],
          payments: [],
        },
      }),
      ...handlers,
    },
  });
  return fake;
}

async function open(role: SessionDto['role'], handlers: FakeHandlers = {}) {
  const fake = await render(role, handlers);
  await goToSection('Patients');
  return fake;
}

afterEach(cleanup);

describe('patients screen', () => {
  it('searches as you type after a short pause, and only the rows in view are rendered', async () => {
    const fake = await open('RECEPTIONIST');
    const box = screen.getByLabelText('Find a patient');
    fireEvent.change(box, { target: { value: 'a' } });
    fireEvent.change(box, { target: { value: 'as' } });
    fireEvent.change(box, { target: { value: 'asha' } });
    const list = await screen.findByRole('listbox', { name: 'Patients found' });
    await within(list).findByText('Asha Patient 1');
    expect(fake.calls.filter((c) => c.channel === 'patients.search').map((c) => (c.payload as { query: string }).query)).toEqual(['asha']);
    expect(screen.getByText('50 found')).toBeTruthy();
    expect(within(list).getAllByRole('option').length).toBeLessThan(50);
  });

  it('is usable from the keyboard: down into the list, arrows to move, Enter to open', async () => {
    await open('RECEPTIONIST');
    fireEvent.change(screen.getByLabelText('Find a patient'), { target: { value: 'asha' } });
    const list = await screen.findByRole('listbox', { name: 'Patients found' });
    await within(list).findByText('Asha Patient 1');
    fireEvent.keyDown(screen.getByLabelText('Find a patient'), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(list);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(list.getAttribute('aria-activedescendant')).toBe('patient-3');
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(await screen.findByRole('heading', { name: 'Asha Patient 3' })).toBeTruthy();
    expect(screen.getByText('Dr. Rao')).toBeTruthy();
  });

  it('never shows medical history to a receptionist; shows it to a doctor', async () => {
    await open('RECEPTIONIST');
    fireEvent.change(screen.getByLabelText('Find a patient'), { target: { value: 'asha' } });
    fireEvent.click(await screen.findByText('Asha Patient 2'));
    await screen.findByRole('heading', { name: 'Asha Patient 2' });
    expect(screen.queryByText('Medical history')).toBeNull();
    cleanup();
    await open('DOCTOR');
    fireEvent.change(screen.getByLabelText('Find a patient'), { target: { value: 'asha' } });
    fireEvent.click(await screen.findByText('Asha Patient 2'));
    expect(await screen.findByText('Asthma')).toBeTruthy();
  });

  it('writes a date of birth as the desk writes dates, never as main sends it, with the age in the record', async () => {
    await open('RECEPTIONIST');
    fireEvent.change(screen.getByLabelText('Find a patient'), { target: { value: 'asha' } });
    const list = await screen.findByRole('listbox', { name: 'Patients found' });
    expect((await within(list).findAllByText(/^#\d+ · born 1 Jan 1990 · \+91/)).length).toBeGreaterThan(0);
    fireEvent.click(within(list).getByText('Asha Patient 2'));
    const record = (await screen.findByRole('heading', { name: 'Asha Patient 2' })).closest('section')!;
    expect(within(record).getByText('Date of birth').nextElementSibling!.textContent).toBe(`1 Jan 1990 (${AGE} years old)`);
    expect(document.body.textContent).not.toContain('1990-01-01');
  });

  it('shows main’s message when the search is refused', async () => {
    await open('ADMIN', { 'patients.search': () => ({ ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached.' } }) });
    fireEvent.change(screen.getByLabelText('Find a patient'), { target: { value: 'asha' } });
    expect(await screen.findByText('The clinic database cannot be reached.')).toBeTruthy();
  });

  it('refetches an open record when another PC changes that patient', async () => {
    let name = 'Asha Patient 1';
    const fake = await open('ADMIN', {
      'patients.get': () => ({
        ok: true,
        value: {
          patient: { ...PEOPLE[0]!, name, address: null, createdAt: new Date().toISOString(), updatedAt: null, medicalHistory: null },
          upcoming: [],
          past: [],
          payments: [],
        },
      }),
    });
    fireEvent.change(screen.getByLabelText('Find a patient'), { target: { value: 'asha' } });
    fireEvent.click(await screen.findByText('Asha Patient 1'));
    await screen.findByRole('heading', { name: 'Asha Patient 1' });
    name = 'Asha Verma';
    act(() =>
      fake.emit('patients.changed', {
        op: 'UPDATE',
        id: 2,
        doctorId: null,
        patientId: null,
        appointmentId: null,
        date: null,
        oldDoctorId: null,
        oldDate: null,
      }),
    );
    act(() =>
      fake.emit('patients.changed', {
        op: 'UPDATE',
        id: 1,
        doctorId: null,
        patientId: null,
        appointmentId: null,
        date: null,
        oldDoctorId: null,
        oldDate: null,
      }),
    );
    expect(await screen.findByRole('heading', { name: 'Asha Verma' })).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'patients.get')).toHaveLength(2);
  });
});

describe('patients screen in Hindi', () => {
  afterEach(() => switchLanguage('en'));

  // The words of the screen, its record and its form that must not show in English to a Hindi user.
  const ENGLISH =
    /Find a patient|Patients found|Patient number|Date of birth|Gender|Medical history|Upcoming appointments|Past appointments|No payments|Edit details|Book appointment|Full name|Not given|Save changes|Register patient|Cancel/;

  async function openInHindi(handlers: FakeHandlers = {}) {
    const fake = await render('DOCTOR', handlers, 'hi');
    await screen.findByRole('heading', { name: /^आज · / });
    fireEvent.keyDown(window, { altKey: true, code: 'KeyP', key: 'p' });
    return { fake, search: await screen.findByRole('searchbox', { name: 'मरीज़ खोजें' }) };
  }

  it('finds a patient and shows their record in Hindi: details, gender, history, appointments and payments', async () => {
    const { search } = await openInHindi({
      'patients.get': ({ id }) => ({
        ok: true,
        value: {
          patient: { ...PEOPLE[id - 1]!, address: 'Pune', createdAt: new Date().toISOString(), updatedAt: null, medicalHistory: null },
          upcoming: [
            {
              id: 7,
              date: '2099-01-05',
              startTime: '10:00:00',
              endTime: '10:15:00',
              status: 'SCHEDULED',
              doctorId: 1,
              doctorName: 'Dr. Rao',
              reason: 'Review',
            },
          ],
          past: [],
          payments: [
            {
              id: 3,
              appointmentId: 7,
              receiptNumber: 'R-0003',
              amount: '500.00',
              currency: 'INR',
              status: 'PAID',
              method: 'CASH',
              createdAt: new Date().toISOString(),
            },
          ],
        },
      }),
    });
    expect(screen.getByText('नाम, फ़ोन, ईमेल या मरीज़ नंबर')).toBeTruthy();
    expect(screen.getByText('रिकॉर्ड देखने के लिए मरीज़ चुनें।')).toBeTruthy();
    fireEvent.change(search, { target: { value: 'asha' } });
    const list = await screen.findByRole('listbox', { name: 'मिले हुए मरीज़' });
    expect(await screen.findByText('50 मिले')).toBeTruthy();
    expect((await within(list).findAllByText(/· जन्म 1 जन॰ 1990 ·/)).length).toBeGreaterThan(0);

    // Down from the search box still lands in the results, whatever their label's language.
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(list);
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'Enter' });
    const record = (await screen.findByRole('heading', { name: 'Asha Patient 2' })).closest('section')!;
    const facts = within(record).getByText('मरीज़ नंबर').closest('dl')!;
    expect(within(facts).getByText('जन्म तिथि').nextElementSibling!.textContent).toBe(`1 जन॰ 1990 (${AGE} साल)`);
    expect(within(facts).getByText('महिला')).toBeTruthy();
    expect(within(record).getByRole('heading', { name: 'मेडिकल हिस्ट्री' })).toBeTruthy();
    expect(within(record).getByText('कुछ दर्ज नहीं है।')).toBeTruthy();
    const upcoming = within(record).getByRole('table', { name: 'आने वाले अपॉइंटमेंट' });
    expect(within(upcoming).getByRole('columnheader', { name: 'स्थिति' })).toBeTruthy();
    expect(within(upcoming).getByText('तय')).toBeTruthy();
    // 5 January 2099 is a Monday, named in Hindi.
    expect(within(upcoming).getByText('सोम 2099-01-05')).toBeTruthy();
    expect(within(record).getByText('कोई पिछला अपॉइंटमेंट नहीं।')).toBeTruthy();
    const payments = within(record).getByRole('table', { name: 'भुगतान' });
    expect(within(payments).getByText('नकद')).toBeTruthy();
    expect(within(payments).getByText('मिल गया')).toBeTruthy();
    expect(within(record).getByRole('button', { name: 'जानकारी बदलें…' })).toBeTruthy();
    expect(within(record).getByRole('button', { name: 'अपॉइंटमेंट बुक करें…' })).toBeTruthy();
    expect(document.body.textContent).not.toMatch(ENGLISH);
    expect(document.body.textContent).not.toMatch(/SCHEDULED|FEMALE|CASH|PAID|1990-01-01/);

    fireEvent.click(within(record).getByRole('button', { name: 'जानकारी बदलें…' }));
    const edit = await screen.findByRole('dialog', { name: 'Asha Patient 2 की जानकारी बदलें' });
    expect(within(edit).getByRole('textbox', { name: /^पूरा नाम/ })).toBeTruthy();
    // The clinic's country in Hindi in the phone hint.
    expect(within(edit).getByText(/देश का कोड न लिखें तो नंबर भारत का माना जाएगा/)).toBeTruthy();
    const gender = within(edit).getByRole('combobox', { name: 'लिंग' });
    expect(
      within(gender)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['नहीं बताया', 'पुरुष', 'महिला', 'अन्य']);
    expect(within(edit).getByRole('textbox', { name: 'मेडिकल हिस्ट्री' })).toBeTruthy();
    expect(within(edit).getByRole('button', { name: 'बदलाव सेव करें' })).toBeTruthy();
    expect(within(edit).getByRole('button', { name: 'रद्द करें' })).toBeTruthy();
    expect(edit.textContent).not.toMatch(ENGLISH);
  });

  it('registers a new patient in Hindi, asking first about a patient with the same phone', async () => {
    const { fake } = await openInHindi();
    fireEvent.click(screen.getByRole('button', { name: 'नया मरीज़…' }));
    const box = await screen.findByRole('dialog', { name: 'नया मरीज़ रजिस्टर करें' });
    const form = within(box).getByRole('form', { name: 'नया मरीज़' });
    fireEvent.change(within(form).getByRole('textbox', { name: /^पूरा नाम/ }), { target: { value: 'Asha V' } });
    fireEvent.change(within(form).getByLabelText(/^फ़ोन/), { target: { value: '+919811000001' } });
    fireEvent.click(within(form).getByRole('button', { name: 'मरीज़ रजिस्टर करें' }));
    const duplicates = await within(form).findByRole('alert');
    expect(within(duplicates).getByText('यह मरीज़ शायद पहले से दर्ज है')).toBeTruthy();
    expect(within(duplicates).getByRole('button', { name: 'Asha Verma को चुनें' })).toBeTruthy();
    expect(duplicates.textContent).toMatch(/Asha Verma · #1 · जन्म 12 अप्रैल 1990/);
    expect(box.textContent).not.toMatch(ENGLISH);
    expect(box.textContent).not.toMatch(/may be a patient|different person|born|Use Asha/);

    fireEvent.click(within(duplicates).getByRole('button', { name: 'यह कोई और व्यक्ति है: फिर भी रजिस्टर करें' }));
    expect(await screen.findByText(/^Asha V का रजिस्ट्रेशन हो गया: #\d+$/)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.filter((c) => c.channel === 'patients.create').map((c) => (c.payload as { confirmNotDuplicate: boolean }).confirmNotDuplicate)).toEqual([
      false,
      true,
    ]);
  });
});
