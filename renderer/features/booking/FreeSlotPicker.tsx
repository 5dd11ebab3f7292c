import { hhmm, shortDay } from '../../lib/dates';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { useFreeSlots, type FreeSlot } from './useFreeSlots';

/**
 * The doctor's next free times from a day, as radio buttons: picking one fills the date and
 * the times. The one matching what is typed is shown as picked.
 */
export function FreeSlotPicker({
  doctorId,
  appointmentTypeId,
  from,
  picked,
  onPick,
}: {
  doctorId: number;
  appointmentTypeId?: number;
  from: string;
  picked: { date: string; startTime: string };
  onPick(slot: FreeSlot): void;
}) {
  const { t } = useT('appointments');
  const free = useFreeSlots(doctorId, from, appointmentTypeId);
  return (
    <fieldset className="free-slots">
      <legend>{t('free.title')}</legend>
      {free.problem && <Banner tone="error">{free.problem}</Banner>}
      {free.slots.length === 0 && !free.problem && <p className="ui-hint">{t('free.none')}</p>}
      {free.slots.map((s) => (
        <label key={`${s.date} ${s.startTime}`} className="free-slot">
          <input type="radio" name="free-slot" checked={picked.date === s.date && picked.startTime === hhmm(s.startTime)} onChange={() => onPick(s)} />
          {shortDay(s.date)} {hhmm(s.startTime)}
        </label>
      ))}
    </fieldset>
  );
}
