import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';

/**
 * The number of replies waiting, for the shell's navigation; nothing while there are none. Its
 * own module: the navigation is on every screen, the inbox is a chunk loaded when opened.
 */
export function InboxCount() {
  // The shell's words: they are in from the start, so the navigation never waits for the inbox's.
  const { t } = useT('shell');
  const count = useClinicQuery('messaging.inboxCount', {}).data?.open ?? 0;
  if (count === 0) return null;
  return (
    <>
      {' '}
      <span className="ui-badge" data-tone="danger" aria-label={t('inboxWaiting', { count })}>
        {count}
      </span>
    </>
  );
}
