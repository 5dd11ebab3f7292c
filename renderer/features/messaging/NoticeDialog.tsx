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

/** Ready-made texts the desk starts from; {patient}, {doctor}, {date}, {time} are filled per patient. */
const STARTERS = {
  late: '{patient}, {doctor} is running about 30 minutes late today. Your appointment at {time} will start later; please come accordingly.',
  closed: '{patient}, the clinic is closed on {date}, so your appointment with {doctor} at {time} cannot go ahead. We will call you to book again.',
} as const;

// The whole text of a notice; to a cancellation, the reason its message adds.
const NOTICE_BOX = { label: 'Notice', hint: '{patient}, {doctor}, {date} and {time} are filled in for each patient', rows: 4 };
const REASON_BOX = { label: 'Reason', hint: 'Added to each patient’s cancellation message, under the clinic’s wording', rows: 3 };

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
  const doctors = useClinicData().doctors;
  const own = useSession((s) => s.session?.doctorId);
  // A doctor's own day first; the form starts once there is a doctor to choose.
  const doctorId = preset?.doctorId ?? own ?? doctors[0]?.id;
  const title = preset?.kind === 'cancelled' ? 'Tell the patients why' : 'Notice to a doctor’s patients';
  return (
    <Dialog title={title} onClose={onClose} wide>
      {doctorId === undefined ? <p className="ui-hint">Loading…</p> : <NoticeSteps doctorId={doctorId} preset={preset} onClose={onClose} />}
    </Dialog>
  );
}

function NoticeSteps({ doctorId, preset, onClose }: { doctorId: number; preset?: NoticePreset; onClose(): void }) {
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
    text: cancelled ? toldReason(cancelled.reason) : preset?.kind === 'late' ? STARTERS.late : '',
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
        <form className="ui-form" onSubmit={check} aria-label="Write the notice" noValidate>
          <FormProblem form={form} />
          {cancelled ? (
            <p>
              {patients(cancelled.appointmentIds.length)} booked on {longDay(cancelled.date)} had their appointment cancelled. Tell them why:
            </p>
          ) : (
            <>
              <div className="ui-row">
                <FormSelectField form={form} name="doctorId" label="Doctor">
                  <DoctorOptions />
                </FormSelectField>
                <FormField form={form} name="date" label="Day" type="date" />
              </div>
              <div className="ui-actions">
                <Button onClick={() => form.setValue('text', STARTERS.late)}>Doctor is late</Button>
                <Button onClick={() => form.setValue('text', STARTERS.closed)}>Clinic closed</Button>
              </div>
            </>
          )}
          <FormTextAreaField form={form} name="text" {...(cancelled ? REASON_BOX : NOTICE_BOX)} />
          <div className="ui-actions">
            <Button onClick={onClose}>{cancelled ? 'Tell nobody' : 'Cancel'}</Button>
            <Button variant="primary" type="submit" disabled={busy}>
              Preview…
            </Button>
          </div>
        </form>
      )}
      {step.at === 'confirm' && (
        <div className="ui-form">
          <p>
            This notice goes to <strong>{patients(step.preview.count)}</strong> {cancelled ? 'whose appointment on' : 'booked on'} {longDay(step.req.date)}
            {cancelled ? ' was cancelled' : ''}.
          </p>
          <p>{step.preview.sample.patientName} will read:</p>
          <blockquote aria-label="The first patient’s message">{step.preview.sample.body}</blockquote>
          <p className="ui-hint">
            As an SMS: {step.preview.sample.segments.segments} part{step.preview.sample.segments.segments === 1 ? '' : 's'} (
            {step.preview.sample.segments.encoding}).
          </p>
          <div className="ui-actions">
            <Button onClick={() => setStep({ at: 'write' })} disabled={busy}>
              Back
            </Button>
            <Button variant="primary" onClick={() => void confirm(step.req)} disabled={busy}>
              Send to {patients(step.preview.count)}
            </Button>
          </div>
        </div>
      )}
      {step.at === 'done' && (
        <div className="ui-form">
          <Banner tone={step.result.notReached + step.result.alreadyTold > 0 ? 'warning' : 'info'}>
            Notice queued for {patients(step.result.queued)}
            {step.result.alreadyTold > 0 ? `; ${patients(step.result.alreadyTold)} had already been sent the cancellation without it` : ''}
            {step.result.notReached > 0 ? `; ${patients(step.result.notReached)} cannot be reached (opted out or asked for no messages)` : ''}.
          </Banner>
          <div className="ui-actions">
            <Button variant="primary" onClick={onClose}>
              Done
            </Button>
          </div>
        </div>
      )}
    </>
  );
}

const patients = (n: number) => `${n} patient${n === 1 ? '' : 's'}`;
