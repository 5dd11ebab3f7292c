import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startClinic, type E2eClinic } from './browser';

describe('the renderer in real Chromium through the loopback bridge', () => {
  let clinic: E2eClinic;
  beforeAll(async () => {
    clinic = await startClinic();
  });
  afterAll(() => clinic?.dispose());

  it('loads under the strict CSP, talks to main through the bridge client, and drops the token from the address bar', async () => {
    const page = await clinic.browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(clinic.bridge.url);
    await page.getByRole('heading', { name: 'Clinic Desk' }).waitFor();
    await page.getByText('Version e2e, this PC’s own database').waitFor();
    expect(new URL(page.url()).hash).toBe('');
    expect(await page.evaluate(() => typeof (window as unknown as { clinic?: unknown }).clinic)).toBe('undefined');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'shell.png') });
    expect(problems).toEqual([]);
    await page.close();
  });

  it('a page opened without the token is told how to get in', async () => {
    const context = await clinic.browser.newContext();
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${clinic.bridge.port}/`);
    await page.getByRole('alert').filter({ hasText: 'opened without its access key' }).waitFor();
    await context.close();
  });
});
