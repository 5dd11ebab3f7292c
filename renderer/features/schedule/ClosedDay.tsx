import { useT } from '../../i18n/use-t';

/** Across a column the clinic is closed: the holiday by name, so nobody looks for the doctor's hours. */
export function ClosedDay({ holiday }: { holiday: string }) {
  const { t } = useT('holidays');
  return (
    <p className="closed-day" role="note">
      {t('closed', { name: holiday })}
    </p>
  );
}
