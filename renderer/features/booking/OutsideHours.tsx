import { useT } from '../../i18n/use-t';
import { useSession } from '../../stores/session';
import { Field } from '../../ui/Field';

/**
 * Booking or moving outside the doctor's hours: only a DOCTOR or ADMIN, always with a reason
 * (main audits it). Nothing is shown to the front desk, whom main would refuse anyway.
 */
export function OutsideHours({
  checked,
  reason,
  error,
  onChecked,
  onReason,
}: {
  checked: boolean;
  reason: string;
  error?: string;
  onChecked(e: { target: { value: string; type?: string; checked?: boolean } }): void;
  onReason(e: { target: { value: string } }): void;
}) {
  const { t } = useT('appointments');
  const role = useSession((s) => s.session?.role);
  if (role !== 'DOCTOR' && role !== 'ADMIN') return null;
  return (
    <div className="ui-form">
      <label className="ui-check">
        <input type="checkbox" checked={checked} onChange={onChecked} /> {t('outsideHours.check')}
      </label>
      {checked && <Field label={t('outsideHours.why')} value={reason} onChange={onReason} error={error} />}
    </div>
  );
}
