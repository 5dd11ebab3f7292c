import { useState } from 'react';
import type { OpdSessionDto } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
import { useT } from '../../i18n/use-t';
import { hhmm, timeRange } from '../../lib/dates';
import { Banner } from '../../ui/Banner';
import { Button } from '../../ui/Button';
import { Field } from '../../ui/Field';
import { toast } from '../../ui/toasts';

/**
 * A token doctor's sessions on the booking's day: the desk books the patient the next token of
 * one and is told "Token N (≈ time)". Main issues the number; a full session or one whose only
 * tokens left are for emergencies says so. Nothing shows for a doctor without sessions that day.
 */
export function SessionTokens({ doctorId, date, patientId, onBooked }: { doctorId: number; date: string; patientId?: number; onBooked(): void }) {
  const { t } = useT('appointments');
  const sessions = useClinicQuery('opd.listSessions', { doctorId, from: date, to: date }).data ?? [];
  const [emergency, setEmergency] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const booking = useClinicMutation('opd.bookToken');
  if (sessions.length === 0) return null;

  const book = async (session: OpdSessionDto) => {
    if (!patientId) return setProblem(t('book.choosePatientFirst'));
    const r = await booking.call({ sessionId: session.id, patientId, ...(emergency ? { emergency: { reason } } : {}) });
    if (!r.ok) return setProblem(r.error.message);
    setProblem(undefined);
    const { token, estimatedTime, room, appointment } = r.value;
    const words = { token, time: hhmm(estimatedTime), room, patient: appointment.patientName, doctor: appointment.doctorName };
    toast(room ? t('tokens.bookedInRoom', words) : t('tokens.booked', words));
    onBooked();
  };

  return (
    <section aria-label={t('tokens.title')} className="ui-form">
      <h3>{t('tokens.title')}</h3>
      {problem && <Banner tone="error">{problem}</Banner>}
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            {timeRange(s)} · {t('tokens.filled', { booked: s.booked, capacity: s.capacity })}
            {s.room ? ` · ${s.room}` : ''}{' '}
            <Button onClick={() => void book(s)} disabled={booking.isPending} aria-label={t('tokens.bookAt', { time: timeRange(s) })}>
              {t('tokens.book')}
            </Button>
          </li>
        ))}
      </ul>
      <label className="ui-check">
        <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} /> {t('tokens.emergency')}
      </label>
      {emergency && <Field label={t('tokens.why')} value={reason} onChange={(e) => setReason(e.target.value)} />}
    </section>
  );
}
