import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import enCommon from '../../renderer/i18n/en/common';
import enShell from '../../renderer/i18n/en/shell';
import hiCommon from '../../renderer/i18n/hi/common';
import hiShell from '../../renderer/i18n/hi/shell';
import { NAMES_BY_SCRIPT, type Script } from '../../renderer/ui/design/samples';
import { describeWhere } from '../support/platform';
import { SCREENSHOTS, type E2eClinic } from './browser';
import { seriousAxeViolations } from './axe';
import { ADMIN, deskData, morningZone, startFirstRunClinic, signIn } from './desk';

const WORDS = { en: { common: enCommon, shell: enShell }, hi: { common: hiCommon, shell: hiShell } };
// An administrator's sections, in the bar's order (renderer/features/shell/sections.tsx).
const SECTIONS = ['queue', 'schedule', 'patients', 'waitlist', 'recalls', 'inbox', 'payments', 'reports', 'doctors', 'admin'] as const;
const THEMES = ['light', 'dark', 'contrast'] as const;
/**
 * Axe runs on every screen in each theme in English (the themes' colours), and in Hindi in the
 * first theme only: a language changes names and labels, which no theme changes.
 */
const axeIn = (language: 'en' | 'hi', theme: (typeof THEMES)[number]) => language === 'en' || theme === THEMES[0];
// The family each script's name must be drawn in: the bundled face (fonts.css), never the PC's.
const FACE: Record<Script, string> = {
  latin: 'Noto Sans Variable',
  devanagari: 'Noto Sans Devanagari Variable',
  bengali: 'Noto Sans Bengali Variable',
  gujarati: 'Noto Sans Gujarati Variable',
  tamil: 'Noto Sans Tamil Variable',
  telugu: 'Noto Sans Telugu Variable',
  kannada: 'Noto Sans Kannada Variable',
  malayalam: 'Noto Sans Malayalam Variable',
};

/** Each bundled family and whether the page has fetched any of its faces. */
function loadedFamilies(page: Page): Promise<Record<string, boolean>> {
  return page.evaluate(async () => {
    await document.fonts.ready;
    const out: Record<string, boolean> = {};
    for (const face of document.fonts) out[face.family.replace(/"/g, '')] = out[face.family.replace(/"/g, '')] || face.status === 'loaded';
    return out;
  });
}

/** The fonts Chromium drew an element's text with, as its renderer reports them (not as the CSS asks). */
async function fontsDrawing(page: Page, text: string): Promise<{ familyName: string; isCustomFont: boolean }[]> {
  const element = page.getByText(text, { exact: true }).first();
  await element.evaluate((el) => el.setAttribute('data-font-probe', ''));
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-font-probe]' });
    return (await cdp.send('CSS.getPlatformFontsForNode', { nodeId })).fonts;
  } finally {
    await cdp.detach();
    await element.evaluate((el) => el.removeAttribute('data-font-probe'));
  }
}

