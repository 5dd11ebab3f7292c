import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';

/** Deleting is for a profile made by mistake; main refuses it once the doctor has appointments. */
export function DeleteDoctor({ doctor, onClose, onDeleted }: { doctor: DoctorDto; onClose(): void; onDeleted(): void }) {
  const { t } = useT('doctors');
  const remove = useClinicMutation('doctors.delete');
  return (
    <Dialog title={t('deleting.title', { name: doctor.name })} onClose={onClose}>
      <p>{t('deleting.intro')}</p>
      {remove.error && <Banner tone="error">{remove.error.message}</Banner>}
      <div className="ui-actions">
        <Button onClick={onClose}>{t('deleting.keep')}</Button>
        <Button variant="danger" onClick={() => remove.mutate({ id: doctor.id }, { onSuccess: onDeleted })} disabled={remove.isPending}>
          {t('deleting.submit')}
        </Button>
      </div>
    </Dialog>
  );
}
