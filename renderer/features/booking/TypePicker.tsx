import { useEffect, useRef } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import type { AppointmentTypeDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useSettings } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { FormSelectField } from '../../ui/Field';
import type { BookingValues } from './booking-form';

const NONE: AppointmentTypeDto[] = [];

/** The types this doctor offers, each with this doctor's own length and fee. */
export function useDoctorTypes(doctorId: number | undefined) {
  const types = useClinicQuery('appointmentTypes.list', { doctorId }, { enabled: !!doctorId });
  return { types: types.data ?? NONE, loaded: types.isSuccess, problem: problemOf(types.error) };
}

/**
 * The appointment type: the doctor's default is chosen whenever the doctor changes; its length,
 * fee and colour are shown, and the free times offered are of its length.
 */
export function TypePicker({ form, doctorId }: { form: UseFormReturn<BookingValues>; doctorId: number }) {
  const { types, loaded, problem } = useDoctorTypes(doctorId);
  const currency = useSettings().settings?.currency ?? '';
  // The default is put in once per doctor chosen, so the desk's own choice is never overwritten.
  const defaultedFor = useRef<number>(undefined);
  useEffect(() => {
    if (!loaded || defaultedFor.current === doctorId) return;
    defaultedFor.current = doctorId;
    const byDefault = types.find((t) => t.doctors.some((d) => d.doctorId === doctorId && d.isDefault));
    form.setValue('appointmentTypeId', byDefault ? String(byDefault.id) : '');
  }, [doctorId, form, loaded, types]);
  const chosen = types.find((t) => String(t.id) === form.watch('appointmentTypeId'));
  if (problem) return <Banner tone="error">{problem}</Banner>;
  if (types.length === 0) return null;
  return (
    <div className="type-picker">
      <FormSelectField form={form} name="appointmentTypeId" label="Appointment type">
        <option value="">No type (set the length yourself)</option>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </FormSelectField>
      {chosen && (
        <p className="ui-hint" aria-label="Type facts">
          <span className="type-swatch" style={{ background: chosen.colour }} aria-hidden /> {chosen.durationMinutes} min · {money(chosen.fee, currency)}
          {chosen.bufferBeforeMinutes + chosen.bufferAfterMinutes > 0 &&
            ` · keeps ${chosen.bufferBeforeMinutes} min before and ${chosen.bufferAfterMinutes} min after free`}
        </p>
      )}
    </div>
  );
}
