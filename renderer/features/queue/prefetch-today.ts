import type { QueryClient } from '@tanstack/react-query';
import type { ClinicApi } from '../../../preload/contract';
import { doctorsByName } from '../../api/clinic-data';
import { clinicQueryOptions, prefetchClinicQuery } from '../../api/query';
import { todayIn } from '../../lib/dates';
import { prefetchAcrossDoctors } from '../appointments/fetch-range';

/**
 * Today's reads (useToday's questions, and the settings and doctors its day waits for), asked
 * with a sign-in's answer. Today mounts only once the frame has rendered, and asks for the day
 * only once the clinic's zone and its doctors are in: asked here, they are on their way while the
 * frame renders, and Today's first render finds them. A read that fails here is asked again by
 * Today, which says what failed.
 */
export async function prefetchToday(queryClient: QueryClient, api: ClinicApi): Promise<void> {
  void prefetchClinicQuery(queryClient, api, 'appointments.queue', {});
  try {
    const [settings, doctors] = await Promise.all([
      queryClient.fetchQuery(clinicQueryOptions(api, 'settings.get', {})),
      queryClient.fetchQuery(clinicQueryOptions(api, 'doctors.list', {})),
    ]);
    const today = todayIn(settings.timeZone);
    const ids = doctorsByName(doctors).map((d) => d.id);
    prefetchAcrossDoctors(queryClient, api, 'appointments.list', ids, { from: today, to: today });
    void prefetchClinicQuery(queryClient, api, 'payments.ofDay', { date: today });
    void prefetchClinicQuery(queryClient, api, 'video.waitingOnline', { date: today });
  } catch {
    // Today asks again for itself.
  }
}
