import path from 'node:path';
import { TZDate } from '@date-fns/tz';
import { addDays, format, nextMonday } from 'date-fns';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhere } from '../support/platform';
import { seriousAxeViolations } from './axe';
import { SCREENSHOTS, startClinic, type E2eClinic } from './browser';

const ADMIN = { name: 'Meera Iyer', email: 'meera@sunrise.test', password: 'sunrise clinic 2026' };
const ZONE = 'Asia/Kolkata';

describeWhere(['chromium'])('the administrator adds a doctor with a weekly pattern, in real Chromium against the real services', () => {
  let clinic: E2eClinic;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    clinic = await startClinic();
    // axe needs a page of a context made with browser.newContext().
    const context = await clinic.browser.newContext({ viewport: { width: 1400, height: 1000 } });
    page = await context.newPage();
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await page.goto(clinic.bridge.url);
    await page.getByLabel('Clinic name').fill('Sunrise Clinic');
    await page.getByLabel('Time zone').fill(ZONE);
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat the password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByRole('banner', { name: `Signed in as ${ADMIN.name} (Administrator)` }).waitFor();
  });
  afterAll(() => clinic?.dispose());

  it('creates the doctor, previews the pattern, saves it and fills the calendar; leave over a booking cancels it with the reason', async () => {
    const today = format(TZDate.tz(ZONE), 'yyyy-MM-dd');
    const monday = format(nextMonday(new Date(`${today}T12:00:00Z`)), 'yyyy-MM-dd');

    await page.getByRole('button', { name: 'Doctors' }).click();
    await page.getByRole('button', { name: 'Add a doctor' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a doctor' });
    await dialog.getByLabel('Name').fill('Dr. Anita Kulkarni');
    await dialog.getByLabel('Email').fill('anita@sunrise.test');
    await dialog.getByLabel('Specialization').fill('Cardiology');
    await dialog.getByLabel('Consultation fee').fill('650');
    await dialog.getByLabel('Rating').fill('9');
    await dialog.getByRole('button', { name: 'Add the doctor' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'A rating is at most 5.0' }).waitFor();
    await dialog.getByLabel('Rating').fill('4.5');
    await dialog.getByRole('button', { name: 'Add the doctor' }).click();
    await page.getByRole('heading', { name: 'Dr. Anita Kulkarni' }).waitFor();

    const mon = page.getByRole('group', { name: 'Monday' });
    await mon.getByRole('button', { name: 'Add hours on Monday' }).click();
    await mon.getByLabel('Monday from').fill('09:00');
    await mon.getByLabel('Monday until').fill('13:00');
    await mon.getByLabel('Monday minutes per slot').fill('15');
    const wed = page.getByRole('group', { name: 'Wednesday' });
    await wed.getByRole('button', { name: 'Add hours on Wednesday' }).click();
    await wed.getByLabel('Wednesday from').fill('14:00');
    await wed.getByLabel('Wednesday until').fill('17:00');
    await wed.getByLabel('Wednesday minutes per slot').fill('20');

    await page.getByLabel('Preview from').fill(monday);
    await page.getByLabel('Preview until').fill(format(addDays(new Date(`${monday}T12:00:00Z`), 6), 'yyyy-MM-dd'));
    await page.getByRole('button', { name: 'Preview' }).click();
    // Monday 4 h of 15 min and Wednesday 3 h of 20 min: 16 + 9 slots.
    await page.getByText('2 working periods, 25 slots in total.').waitFor();
    const preview = page.getByRole('table', { name: 'Slots the pattern will create' });
    expect(await preview.getByRole('row').count()).toBe(3);

    await page.getByLabel('Pattern starts on').fill(today);
    await page.getByRole('button', { name: 'Save the weekly pattern' }).click();
    await page.getByText('Weekly pattern saved for Dr. Anita Kulkarni').waitFor();
    await page.getByRole('button', { name: 'Create the windows' }).click();
    await page.getByText(/working periods? added to the calendar/).waitFor();

    // The calendar below refreshes from main's change events, not from this click.
    const calendar = page.getByRole('table', { name: 'Calendar windows' });
    await calendar.getByRole('row').filter({ hasText: monday }).filter({ hasText: '09:00–13:00' }).waitFor();
    const doctor = await clinic.db.knex('doctor_entities').where({ email: 'anita@sunrise.test' }).first();
    const windows = await clinic.db.knex('doctor_availabilities').where({ doctor_id: doctor.id });
    expect(windows.length).toBeGreaterThanOrEqual(8);
    expect(await calendar.getByRole('row').count()).toBe(windows.length + 1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'doctors.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A patient is booked on that Monday; leave on the day asks before cancelling them.
    const [patient] = await clinic.db.knex('patient_entities').insert({ name: 'Kavya Menon', phone: '+919845012345' }).returning('id');
    const [booked] = await clinic.db
      .knex('appointment_entities')
      .insert({ patient_id: patient.id, doctor_id: doctor.id, appointment_date: monday, start_time: '10:00', end_time: '10:15', status: 'SCHEDULED' })
      .returning('id');
    const leave = page.getByRole('region', { name: 'Leave and extra hours' });
    await leave.getByLabel('Date').fill(monday);
    await leave.getByLabel('Note').fill('Conference');
    await leave.getByRole('button', { name: 'Add the leave' }).click();
    const blocked = page.getByRole('dialog', { name: 'Patients are booked in this time' });
    await blocked.getByRole('cell', { name: 'Kavya Menon' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await blocked.getByRole('button', { name: 'Cancel the appointment and continue' }).click();
    await blocked.getByRole('alert').filter({ hasText: 'Give a reason for the cancellation' }).waitFor();
    expect((await clinic.db.knex('appointment_entities').where({ id: booked.id }).first()).status).toBe('SCHEDULED');
    await blocked.getByLabel('Reason for cancelling').fill('Dr. Kulkarni is at a conference');
    await blocked.getByRole('button', { name: 'Cancel the appointment and continue' }).click();
    await page.getByText(`Leave added for Dr. Anita Kulkarni on ${monday}; 1 appointment cancelled`).waitFor();
    const after = await clinic.db.knex('appointment_entities').where({ id: booked.id }).first();
    expect(after.status).toBe('CANCELLED');
    expect(after.cancel_reason).toBe('Dr. Kulkarni is at a conference');
    // Then the desk is offered to tell the cancelled patient why, with the reason already written.
    const notice = page.getByRole('dialog', { name: 'Tell the patients why' });
    await notice.waitFor();
    expect(await notice.locator('textarea').first().inputValue()).toContain('Dr. Kulkarni is at a conference');
    await notice.getByRole('button', { name: 'Tell nobody' }).click();
    await notice.waitFor({ state: 'hidden' });
    await calendar.getByRole('row').filter({ hasText: 'Leave' }).filter({ hasText: 'Conference' }).waitFor();
    expect(problems).toEqual([]);
  });

  it('the admin screen: accounts, the audit log of what was just done, and clinic settings', async () => {
    await page.getByRole('button', { name: 'Admin' }).click();
    await page.getByRole('table', { name: 'Accounts' }).getByRole('cell', { name: ADMIN.email }).waitFor();
    await page.getByRole('button', { name: 'Add an account' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an account' });
    await dialog.getByLabel('Email').fill('anita@sunrise.test');
    await dialog.getByLabel('Name').fill('Dr. Anita Kulkarni');
    await dialog.getByLabel('Role').selectOption('DOCTOR');
    await dialog.getByLabel('Password').fill('password12');
    await dialog.getByRole('button', { name: 'Add the account' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: /common/ })
      .waitFor();
    await dialog.getByLabel('Password').fill('a long passphrase 2026');
    await dialog.getByRole('button', { name: 'Add the account' }).click();
    await page.getByText('Account for Dr. Anita Kulkarni added').waitFor();
    await page.getByRole('table', { name: 'Accounts' }).getByRole('cell', { name: 'Doctor (Dr. Anita Kulkarni)' }).waitFor();

    // Five wrong passwords from another tab lock the account; the admin sees it and unlocks it.
    const login = (password: string) =>
      fetch(`http://127.0.0.1:${clinic.bridge.port}/api/call/auth.login`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${clinic.bridge.token}`, 'X-Clinic-Client': 'another-tab-0123456789', 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: 'anita@sunrise.test', password }),
      }).then((r) => r.json() as Promise<{ ok: boolean; error?: { message: string } }>);
    for (let i = 0; i < 5; i++) await login('not her password');
    expect((await login('a long passphrase 2026')).error?.message).toMatch(/Too many failed sign-ins/);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.getByRole('status').filter({ hasText: 'Locked after failed sign-ins: Dr. Anita Kulkarni' }).waitFor();
    await page
      .getByRole('table', { name: 'Accounts' })
      .getByText(/^Locked until/)
      .waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-accounts.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Unlock Dr. Anita Kulkarni' }).click();
    await page.getByText('Dr. Anita Kulkarni can sign in again').waitFor();
    await page.getByText(/Locked after failed sign-ins/).waitFor({ state: 'detached' });
    expect((await login('a long passphrase 2026')).ok).toBe(true);

    await page.getByRole('tab', { name: 'Accounts' }).press('ArrowRight');
    const audit = page.getByRole('tabpanel', { name: 'Audit log' });
    await audit.getByLabel('Record kind').selectOption('doctor');
    await audit.getByRole('button', { name: 'Show entries' }).click();
    const entries = audit.getByRole('table', { name: 'Audit entries' });
    await entries.getByRole('cell', { name: 'doctors.create' }).waitFor();
    await entries.getByRole('cell', { name: 'availability.saveTemplate' }).waitFor();
    expect(await entries.getByRole('cell', { name: 'users.create' }).count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-audit.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Clinic settings' }).click();
    const settings = page.getByRole('tabpanel', { name: 'Clinic settings' });
    await settings.getByLabel('Time zone').fill('Asia/Pune');
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await settings.getByRole('alert').filter({ hasText: 'is not a time zone' }).waitFor();
    await settings.getByLabel('Time zone').fill(ZONE);
    await settings.getByLabel('Lock the screen after idle minutes').fill('15');
    await settings.getByRole('button', { name: 'Save the settings' }).click();
    await page.getByText('Clinic settings saved').waitFor();
    expect((await clinic.db.knex('clinic_settings').first()).idle_lock_minutes).toBe(15);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'admin-settings.png'), fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});
