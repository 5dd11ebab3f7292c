import type { Knex } from 'knex';
import type { BoardDto } from '../../preload/contract';
import { groupBy } from '../../preload/contract/group-by';
import { AppError } from '../shared/app-error';
import { clinicNow } from '../settings/clinic-time';
import type { SettingsService } from '../settings/service';
import type { DisplayTickets } from './display-tickets';
import { boardDay, type BoardRow } from './repo';

/** Waiting tokens the board lists after the called one. */
const NEXT_ON_BOARD = 3;

const token = (r: BoardRow) => ({ tokenNo: r.tokenNo, initials: r.initials, priority: r.priority });

/** The token display's one read: each doctor's called token and the next few, for a valid display ticket only. */
export class BoardService {
  constructor(
    private readonly knex: Knex,
    private readonly settings: SettingsService,
    readonly tickets: DisplayTickets,
    private readonly now: () => number = Date.now,
  ) {}

  async show(ticket: string): Promise<BoardDto> {
    if (!this.tickets.valid(ticket))
      throw new AppError('UNAUTHENTICATED', 'This display ticket is not valid (the app restarted?): open the display again from the desk', 'ticket');
    const settings = await this.settings.get();
    const now = clinicNow(settings.timeZone, this.now());
    const rows = await boardDay(this.knex, now.date, now.time, settings.boardNames === 'INITIALS');
    return {
      clinicName: settings.clinicName,
      timeZone: settings.timeZone,
      speaks: settings.boardSpeaks,
      doctors: [...groupBy(rows, (r) => r.doctorId).values()].map((list) => {
        const called = list.find((r) => r.called);
        return {
          doctorId: list[0]!.doctorId,
          doctorName: list[0]!.doctorName,
          // The room of the token called (rows come called first): a token doctor's session may have its own.
          room: list[0]!.room,
          now: called ? token(called) : null,
          next: list
            .filter((r) => !r.called)
            .slice(0, NEXT_ON_BOARD)
            .map(token),
        };
      }),
    };
  }
}