describeWhere(['chromium'])('every screen in English and Hindi, in every theme, with names in Indian scripts, in real Chromium', () => {
  let clinic: E2eClinic;
  const zone = morningZone();

  beforeAll(async () => {
    clinic = await startFirstRunClinic(zone);
    const { doctorId, today } = await deskData(clinic.db.knex, zone);
    const knex = clinic.db.knex;
    const scripts = (Object.keys(NAMES_BY_SCRIPT) as Script[]).filter((s) => s !== 'latin');
    const patients = (await knex('patient_entities')
      .insert(scripts.map((s, i) => ({ name: NAMES_BY_SCRIPT[s], phone: `+9198450${String(20000 + i).padStart(5, '0')}`, gender: 'OTHER' })))
      .returning('id')) as { id: number }[];
    const [kavya] = (await knex('patient_entities').where({ name: NAMES_BY_SCRIPT.latin }).select('id')) as { id: number }[];
    await knex('appointment_entities').insert(
      [kavya!, ...patients].map((p, i) => ({
        patient_id: p.id,
        doctor_id: doctorId,
        appointment_date: today,
        start_time: `${String(12 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
        end_time: `${String(12 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '45' : '15'}`,
      })),
    );
  });
  afterAll(() => clinic?.dispose());

  it('draws each patient’s name in the bundled Noto face of its script, fetched only once a name in it is shown', async () => {
    const page = await (await clinic.browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
    await page.goto(clinic.bridge.url);
    await page.getByRole('heading', { name: 'Sign in to Clinic Desk' }).waitFor();
    // An English sign-in screen is Latin only: the Indian scripts' files are not fetched.
    const atSignIn = await loadedFamilies(page);
    expect(atSignIn[FACE.latin]).toBe(true);
    for (const script of Object.keys(FACE) as Script[]) if (script !== 'latin') expect(atSignIn[FACE[script]], script).toBe(false);

    await signIn(page, clinic.bridge.url);
    for (const [script, name] of Object.entries(NAMES_BY_SCRIPT) as [Script, string][]) {
      await page.getByText(name, { exact: true }).first().waitFor();
      const drawn = await fontsDrawing(page, name);
      // Chromium names the file's own family ("Noto Sans Tamil"), and marks it a web font.
      const family = FACE[script].replace(/ Variable$/, '');
      expect(drawn.filter((f) => f.isCustomFont && f.familyName.startsWith(family)).length, `${script}: ${JSON.stringify(drawn)}`).toBeGreaterThan(0);
      expect(
        drawn.filter((f) => !f.isCustomFont),
        `${script} drawn with a font of this PC`,
      ).toEqual([]);
    }
    const onToday = await loadedFamilies(page);
    for (const script of Object.keys(FACE) as Script[]) expect(onToday[FACE[script]], script).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'today-indian-scripts.png'), fullPage: true });
    await page.context().close();
  });

  for (const language of ['en', 'hi'] as const) {
    it(`shows every screen, the lock screen and sign-in in ${language === 'en' ? 'English' : 'Hindi'} in each theme, screenshot and axe (${language === 'en' ? 'each theme' : 'the first theme'})`, async () => {
      const page = await (await clinic.browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
      await page.addInitScript(() => {
        window.print = () => undefined;
      });
      await signIn(page, clinic.bridge.url);
      const words = WORDS[language];
      // The way a user does it: the language box in the bar (saved on their account).
      await page.getByLabel(WORDS.en.common.language).or(page.getByLabel(WORDS.hi.common.language)).selectOption(language);
      const nav = page.getByRole('navigation', { name: words.shell.sections });
      await nav.waitFor();
      const buttons = nav.getByRole('button');
      expect(await buttons.count()).toBe(SECTIONS.length);
      for (const [i, id] of SECTIONS.entries()) expect(await buttons.nth(i).textContent()).toContain(words.shell.section[id]);

      for (const theme of THEMES) {
        await page.getByLabel(words.common.theme.label).selectOption(theme);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        for (const [i, id] of SECTIONS.entries()) {
          await buttons.nth(i).click();
          await page.getByRole('main', { name: words.shell.section[id] }).waitFor();
          // The screen's chunk, then its first answers: no "Opening…", no "Loading…" left.
          await page.locator('main .ui-loading').waitFor({ state: 'detached' });
          await page.getByRole('main').getByText(words.common.loading).first().waitFor({ state: 'detached' });
          await page.screenshot({ path: path.join(SCREENSHOTS, `screen-${id}-${language}-${theme}.png`), fullPage: true });
          if (axeIn(language, theme)) expect(await seriousAxeViolations(page), `${id} in ${theme}`).toEqual([]);
        }
        // The lock screen over it, then back in with the password.
        await page.getByRole('button', { name: words.shell.lock, exact: true }).click();
        const lock = page.getByRole('form', { name: words.shell.locked.title });
        await lock.waitFor();
        await page.screenshot({ path: path.join(SCREENSHOTS, `screen-locked-${language}-${theme}.png`) });
        if (axeIn(language, theme)) expect(await seriousAxeViolations(page), `lock screen in ${theme}`).toEqual([]);
        await lock.getByLabel(words.shell.signIn.password).fill(ADMIN.password);
        await lock.getByRole('button', { name: words.shell.locked.unlock }).click();
        await lock.waitFor({ state: 'detached' });
        await nav.waitFor();
      }

      // Signed out, the sign-in screen speaks this PC's last language, in each theme.
      await page.getByRole('button', { name: words.shell.signOut }).click();
      for (const theme of THEMES) {
        await page.evaluate((t) => localStorage.setItem('clinic-desk.theme', t), theme);
        await page.reload();
        await page.getByRole('heading', { name: words.shell.signIn.title }).waitFor();
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        await page.screenshot({ path: path.join(SCREENSHOTS, `screen-sign-in-${language}-${theme}.png`) });
        if (axeIn(language, theme)) expect(await seriousAxeViolations(page), `sign-in in ${theme}`).toEqual([]);
      }
      await page.context().close();
    });
  }
});
