import type { DoctorDto } from '../../../preload/contract';
import { useClinicMoney } from '../../api/clinic-data';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { SelectField } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';

export interface DoctorFilter {
  specialization: string;
  includeInactive: boolean;
}

/** The doctors as a filtered table, each with a button that opens them. */
export function DoctorList({
  doctors,
  specializations,
  problem,
  filter,
  onFilter,
  openId,
  onOpen,
  onAdd,
}: {
  doctors: DoctorDto[] | undefined;
  specializations: string[];
  problem: string | undefined;
  filter: DoctorFilter;
  onFilter(f: DoctorFilter): void;
  openId: number | undefined;
  onOpen(d: DoctorDto): void;
  onAdd(): void;
}) {
  const { t } = useT('doctors');
  const clinicMoney = useClinicMoney();
  const columns: Column<DoctorDto>[] = [
    { header: t('name'), cell: (d) => d.name },
    { header: t('specialization'), cell: (d) => d.specialization ?? '—' },
    { header: t('fee'), cell: (d) => (d.consultationFee ? clinicMoney(d.consultationFee) : '—') },
    {
      header: t('status'),
      cell: (d) =>
        d.active ? (
          <span className="ui-badge" data-tone="ok">
            {t('active')}
          </span>
        ) : (
          <span className="ui-badge">{t('inactive')}</span>
        ),
    },
    {
      header: t('actions'),
      cell: (d) => (
        <Button aria-label={t('list.openOf', { name: d.name })} aria-pressed={d.id === openId} onClick={() => onOpen(d)}>
          {t('list.open')}
        </Button>
      ),
    },
  ];

  return (
    <section className="ui-panel" aria-labelledby="doctors-title">
      <div className="ui-panel-head">
        <h2 id="doctors-title">{t('list.title')}</h2>
        <Button variant="primary" onClick={onAdd}>
          {t('add')}
        </Button>
      </div>
      <div className="ui-row">
        <SelectField label={t('specialization')} value={filter.specialization} onChange={(e) => onFilter({ ...filter, specialization: e.target.value })}>
          <option value="">{t('list.allSpecializations')}</option>
          {specializations.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <label className="ui-field-check">
          <input type="checkbox" checked={filter.includeInactive} onChange={(e) => onFilter({ ...filter, includeInactive: e.target.checked })} />
          {t('list.showInactive')}
        </label>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {doctors ? (
        <Table label={t('list.title')} columns={columns} rows={doctors} empty={t('list.none')} />
      ) : (
        !problem && <p className="ui-hint">{t('common:loading')}</p>
      )}
    </section>
  );
}
