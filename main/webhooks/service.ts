import type { Knex } from 'knex';
import type { RequestClient } from 'twilio';
import type { Database } from '../db/open';
import { startElectedSender } from '../messaging/elected-sender';
import type { SecretBox } from '../secrets/secret-box';
import { scheduleRetention } from '../jobs/retention';
import { sealPlainVideoSecrets } from '../video/settings-repo';
import { WebhookWorker } from '../jobs/webhook-worker';
import { joinGateway } from '../gateway/join-routes';
import { PatientJoin } from '../video/patient-join';
import { TwilioRooms } from '../video/rooms';
import { owedPrepayLinks } from '../messaging/prepay-link';
import { isPatientReply } from './messaging';
import { startWebhookReceiver, type WebhookReceiver } from './receiver';
import type { GatewayFactory } from '../payments/gateway/gateway';
import { razorpayGateway } from '../payments/gateway/razorpay';
import { scheduleReconciliation } from '../payments/gateway/reconciliation-job';
import { GatewayPaymentsService } from '../payments/gateway/service';

export interface WebhookService extends WebhookReceiver {
  worker: WebhookWorker;
  /** Stored events that were still waiting when it started. */
  resumed: number;
}

/**
 * The public gateway: the receiver with the patient's join routes, its worker and the daily
 * retention run: what `npm run gateway` (alias `npm run webhooks`) starts, and
 * what one app instance starts when CLINIC_WEBHOOKS_PORT is set.
 */
export async function startWebhookService(
  knex: Knex,
  options: {
    port?: number;
    host?: string;
    log: (message: string, err: unknown) => void;
    secretBox: SecretBox;
    /** Also stand for the election of the patient-message sender (the receiver on a clinic server can be it). */
    sendMessagesFrom?: Database;
    /** Tests point Twilio's REST client at a local fake. */
    twilioHttpClient?: RequestClient;
    /** Behind a reverse proxy on this host: rate limits go by X-Forwarded-For's last address. */
    trustProxy?: boolean;
    /** Tests point the payment gateway's client at a local fake. Default: Razorpay. */
    paymentGateway?: GatewayFactory;
    /** The built call page the join page mounts inside the window (out/join). */
    callPageDir?: string;
  },
): Promise<WebhookService> {
  await sealPlainVideoSecrets(knex, options.secretBox);
  const payments = new GatewayPaymentsService(knex, options.secretBox, options.paymentGateway ?? ((c) => razorpayGateway(c)));
  const owedLinks = owedPrepayLinks(knex, payments, options.log);
  const worker = new WebhookWorker(knex, { log: options.log, applied: (row) => void (isPatientReply(row) && owedLinks.send()) });
  const join = joinGateway({
    patientJoin: new PatientJoin(knex, new TwilioRooms(options.twilioHttpClient), options.secretBox),
    trustProxy: options.trustProxy,
    log: options.log,
    callPageDir: options.callPageDir,
  });
  const receiver = await startWebhookReceiver({
    knex,
    port: options.port,
    host: options.host,
    log: options.log,
    secretBox: options.secretBox,
    stored: (id) => worker.enqueue(id),
    join,
  });
  const resumed = await worker.start();
  // A reply's booking whose link this service stopped before sending.
  void owedLinks.send();
  const stopRetention = scheduleRetention(knex, options.log);
  const stopReconciliation = scheduleReconciliation(knex, payments, options.log);
  const messaging =
    options.sendMessagesFrom &&
    startElectedSender(options.sendMessagesFrom, { log: options.log, secretBox: options.secretBox, twilioHttpClient: options.twilioHttpClient });
  return {
    ...receiver,
    worker,
    resumed,
    async close() {
      stopRetention();
      stopReconciliation();
      await messaging?.stop();
      await receiver.close();
      await worker.stop();
      await owedLinks.settled();
    },
  };
}
