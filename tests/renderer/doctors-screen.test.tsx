import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { switchLanguage } from '../../renderer/i18n';
import type { AvailabilityWindow, ChannelName, DoctorDto, SessionDto } from '../../preload/contract';
import type { FakeHandlers } from './fake-clinic';
import { clinicSettings, fakeDesk } from './fake-desk';
import { renderApp } from './render-app';

const session = (role: SessionDto['role']): SessionDto => ({
  userId: 1,
  email: 'admin@clinic.test',
  displayName: 'Meera',
  role,
  doctorId: null,
  locked: false,
  idleLockMinutes: 10,
  language: 'en',
});
const SETTINGS = clinicSettings({ clinicName: 'Sunrise' });
const doctor = (id: number, name: string, more: Partial<DoctorDto> = {}): DoctorDto => ({
  id,
  name,
  email: `${name.split(' ').pop()!.toLowerCase()}@clinic.test`,
  phone: null,
  specialization: 'Cardiology',
  experience: 12,
  consultationFee: '500',
  rating: null,
  bio: null,
  address: null,
  active: true,
  createdAt: '2026-01-01T00:00:00Z',
  ...more,
});
const RAO = doctor(1, 'Dr. Rao');
const window1: AvailabilityWindow = {
  id: 40,
  doctorId: 1,
  date: '2099-01-05',
  startTime: '09:00:00',
  endTime: '13:00:00',
  slotMinutes: 15,
  kind: 'TEMPLATE',
  available: true,
  note: null,
};
const EMPTY_TEMPLATE = { ok: true as const, value: { doctorId: 1, rules: [], validFrom: null, validTo: null } };

async function open(handlers: FakeHandlers = {}, role: SessionDto['role'] = 'ADMIN') {
  const { fake } = renderApp({
    role,
    handlers: {
      // The rest of the desk (the start screen's queue and so on) from the shared in-memory clinic.
      ...fakeDesk('ADMIN').handlers,
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: session(role) } }),
      'settings.get': () => ({ ok: true, value: SETTINGS }),
      'doctors.list': () => ({ ok: true, value: [RAO] }),
      'doctors.specializations': () => ({ ok: true, value: ['Cardiology', 'ENT'] }),
      'availability.getTemplate': () => EMPTY_TEMPLATE,
      'availability.range': () => ({ ok: true, value: [] }),
      'messaging.noticePreview': (req) => ({
        ok: true,
        value: {
          count: req.appointmentIds?.length ?? 1,
          sample: {
            appointmentId: 9,
            patientName: 'Kavya Menon',
            body: 'Kavya Menon, your appointment is cancelled.',
            segments: { encoding: 'GSM-7', units: 42, segments: 1 },
          },
        },
      }),
      // One of a cancellation's patients was sent the plain cancellation before the desk answered.
      'messaging.notice': (req) => ({ ok: true, value: { queued: (req.appointmentIds?.length ?? 2) - 1, alreadyTold: 1, notReached: 0 } }),
      ...handlers,
    },
  });
  await screen.findByRole('banner');
  return fake;
}

const type = (label: string | RegExp, value: string, scope: HTMLElement = document.body) =>
  fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
/** What the screen sent on one channel, in order. */
const sent = (fake: { calls: { channel: ChannelName; payload: unknown }[] }, channel: ChannelName) =>
  fake.calls.filter((c) => c.channel === channel).map((c) => c.payload);

async function openDoctors() {
  fireEvent.click(screen.getByRole('button', { name: 'Doctors' }));
  return screen.findByRole('table', { name: 'Doctors' });
}

// Each test imports the whole app afresh and walks a long flow, and role queries over a large
// page are slow in jsdom; on a busy two-core machine that outlasts the default waits (5 s a test,
// 1 s a findBy), which is no sign of a fault.

afterEach(cleanup);

