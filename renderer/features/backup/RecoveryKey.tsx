import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

/**
 * The clinic key as text, shown to an ADMIN on demand: backups are encrypted with it, and without
 * it no backup restores on another PC. Shown until hidden; never kept in the page otherwise.
 */
export function RecoveryKey() {
  const { t } = useT('backup');
  const [shown, setShown] = useState(false);
  return (
    <section aria-labelledby="recovery-key-heading">
      <h3 id="recovery-key-heading">{t('key.title')}</h3>
      <p>{t('key.intro')}</p>
      {shown ? <ShownKey onHide={() => setShown(false)} /> : <Button onClick={() => setShown(true)}>{t('key.show')}</Button>}
    </section>
  );
}

/** Asked for when shown; hiding unmounts it, and the key leaves the cache with it. */
function ShownKey({ onHide }: { onHide(): void }) {
  const { t } = useT('backup');
  const key = useClinicQuery('backup.exportRecoveryKey', {});
  const queryClient = useQueryClient();
  useEffect(() => () => queryClient.removeQueries({ queryKey: ['backup.exportRecoveryKey'] }), [queryClient]);
  if (key.error)
    return (
      <>
        <Banner tone="error">{problemOf(key.error)}</Banner>
        <Button onClick={() => void key.refetch()}>{t('key.show')}</Button>
      </>
    );
  if (!key.data) return <p className="ui-hint">{t('key.asking')}</p>;
  return (
    <>
      <label>
        {t('key.label', { keyId: key.data.keyId })}
        <textarea readOnly rows={2} cols={60} value={key.data.recoveryKey} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p>{t('key.otherPc')}</p>
      <Button onClick={onHide}>{t('key.hide')}</Button>
    </>
  );
}
