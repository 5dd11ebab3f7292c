import { useRef, useState } from 'react';
import { useFieldArray, useWatch, type SubmitHandler } from 'react-hook-form';
import { z } from 'zod';
import { channels, type CallError, type Req, type Res } from '../../../preload/contract';
import { t } from '../../i18n/instance';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { wholeNumberBox } from '../../ui/form/boxes';
import { useSchemaForm } from '../../ui/form/use-contract-form';
import { newRow, rowsOf, toRules, type RuleRow } from './template-rules';

/** The pattern's boxes: its periods and dates, and the date range to preview it in. */
export interface PatternBoxes {
  rules: RuleRow[];
  validFrom: string;
  validTo: string;
  from: string;
  to: string;
}

export const saveRequest = (doctorId: number, v: PatternBoxes): Req<'availability.saveTemplate'> => ({
  doctorId,
  rules: toRules(v.rules),
  validFrom: v.validFrom,
  validTo: v.validTo || null,
});
export const previewRequest = (v: PatternBoxes): Req<'availability.previewTemplate'> => ({ rules: toRules(v.rules), from: v.from, to: v.to });

// Worded at each check, so a language chosen since applies.
const minutesBoxes = z.looseObject({ rules: z.array(z.looseObject({ slotMinutes: wholeNumberBox(() => t('doctors:refuse.minutes')) })) });

/** What was saved, to tell whether the pattern on screen differs from it. */
const snapshot = (rules: RuleRow[], validFrom: string, validTo: string) => JSON.stringify([rules, validFrom, validTo]);

/**
 * The weekly pattern being edited, as one form: saving and previewing send the same periods,
 * each checked by its own channel's schema before it goes, so a rule's message lands at its box
 * ("rules.0.endTime") whichever found it. Whether it differs from what main has saved (the
 * calendar is filled from the saved one) is `dirty`.
 */
export function useWeeklyPattern(doctorId: number, saved: Res<'availability.getTemplate'>, today: string, defaultSlotMinutes: number, previewTo: string) {
  const action = useRef<'save' | 'preview'>('save');
  const schema = minutesBoxes.superRefine((values, ctx) => {
    const boxes = values as unknown as PatternBoxes;
    const checked =
      action.current === 'save'
        ? channels['availability.saveTemplate'].req.safeParse(saveRequest(doctorId, boxes))
        : channels['availability.previewTemplate'].req.safeParse(previewRequest(boxes));
    if (!checked.success) for (const issue of checked.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  });
  const initial = { rules: rowsOf(saved), validFrom: saved.validFrom ?? today, validTo: saved.validTo ?? '', from: today, to: previewTo };
  // The schema reads the boxes and checks the request they become; the resolver only needs its input type.
  const form = useSchemaForm<PatternBoxes>(schema as unknown as z.ZodType<unknown, PatternBoxes>, initial);
  const rows = useFieldArray({ control: form.control, name: 'rules' });
  const [rules, validFrom, validTo] = useWatch({ control: form.control, name: ['rules', 'validFrom', 'validTo'] });
  const [savedAs, setSavedAs] = useState(() => snapshot(initial.rules, initial.validFrom, initial.validTo));

  return {
    form,
    /** The periods as laid out (ids for React), in weekday order. */
    fields: rows.fields,
    /** The periods as typed now. */
    rules,
    dirty: snapshot(rules, validFrom, validTo) !== savedAs,
    /** A new period after the day's last one; its first box takes the focus, so the admin types its hours straight away. */
    add(weekday: number) {
      const { index, row } = newRow(form.getValues('rules'), weekday, defaultSlotMinutes);
      rows.insert(index, row);
    },
    remove: (index: number) => rows.remove(index),
    saved: (v: PatternBoxes) => setSavedAs(snapshot(v.rules, v.validFrom, v.validTo)),
    /** The submit handler of one action: the boxes are checked as that action's request first. */
    submitAs(which: 'save' | 'preview', handler: SubmitHandler<PatternBoxes>) {
      return (e?: React.BaseSyntheticEvent) => {
        action.current = which;
        return form.handleSubmit(handler)(e);
      };
    },
    /** Main's refusal: at its rule's box; one about the whole set of rules (an overlap) for the whole form. */
    refused: (error: CallError) => applyRefusal(form, error.field === 'rules' ? { ...error, field: undefined } : error),
  };
}

export type WeeklyPattern = ReturnType<typeof useWeeklyPattern>;
