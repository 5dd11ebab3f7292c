import { useState } from 'react';
import type { PaymentSettingsDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { Banner } from '../../ui/Banner';
import { FormField, SelectField } from '../../ui/Field';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { FormProblem } from '../../ui/form/FormProblem';
import { FormSecretField } from '../../ui/form/SecretField';
import { useContractForm } from '../../ui/form/use-contract-form';
import { toast } from '../../ui/toasts';
import { FormActions } from '../../ui/form/FormActions';
import { Button } from '../../ui/Button';
import { RemoveSecretDialog, type StoredSecret } from './RemoveSecretDialog';

/**
 * Payments beyond cash (ADMIN): the clinic's UPI ID for the desk's own QR, the payment gateway's
 * keys, and whether teleconsultation patients pay first. The key secret and the webhook secret
 * are write-only: this screen only learns whether each is set; an empty box keeps the stored one,
 * and "Remove" (confirmed) clears it.
 */
export function PaymentSettingsPanel() {
  const { t } = useT('payments');
  const settings = useClinicQuery('payments.getSettings', {});
  if (settings.error) return <Banner tone="error">{problemOf(settings.error)}</Banner>;
  if (!settings.data) return <p className="ui-hint">{t('common:loading')}</p>;
  // Read once: afterwards the form keeps what the administrator types.
  return <PaymentSettingsForm loaded={settings.data} />;
}

function PaymentSettingsForm({ loaded }: { loaded: PaymentSettingsDto }) {
  const { t } = useT('payments');
  const update = useClinicMutation('payments.updateSettings');
  const [settings, setSettings] = useState(loaded);
  const [removing, setRemoving] = useState<StoredSecret>();
  const form = useContractForm('payments.updateSettings', {
    upiVpa: loaded.upiVpa,
    upiPayeeName: loaded.upiPayeeName,
    razorpayKeyId: loaded.razorpayKeyId,
    razorpayKeySecret: undefined,
    razorpayWebhookSecret: undefined,
    teleconsultPrepay: loaded.teleconsultPrepay,
  });
  const busy = form.formState.isSubmitting;

  const save = form.handleSubmit(async ({ razorpayKeySecret, razorpayWebhookSecret, ...rest }) => {
    // A secret left empty is not sent at all, so main keeps the stored one.
    const r = await update.call({
      ...rest,
      ...(razorpayKeySecret ? { razorpayKeySecret } : {}),
      ...(razorpayWebhookSecret ? { razorpayWebhookSecret } : {}),
    });
    if (!r.ok) return applyRefusal(form, r.error);
    setSettings(r.value);
    form.resetField('razorpayKeySecret');
    form.resetField('razorpayWebhookSecret');
    toast(r.value.gatewayConfigured ? t('admin.settings.saved') : t('admin.settings.savedNoKeys'));
  });

  return (
    <>
      <form className="ui-form" onSubmit={save} aria-label={t('admin.settings.form')} noValidate>
        <FormProblem form={form} />
        <Banner tone={settings.gatewayConfigured ? 'info' : 'warning'}>
          {!settings.gatewayConfigured ? t('admin.settings.notSetUp') : settings.razorpayTestMode ? t('admin.settings.readyTest') : t('admin.settings.ready')}
        </Banner>
        <h3>{t('admin.settings.upiTitle')}</h3>
        <FormField form={form} name="upiVpa" emptyIsNull label={t('admin.settings.vpa')} hint={t('admin.settings.vpaHint')} autoComplete="off" />
        <FormField form={form} name="upiPayeeName" emptyIsNull label={t('admin.settings.payee')} hint={t('admin.settings.payeeHint')} />
        <h3>{t('admin.settings.gatewayTitle')}</h3>
        {/* One provider so far: shown so the administrator knows whose dashboard the keys come from. */}
        <SelectField label={t('admin.settings.provider')} value="RAZORPAY" disabled onChange={() => undefined}>
          <option value="RAZORPAY">Razorpay</option>
        </SelectField>
        <FormField form={form} name="razorpayKeyId" emptyIsNull label={t('admin.settings.keyId')} hint={t('admin.settings.keyIdHint')} autoComplete="off" />
        <FormSecretField form={form} name="razorpayKeySecret" label={t('admin.settings.keySecret')} set={settings.razorpayKeySecretSet} />
        {settings.razorpayKeySecretSet && (
          <Button variant="danger" onClick={() => setRemoving('razorpayKeySecret')}>
            {t('admin.settings.removeKeySecret')}
          </Button>
        )}
        <FormSecretField
          form={form}
          name="razorpayWebhookSecret"
          label={t('admin.settings.webhookSecret')}
          set={settings.razorpayWebhookSecretSet}
          hint={t('admin.settings.webhookHint', { path: settings.webhookPath })}
        />
        {settings.razorpayWebhookSecretSet && (
          <Button variant="danger" onClick={() => setRemoving('razorpayWebhookSecret')}>
            {t('admin.settings.removeWebhookSecret')}
          </Button>
        )}
        <label className="ui-check">
          <input type="checkbox" {...form.register('teleconsultPrepay')} /> {t('admin.settings.prepay')}
        </label>
        <FormActions busy={busy} submit={t('admin.settings.save')} />
      </form>
      {removing && (
        <RemoveSecretDialog
          secret={removing}
          onClose={() => setRemoving(undefined)}
          onRemoved={(s) => {
            setSettings(s);
            setRemoving(undefined);
            toast(removing === 'razorpayKeySecret' ? t('admin.settings.keySecretRemoved') : t('admin.settings.webhookSecretRemoved'));
          }}
        />
      )}
    </>
  );
}
