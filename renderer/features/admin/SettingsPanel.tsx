import { useEffect, useId, useState, type FormEvent } from 'react';
import { RECEIPT_PAPERS, updateSettingsSchema, type CallError, type ReceiptPaper, type Req, type SettingsDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useClinicData } from '../../api/clinic-data';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field, SelectField, TextAreaField } from '../../ui/Field';
import { clinicDateTime } from '../../lib/dates';
import { contractProblem, errorsFor } from '../../ui/form-errors';
import { toast } from '../../ui/toasts';

const NUMBERS = ['defaultSlotMinutes', 'idleLockMinutes'] as const;
const FIELDS = ['clinicName', 'clinicAddress', 'timeZone', 'currency', 'phoneCountry', 'receiptPaper', ...NUMBERS];
const PAPER_NAMES: Record<ReceiptPaper, string> = { A5: 'A5 sheet', A4: 'A4 sheet', '80MM': '80 mm thermal roll' };
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const ZONES = Intl.supportedValuesOf('timeZone');

const toForm = (s: SettingsDto) => ({
  clinicName: s.clinicName,
  clinicAddress: s.clinicAddress,
  timeZone: s.timeZone,
  currency: s.currency,
  defaultSlotMinutes: String(s.defaultSlotMinutes),
  idleLockMinutes: String(s.idleLockMinutes),
  phoneCountry: s.phoneCountry ?? '',
  receiptPaper: s.receiptPaper as string,
});

/** The clinic's name, address, time zone, money and desk defaults. */
export function SettingsPanel() {
  const { settings, problem } = useClinicData();
  const update = useClinicMutation('settings.update');
  const [form, setForm] = useState<ReturnType<typeof toForm>>();
  const [error, setError] = useState<CallError>();
  const [busy, setBusy] = useState(false);
  const zonesId = useId();
  const { at, formMessage } = errorsFor(error, FIELDS);

  useEffect(() => {
    if (settings && !form) setForm(toForm(settings));
  }, [settings, form]);

  if (!form) return problem ? <Banner tone="error">{problem}</Banner> : <p className="ui-hint">Loading…</p>;
  const bind = (key: keyof typeof form) => ({
    value: form[key],
    error: at(key),
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!form) return;
    const notWhole = NUMBERS.find((k) => !/^\d+$/.test(form[k].trim()));
    const req: Req<'settings.update'> = {
      ...form,
      currency: form.currency.trim().toUpperCase(),
      defaultSlotMinutes: Number(form.defaultSlotMinutes),
      idleLockMinutes: Number(form.idleLockMinutes),
      // Empty: the country of the clinic's time zone.
      phoneCountry: form.phoneCountry.trim() ? form.phoneCountry.trim().toUpperCase() : null,
      receiptPaper: form.receiptPaper as ReceiptPaper,
    };
    const local = notWhole
      ? { code: 'INVALID' as const, field: notWhole, message: 'Enter a whole number of minutes' }
      : contractProblem(updateSettingsSchema, req);
    if (local) return setError(local);
    setBusy(true);
    const r = await update.call(req);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(undefined);
    // This window's idle lock runs on the session's copy of the minutes: fetch the new one.
    if (r.value.idleLockMinutes !== settings?.idleLockMinutes) void useSession.getState().refresh();
    setForm(toForm(r.value));
    toast('Clinic settings saved');
  }

  return (
    <section className="ui-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Clinic settings</h2>
      <form className="ui-form" onSubmit={submit} noValidate aria-labelledby="settings-title">
        {formMessage && <Banner tone="error">{formMessage}</Banner>}
        <Field label="Clinic name" {...bind('clinicName')} />
        <TextAreaField label="Clinic address" {...bind('clinicAddress')} hint="Printed on receipts" />
        <div className="ui-row">
          <Field label="Time zone" list={zonesId} {...bind('timeZone')} hint="Appointment times are in this zone, such as Asia/Kolkata" />
          <datalist id={zonesId}>
            {ZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          <Field label="Currency" {...bind('currency')} hint="Three letters, such as INR" maxLength={3} />
        </div>
        <div className="ui-row">
          <Field label="Usual minutes per slot" inputMode="numeric" {...bind('defaultSlotMinutes')} hint="For new weekly patterns and extra hours" />
          <Field label="Lock the screen after idle minutes" inputMode="numeric" {...bind('idleLockMinutes')} />
        </div>
        <div className="ui-row">
          <Field
            label="Country of phone numbers"
            {...bind('phoneCountry')}
            maxLength={2}
            hint={`Numbers typed without +… are read as this country's (two letters, such as IN). Empty: the time zone's${settings ? `, now ${regionNames.of(settings.effectivePhoneCountry) ?? settings.effectivePhoneCountry}` : ''}`}
          />
          <SelectField label="Receipt paper" {...bind('receiptPaper')} hint="Receipts and token slips; the day-end summary prints on A4">
            {RECEIPT_PAPERS.map((p) => (
              <option key={p} value={p}>
                {PAPER_NAMES[p]}
              </option>
            ))}
          </SelectField>
        </div>
        {settings && <p className="ui-hint">Last changed {clinicDateTime(settings.updatedAt, settings.timeZone)}</p>}
        <div className="ui-actions">
          <Button variant="primary" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save the settings'}
          </Button>
        </div>
      </form>
    </section>
  );
}
