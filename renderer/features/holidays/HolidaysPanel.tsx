import { useState } from 'react';
import type { Holiday, Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useTimeZone } from '../../api/clinic-data';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { todayIn, withWeekday } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';
import { BlockedDialog } from '../doctors/BlockedDialog';
import { useBlockedChange } from '../doctors/useBlockedChange';
import { AddHolidayForm } from './AddHolidayForm';
import { RenameHolidayDialog } from './RenameHolidayDialog';

/**
 * The clinic's public holidays, a year at a time: added, renamed and removed by hand, or a
 * shipped list imported (again and again, without doubling a day). A holiday over booked
 * patients goes through the same dialog as leave: they are cancelled with a reason, or nothing changes.
 */
export function HolidaysPanel() {
  const { t } = useT('holidays');
  const timeZone = useTimeZone();
  const [year, setYear] = useState(() => Number(todayIn(timeZone).slice(0, 4)));
  const list = useClinicQuery('holidays.list', { from: `${year}-01-01`, to: `${year}-12-31` });
  const remove = useClinicMutation('holidays.remove');
  const importing = useClinicMutation('holidays.import');
  const blocked = useBlockedChange();
  const [renaming, setRenaming] = useState<Holiday>();
  const [imported, setImported] = useState<Res<'holidays.import'>>();

  const removeHoliday = async (h: Holiday) => {
    const r = await remove.call({ id: h.id });
    toast(r.ok ? t('removed', { name: h.name }) : r.error.message, r.ok ? 'info' : 'error');
  };
  const importIndia = async () => {
    const r = await importing.call({ list: 'IN-2027' });
    if (!r.ok) return toast(r.error.message, 'error');
    setImported(r.value);
    toast(t('imported', { count: r.value.added.length, already: r.value.alreadyThere }));
  };

  const columns: Column<Holiday>[] = [
    { header: t('date'), cell: (h) => withWeekday(h.date) },
    { header: t('name'), cell: (h) => h.name },
    {
      header: t('actions'),
      cell: (h) => (
        <div className="ui-actions">
          <Button aria-label={t('renameOf', { name: h.name })} onClick={() => setRenaming(h)}>
            {t('rename')}
          </Button>
          <Button variant="danger" aria-label={t('removeOf', { name: h.name })} onClick={() => void removeHoliday(h)}>
            {t('remove')}
          </Button>
        </div>
      ),
    },
  ];

  const open = blocked.blocked;
  return (
    <section className="ui-panel" aria-labelledby="holidays-title">
      <h3 id="holidays-title">{t('title')}</h3>
      <p className="ui-hint">{t('intro')}</p>
      <AddHolidayForm blocked={blocked} />
      <div className="ui-actions">
        <Button aria-label={t('previousYear')} onClick={() => setYear(year - 1)}>
          ‹
        </Button>
        <strong aria-label={t('year')}>{year}</strong>
        <Button aria-label={t('nextYear')} onClick={() => setYear(year + 1)}>
          ›
        </Button>
        <Button onClick={() => void importIndia()} disabled={importing.isPending}>
          {importing.isPending ? t('importing') : t('importIndia')}
        </Button>
      </div>
      {imported && imported.booked.length > 0 && (
        <Banner tone="warning">{t('importBooked', { days: imported.booked.map((d) => `${d.name} (${withWeekday(d.date)})`).join(', ') })}</Banner>
      )}
      {list.error && <Banner tone="error">{problemOf(list.error)}</Banner>}
      {list.data && <Table label={t('title')} columns={columns} rows={list.data} empty={t('none', { year })} />}
      {renaming && <RenameHolidayDialog holiday={renaming} onClose={() => setRenaming(undefined)} />}
      {open && (
        <BlockedDialog
          appointments={open.appointments}
          retry={open.retry}
          onClose={blocked.close}
          onDone={(cancelled) => {
            blocked.close();
            open.done(cancelled);
          }}
        />
      )}
    </section>
  );
}
