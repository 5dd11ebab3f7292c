import type { DoctorDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';

/** The open doctor's facts, with editing, (de)activating and deleting. */
export function DoctorProfile({ doctor, onEdit, onDelete, onChanged }: { doctor: DoctorDto; onEdit(): void; onDelete(): void; onChanged(d: DoctorDto): void }) {
  const { t } = useT('doctors');
  const setActive = useClinicMutation('doctors.setActive');
  const name = doctor.name;

  async function toggle() {
    const active = !doctor.active;
    const r = await setActive.call({ id: doctor.id, active });
    if (!r.ok) return toast(r.error.message, 'error');
    toast(active ? t('profile.activeAgain', { name }) : t('profile.deactivated', { name }));
    onChanged(r.value);
  }

  return (
    <section className="ui-panel" aria-labelledby="doctor-name">
      <div className="ui-panel-head">
        <h2 id="doctor-name">{name}</h2>
        <div className="ui-actions">
          <Button aria-label={t('profile.editOf', { name })} onClick={onEdit}>
            {t('profile.edit')}
          </Button>
          <Button aria-label={doctor.active ? t('profile.deactivateOf', { name }) : t('profile.reactivateOf', { name })} onClick={() => void toggle()}>
            {doctor.active ? t('profile.deactivate') : t('profile.reactivate')}
          </Button>
          <Button variant="danger" aria-label={t('profile.deleteOf', { name })} onClick={onDelete}>
            {t('profile.delete')}
          </Button>
        </div>
      </div>
      <dl className="facts">
        <dt>{t('email')}</dt>
        <dd>{doctor.email}</dd>
        <dt>{t('phone')}</dt>
        <dd>{doctor.phone ?? '—'}</dd>
        <dt>{t('profile.experience')}</dt>
        <dd>{doctor.experience === null ? '—' : t('profile.years', { count: doctor.experience })}</dd>
        <dt>{t('rating')}</dt>
        <dd>{doctor.rating ?? '—'}</dd>
        <dt>{t('status')}</dt>
        <dd>{doctor.active ? t('active') : t('profile.notOffered')}</dd>
      </dl>
    </section>
  );
}
