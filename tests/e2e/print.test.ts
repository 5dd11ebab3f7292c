import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startClinic, type E2eClinic } from './browser';
import { deskData, firstRun, morningZone } from './desk';

const PDFS = path.resolve(SCREENSHOTS, '../print');

// Page sizes in PostScript points, as pdfinfo reports them (1 mm = 72 / 25.4 pt).
const mm = (n: number) => Math.round((n * 72) / 25.4);
const A4 = [mm(210), mm(297)];
const A5 = [mm(148), mm(210)];
const THERMAL = [mm(80), mm(200)];

interface Printed {
  text: string;
  /** Width and height of every page, in whole points. */
  pages: number[][];
}

/**
 * Every printout, printed to PDF by Chromium's own print path (print media, the document's own
 * @page size) and read back as text with poppler's pdftotext: a blank page reads as nothing.
 */
describe('printouts in real Chromium: receipt, token slip and day-end summary carry their text, on their paper', () => {
  let clinic: E2eClinic;
  let page: Page;
  const zone = morningZone();
  let today: string;

  beforeAll(async () => {
    fs.mkdirSync(PDFS, { recursive: true });
    clinic = await startClinic();
    page = await clinic.browser.newPage({ viewport: { width: 1400, height: 900 } });
    // Headless Chromium has no print dialog: count window.print() calls, then take the print
    // media output with page.pdf().
    await page.addInitScript(() => {
      window.print = () => {
        document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1);
      };
    });
    await firstRun(page, clinic.bridge.url, zone);
    const data = await deskData(clinic.db.knex, zone);
    today = data.today;
    const [{ id: patientId }] = await clinic.db.knex('patient_entities').where({ name: 'Kavya Menon' }).select('id');
    await clinic.db
      .knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: data.doctorId, appointment_date: today, start_time: '00:30', end_time: '00:45', status: 'SCHEDULED' });
    // Still signed in (the tab keeps its session): reload to read the data just written.
    await page.reload();
    await page.getByRole('banner', { name: /^Signed in as/ }).waitFor();
  });
  afterAll(() => clinic?.dispose());

  async function printed(count: number, name: string): Promise<Printed> {
    await expect.poll(() => page.evaluate(() => document.body.dataset.printed)).toBe(String(count));
    const file = path.join(PDFS, `${name}.pdf`);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: file, preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
    const pages = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))]);
    return { text: text.replace(/[ \t]+/g, ' '), pages };
  }

  it('prints the token slip at check-in, the receipt after payment, a reprint on thermal paper, and the A4 day-end', async () => {
    await page.getByRole('button', { name: 'Check in Kavya Menon' }).click();
    const slip = await printed(1, 'token-slip');
    expect(slip.text).toContain('Sunrise Clinic');
    expect(slip.text).toMatch(/^\s*1\s*$/m);
    expect(slip.text).toContain('Dr. Anil Rao');
    expect(slip.text).toContain('Kavya Menon');
    // The clinic's receipt paper (A5 unless set otherwise), one page.
    expect(slip.pages).toEqual([A5]);

    const waiting = page.getByRole('list', { name: 'Waiting for Dr. Anil Rao' });
    await waiting.getByRole('button', { name: 'Take payment from Kavya Menon' }).click();
    const pay = page.getByRole('dialog', { name: 'Payment — Kavya Menon' });
    await expect.poll(() => pay.getByLabel('Amount', { exact: true }).inputValue()).toBe('500.00');
    await pay.getByRole('button', { name: 'Take payment' }).click();
    const receiptNo = `CD-${today.slice(0, 4)}-000001`;
    await pay.getByText(`receipt ${receiptNo}`).waitFor();
    await pay.getByRole('button', { name: 'Print receipt' }).click();
    const receipt = await printed(2, 'receipt-a5');
    expect(receipt.text).toContain(`Receipt ${receiptNo}`);
    expect(receipt.text).toContain('Kavya Menon');
    expect(receipt.text).toContain('Dr. Anil Rao');
    expect(receipt.text).toMatch(/Paid ₹500\.00/);
    expect(receipt.text).toMatch(/Method Cash/);
    expect(receipt.text).not.toContain('INR');
    expect(receipt.text).not.toContain('Waiting');
    expect(receipt.pages).toEqual([A5]);
    await pay.getByRole('button', { name: 'Done' }).click();

    // A clinic with a thermal printer: the reprint comes out 80 mm wide.
    await clinic.db.knex('clinic_settings').where({ id: 1 }).update({ receipt_paper: '80MM' });
    await page.getByRole('button', { name: 'Payments' }).click();
    await page.getByRole('button', { name: `Reprint ${receiptNo}` }).click();
    const thermal = await printed(3, 'receipt-80mm');
    expect(thermal.text).toContain(`Receipt ${receiptNo}`);
    expect(thermal.text).toContain('₹500.00');
    expect(thermal.pages[0]).toEqual(THERMAL);

    await page.getByRole('button', { name: 'Print day-end summary' }).click();
    const dayEnd = await printed(4, 'day-end');
    expect(dayEnd.text).toContain('Day-end summary');
    expect(dayEnd.text).toMatch(/All ₹500\.00 ₹0\.00 ₹500\.00 1 0/);
    expect(dayEnd.text).toMatch(/Cash ₹500\.00/);
    expect(dayEnd.text).not.toContain('Entries');
    expect(dayEnd.pages[0]).toEqual(A4);
  });
});
