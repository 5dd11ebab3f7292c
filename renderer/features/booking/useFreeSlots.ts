import { useEffect, useState } from 'react';
import type { Res } from '../../../preload/contract';
import { clinic } from '../../api/clinic';

export type FreeSlot = Res<'appointments.freeSlots'>[number];

/** The doctor's next free times from a date; asked again when the schedule changes anywhere. */
export function useFreeSlots(doctorId: number | undefined, from: string, count = 8) {
  const [slots, setSlots] = useState<FreeSlot[]>([]);
  const [problem, setProblem] = useState<string>();
  const [version, setVersion] = useState(0);

  useEffect(() => clinic.on('appointments.changed', (c) => (c.doctorId === null || c.doctorId === doctorId) && setVersion((n) => n + 1)), [doctorId]);

  useEffect(() => {
    if (!doctorId || !from) {
      setSlots([]);
      return;
    }
    let current = true;
    void clinic.appointments.freeSlots({ doctorId, from, days: 30, count }).then((r) => {
      if (!current) return;
      setProblem(r.ok ? undefined : r.error.message);
      setSlots(r.ok ? r.value : []);
    });
    return () => {
      current = false;
    };
  }, [doctorId, from, count, version]);

  return { slots, problem, refresh: () => setVersion((n) => n + 1) };
}
