import { describe, expect, it } from 'vitest';
import { measurePayments } from '../../bench/measure/payments';
import { openDatabase } from '../../main/db/open';
import { scratchServerDatabase } from '../support/databases';

// The bench's webhook-to-PAID figure, on a few payments: every one is timed to PAID as another
// PC reads it, each PAID once with its own receipt. PostgreSQL only, as the figure is: the gateway
// and the other PC hold connections of their own to one clinic server.
describe('the payments bench (server)', () => {
  it('times each payment from its webhook to PAID on another PC, and finds each PAID once', async () => {
    const s = await scratchServerDatabase();
    const db = await openDatabase(s.config, { schema: 'migrate' });
    try {
      const figures = await measurePayments(s.config, db, 3);
      expect(figures.paidOnce).toBe(true);
      expect(figures.webhookToPaid.ops).toBe(3);
      expect(figures.webhookToPaid.p50).toBeGreaterThan(0);
    } finally {
      await db.close();
      await s.dispose();
    }
  }, 120_000);
});
