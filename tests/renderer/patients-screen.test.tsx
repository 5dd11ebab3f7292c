import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PatientSummary, SessionDto } from '../../preload/contract';
import { goToSection, type FakeHandlers } from './fake-clinic';
import { clinicSettings, fakeDesk } from './fake-desk';
import { renderApp } from './render-app';

// jsdom lays nothing out; give elements the size of a real list so the virtualiser renders rows.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 600 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 400 });

const session = (role: SessionDto['role']): SessionDto => ({
  userId: 1,
  email: 'u@clinic.test',
  displayName: 'User',
  role,
  doctorId: null,
  locked: false,
  idleLockMinutes: 10,
  language: 'en',
});
const PEOPLE: PatientSummary[] = Array.from({ length: 2000 }, (_, i) => ({
  id: i + 1,
  name: `Asha Patient ${i + 1}`,
  phone: `+91981100${String(i).padStart(4, '0')}`,
  email: null,
  dateOfBirth: '1990-01-01',
  gender: 'FEMALE',
}));

async function open(role: SessionDto['role'], handlers: FakeHandlers = {}) {
  const { fake } = renderApp({
    role,
    handlers: {
      ...fakeDesk(role).handlers,
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session: session(role) } }),
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
