import type { AppointmentDto } from '../../../preload/contract';
import { t } from '../../i18n/instance';
import { toast } from '../../ui/toasts';
import { openCallWindow } from '../call';

/** Its module (with the call's) is loaded on the first click from Today: none of it is start-up JavaScript. */
export async function startVideo(a: AppointmentDto): Promise<void> {
  try {
    await openCallWindow(a.id);
  } catch (err) {
    toast(t('queue:videoRefused', { name: a.patientName, problem: err instanceof Error ? err.message : String(err) }), 'error');
  }
}
