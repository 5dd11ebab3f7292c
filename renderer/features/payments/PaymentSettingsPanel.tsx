import { useState } from 'react';
import type { PaymentSettingsDto } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
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
  const settings = useClinicQuery('payments.getSettings', {});
  if (settings.error) return <Banner tone="error">{problemOf(settings.error)}</Banner>;
  if (!settings.data) return <p className="ui-hint">Loading…</p>;
  // Read once: afterwards the form keeps what the administrator types.
  return <PaymentSettingsForm loaded={settings.data} />;
}

function PaymentSettingsForm({ loaded }: { loaded: PaymentSettingsDto }) {
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
    toast(r.value.gatewayConfigured ? 'Payment settings saved: the gateway is ready' : 'Payment settings saved; the gateway still needs its keys');
  });

  return (
    <>
      <form className="ui-form" onSubmit={save} aria-label="Payment settings" noValidate>
        <FormProblem form={form} />
        <Banner tone={settings.gatewayConfigured ? 'info' : 'warning'}>
          {settings.gatewayConfigured
            ? `The payment gateway is set up${settings.razorpayTestMode ? ' in test mode (rzp_test_ key): no real money moves' : ''}.`
            : 'The payment gateway is not set up: enter the key id and key secret.'}
        </Banner>
        <h3>UPI QR at the desk</h3>
        <FormField form={form} name="upiVpa" emptyIsNull label="Clinic UPI ID" hint="e.g. sunriseclinic@okhdfcbank" autoComplete="off" />
        <FormField form={form} name="upiPayeeName" emptyIsNull label="Payee name" hint="The name the patient's UPI app shows" />
        <h3>Payment gateway</h3>
        {/* One provider so far: shown so the administrator knows whose dashboard the keys come from. */}
        <SelectField label="Provider" value="RAZORPAY" disabled onChange={() => undefined}>
          <option value="RAZORPAY">Razorpay</option>
        </SelectField>
        <FormField form={form} name="razorpayKeyId" emptyIsNull label="Key id" hint="rzp_live_… or rzp_test_…" autoComplete="off" />
        <FormSecretField form={form} name="razorpayKeySecret" label="Key secret" set={settings.razorpayKeySecretSet} />
        {settings.razorpayKeySecretSet && (
          <Button variant="danger" onClick={() => setRemoving('razorpayKeySecret')}>
            Remove key secret…
          </Button>
        )}
        <FormSecretField
          form={form}
          name="razorpayWebhookSecret"
          label="Webhook secret"
          set={settings.razorpayWebhookSecretSet}
          hint={`The secret of the webhook at the gateway's address + ${settings.webhookPath}`}
        />
        {settings.razorpayWebhookSecretSet && (
          <Button variant="danger" onClick={() => setRemoving('razorpayWebhookSecret')}>
            Remove webhook secret…
          </Button>
        )}
        <label className="ui-check">
          <input type="checkbox" {...form.register('teleconsultPrepay')} /> Teleconsultation patients pay before they join
        </label>
        <FormActions busy={busy} submit="Save payment settings" />
      </form>
      {removing && (
        <RemoveSecretDialog
          secret={removing}
          onClose={() => setRemoving(undefined)}
          onRemoved={(s) => {
            setSettings(s);
            setRemoving(undefined);
            toast(
              removing === 'razorpayKeySecret'
                ? 'Key secret removed: the desk takes payments by UPI QR and UTR until a new one is saved'
                : 'Webhook secret removed: Razorpay’s webhooks are refused until a new one is saved',
            );
          }}
        />
      )}
    </>
  );
}
