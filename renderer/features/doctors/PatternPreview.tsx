import type { Res } from '../../../preload/contract';
import { hhmm, withWeekday } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import type { WeeklyPattern } from './useWeeklyPattern';

type Preview = Res<'availability.previewTemplate'>;
type PreviewRow = Preview['windows'][number] & { id: number };

const COLUMNS: Column<PreviewRow>[] = [
  { header: 'Date', cell: (w) => withWeekday(w.date) },
  { header: 'Hours', cell: (w) => `${hhmm(w.startTime)}–${hhmm(w.endTime)}` },
  { header: 'Minutes per slot', cell: (w) => w.slotMinutes },
  { header: 'Slots', cell: (w) => w.slots },
];

/** The date range to preview (boxes of the pattern's form), and the working periods and slots the pattern would give in it. */
export function PatternPreview({
  pattern,
  onPreview,
  preview,
  busy,
}: {
  pattern: WeeklyPattern;
  onPreview(): void;
  preview: Preview | undefined;
  busy: boolean;
}) {
  return (
    <>
      <h3 id="preview-title">Preview the slots</h3>
      <div className="ui-row">
        <FormField form={pattern.form} name="from" label="Preview from" type="date" />
        <FormField form={pattern.form} name="to" label="Preview until" type="date" />
        <Button onClick={onPreview} disabled={busy}>
          {busy ? 'Working…' : 'Preview'}
        </Button>
      </div>
      {preview && (
        <div aria-labelledby="preview-title" role="region">
          <p aria-live="polite">
            {preview.windows.length} working period{preview.windows.length === 1 ? '' : 's'}, {preview.totalSlots} slot{preview.totalSlots === 1 ? '' : 's'} in
            total.
          </p>
          <Table
            label="Slots the pattern will create"
            columns={COLUMNS}
            rows={preview.windows.map((w, id) => ({ ...w, id: id + 1 }))}
            empty="The pattern gives no working hours in these dates."
          />
        </div>
      )}
    </>
  );
}
