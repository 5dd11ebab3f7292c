import { t } from '../../i18n/instance';
import type { Reword } from '../../ui/form/reword';

/**
 * What the contract refuses when a schedule change cancels the patients it strands, in the
 * user's language: the reason recorded on each appointment, and what the patients are told.
 * Read when the form is checked, so a language chosen since applies.
 */
export const strandedRefusals: Reword = (field, problem) => {
  const tooLong = problem === 'too_big';
  if (field === 'reason') return t(tooLong ? 'appointments:refuse.tooLong' : 'appointments:refuse.cancelReason');
  if (field === 'tellPatients') return t(tooLong ? 'appointments:refuse.tellPatientsTooLong' : 'appointments:refuse.tellPatientsBraces');
  return undefined;
};
