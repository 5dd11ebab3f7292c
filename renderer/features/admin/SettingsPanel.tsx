import { useId } from 'react';
import { z } from 'zod';
import { BOARD_NAMES, RECEIPT_PAPERS, type Req, type SettingsDto } from '../../../preload/contract';
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
import { t as word } from '../../i18n/instance';
import { useT } from '../../i18n/use-t';

const ZONES = Intl.supportedValuesOf('timeZone');
/** A country by its name in the desk's language ("India", "भारत"), or its code where the language has none. */
const countryName = (code: string, language: string) => new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;

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
  defaultSlotMinutes: wholeNumberBox(() => word('admin:settings.minutes')),
  idleLockMinutes: wholeNumberBox(() => word('admin:settings.minutes')),
});

/** The clinic's name, address, time zone, money and desk defaults. */
export function SettingsPanel() {
  const { t } = useT('admin');
  const { settings, problem } = useClinicData();
  return (
    <section className="ui-panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      {/* Read once: afterwards the form keeps what the administrator types. */}
      {settings ? <SettingsForm loaded={settings} /> : problem ? <Banner tone="error">{problem}</Banner> : <p className="ui-hint">{t('common:loading')}</p>}
    </section>
  );
}

function SettingsForm({ loaded }: { loaded: SettingsDto }) {
  const { t, language } = useT('admin');
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
    toast(t('settings.saved'));
  });

  return (
    <form className="ui-form" onSubmit={save} noValidate aria-labelledby="settings-title">
      <FormProblem form={form} />
      <FormField form={form} name="clinicName" label={t('settings.clinicName')} />
      <FormTextAreaField form={form} name="clinicAddress" label={t('settings.clinicAddress')} hint={t('settings.clinicAddressHint')} />
      <div className="ui-row">
        <FormField form={form} name="timeZone" label={t('settings.timeZone')} list={zonesId} hint={t('settings.timeZoneHint')} />
        <datalist id={zonesId}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <FormField form={form} name="currency" label={t('settings.currency')} hint={t('settings.currencyHint')} maxLength={3} />
      </div>
      <div className="ui-row">
        <FormField form={form} name="defaultSlotMinutes" label={t('settings.slotMinutes')} inputMode="numeric" hint={t('settings.slotMinutesHint')} />
        <FormField form={form} name="idleLockMinutes" label={t('settings.idleLock')} inputMode="numeric" />
      </div>
      <div className="ui-row">
        <FormField
          form={form}
          name="phoneCountry"
          label={t('settings.phoneCountry')}
          maxLength={2}
          hint={t('settings.phoneCountryHint', { country: countryName(settings.effectivePhoneCountry, language) })}
        />
        <FormSelectField form={form} name="receiptPaper" label={t('settings.receiptPaper')} hint={t('settings.receiptPaperHint')}>
          {RECEIPT_PAPERS.map((p) => (
            <option key={p} value={p}>
              {t(`settings.paper.${p}`)}
            </option>
          ))}
        </FormSelectField>
      </div>
      <fieldset className="ui-group">
        <legend>{t('settings.board')}</legend>
        <FormSelectField form={form} name="boardNames" label={t('settings.besideToken')} hint={t('settings.besideTokenHint')}>
          {BOARD_NAMES.map((n) => (
            <option key={n} value={n}>
              {t(`settings.boardNames.${n}`)}
            </option>
          ))}
        </FormSelectField>
        <label className="ui-check">
          <input type="checkbox" {...form.register('boardSpeaks')} /> {t('settings.speaks')}
        </label>
      </fieldset>
      <p className="ui-hint">{t('settings.lastChanged', { time: clinicDateTime(settings.updatedAt, settings.timeZone) })}</p>
      <FormActions busy={busy} submit={t('settings.save')} />
    </form>
  );
}
