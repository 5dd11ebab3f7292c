import type { Res } from '../../../preload/contract';

type Totals = Res<'payments.forAppointment'>['totals'];

/** The visit's account as main sums it: fee, paid so far, money on its way, and what is due. */
export function AccountSummary({ totals }: { totals: Totals }) {
  return (
    <dl className="facts" aria-label="Account">
      <dt>Fee</dt>
      <dd>{totals.fee ?? 'not set'}</dd>
      <dt>Paid so far</dt>
      <dd>{totals.balance}</dd>
      {totals.pending !== '0.00' && (
        <>
          <dt>Pending</dt>
          <dd>{totals.pending}</dd>
        </>
      )}
      <dt>Due</dt>
      <dd>{totals.due ?? '—'}</dd>
    </dl>
  );
}
