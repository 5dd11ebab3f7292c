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
import { channelName, kindName, languageName } from './names';
import { t as word } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';

const NO_TEMPLATES: MessageTemplateDto[] = [];
const key = (t: Pick<MessageTemplateDto, 'kind' | 'language' | 'channel'>) => `${t.kind}|${t.language}|${t.channel}`;
const parts = (t: MessageTemplateDto) =>
  t.channel === 'SMS' ? ` · ${word('messaging:templates.parts', { count: t.segments.segments, encoding: t.segments.encoding })}` : '';

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
  const { t } = useT('messaging');
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
    toast(`${t('templates.saved')}${parts(r.value)}`);
  });
  async function showPreview() {
    const { appointmentId, body } = form.getValues();
    form.clearErrors();
    const r = await previewTemplate.call({ ...which, appointmentId: Number(appointmentId), body });
    if (!r.ok) return applyRefusal(form, r.error);
    const smsParts = t('templates.previewParts', { count: r.value.segments.segments, encoding: r.value.segments.encoding });
    setPreview(`${r.value.body}${which.channel === 'SMS' ? ` — ${smsParts}` : ''}`);
  }

  return (
    <form className="ui-form" onSubmit={save} aria-label={t('templates.form')} noValidate>
      <h3>{t('templates.form')}</h3>
      <FormProblem form={form} />
      <SelectField label={t('templates.template')} value={chosen} onChange={(e) => choose(e.target.value)}>
        <option value="">{t('templates.choose')}</option>
        {templates.map((each) => (
          <option key={key(each)} value={key(each)}>
            {kindName(each.kind)} · {languageName(each.language)} · {channelName(each.channel)}
            {parts(each)}
          </option>
        ))}
      </SelectField>
      {current && (
        <>
          <FormTextAreaField form={form} name="body" label={t('templates.text')} hint={t('templates.textHint')} rows={4} />
          {current.channel === 'EMAIL' && <FormField form={form} name="subject" emptyIsNull label={t('templates.subject')} />}
          {current.channel === 'SMS' && (
            <>
              <FormField form={form} name="dltEntityId" emptyIsNull label={t('templates.dltEntity')} hint={t('templates.dltEntityHint')} inputMode="numeric" />
              <FormField
                form={form}
                name="dltTemplateId"
                emptyIsNull
                label={t('templates.dltTemplate')}
                hint={t('templates.dltTemplateHint')}
                inputMode="numeric"
              />
            </>
          )}
          {current.channel === 'WHATSAPP' && (
            <FormField form={form} name="whatsappContentSid" emptyIsNull label={t('templates.whatsappSid')} hint={t('templates.whatsappSidHint')} />
          )}
          <FormField form={form} name="appointmentId" label={t('templates.previewWith')} inputMode="numeric" />
          {preview && <p aria-label={t('templates.preview')}>{preview}</p>}
          <div className="ui-actions">
            <Button type="button" onClick={() => void showPreview()} disabled={busy || !appointmentId}>
              {t('templates.preview')}
            </Button>
            <Button variant="primary" type="submit" disabled={busy}>
              {t('templates.save')}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}
