import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhere } from '../support/platform';
import { seriousAxeViolations } from './axe';
import { CHROMIUM, CHROMIUM_FLAGS } from './browser';

// The other end-to-end suites pass when this finds nothing: it must find what is there, in
// frames too, and again after the page changes.
describeWhere(['chromium'])('the accessibility check the end-to-end suites rely on', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  });
  afterAll(() => browser?.close());

  it('names serious findings in the page and in its frames, and none once they are fixed', async () => {
    const page = await browser.newPage();
    await page.setContent(
      `<html lang="en"><head><title>Check</title></head><body><main>
        <h1>Check</h1>
        <button id="unnamed"></button>
        <iframe title="Inner" srcdoc="<html lang=en><title>Inner</title><body><img src='x.png'></body></html>"></iframe>
      </main></body></html>`,
    );
    await page.frameLocator('iframe').locator('img').waitFor({ state: 'attached' });

    const found = await seriousAxeViolations(page);
    expect(found).toEqual([
      expect.stringMatching(/^button-name \(critical\): .* — #unnamed$/),
      expect.stringMatching(/^image-alt \(critical\): .* — iframe img$/),
    ]);

    await page.locator('#unnamed').evaluate((b) => (b.textContent = 'Save'));
    await page
      .frameLocator('iframe')
      .locator('img')
      .evaluate((img) => img.setAttribute('alt', 'A chart'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<p style="color:#eee;background:#fff">Faint words</p>'));
    expect(await seriousAxeViolations(page)).toEqual([expect.stringMatching(/^color-contrast \(serious\): /)]);
    await page.close();
  });
});
