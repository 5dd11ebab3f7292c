import { useClinicData } from '../../api/clinic-data';

/** The active doctors as <option>s for any doctor pick list, by name (and specialization where it helps choose). */
export function DoctorOptions({ withSpecialization }: { withSpecialization?: boolean }) {
  const doctors = useClinicData().doctors;
  return doctors.map((d) => (
    <option key={d.id} value={d.id}>
      {d.name}
      {withSpecialization && d.specialization ? ` — ${d.specialization}` : ''}
    </option>
  ));
}
