import type { DoctorDto, Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { shiftDate } from '../../lib/dates';
import { PatternPreview } from './PatternPreview';
import { usePreviewPattern, useSavePattern } from './usePatternActions';
import { useWeeklyPattern } from './useWeeklyPattern';
import { WeeklyPatternForm } from './WeeklyPatternForm';
import { WindowCreation } from './WindowCreation';

interface Props {
  doctor: DoctorDto;
  today: string;
  defaultSlotMinutes: number;
}

/**
 * A doctor's weekly working pattern: hours per weekday, the dates it holds for, a preview of the
 * slots it gives, then saving it and writing its windows into the calendar for a date range.
 */
export function TemplateEditor(props: Props) {
  const { t } = useT('doctors');
  const template = useClinicQuery('availability.getTemplate', { doctorId: props.doctor.id });
  if (template.error) return <Banner tone="error">{problemOf(template.error)}</Banner>;
  if (!template.data) return <p className="ui-hint">{t('pattern.loading')}</p>;
  // Read once: afterwards the form keeps what the admin types (the screen keys this by doctor).
  return <PatternEditor {...props} saved={template.data} />;
}

function PatternEditor({ doctor, today, defaultSlotMinutes, saved }: Props & { saved: Res<'availability.getTemplate'> }) {
  const { t } = useT('doctors');
  const pattern = useWeeklyPattern(doctor.id, saved, today, defaultSlotMinutes, shiftDate(today, 13));
  const save = useSavePattern(doctor, pattern);
  const preview = usePreviewPattern(pattern);

  return (
    <section className="ui-panel" aria-labelledby="template-title">
      <h3 id="template-title">{t('pattern.title')}</h3>
      <WeeklyPatternForm pattern={pattern} busy={save.busy} onSave={() => void save.submit()} />
      <PatternPreview pattern={pattern} onPreview={() => void preview.run()} preview={preview.preview} busy={preview.busy} />
      <WindowCreation doctor={doctor} today={today} dirty={pattern.dirty} />
    </section>
  );
}
