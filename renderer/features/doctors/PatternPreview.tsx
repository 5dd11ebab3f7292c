import type { Res } from '../../../preload/contract';
import { hhmm, withWeekday } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';

type Preview = Res<'availability.previewTemplate'>;
type PreviewRow = Preview['windows'][number] & { id: number };

const COLUMNS: Column<PreviewRow>[] = [
  { header: 'Date', cell: (w) => withWeekday(w.date) },
  { header: 'Hours', cell: (w) => `${hhmm(w.startTime)}–${hhmm(w.endTime)}` },
  { header: 'Minutes per slot', cell: (w) => w.slotMinutes },
  { header: 'Slots', cell: (w) => w.slots },
];

/** The date range to preview, and the working periods and slots the pattern would give in it. */
export function PatternPreview({
  range,
  onRange,
  onPreview,
  preview,
  busy,
  at,
  formMessage,
}: {
  range: { from: string; to: string };
  onRange(range: { from: string; to: string }): void;
  onPreview(): void;
  preview: Preview | undefined;
  busy: boolean;
  at(field: string): string | undefined;
  formMessage: string | undefined;
}) {
  return (
    <>
      <h3 id="preview-title">Preview the slots</h3>
      {formMessage && <Banner tone="error">{formMessage}</Banner>}
      <div className="ui-row">
        <Field label="Preview from" type="date" value={range.from} onChange={(e) => onRange({ ...range, from: e.target.value })} error={at('from')} />
        <Field label="Preview until" type="date" value={range.to} onChange={(e) => onRange({ ...range, to: e.target.value })} error={at('to')} />
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