describe('doctors screen', () => {
  it('is there for an administrator only', async () => {
    await open({}, 'RECEPTIONIST');
    expect(screen.queryByRole('button', { name: 'Doctors' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Admin' })).toBeNull();
    cleanup();
    await open();
    expect(screen.getByRole('button', { name: 'Doctors' }).getAttribute('aria-keyshortcuts')).toBe('Alt+D');
    expect(screen.getByRole('button', { name: 'Admin' }).getAttribute('aria-keyshortcuts')).toBe('Alt+A');
  });

  it('lists fees in rupees, filters by specialization and shows inactive doctors on request', async () => {
    const fake = await open({
      'doctors.list': ({ specialization, includeInactive }) => ({
        ok: true,
        value: [RAO, doctor(2, 'Dr. Sen', { specialization: 'ENT', active: false })].filter(
          (d) => (includeInactive || d.active) && (!specialization || d.specialization === specialization),
        ),
      }),
    });
    const table = await openDoctors();
    expect(within(table).queryByText('Dr. Sen')).toBeNull();
    // The fee in the clinic's currency, as money is written everywhere.
    expect(await within(table).findByText('₹500.00')).toBeTruthy();
    fireEvent.click(screen.getByLabelText('Show inactive doctors'));
    await within(table).findByText('Dr. Sen');
    fireEvent.change(screen.getByLabelText('Specialization'), { target: { value: 'ENT' } });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Doctors' })).queryByText('Dr. Rao')).toBeNull());
    expect(within(screen.getByRole('table', { name: 'Doctors' })).getByText('Inactive')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'doctors.list').at(-1)!.payload).toEqual({ includeInactive: true, specialization: 'ENT' });
  });

  it('adds a doctor: the contract’s message at the field first, then main’s; UNAVAILABLE keeps what was typed', async () => {
    const created = doctor(7, 'Dr. Anita Kulkarni', {
      email: 'anita@clinic.test',
      specialization: 'ENT',
      experience: 8,
      consultationFee: '650.50',
      rating: '4.5',
    });
    let attempt = 0;
    const fake = await open({
      'doctors.list': () => ({ ok: true, value: attempt < 3 ? [RAO] : [RAO, created] }),
      'doctors.create': () => {
        attempt++;
        if (attempt === 1) return { ok: false, error: { code: 'CONFLICT', field: 'email', message: 'Another doctor already has this email address' } };
        if (attempt === 2)
          return {
            ok: false,
            error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached. What you typed is kept; try again in a moment.' },
          };
        return { ok: true, value: created };
      },
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Add a doctor' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a doctor' });
    type('Name', 'Dr. Anita Kulkarni', dialog);
    type('Email', 'not an email', dialog);
    type('Specialization', 'ENT', dialog);
    type('Years of experience', '8', dialog);
    type('Consultation fee', '650.50', dialog);
    type('Rating', '7', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the doctor' }));
    // The form checks the contract's schema before sending (react-hook-form validates asynchronously).
    expect(await within(dialog).findByText('Enter a valid email address')).toBeTruthy();
    expect(within(dialog).getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');

    type('Email', 'anita@clinic.test', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the doctor' }));
    expect(await within(dialog).findByText('A rating is at most 5.0')).toBeTruthy();
    expect(within(dialog).getByLabelText('Rating').getAttribute('aria-invalid')).toBe('true');
    expect(fake.calls.some((c) => c.channel === 'doctors.create')).toBe(false);

    type('Rating', '4.5', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the doctor' }));
    const conflict = await within(dialog).findByText('Another doctor already has this email address');
    expect(within(dialog).getByLabelText('Email').getAttribute('aria-describedby')).toContain(conflict.id);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the doctor' }));
    await within(dialog).findByText(/cannot be reached/);
    expect((within(dialog).getByLabelText('Name') as HTMLInputElement).value).toBe('Dr. Anita Kulkarni');
    expect((within(dialog).getByLabelText('Consultation fee') as HTMLInputElement).value).toBe('650.50');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the doctor' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('Dr. Anita Kulkarni added')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'doctors.create').at(-1)!.payload).toEqual({
      name: 'Dr. Anita Kulkarni',
      email: 'anita@clinic.test',
      phone: null,
      specialization: 'ENT',
      experience: 8,
      consultationFee: '650.50',
      rating: '4.5',
      bio: null,
      address: null,
    });
    // The new doctor's schedule opens at once, ready for a weekly pattern.
    expect(await screen.findByRole('heading', { name: 'Dr. Anita Kulkarni' })).toBeTruthy();
  });

  it('edits a profile, clearing a box sends null', async () => {
    const fake = await open({ 'doctors.update': (req) => ({ ok: true, value: { ...RAO, ...req, experience: null } as DoctorDto }) });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Edit Dr. Rao' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Dr. Rao' });
    expect((within(dialog).getByLabelText('Years of experience') as HTMLInputElement).value).toBe('12');
    type('Years of experience', '', dialog);
    type('About the doctor', 'Interventional cardiologist', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the profile' }));
    await screen.findByText('Dr. Rao saved');
    expect(fake.calls.find((c) => c.channel === 'doctors.update')!.payload).toMatchObject({
      id: 1,
      experience: null,
      bio: 'Interventional cardiologist',
      consultationFee: '500',
    });
  });

  it('deactivates and reactivates; a refused delete shows main’s reason; FORBIDDEN is said plainly', async () => {
    let active = true;
    const fake = await open({
      'doctors.list': () => ({ ok: true, value: [{ ...RAO, active }] }),
      'doctors.setActive': (req) => {
        active = req.active;
        return { ok: true, value: { ...RAO, active } };
      },
      'doctors.delete': () => ({
        ok: false,
        error: { code: 'CONFLICT', field: 'id', message: 'This doctor has 3 appointment(s) on record; deactivate the profile instead of deleting it' },
      }),
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Dr. Rao' }));
    await screen.findByText('Dr. Rao is deactivated: no new bookings');
    fireEvent.click(await screen.findByRole('button', { name: 'Reactivate Dr. Rao' }));
    await screen.findByRole('button', { name: 'Deactivate Dr. Rao' });
    expect(fake.calls.filter((c) => c.channel === 'doctors.setActive').map((c) => c.payload)).toEqual([
      { id: 1, active: false },
      { id: 1, active: true },
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Delete Dr. Rao' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Dr. Rao?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete the profile' }));
    expect(await within(dialog).findByText(/3 appointment\(s\) on record/)).toBeTruthy();
    // The modal dialog hides the page behind it from assistive technology; the list is still there.
    expect(within(screen.getByRole('table', { name: 'Doctors', hidden: true })).getByText('Dr. Rao')).toBeTruthy();
    cleanup();

    await open({ 'doctors.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' } }) });
    fireEvent.click(screen.getByRole('button', { name: 'Doctors' }));
    expect(await screen.findByText('Your role does not allow this.')).toBeTruthy();
  });
});

describe('live updates', () => {
  it('after a resync the list and the open doctor show what another PC saved', async () => {
    let name = 'Dr. Rao';
    const fake = await open({ 'doctors.list': () => ({ ok: true, value: [{ ...RAO, name }] }) });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    await screen.findByRole('heading', { name: 'Dr. Rao' });
    name = 'Dr. Ramesh Rao';
    act(() => fake.emit('resync', { reason: 'reconnected' }));
    expect(await screen.findByRole('heading', { name: 'Dr. Ramesh Rao' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Doctors' })).getByText('Dr. Ramesh Rao')).toBeTruthy();
  });
});

describe('weekly pattern', () => {
  it('previews, saves and puts the pattern in the calendar', async () => {
    const fake = await open({
      'availability.previewTemplate': ({ from }) => ({
        ok: true,
        value: {
          windows: [
            { date: from, startTime: '09:00:00', endTime: '13:00:00', slotMinutes: 20, slots: 12 },
            { date: from, startTime: '16:00:00', endTime: '18:00:00', slotMinutes: 20, slots: 6 },
          ],
          totalSlots: 18,
        },
      }),
      'availability.saveTemplate': (req) => ({
        ok: true,
        value: { doctorId: 1, rules: req.rules.map((r) => ({ ...r, slotMinutes: r.slotMinutes ?? 15 })), validFrom: req.validFrom, validTo: null },
      }),
      'availability.expand': () => ({ ok: true, value: { created: 8, alreadyThere: 0 } }),
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    const monday = await screen.findByRole('group', { name: 'Monday' });
    fireEvent.click(within(monday).getByRole('button', { name: 'Add hours on Monday' }));
    expect(document.activeElement).toBe(within(monday).getByLabelText('Monday from'));
    type('Monday from', '09:00', monday);
    type('Monday until', '13:00', monday);
    type('Monday minutes per slot', '20', monday);
    fireEvent.click(within(monday).getByRole('button', { name: 'Add hours on Monday' }));
    // The second period starts where the first ended; removing one keeps the focus on the day.
    expect((within(monday).getAllByLabelText('Monday from') as HTMLInputElement[]).map((s) => s.value)).toEqual(['09:00', '13:00']);
    fireEvent.click(within(monday).getByRole('button', { name: 'Remove Monday 13:00–?' }));
    expect(document.activeElement).toBe(within(monday).getByRole('button', { name: 'Add hours on Monday' }));
    expect(within(monday).getAllByLabelText('Monday from')).toHaveLength(1);
    fireEvent.click(within(monday).getByRole('button', { name: 'Add hours on Monday' }));
    const starts = within(monday).getAllByLabelText('Monday from') as HTMLInputElement[];
    expect(starts.map((s) => s.value)).toEqual(['09:00', '13:00']);
    fireEvent.change(starts[1]!, { target: { value: '16:00' } });
    fireEvent.change(within(monday).getAllByLabelText('Monday until')[1]!, { target: { value: '18:00' } });

    type('Preview from', '2099-01-05');
    type('Preview until', '2099-01-11');
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    const preview = await screen.findByRole('table', { name: 'Slots the pattern will create' });
    expect(within(preview).getAllByText('Mon 2099-01-05')).toHaveLength(2);
    expect(screen.getByText('2 working periods, 18 slots in total.')).toBeTruthy();
    expect(sent(fake, 'availability.previewTemplate')[0]).toEqual({
      rules: [
        { weekday: 1, startTime: '09:00', endTime: '13:00', slotMinutes: 20 },
        { weekday: 1, startTime: '16:00', endTime: '18:00', slotMinutes: 20 },
      ],
      from: '2099-01-05',
      to: '2099-01-11',
    });

    // The calendar is filled from the saved pattern, so unsaved changes come first.
    fireEvent.click(screen.getByRole('button', { name: 'Create the windows' }));
    expect(await screen.findByText(/Save the weekly pattern first/)).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'availability.expand')).toBe(false);

    type('Pattern starts on', '2099-01-01');
    fireEvent.click(screen.getByRole('button', { name: 'Save the weekly pattern' }));
    await screen.findByText('Weekly pattern saved for Dr. Rao');
    expect(sent(fake, 'availability.saveTemplate')[0]).toMatchObject({ doctorId: 1, validFrom: '2099-01-01', validTo: null });

    type('Create windows from', '2099-01-01');
    type('Create windows until', '2099-01-31');
    fireEvent.click(screen.getByRole('button', { name: 'Create the windows' }));
    expect(await screen.findByText('8 working periods added to the calendar')).toBeTruthy();
    expect(sent(fake, 'availability.expand')[0]).toEqual({ doctorId: 1, from: '2099-01-01', to: '2099-01-31' });
  });

  it('shows a rule’s problem at its box, whether the contract or main finds it', async () => {
    const fake = await open({
      'availability.getTemplate': () => ({
        ok: true,
        value: { doctorId: 1, rules: [{ weekday: 3, startTime: '10:00:00', endTime: '12:00:00', slotMinutes: 15 }], validFrom: '2099-01-01', validTo: null },
      }),
      'availability.saveTemplate': (req) =>
        req.rules.length === 2
          ? { ok: false, error: { code: 'CONFLICT', field: 'rules.1.startTime', message: 'Dr. Rao has leave then' } }
          : { ok: false, error: { code: 'INVALID', field: 'rules', message: 'Wednesday 10:00–12:00 overlaps 11:00–13:00' } },
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    const wednesday = await screen.findByRole('group', { name: 'Wednesday' });
    await waitFor(() => expect((within(wednesday).getByLabelText('Wednesday from') as HTMLInputElement).value).toBe('10:00'));
    const monday = screen.getByRole('group', { name: 'Monday' });
    fireEvent.click(within(monday).getByRole('button', { name: 'Add hours on Monday' }));
    type('Monday from', '14:00', monday);
    type('Monday until', '13:00', monday);
    fireEvent.click(screen.getByRole('button', { name: 'Save the weekly pattern' }));
    // Monday is sent first (rules.0), so its box carries the message, not Wednesday's.
    expect(await within(monday).findByText('The end time must be after the start time')).toBeTruthy();
    expect(within(monday).getByLabelText('Monday until').getAttribute('aria-invalid')).toBe('true');
    expect(within(wednesday).getByLabelText('Wednesday until').getAttribute('aria-invalid')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(monday).getByLabelText('Monday until')));

    // Minutes that are not a whole number never reach a request, for saving or previewing.
    type('Monday minutes per slot', 'a quarter', monday);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect(await within(monday).findByText('Enter the minutes per slot as a whole number')).toBeTruthy();
    expect(sent(fake, 'availability.previewTemplate')).toEqual([]);
    type('Monday minutes per slot', '15', monday);

    // Main's refusal lands on its period's box, even at a place in the list the pattern did not
    // have when it opened (Monday's period pushed Wednesday's to rules.1).
    type('Monday until', '17:00', monday);
    fireEvent.click(screen.getByRole('button', { name: 'Save the weekly pattern' }));
    const clash = await within(wednesday).findByText('Dr. Rao has leave then');
    const wednesdayFrom = within(wednesday).getByLabelText('Wednesday from');
    expect(wednesdayFrom.getAttribute('aria-describedby')).toContain(clash.id);
    await waitFor(() => expect(document.activeElement).toBe(wednesdayFrom));

    fireEvent.click(within(wednesday).getByRole('button', { name: 'Add hours on Wednesday' }));
    fireEvent.change(within(wednesday).getAllByLabelText('Wednesday from')[1]!, { target: { value: '11:00' } });
    fireEvent.change(within(wednesday).getAllByLabelText('Wednesday until')[1]!, { target: { value: '13:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save the weekly pattern' }));
    // About the whole set of periods: for the whole form; the focus stays where the admin was typing.
    const overlap = await screen.findByText('Wednesday 10:00–12:00 overlaps 11:00–13:00');
    expect(overlap.closest('.ui-form-problem')).toBeTruthy();
    expect(document.activeElement).not.toBe(document.body);
    expect(sent(fake, 'availability.saveTemplate')).toHaveLength(2);
    // What was typed stays for the fix.
    expect((within(monday).getByLabelText('Monday until') as HTMLInputElement).value).toBe('17:00');
  });
});

describe('weekly pattern when main cannot be reached', () => {
  it('keeps every period typed and saves on the next try', async () => {
    let attempt = 0;
    const fake = await open({
      'availability.saveTemplate': (req) =>
        ++attempt === 1
          ? { ok: false, error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached. What you typed is kept; try again in a moment.' } }
          : {
              ok: true,
              value: {
                doctorId: 1,
                rules: req.rules.map((r) => ({ ...r, slotMinutes: r.slotMinutes ?? 15 })),
                validFrom: req.validFrom,
                validTo: req.validTo ?? null,
              },
            },
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    const friday = await screen.findByRole('group', { name: 'Friday' });
    fireEvent.click(within(friday).getByRole('button', { name: 'Add hours on Friday' }));
    type('Friday from', '10:00', friday);
    type('Friday until', '14:00', friday);
    type('Pattern ends on', '2099-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Save the weekly pattern' }));
    expect(await screen.findByText(/cannot be reached/)).toBeTruthy();
    expect((within(friday).getByLabelText('Friday until') as HTMLInputElement).value).toBe('14:00');
    fireEvent.click(screen.getByRole('button', { name: 'Save the weekly pattern' }));
    await screen.findByText('Weekly pattern saved for Dr. Rao');
    expect(screen.queryByText(/cannot be reached/)).toBeNull();
    const [first, second] = sent(fake, 'availability.saveTemplate');
    expect(second).toEqual(first);
    expect(second).toMatchObject({ rules: [{ weekday: 5, startTime: '10:00', endTime: '14:00', slotMinutes: 15 }], validTo: '2099-12-31' });
  });
});

describe('leave, extra hours and the calendar', () => {
  it('lists the coming windows and refetches when another PC changes them', async () => {
    let windows = [window1];
    const fake = await open({ 'availability.range': () => ({ ok: true, value: windows }) });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    type('Show the four weeks from', '2099-01-01');
    const table = await screen.findByRole('table', { name: 'Calendar windows' });
    await within(table).findByText('09:00–13:00');
    const before = fake.calls.filter((c) => c.channel === 'availability.range').length;
    expect(fake.calls.at(-1)!.payload).toEqual({ doctorIds: [1], from: '2099-01-01', to: '2099-01-28' });
    windows = [window1, { ...window1, id: 41, kind: 'EXTRA', startTime: '17:00:00', endTime: '19:00:00', note: 'Camp' }];
    const change = { op: 'INSERT' as const, id: 41, doctorId: 1, patientId: null, appointmentId: null, oldDoctorId: null, oldDate: null };
    act(() => {
      // A burst for another doctor and for a day not on screen is ignored; ours refetches once.
      fake.emit('availability.changed', { ...change, doctorId: 2, date: '2026-12-01' });
      fake.emit('availability.changed', { ...change, date: '2199-01-01' });
      fake.emit('availability.changed', { ...change, date: window1.date });
      fake.emit('availability.changed', { ...change, date: window1.date });
    });
    expect(await within(table).findByText('Camp')).toBeTruthy();
    expect(fake.calls.filter((c) => c.channel === 'availability.range')).toHaveLength(before + 1);
  });

  it('adds whole-day leave; when patients are booked, lists them and cancels them only with a reason', async () => {
    const fake = await open({
      'availability.addException': (req) =>
        req.cancelBooked?.reason === 'n/a'
          ? { ok: false, error: { code: 'INVALID', field: 'cancelBooked.reason', message: 'Say what the patients will be told' } }
          : req.cancelBooked
            ? {
                ok: true,
                value: {
                  status: 'saved',
                  window: { ...window1, id: 50, kind: 'LEAVE', available: false, startTime: '00:00:00', endTime: '24:00:00' },
                  cancelledAppointments: 2,
                },
              }
            : {
                ok: true,
                value: {
                  status: 'blocked',
                  appointments: [
                    { id: 9, date: '2099-01-05', startTime: '09:00:00', endTime: '09:15:00', patientName: 'Kavya Menon' },
                    { id: 10, date: '2099-01-05', startTime: '09:15:00', endTime: '09:30:00', patientName: 'Kabir Menon' },
                  ],
                },
              },
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    const panel = await screen.findByRole('region', { name: 'Leave and extra hours' });
    type('Date', '2099-01-05', panel);
    type('Note', 'Conference', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the leave' }));
    const dialog = await screen.findByRole('dialog', { name: 'Patients are booked in this time' });
    expect(within(dialog).getByText('Kavya Menon')).toBeTruthy();
    expect(within(dialog).getByText('Kabir Menon')).toBeTruthy();

    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel 2 appointments and continue' }));
    expect(await within(dialog).findByText('Give a reason for the cancellation')).toBeTruthy();
    const reason = within(dialog).getByLabelText('Reason for cancelling');
    expect(reason.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(reason));
    expect(sent(fake, 'availability.addException')).toHaveLength(1);
    // The change's request names the reason cancelBooked.reason: main's refusal lands on this box.
    type('Reason for cancelling', 'n/a', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel 2 appointments and continue' }));
    const refusal = await within(dialog).findByText('Say what the patients will be told');
    expect(reason.getAttribute('aria-describedby')).toContain(refusal.id);
    await waitFor(() => expect(document.activeElement).toBe(reason));

    type('Reason for cancelling', 'Dr. Rao is at a conference', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel 2 appointments and continue' }));
    expect(await screen.findByText('Leave added for Dr. Rao on 2099-01-05; 2 appointments cancelled')).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Patients are booked in this time' })).toBeNull();
    expect(sent(fake, 'availability.addException')).toEqual([
      { doctorId: 1, date: '2099-01-05', kind: 'LEAVE', note: 'Conference' },
      { doctorId: 1, date: '2099-01-05', kind: 'LEAVE', note: 'Conference', cancelBooked: { reason: 'n/a' } },
      { doctorId: 1, date: '2099-01-05', kind: 'LEAVE', note: 'Conference', cancelBooked: { reason: 'Dr. Rao is at a conference' } },
    ]);

    // Nothing was given for the patients: the notice offers to add the recorded reason to their
    // cancellations still waiting, and sends nothing before it is confirmed.
    const notice = await screen.findByRole('dialog', { name: 'Tell the patients why' });
    expect(within(notice).getByText(/2 patients booked on .* had their appointment cancelled/)).toBeTruthy();
    expect((within(notice).getByLabelText('Reason') as HTMLTextAreaElement).value).toBe('Dr. Rao is at a conference');
    fireEvent.click(within(notice).getByRole('button', { name: 'Preview…' }));
    expect(await within(notice).findByLabelText('The first patient’s message')).toBeTruthy();
    expect(sent(fake, 'messaging.notice')).toEqual([]);
    fireEvent.click(within(notice).getByRole('button', { name: 'Send to 2 patients' }));
    expect(await within(notice).findByText('Notice queued for 1 patient; 1 patient had already been sent the cancellation without it.')).toBeTruthy();
    const told = { doctorId: 1, date: '2099-01-05', text: 'Dr. Rao is at a conference', appointmentIds: [9, 10] };
    expect(sent(fake, 'messaging.noticePreview')).toEqual([told]);
    expect(sent(fake, 'messaging.notice')).toEqual([told]);
  });

  it('asks what the patients will be told before the leave is saved: it rides with the cancellation, and no notice follows', async () => {
    const leaveWindow = { ...window1, id: 50, kind: 'LEAVE' as const, available: false, startTime: '00:00:00', endTime: '24:00:00' };
    const fake = await open({
      'availability.addException': (req) =>
        req.cancelBooked?.tellPatients === 'Dr. Rao is away.'
          ? { ok: false, error: { code: 'INVALID', field: 'cancelBooked.tellPatients', message: 'Say more than that' } }
          : req.cancelBooked
            ? { ok: true, value: { status: 'saved', window: leaveWindow, cancelledAppointments: 1 } }
            : {
                ok: true,
                value: {
                  status: 'blocked',
                  appointments: [{ id: 9, date: '2099-01-05', startTime: '09:00:00', endTime: '09:15:00', patientName: 'Kavya Menon' }],
                },
              },
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    const panel = await screen.findByRole('region', { name: 'Leave and extra hours' });
    type('Date', '2099-01-05', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the leave' }));
    const dialog = await screen.findByRole('dialog', { name: 'Patients are booked in this time' });
    const tell = within(dialog).getByLabelText('What the patients will be told (optional)');
    expect(within(dialog).getByText(/Added to each patient’s cancellation message.*Left empty, they get the plain cancellation message/)).toBeTruthy();
    expect(tell.getAttribute('aria-describedby')).toBeTruthy();

    // Braces would read as template variables: refused here, and nothing is sent.
    type('Reason for cancelling', 'Doctor unwell', dialog);
    type('What the patients will be told (optional)', 'Sorry {patient}', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the appointment and continue' }));
    expect(await within(dialog).findByText('Leave out { and }: the message cannot show them')).toBeTruthy();
    expect(tell.getAttribute('aria-invalid')).toBe('true');
    expect(sent(fake, 'availability.addException')).toHaveLength(1);

    // Main's refusal of it (named cancelBooked.tellPatients in the change's request) lands on this box.
    type('What the patients will be told (optional)', 'Dr. Rao is away.', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the appointment and continue' }));
    const refusal = await within(dialog).findByText('Say more than that');
    expect(tell.getAttribute('aria-describedby')).toContain(refusal.id);

    type('What the patients will be told (optional)', 'Dr. Rao is unwell today.', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the appointment and continue' }));
    expect(await screen.findByText('Leave added for Dr. Rao on 2099-01-05; 1 appointment cancelled')).toBeTruthy();
    expect(sent(fake, 'availability.addException').slice(1)).toEqual([
      { doctorId: 1, date: '2099-01-05', kind: 'LEAVE', cancelBooked: { reason: 'Doctor unwell', tellPatients: 'Dr. Rao is away.' } },
      { doctorId: 1, date: '2099-01-05', kind: 'LEAVE', cancelBooked: { reason: 'Doctor unwell', tellPatients: 'Dr. Rao is unwell today.' } },
    ]);
    // The patients' cancellation messages already say it: nothing more is offered.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('dialog', { name: 'Tell the patients why' })).toBeNull();
    expect(fake.calls.filter((c) => c.channel.startsWith('messaging.notice'))).toEqual([]);
  });

  it('the booked patients’ dialog speaks Hindi to a Hindi desk, refusals included', async () => {
    const fake = await open({
      'availability.addException': () => ({
        ok: true,
        value: { status: 'blocked', appointments: [{ id: 9, date: '2099-01-05', startTime: '09:00:00', endTime: '09:15:00', patientName: 'Kavya Menon' }] },
      }),
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    const panel = await screen.findByRole('region', { name: 'Leave and extra hours' });
    type('Date', '2099-01-05', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the leave' }));
    await screen.findByRole('dialog', { name: 'Patients are booked in this time' });
    onTestFinished(() => switchLanguage('en'));
    await act(() => switchLanguage('hi'));
    const dialog = await screen.findByRole('dialog', { name: 'इस समय में मरीज़ बुक हैं' });
    expect(within(dialog).getByText(/हर मरीज़ के रद्द होने के संदेश में जोड़ा जाता है/)).toBeTruthy();
    type('रद्द करने का कारण', 'Doctor unwell', dialog);
    type('मरीज़ों को क्या बताया जाए (वैकल्पिक)', 'Sorry {patient}', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'अपॉइंटमेंट रद्द करें और आगे बढ़ें' }));
    expect(await within(dialog).findByText('{ और } न लिखें: संदेश इन्हें नहीं दिखा सकता')).toBeTruthy();
    expect(sent(fake, 'availability.addException')).toHaveLength(1);
  });

  it('a change that cancelled patients can tell nobody: the notice closes and nothing is sent', async () => {
    const fake = await open({
      'availability.range': () => ({ ok: true, value: [window1] }),
      'availability.removeWindow': (req) =>
        req.cancelBooked
          ? { ok: true, value: { status: 'saved', window: null, cancelledAppointments: 1 } }
          : {
              ok: true,
              value: {
                status: 'blocked',
                appointments: [{ id: 9, date: window1.date, startTime: '10:00:00', endTime: '10:15:00', patientName: 'Kavya Menon' }],
              },
            },
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Working hours on 2099-01-05 09:00–13:00' }));
    const dialog = await screen.findByRole('dialog', { name: 'Patients are booked in this time' });
    type('Reason for cancelling', 'Clinic closed for repairs', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the appointment and continue' }));
    const notice = await screen.findByRole('dialog', { name: 'Tell the patients why' });
    expect((within(notice).getByLabelText('Reason') as HTMLTextAreaElement).value).toBe('Clinic closed for repairs');
    fireEvent.click(within(notice).getByRole('button', { name: 'Tell nobody' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(fake.calls.filter((c) => c.channel.startsWith('messaging.notice'))).toEqual([]);
  });

  it('extra hours need times; main’s message lands at the field', async () => {
    const fake = await open({
      'availability.addException': () => ({
        ok: false,
        error: { code: 'CONFLICT', field: 'startTime', message: 'These extra hours are already in the schedule' },
      }),
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    const panel = await screen.findByRole('region', { name: 'Leave and extra hours' });
    fireEvent.change(within(panel).getByLabelText('Kind'), { target: { value: 'EXTRA' } });
    type('Date', '2099-01-10', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the extra hours' }));
    expect((await within(panel).findAllByText('Use a time such as 09:30')).length).toBeGreaterThan(0);
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByLabelText('From')));

    type('From', '17:00', panel);
    type('Until', '19:00', panel);
    type('Minutes per slot', 'twenty', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the extra hours' }));
    expect(await within(panel).findByText('Enter the minutes per slot as a whole number')).toBeTruthy();
    expect(fake.calls.some((c) => c.channel === 'availability.addException')).toBe(false);

    type('Minutes per slot', '20', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Add the extra hours' }));
    const message = await within(panel).findByText('These extra hours are already in the schedule');
    const from = within(panel).getByLabelText('From');
    expect(from.getAttribute('aria-describedby')).toContain(message.id);
    await waitFor(() => expect(document.activeElement).toBe(from));
    expect(sent(fake, 'availability.addException')[0]).toEqual({
      doctorId: 1,
      date: '2099-01-10',
      kind: 'EXTRA',
      startTime: '17:00',
      endTime: '19:00',
      slotMinutes: 20,
    });
  });

  it('removing working time with booked patients asks first, and says when more were booked meanwhile', async () => {
    let removals = 0;
    const booked = { id: 9, date: window1.date, startTime: '10:00:00', endTime: '10:15:00', patientName: 'Kavya Menon' };
    const fake = await open({
      'availability.range': () => ({ ok: true, value: [window1] }),
      'availability.removeWindow': () => {
        removals++;
        if (removals === 1) return { ok: true, value: { status: 'blocked', appointments: [booked] } };
        if (removals === 2)
          return {
            ok: true,
            value: { status: 'blocked', appointments: [booked, { ...booked, id: 11, startTime: '11:00:00', endTime: '11:15:00', patientName: 'Ravi Shah' }] },
          };
        return { ok: true, value: { status: 'saved', window: null, cancelledAppointments: 2 } };
      },
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Remove Working hours on 2099-01-05 09:00–13:00' }));
    const dialog = await screen.findByRole('dialog', { name: 'Patients are booked in this time' });
    type('Reason for cancelling', 'Clinic closed for repairs', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel the appointment and continue' }));
    expect(await within(dialog).findByText(/More patients were booked meanwhile/)).toBeTruthy();
    expect(within(dialog).getByText('Ravi Shah')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel 2 appointments and continue' }));
    expect(await screen.findByText('Working hours on 2099-01-05 09:00–13:00 removed; 2 appointments cancelled')).toBeTruthy();
    expect(sent(fake, 'availability.removeWindow')).toEqual([
      { id: 40 },
      { id: 40, cancelBooked: { reason: 'Clinic closed for repairs' } },
      { id: 40, cancelBooked: { reason: 'Clinic closed for repairs' } },
    ]);
  });

  it('keeping everything as it is changes nothing', async () => {
    const fake = await open({
      'availability.range': () => ({ ok: true, value: [window1] }),
      'availability.removeWindow': () => ({
        ok: true,
        value: { status: 'blocked', appointments: [{ id: 9, date: window1.date, startTime: '10:00:00', endTime: '10:15:00', patientName: 'Kavya Menon' }] },
      }),
    });
    await openDoctors();
    fireEvent.click(screen.getByRole('button', { name: 'Open Dr. Rao' }));
    fireEvent.click(await screen.findByRole('button', { name: /^Remove Working hours/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Patients are booked in this time' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Keep everything as it is' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sent(fake, 'availability.removeWindow')).toEqual([{ id: 40 }]);
    expect(within(screen.getByRole('table', { name: 'Calendar windows' })).getByText('09:00–13:00')).toBeTruthy();
  });
});

describe('doctors screen in Hindi', () => {
  /** The desk as an administrator whose language is Hindi, on the Doctors screen. */
  async function openInHindi(handlers: FakeHandlers = {}) {
    onTestFinished(() => switchLanguage('en'));
    const fake = await open({
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: { ...session('ADMIN'), language: 'hi' } } }),
      ...handlers,
    });
    fireEvent.click(await screen.findByRole('button', { name: 'डॉक्टर' }));
    return { fake, table: await screen.findByRole('table', { name: 'डॉक्टर' }) };
  }
  // The screen's English words, none of which may be left on a Hindi screen (doctors' names and data stay as they are).
  const ENGLISH =
    /(?<![A-Za-z])(Doctors|Add a doctor|Specialization|Show inactive|Active|Inactive|Open|Edit|Deactivate|Delete|Experience|years|Weekly pattern|Monday|Sunday|Not working|Add hours|Preview|Pattern starts|Put the pattern|Create|Leave|Extra hours|Whole day|Kind|Note|Calendar|Remove|Working hours|Minutes per slot|Save|Cancel|Name|Email|Phone|Address|About the doctor|Keep the profile)(?![a-z])/;
  /** Everything a Hindi reader sees or hears in `scope`, piece by piece: each text, and each field's and button's name. */
  function heard(scope: HTMLElement): string[] {
    const texts: string[] = [];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) texts.push(walker.currentNode.textContent ?? '');
    const names = [...scope.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
      ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
    );
    return [...texts, ...names].filter((text) => ENGLISH.test(text));
  }

  it('lists, opens and shows a doctor’s profile, weekly pattern, leave and calendar in Hindi', async () => {
    const { table } = await openInHindi({ 'availability.range': () => ({ ok: true, value: [window1] }) });
    expect(screen.getByRole('heading', { name: 'डॉक्टर' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'डॉक्टर जोड़ें' })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'निष्क्रिय डॉक्टर भी दिखाएँ' })).toBeTruthy();
    expect(within(screen.getByRole('combobox', { name: 'विशेषज्ञता' })).getByRole('option', { name: 'सभी विशेषज्ञताएँ' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'फ़ीस' })).toBeTruthy();
    expect(await within(table).findByText('सक्रिय')).toBeTruthy();
    expect(screen.getByText('प्रोफ़ाइल और काम के घंटे बदलने के लिए किसी डॉक्टर को खोलें।')).toBeTruthy();

    fireEvent.click(within(table).getByRole('button', { name: 'Dr. Rao को खोलें' }));
    const doctor = screen.getByRole('region', { name: 'चुने गए डॉक्टर' });
    expect(await within(doctor).findByRole('button', { name: 'Dr. Rao को निष्क्रिय करें' })).toBeTruthy();
    expect(within(doctor).getByText('12 साल')).toBeTruthy();
    const monday = await within(doctor).findByRole('group', { name: 'सोमवार' });
    expect(within(monday).getByText('इस दिन काम नहीं')).toBeTruthy();
    fireEvent.click(within(monday).getByRole('button', { name: 'सोमवार को घंटे जोड़ें' }));
    expect(within(monday).getByLabelText('सोमवार: कब से')).toBeTruthy();
    expect(within(monday).getByRole('button', { name: 'सोमवार 09:00–13:00 हटाएँ' })).toBeTruthy();
    expect(within(doctor).getByRole('heading', { name: 'स्लॉट पहले से देखें' })).toBeTruthy();
    expect(within(doctor).getByRole('button', { name: 'कैलेंडर में डालें' })).toBeTruthy();

    const leave = within(doctor).getByRole('region', { name: 'छुट्टी और अतिरिक्त घंटे' });
    expect(within(leave).getByRole('checkbox', { name: 'पूरा दिन' })).toBeTruthy();
    expect(within(within(leave).getByRole('combobox', { name: 'प्रकार' })).getByRole('option', { name: 'अतिरिक्त घंटे' })).toBeTruthy();
    const calendar = await within(leave).findByRole('table', { name: 'कैलेंडर में दर्ज घंटे' });
    expect(within(calendar).getByRole('button', { name: 'हटाएँ: काम के घंटे, 2099-01-05 09:00–13:00' })).toBeTruthy();
    expect(within(calendar).getByText(/^सोम 2099-01-05$/)).toBeTruthy();

    expect(heard(screen.getByRole('main'))).toEqual([]);
  });

  it('refuses, saves and tells in Hindi: the minutes box, the preview, leave and the profile’s dialogs', async () => {
    const { fake, table } = await openInHindi({
      'availability.previewTemplate': () => ({
        ok: true,
        value: { windows: [{ date: '2099-01-05', startTime: '09:00:00', endTime: '13:00:00', slotMinutes: 15, slots: 16 }], totalSlots: 16 },
      }),
      'availability.addException': () => ({ ok: true, value: { status: 'saved', window: null, cancelledAppointments: 0 } }),
    });
    fireEvent.click(within(table).getByRole('button', { name: 'Dr. Rao को खोलें' }));
    const monday = await screen.findByRole('group', { name: 'सोमवार' });
    fireEvent.click(within(monday).getByRole('button', { name: 'सोमवार को घंटे जोड़ें' }));
    type('सोमवार: एक स्लॉट के मिनट', 'बीस', monday);
    fireEvent.click(screen.getByRole('button', { name: 'साप्ताहिक पैटर्न सेव करें' }));
    expect(await within(monday).findByText('एक स्लॉट के मिनट पूरी संख्या में लिखें')).toBeTruthy();
    expect(sent(fake, 'availability.saveTemplate')).toEqual([]);

    type('सोमवार: एक स्लॉट के मिनट', '15', monday);
    fireEvent.click(screen.getByRole('button', { name: 'देखें' }));
    const preview = await screen.findByRole('table', { name: 'पैटर्न से बनने वाले स्लॉट' });
    expect(within(preview).getByRole('columnheader', { name: 'एक स्लॉट के मिनट' })).toBeTruthy();
    expect(screen.getByText('1 शिफ़्ट, कुल 16 स्लॉट।')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'कैलेंडर में डालें' }));
    expect(await screen.findByText(/^पहले साप्ताहिक पैटर्न सेव करें/)).toBeTruthy();

    const leave = screen.getByRole('region', { name: 'छुट्टी और अतिरिक्त घंटे' });
    type('तारीख', '2099-01-05', leave);
    type('प्रकार', 'EXTRA', leave);
    type('एक स्लॉट के मिनट', 'दस', leave);
    fireEvent.click(within(leave).getByRole('button', { name: 'अतिरिक्त घंटे जोड़ें' }));
    expect(await within(leave).findByText('एक स्लॉट के मिनट पूरी संख्या में लिखें')).toBeTruthy();
    expect(sent(fake, 'availability.addException')).toEqual([]);
    type('प्रकार', 'LEAVE', leave);
    fireEvent.click(within(leave).getByRole('button', { name: 'छुट्टी जोड़ें' }));
    expect(await screen.findByText('Dr. Rao की 2099-01-05 की छुट्टी जोड़ी गई')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Dr. Rao की प्रोफ़ाइल बदलें' }));
    const form = await screen.findByRole('dialog', { name: 'Dr. Rao की प्रोफ़ाइल बदलें' });
    expect(within(form).getByLabelText('परामर्श फ़ीस')).toBeTruthy();
    expect(within(form).getByText('इसी पते से उनका साइन-इन खाता जुड़ता है')).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'प्रोफ़ाइल सेव करें' })).toBeTruthy();
    // Its close button is the dialog frame's own; the form's words are these.
    expect(heard(form.querySelector('form')!)).toEqual([]);
    fireEvent.click(within(form).getByRole('button', { name: 'रद्द करें' }));

    fireEvent.click(screen.getByRole('button', { name: 'Dr. Rao को हटाएँ' }));
    const deleting = await screen.findByRole('dialog', { name: 'Dr. Rao को हटाएँ?' });
    expect(within(deleting).getByText(/^हटाने पर प्रोफ़ाइल हमेशा के लिए मिट जाती है/)).toBeTruthy();
    fireEvent.click(within(deleting).getByRole('button', { name: 'प्रोफ़ाइल रहने दें' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(heard(screen.getByRole('main'))).toEqual([]);
  });
});
