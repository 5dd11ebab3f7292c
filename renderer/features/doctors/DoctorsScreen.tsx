import { useState } from 'react';
import type { DoctorDto } from '../../../preload/contract';
import { useSettings } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';
import { todayIn } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { toast } from '../../ui/toasts';
import { DeleteDoctor } from './DeleteDoctor';
import { DoctorForm } from './DoctorForm';
import { DoctorList, type DoctorFilter } from './DoctorList';
import { DoctorProfile } from './DoctorProfile';
import { ScheduleExceptions } from './ScheduleExceptions';
import { TemplateEditor } from './TemplateEditor';
import { useDoctors } from './useDoctors';

/** Doctors' profiles and, for the one chosen, their weekly pattern, leave and extra hours. */
export function DoctorsScreen() {
  const { t } = useT('doctors');
  const [filter, setFilter] = useState<DoctorFilter>({ specialization: '', includeInactive: false });
  const { doctors, specializations, problem } = useDoctors(filter);
  const { settings, problem: settingsProblem } = useSettings();
  const [editing, setEditing] = useState<DoctorDto | 'new'>();
  const [deleting, setDeleting] = useState<DoctorDto>();
  // The open doctor is kept apart from the list, so it stays open when a filter or a
  // deactivation takes it out of the list; while the list has it, the list's copy is the newer.
  const [opened, setOpened] = useState<DoctorDto>();
  const chosen = (opened && doctors?.find((d) => d.id === opened.id)) ?? opened;

  return (
    <div className="doctors-screen">
      <DoctorList
        doctors={doctors}
        specializations={specializations}
        problem={problem}
        filter={filter}
        onFilter={setFilter}
        openId={chosen?.id}
        onOpen={setOpened}
        onAdd={() => setEditing('new')}
      />

      <div className="ui-form" aria-label={t('chosen')} role="region">
        {settingsProblem && <Banner tone="error">{settingsProblem}</Banner>}
        {!chosen && <p className="ui-hint">{t('pickOne')}</p>}
        {chosen && settings && (
          <>
            <DoctorProfile doctor={chosen} onEdit={() => setEditing(chosen)} onDelete={() => setDeleting(chosen)} onChanged={setOpened} />
            <TemplateEditor key={`t${chosen.id}`} doctor={chosen} today={todayIn(settings.timeZone)} defaultSlotMinutes={settings.defaultSlotMinutes} />
            <ScheduleExceptions key={`e${chosen.id}`} doctor={chosen} today={todayIn(settings.timeZone)} />
          </>
        )}
      </div>

      {editing && (
        <DoctorForm
          doctor={editing === 'new' ? undefined : editing}
          specializations={specializations}
          onClose={() => setEditing(undefined)}
          onSaved={(d) => {
            toast(editing === 'new' ? t('added', { name: d.name }) : t('saved', { name: d.name }));
            setEditing(undefined);
            setOpened(d);
          }}
        />
      )}
      {deleting && (
        <DeleteDoctor
          doctor={deleting}
          onClose={() => setDeleting(undefined)}
          onDeleted={() => {
            toast(t('deleted', { name: deleting.name }));
            setDeleting(undefined);
            if (chosen?.id === deleting.id) setOpened(undefined);
          }}
        />
      )}
    </div>
  );
}
