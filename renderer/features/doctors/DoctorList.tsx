import type { DoctorDto } from '../../../preload/contract';
import { useClinicMoney } from '../../api/clinic-data';
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
  const clinicMoney = useClinicMoney();
  const columns: Column<DoctorDto>[] = [
    { header: 'Name', cell: (d) => d.name },
    { header: 'Specialization', cell: (d) => d.specialization ?? '—' },
    { header: 'Fee', cell: (d) => (d.consultationFee ? clinicMoney(d.consultationFee) : '—') },
    {
      header: 'Status',
      cell: (d) =>
        d.active ? (
          <span className="ui-badge" data-tone="ok">
            Active
          </span>
        ) : (
          <span className="ui-badge">Inactive</span>
        ),
    },
    {
      header: 'Actions',
      cell: (d) => (
        <Button aria-label={`Open ${d.name}`} aria-pressed={d.id === openId} onClick={() => onOpen(d)}>
          Open
        </Button>
      ),
    },
  ];

  return (
    <section className="ui-panel" aria-labelledby="doctors-title">
      <div className="ui-panel-head">
        <h2 id="doctors-title">Doctors</h2>
        <Button variant="primary" onClick={onAdd}>
          Add a doctor
        </Button>
      </div>
      <div className="ui-row">
        <SelectField label="Specialization" value={filter.specialization} onChange={(e) => onFilter({ ...filter, specialization: e.target.value })}>
          <option value="">All specializations</option>
          {specializations.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </SelectField>
        <label className="ui-field-check">
          <input type="checkbox" checked={filter.includeInactive} onChange={(e) => onFilter({ ...filter, includeInactive: e.target.checked })} />
          Show inactive doctors
        </label>
      </div>
      {problem && <Banner tone="error">{problem}</Banner>}
      {doctors ? <Table label="Doctors" columns={columns} rows={doctors} empty="No doctors match." /> : !problem && <p className="ui-hint">Loading…</p>}
    </section>
  );
}
