import { useT } from '../../i18n/use-t';
import { FormField } from '../../ui/Field';
import type { PaymentForm } from './TakePaymentForm';

/**
 * How much: what is due unless the desk types otherwise, and more than is due only as an advance
 * ticked on purpose, with its reason. `offerAmount` false (nothing due, no advance): only the box.
 */
export function AmountFields({ form, offerAmount }: { form: PaymentForm; offerAmount: boolean }) {
  const { t } = useT('payments');
  const advance = form.watch('advance');
  return (
    <>
      <label className="ui-check">
        <input type="checkbox" {...form.register('advance')} /> {t('take.advance')}
      </label>
      {advance && <FormField form={form} name="advanceReason" label={t('take.advanceWhy')} hint={t('take.advanceHint')} />}
      {offerAmount && <FormField form={form} name="amount" label={t('take.amount')} inputMode="decimal" hint={t('take.amountHint')} />}
    </>
  );
}
