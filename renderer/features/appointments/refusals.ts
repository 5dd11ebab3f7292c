import { t } from '../../i18n/instance';
import type { Reword } from '../../ui/form/reword';

// What the contract's schemas refuse in the cancel, move and complete dialogs, said in the
// user's language. Read when the form is checked, so a language chosen since applies.

export const cancelRefusals: Reword = (field, problem) =>
  field === 'reason' ? t(problem === 'too_big' ? 'appointments:refuse.tooLong' : 'appointments:refuse.cancelReason') : undefined;

export const moveRefusals: Reword = (field, problem) => {
  switch (field) {
    case 'doctorId':
      return t('appointments:refuse.doctor');
    case 'date':
      return t('appointments:refuse.date');
    case 'startTime':
      return t('appointments:refuse.time');
    // The schema's own check that the end follows the start is its one "custom" problem here.
    case 'endTime':
      return t(problem === 'custom' ? 'appointments:refuse.endAfterStart' : 'appointments:refuse.time');
    case 'override.reason':
      return t(problem === 'too_big' ? 'appointments:refuse.tooLong' : 'appointments:refuse.outsideHours');
    default:
      return undefined;
  }
};

export const completeRefusals: Reword = (field, problem) => {
  if (field === 'recall.reason') return t('appointments:refuse.tooLong');
  if (field !== 'recall.inDays') return undefined;
  if (problem === 'too_small') return t('appointments:refuse.recallAtLeast');
  if (problem === 'too_big') return t('appointments:refuse.recallAtMost');
  // An empty box reads as NaN, a fraction is not a whole number of days: both "invalid_type".
  return t('appointments:refuse.wholeNumber');
};
