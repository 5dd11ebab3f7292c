import type { ExportKind, ExportResultDto, Req, Result } from '../../../preload/contract';
import { bridgeDownloadAddress } from '../../api/bridge-client';
import { useClinicMutation } from '../../api/query';
import { t } from '../../i18n/instance';

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
    return { ok: true, message: t('reports:export.downloaded', { file: result.fileName, count: result.rows }) };
  }
  if (result.savedTo) return { ok: true, message: t('reports:export.saved', { count: result.rows, path: result.savedTo }) };
  return { ok: true, message: t('reports:export.nothing') };
}

/** The exports: each writes a file (where the desk chooses, or to this tab's downloads) and says where it went. */
export function useExports() {
  const report = useClinicMutation('reports.export');
  const calendar = useClinicMutation('reports.calendar');
  const outcome = (r: Result<ExportResultDto>): Outcome => (r.ok ? settle(r.value) : { ok: false, message: r.error.message });
  return {
    report: async (kind: ExportKind, format: 'csv' | 'xlsx', filters: Req<'reports.export'>['filters'], period?: Req<'reports.export'>['period']) =>
      outcome(await report.call({ kind, format, filters, period })),
    calendar: async (payload: Req<'reports.calendar'>) => outcome(await calendar.call(payload)),
  };
}
