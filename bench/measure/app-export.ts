import type { Page } from 'playwright-core';
import type { ExportResultDto, Req, Result } from '../../preload/contract';
import { CLIENT_KEY, TOKEN_KEY } from '../../renderer/api/bridge-client';
import { rssOf } from './cold-start';

export interface AppExportFigures {
  rows: number;
  seconds: number;
  /** The app's process: RSS once Today was shown, and its peak while the export ran, in MB. */
  rssBeforeMb: number;
  rssPeakMb: number;
}

/** How often the app's RSS is read while the export runs. */
const SAMPLE_MS = 20;

/**
 * A large Excel export asked of the running app as its screen asks it (through the bridge, from
 * the signed-in page), the app's process's RSS read throughout: what the export costs main's
 * memory in the process a clinic runs, rather than in the bench's, which has run sixteen desks
 * and every other measurement before it.
 */
export async function exportInApp(page: Page, appPid: number, request: Req<'reports.export'>): Promise<AppExportFigures> {
  const rssBeforeMb = rssOf(appPid);
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssOf(appPid))), SAMPLE_MS);
  const started = performance.now();
  let result: Result<ExportResultDto>;
  try {
    result = await page.evaluate(
      async ({ request, keys }) => {
        const res = await fetch('/api/call/reports.export', {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${sessionStorage.getItem(keys.token) ?? ''}`,
            'X-Clinic-Client': sessionStorage.getItem(keys.client) ?? '',
            'Content-Type': 'application/json',
          },
          body: JSON.stringify(request),
        });
        return (await res.json()) as Result<ExportResultDto>;
      },
      { request, keys: { token: TOKEN_KEY, client: CLIENT_KEY } },
    );
  } finally {
    clearInterval(sampler);
  }
  const seconds = (performance.now() - started) / 1000;
  rssPeakMb = Math.max(rssPeakMb, rssOf(appPid));
  if (!result.ok) throw new Error(`the export in the app failed: ${result.error.code} ${result.error.message}`);
  if (result.value.rows === 0) throw new Error('the export in the app wrote no rows');
  return { rows: result.value.rows, seconds, rssBeforeMb, rssPeakMb };
}
