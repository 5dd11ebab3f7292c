import type { ExportKind, ExportResultDto, Req } from '../../../preload/contract';
import { bridgeDownloadAddress } from '../../api/bridge-client';
import { clinic } from '../../api/clinic';

type Outcome = { ok: true; message: string } | { ok: false; message: string };

/** Hands a file main wrote for this tab to the browser's downloads (browser mode only). */
function download(result: ExportResultDto): void {
  const a = document.createElement('a');
  a.href = bridgeDownloadAddress(result.downloadId!);
  a.download = result.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** What happened to a file, in words: saved where the desk chose, downloaded, or nothing (dialog cancelled). */
function settle(result: ExportResultDto): Outcome {
  if (result.downloadId) {
    download(result);
    return { ok: true, message: `${result.fileName} downloaded (${result.rows} rows)` };
  }
  if (result.savedTo) return { ok: true, message: `Saved ${result.rows} rows to ${result.savedTo}` };
  return { ok: true, message: 'Nothing saved' };
}

export async function exportReport(
  kind: ExportKind,
  format: 'csv' | 'xlsx',
  filters: Req<'reports.export'>['filters'],
  period?: Req<'reports.export'>['period'],
): Promise<Outcome> {
  const r = await clinic.reports.export({ kind, format, filters, period });
  return r.ok ? settle(r.value) : { ok: false, message: r.error.message };
}

export async function exportCalendar(payload: Req<'reports.calendar'>): Promise<Outcome> {
  const r = await clinic.reports.calendar(payload);
  return r.ok ? settle(r.value) : { ok: false, message: r.error.message };
}
