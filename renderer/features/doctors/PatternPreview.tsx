import type { Res } from '../../../preload/contract';
import { useT } from '../../i18n/use-t';
import { hhmm, withWeekday } from '../../lib/dates';
import { Button } from '../../ui/Button';
import { FormField } from '../../ui/Field';
import { Table, type Column } from '../../ui/Table';
import type { WeeklyPattern } from './useWeeklyPattern';

type Preview = Res<'availability.previewTemplate'>;
type PreviewRow = Preview['windows'][number] & { id: number };

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
  const { t } = useT('doctors');
  const columns: Column<PreviewRow>[] = [
    { header: t('date'), cell: (w) => withWeekday(w.date) },
    { header: t('hours'), cell: (w) => `${hhmm(w.startTime)}–${hhmm(w.endTime)}` },
    { header: t('minutesPerSlot'), cell: (w) => w.slotMinutes },
    { header: t('preview.slotsColumn'), cell: (w) => w.slots },
  ];
  return (
    <>
      <h3 id="preview-title">{t('preview.title')}</h3>
      <div className="ui-row">
        <FormField form={pattern.form} name="from" label={t('preview.from')} type="date" />
        <FormField form={pattern.form} name="to" label={t('preview.until')} type="date" />
        <Button onClick={onPreview} disabled={busy}>
          {busy ? t('preview.working') : t('preview.run')}
        </Button>
      </div>
      {preview && (
        <div aria-labelledby="preview-title" role="region">
          <p aria-live="polite">
            {t('preview.summary', {
              periods: t('preview.periods', { count: preview.windows.length }),
              slots: t('preview.slots', { count: preview.totalSlots }),
            })}
          </p>
          <Table label={t('preview.table')} columns={columns} rows={preview.windows.map((w, id) => ({ ...w, id: id + 1 }))} empty={t('preview.empty')} />
        </div>
      )}
    </>
  );
}
