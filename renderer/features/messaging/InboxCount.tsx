import { useClinicQuery } from '../../api/query';

/**
 * The number of replies waiting, for the shell's navigation; nothing while there are none. Its
 * own module: the navigation is on every screen, the inbox is a chunk loaded when opened.
 */
export function InboxCount() {
  const count = useClinicQuery('messaging.inboxCount', {}).data?.open ?? 0;
  if (count === 0) return null;
  return (
    <>
      {' '}
      <span className="ui-badge" data-tone="danger" aria-label={`${count} waiting`}>
        {count}
      </span>
    </>
  );
}
