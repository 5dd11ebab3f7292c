import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seedDemoClinic } from '../../main/demo/seed-demo-clinic';
import { UNUSED_DEMO_LOGINS } from '../support/demo-logins';
import { minutesNowIn, todayIn } from '../../renderer/lib/dates';
import { describeWhere } from '../support/platform';
import { SCREENSHOTS, type E2eClinic } from './browser';
import { morningZone, startFirstRunClinic, signIn } from './desk';
import { aWorkingToday } from '../support/working-today';

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

describeWhere(['chromium'])('the waitlist on the demo clinic, in real Chromium against the real main process', () => {
  let clinic: E2eClinic;
  const zone = morningZone();

  beforeAll(async () => {
    clinic = await startFirstRunClinic(zone);
    await seedDemoClinic(clinic.db.knex, { today: todayIn(zone), ...UNUSED_DEMO_LOGINS });
    // The demo's doctors are off on Sundays, and today may be one in the morning zone.
    await aWorkingToday(clinic.db.knex);
  });
  afterAll(() => clinic?.dispose());

  async function deskPage(): Promise<Page> {
    const page = await (await clinic.browser.newContext()).newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.addInitScript(() => {
      window.print = () => undefined;
    });
    await signIn(page, clinic.bridge.url);
    return page;
  }

  /**
   * A later appointment of today's that the demo's waitlist wants (its doctor, or any doctor of
   * the specialty, the time within the entry's hours), with a patient named once that day.
   */
  async function wantedAppointment() {
    const knex = clinic.db.knex;
    const today = todayIn(zone);
    const later = await knex('appointment_entities as a')
      .join('patient_entities as p', 'p.id', 'a.patient_id')
      .join('doctor_entities as d', 'd.id', 'a.doctor_id')
      .where({ 'a.appointment_date': today, 'a.status': 'SCHEDULED' })
      .whereNull('a.checked_in_at')
      .where('a.start_time', '>', hhmm(minutesNowIn(zone) + 60))
      .orderBy('a.start_time')
      .select(
        'a.id',
        'a.doctor_id as doctorId',
        'a.patient_id as patientId',
        'p.name as patientName',
        'a.start_time as startTime',
        'a.end_time as endTime',
        'd.specialization',
      );
    const waiting = await knex('waitlist_entries').where({ status: 'WAITING' }).where('from_date', '<=', today).where('to_date', '>=', today).select('*');
    const unique = (a: (typeof later)[number]) => later.filter((b) => b.doctorId === a.doctorId && b.patientName === a.patientName).length === 1;
    return later.find(
      (a) =>
        unique(a) &&
        waiting.some(
          (e) =>
            (e.doctor_id === a.doctorId || (e.doctor_id === null && e.specialization === a.specialization)) &&
            e.patient_id !== a.patientId &&
            (e.time_to === null || e.time_to >= a.endTime),
        ),
    );
  }

  it('a slot cancelled at one desk is offered at once on the other, and booked from the offer', async () => {
    const freed = await wantedAppointment();
    expect(freed, 'the demo has a later appointment today that its waitlist wants').toBeDefined();
    const [waitlistDesk, todayDesk] = [await deskPage(), await deskPage()];
    await waitlistDesk.getByRole('button', { name: 'Waitlist' }).click();
    await waitlistDesk.getByRole('heading', { name: 'Freed time offered' }).waitFor();

    // The other desk cancels it from Today.
    await todayDesk.getByLabel('Doctor', { exact: true }).selectOption(String(freed!.doctorId));
    await todayDesk.getByRole('button', { name: `More for ${freed!.patientName}` }).click();
    await todayDesk.getByRole('button', { name: 'Cancel…' }).click();
    const cancel = todayDesk.getByRole('dialog', { name: /^Cancel .*’s appointment$/ });
    await cancel.getByLabel('Reason for cancelling').fill('Called to say they are travelling');
    await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
    await cancel.waitFor({ state: 'detached' });

    // Live on the waitlist desk: no reload.
    const offer = waitlistDesk
      .getByRole('list', { name: 'Offers' })
      .getByRole('listitem', { name: new RegExp(`${freed!.startTime.slice(0, 5)}–${freed!.endTime.slice(0, 5)}$`) });
    await offer.waitFor();
    await waitlistDesk.screenshot({ path: path.join(SCREENSHOTS, 'waitlist-offer.png') });
    await offer.getByRole('button', { name: 'Book it' }).click();
    await offer.waitFor({ state: 'detached' });
    // The offer leaves the list as soon as its time is booked (a live event); the take is over,
    // its patient's entry closed too, when the desk says so.
    await waitlistDesk.locator('.ui-toast', { hasText: /Booked .+ with / }).waitFor();

    const made = await clinic.db
      .knex('waitlist_offers as o')
      .join('waitlist_entries as e', 'e.id', 'o.entry_id')
      .where({ 'o.freed_appointment_id': freed!.id })
      .first('o.status', 'e.patient_id as patientId', 'e.status as entryStatus');
    expect(made).toMatchObject({ status: 'TAKEN', entryStatus: 'BOOKED' });
    expect(
      await clinic.db
        .knex('appointment_entities')
        .where({ doctor_id: freed!.doctorId, appointment_date: todayIn(zone), start_time: freed!.startTime, status: 'SCHEDULED' })
        .pluck('patient_id'),
    ).toEqual([made.patientId]);
    await waitlistDesk.close();
    await todayDesk.close();
  });
});
