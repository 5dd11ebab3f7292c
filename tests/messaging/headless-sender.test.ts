import { afterAll, describe, expect, it } from 'vitest';
import { startWebhookService } from '../../main/webhooks/service';
import { MODES } from '../support/databases';
import { FakeTwilio } from '../support/fake-twilio';
import type { Harness } from '../support/harness';
import { configureMessaging, eventually, fakeSecretBox, openDesk, outboxOf, PATIENT_PHONE, startPc } from './support';

// The headless receiver on a clinic server can be the sender: it stands for the election and,
// elected, sends a desk's booking confirmation with no desk PC sending.
describe.each(MODES)('the webhook receiver as the sender (%s)', (mode) => {
  const fake = new FakeTwilio();
  let h: Harness | undefined;
  afterAll(async () => {
    await h?.dispose();
    await fake.close();
  });

  it('sends a booking confirmation once elected', { timeout: 120_000 }, async () => {
    h = await startPc(mode, undefined, { messagingSender: undefined });
    await configureMessaging(h.knex);
    const desk = await openDesk(h);
    const receiver = await startWebhookService(h.knex, {
      log: () => undefined,
      secretBox: fakeSecretBox,
      sendMessagesFrom: h.db,
      twilioHttpClient: fake.httpClient(),
    });
    try {
      const a = await desk.book(desk.day(2), '10:00');
      const sent = await eventually('the confirmation sent', async () => {
        const [row] = await outboxOf(h!.knex, a.id);
        return row?.status === 'SENT' ? row : undefined;
      });
      expect(sent.kind).toBe('CONFIRMATION');
      expect(fake.messages.filter((m) => m.to === PATIENT_PHONE).map((m) => m.sid)).toEqual([sent.provider_id]);
    } finally {
      await receiver.close();
    }
  });
});
