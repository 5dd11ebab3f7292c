import { useState } from 'react';
import type { OpdSessionDto } from '../../../preload/contract';
import { useClinicMutation, useClinicQuery } from '../../api/query';
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
  const sessions = useClinicQuery('opd.listSessions', { doctorId, from: date, to: date }).data ?? [];
  const [emergency, setEmergency] = useState(false);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string>();
  const booking = useClinicMutation('opd.bookToken');
  if (sessions.length === 0) return null;

  const book = async (session: OpdSessionDto) => {
    if (!patientId) return setProblem('Choose the patient first');
    const r = await booking.call({ sessionId: session.id, patientId, ...(emergency ? { emergency: { reason } } : {}) });
    if (!r.ok) return setProblem(r.error.message);
    setProblem(undefined);
    const { token, estimatedTime, room } = r.value;
    toast(`Token ${token} (≈ ${hhmm(estimatedTime)})${room ? `, ${room}` : ''} — ${r.value.appointment.patientName} with ${r.value.appointment.doctorName}`);
    onBooked();
  };

  return (
    <section aria-label="Token sessions" className="ui-form">
      <h3>Token sessions</h3>
      {problem && <Banner tone="error">{problem}</Banner>}
      <ul>
        {sessions.map((s) => (
          <li key={s.id}>
            {timeRange(s)} · {s.booked}/{s.capacity} tokens{s.room ? ` · ${s.room}` : ''}{' '}
            <Button onClick={() => void book(s)} disabled={booking.isPending} aria-label={`Book a token ${timeRange(s)}`}>
              Book a token
            </Button>
          </li>
        ))}
      </ul>
      <label className="ui-check">
        <input type="checkbox" checked={emergency} onChange={(e) => setEmergency(e.target.checked)} /> Emergency (may take a reserved token)
      </label>
      {emergency && <Field label="Why it is an emergency" value={reason} onChange={(e) => setReason(e.target.value)} />}
    </section>
  );
}
