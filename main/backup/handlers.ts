import type { Router } from '../ipc/router';
import type { BackupService } from './service';

export function registerBackupHandlers(router: Router, backups: BackupService): void {
  router.handle('backup.getSchedule', () => backups.getSchedule());
  router.handle('backup.saveSchedule', (req, call) => backups.saveSchedule(req, call.user.id));
  router.handle('backup.runNow', (_req, call) => backups.runNow(call.ctx.workstation));
  router.handle('backup.status', () => backups.status());
  router.handle('backup.exportRecoveryKey', () => backups.exportRecoveryKey());
}
