// The public gateway as its own OS process (what `npm run gateway` runs: the receiver, its
// durable webhook worker, the daily jobs), on the test's PostgreSQL and clinic key file, its
// Razorpay client pointed at the test's fake. Started with child_process.fork by tests that kill
// it outright (SIGKILL); tells the test its address over the IPC channel once it listens.
import type { ServerDatabaseConfig } from '../../main/db/config';
import { openDatabase } from '../../main/db/open';
import { razorpayGateway } from '../../main/payments/gateway/razorpay';
import { keyFileStore, lazyKey } from '../../main/secrets/key-store';
import { clinicSecretBox } from '../../main/secrets/sealed-secrets';
import { startWebhookService } from '../../main/webhooks/service';

export interface GatewayProcessPlan {
  config: ServerDatabaseConfig;
  keyFile: string;
  razorpayUrl: string;
}

export type GatewayProcessMessage = { type: 'ready'; url: string; resumed: number } | { type: 'failed'; message: string };

async function run(plan: GatewayProcessPlan): Promise<void> {
  const db = await openDatabase(plan.config, { schema: 'guard' });
  const service = await startWebhookService(db.knex, {
    log: (message, err) => console.error(`[gateway ${process.pid}] ${message}`, err instanceof Error ? err.message : err),
    secretBox: clinicSecretBox(lazyKey(keyFileStore(plan.keyFile))),
    paymentGateway: (credentials) => razorpayGateway(credentials, plan.razorpayUrl),
  });
  process.send!({ type: 'ready', url: service.url, resumed: service.resumed } satisfies GatewayProcessMessage);
  // An orderly stop when the test is done with it (the crash is a SIGKILL, which nothing handles).
  process.once('disconnect', () => {
    void service
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  });
}

process.once('message', (plan: GatewayProcessPlan) => {
  run(plan).catch((err: unknown) => {
    process.send!({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies GatewayProcessMessage);
    process.exit(1);
  });
});
