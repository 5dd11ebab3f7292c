import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

/**
 * The clinic key as text, shown to an ADMIN on demand: backups are encrypted with it, and without
 * it no backup restores on another PC. Shown until hidden; never kept in the page otherwise.
 */
export function RecoveryKey() {
  const [shown, setShown] = useState(false);
  return (
    <section aria-labelledby="recovery-key-heading">
      <h3 id="recovery-key-heading">Recovery key</h3>
      <p>
        Backups are encrypted with this PC’s clinic key. To restore one on another PC you need the recovery key: keep a copy away from this PC (on paper, or a
        USB stick in a locked drawer). Anyone with the key and a backup can read the clinic’s records.
      </p>
      {shown ? <ShownKey onHide={() => setShown(false)} /> : <Button onClick={() => setShown(true)}>Show recovery key</Button>}
    </section>
  );
}

/** Asked for when shown; hiding unmounts it, and the key leaves the cache with it. */
function ShownKey({ onHide }: { onHide(): void }) {
  const key = useClinicQuery('backup.exportRecoveryKey', {});
  const queryClient = useQueryClient();
  useEffect(() => () => queryClient.removeQueries({ queryKey: ['backup.exportRecoveryKey'] }), [queryClient]);
  if (key.error)
    return (
      <>
        <Banner tone="error">{problemOf(key.error)}</Banner>
        <Button onClick={() => void key.refetch()}>Show recovery key</Button>
      </>
    );
  if (!key.data) return <p className="ui-hint">Asking for the recovery key…</p>;
  return (
    <>
      <label>
        Recovery key (clinic key {key.data.keyId})
        <textarea readOnly rows={2} cols={60} value={key.data.recoveryKey} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <p>On the other PC: npm run db:restore -- &lt;backup file&gt; --recovery-key-file &lt;a file holding this key&gt;</p>
      <Button onClick={onHide}>Hide recovery key</Button>
    </>
  );
}
