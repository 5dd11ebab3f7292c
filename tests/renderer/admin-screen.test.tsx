import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntryDto, ChannelName, SessionDto, UserDto } from '../../preload/contract';
import { goToSection, type FakeHandlers } from './fake-clinic';
import { clinicSettings, fakeDesk } from './fake-desk';
import { renderApp } from './render-app';
import { switchLanguage } from '../../renderer/i18n';

const SESSION: SessionDto = {
  userId: 1,
  email: 'meera@clinic.test',
  displayName: 'Meera Iyer',
  role: 'ADMIN',
  doctorId: null,
  locked: false,
  idleLockMinutes: 10,
  language: 'en',
};
const SETTINGS = clinicSettings({ clinicName: 'Sunrise', clinicAddress: 'MG Road, Pune', updatedAt: '2026-11-01T04:30:00Z' });
const user = (id: number, displayName: string, more: Partial<UserDto> = {}): UserDto => ({
  id,
  email: `${displayName.split(' ')[0]!.toLowerCase()}@clinic.test`,
  displayName,
  role: 'RECEPTIONIST',
  doctorId: null,
  disabled: false,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  ...more,
});
const MEERA = user(1, 'Meera Iyer', { role: 'ADMIN', lastLoginAt: '2026-11-25T03:30:00Z' });
const ASHA = user(2, 'Asha Desk', { lockedUntil: '2026-11-25T10:15:00Z' });
const entry = (id: number, more: Partial<AuditEntryDto> = {}): AuditEntryDto => ({
  id,
  occurredAt: '2026-11-25T04:00:00Z',
  userId: 1,
  userEmail: 'meera@clinic.test',
  workstation: 'DESK-1',
  action: 'doctors.update',
  entity: 'doctor',
  entityId: 3,
  outcome: 'OK',
  detail: null,
  ...more,
});

async function open(handlers: FakeHandlers = {}, { session = SESSION, section = 'Admin' } = {}) {
  const { fake } = renderApp({
    role: 'ADMIN',
    handlers: {
      // The rest of the desk (the start screen's queue and so on) from the shared in-memory clinic.
      ...fakeDesk('ADMIN').handlers,
      'auth.status': () => ({ ok: true, value: { needsFirstAdmin: false, session } }),
      'settings.get': () => ({ ok: true, value: SETTINGS }),
      'users.list': () => ({ ok: true, value: [MEERA, ASHA] }),
      'doctors.list': () => ({ ok: true, value: [] }),
      'audit.list': () => ({ ok: true, value: [] }),
      ...handlers,
    },
  });
  await goToSection(section);
  return fake;
}

const type = (label: string, value: string, scope: HTMLElement = document.body) => fireEvent.change(within(scope).getByLabelText(label), { target: { value } });
const sent = (fake: { calls: { channel: ChannelName; payload: unknown }[] }, channel: ChannelName) =>
  fake.calls.filter((c) => c.channel === channel).map((c) => c.payload);

// Each test imports the whole app afresh and walks a long flow, and role queries over a large
// page are slow in jsdom; on a busy two-core machine that outlasts the default waits (5 s a test,
// 1 s a findBy), which is no sign of a fault.

afterEach(cleanup);

describe('admin screen tabs', () => {
  it('is a tab list: one tab stop, arrows and Home/End move and show the panel', async () => {
    await open();
    const tabs = screen.getByRole('tablist', { name: 'Administration' });
    const accounts = within(tabs).getByRole('tab', { name: 'Accounts' });
    expect(accounts.getAttribute('aria-selected')).toBe('true');
    // One tab stop: Radix makes the list itself the stop until a tab has had focus, then that tab.
    expect([tabs, ...within(tabs).getAllByRole('tab')].filter((t) => t.tabIndex === 0)).toHaveLength(1);
    expect(screen.getByRole('tabpanel', { name: 'Accounts' })).toBeTruthy();

    fireEvent.keyDown(accounts, { key: 'ArrowRight' });
    const audit = within(tabs).getByRole('tab', { name: 'Audit log' });
    // Radix moves focus on the next turn of the event loop.
    await waitFor(() => expect(document.activeElement).toBe(audit));
    expect(audit.getAttribute('aria-selected')).toBe('true');
    expect(await screen.findByRole('tabpanel', { name: 'Audit log' })).toBeTruthy();
    fireEvent.keyDown(audit, { key: 'End' });
    await waitFor(() => expect(document.activeElement).toBe(within(tabs).getByRole('tab', { name: 'Database health' })));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement).toBe(accounts));
    fireEvent.keyDown(accounts, { key: 'ArrowLeft' });
    expect(await screen.findByRole('tabpanel', { name: 'Database health' })).toBeTruthy();
  });
});

