import { useEffect, useId, useState, type FormEvent } from 'react';
import { expandSchema, previewTemplateSchema, saveTemplateSchema, type CallError, type DoctorDto, type Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { hhmm, shiftDate, withWeekday } from '../../lib/dates';
import { contractProblem, errorsFor } from '../../ui/form-errors';
import { Table, type Column } from '../../ui/Table';
import { toast } from '../../ui/toasts';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

interface RuleRow {
  key: number;
  weekday: number;
  startTime: string;
  endTime: string;
  slotMinutes: string;
}

type Preview = Res<'availability.previewTemplate'>;
type PreviewRow = Preview['windows'][number] & { id: number };

const PREVIEW_COLUMNS: Column<PreviewRow>[] = [
  { header: 'Date', cell: (w) => withWeekday(w.date) },
  { header: 'Hours', cell: (w) => `${hhmm(w.startTime)}–${hhmm(w.endTime)}` },
  { header: 'Minutes per slot', cell: (w) => w.slotMinutes },
  { header: 'Slots', cell: (w) => w.slots },
];

let nextKey = 0;

/** The rows in weekday order: the order they are sent in, so main's "rules.3.endTime" finds its box. */
const ordered = (rows: RuleRow[]) => [...rows].sort((a, b) => a.weekday - b.weekday);

function toRules(rows: RuleRow[]): { rules: { weekday: number; startTime: string; endTime: string; slotMinutes: number }[]; problem?: CallError } {
  const list = ordered(rows);
  const bad = list.findIndex((r) => !/^\d+$/.test(r.slotMinutes.trim()));
  const rules = list.map((r) => ({ weekday: r.weekday, startTime: r.startTime, endTime: r.endTime, slotMinutes: Number(r.slotMinutes) }));
  return bad < 0 ? { rules } : { rules, problem: { code: 'INVALID', field: `rules.${bad}.slotMinutes`, message: 'Enter the minutes per slot as a whole number' } };
}

/**
 * A doctor's weekly working pattern: hours per weekday, the dates it holds for, a preview of the
 * slots it gives, then saving it and writing its windows into the calendar for a date range.
 */
export function TemplateEditor({ doctor, today, defaultSlotMinutes }: { doctor: DoctorDto; today: string; defaultSlotMinutes: number }) {
  const [rows, setRows] = useState<RuleRow[]>([]);
  const [validFrom, setValidFrom] = useState(today);
  const [validTo, setValidTo] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [loadProblem, setLoadProblem] = useState<string>();
  const [saveError, setSaveError] = useState<CallError>();
  const [busy, setBusy] = useState<'save' | 'preview' | 'expand'>();
  const [range, setRange] = useState({ from: today, to: shiftDate(today, 13) });
  const [previewError, setPreviewError] = useState<CallError>();
  const [preview, setPreview] = useState<Preview>();
  const [expandRange, setExpandRange] = useState({ from: today, to: shiftDate(today, 27) });
  const [expandError, setExpandError] = useState<CallError>();
  const [dirty, setDirty] = useState(false);
  // The period just added gets the focus, so the admin types its hours straight away.
  const [justAdded, setJustAdded] = useState<number>();
  const base = useId();
  const addButtonId = (weekday: number) => `${base}-add-${weekday}`;

  useEffect(() => {
    let current = true;
    void clinic.availability.getTemplate({ doctorId: doctor.id }).then((r) => {
      if (!current) return;
      if (!r.ok) return setLoadProblem(r.error.message);
      setRows(r.value.rules.map((rule) => ({ key: ++nextKey, weekday: rule.weekday, startTime: hhmm(rule.startTime), endTime: hhmm(rule.endTime), slotMinutes: String(rule.slotMinutes) })));
      if (r.value.validFrom) setValidFrom(r.value.validFrom);
      setValidTo(r.value.validTo ?? '');
      setDirty(false);
      setLoaded(true);
    });
    return () => {
      current = false;
    };
  }, [doctor.id]);

  const list = ordered(rows);
  const ruleFields = ['rules', ...list.flatMap((_, i) => ['startTime', 'endTime', 'slotMinutes'].map((f) => `rules.${i}.${f}`))];
  const save = errorsFor(saveError, ['validFrom', 'validTo', ...ruleFields]);
  const previewErrors = errorsFor(previewError, ['from', 'to', ...ruleFields]);
  const expandErrors = errorsFor(expandError, ['from', 'to']);
  // Saving and previewing check the same rules: either one's message shows at the rule's box.
  const ruleError = (field: string) => save.at(field) ?? previewErrors.at(field);

  function edited(next: RuleRow[]) {
    setRows(next);
    setPreview(undefined);
    setDirty(true);
  }

  function change(key: number, patch: Partial<RuleRow>) {
    edited(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  }

  function add(weekday: number) {
    const sameDay = list.filter((r) => r.weekday === weekday);
    const after = sameDay[sameDay.length - 1];
    const row = { key: ++nextKey, weekday, startTime: after ? after.endTime : '09:00', endTime: after ? '' : '13:00', slotMinutes: String(after?.slotMinutes ?? defaultSlotMinutes) };
    setJustAdded(row.key);
    edited([...rows, row]);
  }

  function remove(row: RuleRow) {
    // The button pressed is going away: keep the keyboard user on that day.
    document.getElementById(addButtonId(row.weekday))?.focus();
    edited(rows.filter((r) => r.key !== row.key));
  }

  async function showPreview() {
    setSaveError(undefined);
    const { rules, problem } = toRules(rows);
    const request = { rules, ...range };
    const local = problem ?? contractProblem(previewTemplateSchema, request);
    if (local) return setPreviewError(local);
    setBusy('preview');
    const r = await clinic.availability.previewTemplate(request);
    setBusy(undefined);
    if (r.ok) {
      setPreviewError(undefined);
      setPreview(r.value);
    } else setPreviewError(r.error);
  }

  async function saveTemplate(e: FormEvent) {
    e.preventDefault();
    setPreviewError(undefined);
    const { rules, problem } = toRules(rows);
    const request = { doctorId: doctor.id, rules, validFrom, validTo: validTo || null };
    const local = problem ?? contractProblem(saveTemplateSchema, request);
    if (local) return setSaveError(local);
    setBusy('save');
    const r = await clinic.availability.saveTemplate(request);
    setBusy(undefined);
    if (!r.ok) return setSaveError(r.error);
    setSaveError(undefined);
    setDirty(false);
    toast(`Weekly pattern saved for ${doctor.name}`);
  }

  async function expand(e: FormEvent) {
    e.preventDefault();
    const request = { doctorId: doctor.id, ...expandRange };
    const unsaved: CallError | undefined = dirty ? { code: 'INVALID', message: 'Save the weekly pattern first: the calendar is filled from the saved pattern.' } : undefined;
    const local = unsaved ?? contractProblem(expandSchema, request);
    if (local) return setExpandError(local);
    setBusy('expand');
    const r = await clinic.availability.expand(request);
    setBusy(undefined);
    if (!r.ok) return setExpandError(r.error);
    setExpandError(undefined);
    const { created, alreadyThere } = r.value;
    toast(`${created} working period${created === 1 ? '' : 's'} added to the calendar${alreadyThere ? `; ${alreadyThere} were already there` : ''}`);
  }

  if (loadProblem) return <Banner tone="error">{loadProblem}</Banner>;
  if (!loaded) return <p className="ui-hint">Loading the weekly pattern…</p>;
  return (
    <section className="ui-panel" aria-labelledby="template-title">
      <h3 id="template-title">Weekly pattern</h3>
      <form className="ui-form" onSubmit={saveTemplate} noValidate aria-labelledby="template-title">
        {save.formMessage && <Banner tone="error">{save.formMessage}</Banner>}
        {ruleError('rules') && <Banner tone="error">{ruleError('rules')}</Banner>}
        {WEEKDAYS.map((day, d) => {
          const weekday = d + 1;
          return (
            <fieldset key={day} className="ui-group">
              <legend>{day}</legend>
              {list.every((r) => r.weekday !== weekday) && <span className="ui-hint">Not working</span>}
              {list.map((r, i) =>
                r.weekday !== weekday ? null : (
                  <div key={r.key} className="template-period">
                    <Field autoFocus={r.key === justAdded} label={`${day} from`} type="time" value={r.startTime} onChange={(e) => change(r.key, { startTime: e.target.value })} error={ruleError(`rules.${i}.startTime`)} />
                    <Field label={`${day} until`} type="time" value={r.endTime} onChange={(e) => change(r.key, { endTime: e.target.value })} error={ruleError(`rules.${i}.endTime`)} />
                    <Field label={`${day} minutes per slot`} inputMode="numeric" value={r.slotMinutes} onChange={(e) => change(r.key, { slotMinutes: e.target.value })} error={ruleError(`rules.${i}.slotMinutes`)} />
                    <Button aria-label={`Remove ${day} ${r.startTime || '?'}–${r.endTime || '?'}`} onClick={() => remove(r)}>
                      Remove
                    </Button>
                  </div>
                ),
              )}
              <div>
                <Button id={addButtonId(weekday)} onClick={() => add(weekday)}>
                  Add hours on {day}
                </Button>
              </div>
            </fieldset>
          );
        })}
        <div className="ui-row">
          <Field label="Pattern starts on" type="date" value={validFrom} onChange={(e) => { setValidFrom(e.target.value); setDirty(true); }} error={save.at('validFrom')} />
          <Field label="Pattern ends on" type="date" value={validTo} onChange={(e) => { setValidTo(e.target.value); setDirty(true); }} error={save.at('validTo')} hint="Leave empty for no end" />
          <Button variant="primary" type="submit" disabled={busy === 'save'}>
            {busy === 'save' ? 'Saving…' : 'Save the weekly pattern'}
          </Button>
        </div>
      </form>

      <h3 id="preview-title">Preview the slots</h3>
      {previewErrors.formMessage && <Banner tone="error">{previewErrors.formMessage}</Banner>}
      <div className="ui-row">
        <Field label="Preview from" type="date" value={range.from} onChange={(e) => setRange({ ...range, from: e.target.value })} error={previewErrors.at('from')} />
        <Field label="Preview until" type="date" value={range.to} onChange={(e) => setRange({ ...range, to: e.target.value })} error={previewErrors.at('to')} />
        <Button onClick={showPreview} disabled={busy === 'preview'}>
          {busy === 'preview' ? 'Working…' : 'Preview'}
        </Button>
      </div>
      {preview && (
        <div aria-labelledby="preview-title" role="region">
          <p aria-live="polite">
            {preview.windows.length} working period{preview.windows.length === 1 ? '' : 's'}, {preview.totalSlots} slot{preview.totalSlots === 1 ? '' : 's'} in total.
          </p>
          <Table label="Slots the pattern will create" columns={PREVIEW_COLUMNS} rows={preview.windows.map((w, id) => ({ ...w, id: id + 1 }))} empty="The pattern gives no working hours in these dates." />
        </div>
      )}

      <h3 id="expand-title">Put the pattern in the calendar</h3>
      <form className="ui-row" onSubmit={expand} noValidate aria-labelledby="expand-title">
        <Field label="Create windows from" type="date" value={expandRange.from} onChange={(e) => setExpandRange({ ...expandRange, from: e.target.value })} error={expandErrors.at('from')} />
        <Field label="Create windows until" type="date" value={expandRange.to} onChange={(e) => setExpandRange({ ...expandRange, to: e.target.value })} error={expandErrors.at('to')} />
        <Button type="submit" disabled={busy === 'expand'}>
          {busy === 'expand' ? 'Creating…' : 'Create the windows'}
        </Button>
      </form>
      {expandErrors.formMessage && <Banner tone="error">{expandErrors.formMessage}</Banner>}
      <p className="ui-hint">Save the pattern first. Days already in the calendar are left as they are.</p>
    </section>
  );
}
