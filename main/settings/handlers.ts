import type { DomainHandlers, Router } from '../ipc/router';
import type { SettingsService } from './service';

export function registerSettingsHandlers(router: Router, settings: SettingsService): void {
  router.handleAll({
    'settings.get': () => settings.get(),
    'settings.update': (changes, call) => settings.update(changes, call.user.id),
  } satisfies DomainHandlers<'settings'>);
}