describe('accounts', () => {
  it('shows a locked account clearly and unlocks it', async () => {
    let locked = true;
    const fake = await open({
      'users.list': () => ({ ok: true, value: [MEERA, { ...ASHA, lockedUntil: locked ? ASHA.lockedUntil : null }] }),
      'users.unlock': () => {
        locked = false;
        return { ok: true, value: { ...ASHA, lockedUntil: null } };
      },
    });
    const table = await screen.findByRole('table', { name: 'Accounts' });
    expect(screen.getByText(/Locked after failed sign-ins: Asha Desk/)).toBeTruthy();
    // The clinic's wall clock (Asia/Kolkata), not this PC's.
    expect(within(table).getByText('Locked until 2026-11-25 15:45')).toBeTruthy();
    expect(within(table).getByText('2026-11-25 09:00')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Unlock Meera Iyer' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Unlock Asha Desk' }));
    expect(await screen.findByText('Asha Desk can sign in again')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Unlock Asha Desk' })).toBeNull());
    expect(screen.queryByText(/Locked after failed sign-ins/)).toBeNull();
    expect(sent(fake, 'users.unlock')).toEqual([{ id: 2 }]);
  });

  it('adds an account: main’s password rule at the field, UNAVAILABLE keeps the form, then it works', async () => {
    let attempt = 0;
    const fake = await open({
      'doctors.list': () => ({
        ok: true,
        value: [
          {
            id: 5,
            name: 'Dr. Rao',
            email: 'rao@clinic.test',
            phone: null,
            specialization: null,
            experience: null,
            consultationFee: null,
            rating: null,
            bio: null,
            address: null,
            active: true,
            createdAt: '2026-01-01T00:00:00Z',
          },
        ],
      }),
      'users.create': (req) => {
        attempt++;
        if (attempt === 1)
          return {
            ok: false,
            error: { code: 'INVALID', field: 'password', message: 'This password is on the list of commonly used passwords; choose another' },
          };
        if (attempt === 2)
          return {
            ok: false,
            error: { code: 'UNAVAILABLE', message: 'The clinic database cannot be reached. What you typed is kept; try again in a moment.' },
          };
        return { ok: true, value: user(9, req.displayName, { role: req.role, doctorId: req.doctorId ?? null }) };
      },
    });
    await screen.findByRole('table', { name: 'Accounts' });
    fireEvent.click(screen.getByRole('button', { name: 'Add an account' }));
    const dialog = screen.getByRole('dialog', { name: 'Add an account' });
    type('Email', 'rao', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the account' }));
    // Checked against the contract's schema before sending (react-hook-form validates asynchronously).
    expect(await within(dialog).findByText('Enter a valid email address')).toBeTruthy();
    expect(sent(fake, 'users.create')).toEqual([]);

    type('Email', 'rao@clinic.test', dialog);
    type('Name', 'Dr. Rao', dialog);
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'DOCTOR' } });
    fireEvent.change(within(dialog).getByLabelText('Doctor profile'), { target: { value: '5' } });
    type('Password', 'password12', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the account' }));
    const rule = await within(dialog).findByText(/commonly used passwords/);
    expect(within(dialog).getByLabelText('Password').getAttribute('aria-describedby')).toContain(rule.id);

    type('Password', 'a long passphrase', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the account' }));
    await within(dialog).findByText(/cannot be reached/);
    expect((within(dialog).getByLabelText('Email') as HTMLInputElement).value).toBe('rao@clinic.test');
    expect((within(dialog).getByLabelText('Password') as HTMLInputElement).value).toBe('a long passphrase');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Add the account' }));
    expect(await screen.findByText('Account for Dr. Rao added')).toBeTruthy();
    expect(sent(fake, 'users.create').at(-1)).toEqual({
      email: 'rao@clinic.test',
      displayName: 'Dr. Rao',
      role: 'DOCTOR',
      password: 'a long passphrase',
      doctorId: 5,
    });
  });

  it('disables, says why main refused, and sets a new password after checking it twice', async () => {
    const fake = await open({
      'users.setDisabled': ({ id }) =>
        id === 1
          ? { ok: false, error: { code: 'INVALID', field: 'id', message: 'You cannot disable your own account; another administrator must' } }
          : { ok: true, value: { ...ASHA, disabled: true } },
      'users.resetPassword': ({ password }) =>
        password === 'password123'
          ? { ok: false, error: { code: 'INVALID', field: 'password', message: 'That password is too common' } }
          : { ok: true, value: ASHA },
    });
    await screen.findByRole('table', { name: 'Accounts' });
    fireEvent.click(screen.getByRole('button', { name: 'Disable Meera Iyer' }));
    expect(await screen.findByText('You cannot disable your own account; another administrator must')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Disable Asha Desk' }));
    expect(await screen.findByText('Asha Desk is disabled and signed out')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'New password for Asha Desk' }));
    const dialog = screen.getByRole('dialog', { name: 'New password for Asha Desk' });
    type('New password', 'fresh start 2026', dialog);
    type('Repeat the new password', 'fresh start 2025', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set the password' }));
    expect(await within(dialog).findByText('The two passwords differ')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('Repeat the new password')));
    expect(sent(fake, 'users.resetPassword')).toEqual([]);
    type('New password', 'password123', dialog);
    type('Repeat the new password', 'password123', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set the password' }));
    const refusal = await within(dialog).findByText('That password is too common');
    expect(within(dialog).getByLabelText('New password').getAttribute('aria-describedby')).toContain(refusal.id);
    await waitFor(() => expect(document.activeElement).toBe(within(dialog).getByLabelText('New password')));
    type('New password', 'fresh start 2026', dialog);
    type('Repeat the new password', 'fresh start 2026', dialog);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Set the password' }));
    expect(await screen.findByText('New password set for Asha Desk; they were signed out')).toBeTruthy();
    expect(sent(fake, 'users.resetPassword').at(-1)).toEqual({ id: 2, password: 'fresh start 2026' });
  });

  it('changes a role, warning that it signs the person out', async () => {
    const fake = await open({ 'users.update': (req) => ({ ok: true, value: { ...ASHA, role: req.role ?? ASHA.role } }) });
    await screen.findByRole('table', { name: 'Accounts' });
    fireEvent.click(screen.getByRole('button', { name: 'Edit Asha Desk' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Asha Desk' });
    expect(within(dialog).queryByLabelText('Email')).toBeNull();
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'ADMIN' } });
    expect(within(dialog).getByText(/signs this person out/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save the account' }));
    await screen.findByText('Asha Desk saved');
    expect(sent(fake, 'users.update')).toEqual([{ id: 2, displayName: 'Asha Desk', role: 'ADMIN' }]);
  });

  it('says plainly when the role is not allowed', async () => {
    await open({ 'users.list': () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role does not allow this.' } }) });
    expect(await screen.findByText('Your role does not allow this.')).toBeTruthy();
  });
});

describe('audit log', () => {
  it('reads as sentences about people: who did what to which record, and why a refusal was one', async () => {
    await open({
      'audit.list': () => ({
        ok: true,
        value: [
          entry(6),
          entry(5, { userId: 2, action: 'appointments.book', entity: 'appointment', entityId: 12 }),
          entry(4, { userId: 2, action: 'payments.refund', entity: 'payment', entityId: 4, outcome: 'DENIED', detail: { code: 'FORBIDDEN' } }),
          entry(3, {
            userId: null,
            userEmail: null,
            action: 'patients.search',
            entity: 'patient',
            entityId: null,
            outcome: 'DENIED',
            detail: { code: 'UNAUTHENTICATED' },
          }),
          entry(2, { userId: 99, userEmail: 'gone@clinic.test', action: 'auth.login', entity: null, entityId: null }),
          entry(1, { action: 'appointments.cancel', entity: 'appointment', entityId: 7, outcome: 'FAILED' }),
        ],
      }),
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    const table = await screen.findByRole('table', { name: 'Audit entries' });
    const said = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]!.textContent);
    expect(said).toEqual([
      'Meera Iyer changed doctor #3',
      'Asha Desk booked appointment #12',
      'Asha Desk tried to refund payment #4: not allowed',
      'Someone not signed in tried to search patients: not signed in, or the screen was locked',
      'gone@clinic.test signed in',
      'Meera Iyer tried to cancel appointment #7, and it failed',
    ]);
  });

  it('filters, pages back with beforeId, and shows refusals', async () => {
    const page = (from: number) => Array.from({ length: 100 }, (_, i) => entry(from - i));
    const fake = await open({
      'audit.list': (q) => ({
        ok: true,
        value: q.beforeId
          ? [entry(q.beforeId - 1, { action: 'auth.login', outcome: 'DENIED', entity: null, entityId: null, detail: { reason: 'disabled' } })]
          : page(500),
      }),
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    const panel = await screen.findByRole('tabpanel', { name: 'Audit log' });
    const filters = within(panel).getByRole('form', { name: 'Audit filters' });
    type('From', '2026-11-01', filters);
    type('To', '2026-11-25', filters);
    fireEvent.change(within(filters).getByLabelText('Account'), { target: { value: '2' } });
    fireEvent.change(within(filters).getByLabelText('Record kind'), { target: { value: 'doctor' } });
    type('Record number', '3', filters);
    fireEvent.change(within(filters).getByLabelText('Outcome'), { target: { value: 'DENIED' } });
    fireEvent.click(within(filters).getByRole('button', { name: 'Show entries' }));
    await waitFor(() => expect(sent(fake, 'audit.list')).toHaveLength(2));
    expect(sent(fake, 'audit.list')[1]).toEqual({
      limit: 100,
      from: '2026-11-01',
      to: '2026-11-25',
      userId: 2,
      entity: 'doctor',
      entityId: 3,
      outcome: 'DENIED',
    });

    const table = await within(panel).findByRole('table', { name: 'Audit entries' });
    expect(within(table).getAllByRole('row')).toHaveLength(101);
    // Older entries follow the filters of the list on screen, not a box changed since.
    fireEvent.change(within(filters).getByLabelText('Outcome'), { target: { value: 'FAILED' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Show older entries' }));
    await within(table).findByText('{"reason":"disabled"}');
    expect(within(table).getByText('Refused')).toBeTruthy();
    expect(sent(fake, 'audit.list')[2]).toMatchObject({ beforeId: 401, outcome: 'DENIED' });
    // A short page is the last one.
    expect(within(panel).queryByRole('button', { name: 'Show older entries' })).toBeNull();
  });

  it('an impossible filter is caught at its field; main’s refusal of one lands there too', async () => {
    const fake = await open({
      'audit.list': (q) =>
        q.action === 'bookings.make'
          ? { ok: false, error: { code: 'INVALID', field: 'action', message: 'No channel is called bookings.make' } }
          : { ok: true, value: [] },
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    const panel = await screen.findByRole('tabpanel', { name: 'Audit log' });
    type('Record number', 'three', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Show entries' }));
    expect(await within(panel).findByText('Enter a record number')).toBeTruthy();
    const record = within(panel).getByLabelText('Record number');
    expect(record.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(document.activeElement).toBe(record));
    expect(sent(fake, 'audit.list')).toHaveLength(1);

    type('Record number', '', panel);
    type('Action', 'bookings.make', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Show entries' }));
    const refusal = await within(panel).findByText('No channel is called bookings.make');
    const action = within(panel).getByLabelText('Action');
    expect(action.getAttribute('aria-describedby')).toContain(refusal.id);
    await waitFor(() => expect(document.activeElement).toBe(action));
    expect(record.getAttribute('aria-invalid')).toBeNull();
  });
});

describe('clinic settings', () => {
  it('saves; an unknown time zone is refused at its field and what was typed stays', async () => {
    let attempt = 0;
    const fake = await open({
      'settings.update': (req) =>
        ++attempt === 1
          ? { ok: false, error: { code: 'INVALID', field: 'timeZone', message: '"Asia/Pune" is not a time zone this PC knows; pick one such as Asia/Kolkata' } }
          : { ok: true, value: { ...SETTINGS, ...req, updatedAt: '2026-11-25T05:00:00Z' } },
    });
    fireEvent.click(screen.getByRole('tab', { name: 'Clinic settings' }));
    const panel = await screen.findByRole('tabpanel', { name: 'Clinic settings' });
    expect(((await within(panel).findByLabelText('Clinic name')) as HTMLInputElement).value).toBe('Sunrise');
    type('Clinic name', 'Sunrise Family Clinic', panel);
    type('Currency', 'inr', panel);
    type('Usual minutes per slot', 'a quarter hour', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Save the settings' }));
    expect(await within(panel).findByText('Enter a whole number of minutes')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByLabelText('Usual minutes per slot')));
    type('Usual minutes per slot', '15', panel);
    type('Lock the screen after idle minutes', '0', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Save the settings' }));
    expect(await within(panel).findByText('At least 1 minute')).toBeTruthy();
    expect(sent(fake, 'settings.update')).toEqual([]);

    type('Lock the screen after idle minutes', '5', panel);
    type('Time zone', 'Asia/Pune', panel);
    fireEvent.click(within(panel).getByRole('button', { name: 'Save the settings' }));
    const refusal = await within(panel).findByText(/not a time zone this PC knows/);
    expect(within(panel).getByLabelText('Time zone').getAttribute('aria-describedby')).toContain(refusal.id);
    await waitFor(() => expect(document.activeElement).toBe(within(panel).getByLabelText('Time zone')));
    expect((within(panel).getByLabelText('Clinic name') as HTMLInputElement).value).toBe('Sunrise Family Clinic');

    type('Time zone', 'Asia/Kolkata', panel);
    expect(within(panel).getByText(/Empty: the time zone's, now India/)).toBeTruthy();
    type('Country of phone numbers', 'ae', panel);
    fireEvent.change(within(panel).getByLabelText('Receipt paper'), { target: { value: '80MM' } });
    const beside = within(panel).getByRole('combobox', { name: 'Beside each token' }) as HTMLSelectElement;
    expect([...beside.options].map((o) => o.text)).toEqual(['Token numbers only', 'Token numbers and initials']);
    fireEvent.change(beside, { target: { value: 'INITIALS' } });
    fireEvent.click(within(panel).getByRole('checkbox', { name: /Say each call aloud/ }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Save the settings' }));
    expect(await screen.findByText('Clinic settings saved')).toBeTruthy();
    expect(sent(fake, 'settings.update').at(-1)).toEqual({
      clinicName: 'Sunrise Family Clinic',
      clinicAddress: 'MG Road, Pune',
      timeZone: 'Asia/Kolkata',
      currency: 'INR',
      defaultSlotMinutes: 15,
      idleLockMinutes: 5,
      phoneCountry: 'AE',
      receiptPaper: '80MM',
      boardNames: 'INITIALS',
      boardSpeaks: true,
    });
    expect(within(panel).getByText('Last changed 2026-11-25 10:30')).toBeTruthy();
    // The idle lock of this window follows the new minutes at once.
    await waitFor(() => expect(sent(fake, 'auth.status')).toHaveLength(2));
  });
});

describe('the administration in Hindi', () => {
  afterEach(() => switchLanguage('en'));

  it('says its tabs, accounts, audit log, clinic and video settings in Hindi, each audit entry a Hindi sentence', async () => {
    const fake = await open(
      {
        'audit.list': () => ({
          ok: true,
          value: [
            entry(4),
            entry(3, { userId: 2, action: 'payments.refund', entity: 'payment', entityId: 4, outcome: 'DENIED', detail: { code: 'FORBIDDEN' } }),
            entry(2, { userId: null, userEmail: null, action: 'patients.search', entityId: null, outcome: 'DENIED', detail: { code: 'UNAUTHENTICATED' } }),
            entry(1, { action: 'appointments.cancel', entity: 'appointment', entityId: 7, outcome: 'FAILED' }),
          ],
        }),
        'video.getSettings': () => ({
          ok: true,
          value: {
            accountSid: null,
            apiKeySid: null,
            apiKeySecretSet: false,
            authTokenSet: false,
            webhookUrl: null,
            joinUrlTemplate: null,
            publicBaseUrl: null,
            joinOpensMinutes: 10,
            joinClosesMinutes: 30,
            configured: false,
            updatedAt: '2026-11-01T00:00:00.000Z',
          },
        }),
      },
      { session: { ...SESSION, language: 'hi' }, section: 'एडमिन' },
    );
    const tabs = await screen.findByRole('tablist', { name: 'प्रशासन' });
    expect(
      within(tabs)
        .getAllByRole('tab')
        .map((t) => t.textContent),
    ).toContain('डेटाबेस की सेहत');

    // Accounts: the table, who is locked out and until when, the actions and the add dialog.
    const accounts = await screen.findByRole('tabpanel', { name: 'अकाउंट' });
    const table = await within(accounts).findByRole('table', { name: 'अकाउंट' });
    expect(within(table).getByRole('columnheader', { name: 'आख़िरी साइन-इन' })).toBeTruthy();
    expect(within(table).getByText('2026-11-25 15:45 तक लॉक')).toBeTruthy();
    expect(within(table).getByText('एडमिन')).toBeTruthy();
    expect(within(accounts).getByText(/^गलत साइन-इन के बाद लॉक हुए: Asha Desk।/)).toBeTruthy();
    expect(within(table).getByRole('button', { name: 'Asha Desk को अनलॉक करें' })).toBeTruthy();
    fireEvent.click(within(accounts).getByRole('button', { name: 'अकाउंट जोड़ें' }));
    const dialog = await screen.findByRole('dialog', { name: 'अकाउंट जोड़ें' });
    expect(within(dialog).getByLabelText(/^पासवर्ड/)).toBeTruthy();
    expect([...(within(dialog).getByRole('combobox', { name: 'भूमिका' }) as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      'रिसेप्शन',
      'डॉक्टर',
      'एडमिन',
    ]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'रद्द करें' }));
    expect(accounts.textContent).not.toMatch(/Locked|Unlock|Add an account|Last sign-in|Administrator/);

    // The audit log: each entry a sentence with the record number where Hindi puts it.
    fireEvent.click(within(tabs).getByRole('tab', { name: 'ऑडिट लॉग' }));
    const audit = await screen.findByRole('tabpanel', { name: 'ऑडिट लॉग' });
    const entries = await within(audit).findByRole('table', { name: 'ऑडिट एंट्री' });
    const said = within(entries)
      .getAllByRole('row')
      .slice(1)
      .map((row) => within(row).getAllByRole('cell')[1]!.textContent);
    expect(said).toEqual([
      'Meera Iyer ने डॉक्टर #3 की जानकारी बदली',
      'Asha Desk ने भुगतान #4 का रिफ़ंड करने की कोशिश की: अनुमति नहीं है',
      'बिना साइन इन किए किसी व्यक्ति ने मरीज़ खोजने की कोशिश की: साइन इन नहीं था, या स्क्रीन लॉक थी',
      'Meera Iyer ने अपॉइंटमेंट #7 रद्द करने की कोशिश की, पर यह नहीं हो पाया',
    ]);
    expect(within(entries).getAllByText('अनुमति नहीं मिली')).toHaveLength(2);
    // Every kind of record the contract audits has its words.
    const kinds = [...(within(audit).getByRole('combobox', { name: 'रिकॉर्ड का प्रकार' }) as HTMLSelectElement).options].map((o) => o.text);
    expect(kinds).toContain('अपॉइंटमेंट सीरीज़');
    expect(kinds.filter((kind) => !/[\u0900-\u097F]/.test(kind))).toEqual([]);
    // A record number that is no number is caught at its box, in Hindi, before anything is asked.
    const asked = sent(fake, 'audit.list').length;
    type('रिकॉर्ड नंबर', 'बारह', audit);
    fireEvent.click(within(audit).getByRole('button', { name: 'एंट्री दिखाएँ' }));
    expect(await within(audit).findByText('रिकॉर्ड नंबर लिखें')).toBeTruthy();
    expect(sent(fake, 'audit.list')).toHaveLength(asked);
    expect(audit.textContent).not.toMatch(/tried to|changed doctor|Show entries|What happened|Refused/);

    // Clinic settings: labels, the phone country named in Hindi, and the minutes checked in Hindi.
    fireEvent.click(within(tabs).getByRole('tab', { name: 'क्लिनिक की सेटिंग' }));
    const settings = await screen.findByRole('tabpanel', { name: 'क्लिनिक की सेटिंग' });
    expect(((await within(settings).findByLabelText('क्लिनिक का नाम')) as HTMLInputElement).value).toBe('Sunrise');
    expect(within(settings).getByText(/खाली: टाइम ज़ोन का देश, अभी भारत/)).toBeTruthy();
    type('एक स्लॉट के आम तौर पर मिनट', 'पंद्रह', settings);
    fireEvent.click(within(settings).getByRole('button', { name: 'सेटिंग सेव करें' }));
    expect(await within(settings).findByText('मिनट पूरी संख्या में लिखें')).toBeTruthy();
    expect(sent(fake, 'settings.update')).toEqual([]);
    expect(settings.textContent).not.toMatch(/Clinic name|Save the settings|Token display|Enter a whole number/);

    // Video settings.
    fireEvent.click(within(tabs).getByRole('tab', { name: 'वीडियो' }));
    const video = await screen.findByRole('form', { name: 'वीडियो की सेटिंग' });
    expect(within(video).getByText('वीडियो कंसल्टेशन अभी चालू नहीं है।')).toBeTruthy();
    expect(within(video).getByLabelText(/^मरीज़ के जुड़ने का लिंक/)).toBeTruthy();
    expect(within(video).getByText(/API Key सीक्रेट सेव नहीं है।/)).toBeTruthy();
    expect(video.textContent).not.toMatch(/Video consultations|Webhook address|Save video settings/);
  });
});
