import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { describeWhere } from '../support/platform';
import { SCREENSHOTS, startClinic, type E2eClinic } from './browser';
import { seriousAxeViolations } from './axe';

const THEMES = ['light', 'dark', 'contrast'] as const;
const SAMPLES = ['type', 'buttons', 'fields', 'banners', 'status', 'table', 'tabs', 'combobox', 'toasts', 'dialog'];
const TITLE = { en: 'Clinic Desk: the building blocks', hi: 'Clinic Desk: बुनियादी हिस्से' };

describeWhere(['chromium'])('the design page (design.html): every primitive in every theme, in real Chromium', () => {
  let clinic: E2eClinic;
  beforeAll(async () => {
    clinic = await startClinic();
  });
  afterAll(() => clinic?.dispose());

  async function designPage(theme: string, language: 'en' | 'hi'): Promise<Page> {
    const context = await clinic.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(
      ([t, l]) => {
        localStorage.setItem('clinic-desk.theme', t!);
        localStorage.setItem('clinic-desk.language', l!);
      },
      [theme, language],
    );
    await page.goto(new URL('/design.html', clinic.bridge.url).href);
    await page.getByRole('heading', { name: TITLE[language], level: 1 }).waitFor();
    return page;
  }

  for (const language of ['en', 'hi'] as const) {
    for (const theme of THEMES) {
      // A language changes names and labels, which no theme changes: Hindi is checked in the first theme.
      const axe = language === 'en' || theme === THEMES[0];
      it(`shows each primitive in ${language} in the ${theme} theme and screenshots each${axe ? ', and axe finds nothing serious' : ''}`, async () => {
        const page = await designPage(theme, language);
        expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
        const samples = page.locator('section[data-sample]');
        expect(await samples.evaluateAll((all) => all.map((s) => (s as HTMLElement).dataset.sample))).toEqual(SAMPLES);
        await page.locator('.ui-toast').nth(1).waitFor();
        for (const sample of SAMPLES) {
          await samples
            .and(page.locator(`[data-sample="${sample}"]`))
            .screenshot({ path: path.join(SCREENSHOTS, `design-${sample}-${language}-${theme}.png`) });
        }
        if (axe) expect(await seriousAxeViolations(page)).toEqual([]);

        // The dialog is modal: opened from its sample, shot and checked on its own, closed with Escape.
        const opener = page.locator('[data-sample="dialog"] button');
        await opener.click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        await dialog.screenshot({ path: path.join(SCREENSHOTS, `design-dialog-open-${language}-${theme}.png`) });
        if (axe) expect(await seriousAxeViolations(page)).toEqual([]);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
        // Radix hands focus back a task after the dialog leaves the page, not with it.
        await expect.poll(() => opener.evaluate((el) => el === document.activeElement), { timeout: 30_000 }).toBe(true);
        await page.context().close();
      });
    }
  }

  it('is no part of the desk: its first screen shows no sample (the page itself needed no sign-in above)', async () => {
    const page = await (await clinic.browser.newContext()).newPage();
    await page.goto(clinic.bridge.url);
    await page.getByRole('heading', { name: 'Set up Clinic Desk' }).waitFor();
    expect(await page.locator('section[data-sample]').count()).toBe(0);
    await page.context().close();
  });
});
