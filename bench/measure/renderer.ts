import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Knex } from 'knex';
import { chromium, type Page } from 'playwright-core';
import { hashPassword } from '../../main/auth/hashing';
import { startBridge } from '../../main/bridge/server';
import { shiftDate } from '../../main/availability/wall-clock';
import { analyzeStaleTables } from '../../main/db/embedded/maintenance';
import { openDatabase } from '../../main/db/open';
import { insertUser } from '../../main/users/repo';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../tests/e2e/browser';
import { summarise, type Latency } from './latency';

const ADMIN = { email: 'bench@clinic.test', password: 'renderer bench 2026' };
const DAY = '2030-03-05';
const EMPTY_DAY = '2030-03-06';
// As busy as DAY, the day before it: what a desk mostly does is go from one busy day to another.
const BUSY_DAY_BEFORE = '2030-03-04';
// A week of its own (Monday 18 March), away from the day above; the week before it is empty.
const WEEK = ['2030-03-18', '2030-03-19', '2030-03-20', '2030-03-21', '2030-03-22', '2030-03-23', '2030-03-24'];
const WEEK_BEFORE = '2030-03-11';

export interface RendererFigures {
  /** Until the appointments in view are painted, coming from an empty day. */
  dayView: Latency;
  /** The same, coming from a day as busy (its blocks give way to the new day's). */
  dayViewFromBusy: Latency;
  /** Until the columns scrolled out of sight hold theirs too. */
  dayViewAll: Latency;
  /** The day view's two calls alone, made from the page as the screen makes them. */
  dayFetch: Latency;
  weekView: Latency;
  dayAppointments: number;
  weekAppointments: number;
}

const time = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** 40 doctors with 30 appointments each on two days, and one doctor with 300 in a week. */
async function fill(knex: Knex, doctors: number, perDoctor: number, weekTotal: number): Promise<void> {
  const doctorRows = await knex('doctor_entities')
    .insert(
      Array.from({ length: doctors }, (_, i) => ({
        name: `Dr. Bench ${String(i + 1).padStart(2, '0')}`,
        email: `bench${i}@clinic.test`,
        specialization: 'General Medicine',
      })),
    )
    .returning('id');
  const patientRows = await knex('patient_entities')
    .insert(Array.from({ length: doctors * perDoctor }, (_, i) => ({ name: `Patient ${i + 1}`, phone: `+9198${String(i).padStart(8, '0')}` })))
    .returning('id');
  const ids = doctorRows.map((r: { id: number }) => r.id);
  const patients = patientRows.map((r: { id: number }) => r.id);
  const busy = [BUSY_DAY_BEFORE, DAY];
  await knex('doctor_availabilities').insert(
    busy.flatMap((date) => ids.map((id: number) => ({ doctor_id: id, date, start_time: '08:00', end_time: '20:00' }))),
  );
  const day = busy.flatMap((date) =>
    ids.flatMap((doctorId: number, d: number) =>
      Array.from({ length: perDoctor }, (_, k) => ({
        doctor_id: doctorId,
        patient_id: patients[d * perDoctor + k],
        appointment_date: date,
        start_time: time(480 + k * 20),
        end_time: time(495 + k * 20),
      })),
    ),
  );
  const perDay = Math.ceil(weekTotal / WEEK.length);
  const week = Array.from({ length: weekTotal }, (_, k) => ({
    doctor_id: ids[0],
    patient_id: patients[k % patients.length],
    appointment_date: WEEK[Math.floor(k / perDay)],
    start_time: time(420 + (k % perDay) * 15),
    end_time: time(435 + (k % perDay) * 15),
  }));
  await knex.batchInsert('appointment_entities', [...day, ...week], 500);
}

/**
 * Time from a click until the appointments in view are painted, and until every appointment of
 * the new day or week is in the page. The grid fills the columns on screen first and the ones
 * scrolled out of sight in a background render after, so the first figure is what the desk
 * waits for and the second says when the background work is done. `expected` holds the count of
 * every column of the new view by its data-column key ("doctorId|date"): a column still showing
 * the old view has another key and does not count. Which columns are in view is read before the
 * click (the same places before and after), so the check itself forces no layout. Sent as source
 * text: tsx's name-keeping helpers do not exist in the page.
 */
const SWITCH = `({ button, expected }) => new Promise((resolve, reject) => {
  const target = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === button || b.textContent === button);
  if (!target) return reject(new Error('No button ' + button));
  const port = document.querySelector('.schedule-scroll').getBoundingClientRect();
  const inView = [...document.querySelectorAll('.schedule-column')].flatMap((c, i) => {
    const r = c.getBoundingClientRect();
    return r.right > port.left && r.left < port.right && r.bottom > port.top && r.top < port.bottom ? [i] : [];
  });
  if (inView.length === 0) return reject(new Error('No column in view'));
  const total = Object.values(expected).reduce((a, b) => a + b, 0);
  const complete = (c) => c !== undefined && expected[c.dataset.column] === c.querySelectorAll('.appt').length;
  const start = performance.now();
  let shown;
  target.click();
  const check = () => {
    const columns = document.querySelectorAll('.schedule-column');
    // One more frame once they are there: the browser has laid out and painted the commit.
    if (shown === undefined && inView.every((i) => complete(columns[i]))) requestAnimationFrame(() => (shown = performance.now() - start));
    const all = document.querySelectorAll('.appt').length === total && [...columns].every(complete);
    if (all) requestAnimationFrame(() => resolve({ shown, all: performance.now() - start }));
    else if (performance.now() - start > 30000) reject(new Error('Only ' + document.querySelectorAll('.appt').length + ' of ' + total + ' appointments after 30 s'));
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})`;

