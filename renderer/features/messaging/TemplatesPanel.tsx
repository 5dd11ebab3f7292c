import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import type { MessageTemplateDto } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Button } from '../../ui/Button';
import { FormField, FormTextAreaField, SelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { MESSAGE_KIND_NAMES } from './AppointmentMessages';
import { CHANNEL_NAMES, languageName } from './names';

const NO_TEMPLATES: MessageTemplateDto[] = [];
const key = (t: Pick<MessageTemplateDto, 'kind' | 'language' | 'channel'>) => `${t.kind}|${t.language}|${t.channel}`;
const parts = (t: MessageTemplateDto) =>
  t.channel === 'SMS' ? ` · ${t.segments.segments} SMS part${t.segments.segments === 1 ? '' : 's'} (${t.segments.encoding})` : '';

/** A template's boxes (an empty one is null: not given) and the appointment to preview it with. */
const boxesOf = (t: MessageTemplateDto | undefined, appointmentId: string) => ({
  body: t?.body ?? '',
  subject: t?.subject ?? null,
  dltEntityId: t?.dltEntityId ?? null,
  dltTemplateId: t?.dltTemplateId ?? null,
  whatsappContentSid: t?.whatsappContentSid ?? null,
  appointmentId,
});
type Boxes = ReturnType<typeof boxesOf>;

/**
 * The message templates per kind, language and channel. Main refuses an unknown or malformed
 * {variable} when the template is saved (the message lands on the text box), and fills a
 * template with a real appointment for the preview.
 */
export function TemplatesPanel() {
  const templates = useClinicQuery('messaging.templates', {}).data ?? NO_TEMPLATES;
  const saveTemplate = useClinicMutation('messaging.saveTemplate');
  const previewTemplate = useClinicMutation('messaging.preview');
  const [chosen, setChosen] = useState('');
  const [preview, setPreview] = useState<string>();
  const current = templates.find((t) => key(t) === chosen);
  // Which template is being edited is the select's, not a box: the request takes it from there.
  const which = { kind: current?.kind ?? 'REMINDER', language: current?.language ?? '', channel: current?.channel ?? 'SMS' };
  const form = useRequestForm('messaging.saveTemplate', ({ appointmentId: _preview, ...boxes }: Boxes) => ({ ...which, ...boxes }), boxesOf(undefined, ''));
  const appointmentId = useWatch({ control: form.control, name: 'appointmentId' });
  const busy = form.formState.isSubmitting || previewTemplate.isPending;

  const choose = (k: string) => {
    setChosen(k);
    setPreview(undefined);
    form.reset(
      boxesOf(
        templates.find((t) => key(t) === k),
        form.getValues('appointmentId'),
      ),
    );
  };

  const save = form.handleSubmit(async ({ appointmentId: _preview, ...boxes }) => {
    const r = await saveTemplate.call({ ...which, ...boxes });
    if (!r.ok) return applyRefusal(form, r.error);
    toast(`Template saved${parts(r.value)}`);
  });
  async function showPreview() {
    const { appointmentId, body } = form.getValues();
    form.clearErrors();
    const r = await previewTemplate.call({ ...which, appointmentId: Number(appointmentId), body });
    if (!r.ok) return applyRefusal(form, r.error);
    setPreview(`${r.value.body}${which.channel === 'SMS' ? ` — ${r.value.segments.segments} SMS part(s), ${r.value.segments.encoding}` : ''}`);
  }

  return (
    <form className="ui-form" onSubmit={save} aria-label="Message templates" noValidate>
      <h3>Message templates</h3>
      <FormProblem form={form} />
      <SelectField label="Template" value={chosen} onChange={(e) => choose(e.target.value)}>
        <option value="">Choose a template…</option>
        {templates.map((t) => (
          <option key={key(t)} value={key(t)}>
            {MESSAGE_KIND_NAMES[t.kind]} · {languageName(t.language)} · {CHANNEL_NAMES[t.channel]}
            {parts(t)}
          </option>
        ))}
      </SelectField>
      {current && (
        <>
          <FormTextAreaField form={form} name="body" label="Text" hint="Variables: {patient} {doctor} {date} {time} {clinic} {link} {token}" rows={4} />
          {current.channel === 'EMAIL' && <FormField form={form} name="subject" emptyIsNull label="Subject" />}
          {current.channel === 'SMS' && (
            <>
              <FormField
                form={form}
                name="dltEntityId"
                emptyIsNull
                label="DLT entity id"
                hint="India: the clinic's principal entity id, 19 digits"
                inputMode="numeric"
              />
              <FormField
                form={form}
                name="dltTemplateId"
                emptyIsNull
                label="DLT template id"
                hint="This text's content template id, 19 digits"
                inputMode="numeric"
              />
            </>
          )}
          {current.channel === 'WHATSAPP' && (
            <FormField form={form} name="whatsappContentSid" emptyIsNull label="WhatsApp content SID" hint="HX…, the approved content template" />
          )}
          <FormField form={form} name="appointmentId" label="Preview with appointment number" inputMode="numeric" />
          {preview && <p aria-label="Preview">{preview}</p>}
          <div className="ui-actions">
            <Button type="button" onClick={() => void showPreview()} disabled={busy || !appointmentId}>
              Preview
            </Button>
            <Button variant="primary" type="submit" disabled={busy}>
              Save template
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
