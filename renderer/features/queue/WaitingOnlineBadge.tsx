import { useT } from '../../i18n/use-t';
/** The patient has opened the video link and waits in the online lobby. */
export function WaitingOnlineBadge() {
  const { t } = useT('queue');
  return (
    <span className="ui-badge" data-tone="ok" role="status">
      {t('waitingOnline')}
    </span>
  );
}
