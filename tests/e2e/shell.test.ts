import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhere } from '../support/platform';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, startClinic, type E2eClinic } from './browser';
import { seriousAxeViolations } from './axe';
import { signIn } from './desk';

const ADMIN = { name: 'Dr. Meera Iyer', email: 'meera@sunrise.test', password: 'sunrise clinic 2026' };

async function watchProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

describeWhere(['chromium'])('first run, sign-in and the lock screen, in real Chromium through the loopback bridge', () => {
  let clinic: E2eClinic;
  beforeAll(async () => {
    clinic = await startClinic();
  });
  afterAll(() => clinic?.dispose());

  it('creates the clinic and its first admin, signs out, and signs in again', async () => {
    const page = await (await clinic.browser.newContext()).newPage();
    const problems = await watchProblems(page);
    await page.goto(clinic.bridge.url);
    await page.getByRole('heading', { name: 'Set up Clinic Desk' }).waitFor();
    expect(new URL(page.url()).hash).toBe('');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-run.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Clinic name').fill('Sunrise Clinic');
    await page.getByLabel('Time zone').fill('Asia/Kolkata');
    await page.getByLabel('Your name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('password12');
    await page.getByLabel('Repeat the password').fill('password12');
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByRole('alert').filter({ hasText: 'commonly used' }).waitFor();

    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat the password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create the clinic' }).click();
    await page.getByRole('banner', { name: `Signed in as ${ADMIN.name} (Administrator)` }).waitFor();
    await page.getByText('Sunrise Clinic').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'signed-in.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Clinic Desk' }).waitFor();
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is incorrect.' }).waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('banner', { name: `Signed in as ${ADMIN.name} (Administrator)` }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the lock screen hides what is on screen until the password is entered again', async () => {
    const page = await (await clinic.browser.newContext()).newPage();
    await page.goto(clinic.bridge.url);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const welcome = page.getByRole('banner', { name: `Signed in as ${ADMIN.name} (Administrator)` });
    await welcome.waitFor();

    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByRole('heading', { name: 'Clinic Desk is locked' }).waitFor();
    expect(await welcome.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'locked.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('alert').filter({ hasText: 'That password is not right.' }).waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await welcome.waitFor();
    expect(await page.getByRole('heading', { name: 'Clinic Desk is locked' }).count()).toBe(0);
    await page.close();
  });

  it('finds a patient by typing part of the name and opens the record from the keyboard', async () => {
    await clinic.db.knex('patient_entities').insert([
      { name: 'Kavya Menon', phone: '+919845012345', date_of_birth: '1988-04-12', gender: 'FEMALE', medical_history: 'Asthma' },
      { name: 'Kabir Menon', phone: '+919845067890', date_of_birth: '1985-09-30', gender: 'MALE' },
    ]);
    const page = await (await clinic.browser.newContext()).newPage();
    await page.goto(clinic.bridge.url);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Patients' }).click();
    await page.getByLabel('Find a patient').fill('menon');
    await page.getByRole('option', { name: /Kabir Menon/ }).waitFor();
    await page.getByLabel('Find a patient').press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Kavya Menon' }).waitFor();
    await page.getByText('Asthma').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'patients.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.close();
  });

  it('what was fetched ahead draws without "Opening …": Today’s day-sheet button, a screen opened after the desk was idle', async () => {
    const page = await (await clinic.browser.newContext()).newPage();
    // Every "Opening …" the page shows, from its first frame.
    await page.addInitScript(() => {
      const seen = new Set<string>();
      (globalThis as { openings?: Set<string> }).openings = seen;
      new MutationObserver(() => document.querySelectorAll('.ui-loading').forEach((el) => seen.add(el.textContent ?? ''))).observe(document, {
        subtree: true,
        childList: true,
      });
    });
    const openings = () => page.evaluate(() => [...((globalThis as { openings?: Set<string> }).openings ?? [])]);
    await signIn(page, clinic.bridge.url);
    await page.getByRole('button', { name: 'Print day sheet' }).waitFor();
    expect(await openings()).not.toContain('Opening the day sheet…');

    // What the desk fetches ahead: every namespace's words (with the frame) and the Schedule's
    // chunk (while idle), run.
    await page.waitForFunction(() => {
      const held = globalThis as unknown as { clinicDeskWords: { hasLoadedNamespace(ns: string): boolean }; clinicDeskNamespaces: string[] };
      return held.clinicDeskNamespaces.every((ns) => held.clinicDeskWords.hasLoadedNamespace(ns));
    });
    const chunk = (
      await page.waitForFunction(() => performance.getEntriesByType('resource').find((e) => e.name.includes('/assets/ScheduleScreen-'))?.name)
    ).jsonValue();
    // As source text: vitest rewrites an import() written in the test's own code.
    await page.evaluate(`import(${JSON.stringify(await chunk)}).then(() => undefined)`);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.getByLabel('Date', { exact: true }).waitFor();
    expect(await openings()).not.toContain('Opening Schedule…');
    await page.close();
  });

  it('a page opened without its access key says how to get in', async () => {
    const context = await clinic.browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${clinic.bridge.port}/`);
    await page.getByRole('alert').filter({ hasText: 'opened without its access key' }).waitFor();
    await context.close();
  });
});
