import { t } from '../../i18n/instance';
import { mediaTrouble } from './media';
import type { DeviceError } from './useLocalMedia';
import type { CallProblem } from './VideoProvider';

// The hooks below the call window are shared with the patient's join page, which has its own
// words (join/strings.ts): they say what went wrong, the desk's screens word it here.

/** A camera or microphone problem in the doctor's language. */
export function deviceProblem(error: DeviceError): string {
  if (error.name === 'ended') return t(error.kind === 'audio' ? 'call:device.micStopped' : 'call:device.cameraStopped');
  const trouble = mediaTrouble(error.name);
  if (trouble !== 'failed') return t(`call:device.${trouble}`);
  return error.name === 'unknown' ? t('call:device.failed') : t('call:device.failedAs', { name: error.name });
}

/** Why the join failed or the call was lost, in the doctor's language. */
export function callProblem(problem: CallProblem): string {
  switch (problem.kind) {
    case 'token':
      return t('call:problem.token', { code: problem.code });
    case 'unreachable':
      return t('call:problem.unreachable');
    case 'lost':
      return t('call:problem.lost', { message: problem.message });
  }
}
