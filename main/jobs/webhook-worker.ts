import Queue from 'better-queue';
import type { Knex } from 'knex';
import { applyWebhookEvent } from '../webhooks/apply';
import { lockPendingWebhook, markWebhookProcessed, pendingWebhookIds, recordWebhookFailure, type WebhookRow } from '../webhooks/repo';

export interface WebhookWorkerOptions {
  log: (message: string, err: unknown) => void;
  /** Failed attempts after which an event is parked with its error (default 8). */
  maxAttempts?: number;
  /** Wait before attempt n+1 after n failures (default 2^n seconds, at most 10 minutes). */
  backoffMs?: (failures: number) => number;
  apply?: (trx: Knex.Transaction, row: WebhookRow) => Promise<void>;
  /** Told of each event once its effect has committed: follow-up work that calls out of the database (never awaited). */
  applied?: (row: WebhookRow) => void;
}

const defaultBackoff = (failures: number) => Math.min(1000 * 2 ** failures, 600_000);

/**
 * Applies stored webhook events one at a time. The rows are the queue: better-queue only holds
 * ids in memory, each event is applied and marked processed in one transaction, and at start
 * every unprocessed row is queued again. A crash therefore loses nothing (the row is still
 * unprocessed) and repeats nothing (the effect committed with processed_at, or not at all).
 */
export class WebhookWorker {
  private readonly queue: Queue<{ id: number }>;
  private readonly retries = new Set<NodeJS.Timeout>();
  private readonly idleWaiters: (() => void)[] = [];
  /** Ids pushed and not yet finished: better-queue's own length is updated asynchronously. */
  private readonly inFlight = new Set<number>();
  private stopped = false;

  constructor(
    private readonly knex: Knex,
    private readonly options: WebhookWorkerOptions,
  ) {
    // id: a row queued twice (stored while being re-queued at start) is held once.
    this.queue = new Queue<{ id: number }>(
      (task: { id: number }, done: () => void) => {
        void this.process(task.id).finally(() => {
          this.inFlight.delete(task.id);
          done();
          this.notifyIdle();
        });
      },
      { id: 'id', concurrent: 1 },
    );
  }

  /** Queues every stored event still waiting (after a restart or crash). */
  async start(): Promise<number> {
    const ids = await pendingWebhookIds(this.knex);
    for (const id of ids) this.enqueue(id);
    return ids.length;
  }

  enqueue(id: number): void {
    if (this.stopped) return;
    this.inFlight.add(id);
    this.queue.push({ id });
  }

  /** Resolves once nothing is queued, running or waiting for a retry (tests, orderly shutdown). */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking work; what was only queued in memory stays unprocessed in the table for the next start. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const t of this.retries) clearTimeout(t);
    this.retries.clear();
    this.inFlight.clear();
    await new Promise<void>((resolve) => this.queue.destroy(() => resolve()));
    this.notifyIdle();
  }

  private isIdle(): boolean {
    return this.inFlight.size === 0 && this.retries.size === 0;
  }

  private notifyIdle(): void {
    if (!this.isIdle()) return;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
  }

  private async process(id: number): Promise<void> {
    if (this.stopped) return;
    const apply = this.options.apply ?? applyWebhookEvent;
    try {
      const row = await this.knex.transaction(async (trx) => {
        const locked = await lockPendingWebhook(trx, id);
        if (!locked) return undefined;
        await apply(trx, locked);
        await markWebhookProcessed(trx, id);
        return locked;
      });
      if (row) this.options.applied?.(row);
    } catch (err) {
      if (this.stopped) return;
      await this.failed(id, err);
    }
  }

  private async failed(id: number, err: unknown): Promise<void> {
    const max = this.options.maxAttempts ?? 8;
    const message = err instanceof Error ? err.message : String(err);
    try {
      const attempts = await recordWebhookFailure(this.knex, id, message, (n) => n >= max);
      if (attempts >= max) {
        this.options.log(`webhook event ${id} parked after ${attempts} failed attempts`, message);
        return;
      }
      const timer = setTimeout(
        () => {
          this.retries.delete(timer);
          this.enqueue(id);
          this.notifyIdle();
        },
        (this.options.backoffMs ?? defaultBackoff)(attempts),
      );
      timer.unref();
      this.retries.add(timer);
    } catch (bookkeeping) {
      // The database itself is failing: the row stays pending and the next start picks it up.
      this.options.log(`webhook event ${id} failed and could not be recorded`, bookkeeping);
    }
  }
}
