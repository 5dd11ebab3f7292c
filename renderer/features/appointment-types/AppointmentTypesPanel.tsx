import { useState } from 'react';
import type { AppointmentTypeDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useSettings } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { TypeDialog } from './TypeDialog';

/**
 * The clinic's appointment types: what the desk books by. A type taken off the list
 * (deactivated) stays on the appointments already booked as it, and can be put back.
 */
export function AppointmentTypesPanel() {
  const { t } = useT('types');
  const currency = useSettings().settings?.currency ?? '';
  const types = useClinicQuery('appointmentTypes.list', { includeInactive: true });
  const doctorsQuery = useClinicQuery('doctors.list', { includeInactive: true });
  const deactivate = useClinicMutation('appointmentTypes.deactivate');
  const update = useClinicMutation('appointmentTypes.update');
  const [editing, setEditing] = useState<AppointmentTypeDto | 'new'>();
  const allDoctors = doctorsQuery.data ?? [];
  const problem = problemOf(types.error ?? doctorsQuery.error);
  const nameOf = (id: number) => allDoctors.find((d) => d.id === id)?.name ?? `#${id}`;
  const minutes = (n: number) => t('minutes', { minutes: n });

  const setActive = async (type: AppointmentTypeDto, active: boolean) => {
    const r = active ? await update.call({ id: type.id, active: true }) : await deactivate.call({ id: type.id });
    toast(r.ok ? t(active ? 'backOn' : 'takenOff', { name: type.name }) : r.error.message, r.ok ? 'info' : 'error');
  };

  /** A doctor offering the type: their own fee and length where they differ, and whether it is their default. */
  const offeredBy = (d: AppointmentTypeDto['doctors'][number]) => {
    const terms = [d.fee && money(d.fee, currency), d.durationMinutes && minutes(d.durationMinutes)].filter(Boolean).join(', ');
    const doctor = terms ? t('ownTerms', { name: nameOf(d.doctorId), terms }) : nameOf(d.doctorId);
    return d.isDefault ? t('isDefault', { doctor }) : doctor;
  };

  const columns: Column<AppointmentTypeDto>[] = [
    {
      header: t('type'),
      cell: (type) => (
        <>
          <span className="type-swatch" style={{ background: type.colour }} aria-hidden /> {type.name}
        </>
      ),
    },
    {
      header: t('length'),
      cell: (type) =>
        type.bufferBeforeMinutes + type.bufferAfterMinutes
          ? t('withBuffers', { length: minutes(type.durationMinutes), before: type.bufferBeforeMinutes, after: type.bufferAfterMinutes })
          : minutes(type.durationMinutes),
    },
    { header: t('fee'), cell: (type) => money(type.fee, currency) },
    { header: t('doctors'), cell: (type) => type.doctors.map(offeredBy).join('; ') || t('nobody') },
    {
      header: t('status'),
      cell: (type) =>
        type.active ? (
          <span className="ui-badge" data-tone="ok">
            {t('active')}
          </span>
        ) : (
          <span className="ui-badge">{t('off')}</span>
        ),
    },
    {
      header: t('actions'),
      cell: (type) => (
        <div className="ui-actions">
          <Button aria-label={t('editOf', { name: type.name })} onClick={() => setEditing(type)}>
            {t('edit')}
          </Button>
          <Button
            variant={type.active ? 'danger' : 'secondary'}
            aria-label={t(type.active ? 'deactivateOf' : 'reactivateOf', { name: type.name })}
            onClick={() => void setActive(type, !type.active)}
          >
            {type.active ? t('deactivate') : t('reactivate')}
          </Button>
        </div>
      ),
    },
  ];

  // The doctors a type can be offered by: the active ones, and any inactive one already offering it.
  const offering = (type?: AppointmentTypeDto) => allDoctors.filter((d) => d.active || type?.doctors.some((o) => o.doctorId === d.id));
  return (
    <section aria-label={t('title')}>
      {problem && <Banner tone="error">{problem}</Banner>}
      <div className="ui-actions">
        <Button variant="primary" onClick={() => setEditing('new')} disabled={!doctorsQuery.data}>
          {t('add')}
        </Button>
      </div>
      {types.data && <Table label={t('title')} columns={columns} rows={types.data} empty={t('none')} />}
      {editing && (
        <TypeDialog
          type={editing === 'new' ? undefined : editing}
          doctors={offering(editing === 'new' ? undefined : editing)}
          onClose={() => setEditing(undefined)}
        />
      )}
    </section>
  );
}
