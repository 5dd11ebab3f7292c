import type { Router } from '../ipc/router';
import type { SettingsService } from './service';

export function registerSettingsHandlers(router: Router, settings: SettingsService): void {
  router.handle('settings.get', () => settings.get());
  router.handle('settings.update', (changes, call) => settings.update(changes, call.user.id));
}
