import type { Knex } from 'knex';
import type { Page } from 'playwright-core';
import { todayIn } from '../../renderer/lib/dates';
import { startClinic, type E2eClinic } from './browser';

export const ADMIN = { name: 'Dr. Meera Iyer', email: 'meera@sunrise.test', password: 'sunrise clinic 2026' };

/**
 * A fixed-offset zone where it is mid-morning now, so "today" has free time left whatever hour
 * the suite runs at (booking, check-in and payment all need today's appointment).
 */
export function morningZone(now = new Date()): string {
  let offset = (10 - now.getUTCHours() + 24) % 24;
  if (offset > 12) offset -= 24;
  // POSIX-style names: Etc/GMT-5 is five hours AHEAD of UTC.
  return offset === 0 ? 'UTC' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** First run through the real screen: the clinic in `timeZone`, the first admin signed in. */
export async function firstRun(page: Page, url: string, timeZone: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Clinic name').fill('Sunrise Clinic');
  await page.getByLabel('Time zone').fill(timeZone);
  await page.getByLabel('Your name').fill(ADMIN.name);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Repeat the password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create the clinic' }).click();
  await page.getByRole('banner', { name: /^Signed in as/ }).waitFor();
}

/** A clinic made through the first-run screen in `timeZone`; the page that made it is closed again. */
export async function startFirstRunClinic(timeZone: string): Promise<E2eClinic> {
  const clinic = await startClinic();
  const setup = await clinic.browser.newPage();
  await firstRun(setup, clinic.bridge.url, timeZone);
  await setup.close();
  return clinic;
}

export async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('banner', { name: /^Signed in as/ }).waitFor();
}

/** A doctor working all of today on the clinic's clock, and two patients. */
export async function deskData(knex: Knex, timeZone: string) {
  const today = todayIn(timeZone);
  const [{ id: doctorId }] = await knex('doctor_entities')
    .insert({ name: 'Dr. Anil Rao', email: 'anil.rao@sunrise.test', specialization: 'General Medicine', consultation_fee: '500.00' })
    .returning('id');
  await knex('doctor_availabilities').insert({ doctor_id: doctorId, date: today, start_time: '00:00', end_time: '24:00' });
  await knex('patient_entities').insert([
    { name: 'Kavya Menon', phone: '+919845012345', date_of_birth: '1988-04-12', gender: 'FEMALE' },
    { name: 'Kabir Menon', phone: '+919845067890', date_of_birth: '1985-09-30', gender: 'MALE' },
  ]);
  return { doctorId: doctorId as number, today };
}

/** Presses Tab until the focused element has this accessible name: how a keyboard user gets there. */
export async function tabTo(page: Page, name: string | RegExp, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const labelled = el.getAttribute('aria-label') ?? (el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null);
      return (labelled ?? el.textContent ?? '').trim();
    });
    if (typeof name === 'string' ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached "${String(name)}"`);
}
