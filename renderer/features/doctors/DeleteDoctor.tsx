import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

/** Deleting is for a profile made by mistake; main refuses it once the doctor has appointments. */
export function DeleteDoctor({ doctor, onClose, onDeleted }: { doctor: DoctorDto; onClose(): void; onDeleted(): void }) {
  const remove = useClinicMutation('doctors.delete');
  return (
    <Dialog title={`Delete ${doctor.name}?`} onClose={onClose}>
      <p>Deleting removes the profile for good. A doctor who has seen patients is deactivated instead, so their history stays.</p>
      {remove.error && <Banner tone="error">{remove.error.message}</Banner>}
      <div className="ui-actions">
        <Button onClick={onClose}>Keep the profile</Button>
        <Button variant="danger" onClick={() => remove.mutate({ id: doctor.id }, { onSuccess: onDeleted })} disabled={remove.isPending}>
          Delete the profile
        </Button>
      </div>
    </Dialog>
  );
}
