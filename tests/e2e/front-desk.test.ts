import fs from 'node:fs';
import path from 'node:path';
import { createInstance } from 'i18next';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhere } from '../support/platform';
import type { BrowserContext, Page } from 'playwright-core';
import enCommon from '../../renderer/i18n/en/common';
import hiAppointments from '../../renderer/i18n/hi/appointments';
import hiCommon from '../../renderer/i18n/hi/common';
import hiPatients from '../../renderer/i18n/hi/patients';
import hiPayments from '../../renderer/i18n/hi/payments';
import hiQueue from '../../renderer/i18n/hi/queue';
import hiShell from '../../renderer/i18n/hi/shell';
import { SCREENSHOTS, type E2eClinic } from './browser';
import { seriousAxeViolations } from './axe';
import { deskData, morningZone, startFirstRunClinic, signIn, tabTo } from './desk';

const PDF = path.resolve(SCREENSHOTS, '../receipt.pdf');

describeWhere(['chromium'])('the front desk in real Chromium against the real main process', () => {
  let clinic: E2eClinic;
  let data: { doctorId: number; today: string };
  const zone = morningZone();

  beforeAll(async () => {
    clinic = await startFirstRunClinic(zone);
    data = await deskData(clinic.db.knex, zone);
  });
  afterAll(() => clinic?.dispose());

  /**
   * Headless Chromium has no print dialog: window.print() would leave the page "being printed".
   * Count the calls instead; the print media output is then taken with page.pdf().
   */
  async function deskPage(context?: BrowserContext) {
    // axe needs a page of an explicit context.
    const page = await (context ?? (await clinic.browser.newContext())).newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.addInitScript(() => {
      window.print = () => {
        document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1);
      };
    });
    return page;
  }

  const appointments = () => clinic.db.knex('appointment_entities').orderBy('id').select('id', 'start_time', 'end_time', 'status', 'checked_in_at', 'token_no');

  async function bookNextFree(page: Page, patient: string) {
    await page.getByRole('button', { name: 'Book…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await dialog.getByLabel('Patient', { exact: true }).fill(patient);
    await dialog.getByRole('option', { name: new RegExp(patient) }).waitFor();
    await dialog.getByLabel('Patient', { exact: true }).press('Enter');
    await dialog.getByLabel('Doctor', { exact: true }).selectOption({ label: 'Dr. Anil Rao — General Medicine' });
    await dialog.getByRole('radio').first().check();
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  it('flow 2 (patients): registers a patient, and warns of the duplicate when they are registered again', async () => {
    const page = await deskPage();
    await signIn(page, clinic.bridge.url);
    await page.getByRole('button', { name: 'Patients' }).click();
    const register = async () => {
      await page.getByRole('button', { name: 'New patient…' }).click();
      const form = page.getByRole('form', { name: 'New patient' });
      await form.getByLabel('Full name', { exact: true }).fill('Ishaan Kapoor');
      await form.getByLabel('Phone', { exact: true }).fill('+91 98450 55555');
      await form.getByLabel('Date of birth', { exact: true }).fill('2015-06-01');
      await form.getByRole('button', { name: 'Register patient' }).click();
      return form;
    };
    await register();
    await page.getByRole('heading', { name: 'Ishaan Kapoor' }).waitFor();
    const form = await register();
    await form.getByText('This may be a patient you already have').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'duplicate-warning.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Use Ishaan Kapoor' }).click();
    await form.waitFor({ state: 'detached' });
    expect(await clinic.db.knex('patient_entities').where({ name: 'Ishaan Kapoor' }).count({ n: '*' })).toEqual([{ n: 1 }]);
    await page.close();
  });

  it('flow 3: books the next free slot from the schedule, moves it by dragging, checks in, takes payment, prints the receipt, sees the day end', async () => {
    const page = await deskPage();
    await signIn(page, clinic.bridge.url);
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByRole('region', { name: 'Dr. Anil Rao' }).waitFor();
    // Today opens on an hour before now: it is ten-something in the clinic's zone, so the grid
    // is scrolled into its nine o'clock hour (the axis labels sit at the grid's own offsets).
    await page.waitForFunction(() => {
      const scrolled = document.querySelector('.schedule-scroll')!.scrollTop;
      const labels = [...document.querySelectorAll<HTMLElement>('.schedule-axis span')];
      const nine = labels.find((s) => s.textContent === '09:00');
      const ten = labels.find((s) => s.textContent === '10:00');
      return !!nine && !!ten && parseFloat(nine.style.top) <= scrolled && scrolled < parseFloat(ten.style.top);
    });
    await bookNextFree(page, 'Kavya Menon');
    const block = page.getByRole('button', { name: /Kavya Menon, Scheduled/ });
    await block.waitFor();
    const [booked] = await appointments();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'schedule-day.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Drag it 48 px down: 30 minutes at 1.6 px a minute.
    await block.scrollIntoViewIfNeeded();
    const box = (await block.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 4);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2, box.y + 52, { steps: 4 });
    await page.mouse.up();
    const move = page.getByRole('dialog', { name: 'Move Kavya Menon’s appointment' });
    await move.waitFor();
    expect((await appointments())[0]!.start_time).toBe(booked!.start_time);
    await move.getByRole('button', { name: 'Move', exact: true }).click();
    await move.waitFor({ state: 'detached' });
    await expect.poll(async () => (await appointments())[0]!.start_time).not.toBe(booked!.start_time);
    const moved = (await appointments())[0]!;
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
    expect(minutes(moved.start_time) - minutes(booked!.start_time)).toBe(30);

    await page.getByRole('button', { name: 'Today' }).first().click();
    await page.getByRole('button', { name: 'Check in Kavya Menon' }).click();
    const waiting = page.getByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    await waiting.getByLabel('Token 1', { exact: true }).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'queue.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await waiting.getByRole('button', { name: 'Take payment from Kavya Menon' }).click();
    const pay = page.getByRole('dialog', { name: 'Payment — Kavya Menon' });
    await expect.poll(() => pay.getByLabel('Amount', { exact: true }).inputValue()).toBe('500.00');
    await pay.getByRole('button', { name: 'Take payment' }).click();
    const receiptNo = `CD-${data.today.slice(0, 4)}-000001`;
    await pay.getByText(`receipt ${receiptNo}`).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'payment.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await pay.getByRole('button', { name: 'Print receipt' }).click();
    await expect.poll(() => page.locator('.print-area').textContent()).toContain(`Receipt ${receiptNo}`);
    // The token slip at check-in, then the receipt (print() follows once the text's faces have loaded).
    await expect.poll(() => page.evaluate(() => document.body.dataset.printed)).toBe('2');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: PDF, width: '80mm', height: '200mm' });
    await page.emulateMedia({ media: 'screen' });
    expect(fs.readFileSync(PDF).subarray(0, 5).toString()).toBe('%PDF-');
    await pay.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('button', { name: 'Payments' }).click();
    const entries = page.getByRole('table', { name: 'Entries' });
    await entries.getByText(receiptNo).waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'day-end.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it('flow 4: two PCs on one database — a booking made on one appears on the other, and the same time is refused there', async () => {
    const pcA = await clinic.browser.newContext();
    const pcB = await clinic.browser.newContext();
    const a = await deskPage(pcA);
    const b = await deskPage(pcB);
    await signIn(a, clinic.bridge.url);
    await signIn(b, clinic.bridge.url);
    await b.getByRole('button', { name: 'Schedule' }).click();
    await b.getByRole('region', { name: 'Dr. Anil Rao' }).waitFor();

    await a.getByRole('button', { name: 'Schedule' }).click();
    await bookNextFree(a, 'Kabir Menon');
    const [row] = await clinic.db
      .knex('appointment_entities')
      .join('patient_entities as p', 'p.id', 'patient_id')
      .where('p.name', 'Kabir Menon')
      .select('start_time');
    const start = String(row!.start_time).slice(0, 5);
    await b.getByRole('button', { name: new RegExp(`^${start}–\\d\\d:\\d\\d Kabir Menon, Scheduled`) }).waitFor();

    await b.getByRole('button', { name: 'Book…' }).click();
    const dialog = b.getByRole('dialog', { name: 'Book an appointment' });
    await dialog.getByLabel('Patient', { exact: true }).fill('Kavya');
    await dialog.getByRole('option', { name: /Kavya Menon/ }).waitFor();
    await dialog.getByLabel('Patient', { exact: true }).press('Enter');
    await dialog.getByLabel('Doctor', { exact: true }).selectOption({ label: 'Dr. Anil Rao — General Medicine' });
    await dialog.getByLabel('Start time', { exact: true }).fill(start);
    await dialog.getByRole('button', { name: 'Book' }).click();
    await dialog
      .getByRole('alert')
      .filter({ hasText: `Dr. Anil Rao already has an appointment ${start}` })
      .waitFor();
    await b.screenshot({ path: path.join(SCREENSHOTS, 'booking-conflict.png') });
    await pcA.close();
    await pcB.close();
  });

  it('flow 7: keyboard only — find a patient, book, check in, take payment', async () => {
    await clinic.db.knex('patient_entities').insert({ name: 'Zoya Qureshi', phone: '+919845011111', date_of_birth: '1992-02-02' });
    const page = await deskPage();
    await signIn(page, clinic.bridge.url);
    await page.keyboard.press('Alt+KeyN');
    const dialog = page.getByRole('dialog', { name: 'Book an appointment' });
    await dialog.waitFor();
    await page.keyboard.type('Zoya');
    await dialog.getByRole('option', { name: /Zoya Qureshi/ }).waitFor();
    await page.keyboard.press('Enter');
    await dialog.getByRole('group', { name: 'Patient' }).waitFor();
    await tabTo(page, 'Doctor');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => dialog.getByLabel('Doctor', { exact: true }).inputValue()).toBe(String(data.doctorId));
    await dialog.getByRole('radio').first().waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });

    await page.keyboard.press('Alt+KeyT');
    await page.getByRole('heading', { name: /^Today/ }).waitFor();
    await tabTo(page, 'Check in Zoya Qureshi');
    await page.keyboard.press('Enter');
    await page.getByRole('list', { name: 'Waiting for Dr. Anil Rao' }).getByText('Zoya Qureshi').waitFor();
    await tabTo(page, 'Take payment from Zoya Qureshi');
    await page.keyboard.press('Enter');
    const pay = page.getByRole('dialog', { name: 'Payment — Zoya Qureshi' });
    await expect.poll(() => pay.getByLabel('Amount', { exact: true }).inputValue()).toBe('500.00');
    await tabTo(page, 'Take payment');
    await page.keyboard.press('Enter');
    await pay.getByText(/Received ₹500\.00 — receipt CD-/).waitFor();
    const rows = await clinic.db
      .knex('appointment_entities as a')
      .join('patient_entities as p', 'p.id', 'a.patient_id')
      .where('p.name', 'Zoya Qureshi')
      .select('a.token_no', 'a.checked_in_at');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.checked_in_at).not.toBeNull();
    await page.close();
  });

  it('flow 8: in Hindi — find a patient, book the next free time, check in, take cash', async () => {
    // The app's own Hindi words, filled in by i18next as the app fills them.
    const words = createInstance();
    await words.init({
      lng: 'hi',
      resources: { hi: { appointments: hiAppointments, common: hiCommon, patients: hiPatients, payments: hiPayments, queue: hiQueue, shell: hiShell } },
      interpolation: { escapeValue: false },
    });
    const hi = words.getFixedT('hi');
    const name = 'Tara Joshi';
    const [{ id: patientId }] = await clinic.db.knex('patient_entities').insert({ name, phone: '+919845022222', date_of_birth: '1979-07-23' }).returning('id');
    const page = await deskPage();
    await signIn(page, clinic.bridge.url);
    // Saved on the admin's account: back to English at the end, for whatever runs after.
    const language = page.getByLabel(enCommon.language).or(page.getByLabel(hiCommon.language));
    await language.selectOption('hi');
    const nav = page.getByRole('navigation', { name: hiShell.sections });

    await nav.getByRole('button', { name: hiShell.section.patients }).click();
    await page.getByRole('searchbox', { name: hiPatients.search.label }).fill('Tara');
    const found = page.getByRole('listbox', { name: hiPatients.search.results }).getByRole('option', { name: new RegExp(name) });
    // Born on a date written the desk's way, not as the database holds it.
    expect(await found.textContent()).not.toContain('1979-07-23');
    await found.click();
    await page.getByRole('heading', { name }).waitFor();
    await page.getByRole('button', { name: hiPatients.profile.book }).click();
    const book = page.getByRole('dialog', { name: hiAppointments.book.title });
    await book.getByRole('group', { name: hiAppointments.picker.patient, exact: true }).getByText(name).waitFor();
    await book.getByLabel(hiCommon.doctor, { exact: true }).selectOption(String(data.doctorId));
    await book.getByRole('group', { name: hiAppointments.free.title }).getByRole('radio').first().check();
    await book.getByRole('button', { name: hiAppointments.book.submit, exact: true }).click();
    await book.waitFor({ state: 'detached' });

    await nav.getByRole('button', { name: hiShell.section.queue }).click();
    await page.getByRole('button', { name: hi('queue:checkInWho', { name }) }).click();
    const waiting = page.getByRole('list', { name: hi('queue:waitingFor', { doctor: 'Dr. Anil Rao' }) });
    await waiting.getByRole('button', { name: hi('queue:takePaymentWho', { name }) }).click();
    const pay = page.getByRole('dialog', { name: hi('payments:dialog.title', { patient: name }) });
    await expect.poll(() => pay.getByLabel(hiPayments.take.amount, { exact: true }).inputValue()).toBe('500.00');
    await pay.getByRole('button', { name: hiPayments.take.submit, exact: true }).click();
    // The receipt step: main has answered, so the payment is in the database.
    await pay.getByRole('button', { name: hiPayments.receiptStep.print }).waitFor();

    const [appointment] = await clinic.db.knex('appointment_entities').where({ patient_id: patientId }).select('id', 'checked_in_at', 'token_no');
    expect(appointment!.checked_in_at).not.toBeNull();
    expect(appointment!.token_no).not.toBeNull();
    const payments = await clinic.db.knex('payments').where({ appointment_id: appointment!.id }).select('amount', 'status', 'payment_method', 'order_id');
    expect(payments).toHaveLength(1);
    const [payment] = payments;
    expect(payment).toMatchObject({ amount: '500.00', status: 'PAID', payment_method: 'CASH', order_id: expect.stringMatching(/^CD-\d{4}-\d{6}$/) });
    const amount = new Intl.NumberFormat('hi-IN', { style: 'currency', currency: 'INR' }).format(500);
    await pay.getByText(hi('payments:receiptStep.received', { amount, receipt: payment!.order_id })).waitFor();
    await pay.getByRole('button', { name: hiPayments.receiptStep.done }).click();
    await language.selectOption('en');
    await page.getByRole('navigation', { name: 'Sections' }).waitFor();
    await page.close();
  });
});
