import { AppError } from '../shared/app-error';
import type { DomainHandlers, Router } from '../ipc/router';
import type { BoardService } from './service';

/** Opens the app's display window on a screen of this PC; absent in browser mode. */
export type DisplayWindowOpener = (screenId?: number) => Promise<void>;

export function registerBoardHandlers(router: Router, board: BoardService, openDisplayWindow?: DisplayWindowOpener): void {
  router.handleAll({
    'board.openDisplay': async () => ({ ticket: board.tickets.issue() }),
    'board.show': (req) => board.show(req.ticket),
    'board.openWindow': async (req) => {
      if (!openDisplayWindow)
        throw new AppError('CONFLICT', 'A display window opens only in the desktop app; in a browser, use "Token display" to open a display tab', 'screenId');
      await openDisplayWindow(req.screenId);
      return {};
    },
  } satisfies DomainHandlers<'board'>);
}
