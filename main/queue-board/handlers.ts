import type { Router } from '../ipc/router';
import type { BoardService } from './service';

export function registerBoardHandlers(router: Router, board: BoardService): void {
  router
    .handle('board.openDisplay', async () => ({ ticket: board.tickets.issue() }))
    .handle('board.show', (req) => board.show(req.ticket));
}
