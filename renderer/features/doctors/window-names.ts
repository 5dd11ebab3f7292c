import type { AvailabilityWindow } from '../../../preload/contract';
import { t } from '../../i18n/instance';
import { hhmm } from '../../lib/dates';

// Read when shown, by screens that already hold the doctors' words (useT('doctors')), so they follow the language.
export const kindName = (kind: AvailabilityWindow['kind']) => t(`doctors:window.kind.${kind}`);

export const hours = (w: { startTime: string; endTime: string }) =>
  w.startTime === '00:00:00' && w.endTime === '24:00:00' ? t('doctors:window.wholeDay') : `${hhmm(w.startTime)}–${hhmm(w.endTime)}`;
export const describeWindow = (w: AvailabilityWindow) => t('doctors:window.describe', { kind: kindName(w.kind), date: w.date, hours: hours(w) });
/** "; 2 appointments cancelled" after what was done, or nothing when nobody was. */
export const cancelledNote = (count: number) => (count > 0 ? t('doctors:window.cancelled', { count }) : '');
