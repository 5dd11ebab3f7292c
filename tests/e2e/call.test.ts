import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhere } from '../support/platform';
import { insertUser } from '../../main/users/repo';
import { FakeTwilio, configureVideo } from '../support/fake-twilio';
import { testPasswordHash, TEST_PASSWORD } from '../support/harness';
import { SCREENSHOTS, startClinic, type E2eClinic } from './browser';

const DOCTOR = { email: 'asha.rao@sunrise.test', name: 'Dr. Asha Rao' };

describeWhere(['chromium'])('the call window in real Chromium with its fake camera', () => {
  let clinic: E2eClinic;
  let twilio: FakeTwilio;
  let appointmentId: number;

  beforeAll(async () => {
    // Rooms and tokens come from a local fake of Twilio's REST API; Twilio's media servers,
    // which the window then tries to reach, cannot be reached from here.
    twilio = new FakeTwilio();
    clinic = await startClinic({ twilioHttpClient: twilio.httpClient() });
    const knex = clinic.db.knex;
    await configureVideo(knex);
    const [{ id: doctorId }] = await knex('doctor_entities').insert({ name: DOCTOR.name, email: DOCTOR.email }).returning('id');
    await insertUser(knex, { email: DOCTOR.email, passwordHash: await testPasswordHash(), role: 'DOCTOR', displayName: DOCTOR.name, doctorId });
    const [{ id: patientId }] = await knex('patient_entities').insert({ name: 'Kavya Menon', phone: '+919845012345', gender: 'FEMALE' }).returning('id');
    [{ id: appointmentId }] = await knex('appointment_entities')
      .insert({ patient_id: patientId, doctor_id: doctorId, appointment_date: '2099-01-05', start_time: '10:30', end_time: '10:45' })
      .returning('id');
  });
  afterAll(async () => {
    await clinic?.dispose();
    await twilio?.close();
  });

  it('shows the local preview, and joining without reaching Twilio ends in a clear, retryable error', async () => {
    const desk = await clinic.browser.newPage();
    await desk.goto(clinic.bridge.url);
    await desk.getByLabel('Email').fill(DOCTOR.email);
    await desk.getByLabel('Password').fill(TEST_PASSWORD);
    await desk.getByRole('button', { name: 'Sign in' }).click();
    await desk.getByRole('banner', { name: `Signed in as ${DOCTOR.name} (Doctor)` }).waitFor();

    // The doctor's own week, moved to the appointment's day; its dialog has "Start video".
    await desk.getByRole('button', { name: 'Schedule' }).click();
    await desk.getByLabel('Date', { exact: true }).fill('2099-01-05');
    await desk.getByRole('button', { name: /^10:30–10:45 Kavya Menon, Scheduled/ }).click();
    const [callPage] = await Promise.all([desk.context().waitForEvent('page'), desk.getByRole('dialog').getByRole('button', { name: 'Start video' }).click()]);
    const pageErrors: string[] = [];
    callPage.on('pageerror', (e) => pageErrors.push(e.message));

    await callPage.getByRole('heading', { name: 'Video consultation with Kavya Menon' }).waitFor();
    // The ticket and the bridge token are gone from the address bar.
    expect(new URL(callPage.url()).hash).toBe(`#/call/${appointmentId}`);
    await callPage.getByRole('complementary', { name: 'Patient summary' }).getByRole('heading', { name: 'Kavya Menon' }).waitFor();

    // Chromium's fake camera really plays in the preview.
    await callPage.waitForFunction(() => {
      const v = document.querySelector('video[aria-label="Your camera"]') as HTMLVideoElement | null;
      return !!v && v.videoWidth > 0 && !v.paused;
    });
    expect(await callPage.getByLabel('Camera').locator('option').count()).toBeGreaterThan(0);
    await callPage.screenshot({ path: path.join(SCREENSHOTS, 'call-prejoin.png') });

    await callPage.getByRole('button', { name: 'Join the call' }).click();
    const alert = callPage.getByRole('alert').filter({ hasText: 'could not be reached' });
    await alert.waitFor({ timeout: 270_000 });
    expect(await callPage.getByRole('button', { name: 'Try again' }).isEnabled()).toBe(true);
    await callPage.screenshot({ path: path.join(SCREENSHOTS, 'call-unreachable.png') });

    // The room was made through Twilio's REST API (the fake), and the call tab learned no secret.
    expect([...twilio.rooms.values()].map((r) => r.unique_name)).toEqual([`clinic-desk-appointment-${appointmentId}`]);
    expect(pageErrors).toEqual([]);
  });
});
