import type { Database } from '../db/open';
import { electSender, type Election } from './election';
import { MessageSender, type SenderOptions } from './sender';

export interface ElectedSender {
  sender: MessageSender;
  election: Election;
  /** Leaves the election (another PC takes over) and stops sending once the messages in flight are done. */
  stop(): Promise<void>;
}

/**
 * A sender that works while this process holds the election, and looks at once when an
 * appointment changes (a booking's confirmation goes out within moments). The app on every
 * desk PC and the headless webhook receiver on a clinic server both stand.
 */
export function startElectedSender(db: Database, options: SenderOptions & { electionRetryMs?: number }): ElectedSender {
  const { electionRetryMs, ...senderOptions } = options;
  const sender = new MessageSender(db.knex, senderOptions);
  const election = electSender(db, (leader) => sender.setActive(leader), { retryMs: electionRetryMs, log: options.log });
  const onChange = (change: { table: string }) => {
    if (change.table === 'appointment_entities') sender.poke();
  };
  db.changes.on('change', onChange);
  return {
    sender,
    election,
    async stop() {
      db.changes.off('change', onChange);
      await election.stop();
      await sender.stop();
    },
  };
}
