import { useState } from 'react';
import type { CallError, RecoveryKey as RecoveryKeyDto } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';

/**
 * The clinic key as text, shown to an ADMIN on demand: backups are encrypted with it, and without
 * it no backup restores on another PC. Shown until hidden; never kept in the page otherwise.
 */
export function RecoveryKey() {
  const [key, setKey] = useState<RecoveryKeyDto>();
  const [error, setError] = useState<CallError>();

  const show = async () => {
    const r = await clinic.backup.exportRecoveryKey({});
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setKey(r.value);
  };

  return (
    <section aria-labelledby="recovery-key-heading">
      <h3 id="recovery-key-heading">Recovery key</h3>
      <p>
        Backups are encrypted with this PC’s clinic key. To restore one on another PC you need the recovery key: keep a copy away from this PC (on paper, or a
        USB stick in a locked drawer). Anyone with the key and a backup can read the clinic’s records.
      </p>
      {error && <Banner tone="error">{error.message}</Banner>}
      {key ? (
        <>
          <label>
            Recovery key (clinic key {key.keyId})
            <textarea readOnly rows={2} cols={60} value={key.recoveryKey} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p>On the other PC: npm run db:restore -- &lt;backup file&gt; --recovery-key-file &lt;a file holding this key&gt;</p>
          <Button onClick={() => setKey(undefined)}>Hide recovery key</Button>
        </>
      ) : (
        <Button onClick={show}>Show recovery key</Button>
      )}
    </section>
  );
}
