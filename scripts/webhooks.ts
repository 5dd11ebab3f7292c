// npm run gateway [-- --port 8790] [-- --host 0.0.0.0] [-- --trust-proxy]   (npm run webhooks is the same)
// The public gateway: Twilio's webhooks and the patient's join page (/join/<code>). Plain Node, no Electron, on the database of the current
// mode (DATABASE_URL set → the clinic server; unset → the embedded database, which must then
// not be open in the app at the same time). Put it behind the HTTPS address configured as the
// webhook URL in the video settings.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabaseConfig } from '../main/db/config';
import { DatabaseSetupError } from '../main/db/errors';
import { openDatabase } from '../main/db/open';
import { describeTarget } from '../main/db/tooling';
import { ClinicKeyError } from '../main/secrets/clinic-key';
import { defaultKeyFile, keyFileStore, lazyKey } from '../main/secrets/key-store';
import { clinicSecretBox } from '../main/secrets/sealed-secrets';
import { startWebhookService } from '../main/webhooks/service';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: process.env.CLINIC_WEBHOOKS_PORT ?? '8790' },
      host: { type: 'string', default: '127.0.0.1' },
      // Stand for the election of the one process that sends patient messages (a clinic server's receiver can be it).
      'send-messages': { type: 'boolean', default: false },
      // Behind nginx/Caddy on this host: rate-limit patients by X-Forwarded-For, not by the proxy's address.
      'trust-proxy': { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new DatabaseSetupError(`--port must be a port number, not "${values.port}"`, 'CONFIG');
  // The patient's call page, built by `npm run build`; without it the join page still says when to come and who will join.
  const callPageDir = path.resolve(__dirname, '../out/join');
  const withCall = fs.existsSync(path.join(callPageDir, 'join.js'));
  if (!withCall) console.warn('[gateway] out/join/join.js is missing: run `npm run build` so patients can join the call from the page.');
  const config = resolveDatabaseConfig();
  const db = await openDatabase(config);
  const service = await startWebhookService(db.knex, {
    port,
    host: values.host,
    log: (message, err) => console.error(`[gateway] ${message}`, err instanceof Error ? err.message : err),
    // The clinic key as a 0600 file (CLINIC_KEY_FILE): the Auth Token is sealed in the database.
    secretBox: clinicSecretBox(lazyKey(keyFileStore(defaultKeyFile()))),
    sendMessagesFrom: values['send-messages'] ? db : undefined,
    trustProxy: values['trust-proxy'],
    callPageDir: withCall ? callPageDir : undefined,
  });
  console.log(
    `Gateway (Twilio webhooks, patient join page): listening on ${service.url} (${describeTarget(config)}); ${service.resumed} stored event(s) resumed.`,
  );
  const shutdown = () => {
    void service
      .close()
      .then(() => db.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  console.error(err instanceof DatabaseSetupError || err instanceof ClinicKeyError ? err.message : err);
  process.exitCode = 1;
});
