// A sender PC in a process of its own, for the kill -9 test: it joins the election on the
// given server database and sends through the parent's fake Twilio until it is killed.
import type { ServerDatabaseConfig } from '../../main/db/config';
import { openDatabase } from '../../main/db/open';
import { electSender } from '../../main/messaging/election';
import { MessageSender } from '../../main/messaging/sender';
import { redirectingClient } from '../support/fake-twilio';
import { fakeSecretBox } from './support';

const args = JSON.parse(process.argv[2]!) as { config: ServerDatabaseConfig; twilio: string };

async function main() {
  const db = await openDatabase(args.config, { schema: 'none' });
  const sender = new MessageSender(db.knex, {
    log: (message, err) => process.stderr.write(`${message}: ${String(err)}\n`),
    secretBox: fakeSecretBox,
    twilioHttpClient: redirectingClient(() => args.twilio),
    pollMs: 100,
    reconcileAfterMs: 0,
  });
  electSender(
    db,
    (leader) => {
      sender.setActive(leader);
      if (leader) process.stdout.write('LEADER\n');
    },
    { retryMs: 100, log: () => undefined },
  );
}

main().catch((err: unknown) => {
  process.stdout.write(`FAILED ${String(err)}\n`);
  process.exit(1);
});
