import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWhere } from '../support/platform';
import { SCREENSHOTS, type E2eClinic } from './browser';
import { seriousAxeViolations } from './axe';
import { deskData, morningZone, startFirstRunClinic, signIn } from './desk';

const THEMES = [
  { choice: 'light', shows: 'light' },
  { choice: 'dark', shows: 'dark' },
  { choice: 'contrast', shows: 'contrast' },
  // "Follow the system" on a PC set to dark.
  { choice: 'system', shows: 'dark', colorScheme: 'dark' as const },
] as const;

describeWhere(['chromium'])('the Today board in real Chromium, in every theme', () => {
  let clinic: E2eClinic;
  const zone = morningZone();

  beforeAll(async () => {
    clinic = await startFirstRunClinic(zone);
    const { doctorId, today } = await deskData(clinic.db.knex, zone);
    const knex = clinic.db.knex;
    const [kavya, kabir] = (await knex('patient_entities').orderBy('id').select('id')) as { id: number }[];
    const visit = (patient: { id: number }, start: string, fields: Record<string, unknown> = {}) => ({
      patient_id: patient.id,
      doctor_id: doctorId,
      appointment_date: today,
      start_time: start,
      end_time: start.replace(':00', ':15'),
      ...fields,
    });
    const seen = { status: 'COMPLETED', checked_in_at: new Date(), completed_at: new Date() };
    const [, , , pendingVisit] = await knex('appointment_entities')
      .insert([
        visit(kavya!, '23:00'),
        visit(kabir!, '08:00', { checked_in_at: new Date(), token_no: 1 }),
        visit(kavya!, '07:00', { ...seen, token_no: 2 }),
        visit(kabir!, '06:00', { ...seen, token_no: 3 }),
      ])
      .returning('id');
    await knex('payments').insert({
      appointment_id: pendingVisit.id,
      amount: '500.00',
      status: 'PENDING',
      payment_method: 'UPI',
      transaction_id: '412345678901',
    });
  });
  afterAll(() => clinic?.dispose());

  async function deskPage(theme?: string, colorScheme?: 'dark' | 'light'): Promise<Page> {
    const context = await clinic.browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme });
    const page = await context.newPage();
    await page.addInitScript((t) => {
      window.print = () => undefined;
      if (t) localStorage.setItem('clinic-desk.theme', t);
    }, theme);
    await signIn(page, clinic.bridge.url);
    await page.getByRole('region', { name: 'Today with Dr. Anil Rao' }).waitFor();
    return page;
  }

  for (const { choice, shows, ...media } of THEMES) {
    it(`shows the board in the ${choice} theme with no serious or critical axe finding`, async () => {
      const page = await deskPage(choice, 'colorScheme' in media ? media.colorScheme : 'light');
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(shows);
      await page.getByRole('button', { name: 'Unpaid 1' }).waitFor();
      await page.getByRole('region', { name: 'Pending payments' }).getByText('Kabir Menon').waitFor();
      await page.screenshot({ path: path.join(SCREENSHOTS, `today-${choice}.png`), fullPage: true });
      expect(await seriousAxeViolations(page)).toEqual([]);
      // The per-status view and the pressed count filter, too.
      await page.getByRole('button', { name: 'Unpaid 1' }).click();
      await page.getByRole('button', { name: 'Per status' }).click();
      await page.getByRole('table', { name: 'Seen today' }).waitFor();
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.context().close();
    });
  }

  it('keeps the theme chosen in the bar on this PC, and a toast lies below the board, never over its buttons', async () => {
    const page = await deskPage();
    await page.getByLabel('Theme').selectOption({ label: 'High contrast' });
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
    // A fresh start on this PC (same browser profile) opens in it, before anyone signs in.
    const again = await page.context().newPage();
    await again.goto(clinic.bridge.url);
    expect(await again.evaluate(() => document.documentElement.dataset.theme)).toBe('contrast');
    await again.close();

    await page.getByRole('button', { name: 'Check in Kavya Menon' }).click();
    const toast = page.locator('.ui-toast').first();
    await toast.waitFor();
    const [toastBox, mainBox] = [await toast.boundingBox(), await page.getByRole('main').boundingBox()];
    expect(toastBox!.y).toBeGreaterThanOrEqual(mainBox!.y + mainBox!.height);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'today-toast.png') });
    await page.context().close();
  });
});
