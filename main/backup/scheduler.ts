import type { BackupService } from './service';

export interface BackupScheduler {
  /** One look at the schedule (the timer calls this; tests call it with their own clock). */
  tick(): Promise<void>;
  stop(): void;
}

const CHECK_EVERY_MS = 60_000;

/**
 * Checks once a minute whether today's backup is due. A PC that was off at the time backs up
 * when it next runs that day; with several PCs on one server, the first to claim the slot does it.
 */
export function startBackupScheduler(
  service: BackupService,
  workstation: string,
  log: (message: string, err: unknown) => void,
  everyMs = CHECK_EVERY_MS,
): BackupScheduler {
  let busy = false;
  const tick = async () => {
    if (busy) return;
    busy = true;
    try {
      await service.runIfDue(workstation);
    } catch (err) {
      log('scheduled backup check failed', err);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
