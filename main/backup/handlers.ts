import type { DomainHandlers, Router } from '../ipc/router';
import type { BackupService } from './service';

export function registerBackupHandlers(router: Router, backups: BackupService): void {
  router.handleAll({
    'backup.getSchedule': () => backups.getSchedule(),
    'backup.saveSchedule': (req, call) => backups.saveSchedule(req, call.user.id),
    'backup.runNow': (_req, call) => backups.runNow(call.ctx.workstation),
    'backup.status': () => backups.status(),
    'backup.exportRecoveryKey': () => backups.exportRecoveryKey(),
    'backup.list': () => backups.list(),
    'backup.restore': async (req, call) => {
      const done = await backups.restore(req.name, { ...call.audit, entityId: null });
      // Its row is in the restored database, written by the service.
      call.audited = true;
      return done;
    },
  } satisfies DomainHandlers<'backup'>);
}
