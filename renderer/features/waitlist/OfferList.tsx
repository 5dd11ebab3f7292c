import { useState } from 'react';
import { URGENCIES, type Res } from '../../../preload/contract';
import { problemOf } from '../../api/call';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { shortDay, timeRange } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { toast } from '../../ui/toasts';

type Offer = Res<'waitlist.offers'>[number];

/** The most urgent patient's offer first, then the soonest time. */
const bestFirst = (a: Offer, b: Offer) =>
  URGENCIES.indexOf(b.entry.urgency) - URGENCIES.indexOf(a.entry.urgency) ||
  a.date.localeCompare(b.date) ||
  a.startTime.localeCompare(b.startTime) ||
  a.id - b.id;

/**
 * Time freed by a cancellation or a move, each offered to the best matching patient on the
 * waitlist; it appears on every PC as it is made. "Book it" books the patient at that time
 * through the ordinary rules; when another desk or booking took the time first, main says so.
 */
export function OfferList() {
  const { t } = useT('waitlist');
  const offers = useClinicQuery('waitlist.offers', {});
  const taking = useClinicMutation('waitlist.takeOffer');
  const [lost, setLost] = useState<Record<number, string>>({});
  const problem = problemOf(offers.error);

  const take = async (o: Offer) => {
    const r = await taking.call({ id: o.id });
    if (!r.ok) {
      // Once refetched, a lost offer leaves the list: the toast says why it went.
      toast(r.error.message, 'error');
      return setLost((old) => ({ ...old, [o.id]: r.error.message }));
    }
    toast(t('offers.booked', { patient: r.value.patientName, doctor: r.value.doctorName, day: shortDay(r.value.date), time: timeRange(r.value) }));
  };

  const open = [...(offers.data ?? [])].filter((o) => o.status === 'OPEN').sort(bestFirst);
  return (
    <section aria-labelledby="offers-heading">
      <h2 id="offers-heading">{t('offers.title')}</h2>
      {problem && <Banner tone="error">{problem}</Banner>}
      {offers.isSuccess && open.length === 0 && <p className="ui-hint">{t('offers.none')}</p>}
      <ul className="offer-list" aria-label={t('offers.list')}>
        {open.map((o) => (
          <li key={o.id} aria-label={`${o.entry.patientName}, ${shortDay(o.date)} ${timeRange(o)}`}>
            <strong>{o.entry.patientName}</strong>
            {o.entry.patientPhone ? ` · ${o.entry.patientPhone}` : ''} · {o.doctorName} · {shortDay(o.date)} {timeRange(o)} ·{' '}
            <span className="ui-badge" data-tone={o.entry.urgency === 'URGENT' ? 'danger' : undefined}>
              {t(`urgency.${o.entry.urgency}`)}
            </span>
            {lost[o.id] ? (
              <Banner tone="warning">{lost[o.id]}</Banner>
            ) : (
              <Button variant="primary" onClick={() => void take(o)} disabled={taking.isPending}>
                {t('offers.book')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
