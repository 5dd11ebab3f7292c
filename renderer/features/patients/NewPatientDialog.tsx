import type { PatientSummary } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { Dialog } from '../../ui/Dialog';
import { toast } from '../../ui/toasts';
import { PatientForm } from './PatientForm';

export function NewPatientDialog({ initialName, onRegistered, onClose }: { initialName?: string; onRegistered(p: PatientSummary): void; onClose(): void }) {
  const { t } = useT('patients');
  return (
    <Dialog title={t('register.title')} onClose={onClose} wide>
      <PatientForm
        initialName={initialName}
        onSaved={(p) => {
          toast(t('register.done', { name: p.name, id: p.id }));
          onRegistered(p);
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}
