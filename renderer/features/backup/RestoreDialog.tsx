import { useState, type FormEvent } from 'react';
import type { BackupFile, CallError } from '../../../preload/contract';
import { useSettings } from '../../api/clinic-data';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { Field } from '../../ui/Field';
import { toast } from '../../ui/toasts';

/** Typed names compare as people see them: spaces at the ends and letter case do not count. */
const sameName = (typed: string, name: string) => typed.trim().toLocaleLowerCase() === name.trim().toLocaleLowerCase();

/**
 * The one deliberate step before a restore: what it does in plain words (the backup's date,
 * that everything since is lost, the safety backup, everyone signed out), and the clinic's
 * name typed to confirm. While main works the dialog says so and cannot be closed; a refusal
 * (another clinic's key, a damaged file, a restore already running) is shown in it, and
 * nothing has changed. Once restored, this session too is signed out by main.
 */
export function RestoreDialog({ backup, takenAt, onClose }: { backup: BackupFile; takenAt: string; onClose(): void }) {
  const { t } = useT('backup');
  const clinicName = useSettings().settings?.clinicName ?? '';
  const restore = useClinicMutation('backup.restore');
  const [typed, setTyped] = useState('');
  const [tried, setTried] = useState(false);
  const [refusal, setRefusal] = useState<CallError>();
  const working = restore.isPending;
  const confirmed = clinicName !== '' && sameName(typed, clinicName);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!confirmed || working) return;
    setRefusal(undefined);
    const r = await restore.call({ name: backup.name });
    if (!r.ok) return setRefusal(r.error);
    toast(t('restore.done', { date: takenAt }));
    onClose();
  };

  return (
    <Dialog title={t('restore.title', { date: takenAt })} onClose={() => working || onClose()}>
      <form className="ui-form" onSubmit={submit} noValidate>
        <ul>
          <li>{t('restore.replaced', { date: takenAt })}</li>
          <li>{t('restore.safety')}</li>
          <li>{t('restore.signedOut')}</li>
        </ul>
        {refusal && (
          <Banner tone="error">
            {t('restore.refused')} {refusal.message}
          </Banner>
        )}
        <Field
          label={t('restore.confirm', { name: clinicName })}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoFocus
          disabled={working}
          error={tried && !confirmed ? t('restore.mismatch') : undefined}
        />
        {working && <p role="status">{t('restore.working')}</p>}
        <div className="ui-actions">
          <Button onClick={onClose} disabled={working}>
            {t('common:cancel')}
          </Button>
          <Button variant="danger" type="submit" disabled={working}>
            {t('restore.go')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
