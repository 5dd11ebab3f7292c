import { useState } from 'react';
import type { CallError, Req, Res } from '../../../preload/contract';
import { useClinicData, useTimeZone } from '../../api/clinic-data';
import { useClinicMutation } from '../../api/query';
import { longDay, todayIn } from '../../lib/dates';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Dialog } from '../../ui/Dialog';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { DoctorOptions } from '../doctors/DoctorOptions';
import { t as word } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';

// The ready-made texts are in the desk user's language: they write the notice, and see it before it goes.
const starter = (kind: 'late' | 'closed') => word(kind === 'late' ? 'messaging:notice.starterLate' : 'messaging:notice.starterClosed');

// The whole text of a notice; to a cancellation, the reason its message adds.
const noticeBox = () => ({ label: word('messaging:notice.text'), hint: word('messaging:notice.textHint'), rows: 4 });
const reasonBox = () => ({ label: word('messaging:notice.reason'), hint: word('messaging:notice.reasonHint'), rows: 3 });

/** "N patients", the count that matters, set off in a sentence that names it wherever the language puts it. */
function WithCount({ sentence, count }: { sentence: string; count: string }) {
  const at = sentence.indexOf(count);
  if (at < 0) return sentence;
  return (
    <>
      {sentence.slice(0, at)}
      <strong>{count}</strong>
      {sentence.slice(at + count.length)}
    </>
  );
}

/** The reason recorded for a cancellation, as the start of what the patients are told; braces in it would read as variables, so they are dropped. */
const toldReason = (reason: string) => reason.replace(/[{}]/g, '').trim();

/**
 * What the notice starts from when a screen opens it for a doctor's day: "running late" from
 * the Today board or the schedule, or a schedule change (leave, hours taken out) that cancelled
 * `appointmentIds` for `reason`.
 */
export type NoticePreset =
  { kind: 'late'; doctorId: number; date: string } | { kind: 'cancelled'; doctorId: number; date: string; reason: string; appointmentIds: number[] };

interface NoticeValues {
  doctorId: string;
  date: string;
  text: string;
}

type Step =
  { at: 'write' } | { at: 'confirm'; preview: Res<'messaging.noticePreview'>; req: Req<'messaging.notice'> } | { at: 'done'; result: Res<'messaging.notice'> };

/**
 * "Doctor is late", "clinic closed": one text to every patient booked with a doctor on a day.
 * Nothing goes before the desk has seen how many patients it reaches and one of their messages
 * exactly as it will read.
 */
export function NoticeDialog({ preset, onClose }: { preset?: NoticePreset; onClose(): void }) {
  const { t } = useT('messaging');
  const doctors = useClinicData().doctors;
  const own = useSession((s) => s.session?.doctorId);
  // A doctor's own day first; the form starts once there is a doctor to choose.
  const doctorId = preset?.doctorId ?? own ?? doctors[0]?.id;
  const title = preset?.kind === 'cancelled' ? t('notice.titleCancelled') : t('notice.title');
  return (
    <Dialog title={title} onClose={onClose} wide>
      {doctorId === undefined ? <p className="ui-hint">{t('common:loading')}</p> : <NoticeSteps doctorId={doctorId} preset={preset} onClose={onClose} />}
    </Dialog>
  );
}

