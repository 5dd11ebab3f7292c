import type { AppointmentsService } from './appointments/service';
import type { WaitingRoomService } from './appointments/waiting-room';
import type { BackupService } from './backup/service';
import type { DoctorsService } from './doctors/service';
import type { MessagingService } from './messaging/service';
import type { PaymentsService } from './payments/service';
import { clinicNow } from './settings/clinic-time';
import type { SettingsService } from './settings/service';
import type { VideoService } from './video/service';

export interface TodaysReaders {
  settings: Pick<SettingsService, 'get'>;
  doctors: Pick<DoctorsService, 'list'>;
  appointments: Pick<AppointmentsService, 'list'>;
  waitingRoom: Pick<WaitingRoomService, 'queue'>;
  payments: Pick<PaymentsService, 'ofDay'>;
  backups: Pick<BackupService, 'status'>;
  messaging: Pick<MessagingService, 'inboxCount'>;
  video: Pick<VideoService, 'waitingOnline'>;
}

/**
 * The reads the Today screen makes right after a sign-in, made once as soon as the database is
 * open. On a cold start the first of each paid for the embedded database's cold caches (its
 * catalog, plans and pages) while the receptionist waited; made while the sign-in screen shows,
 * they cost nobody anything. One at a time, so a call from the page waits for one read at most.
 * Reads only; a failure is logged and changes nothing.
 */
export async function warmTodaysReads(readers: TodaysReaders, log: (message: string, err: unknown) => void, now: () => number = Date.now): Promise<void> {
  try {
    const { date } = clinicNow((await readers.settings.get()).timeZone, now());
    const doctors = await readers.doctors.list({ includeInactive: false });
    await readers.appointments.list(
      doctors.map((d) => d.id),
      date,
      date,
    );
    await readers.waitingRoom.queue();
    await readers.payments.ofDay(date);
    await readers.backups.status();
    await readers.messaging.inboxCount();
    await readers.video.waitingOnline({ date });
  } catch (err) {
    log("warming Today's reads failed", err);
  }
}
