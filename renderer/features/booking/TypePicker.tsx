import { useEffect, useRef } from 'react';
import type { FieldPath, PathValue, UseFormReturn } from 'react-hook-form';
import type { AppointmentTypeDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useSettings } from '../../api/clinic-data';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { money } from '../../lib/format';
import { Banner } from '../../ui/Banner';
import { FormSelectField } from '../../ui/Field';

const NONE: AppointmentTypeDto[] = [];

/** A form that books by type: its `appointmentTypeId` box holds the chosen type's id as text, "" for none. */
type TypedValues = { appointmentTypeId: string };

/** The types this doctor offers, each with this doctor's own length and fee. */
export function useDoctorTypes(doctorId: number | undefined) {
  const types = useClinicQuery('appointmentTypes.list', { doctorId }, { enabled: !!doctorId });
  return { types: types.data ?? NONE, loaded: types.isSuccess, problem: problemOf(types.error) };
}

/**
 * The appointment type of any form that books by type: whenever the doctor changes, the choice
 * starts at their default (or at none, without `preselect`); its length, fee and colour are
 * shown. `noType` names the choice of none (what then sets the length).
 */
export function TypePicker<V extends TypedValues>({
  form,
  doctorId,
  noType,
  preselect = true,
}: {
  form: UseFormReturn<V>;
  doctorId: number;
  noType?: string;
  preselect?: boolean;
}) {
  const { t } = useT('appointments');
  const { types, loaded, problem } = useDoctorTypes(doctorId);
  const currency = useSettings().settings?.currency ?? '';
  // V is known to hold this text box; TypeScript cannot follow the name into a generic V.
  const name = 'appointmentTypeId' as FieldPath<V>;
  // The default is put in once per doctor chosen, so the desk's own choice is never overwritten.
  const defaultedFor = useRef<number>(undefined);
  useEffect(() => {
    if (!loaded || defaultedFor.current === doctorId) return;
    defaultedFor.current = doctorId;
    const byDefault = preselect ? types.find((t) => t.doctors.some((d) => d.doctorId === doctorId && d.isDefault)) : undefined;
    form.setValue(name, (byDefault ? String(byDefault.id) : '') as PathValue<V, FieldPath<V>>);
  }, [doctorId, form, loaded, name, preselect, types]);
  const chosen = types.find((t) => String(t.id) === form.watch(name));
  if (problem) return <Banner tone="error">{problem}</Banner>;
  if (types.length === 0) return null;
  return (
    <div className="type-picker">
      <FormSelectField form={form} name={name} label={t('type.label')}>
        <option value="">{noType ?? t('type.none')}</option>
        {types.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </FormSelectField>
      {chosen && (
        <p className="ui-hint" aria-label={t('type.facts')}>
          <span className="type-swatch" style={{ background: chosen.colour }} aria-hidden />{' '}
          {t('type.lengthFee', { minutes: chosen.durationMinutes, fee: money(chosen.fee, currency) })}
          {chosen.bufferBeforeMinutes + chosen.bufferAfterMinutes > 0 &&
            ` · ${t('type.buffers', { before: chosen.bufferBeforeMinutes, after: chosen.bufferAfterMinutes })}`}
        </p>
      )}
    </div>
  );
}
