import { useState } from 'react';
import type { MessageTemplateDto } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { toast } from '../../ui/toasts';
import { orNull, useForm } from '../../ui/use-form';
import { MESSAGE_KIND_NAMES } from './AppointmentMessages';

const NO_TEMPLATES: MessageTemplateDto[] = [];
const key = (t: Pick<MessageTemplateDto, 'kind' | 'language' | 'channel'>) => `${t.kind}|${t.language}|${t.channel}`;
const parts = (t: MessageTemplateDto) =>
  t.channel === 'SMS' ? ` · ${t.segments.segments} SMS part${t.segments.segments === 1 ? '' : 's'} (${t.segments.encoding})` : '';

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
  const form = useForm({ body: '', subject: '', dltEntityId: '', dltTemplateId: '', whatsappContentSid: '', appointmentId: '' });
  const v = form.values;
  const current = templates.find((t) => key(t) === chosen);

  const choose = (k: string) => {
    setChosen(k);
    setPreview(undefined);
    const t = templates.find((x) => key(x) === k);
    if (t)
      form.setValues({
        body: t.body,
        subject: t.subject ?? '',
        dltEntityId: t.dltEntityId ?? '',
        dltTemplateId: t.dltTemplateId ?? '',
        whatsappContentSid: t.whatsappContentSid ?? '',
        appointmentId: v.appointmentId,
      });
  };

  const save = form.submit(
    () =>
      saveTemplate.call({
        kind: current!.kind,
        language: current!.language,
        channel: current!.channel,
        subject: orNull(v.subject),
        body: v.body,
        dltEntityId: orNull(v.dltEntityId),
        dltTemplateId: orNull(v.dltTemplateId),
        whatsappContentSid: orNull(v.whatsappContentSid),
      }),
    (saved) => {
      toast(`Template saved${parts(saved)}`);
    },
  );
  const showPreview = form.submit(
    () =>
      previewTemplate.call({
        appointmentId: Number(v.appointmentId),
        kind: current!.kind,
        language: current!.language,
        channel: current!.channel,
        body: v.body,
      }),
    (p) => setPreview(`${p.body}${current!.channel === 'SMS' ? ` — ${p.segments.segments} SMS part(s), ${p.segments.encoding}` : ''}`),
  );

  return (
    <form className="ui-form" onSubmit={save} aria-label="Message templates" noValidate>
      <h3>Message templates</h3>
      {form.formMessage && <Banner tone="error">{form.formMessage}</Banner>}
      <SelectField label="Template" value={chosen} onChange={(e) => choose(e.target.value)}>
        <option value="">Choose a template…</option>
        {templates.map((t) => (
          <option key={key(t)} value={key(t)}>
            {MESSAGE_KIND_NAMES[t.kind]} · {t.language} · {t.channel}
            {parts(t)}
          </option>
        ))}
      </SelectField>
      {current && (
        <>
          <TextAreaField
            label="Text"
            value={v.body}
            onChange={form.change('body')}
            error={form.at('body')}
            hint="Variables: {patient} {doctor} {date} {time} {clinic} {link} {token}"
            rows={4}
          />
          {current.channel === 'EMAIL' && <Field label="Subject" value={v.subject} onChange={form.change('subject')} error={form.at('subject')} />}
          {current.channel === 'SMS' && (
            <>
              <Field
                label="DLT entity id"
                value={v.dltEntityId}
                onChange={form.change('dltEntityId')}
                error={form.at('dltEntityId')}
                hint="India: the clinic's DLT registration"
              />
              <Field label="DLT template id" value={v.dltTemplateId} onChange={form.change('dltTemplateId')} error={form.at('dltTemplateId')} />
            </>
          )}
          {current.channel === 'WHATSAPP' && (
            <Field
              label="WhatsApp content SID"
              value={v.whatsappContentSid}
              onChange={form.change('whatsappContentSid')}
              error={form.at('whatsappContentSid')}
              hint="HX…, the approved content template"
            />
          )}
          <Field
            label="Preview with appointment number"
            value={v.appointmentId}
            onChange={form.change('appointmentId')}
            error={form.at('appointmentId')}
            inputMode="numeric"
          />
          {preview && <p aria-label="Preview">{preview}</p>}
          <div className="ui-actions">
            <Button type="button" onClick={() => void showPreview()} disabled={form.busy || !v.appointmentId}>
              Preview
            </Button>
            <Button variant="primary" type="submit" disabled={form.busy}>
              Save template
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