function NoticeSteps({ doctorId, preset, onClose }: { doctorId: number; preset?: NoticePreset; onClose(): void }) {
  const { t } = useT('messaging');
  const patients = (count: number) => t('notice.patients', { count });
  const timeZone = useTimeZone();
  const preview = useClinicMutation('messaging.noticePreview');
  const send = useClinicMutation('messaging.notice');
  const [step, setStep] = useState<Step>({ at: 'write' });
  // This notice is for the patients a change cancelled, who are no longer on the day's list.
  const cancelled = preset?.kind === 'cancelled' ? preset : undefined;
  const toRequest = (v: NoticeValues): Req<'messaging.notice'> => ({
    doctorId: Number(v.doctorId),
    date: v.date,
    text: v.text,
    ...(cancelled ? { appointmentIds: cancelled.appointmentIds } : {}),
  });
  const form = useRequestForm('messaging.noticePreview', toRequest, {
    doctorId: String(doctorId),
    date: preset?.date ?? todayIn(timeZone),
    text: cancelled ? toldReason(cancelled.reason) : preset?.kind === 'late' ? starter('late') : '',
  });
  const busy = form.formState.isSubmitting || send.isPending;
  // A cancellation's notice shows only its text: a refusal about the day or the patients is the whole form's.
  const refuse = (error: CallError) => applyRefusal(form, cancelled && error.field !== 'text' ? { ...error, field: undefined } : error);

  const check = form.handleSubmit(async (values) => {
    const req = toRequest(values);
    const r = await preview.call(req);
    if (!r.ok) return refuse(r.error);
    setStep({ at: 'confirm', preview: r.value, req });
  });

  const confirm = async (req: Req<'messaging.notice'>) => {
    const r = await send.call(req);
    if (!r.ok) {
      setStep({ at: 'write' });
      return refuse(r.error);
    }
    setStep({ at: 'done', result: r.value });
  };

  return (
    <>
      {step.at === 'write' && (
        <form className="ui-form" onSubmit={check} aria-label={t('notice.form')} noValidate>
          <FormProblem form={form} />
          {cancelled ? (
            <p>{t('notice.cancelledIntro', { patients: patients(cancelled.appointmentIds.length), day: longDay(cancelled.date) })}</p>
          ) : (
            <>
              <div className="ui-row">
                <FormSelectField form={form} name="doctorId" label={t('common:doctor')}>
                  <DoctorOptions />
                </FormSelectField>
                <FormField form={form} name="date" label={t('notice.day')} type="date" />
              </div>
              <div className="ui-actions">
                <Button onClick={() => form.setValue('text', starter('late'))}>{t('notice.late')}</Button>
                <Button onClick={() => form.setValue('text', starter('closed'))}>{t('notice.closed')}</Button>
              </div>
            </>
          )}
          <FormTextAreaField form={form} name="text" {...(cancelled ? reasonBox() : noticeBox())} />
          <div className="ui-actions">
            <Button onClick={onClose}>{cancelled ? t('notice.tellNobody') : t('common:cancel')}</Button>
            <Button variant="primary" type="submit" disabled={busy}>
              {t('notice.preview')}
            </Button>
          </div>
        </form>
      )}
      {step.at === 'confirm' && (
        <div className="ui-form">
          <p>
            <WithCount
              sentence={t(cancelled ? 'notice.goesToCancelled' : 'notice.goesTo', { patients: patients(step.preview.count), day: longDay(step.req.date) })}
              count={patients(step.preview.count)}
            />
          </p>
          <p>{t('notice.willRead', { patient: step.preview.sample.patientName })}</p>
          <blockquote aria-label={t('notice.sample')}>{step.preview.sample.body}</blockquote>
          <p className="ui-hint">{t('notice.sms', { count: step.preview.sample.segments.segments, encoding: step.preview.sample.segments.encoding })}</p>
          <div className="ui-actions">
            <Button onClick={() => setStep({ at: 'write' })} disabled={busy}>
              {t('notice.back')}
            </Button>
            <Button variant="primary" onClick={() => void confirm(step.req)} disabled={busy}>
              {t('notice.send', { patients: patients(step.preview.count) })}
            </Button>
          </div>
        </div>
      )}
      {step.at === 'done' && (
        <div className="ui-form">
          <Banner tone={step.result.notReached + step.result.alreadyTold > 0 ? 'warning' : 'info'}>
            {t('notice.queued', { patients: patients(step.result.queued) })}
            {step.result.alreadyTold > 0 ? t('notice.alreadyTold', { patients: patients(step.result.alreadyTold) }) : ''}
            {step.result.notReached > 0 ? t('notice.notReached', { patients: patients(step.result.notReached) }) : ''}
            {t('notice.end')}
          </Banner>
          <div className="ui-actions">
            <Button variant="primary" onClick={onClose}>
              {t('notice.done')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