type Counts = Record<string, number>;

// A desk looks at a day before moving to the next one; the screen uses that moment to fetch the
// days either side (when the browser is idle), as it does for a person.
const LOOK_MS = 500;

const timedSwitch = async (page: Page, button: string, expected: Counts): Promise<{ shown: number; all: number }> => {
  await page.waitForTimeout(LOOK_MS);
  return page.evaluate(`(${SWITCH})(${JSON.stringify({ button, expected })})`);
};

/** The appointments each column of these doctors and days holds, by the grid's column key. */
async function columnCounts(knex: Knex, doctorIds: number[], dates: string[]): Promise<Counts> {
  const rows: { doctor_id: number; appointment_date: string; n: number }[] = await knex('appointment_entities')
    .whereIn('doctor_id', doctorIds)
    .whereIn('appointment_date', dates)
    .groupBy('doctor_id', 'appointment_date')
    .select('doctor_id', knex.raw("to_char(appointment_date, 'YYYY-MM-DD') as appointment_date"), knex.raw('count(*)::int as n'));
  const counts: Counts = Object.fromEntries(doctorIds.flatMap((d) => dates.map((date) => [`${d}|${date}`, 0])));
  for (const r of rows) counts[`${r.doctor_id}|${r.appointment_date}`] = r.n;
  return counts;
}

/** The day view's appointments and working hours fetched from the page, without drawing anything. */
const FETCH_DAY = `async ({ doctorIds, date }) => {
  const call = (channel, payload) => fetch('/api/call/' + channel, {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + sessionStorage.getItem('clinic.bridgeToken'), 'X-Clinic-Client': sessionStorage.getItem('clinic.clientId') ?? '', 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  }).then((r) => r.json());
  const start = performance.now();
  const [a] = await Promise.all([call('appointments.list', { doctorIds, from: date, to: date }), call('availability.range', { doctorIds, from: date, to: date })]);
  if (!a.ok || a.value.length === 0) throw new Error('appointments.list: ' + JSON.stringify(a).slice(0, 200));
  return performance.now() - start;
}`;

/**
 * The schedule in headless Chromium, built renderer through the loopback bridge on an embedded
 * database: switching to a day of 40 doctors × 30 appointments (from an empty day, and from
 * another such day), and to a week of 300 for one
 * doctor, by Previous/Next after half a second on the view before. Each figure is from the click
 * to the frame after the appointments are in the page, as the desk experiences it: whatever of
 * the fetch through the bridge the screen has not done ahead is included. The fetch of a day
 * on its own (what a jump to a far date adds) is timed apart.
 */
export async function measureRenderer(rendererDir: string, runs = 5): Promise<RendererFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-bench-renderer-'));
  const db = await openDatabase({ mode: 'embedded', dataDir });
  const bridge = await startBridge({ db, rendererDir, version: 'bench' });
  await bridge.ready;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    await bridge.services.settings.update({ clinicName: 'Bench Clinic', timeZone: 'UTC' }, null);
    await insertUser(db.knex, { email: ADMIN.email, passwordHash: await hashPassword(ADMIN.password), role: 'ADMIN', displayName: 'Bench', doctorId: null });
    await fill(db.knex, 40, 30, 300);
    // What the app's statistics job does within minutes of such a change (PGlite has no autovacuum).
    await analyzeStaleTables(db.knex);
    const page = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
    await page.goto(bridge.url);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Schedule' }).click();
    await page.getByLabel('Date', { exact: true }).fill(EMPTY_DAY);

    const doctorIds = (await db.knex('doctor_entities').orderBy('id').pluck('id')) as number[];
    const [full, fullBefore, empty] = [
      await columnCounts(db.knex, doctorIds, [DAY]),
      await columnCounts(db.knex, doctorIds, [BUSY_DAY_BEFORE]),
      await columnCounts(db.knex, doctorIds, [EMPTY_DAY]),
    ];
    const day: number[] = [];
    const dayAll: number[] = [];
    const fromBusy: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms = await timedSwitch(page, 'Previous day', full);
      const busy = await timedSwitch(page, 'Previous day', fullBefore);
      await timedSwitch(page, 'Next day', full);
      await timedSwitch(page, 'Next day', empty);
      // the first run warms the bundle's code paths
      if (i > 0) {
        day.push(ms.shown);
        dayAll.push(ms.all);
        fromBusy.push(busy.shown);
      }
    }

    const fetches: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms: number = await page.evaluate(`(${FETCH_DAY})(${JSON.stringify({ doctorIds, date: DAY })})`);
      if (i > 0) fetches.push(ms);
    }

    await page.getByRole('button', { name: 'Week' }).click();
    await page.getByLabel('Date', { exact: true }).fill(WEEK_BEFORE);
    const [busyWeek, emptyWeek] = [
      await columnCounts(db.knex, doctorIds.slice(0, 1), WEEK),
      await columnCounts(
        db.knex,
        doctorIds.slice(0, 1),
        Array.from({ length: 7 }, (_, i) => shiftDate(WEEK_BEFORE, i)),
      ),
    ];
    const week: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const ms = await timedSwitch(page, 'Next week', busyWeek);
      await timedSwitch(page, 'Previous week', emptyWeek);
      if (i > 0) week.push(ms.all);
    }
    return {
      dayView: summarise(day),
      dayViewFromBusy: summarise(fromBusy),
      dayViewAll: summarise(dayAll),
      dayFetch: summarise(fetches),
      weekView: summarise(week),
      dayAppointments: 40 * 30,
      weekAppointments: 300,
    };
  } finally {
    await browser.close();
    await bridge.close();
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
