import type { PatientSummary } from '../../../preload/contract';
import { Dialog } from '../../ui/Dialog';
import { toast } from '../../ui/toasts';
import { PatientForm } from './PatientForm';

export function NewPatientDialog({ initialName, onRegistered, onClose }: { initialName?: string; onRegistered(p: PatientSummary): void; onClose(): void }) {
  return (
    <Dialog title="Register a new patient" onClose={onClose} wide>
      <PatientForm
        initialName={initialName}
        onSaved={(p) => {
          toast(`${p.name} registered as #${p.id}`);
          onRegistered(p);
        }}
        onCancel={onClose}
      />
    </Dialog>
  );
}
