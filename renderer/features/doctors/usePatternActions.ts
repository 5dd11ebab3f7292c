import { useState } from 'react';
import { expandSchema, previewTemplateSchema, saveTemplateSchema, type CallError, type DoctorDto, type Res } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { shiftDate } from '../../lib/dates';
import { contractProblem } from '../../ui/form-errors';
import { toast } from '../../ui/toasts';
import { toRules } from './template-rules';
import type { WeeklyPattern } from './useWeeklyPattern';

/** Saving the pattern. A refusal about a rule lands at its box (see WeeklyPatternForm). */
export function useSavePattern(doctor: DoctorDto, pattern: WeeklyPattern) {
  const save = useClinicMutation('availability.saveTemplate');
  const [error, setError] = useState<CallError>();
  async function submit() {
    const { rules, problem } = toRules(pattern.rows);
    const request = { doctorId: doctor.id, rules, validFrom: pattern.dates.validFrom, validTo: pattern.dates.validTo || null };
    const local = problem ?? contractProblem(saveTemplateSchema, request);
    if (local) return setError(local);
    const r = await save.call(request);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    pattern.saved();
    toast(`Weekly pattern saved for ${doctor.name}`);
  }
  return { submit, error, clear: () => setError(undefined), busy: save.isPending };
}

/** The slots the pattern as typed would give in a date range, asked on demand. */
export function usePreviewPattern(today: string, pattern: WeeklyPattern) {
  const preview = useClinicMutation('availability.previewTemplate');
  const [range, setRange] = useState({ from: today, to: shiftDate(today, 13) });
  const [error, setError] = useState<CallError>();
  const [shown, setShown] = useState<{ revision: number; preview: Res<'availability.previewTemplate'> }>();
  async function run() {
    const { rules, problem } = toRules(pattern.rows);
    const request = { rules, ...range };
    const local = problem ?? contractProblem(previewTemplateSchema, request);
    if (local) return setError(local);
    const revision = pattern.revision;
    const r = await preview.call(request);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    setShown({ revision, preview: r.value });
  }
  // A preview of an older pattern would mislead: it goes as soon as the pattern is edited.
  const current = shown?.revision === pattern.revision ? shown.preview : undefined;
  return { range, setRange, run, error, clear: () => setError(undefined), busy: preview.isPending, preview: current };
}

/** Writing the saved pattern's windows into the calendar for a date range. */
export function useCreateWindows(doctor: DoctorDto, today: string, dirty: boolean) {
  const expand = useClinicMutation('availability.expand');
  const [range, setRange] = useState({ from: today, to: shiftDate(today, 27) });
  const [error, setError] = useState<CallError>();
  async function submit() {
    const request = { doctorId: doctor.id, ...range };
    const unsaved: CallError | undefined = dirty
      ? { code: 'INVALID', message: 'Save the weekly pattern first: the calendar is filled from the saved pattern.' }
      : undefined;
    const local = unsaved ?? contractProblem(expandSchema, request);
    if (local) return setError(local);
    const r = await expand.call(request);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    const { created, alreadyThere } = r.value;
    toast(`${created} working period${created === 1 ? '' : 's'} added to the calendar${alreadyThere ? `; ${alreadyThere} were already there` : ''}`);
  }
  return { range, setRange, submit, error, busy: expand.isPending };
}
