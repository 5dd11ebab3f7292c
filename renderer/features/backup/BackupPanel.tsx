import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { BackupRun, BackupStatus, CallError } from '../../../preload/contract';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { clinicDateTime } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, fieldError, FormField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useContractForm } from '../../ui/form/use-contract-form';
import { BackupFiles } from './BackupFiles';
import { byteSize } from './byte-size';
import { RecoveryKey } from './RecoveryKey';
import { useWarningOf } from './useBackupWarning';

function RunLine({ label, run }: { label: string; run: BackupRun | null }) {
  const { t } = useT('backup');
  const timeZone = useTimeZone();
  if (!run) return <p>{t('runNone', { label })}</p>;
  const when = run.finishedAt ? clinicDateTime(run.finishedAt, timeZone) : '';
  return (
    <p>{run.ok ? t('runOk', { label, when, file: run.file, size: byteSize(run.bytes ?? 0) }) : t('runFailed', { label, when, message: run.message ?? '' })}</p>
  );
}

/**
 * The ADMIN's backup settings: daily time, target folder (a USB or network drive), how many
 * to keep; a backup on demand; the last result, and a warning while the latest one failed;
 * the backups in the folder, each restorable; the recovery key.
 */
export function BackupPanel() {
  const status = useClinicQuery('backup.status', {});
  // Last: it may suspend while the words arrive, and React replays only the hooks before that
  // point. The parts below render once the words are in, so they never suspend themselves.
  const { t } = useT('backup');
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('title')}</h2>
      {/* The form starts from the saved schedule once it is known, then keeps what the admin types. */}
      <BackupForm key={status.data ? 'loaded' : 'loading'} status={status.data} loadError={status.error?.error} />
      <BackupFiles />
      <RecoveryKey />
    </section>
  );
}

const DEFAULT_SCHEDULE = { enabled: false, timeOfDay: '20:00', folder: '', keepLast: 14 };

function BackupForm({ status, loadError }: { status: BackupStatus | undefined; loadError: CallError | undefined }) {
  const { t } = useT('backup');
  const saveSchedule = useClinicMutation('backup.saveSchedule');
  const runBackup = useClinicMutation('backup.runNow');
  const { enabled, timeOfDay, folder, keepLast } = status?.schedule ?? DEFAULT_SCHEDULE;
  const form = useContractForm('backup.saveSchedule', { enabled, timeOfDay, folder, keepLast });
  const [runError, setRunError] = useState<CallError>();
  const problem = (runError ?? loadError)?.message;
  const [saved, setSaved] = useState(false);
  const running = runBackup.isPending;
  const warning = useWarningOf(status);

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
      {warning && <Banner tone="warning">{warning}</Banner>}
      {problem && <Banner tone="error">{problem}</Banner>}
      <form onSubmit={save} noValidate>
        <FormProblem form={form} />
        <label>
          <input type="checkbox" {...form.register('enabled')} /> {t('everyDay')}
        </label>
        <FormField form={form} name="timeOfDay" label={t('timeOfDay')} type="time" />
        <FormField form={form} name="folder" label={t('folder')} hint={t('folderHint')} />
        <Field
          label={t('keepLast')}
          type="number"
          min={1}
          max={365}
          {...form.register('keepLast', { valueAsNumber: true })}
          error={fieldError(form, 'keepLast')}
        />
        <Button variant="primary" type="submit" disabled={form.formState.isSubmitting}>
          {t('saveSchedule')}
        </Button>
        {saved && <span role="status"> {t('saved')}</span>}
      </form>
      <Button onClick={runNow} disabled={running}>
        {running ? t('backingUp') : t('backUpNow')}
      </Button>
      {status && (
        <>
          <RunLine label={t('lastRun')} run={status.lastRun} />
          {status.lastRun?.ok === false && <RunLine label={t('lastGood')} run={status.lastSuccess} />}
        </>
      )}
    </>
  );
}
