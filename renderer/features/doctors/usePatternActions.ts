import { useState } from 'react';
import type { DoctorDto, Res } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { toast } from '../../ui/toasts';
import { previewRequest, saveRequest, type WeeklyPattern } from './useWeeklyPattern';

/** Saving the pattern. A refusal about a rule lands at its box (see useWeeklyPattern). */
export function useSavePattern(doctor: DoctorDto, pattern: WeeklyPattern) {
  const { t } = useT('doctors');
  const save = useClinicMutation('availability.saveTemplate');
  const submit = pattern.submitAs('save', async (values) => {
    const r = await save.call(saveRequest(doctor.id, values));
    if (!r.ok) return pattern.refused(r.error);
    pattern.saved(values);
    toast(t('pattern.saved', { name: doctor.name }));
  });
  return { submit, busy: save.isPending };
}

/** The slots the pattern as typed would give in a date range, asked on demand. */
export function usePreviewPattern(pattern: WeeklyPattern) {
  const preview = useClinicMutation('availability.previewTemplate');
  const [shown, setShown] = useState<{ rules: string; preview: Res<'availability.previewTemplate'> }>();
  const run = pattern.submitAs('preview', async (values) => {
    const r = await preview.call(previewRequest(values));
    if (!r.ok) return pattern.refused(r.error);
    setShown({ rules: JSON.stringify(values.rules), preview: r.value });
  });
  // A preview of other periods than those on screen would mislead: it goes as soon as they are edited.
  const current = shown?.rules === JSON.stringify(pattern.rules) ? shown.preview : undefined;
  return { run, busy: preview.isPending, preview: current };
}
