import { useId } from 'react';
import { z } from 'zod';
import { BOARD_NAMES, RECEIPT_PAPERS, type BoardNames, type ReceiptPaper, type Req, type SettingsDto } from '../../../preload/contract';
import { useClinicMutation } from '../../api/query';
import { useClinicData } from '../../api/clinic-data';
import { useSession } from '../../stores/session';
import { Banner } from '../../ui/Banner';
import { FormField, FormSelectField, FormTextAreaField } from '../../ui/Field';
import { clinicDateTime } from '../../lib/dates';
import { applyRefusal } from '../../ui/form/apply-refusal';
import { wholeNumberBox } from '../../ui/form/boxes';
import { FormProblem } from '../../ui/form/FormProblem';
import { useRequestForm } from '../../ui/form/use-request-form';
import { toast } from '../../ui/toasts';
import { FormActions } from '../../ui/form/FormActions';

const PAPER_NAMES: Record<ReceiptPaper, string> = { A5: 'A5 sheet', A4: 'A4 sheet', '80MM': '80 mm thermal roll' };
const BOARD_NAME_CHOICES: Record<BoardNames, string> = { NONE: 'Token numbers only', INITIALS: 'Token numbers and initials' };
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const ZONES = Intl.supportedValuesOf('timeZone');

/** The settings as the form's boxes: minutes as typed text, no phone country as empty. */
const boxesOf = (s: SettingsDto) => ({
  clinicName: s.clinicName,
  clinicAddress: s.clinicAddress,
  timeZone: s.timeZone,
  currency: s.currency,
  defaultSlotMinutes: String(s.defaultSlotMinutes),
  idleLockMinutes: String(s.idleLockMinutes),
  phoneCountry: s.phoneCountry ?? '',
  receiptPaper: s.receiptPaper,
  boardNames: s.boardNames,
  boardSpeaks: s.boardSpeaks,
});
type Boxes = ReturnType<typeof boxesOf>;

const toUpdate = (b: Boxes): Req<'settings.update'> => ({
  ...b,
  currency: b.currency.trim().toUpperCase(),
  defaultSlotMinutes: Number(b.defaultSlotMinutes),
  idleLockMinutes: Number(b.idleLockMinutes),
  // Empty: the country of the clinic's time zone.
  phoneCountry: b.phoneCountry.trim() ? b.phoneCountry.trim().toUpperCase() : null,
});

const minutesBoxes = z.looseObject({
  defaultSlotMinutes: wholeNumberBox('Enter a whole number of minutes'),
  idleLockMinutes: wholeNumberBox('Enter a whole number of minutes'),
});

/** The clinic's name, address, time zone, money and desk defaults. */
export function SettingsPanel() {
  const { settings, problem } = useClinicData();
  return (
    <section className="ui-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">Clinic settings</h2>
      {/* Read once: afterwards the form keeps what the administrator types. */}
      {settings ? <SettingsForm loaded={settings} /> : problem ? <Banner tone="error">{problem}</Banner> : <p className="ui-hint">Loading…</p>}
    </section>
  );
}

function SettingsForm({ loaded }: { loaded: SettingsDto }) {
  const { settings = loaded } = useClinicData();
  const update = useClinicMutation('settings.update');
  const form = useRequestForm('settings.update', toUpdate, boxesOf(loaded), minutesBoxes);
  const busy = form.formState.isSubmitting;
  const zonesId = useId();

  const save = form.handleSubmit(async (boxes) => {
    const r = await update.call(toUpdate(boxes));
    if (!r.ok) return applyRefusal(form, r.error);
    // This window's idle lock runs on the session's copy of the minutes: fetch the new one.
    if (r.value.idleLockMinutes !== settings.idleLockMinutes) void useSession.getState().refresh();
    form.reset(boxesOf(r.value));
    toast('Clinic settings saved');
  });

  return (
    <form className="ui-form" onSubmit={save} noValidate aria-labelledby="settings-title">
      <FormProblem form={form} />
      <FormField form={form} name="clinicName" label="Clinic name" />
      <FormTextAreaField form={form} name="clinicAddress" label="Clinic address" hint="Printed on receipts" />
      <div className="ui-row">
        <FormField form={form} name="timeZone" label="Time zone" list={zonesId} hint="Appointment times are in this zone, such as Asia/Kolkata" />
        <datalist id={zonesId}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <FormField form={form} name="currency" label="Currency" hint="Three letters, such as INR" maxLength={3} />
      </div>
      <div className="ui-row">
        <FormField form={form} name="defaultSlotMinutes" label="Usual minutes per slot" inputMode="numeric" hint="For new weekly patterns and extra hours" />
        <FormField form={form} name="idleLockMinutes" label="Lock the screen after idle minutes" inputMode="numeric" />
      </div>
      <div className="ui-row">
        <FormField
          form={form}
          name="phoneCountry"
          label="Country of phone numbers"
          maxLength={2}
          hint={`Numbers typed without +… are read as this country's (two letters, such as IN). Empty: the time zone's, now ${regionNames.of(settings.effectivePhoneCountry) ?? settings.effectivePhoneCountry}`}
        />
        <FormSelectField form={form} name="receiptPaper" label="Receipt paper" hint="Receipts and token slips; the day-end summary prints on A4">
          {RECEIPT_PAPERS.map((p) => (
            <option key={p} value={p}>
              {PAPER_NAMES[p]}
            </option>
          ))}
        </FormSelectField>
      </div>
      <fieldset className="ui-group">
        <legend>Token display in the waiting room</legend>
        <FormSelectField form={form} name="boardNames" label="Beside each token" hint="Never a full name: only initials, or nothing">
          {BOARD_NAMES.map((n) => (
            <option key={n} value={n}>
              {BOARD_NAME_CHOICES[n]}
            </option>
          ))}
        </FormSelectField>
        <label className="ui-check">
          <input type="checkbox" {...form.register('boardSpeaks')} /> Say each call aloud, in English and Hindi (the display PC's speech voices)
        </label>
      </fieldset>
      <p className="ui-hint">Last changed {clinicDateTime(settings.updatedAt, settings.timeZone)}</p>
      <FormActions busy={busy} submit="Save the settings" />
    </form>
  );
}
