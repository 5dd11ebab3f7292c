import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupRun, BackupStatus, CallError } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, fieldError, FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';
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

const DEFAULT_SCHEDULE = { enabled: false, timeOfDay: '20:00', folder: '', keepLast: 14 };

function BackupForm({ status, loadError }: { status: BackupStatus | undefined; loadError: CallError | undefined }) {
  const saveSchedule = useClinicMutation('backup.saveSchedule');
  const runBackup = useClinicMutation('backup.runNow');
  const { enabled, timeOfDay, folder, keepLast } = status?.schedule ?? DEFAULT_SCHEDULE;
  const form = useContractForm('backup.saveSchedule', { enabled, timeOfDay, folder, keepLast });
  const [runError, setRunError] = useState<CallError>();
  const problem = (runError ?? loadError)?.message;
  const [saved, setSaved] = useState(false);
  const running = runBackup.isPending;

  const save = form.handleSubmit(async (schedule) => {
    setSaved(false);
    const r = await saveSchedule.call(schedule);
    if (!r.ok) return applyRefusal(form, r.error);
    setSaved(true);
  });

  const queryClient = useQueryClient();
  const runNow = async () => {
    const r = await runBackup.call({});
    setRunError(r.ok ? undefined : r.error);
    // A failed run is recorded too: its status shows at once (a good one is asked again by cache-writes).
    if (!r.ok) void queryClient.invalidateQueries({ queryKey: ['backup.status'] });
  };

  return (
    <>
      {status?.warning && <Banner tone="warning">{status.warning}</Banner>}
      {problem && <Banner tone="error">{problem}</Banner>}
      <form onSubmit={save} noValidate>
        <FormProblem form={form} />
        <label>
          <input type="checkbox" {...form.register('enabled')} /> Back up every day
        </label>
        <FormField form={form} name="timeOfDay" label="Time of day" type="time" />
        <FormField form={form} name="folder" label="Backup folder" hint="A USB or network drive, so a copy survives this PC" />
        <Field
          label="Backups to keep"
          type="number"
          min={1}
          max={365}
          {...form.register('keepLast', { valueAsNumber: true })}
          error={fieldError(form, 'keepLast')}
        />
        <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
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
