import { useState } from 'react';
import type { Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicData } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { hhmm, shortDay } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { AddToWaitlistDialog } from './AddToWaitlistDialog';
import { OfferList } from './OfferList';

type Entry = Res<'waitlist.list'>[number];

/** Patients waiting for earlier time, and the freed time offered to them (live on every PC). */
export function WaitlistScreen() {
  const { t } = useT('waitlist');
  const entries = useClinicQuery('waitlist.list', {});
  const doctors = useClinicData().doctors;
  const removing = useClinicMutation('waitlist.remove');
  const [adding, setAdding] = useState(false);
  const doctorName = (id: number) => doctors.find((d) => d.id === id)?.name ?? `#${id}`;
  // A retired type still names what an entry wants.
  const types = useClinicQuery('appointmentTypes.list', { includeInactive: true });
  const wanted = (e: Entry) => {
    const name = e.appointmentTypeId ? (types.data?.find((t) => t.id === e.appointmentTypeId)?.name ?? '') : '';
    return name ? ` · ${name}` : '';
  };

  const remove = async (e: Entry) => {
    const r = await removing.call({ id: e.id });
    toast(r.ok ? t('waiting.removed', { patient: e.patientName }) : r.error.message, r.ok ? 'info' : 'error');
  };

  const columns: Column<Entry>[] = [
    { header: t('waiting.col.patient'), cell: (e) => `${e.patientName}${e.patientPhone ? ` · ${e.patientPhone}` : ''}` },
    {
      header: t('waiting.col.with'),
      cell: (e) => (e.doctorId ? doctorName(e.doctorId) : t('waiting.anyOf', { specialization: e.specialization })) + wanted(e),
    },
    {
      header: t('waiting.col.when'),
      cell: (e) =>
        `${shortDay(e.fromDate)} – ${shortDay(e.toDate)}` +
        (e.timeFrom || e.timeTo ? `, ${e.timeFrom ? hhmm(e.timeFrom) : ''}–${e.timeTo ? hhmm(e.timeTo) : ''}` : ''),
    },
    { header: t('waiting.col.urgency'), cell: (e) => t(`urgency.${e.urgency}`) },
    { header: t('waiting.col.note'), cell: (e) => e.note ?? '' },
    {
      header: t('waiting.col.actions'),
      cell: (e) => (
        <Button aria-label={t('waiting.removeOf', { patient: e.patientName })} onClick={() => void remove(e)}>
          {t('waiting.remove')}
        </Button>
      ),
    },
  ];
  return (
    <div className="waitlist-screen">
      <div className="screen-head">
        <h1>{t('title')}</h1>
        <span className="spacer" />
        <Button variant="primary" onClick={() => setAdding(true)}>
          {t('add')}
        </Button>
      </div>
      <OfferList />
      <section aria-labelledby="waiting-heading">
        <h2 id="waiting-heading">{t('waiting.title')}</h2>
        {entries.error && <Banner tone="error">{problemOf(entries.error)}</Banner>}
        {entries.data && (
          <Table label={t('waiting.title')} columns={columns} rows={entries.data.filter((e) => e.status === 'WAITING')} empty={t('waiting.none')} />
        )}
      </section>
      {adding && <AddToWaitlistDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
