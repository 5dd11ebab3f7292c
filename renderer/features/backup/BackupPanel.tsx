import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { BackupRun, BackupStatus, CallError } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { splitError } from '../../ui/form-errors';
import { byteSize } from './byte-size';
import { RecoveryKey } from './RecoveryKey';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

function RunLine({ label, run }: { label: string; run: BackupRun | null }) {
  if (!run) return <p>{label}: none yet</p>;
  return (
    <p>
      {label}: {when(run.finishedAt)} — {run.ok ? `${run.file} (${byteSize(run.bytes ?? 0)})` : `failed: ${run.message}`}
    </p>
  );
}

/**
 * The ADMIN's backup settings: daily time, target folder (a USB or network drive), how many
 * to keep; a backup on demand; the last result, and a warning while the latest one failed.
 */
export function BackupPanel() {
  const status = useClinicQuery('backup.status', {});
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">Backups</h2>
      {/* The form starts from the saved schedule once it is known, then keeps what the admin types. */}
      <BackupForm key={status.data ? 'loaded' : 'loading'} status={status.data} loadError={status.error?.error} />
      <RecoveryKey />
    </section>
  );
}

const formOf = (s: BackupStatus | undefined) =>
  s ? { enabled: s.schedule.enabled, timeOfDay: s.schedule.timeOfDay, folder: s.schedule.folder, keepLast: String(s.schedule.keepLast) } : { enabled: false, timeOfDay: '20:00', folder: '', keepLast: '14' };

function BackupForm({ status, loadError }: { status: BackupStatus | undefined; loadError: CallError | undefined }) {
  const saveSchedule = useClinicMutation('backup.saveSchedule');
  const runBackup = useClinicMutation('backup.runNow');
  const [form, setForm] = useState(() => formOf(status));
  const [callError, setError] = useState<CallError>();
  const error = callError ?? loadError;
  const [saved, setSaved] = useState(false);
  const running = runBackup.isPending;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const r = await saveSchedule.call({ enabled: form.enabled, timeOfDay: form.timeOfDay, folder: form.folder, keepLast: Number(form.keepLast) });
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setSaved(true);
  };

  const queryClient = useQueryClient();
  const runNow = async () => {
    const r = await runBackup.call({});
    setError(r.ok ? undefined : r.error);
    // A failed run is recorded too: its status shows at once (a good one is asked again by cache-writes).
    if (!r.ok) void queryClient.invalidateQueries({ queryKey: ['backup.status'] });
  };

  const { field, fieldMessage, formMessage } = splitError(error);
  const at = (name: string) => (field === name ? fieldMessage : undefined);
  return (
    <>
      {status?.warning && <Banner tone="warning">{status.warning}</Banner>}
      {formMessage && <Banner tone="error">{formMessage}</Banner>}
      <form onSubmit={save} noValidate>
        <label>
          <input type="checkbox" checked={form.enabled} onChange={(e) => setForm({ ...form, enabled: e.target.checked })} /> Back up every day
        </label>
        <Field label="Time of day" type="time" value={form.timeOfDay} error={at('timeOfDay')} onChange={(e) => setForm({ ...form, timeOfDay: e.target.value })} />
        <Field
          label="Backup folder"
          value={form.folder}
          error={at('folder')}
          hint="A USB or network drive, so a copy survives this PC"
          onChange={(e) => setForm({ ...form, folder: e.target.value })}
        />
        <Field label="Backups to keep" type="number" min={1} max={365} value={form.keepLast} error={at('keepLast')} onChange={(e) => setForm({ ...form, keepLast: e.target.value })} />
        <Button variant="primary" type="submit">
          Save schedule
        </Button>
        {saved && <span role="status"> Saved.</span>}
      </form>
      <Button onClick={runNow} disabled={running}>
        {running ? 'Backing up…' : 'Back up now'}
      </Button>
      {status && (
        <>
          <RunLine label="Last backup" run={status.lastRun} />
          {status.lastRun?.ok === false && <RunLine label="Last good backup" run={status.lastSuccess} />}
        </>
      )}
    </>
  );
}
