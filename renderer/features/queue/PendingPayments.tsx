import { useT } from '../../i18n/use-t';
import type { AppointmentDto, DayMoneyDto } from '../../../preload/contract';
import { money } from '../../lib/format';
import { methodName } from '../../lib/labels';
import { Button } from '../../ui/Button';

/** Money recorded but not yet received (a UPI credit still to show up): the desk confirms it from the payment dialog. */
export function PendingPayments({
  payments,
  appointments,
  onOpen,
}: {
  payments: DayMoneyDto['pending'];
  appointments: readonly AppointmentDto[];
  onOpen(appointment: AppointmentDto): void;
}) {
  const { t } = useT('queue');
  return (
    <section className="today-pending" aria-labelledby="pending-title">
      <h2 id="pending-title">{t('pending.title')}</h2>
      <ul aria-labelledby="pending-title">
        {payments.map((p) => {
          const appointment = appointments.find((a) => a.id === p.appointmentId);
          return (
            <li key={p.id}>
              <span>
                <strong>{p.patientName}</strong> · {p.doctorName} · {money(p.amount, p.currency)} ·{' '}
                {p.method ? methodName(p.method) : t('common:method.gateway')}
                {p.reference ? ` ${p.reference}` : ''}
              </span>
              {p.gatewayVia ? (
                <span className="ui-hint">{t('pending.byGateway')}</span>
              ) : (
                appointment && (
                  <Button aria-label={t('pending.confirmWho', { name: p.patientName })} onClick={() => onOpen(appointment)}>
                    {t('pending.confirm')}
                  </Button>
                )
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
